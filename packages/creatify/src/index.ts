// @reelkit/creatify: Creatify custom template jobs and templates on a @reelkit/core client.
export * from './client.js';
export * from './credits.js';
export * from './errors.js';
export * from './input.js';
export * from './status.js';
export * from './variables.js';
export * from './webhooks.js';
export * from './estimate.js';
