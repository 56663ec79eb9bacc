// Credits the emulator bills (`credits_used`): Creatify's published price table, which lives once in
// @reelkit/core/rules/creatify, the same table @reelkit/creatify estimates from.
export { CREDIT_PRICES, creditsFor, type CreditOperation as JobStage, type ModelVersion } from '@reelkit/core/rules/creatify';
