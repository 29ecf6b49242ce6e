// The Vitest configuration of mutation runs (npm run mutate, docs/testing.md): the project's
// own, plus a fixed fast-check seed so each mutant meets the same property-test cases, and
// room for the property tests, which run slower on instrumented code.
import { mergeConfig } from 'vitest/config';
import base from './vite.config';

export default mergeConfig(base, { test: { setupFiles: ['tests/mutation/fixedSeed.ts'], testTimeout: 120_000 } });
