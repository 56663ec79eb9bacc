import { describe, expect, it } from 'vitest';
import { CREDIT_PRICES, CREDIT_ROUNDING_RULE, estimateCredits } from '../src/index.js';

describe('estimateCredits', () => {
  it('bills standard jobs per started 30 s block: create 5, preview 1, render 4', () => {
    expect(estimateCredits({ operation: 'create', durationSeconds: 30 }).credits).toBe(5);
    expect(estimateCredits({ operation: 'create', durationSeconds: 31 }).credits).toBe(10);
    expect(estimateCredits({ operation: 'create', durationSeconds: 61 }).credits).toBe(15);
    expect(estimateCredits({ operation: 'preview', durationSeconds: 25 }).credits).toBe(1);
    expect(estimateCredits({ operation: 'render', durationSeconds: 25 }).credits).toBe(4);
    expect(estimateCredits({ operation: 'render', durationSeconds: 60 }).credits).toBe(8);
  });

  it('keeps preview + render equal to a direct create for standard jobs', () => {
    for (const durationSeconds of [1, 25, 30, 31, 61, 90, 119]) {
      const preview = estimateCredits({ operation: 'preview', durationSeconds }).credits;
      const render = estimateCredits({ operation: 'render', durationSeconds }).credits;
      expect(preview + render).toBe(estimateCredits({ operation: 'create', durationSeconds }).credits);
    }
  });

  it('bills aurora models per second at the May 2026 prices, rounding seconds and the total up', () => {
    expect(estimateCredits({ operation: 'create', model_version: 'aurora_v1', durationSeconds: 25 }).credits).toBe(25);
    expect(estimateCredits({ operation: 'create', model_version: 'aurora_v1', durationSeconds: 12.2 }).credits).toBe(13);
    expect(estimateCredits({ operation: 'create', model_version: 'aurora_v1_fast', durationSeconds: 25 }).credits).toBe(13);
    expect(estimateCredits({ operation: 'create', model_version: 'aurora_v1_fast', durationSeconds: 30 }).credits).toBe(15);
    expect(estimateCredits({ operation: 'render', model_version: 'aurora_v1_fast', durationSeconds: 61 }).credits).toBe(31);
  });

  it('states the price and the partial-block rule it used in the result', () => {
    const estimate = estimateCredits({ operation: 'create', durationSeconds: 61 });
    expect(estimate).toMatchObject({
      model_version: 'standard',
      billedBlocks: 3,
      price: CREDIT_PRICES.standard.create,
      rule: CREDIT_ROUNDING_RULE,
    });
    expect(estimate.rule).toMatch(/started block is billed in full/);
  });

  it.each([
    ['constructor', 'standard'],
    ['toString', 'standard'],
    ['create', 'constructor'],
    ['create', '__proto__'],
  ])('refuses operation %s with model_version %s instead of pricing an Object.prototype member', (operation, model_version) => {
    const input = { operation, model_version, durationSeconds: 30 } as unknown as Parameters<typeof estimateCredits>[0];
    expect(() => estimateCredits(input)).toThrow(/no price/);
  });

  it('bills nothing for zero seconds and refuses a negative or non-finite duration', () => {
    expect(estimateCredits({ operation: 'create', durationSeconds: 0 }).credits).toBe(0);
    expect(() => estimateCredits({ operation: 'create', durationSeconds: -1 })).toThrow(/durationSeconds/);
    expect(() => estimateCredits({ operation: 'create', durationSeconds: Number.NaN })).toThrow(/durationSeconds/);
  });
});
