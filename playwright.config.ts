import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

/**
 * End-to-end tests run against the BUILT site (build/), served by
 * scripts/serve-static.mjs the way a static host would serve it. Build first:
 *   npm run build && npx playwright test
 * Chromium is the system one (/usr/bin/chromium); Playwright never downloads a browser here.
 */
// The project has no @types/node; this is the one piece of Node the config reads.
declare const process: { env: Record<string, string | undefined> };

// PLAYWRIGHT_PORT lets two runs on one machine use two servers.
const PORT = Number(process.env.PLAYWRIGHT_PORT ?? 4173);
const CI = !!process.env.CI;

export default defineConfig({
	testDir: 'tests/e2e',
	// Artefacts (traces, failure screenshots, the layout screenshots the tests attach): gitignored.
	outputDir: 'test-results',
	fullyParallel: true,
	forbidOnly: CI,
	workers: 2,
	retries: CI ? 1 : 0,
	reporter: 'list',
	timeout: 30_000,
	expect: { timeout: 5_000 },
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				headless: true,
				launchOptions: {
					executablePath: CHROMIUM_PATH,
					args: CHROMIUM_ARGS
				}
			}
		}
	],
	webServer: {
		command: `node scripts/serve-static.mjs --dir build --port ${PORT} --headers static-headers.json --quiet`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: !CI,
		timeout: 30_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
