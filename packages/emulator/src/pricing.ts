// Creatify's published credit prices for custom template jobs (docs.creatify.ai, May 2026).
import type { components } from '@reelkit/core/creatify';

export type ModelVersion = components['schemas']['ModelVersion'];
export type JobStage = 'create' | 'preview' | 'render';

/**
 * Credits per job stage and model.
 * - `standard`: a price per *started* 30-second block of the template's `video_duration`
 *   (a partial block costs a whole one: 25 s → 1 block, 61 s → 3 blocks).
 * - `aurora_v1` / `aurora_v1_fast`: a price per second of video, the total rounded up to a whole
 *   credit (0.5 × 25 s = 12.5 → 13). Previews do not render the avatar, so they cost the
 *   standard preview price with every model (an emulator assumption; Creatify does not say).
 */
export const CREATIFY_PRICES = {
  standard: { blockSeconds: 30, perBlock: { create: 5, preview: 1, render: 4 } },
  aurora_v1: { perSecond: 1 },
  aurora_v1_fast: { perSecond: 0.5 },
} as const;

/** Credits a stage of a job on a template of `videoSeconds` costs. */
export function creditsFor(stage: JobStage, model: ModelVersion, videoSeconds: number): number {
  const { blockSeconds, perBlock } = CREATIFY_PRICES.standard;
  if (model === 'standard' || stage === 'preview') return Math.ceil(videoSeconds / blockSeconds) * perBlock[stage];
  return Math.ceil(videoSeconds * CREATIFY_PRICES[model].perSecond);
}
