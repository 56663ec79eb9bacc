import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// One browser, one server and one emulator per file; the files run one after another so the two
// cores are not shared by several Chromiums.
export default mergeConfig(shared, defineProject({ test: { fileParallelism: false, testTimeout: 30_000, hookTimeout: 30_000 } }));
