// Credit prices of custom template jobs, as data, and an estimate from them.
import { ReelkitError } from '@reelkit/core';
import type { components } from '@reelkit/core/creatify';

export type ModelVersion = components['schemas']['ModelVersion'];
export type CreditOperation = 'create' | 'preview' | 'render';

/** A price: `credits` per started block of `perSeconds` seconds of video. */
export interface CreditPrice {
  credits: number;
  perSeconds: number;
  /** True where Creatify publishes no price and reelkit assumes one (see `note`). */
  assumed?: boolean;
}

/**
 * Creatify's published prices (docs.creatify.ai, changelog of May 2026; before that aurora_v1 was
 * 20 credits / 15 s and aurora_v1_fast 10 credits / 15 s).
 *
 * - `standard`: create 5, preview 1, render 4 credits per 30 s (preview + render = create).
 * - `aurora_v1` 1 credit/s and `aurora_v1_fast` 0.5 credit/s, billed per second. Creatify prices
 *   the avatar render only: a preview does not render the avatar, so it is assumed to cost the
 *   standard preview price, and a render after a preview the full per-second price.
 */
export const CREDIT_PRICES = {
  standard: {
    create: { credits: 5, perSeconds: 30 },
    preview: { credits: 1, perSeconds: 30 },
    render: { credits: 4, perSeconds: 30 },
  },
  aurora_v1: {
    create: { credits: 1, perSeconds: 1 },
    preview: { credits: 1, perSeconds: 30, assumed: true },
    render: { credits: 1, perSeconds: 1, assumed: true },
  },
  aurora_v1_fast: {
    create: { credits: 0.5, perSeconds: 1 },
    preview: { credits: 1, perSeconds: 30, assumed: true },
    render: { credits: 0.5, perSeconds: 1, assumed: true },
  },
} as const satisfies Record<ModelVersion, Record<CreditOperation, CreditPrice>>;

/**
 * How partial blocks are billed. Creatify's text does not say; reelkit (and @reelkit/emulator) bill
 * every started block in full, and round the total up to a whole credit.
 */
export const CREDIT_ROUNDING_RULE =
  'Every started block is billed in full (31 s of standard video = 2 blocks of 30 s; 12.2 s of aurora = 13 s); the total is rounded up to a whole credit.';

export interface EstimateCreditsInput {
  operation: CreditOperation;
  /** Default `standard`, as in the API. */
  model_version?: ModelVersion | undefined;
  /** Length of the video the template produces, in seconds. */
  durationSeconds: number;
}

export interface CreditEstimate {
  credits: number;
  operation: CreditOperation;
  model_version: ModelVersion;
  durationSeconds: number;
  /** The price applied. */
  price: CreditPrice;
  /** Started blocks of `price.perSeconds` seconds that are billed. */
  billedBlocks: number;
  /** The partial-block rule this estimate used (`CREDIT_ROUNDING_RULE`). */
  rule: string;
}

/** Estimated credits of one operation on a video of `durationSeconds`, from `CREDIT_PRICES`. */
export function estimateCredits(input: EstimateCreditsInput): CreditEstimate {
  const { operation, durationSeconds } = input;
  const model_version = input.model_version ?? 'standard';
  if (!Number.isFinite(durationSeconds) || durationSeconds < 0) {
    throw new ReelkitError(`durationSeconds must be a finite number ≥ 0, got ${String(durationSeconds)}`);
  }
  // Own keys only: `constructor`, `toString`, … must not find Object.prototype's members.
  const prices: Partial<Record<string, Partial<Record<string, CreditPrice>>>> = CREDIT_PRICES;
  const byModel = Object.hasOwn(prices, model_version) ? prices[model_version] : undefined;
  const price = byModel && Object.hasOwn(byModel, operation) ? byModel[operation] : undefined;
  if (!price) throw new ReelkitError(`no price for operation "${String(operation)}" with model_version "${String(model_version)}"`);
  const billedBlocks = Math.ceil(durationSeconds / price.perSeconds);
  return {
    credits: Math.ceil(billedBlocks * price.credits),
    operation,
    model_version,
    durationSeconds,
    price,
    billedBlocks,
    rule: CREDIT_ROUNDING_RULE,
  };
}
