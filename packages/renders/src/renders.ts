// Render operations on a core client. Retries, rate limiting, timeouts and the money-safety rule
// (a POST that may have reached the server is never retried) live in core; this adds argument
// checks, modification checking (on by default), waiting, batches on the submission ledger, and
// webhook confirmation. Every call hands core only `{ body | params, ...pickCallOptions(options) }`:
// a caller's options object is never spread into a request.
import type { CreatomateClient, PollInterval } from '@reelkit/core';
import type { Templates } from '@reelkit/templates';
import { createTemplates } from '@reelkit/templates/client';
import { checkCreateParams, checkId, checkIds, checkListQuery, checkOptions } from './arguments.js';
import { collectBatch, createBatch } from './batch/start.js';
import type { BatchGenerator, BatchOptions, BatchResult, BatchSummary } from './batch/types.js';
import { linkSignals, pickCallOptions, type CallOptions } from '@reelkit/core';
import { InvalidModificationsError } from './errors.js';
import { lazily } from './lazy.js';
import { DEFAULT_TEMPLATE_CACHE_MS, hasModifications, templateCache } from './modifications.js';
import { observer } from './observe.js';
import type { CreateOptions, CreateRenderParams, ListRendersQuery, Render } from './types.js';
import { waiter, type RenderWaitOptions } from './wait.js';
import type { ConfirmWebhookOptions } from './confirm-webhook.js';

// The modification check (validateModifications with the RenderScript addressing and did-you-mean)
// is loaded on first use: a create without modifications, get and waitFor never download it.
// The batch proper loads the same way on a batch's first next() (batch/start.ts checks the arguments
// first, synchronously).
const loadModificationCheck = lazily('modification check', () => import('./check-modifications.js'));
// Webhook confirmation (the body's Render schema, URL verification) is server-side: loaded by the
// first confirmRenderWebhook call; the helpers themselves are the `@reelkit/renders/webhooks` subpath.
const loadWebhookConfirmation = lazily('webhook confirmation', () => import('./confirm-webhook.js'));

export interface RendersOptions {
  /** How long a fetched template source is trusted by the modification check, in ms. Default 5 minutes. */
  templateCacheMs?: number;
  /** Default poll schedule of `waitFor` and `createAndWait` (field by field over 1 s ×1.5 → 5 s). */
  interval?: PollInterval;
  /** The clock (ms) of the template cache and of the list fallback's retry (tests inject one). Default `Date.now`. */
  now?: () => number;
}

/** `createAndWait`: the create's options, the wait's, and `request` for every request of both. */
export interface CreateAndWaitOptions extends RenderWaitOptions {
  /** See `CreateOptions.checkModifications` (default true). */
  checkModifications?: boolean;
}

/** Creatomate renders on one core client (one rate limiter, one logger). */
export interface Renders {
  /**
   * `POST /renders`. Resolves to the created renders (several for `tags`), in state `planned`.
   * Checks `modifications` first unless `checkModifications: false`; sent once, never retried
   * after an unknown outcome.
   */
  create<Id extends string>(params: CreateRenderParams<Id>, options?: CreateOptions): Promise<Render[]>;
  /** `GET /renders/{id}`. */
  get(id: string, options?: CallOptions): Promise<Render>;
  /** `GET /renders`, most recent first. An unknown query key is refused by name (`RequestValidationError`). */
  list(query?: ListRendersQuery, options?: CallOptions): Promise<Render[]>;
  /** `DELETE /renders/{id}`. */
  delete(id: string, options?: CallOptions): Promise<Render>;
  /**
   * Polls until the render (or every one of the renders) is `succeeded` or `failed`; any other
   * status is not final. `deadlineMs` bounds the whole wait, `request.timeoutMs` each poll.
   */
  waitFor(id: string, options?: RenderWaitOptions): Promise<Render>;
  waitFor(ids: readonly string[], options?: RenderWaitOptions): Promise<Render[]>;
  /** `create`, then `waitFor` every created render. `signal` and `request` apply to the create and to every poll. */
  createAndWait<Id extends string>(params: CreateRenderParams<Id>, options?: CreateAndWaitOptions): Promise<Render[]>;
  /**
   * Re-fetches the render a webhook body names and returns the render as the API reports it. Act
   * on the returned render's `status`, never on the body: anyone can POST a body to your receiver.
   * Pass `{ renderKey, secret }` (the key from `verifyWebhookUrl`) so that a leaked signed URL
   * cannot be replayed with a body naming another render: see `ConfirmWebhookOptions`.
   */
  confirmRenderWebhook(payload: unknown, options?: ConfirmWebhookOptions): Promise<Render>;
  /**
   * Submits `items` with bounded concurrency inside the client's rate limit, through the
   * submission ledger, and yields each item's result as it finishes; returns the summary. Never
   * submits an item twice, in this run or a resumed one (same `ledger` and `batchId`).
   */
  batch<T extends CreateRenderParams>(items: Iterable<T> | AsyncIterable<T>, options?: BatchOptions<T>): AsyncGenerator<BatchResult<T>, BatchSummary, undefined>;
  /** `batch` run to its end: every result (in the order they finished) and the summary. */
  runBatch<T extends CreateRenderParams>(items: Iterable<T> | AsyncIterable<T>, options?: BatchOptions<T>): Promise<{ results: BatchResult<T>[]; summary: BatchSummary }>;
  /** The templates client this uses for modification checks (same core client). */
  readonly templates: Templates;
}

export function createRenders(client: CreatomateClient, options: RendersOptions = {}): Renders {
  checkOptions(options);
  const templates = createTemplates(client);
  const lookup = templateCache(templates, { cacheMs: options.templateCacheMs ?? DEFAULT_TEMPLATE_CACHE_MS, now: options.now ?? Date.now });
  const observe = observer(client, options.now ?? Date.now);
  const waitForMany = waiter(observe, options.interval ?? {});

  async function create<Id extends string>(params: CreateRenderParams<Id>, opts: CreateOptions = {}): Promise<Render[]> {
    checkCreateParams(params);
    checkOptions(opts);
    const request = pickCallOptions(opts);
    if (opts.checkModifications !== false && hasModifications(params)) {
      const { modificationProblems } = await loadModificationCheck();
      const problems = await modificationProblems(params, lookup, templates, request);
      if (problems.length > 0) throw new InvalidModificationsError(problems);
    }
    return client.POST('/renders', { body: params, ...request });
  }

  function waitFor(id: string, opts?: RenderWaitOptions): Promise<Render>;
  function waitFor(ids: readonly string[], opts?: RenderWaitOptions): Promise<Render[]>;
  async function waitFor(idOrIds: string | readonly string[], opts: RenderWaitOptions = {}): Promise<Render | Render[]> {
    checkOptions(opts);
    if (typeof idOrIds === 'string') {
      checkId(idOrIds);
      return (await waitForMany([idOrIds], opts))[0]!;
    }
    checkIds(idOrIds);
    return waitForMany(idOrIds, opts);
  }

  const list = async (query: ListRendersQuery = {}, opts: CallOptions = {}) => {
    checkListQuery(query);
    return client.GET('/renders', { params: { query }, ...pickCallOptions(opts) });
  };
  const batch = createBatch({ create, list, observe, rateLimit: client.rateLimit });

  return {
    templates,
    create,
    async get(id, opts) {
      checkId(id);
      return client.GET('/renders/{id}', { params: { path: { id } }, ...pickCallOptions(opts) });
    },
    list,
    async delete(id, opts) {
      checkId(id);
      return client.DELETE('/renders/{id}', { params: { path: { id } }, ...pickCallOptions(opts) });
    },
    waitFor,
    async createAndWait(params, opts = {}) {
      const { checkModifications, ...wait } = opts;
      // Both signals stop the create too; `request`'s timeout and retries apply to it.
      const linked = linkSignals(opts.signal, opts.request?.signal);
      let created: Render[];
      try {
        created = await create(params, { ...pickCallOptions(opts.request), signal: linked.signal, ...(checkModifications !== undefined ? { checkModifications } : {}) });
      } finally {
        linked.dispose();
      }
      return waitFor(
        created.map((r) => r.id),
        wait,
      );
    },
    async confirmRenderWebhook(payload, opts = {}) {
      const { confirmRenderWebhook } = await loadWebhookConfirmation();
      return confirmRenderWebhook(client, payload, opts);
    },
    batch,
    runBatch: (items, opts) => collectBatch(batch(items, opts)),
  };
}

export type { BatchGenerator, ConfirmWebhookOptions };
