import { defineProject } from 'vitest/config';

// The demo is an app: its tests run against the packages' builds (turbo's `test` depends on `build`),
// not the `@reelkit/source` condition of the shared preset. That condition is also handed to every
// worker thread, and the emulator's file-builder worker (plain Node) cannot load TypeScript sources.
// One browser, one server and one emulator per file; files run one after another so the two cores
// are not shared by several Chromiums.
export default defineProject({ test: { fileParallelism: false, testTimeout: 30_000, hookTimeout: 30_000 } });
