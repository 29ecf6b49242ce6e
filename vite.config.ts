import { readdirSync, readFileSync } from 'node:fs';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { parsePriceSheet } from './src/lib/pricing/schema';

const SHEETS_DIR = 'src/lib/pricing/sheets';

/**
 * Validates every price sheet with the zod schema when Vite starts (dev, build, tests):
 * a malformed sheet stops everything with a message naming the field. The browser then
 * trusts the data it was built with and does not need zod to check it again.
 */
function validatePriceSheets(): Plugin {
	return {
		name: 'validate-price-sheets',
		buildStart() {
			for (const file of readdirSync(SHEETS_DIR).filter((f) => f.endsWith('.json'))) {
				const path = `${SHEETS_DIR}/${file}`;
				this.addWatchFile(path);
				try {
					parsePriceSheet(JSON.parse(readFileSync(path, 'utf8')));
				} catch (error) {
					this.error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
				}
			}
		}
	};
}

export default defineConfig({
	plugins: [validatePriceSheets(), sveltekit(), svelteTesting()],
	build: {
		minify: 'terser',
		terserOptions: { compress: { passes: 2 }, mangle: { toplevel: true } },
		rollupOptions: {
			output: {
				// Svelte and SvelteKit in one chunk: a dozen small chunks gzip worse than one.
				manualChunks: (id) => (/node_modules\/(svelte|@sveltejs\/kit|esm-env|clsx)\//.test(id) ? 'framework' : undefined)
			}
		}
	},
	server: { port: 5173 },
	preview: { port: 4173 },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/simulation/**/*.test.ts'],
		environment: 'node',
		// A test that asserts nothing is a defect: fail it.
		expect: { requireAssertions: true },
		// Property tests run thousands of cases: on a busy 2-core machine they take tens of
		// seconds. A limit guards against a hang, not against slowness (budgets live in scripts/).
		testTimeout: 120_000
	}
});
