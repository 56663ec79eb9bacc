// What Creatomate refuses in a create-render request, known before the network: the spec's own
// constraints (through the generated schema, never copied) plus the rules a schema cannot hold —
// exactly one selector, a frame rate per format, the 4-hour duration limit, safe modification keys.
// @reelkit/renders calls checkRenderRequest before sending; @reelkit/emulator answers 400 with it.
import type { ValidationIssue } from '../errors.js';
import type { components } from '../generated/creatomate/index.js';
// The request table alone: the operation table would pull the response schemas into a browser bundle.
import { requestSchemas } from '../generated/creatomate/requests.js';
import { check } from '../validation.js';
import { unsafeKeyReason } from './modification-keys.js';
import type { OutputFormat, Source } from './renderscript.js';
import { isRecord } from './values.js';

type CreateRenderRequest = components['schemas']['CreateRenderRequest'];

/** Longest output the API renders, in seconds (4 hours). */
export const MAX_DURATION_SECONDS = 4 * 3600;
/** Frames per second each animated format accepts (stills have no frame rate). */
export const FRAME_RATE_RANGE: Readonly<Record<'mp4' | 'gif', { min: number; max: number }>> = { mp4: { min: 1, max: 60 }, gif: { min: 1, max: 15 } };
/** The frame rate a source gets when neither it nor the request sets one (documented: 60 for video; gif's maximum). */
export const DEFAULT_FRAME_RATE: Readonly<Record<'mp4' | 'gif', number>> = { mp4: 60, gif: 15 };

/** Seconds of a RenderScript time value: a number, `"3"`, `"3 s"` or `"3s"`; undefined for anything else (`"50%"`, `"media"`). */
export function secondsOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*s?\s*$/.exec(v);
  return m ? Number(m[1]) : undefined;
}

/** Pixels of a RenderScript size: a number or `"1080"` / `"1080 px"`; undefined for relative sizes. */
export function pixelsOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*(px)?\s*$/.test(v)) return Number.parseFloat(v);
  return undefined;
}

/**
 * Length of a source in seconds: its `duration`, else the end of its timeline (elements on one track
 * play one after another unless they have a `time`), else 5 s (documented default for an empty one).
 */
export function durationOf(source: Source): number {
  const declared = secondsOf(source.duration);
  if (declared !== undefined) return declared;
  let end = 0;
  const tracks = new Map<number, number>();
  for (const el of Array.isArray(source.elements) ? (source.elements as unknown[]) : []) {
    if (!isRecord(el)) continue;
    const duration = secondsOf(el.duration);
    if (duration === undefined) continue;
    const track = pixelsOf(el.track) ?? -1;
    const start = secondsOf(el.time) ?? tracks.get(track) ?? 0;
    tracks.set(track, start + duration);
    end = Math.max(end, start + duration);
  }
  return end > 0 ? end : 5;
}

/** Why `fps` is not a valid frame rate for `format`, or undefined. */
export function frameRateProblem(format: OutputFormat, fps: number): string | undefined {
  if (format !== 'mp4' && format !== 'gif') return undefined;
  const { min, max } = FRAME_RATE_RANGE[format];
  return fps >= min && fps <= max ? undefined : `the frame_rate of ${format} output must be between ${min} and ${max}, got ${fps}`;
}

/** Why a render of `seconds` cannot be made, or undefined. */
export function durationProblem(seconds: number): string | undefined {
  return seconds > MAX_DURATION_SECONDS ? `the output would last ${seconds} s, longer than the limit of ${MAX_DURATION_SECONDS} s (4 hours)` : undefined;
}

function selectorIssues(req: Record<string, unknown>): ValidationIssue[] {
  const given = (['template_id', 'source', 'tags'] as const).filter((k) => req[k] !== undefined);
  if (given.length === 1) return [];
  return [{ path: '(root)', message: given.length === 0 ? 'provide a template_id, a source or tags to select what to render' : `provide exactly one of template_id, source or tags, not ${given.join(' and ')}` }];
}

function modificationKeyIssues(modifications: unknown): ValidationIssue[] {
  if (!isRecord(modifications)) return [];
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(modifications)) {
    const why = unsafeKeyReason(key);
    if (why) issues.push({ path: `modifications.${key}`, message: why });
  }
  return issues;
}

/**
 * The RenderScript structure the API needs to read a source at all: every `elements` (the source's
 * and each composition's) is an array of element objects. Walked with a stack, not recursion, so a
 * deep source cannot overflow it (the emulator also bounds JSON depth before parsing).
 */
function sourceIssues(source: unknown): ValidationIssue[] {
  if (!isRecord(source)) return [];
  const issues: ValidationIssue[] = [];
  const stack: [Record<string, unknown>, string][] = [[source, 'source']];
  while (stack.length > 0 && issues.length < 20) {
    const [node, path] = stack.pop()!;
    if (node.elements === undefined) continue;
    if (!Array.isArray(node.elements)) {
      issues.push({ path: `${path}.elements`, message: 'expected an array of elements' });
      continue;
    }
    (node.elements as unknown[]).forEach((el, i) => {
      if (isRecord(el)) stack.push([el, `${path}.elements.${i}`]);
      else issues.push({ path: `${path}.elements.${i}`, message: 'expected an element object' });
    });
  }
  return issues;
}

/** The format the request renders when it says so itself (a template's own format is not known here). */
function declaredFormat(req: CreateRenderRequest): OutputFormat | undefined {
  const fromSource = isRecord(req.source) ? req.source.output_format : undefined;
  return req.output_format ?? (fromSource === 'mp4' || fromSource === 'gif' || fromSource === 'jpg' || fromSource === 'png' ? fromSource : undefined);
}

function rangeIssues(req: CreateRenderRequest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const format = declaredFormat(req);
  if (format && typeof req.frame_rate === 'number') {
    const why = frameRateProblem(format, req.frame_rate);
    if (why) issues.push({ path: 'frame_rate', message: why });
  }
  const durations: [string, number | undefined][] = [
    ['source.duration', isRecord(req.source) ? durationOf(req.source) : undefined],
    ['modifications.duration', isRecord(req.modifications) ? secondsOf(req.modifications.duration) : undefined],
  ];
  for (const [path, seconds] of durations) {
    const why = seconds === undefined ? undefined : durationProblem(seconds);
    if (why) issues.push({ path, message: why });
  }
  return issues;
}

/**
 * Every reason Creatomate would refuse this create-render body, as issues naming the field (empty:
 * nothing known to be wrong). The generated schema's constraints (ranges of render_scale, frame_rate,
 * max_width/max_height, non-empty tags, http(s) webhook_url, unknown fields) come first.
 */
export function checkRenderRequest(params: unknown): ValidationIssue[] {
  if (!isRecord(params)) return [{ path: '(root)', message: `the render request must be an object, got ${params === null ? 'null' : Array.isArray(params) ? 'an array' : typeof params}` }];
  const schemaIssues = check(requestSchemas.createRender.body, params, '');
  const req = params as CreateRenderRequest;
  return [...schemaIssues, ...selectorIssues(params), ...sourceIssues(params.source), ...modificationKeyIssues(params.modifications), ...rangeIssues(req)];
}
