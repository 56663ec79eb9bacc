export { specs } from './generated/specs.js';
// Generated types, zod schemas and operation tables per vendor (also at @reelkit/core/<vendor>).
export * as creatomate from './generated/creatomate/index.js';
export * as creatify from './generated/creatify/index.js';
