// The demo server's JSON and SSE shapes, shared by the server and the page. Every vendor object in
// them is core's generated type (a renamed spec field fails the demo's typecheck); only the demo's
// own envelopes (history entries, batch views, events) are declared here.
import type { components as Creatomate } from '@reelkit/core/creatomate';
import type { components as Creatify } from '@reelkit/core/creatify';
import type { JobCreditEstimate, VariableProblem } from '@reelkit/creatify';
import type { BatchStatus, BatchSummary } from '@reelkit/renders';
import type { InspectedElement, ModificationProblem, Placeholder } from '@reelkit/templates';

export type Render = Creatomate['schemas']['Render'];
export type RenderStatus = Render['status'];
export type Template = Creatomate['schemas']['Template'];
export type CustomTemplate = Creatify['schemas']['CustomTemplate'];
export type CustomTemplateDetail = Creatify['schemas']['CustomTemplateDetail'];
export type CustomTemplateJob = Creatify['schemas']['CustomTemplateJob'];
export type TemplateVariables = Creatify['schemas']['TemplateVariables'];
export type ModelVersion = Creatify['schemas']['ModelVersion'];
export type { BatchSummary, JobCreditEstimate, InspectedElement, ModificationProblem, Placeholder, VariableProblem };

/** `GET /api/health`: which services the server talks to (never their keys). */
export interface Health {
  mode: 'emulator' | 'live';
  creatomate: { configured: boolean; baseUrl: string };
  creatify: { configured: boolean; baseUrl: string };
  /** Whether renders and jobs get webhook URLs (off in live mode without REELKIT_DEMO_PUBLIC_URL). */
  webhooks: boolean;
}

/** `GET /api/templates/:id`: the template and what its modifications can address. */
export interface TemplateForm {
  template: Template;
  elements: InspectedElement[];
  placeholders: Placeholder[];
}

/** A render the demo server started, as last seen (by create, a webhook or a poll). */
export interface HistoryEntry {
  key: string;
  render: Render;
  /** What brought the last change: the create answer, a verified webhook, or the fallback poll. */
  updated_by: 'create' | 'webhook' | 'poll' | 'batch';
  created_at: string;
}

export type BatchItemStatus = 'pending' | BatchStatus;

export interface BatchItemView {
  index: number;
  label: string;
  status: BatchItemStatus;
  render: Render | null;
  /** Why it did not succeed, in words a person can act on. */
  reason: string | null;
}

export interface BatchView {
  id: string;
  items: BatchItemView[];
  /** `renders.runBatch`'s counts, once every item has a result. */
  summary: BatchSummary | null;
  /** Why the batch stopped early, if it did. */
  error: string | null;
}

export type JobStage = 'preview' | 'render';

export interface JobView {
  job: CustomTemplateJob;
  stage: JobStage;
  updated_by: 'create' | 'webhook' | 'poll';
}

/** `estimateJobCredits` for each way of paying, from the job input as the form holds it. */
export interface CreditEstimates {
  preview: JobCreditEstimate;
  render: JobCreditEstimate;
  create: JobCreditEstimate;
}

/** Events on `GET /api/events` (SSE event name = `type`, data = the JSON). */
export type DemoEvent =
  | { type: 'render'; entry: HistoryEntry }
  | { type: 'batch'; batch: BatchView }
  | { type: 'job'; view: JobView };

/** Every error answer: what went wrong and what to do, plus the problems per field when there are any. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    /** What the person can do about it. */
    action: string;
    /** Modification problems (Creatomate) or variable problems (Creatify), per key. */
    problems?: { key: string; message: string }[];
  };
}
