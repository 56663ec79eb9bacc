// What every route of the demo server shares: the package clients (one core client per vendor),
// the in-memory stores, the event hub and the webhook secret.
import type { PollInterval } from '@reelkit/core';
import type { Creatify } from '@reelkit/creatify';
import type { Renders } from '@reelkit/renders';
import type { Templates } from '@reelkit/templates';
import type { BatchView, JobView } from '../shared/api.js';
import type { EventHub } from './events.js';
import type { RenderHistory } from './history.js';

export interface DemoContext {
  /** Undefined when Creatomate is not configured (live mode without a key). */
  renders: Renders | undefined;
  templates: Templates | undefined;
  creatify: Creatify | undefined;
  events: EventHub;
  history: RenderHistory;
  batches: Map<string, BatchView>;
  /** Creatify jobs this server started, by job id. */
  jobs: Map<string, JobView>;
  /** Signs and checks webhook URLs (random per process: the stores live in memory too). */
  secret: string;
  /** Where the vendors can reach this server's `/hooks/…`, or undefined to poll only. */
  webhookBase(): string | undefined;
  /** Fallback polling schedule of renders and jobs (webhooks usually come first). */
  poll: PollInterval;
  log(line: string): void;
  /** Aborted when the server closes: stops background waits. */
  closing: AbortSignal;
  /** Fallback polls in flight, by render history key or job id: a verified final webhook stops its poll. */
  polls: Map<string, AbortController>;
}
