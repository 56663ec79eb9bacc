// Credit estimates of custom template jobs, from the published price table in @reelkit/core/rules/creatify
// (the same table the emulator bills by).
import { ReelkitError } from '@reelkit/core';
import { billedBlocks, CREDIT_ROUNDING_RULE, priceOf, type CreditOperation, type CreditPrice, type ModelVersion } from '@reelkit/core/rules/creatify';

export { CREDIT_PRICES, CREDIT_ROUNDING_RULE, type CreditOperation, type CreditPrice, type ModelVersion } from '@reelkit/core/rules/creatify';

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
  const price = priceOf(model_version, operation);
  if (!price) throw new ReelkitError(`no price for operation "${String(operation)}" with model_version "${String(model_version)}"`);
  const blocks = billedBlocks(price, durationSeconds);
  return { credits: Math.ceil(blocks * price.credits), operation, model_version, durationSeconds, price, billedBlocks: blocks, rule: CREDIT_ROUNDING_RULE };
}
