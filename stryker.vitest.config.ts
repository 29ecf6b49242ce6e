// The Vitest configuration of mutation runs (npm run mutate, docs/testing.md): the project's
// own, plus a fixed fast-check seed so each mutant meets the same property-test cases, at
// most 100 cases a property (tests/mutation/fastCheck.js), and room for tests that run slower
// on instrumented code.
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import base from './vite.config';

export default mergeConfig(base, {
	resolve: {
		alias: [
			{ find: /^fast-check$/, replacement: fileURLToPath(new URL('./tests/mutation/fastCheck.js', import.meta.url)) },
			{ find: /^fast-check-real$/, replacement: fileURLToPath(import.meta.resolve('fast-check')) }
		]
	},
	test: { setupFiles: ['tests/mutation/fixedSeed.ts'], testTimeout: 120_000 }
});
