// The emulator's state and lifecycles, independent of HTTP: accounts (one per API key), Creatomate
// renders and Creatify jobs moving through their statuses on the emulator clock, output files,
// webhooks and persistence.
import { createHash } from 'node:crypto';
import type { components as CM } from '@reelkit/core/creatomate';
import type { components as CF } from '@reelkit/core/creatify';
import type { Clock } from './clock.js';
import { creatifyValidation, creatomateError, type ErrorReply } from './errors.js';
import { creatifyTemplates, creatomateTemplates, type CreatifySeedTemplate } from './fixtures.js';
import { checkRenderRequest } from '@reelkit/core/rules/creatomate';
import { checkJobInput, checkVariables } from '@reelkit/core/rules/creatify';
import { centredTextLayers, layoutOf } from './layout.js';
import { FileBuilder } from './builder.js';
import { MAX_DIMENSION, MAX_PIXELS, MAX_VIDEO_SECONDS } from './limits.js';
import type { FileSpec } from './outputs.js';
import { creditsFor, type JobStage, type ModelVersion } from './pricing.js';
import type { Random } from './random.js';
import {
  applyModifications, backgroundColor, failingElement, phasesFor, planOutput,
  type OutputFormat, type RenderScript,
} from './renderscript.js';
import type { JsonlStore, LogEntry } from './store.js';
import type { Webhooks } from './webhooks.js';

export type Render = CM['schemas']['Render'];
export type RenderStatus = CM['schemas']['RenderStatus'];
export type CreateRenderRequest = CM['schemas']['CreateRenderRequest'];
export type CustomTemplateJob = CF['schemas']['CustomTemplateJob'];
export type JobStatus = CF['schemas']['JobStatus'];
export type CustomTemplateJobInput = CF['schemas']['CustomTemplateJobInput'];

/** How long each phase takes, in emulator milliseconds (divide by `speed` for real time). */
export const TIMINGS = {
  creatomate: {
    planned: 1000,
    waiting: 2000,
    transcribing: 3000,
    renderingStill: 1500,
    renderingVideoBase: 2000,
    /** Per second of output video/GIF. */
    renderingPerSecond: 250,
  },
  creatify: {
    pending: 1000,
    inQueue: 2000,
    runningPreview: 3000,
    runningRenderBase: 2000,
    /** Per second of the template's video. */
    runningPerSecond: 200,
  },
} as const;

interface Step<S extends string> {
  status: S;
  at: number;
}

export interface RenderRecord {
  id: string;
  account: string;
  created: number;
  status: RenderStatus;
  step: number;
  schedule: Step<RenderStatus>[];
  template_id: string | null;
  template_name: string | null;
  template_tags: string[] | null;
  output_format: OutputFormat;
  render_scale: number;
  modifications: Record<string, unknown> | null;
  webhook_url: string | null;
  metadata: string | null;
  frame_rate: number | null;
  duration: number | null;
  file: FileSpec;
  snapshot: FileSpec | null;
  /** Set at creation when the render is bound to fail. */
  error: string | null;
  file_size: number | null;
}

export interface JobRecord {
  id: string;
  account: string;
  template_id: string;
  created: number;
  updated: number;
  status: JobStatus;
  step: number;
  schedule: Step<JobStatus>[];
  stage: JobStage;
  runFrom: number;
  runTo: number;
  /** Progress a failed/rejected job stopped at. */
  stoppedAt: number;
  name: string | null;
  variables: Record<string, unknown>;
  webhook_url: string | null;
  model_version: ModelVersion;
  is_hidden: boolean;
  credits_used: number;
  duration: number;
  media_job: string | null;
  outcome: { status: 'done' } | { status: 'failed' | 'rejected'; reason: string };
  has_preview: boolean;
  has_video: boolean;
  video: FileSpec;
  preview: FileSpec;
}

interface Account {
  label: string;
  renders: Map<string, RenderRecord>;
  jobs: Map<string, JobRecord>;
}

const RENDER_TERMINAL = new Set<RenderStatus>(['succeeded', 'failed']);
const JOB_TERMINAL = new Set<JobStatus>(['done', 'failed', 'rejected']);

/** Shows enough of a key to recognise it, never the key itself. */
export function maskKey(key: string): string {
  if (key.length <= 8) return `${'*'.repeat(key.length)} (${key.length} chars)`;
  return `${key.slice(0, 4)}…${key.slice(-2)} (${key.length} chars)`;
}

/**
 * Accounts are keyed by a hash of the credential, so the data directory never holds a key. Each part
 * is length-prefixed, so no two different credentials (Creatify's id + key pair) hash the same text.
 */
export const accountId = (vendor: string, ...credential: readonly string[]) =>
  createHash('sha256').update([vendor, ...credential].map((part) => `${part.length}:${part}`).join('')).digest('hex').slice(0, 24);

const iso = (ms: number) => new Date(ms).toISOString();
const sentence = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}.`;

/** A UUID-shaped id derived from `text`, so ids assigned during transitions do not depend on timing. */
function derivedId(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `snapshot_time` as seconds (a number or "2.5 s"), 0 when unreadable. */
function snapshotSeconds(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseFloat(value) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** Why an output cannot be produced (too large, too long, or no real length), or undefined. */
function outputLimitError(plan: { width: number; height: number; duration: number | null }): string | undefined {
  if (plan.width > MAX_DIMENSION || plan.height > MAX_DIMENSION || plan.width * plan.height > MAX_PIXELS) {
    return `The output of ${plan.width}×${plan.height} exceeds the emulator's limit (${MAX_DIMENSION} pixels a side, ${MAX_PIXELS} pixels in all).`;
  }
  if (plan.duration === null) return undefined;
  if (!(plan.duration > 0)) return `The output duration must be greater than 0 s, got ${plan.duration} s.`;
  if (plan.duration > MAX_VIDEO_SECONDS) return `The output duration of ${plan.duration} s exceeds the emulator's limit of ${MAX_VIDEO_SECONDS} s (4 hours).`;
  return undefined;
}

const ASPECT_SIZES: Record<string, [number, number]> = { '9x16': [720, 1280], '16x9': [1280, 720], '1x1': [720, 720], '4x5': [720, 900] };

export interface EngineOptions {
  clock: Clock;
  random: Random;
  webhooks: Webhooks;
  store?: JsonlStore | undefined;
}

export class Engine {
  readonly clock: Clock;
  readonly webhooks: Webhooks;
  readonly files = new FileBuilder();
  /** Output builds in flight, by render id: a render succeeds once its file exists (for file_size). */
  readonly #builds = new Map<string, Promise<void>>();
  baseUrl = 'http://127.0.0.1';
  readonly #random: Random;
  readonly #store: JsonlStore | undefined;
  readonly #accounts = new Map<string, Account>();
  readonly #renders = new Map<string, RenderRecord>();
  readonly #jobs = new Map<string, JobRecord>();
  readonly #pending = new Set<RenderRecord | JobRecord>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: EngineOptions) {
    this.clock = options.clock;
    this.#random = options.random;
    this.webhooks = options.webhooks;
    this.#store = options.store;
    this.clock.onAdvance(() => this.sync());
    if (this.#store) this.#load(this.#store);
  }

  // ---- accounts & persistence ----

  account(id: string, label: string): Account {
    let acc = this.#accounts.get(id);
    if (!acc) {
      acc = { label, renders: new Map(), jobs: new Map() };
      this.#accounts.set(id, acc);
      this.#store?.append({ op: 'account', account: id, label });
    }
    return acc;
  }

  #load(store: JsonlStore): void {
    const { records, accounts } = store.load();
    for (const [id, label] of accounts) this.#accounts.set(id, { label, renders: new Map(), jobs: new Map() });
    for (const { kind, record } of records.values()) {
      if (kind === 'render') {
        const r = record as RenderRecord;
        this.#accountOf(r.account).renders.set(r.id, r);
        this.#renders.set(r.id, r);
        if (!RENDER_TERMINAL.has(r.status)) this.#pending.add(r);
      } else {
        const j = record as JobRecord;
        this.#accountOf(j.account).jobs.set(j.id, j);
        this.#jobs.set(j.id, j);
        if (!JOB_TERMINAL.has(j.status)) this.#pending.add(j);
      }
    }
    store.compact(this.#snapshot());
  }

  #accountOf(id: string): Account {
    let acc = this.#accounts.get(id);
    if (!acc) this.#accounts.set(id, (acc = { label: '(unknown)', renders: new Map(), jobs: new Map() }));
    return acc;
  }

  #snapshot(): LogEntry[] {
    const entries: LogEntry[] = [];
    for (const [account, acc] of this.#accounts) entries.push({ op: 'account', account, label: acc.label });
    for (const r of this.#renders.values()) entries.push({ op: 'put', kind: 'render', id: r.id, record: r });
    for (const j of this.#jobs.values()) entries.push({ op: 'put', kind: 'job', id: j.id, record: j });
    return entries;
  }

  #save(rec: RenderRecord | JobRecord): void {
    this.#store?.append({ op: 'put', kind: 'output_format' in rec ? 'render' : 'job', id: rec.id, record: rec });
  }

  #newId(): string {
    for (;;) {
      const id = this.#random.uuid();
      if (!this.#renders.has(id) && !this.#jobs.has(id)) return id;
    }
  }

  reset(): void {
    this.#accounts.clear();
    this.#renders.clear();
    this.#jobs.clear();
    this.#pending.clear();
    this.#builds.clear();
    this.files.clear();
    this.#store?.append({ op: 'reset' });
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.files.close();
  }

  /** Starts building a render's file (in the worker); its success waits for the bytes. */
  #build(rec: RenderRecord): void {
    if (rec.error !== null || rec.file_size !== null || this.#builds.has(rec.id)) return;
    const done = this.files.build(rec.file).then(
      (bytes) => {
        rec.file_size = bytes.length;
      },
      (err: unknown) => {
        rec.error = `The emulator could not produce the output file: ${err instanceof Error ? err.message : String(err)}`;
      },
    ).finally(() => {
      this.#builds.delete(rec.id);
      if (!this.#closed) this.sync();
    });
    this.#builds.set(rec.id, done);
  }

  /**
   * On the manual clock, waits for the files of every render whose success is due, then applies the
   * due transitions, so a read after `clock.advance()` sees them succeeded (other requests are served
   * meanwhile). On the real clock a render simply stays `rendering` until its file exists.
   */
  async settle(): Promise<void> {
    if (this.clock.mode !== 'manual') return this.sync();
    const now = this.clock.now();
    const due: Promise<void>[] = [];
    for (const rec of this.#pending) {
      if (!('output_format' in rec)) continue;
      const last = rec.schedule[rec.schedule.length - 1]!;
      const build = this.#builds.get(rec.id);
      if (build && last.at <= now) due.push(build);
    }
    if (due.length > 0) await Promise.all(due);
    this.sync();
  }

  // ---- time ----

  /** Applies every transition that is due; sends webhooks for the changes. */
  sync(): void {
    if (this.#pending.size === 0) return;
    const now = this.clock.now();
    for (const rec of [...this.#pending]) {
      if ('output_format' in rec) this.#advanceRender(rec, now);
      else this.#advanceJob(rec, now);
    }
    this.#arm();
  }

  /** With the real clock, wakes up for the next due transition (so webhooks go out on time). */
  #arm(): void {
    if (this.clock.mode !== 'real' || this.#closed) return;
    clearTimeout(this.#timer);
    let next = Infinity;
    const now = this.clock.now();
    for (const rec of this.#pending) {
      const step = rec.schedule[rec.step + 1];
      // A step already due is waiting for its file; the build's end wakes the engine, not a timer.
      if (step && step.at > now && step.at < next) next = step.at;
    }
    if (next === Infinity) return;
    this.#timer = setTimeout(() => this.sync(), Math.min(2 ** 31 - 1, Math.ceil(this.clock.realDelayUntil(next)) + 1));
    this.#timer.unref();
  }

  #advanceRender(rec: RenderRecord, now: number): void {
    let changed = false;
    while (rec.step + 1 < rec.schedule.length && rec.schedule[rec.step + 1]!.at <= now) {
      const next = rec.schedule[rec.step + 1]!;
      if (next.status === 'succeeded' && rec.error === null && rec.file_size === null) {
        this.#build(rec); // not built yet (or loaded from --data): the build's end calls sync() again
        break;
      }
      if (next.status === 'succeeded' && rec.error !== null) rec.schedule[rec.step + 1] = { ...next, status: 'failed' };
      rec.step++;
      rec.status = rec.schedule[rec.step]!.status;
      changed = true;
    }
    if (!changed) return;
    if (RENDER_TERMINAL.has(rec.status)) {
      this.#pending.delete(rec);
      if (rec.webhook_url) this.webhooks.send('creatomate', rec.id, rec.status, rec.webhook_url, this.renderWire(rec));
    }
    this.#save(rec);
  }

  #advanceJob(rec: JobRecord, now: number): void {
    while (rec.step + 1 < rec.schedule.length && rec.schedule[rec.step + 1]!.at <= now) {
      rec.step++;
      const { status, at } = rec.schedule[rec.step]!;
      rec.status = status;
      rec.updated = at;
      if (status === 'running') rec.media_job ??= derivedId(`media_job:${rec.id}`);
      if (status === 'done') {
        if (rec.stage === 'preview') rec.has_preview = true;
        else rec.has_video = true;
      }
      if (JOB_TERMINAL.has(status)) this.#pending.delete(rec);
      // Creatify may call the webhook on every status change, not only at the end.
      if (rec.webhook_url) {
        const wire = this.jobWire(rec, at);
        this.webhooks.send('creatify', rec.id, status, rec.webhook_url, { ...wire, output: wire.video_output });
      }
      this.#save(rec);
    }
  }

  // ---- Creatomate ----

  templates(): readonly CM['schemas']['Template'][] {
    return creatomateTemplates;
  }

  /** Validates the semantic rules the schema cannot express and queues one render per selected design. */
  createRenders(accountKey: string, label: string, req: CreateRenderRequest): Render[] | ErrorReply {
    // The vendor's rules for the request as a whole (selectors, per-format frame rate, duration,
    // unsafe modification keys): the same function the SDK runs before sending.
    const issues = checkRenderRequest(req);
    if (issues.length > 0) return creatomateError(400, issues.map((i) => (i.path === '(root)' ? `${sentence(i.message)}` : `The parameter '${i.path}' is invalid: ${i.message}.`)).join(' '));
    type Design = { source: RenderScript; template: CM['schemas']['Template'] | null };
    let designs: Design[];
    if (req.template_id !== undefined) {
      const t = creatomateTemplates.find((x) => x.id === req.template_id);
      if (!t) return creatomateError(400, `The template '${req.template_id}' was not found in this project.`);
      designs = [{ source: (t.source ?? {}), template: t }];
    } else if (req.tags !== undefined) {
      const tags = req.tags;
      const matches = creatomateTemplates.filter((t) => (t.tags ?? []).some((tag) => tags.includes(tag)));
      if (matches.length === 0) return creatomateError(400, `No template in this project carries the tags ${tags.map((t) => `'${t}'`).join(', ')}.`);
      designs = matches.map((t) => ({ source: (t.source ?? {}), template: t }));
    } else {
      const source = req.source as RenderScript;
      if (source.elements !== undefined && !Array.isArray(source.elements)) return creatomateError(400, "The source's 'elements' must be an array.");
      designs = [{ source, template: null }];
    }

    const now = this.clock.now();
    const acc = this.account(accountKey, label);
    const planned: RenderRecord[] = [];
    for (const design of designs) {
      const resolved = applyModifications(design.source, req.modifications);
      const plan = planOutput(resolved.source, req);
      if ('error' in plan) return creatomateError(400, plan.error);
      const id = this.#newId();
      const bg = backgroundColor(resolved.source, design.template?.id ?? id);
      let error: string | null = null;
      const overLimit = outputLimitError(plan);
      const failing = failingElement(resolved.source);
      if (failing) error = `The element '${failing}' could not be rendered (it fails on purpose in the emulator).`;
      else if (overLimit) error = overLimit;
      const snapshotTime = resolved.source.snapshot_time;
      // Bounded: an over-limit output is never drawn, so its layers are not worth computing.
      const layers = overLimit ? [] : layoutOf(resolved.source, plan.width, plan.height, bg);
      const snapshot: FileSpec | null = plan.format === 'mp4' && snapshotTime !== undefined && snapshotTime !== null
        ? { format: 'jpg', width: plan.width, height: plan.height, background: bg, layers, time: snapshotSeconds(snapshotTime) }
        : null;

      const phases = phasesFor(resolved.source);
      const T = TIMINGS.creatomate;
      let t = now;
      const schedule: Step<RenderStatus>[] = [{ status: 'planned', at: t }];
      t += T.planned;
      if (phases.waiting) { schedule.push({ status: 'waiting', at: t }); t += T.waiting; }
      // Own subtitle timings (`transcripts`) replace automatic transcription.
      if (phases.transcribing && req.transcripts === undefined) { schedule.push({ status: 'transcribing', at: t }); t += T.transcribing; }
      schedule.push({ status: 'rendering', at: t });
      // An output over the limits fails as soon as rendering starts: its length says nothing about when.
      t += plan.duration === null || overLimit ? T.renderingStill : T.renderingVideoBase + Math.ceil(plan.duration * T.renderingPerSecond);
      schedule.push({ status: error ? 'failed' : 'succeeded', at: t });

      planned.push({
        id, account: accountKey, created: now, status: 'planned', step: 0, schedule,
        template_id: design.template?.id ?? null,
        template_name: design.template?.name ?? null,
        template_tags: design.template ? [...(design.template.tags ?? [])] : null,
        output_format: plan.format,
        render_scale: plan.render_scale,
        modifications: req.modifications ?? null,
        webhook_url: req.webhook_url ?? null,
        metadata: req.metadata ?? null,
        frame_rate: plan.frame_rate,
        duration: plan.duration,
        file: { format: plan.format, width: plan.width, height: plan.height, frame_rate: plan.frame_rate, duration: plan.duration, background: bg, layers },
        snapshot,
        error,
        file_size: null,
      });
    }
    for (const rec of planned) {
      acc.renders.set(rec.id, rec);
      this.#renders.set(rec.id, rec);
      this.#pending.add(rec);
      this.#save(rec);
      this.#build(rec);
    }
    this.sync();
    return planned.map((r) => this.renderWire(r));
  }

  listRenders(accountKey: string, filter: { template_id?: string | undefined; limit: number }): Render[] {
    const acc = this.#accounts.get(accountKey);
    if (!acc) return [];
    return [...acc.renders.values()]
      .filter((r) => filter.template_id === undefined || r.template_id === filter.template_id)
      .sort((a, b) => b.created - a.created)
      .slice(0, filter.limit)
      .map((r) => this.renderWire(r));
  }

  getRender(accountKey: string, id: string): Render | undefined {
    const rec = this.#accounts.get(accountKey)?.renders.get(id);
    return rec && this.renderWire(rec);
  }

  deleteRender(accountKey: string, id: string): Render | undefined {
    const acc = this.#accounts.get(accountKey);
    const rec = acc?.renders.get(id);
    if (!acc || !rec) return undefined;
    const wire = this.renderWire(rec);
    acc.renders.delete(id);
    this.#renders.delete(id);
    this.#pending.delete(rec);
    this.#store?.append({ op: 'delete', kind: 'render', id });
    return wire;
  }

  renderWire(rec: RenderRecord): Render {
    const done = rec.status === 'succeeded';
    const out: Render = {
      id: rec.id,
      status: rec.status,
      ...(rec.status === 'failed' ? { error_message: rec.error ?? 'The render failed.' } : {}),
      url: `${this.baseUrl}/__emulator/files/renders/${rec.id}.${rec.output_format}`,
    };
    if (rec.snapshot) out.snapshot_url = `${this.baseUrl}/__emulator/files/snapshots/${rec.id}.jpg`;
    out.template_id = rec.template_id;
    out.template_name = rec.template_name;
    out.template_tags = rec.template_tags;
    out.output_format = rec.output_format;
    out.render_scale = rec.render_scale;
    if (done) {
      out.width = rec.file.width;
      out.height = rec.file.height;
      out.frame_rate = rec.frame_rate;
      out.duration = rec.duration;
      out.file_size = rec.file_size;
    }
    out.modifications = rec.modifications;
    out.webhook_url = rec.webhook_url;
    out.metadata = rec.metadata;
    return out;
  }

  /** Output file of a finished render (`snapshot` for its still), looked up by id alone like a CDN URL. */
  async renderFileById(id: string, snapshot: boolean): Promise<{ bytes: Uint8Array; format: OutputFormat } | undefined> {
    const rec = this.#renders.get(id);
    if (!rec || rec.status !== 'succeeded') return undefined;
    if (snapshot) return rec.snapshot ? { bytes: await this.files.build(rec.snapshot), format: 'jpg' } : undefined;
    return { bytes: await this.files.build(rec.file), format: rec.output_format };
  }

  // ---- Creatify ----

  creatifyTemplates(): readonly CreatifySeedTemplate[] {
    return creatifyTemplates;
  }

  /** Checks `variables` against the template's definitions (the SDK's own rule): DRF field errors under `variables`. */
  #checkVariables(template: CreatifySeedTemplate, variables: Record<string, unknown>): string[] {
    return checkVariables(template.variables, variables).map((p) => (p.name ? `${p.name}: ${p.message}` : p.message));
  }

  createJob(accountKey: string, label: string, stage: 'create' | 'preview', body: CustomTemplateJobInput, sync = false): CustomTemplateJob | ErrorReply {
    const template = creatifyTemplates.find((t) => t.template_id === body.template_id);
    if (!template) return creatifyValidation({ template_id: [`Invalid pk "${body.template_id}" - object does not exist.`] });
    const inputIssues = checkJobInput(body);
    if (inputIssues.length) return creatifyValidation(Object.fromEntries(inputIssues.map((i) => [i.path === '(root)' ? 'non_field_errors' : i.path, [i.message]])));
    const variableErrors = this.#checkVariables(template, body.variables);
    if (variableErrors.length) return creatifyValidation({ variables: variableErrors });

    const texts = Object.values(body.variables)
      .filter((v) => v.type === 'text')
      .map((v) => (v.properties as { content?: unknown }).content);
    const outcome: JobRecord['outcome'] = texts.includes('__reject__')
      ? { status: 'rejected', reason: 'The content was rejected by moderation (a text variable is "__reject__").' }
      : texts.includes('__fail__')
        ? { status: 'failed', reason: 'The video could not be generated (a text variable is "__fail__").' }
        : { status: 'done' };

    const now = this.clock.now();
    const [w, h] = ASPECT_SIZES[template.aspect_ratio] ?? [720, 1280];
    const model = body.model_version ?? 'standard';
    const bg = backgroundColor({}, template.template_id);
    const rec: JobRecord = {
      id: this.#newId(), account: accountKey, template_id: template.template_id,
      created: now, updated: now, status: 'pending', step: 0, schedule: [], stage,
      runFrom: now, runTo: now, stoppedAt: 0,
      name: body.name ?? null,
      variables: body.variables,
      webhook_url: body.webhook_url ?? null,
      model_version: model,
      is_hidden: body.is_hidden ?? false,
      credits_used: creditsFor(stage, model, template.video_duration),
      duration: template.video_duration,
      media_job: null,
      outcome,
      has_preview: false,
      has_video: false,
      video: { format: 'mp4', width: w, height: h, frame_rate: 30, duration: template.video_duration, background: bg, layers: centredTextLayers(texts.filter((t): t is string => typeof t === 'string'), w, h, bg) },
      preview: { format: 'mp4', width: w / 2, height: h / 2, frame_rate: 30, duration: template.video_duration, background: bg, layers: centredTextLayers(texts.filter((t): t is string => typeof t === 'string'), w / 2, h / 2, bg) },
    };
    this.#plan(rec, now, sync);
    const acc = this.account(accountKey, label);
    acc.jobs.set(rec.id, rec);
    this.#jobs.set(rec.id, rec);
    this.#pending.add(rec);
    this.#save(rec);
    this.sync();
    return this.jobWire(rec);
  }

  /** Lays out pending → in_queue → running → terminal from `start`; all at once for the sync preview. */
  #plan(rec: JobRecord, start: number, instant: boolean): void {
    const T = TIMINGS.creatify;
    const run = rec.stage === 'preview' ? T.runningPreview : T.runningRenderBase + rec.duration * T.runningPerSecond;
    const d = (ms: number) => (instant ? 0 : ms);
    const inQueue = start + d(T.pending);
    const running = inQueue + d(T.inQueue);
    const done = running + d(run);
    const stop = rec.outcome.status === 'done' ? done : running + d(Math.round(run / 2));
    rec.schedule = [
      { status: 'pending', at: start },
      { status: 'in_queue', at: inQueue },
      { status: 'running', at: running },
      { status: rec.outcome.status, at: stop },
    ];
    rec.step = 0;
    rec.status = 'pending';
    rec.updated = start;
    rec.runFrom = running;
    rec.runTo = done;
    rec.stoppedAt = instant ? 0.5 : Math.round(((stop - running) / Math.max(1, done - running)) * 100) / 100;
  }

  /** `/{id}/render/`: only a job whose preview is done and that has not been rendered. */
  renderJob(accountKey: string, id: string): CustomTemplateJob | ErrorReply | undefined {
    const rec = this.#accounts.get(accountKey)?.jobs.get(id);
    if (!rec) return undefined;
    if (rec.stage !== 'preview') return creatifyValidation([rec.stage === 'render' ? 'This job has already been rendered.' : 'This job was created to render directly; it has no preview step to render from.']);
    if (rec.status !== 'done') return creatifyValidation([`The preview of this job is not done yet (status: ${rec.status}).`]);
    const now = this.clock.now();
    rec.stage = 'render';
    rec.credits_used += creditsFor('render', rec.model_version, rec.duration);
    this.#plan(rec, now, false);
    this.#pending.add(rec);
    this.#save(rec);
    this.sync();
    return this.jobWire(rec);
  }

  getJob(accountKey: string, id: string): CustomTemplateJob | undefined {
    const rec = this.#accounts.get(accountKey)?.jobs.get(id);
    return rec && this.jobWire(rec);
  }

  #progress(rec: JobRecord, now: number): number {
    switch (rec.status) {
      case 'pending':
      case 'in_queue':
        return 0;
      case 'running': {
        const f = (now - rec.runFrom) / Math.max(1, rec.runTo - rec.runFrom);
        return Math.min(0.99, Math.max(0, Math.round(f * 100) / 100));
      }
      case 'done':
        return 1;
      default:
        return rec.stoppedAt;
    }
  }

  jobWire(rec: JobRecord, at = this.clock.now()): CustomTemplateJob {
    const failed = rec.status === 'failed' || rec.status === 'rejected';
    return {
      id: rec.id,
      created_at: iso(rec.created),
      updated_at: iso(rec.updated),
      name: rec.name,
      variables: rec.variables,
      media_job: rec.media_job,
      video_output: rec.has_video ? `${this.baseUrl}/__emulator/files/jobs/${rec.id}/video.mp4` : null,
      preview: rec.has_preview ? `${this.baseUrl}/__emulator/preview/${rec.id}` : null,
      editor_url: null,
      failed_reason: failed && rec.outcome.status !== 'done' ? rec.outcome.reason : null,
      credits_used: rec.credits_used,
      duration: rec.duration,
      status: rec.status,
      progress: this.#progress(rec, at),
      webhook_url: rec.webhook_url,
      model_version: rec.model_version,
      is_hidden: rec.is_hidden,
    };
  }

  /** A job's video (`video`) or preview (`preview`) file, looked up by id alone like a CDN URL. */
  async jobFileById(id: string, which: 'video' | 'preview'): Promise<Uint8Array | undefined> {
    const rec = this.#jobs.get(id);
    if (!rec || !(which === 'video' ? rec.has_video : rec.has_preview)) return undefined;
    return this.files.build(which === 'video' ? rec.video : rec.preview);
  }

  hasPreview(id: string): boolean {
    return this.#jobs.get(id)?.has_preview ?? false;
  }

  // ---- admin ----

  state(): EmulatorStateAccounts {
    return [...this.#accounts.values()].map((acc) => ({
      account: acc.label,
      renders: [...acc.renders.values()].map((r) => this.renderWire(r)),
      jobs: [...acc.jobs.values()].map((j) => this.jobWire(j)),
    }));
  }
}

export type EmulatorStateAccounts = Array<{ account: string; renders: Render[]; jobs: CustomTemplateJob[] }>;
