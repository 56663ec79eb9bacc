export * from './generated/specs.js';
