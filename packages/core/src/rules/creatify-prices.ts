// Creatify's published credit prices for custom template jobs, as ONE table: @reelkit/creatify
// estimates from it and @reelkit/emulator bills `credits_used` from it.
import type { components } from '../generated/creatify/index.js';

export type ModelVersion = components['schemas']['ModelVersion'];
/** A paid step of a job: a direct create (preview and render in one), a preview, or the render after a preview. */
export type CreditOperation = 'create' | 'preview' | 'render';

/** A price: `credits` per started block of `perSeconds` seconds of video. */
export interface CreditPrice {
  readonly credits: number;
  readonly perSeconds: number;
  /** True where Creatify publishes no price and reelkit assumes one. */
  readonly assumed?: boolean;
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
 * How partial blocks are billed. Creatify's text does not say; reelkit (and the emulator) bill every
 * started block in full, and round the total up to a whole credit.
 */
export const CREDIT_ROUNDING_RULE =
  'Every started block is billed in full (31 s of standard video = 2 blocks of 30 s; 12.2 s of aurora = 13 s); the total is rounded up to a whole credit.';

/** The price of `operation` with `model` (own keys only: `constructor` finds nothing), or undefined. */
export function priceOf(model: string, operation: string): CreditPrice | undefined {
  const prices: Partial<Record<string, Partial<Record<string, CreditPrice>>>> = CREDIT_PRICES;
  const byModel = Object.hasOwn(prices, model) ? prices[model] : undefined;
  return byModel && Object.hasOwn(byModel, operation) ? byModel[operation] : undefined;
}

/** Started blocks of `price` billed for `seconds` of video. */
export const billedBlocks = (price: CreditPrice, seconds: number): number => Math.ceil(seconds / price.perSeconds);

/** Credits `operation` costs on a template of `seconds` of video, by CREDIT_PRICES and CREDIT_ROUNDING_RULE. */
export function creditsFor(operation: CreditOperation, model: ModelVersion, seconds: number): number {
  const price = CREDIT_PRICES[model][operation];
  return Math.ceil(billedBlocks(price, seconds) * price.credits);
}
