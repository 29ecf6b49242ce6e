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

// The tests start their own server on their own port: 4273 by default, not the 4173 of
// `npm run preview` (a preview left running must not stand in for the build under test).
// PLAYWRIGHT_PORT picks another, e.g. for two runs on one machine.
const PORT = Number(process.env.PLAYWRIGHT_PORT ?? 4273);
if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) {
	throw new Error(`PLAYWRIGHT_PORT must be a port number (1..65535), got ${JSON.stringify(process.env.PLAYWRIGHT_PORT)}`);
}
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
		// Never reuse whatever already answers on the port (an old build, another checkout):
		// if the port is taken, the run stops and says so.
		reuseExistingServer: false,
		timeout: 30_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
