// Render operations on a core client. Retries, rate limiting, timeouts and the money-safety rule
// (a POST that may have reached the server is never retried) live in core; this adds waiting,
// pre-flight validation, batches that never submit an item twice, and webhook confirmation.
import {
  ApiError,
  poll,
  RequestValidationError,
  type CreatomateClient,
  type PollInterval,
  type RateLimitWindow,
  type RequestOptions as CoreRequestOptions,
} from '@reelkit/core';
import { createTemplates, validateModifications, type ModificationProblem, type Template, type Templates } from '@reelkit/templates';
import { createBatch, type BatchOptions, type BatchResult } from './batch.js';
import { InvalidModificationsError, RenderFailedError, TemplateNotCheckableError } from './errors.js';
import { parseRenderWebhook, WebhookRenderMismatchError } from './webhook.js';
import { verifyWebhookUrl, type WebhookSecret } from './webhook-url.js';
import { isTerminal, type CreateRenderParams, type ListRendersQuery, type Render } from './types.js';

/** Per-request options passed through to core (`timeoutMs` is per attempt). */
export type RequestOptions = Pick<CoreRequestOptions, 'signal' | 'timeoutMs' | 'maxRetries'>;

export interface CreateOptions extends RequestOptions {
  /**
   * Check `modifications` against the template (fetched once per id, then cached) or the inline
   * source before submitting; throws `InvalidModificationsError` listing every problem, or
   * `TemplateNotCheckableError` when a template comes back without its `source` (nothing to check).
   */
  validate?: boolean;
}

export interface WaitOptions {
  signal?: AbortSignal;
  /** Give up after this long (throws core's `TimeoutError`). Default: no limit. */
  timeoutMs?: number;
  /** Called with every status observed (each render, when waiting for several). */
  onProgress?: (render: Render) => void;
  /** Default true: a `failed` render rejects with `RenderFailedError`. false: it is returned like any other. */
  throwOnFailure?: boolean;
  /** Poll schedule. Default: 1 s, growing ×1.5 to at most 5 s. */
  interval?: PollInterval;
}

export interface ConfirmWebhookOptions extends RequestOptions {
  /**
   * The key `verifyWebhookUrl` returned for the request's URL. The re-fetched render must belong to
   * it — its `metadata` equals the key, or (with `secret`) its own `webhook_url` was signed for the
   * key — or `WebhookRenderMismatchError` is thrown. Without it any real render is confirmed.
   */
  renderKey?: string;
  /** The webhook secret: lets a render whose `webhook_url` you signed for `renderKey` prove it belongs. */
  secret?: WebhookSecret;
}

/** True when `render` belongs to `renderKey`: its metadata is the key, or its webhook URL was signed (with `secret`) for it. */
async function belongsTo(render: Render, renderKey: string, secret: WebhookSecret | undefined): Promise<boolean> {
  if (render.metadata === renderKey) return true;
  if (secret === undefined || typeof render.webhook_url !== 'string') return false;
  const check = await verifyWebhookUrl(render.webhook_url, secret);
  return check.valid && check.renderKey === renderKey;
}

export const DEFAULT_WAIT_INTERVAL: Required<PollInterval> = { initialMs: 1000, maxMs: 5000, factor: 1.5 } as const;

export interface Renders {
  /** `POST /renders`. Resolves to the created renders (several for `tags`), in state `planned`. */
  create<Id extends string>(params: CreateRenderParams<Id>, options?: CreateOptions): Promise<Render[]>;
  /** `GET /renders/{id}`. */
  get(id: string, options?: RequestOptions): Promise<Render>;
  /** `GET /renders`, most recent first. */
  list(query?: ListRendersQuery, options?: RequestOptions): Promise<Render[]>;
  /** `DELETE /renders/{id}`. */
  delete(id: string, options?: RequestOptions): Promise<Render>;
  /** Polls until the render (or every one of the renders) is `succeeded` or `failed`. */
  waitFor(id: string, options?: WaitOptions): Promise<Render>;
  waitFor(ids: readonly string[], options?: WaitOptions): Promise<Render[]>;
  /** `create`, then `waitFor` every created render. */
  createAndWait<Id extends string>(params: CreateRenderParams<Id>, options?: CreateOptions & WaitOptions): Promise<Render[]>;
  /**
   * Re-fetches the render a webhook body names and returns the render as the API reports it. Act
   * on the returned render's `status`, never on the body: anyone can POST a body to your receiver.
   * Pass `{ renderKey, secret }` (the key from `verifyWebhookUrl`) so that a leaked signed URL
   * cannot be replayed with a body naming another render: see `ConfirmWebhookOptions`.
   */
  confirmRenderWebhook(payload: unknown, options?: ConfirmWebhookOptions): Promise<Render>;
  /**
   * Submits `items` with bounded concurrency inside core's rate limit and yields each item's
   * result as it finishes. Never submits an item twice: see `BatchResult` for `unknown`.
   */
  batch<T extends CreateRenderParams>(items: Iterable<T> | AsyncIterable<T>, options?: BatchOptions): AsyncGenerator<BatchResult<T>, void, undefined>;
  /** The templates client this uses for validation (same core client). */
  readonly templates: Templates;
}

/** What batch builds on: the operations plus the multi-render sweep. */
export interface RendersCore extends Omit<Renders, 'batch'> {
  observe(ids: readonly string[], signal: AbortSignal | undefined): Promise<Render[]>;
}

/** The client's rate limit, as its description reports it (`false`: none). */
function clientRateLimit(client: CreatomateClient): RateLimitWindow | false {
  const limit = client.toJSON().rateLimit as Partial<RateLimitWindow> | false | undefined;
  return limit && typeof limit.requests === 'number' && typeof limit.windowMs === 'number' ? { requests: limit.requests, windowMs: limit.windowMs } : false;
}

const selectors = (p: Record<string, unknown>) => (['template_id', 'source', 'tags'] as const).filter((k) => p[k] !== undefined);

export function createRenders(client: CreatomateClient): Renders {
  const templates = createTemplates(client);
  const templateCache = new Map<string, Promise<Template>>();

  const template = (id: string, options: RequestOptions): Promise<Template> => {
    let cached = templateCache.get(id);
    if (!cached) {
      cached = templates.get(id, options);
      templateCache.set(id, cached);
      // A failed fetch is not cached: the next create tries again.
      cached.catch(() => templateCache.delete(id));
    }
    return cached;
  };

  /** The template's source, or `TemplateNotCheckableError` when the API sent none: never a silent pass. */
  async function checkableSource(id: string, options: RequestOptions) {
    const t = await template(id, options);
    if (!t.source) throw new TemplateNotCheckableError(id, t.name);
    return t.source;
  }

  async function problemsFor(params: CreateRenderParams, options: RequestOptions): Promise<ModificationProblem[]> {
    const mods = params.modifications ?? {};
    if (params.source !== undefined) return validateModifications(params.source, mods);
    if (params.template_id !== undefined) {
      return validateModifications(await checkableSource(params.template_id, options), mods);
    }
    // tags: one render per tagged template, so a key only needs to fit one of them; report a
    // problem only when every template has it.
    const list = await templates.list({ tags: params.tags ?? [] }, options);
    const perTemplate = await Promise.all(
      list.map(async (t) => validateModifications(await checkableSource(t.id, options), mods)),
    );
    if (perTemplate.length === 0) return [];
    const [first, ...rest] = perTemplate as [ModificationProblem[], ...ModificationProblem[][]];
    return first.filter((p) => rest.every((r) => r.some((q) => q.key === p.key && q.code === p.code)));
  }

  const get = (id: string, options: RequestOptions = {}) => client.GET('/renders/{id}', { params: { path: { id } }, ...options });

  // Set when GET /renders turns out not to exist (it is unconfirmed in Creatomate's docs): from
  // then on every render is fetched by id.
  let listUnsupported = false;

  /**
   * The current state of several renders with as few requests as possible, so waiting for many
   * renders stays inside the rate limit: one `GET /renders?limit=100` covers the most recent 100,
   * the rest (older ones, or all of them when the list is unavailable) are fetched by id.
   */
  async function observe(ids: readonly string[], signal: AbortSignal | undefined): Promise<Render[]> {
    const byId = new Map<string, Render>();
    if (ids.length > 1 && !listUnsupported) {
      try {
        for (const r of await client.GET('/renders', { params: { query: { limit: 100 } }, signal })) byId.set(r.id, r);
      } catch (error) {
        if (!(error instanceof ApiError && [400, 403, 404, 405, 501].includes(error.status))) throw error;
        listUnsupported = true;
      }
    }
    return Promise.all(ids.map(async (id) => byId.get(id) ?? get(id, { signal })));
  }

  async function waitForMany(ids: readonly string[], options: WaitOptions): Promise<Render[]> {
    const latest = new Map<string, Render>();
    const done = () => ids.every((id) => latest.has(id) && isTerminal(latest.get(id)!));
    await poll({
      // `signal` carries the caller's abort and the overall deadline into each request.
      get: async (signal) => {
        const pending = ids.filter((id) => !latest.has(id) || !isTerminal(latest.get(id)!));
        for (const render of await observe(pending, signal)) {
          latest.set(render.id, render);
          // Every observation, not only changes: callers count polls and drive test clocks with it.
          options.onProgress?.(render);
        }
        return latest;
      },
      isTerminal: done,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      interval: { ...DEFAULT_WAIT_INTERVAL, ...options.interval },
    });
    const renders = ids.map((id) => latest.get(id)!);
    const failed = renders.find((r) => r.status === 'failed');
    if (failed && options.throwOnFailure !== false) throw new RenderFailedError(failed, renders);
    return renders;
  }

  function waitFor(id: string, options?: WaitOptions): Promise<Render>;
  function waitFor(ids: readonly string[], options?: WaitOptions): Promise<Render[]>;
  async function waitFor(idOrIds: string | readonly string[], options: WaitOptions = {}): Promise<Render | Render[]> {
    if (typeof idOrIds === 'string') return (await waitForMany([idOrIds], options))[0]!;
    return waitForMany(idOrIds, options);
  }

  async function create<Id extends string>(params: CreateRenderParams<Id>, options: CreateOptions = {}): Promise<Render[]> {
    const chosen = selectors(params);
    if (chosen.length !== 1) {
      throw new RequestValidationError(
        `A render needs exactly one of template_id, source or tags; got ${chosen.length === 0 ? 'none' : chosen.join(', ')}.`,
        [{ path: 'body', message: 'exactly one of template_id, source, tags is required' }],
      );
    }
    const { validate, ...request } = options;
    if (validate) {
      const problems = await problemsFor(params, request);
      if (problems.length > 0) throw new InvalidModificationsError(problems);
    }
    return client.POST('/renders', { body: params, ...request });
  }

  const api: Omit<Renders, 'batch'> = {
    templates,
    create,
    get,
    list: (query = {}, options = {}) => client.GET('/renders', { params: { query }, ...options }),
    delete: (id, options = {}) => client.DELETE('/renders/{id}', { params: { path: { id } }, ...options }),
    waitFor,
    async createAndWait(params, options = {}) {
      const { validate, ...wait } = options;
      const created = await create(params, { validate, signal: options.signal });
      return waitFor(
        created.map((r) => r.id),
        wait,
      );
    },
    async confirmRenderWebhook(payload, options = {}) {
      const { renderKey, secret, ...request } = options;
      const claimed = parseRenderWebhook(payload);
      const render = await get(claimed.id, request);
      if (renderKey !== undefined && !(await belongsTo(render, renderKey, secret))) throw new WebhookRenderMismatchError(render, renderKey);
      return render;
    },
  };
  return { ...api, batch: createBatch({ ...api, observe }, clientRateLimit(client)) };
}
