// A credit estimate from the job input itself, before anything is spent. Creatify does not say how
// long a template's video will be until the job has run, so the length is estimated from what the
// input carries: the spoken text (at a stated speaking rate) and the media whose durations the
// caller knows. The assumption travels with the result, so nobody mistakes it for a quote.
import { ReelkitError } from '@reelkit/core';
import { estimateCredits, type CreditEstimate, type CreditOperation, type ModelVersion } from './credits.js';
import type { JobInput } from './input.js';

/** 2.5 words per second (150 words a minute): a common rate for narration. */
export const DEFAULT_WORDS_PER_SECOND = 2.5;

export interface EstimateJobOptions {
  operation: CreditOperation;
  /** Default: the input's `model_version`, else `standard`. */
  model_version?: ModelVersion | undefined;
  /** Speaking rate the text variables are read at. Default `DEFAULT_WORDS_PER_SECOND`. */
  wordsPerSecond?: number | undefined;
  /** Known durations (seconds) of media variables, by variable name (`{ tour_video: 42 }`). */
  mediaSeconds?: Readonly<Record<string, number>> | undefined;
  /** A floor for the length (e.g. a template's fixed intro and outro), in seconds. Default 0. */
  minimumSeconds?: number | undefined;
}

export interface JobEstimateAssumption {
  wordsPerSecond: number;
  /** Words in every `text` variable, all taken as spoken. */
  spokenWords: number;
  spokenSeconds: number;
  /** The media durations used (only variables present in the input). */
  mediaSeconds: Record<string, number>;
  minimumSeconds: number;
  /** Which of them set the length: the longest track wins, as they play side by side. */
  lengthFrom: 'speech' | 'media' | 'minimum';
  /** The assumption in one sentence, for showing next to the number. */
  text: string;
}

export interface JobCreditEstimate extends CreditEstimate {
  assumption: JobEstimateAssumption;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new ReelkitError(`${name} must be a finite number ≥ 0, got ${String(value)}`);
  return value;
}

/** Words of every `text` variable's `properties.content`. */
function spokenWordsOf(variables: JobInput['variables']): number {
  let total = 0;
  for (const v of Object.values(variables)) {
    const content = v.type === 'text' ? (v.properties as { content?: unknown } | undefined)?.content : undefined;
    if (typeof content === 'string') total += words(content);
  }
  return total;
}

/**
 * Estimated credits of a job from its input: length = the longest of the spoken text (words ÷
 * `wordsPerSecond`), the known media durations and `minimumSeconds`, priced by `estimateCredits`.
 */
export function estimateJobCredits(input: Pick<JobInput, 'variables'> & { model_version?: ModelVersion | null | undefined }, options: EstimateJobOptions): JobCreditEstimate {
  const wordsPerSecond = options.wordsPerSecond ?? DEFAULT_WORDS_PER_SECOND;
  if (!(Number.isFinite(wordsPerSecond) && wordsPerSecond > 0)) throw new ReelkitError(`wordsPerSecond must be a number > 0, got ${String(wordsPerSecond)}`);
  const minimumSeconds = nonNegative('minimumSeconds', options.minimumSeconds ?? 0);
  const spokenWords = spokenWordsOf(input.variables);
  const spokenSeconds = spokenWords / wordsPerSecond;
  const mediaSeconds: Record<string, number> = {};
  for (const [name, seconds] of Object.entries(options.mediaSeconds ?? {})) {
    if (Object.hasOwn(input.variables, name)) mediaSeconds[name] = nonNegative(`mediaSeconds.${name}`, seconds);
  }
  const longestMedia = Math.max(0, ...Object.values(mediaSeconds));
  const durationSeconds = Math.max(spokenSeconds, longestMedia, minimumSeconds);
  const lengthFrom = durationSeconds === spokenSeconds && spokenSeconds > 0 ? 'speech' : durationSeconds === longestMedia && longestMedia > 0 ? 'media' : 'minimum';
  const mediaText = Object.keys(mediaSeconds).length ? `, media ${Object.entries(mediaSeconds).map(([n, s]) => `${n} ${s} s`).join(', ')}` : ', no known media durations';
  const text = `${spokenWords} spoken words at ${wordsPerSecond} words/s = ${round(spokenSeconds)} s${mediaText}${minimumSeconds ? `, at least ${minimumSeconds} s` : ''}: a ${round(durationSeconds)} s video (from ${lengthFrom})`;
  const estimate = estimateCredits({ operation: options.operation, model_version: options.model_version ?? input.model_version ?? undefined, durationSeconds });
  return { ...estimate, assumption: { wordsPerSecond, spokenWords, spokenSeconds, mediaSeconds, minimumSeconds, lengthFrom, text } };
}

const round = (n: number) => Math.round(n * 10) / 10;
