/**
 * The embed on hostile or restrictive host pages, and pages that cannot start:
 * - a sandboxed iframe (`sandbox="allow-scripts"`, origin "null") loads the app's modules
 *   (CORS: /_app/ is sent with Access-Control-Allow-Origin: *) and shows the link's scenario;
 * - a page that cannot start never shows the default figures as the link's;
 * - /embed.js resizes only the calculator's frames: a sibling frame (another origin, a
 *   srcdoc frame, a frame that navigated the calculator's iframe) cannot resize anything,
 *   heights are clamped, and named elements on the host page cannot switch it off;
 * - the Embed dialog builds its addresses from the site's root, even on /index.html;
 * - contradictory display options get a notice.
 * Host pages are served by a second loopback server (another origin); see also embed.spec.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Frame, type Page } from '@playwright/test';
import { expect, expectMonthlyCosts, gotoCalculator, savingsTable, test } from './helpers';

// 1,000 Sonnet 4.6 tickets, all in batch: $13.50 baseline, $6.75 with the Batch API (not the defaults).
const TICKETS = 'v=1&sheet=guide-2026-03&req=1000&in=2000&pre=0&base=sonnet-4-6&mix=sonnet-4-6:100&hit=0&batch=100&trimin=0&trimout=0';
const RESIZE = 'claude-cost-levers:resize';

/** The pages of the host and third-party servers, by path. */
const hostPages = new Map<string, string>();
/** The docs page's server, and a third party's (an ad, a widget): two more origins. */
let host: Server;
let thirdParty: Server;
let hostOrigin = '';
let thirdPartyOrigin = '';

async function startServer(): Promise<[Server, string]> {
	const server = createServer((req, res) => {
		const html = hostPages.get(new URL(req.url ?? '/', 'http://x').pathname);
		res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(html ?? 'not found');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return [server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`];
}

test.beforeAll(async () => {
	[host, hostOrigin] = await startServer();
	[thirdParty, thirdPartyOrigin] = await startServer();
});

test.afterAll(async () => {
	await Promise.all([host, thirdParty].map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Waits until /embed.js has run on the page (it marks the window with a Symbol). */
async function embedJsRan(page: Page): Promise<void> {
	await expect
		.poll(() => page.evaluate(() => Boolean((window as unknown as Record<symbol, unknown>)[Symbol.for('claude-cost-levers.embed')])))
		.toBe(true);
}

const siteOf = (baseURL: string | undefined) => new URL(baseURL ?? 'http://127.0.0.1:4273').origin;
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Serves a host page at a fresh path and opens it. */
async function openHost(page: Page, body: string): Promise<void> {
	const path = `/host-${hostPages.size}`;
	hostPages.set(
		path,
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host docs page</title><link rel="icon" href="data:,"></head><body><h1>Our API costs</h1>
<script>
	// Heights posted by the frame #calc (whoever is in it), as the page receives them.
	window.__resizes = [];
	addEventListener('message', (e) => {
		const calc = document.getElementById('calc');
		if (calc && e.source === calc.contentWindow && e.data && e.data.type === '${RESIZE}') window.__resizes.push(e.data.height);
	});
</script>
${body}</body></html>`
	);
	await page.goto(`${hostOrigin}${path}`);
}

/** The rendered height of an element of the host page, in CSS pixels. */
async function heightOf(page: Page, selector: string): Promise<number> {
	return Math.round((await page.locator(selector).boundingBox())?.height ?? -1);
}

/** The last height the frame #calc reported to the host page. */
async function lastReported(page: Page): Promise<number> {
	return page.evaluate(() => (window as unknown as { __resizes: number[] }).__resizes.at(-1) ?? 0);
}

/** Waits until embed.js has applied the calculator's latest reported height to #calc. */
async function expectSizedByEmbedJs(page: Page): Promise<number> {
	await expect.poll(() => lastReported(page), { message: 'the embed reports its height' }).toBeGreaterThan(600);
	await expect.poll(async () => (await heightOf(page, '#calc')) === (await lastReported(page)), { message: '#calc has the reported height' }).toBe(true);
	return heightOf(page, '#calc');
}

/** The text a reader sees in a frame (innerText leaves out hidden and invisible elements). */
async function visibleText(frame: Frame): Promise<string> {
	return frame.evaluate(() => document.body.innerText);
}

/** The frame of the page whose address starts with `prefix`. */
async function frameAt(page: Page, prefix: string): Promise<Frame> {
	await expect.poll(() => page.frames().some((f) => f.url().startsWith(prefix)), { message: `a frame at ${prefix}` }).toBe(true);
	return page.frames().find((f) => f.url().startsWith(prefix)) as Frame;
}

test.describe('a sandboxed iframe', () => {
	test('hydrates and shows the scenario of its link, and embed.js sizes it', async ({ page, baseURL }) => {
		const site = siteOf(baseURL);
		await openHost(
			page,
			`<iframe id="calc" sandbox="allow-scripts" src="${attr(`${site}/embed?${TICKETS}`)}" title="Claude API cost calculator" width="100%" height="600" style="border:0;width:100%"></iframe>
<script src="${site}/embed.js" async></script>`
		);
		const frame = page.frameLocator('#calc');
		await expect(savingsTable(frame)).toBeVisible();
		await expectMonthlyCosts(frame, { Baseline: '$13.50', 'Batch API': '$6.75' });
		// Hydrated: the inputs respond.
		// 40 % of the tickets through the Batch API: 1,000 x $0.0135 x (0.6 + 0.4 x 0.5) = $10.80.
		await frame.getByRole('spinbutton', { name: 'Batch share', exact: true }).fill('40');
		await frame.getByRole('spinbutton', { name: 'Batch share', exact: true }).blur();
		await expectMonthlyCosts(frame, { 'Batch API': '$10.80' });
		// The frame's origin is opaque, and its messages come from "null": embed.js accepts them for a sandboxed frame.
		expect(await (await frameAt(page, `${site}/embed`)).evaluate(() => origin)).toBe('null');
		expect(await expectSizedByEmbedJs(page)).toBeGreaterThan(600);
	});

	test('/_app/ files are sent with Access-Control-Allow-Origin: * (module scripts of an opaque origin need it)', async ({ page }) => {
		const html = await (await page.request.get('/embed')).text();
		const modules = [...html.matchAll(/(?:href|import\()"?\.?\.?(\/?_app\/immutable\/[^"')]+\.js)/g)].map((m) => m[1] ?? '');
		expect(modules.length).toBeGreaterThan(0);
		for (const path of modules) {
			const response = await page.request.get(`/${path.replace(/^\//, '')}`, { headers: { Origin: 'null' } });
			expect(response.status(), path).toBe(200);
			expect(response.headers()['access-control-allow-origin'], path).toBe('*');
		}
	});
});

// Own contexts, without the console-error fixture: blocked module scripts are logged as errors by design.
base.describe('a page that cannot start', () => {
	/**
	 * The built site served again, by scripts/serve-static.mjs, with every header but
	 * Access-Control-Allow-Origin on /_app/: a host that does not send it. (Removing the header
	 * in a Playwright route does not do: fulfilled responses skip the browser's CORS check.)
	 */
	async function siteWithoutCors(): Promise<{ origin: string; stop: () => void }> {
		const dir = mkdtempSync(join(tmpdir(), 'no-cors-'));
		const headers = JSON.parse(readFileSync('static-headers.json', 'utf8')) as Record<string, Record<string, string>>;
		for (const rule of Object.values(headers)) delete rule['Access-Control-Allow-Origin'];
		writeFileSync(join(dir, 'headers.json'), JSON.stringify(headers));
		const server = spawn(
			process.execPath,
			['scripts/serve-static.mjs', '--dir', 'build', '--port', '0', '--headers', join(dir, 'headers.json'), '--quiet'],
			{ stdio: ['ignore', 'pipe', 'inherit'] }
		);
		const origin = await new Promise<string>((resolve, reject) => {
			let out = '';
			server.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
				out += chunk;
				const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
				if (match?.[1]) resolve(match[1]);
			});
			server.once('exit', (code) => reject(new Error(`serve-static exited with ${code}`)));
		});
		return {
			origin,
			stop: () => {
				server.kill();
				rmSync(dir, { recursive: true, force: true });
			}
		};
	}

	base('a sandboxed embed whose host sends no CORS header shows no figures, and then says it could not start', async ({ browser }) => {
		base.setTimeout(45_000);
		const site = await siteWithoutCors();
		const context = await browser.newContext();
		const page = await context.newPage();
		try {
			await openHost(
				page,
				`<iframe id="calc" sandbox="allow-scripts" src="${attr(`${site.origin}/embed?${TICKETS}`)}" title="calculator" width="100%" height="600"></iframe>`
			);
			const embed = await frameAt(page, `${site.origin}/embed`);
			const frame = page.frameLocator('#calc');
			await expect(frame.getByText('Loading the scenario in this link…')).toBeVisible();
			await expect(savingsTable(frame)).toBeHidden();
			expect(await visibleText(embed)).not.toMatch(/\$\d/);
			await expect(frame.getByText(/could not start here/)).toBeVisible({ timeout: 15_000 });
			expect(await visibleText(embed), 'no figure is shown').not.toMatch(/\$\d/);
			// It is the missing header: the modules were refused, so the page never hydrated.
			expect(await embed.evaluate(() => history.scrollRestoration)).toBe('auto');
		} finally {
			await context.close();
			site.stop();
		}
	});

	base('/ with a query string and its scripts blocked: no default figures as the link’s; without a query string the example shows', async ({ browser }) => {
		const context = await browser.newContext();
		await context.route('**/_app/immutable/**/*.js', (route) => route.abort());
		const page = await context.newPage();
		try {
			await page.goto(`/?${TICKETS}`);
			await expect(page.getByText('Loading the scenario in this link…')).toBeVisible();
			await expect(savingsTable(page)).toBeHidden();
			expect(await visibleText(page.mainFrame())).not.toMatch(/\$\d/);

			await page.goto('/embed');
			await expect(savingsTable(page)).toBeVisible();
			await expect(page.getByText('Loading the scenario in this link…')).toBeHidden();
		} finally {
			await context.close();
		}
	});

	base("when the calculator's own code cannot load, the page says so and keeps its figures", async ({ browser }) => {
		const context = await browser.newContext();
		// SvelteKit starts; the calculator's chunk (found by a sentence only it holds) fails.
		await context.route('**/_app/immutable/chunks/*.js', async (route) => {
			const response = await route.fetch();
			const body = await response.body();
			if (body.includes('Open the full calculator with this scenario')) await route.abort();
			else await route.fulfill({ response, body });
		});
		const page = await context.newPage();
		try {
			await page.goto('/');
			await expect(page.getByRole('alert')).toHaveText(/The calculator's code did not load, so its controls do not respond/);
			await expect(savingsTable(page)).toBeVisible();
			expect(await page.locator('[data-island]').getAttribute('data-island')).toBe('loading');
		} finally {
			await context.close();
		}
	});

	base('with JavaScript off, the page says its figures are an example', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		try {
			await page.goto(`/embed?${TICKETS}`);
			await expect(page.getByText(/needs JavaScript\. Without it, the figures below are an example scenario/)).toBeVisible();
		} finally {
			await context.close();
		}
	});
});

test.describe('embed.js', () => {
	test('a hostile sibling frame cannot resize the calculator or itself', async ({ page, baseURL }) => {
		const site = siteOf(baseURL);
		const fake = (height: number) => `parent.postMessage({ type: '${RESIZE}', height: ${height} }, '*')`;
		// A frame from another origin (an ad) that posts fake resize messages when asked.
		hostPages.set(
			'/hostile',
			`<!doctype html><title>ad</title><script>addEventListener('message', (e) => { if (e.data === 'attack') { ${fake(5000)}; ${fake(1)}; ${fake(1e9)}; } });</script>`
		);
		// A page of that origin posting a height, shown in the calculator's frame below.
		hostPages.set('/impostor', `<!doctype html><title>impostor</title><script>${fake(7777)}</script>`);
		await openHost(
			page,
			`<iframe id="calc" src="${attr(`${site}/embed?${TICKETS}`)}" title="Claude API cost calculator" width="100%" height="600" style="border:0;width:100%"></iframe>
<iframe id="ad" src="${thirdPartyOrigin}/hostile" title="ad" width="300" height="250" style="border:0"></iframe>
<iframe id="local" srcdoc="<script>addEventListener('message', (e) => { if (e.data === 'attack') ${fake(6000)}; });</script>" title="local" width="300" height="250" style="border:0"></iframe>
<iframe id="spoof" sandbox="allow-scripts" src="${attr(`${site}/embed`)}" srcdoc="<script>setInterval(() => ${fake(6500)}, 50)</script>" title="spoof" width="300" height="250" style="border:0"></iframe>
<script src="${site}/embed.js" async></script>`
		);
		const calc = await expectSizedByEmbedJs(page);

		const ad = await frameAt(page, thirdPartyOrigin);
		await ad.evaluate(() => postMessage('attack', '*'));
		await page.frameLocator('#local').locator('body').evaluate(() => postMessage('attack', '*'));
		// Let the messages arrive (a same-page round trip through the host confirms delivery).
		await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
		expect(await heightOf(page, '#calc')).toBe(calc);
		expect(await heightOf(page, '#ad')).toBe(250);
		expect(await heightOf(page, '#local')).toBe(250);
		expect(await heightOf(page, '#spoof')).toBe(250);

		// The calculator's iframe now shows another origin's page, while its src still names the
		// calculator (Chromium does not let the ad navigate it without a click, so the host does it here).
		await page.evaluate((url) => {
			(document.getElementById('calc') as HTMLIFrameElement).contentWindow?.location.replace(url);
		}, `${thirdPartyOrigin}/impostor`);
		await frameAt(page, `${thirdPartyOrigin}/impostor`);
		expect(await page.locator('#calc').getAttribute('src')).toContain(`${site}/embed?`);
		await expect.poll(() => page.evaluate(() => (window as unknown as { __resizes: number[] }).__resizes.includes(7777))).toBe(true);
		expect(await heightOf(page, '#calc')).toBe(calc);
	});

	test('clamps heights from the calculator to 100..10000 px', async ({ page, baseURL, context }) => {
		const site = siteOf(baseURL);
		// A page on the calculator's origin that posts whatever height it is told.
		await context.route(`${site}/test-sizer`, (route) =>
			route.fulfill({
				contentType: 'text/html',
				body: `<!doctype html><title>sizer</title><script>addEventListener('message', (e) => parent.postMessage({ type: '${RESIZE}', height: e.data }, '*'));</script>`
			})
		);
		await openHost(page, `<iframe id="calc" src="${site}/test-sizer" title="sizer" width="300" height="600" style="border:0"></iframe><script src="${site}/embed.js" async></script>`);
		const sizer = await frameAt(page, `${site}/test-sizer`);
		await embedJsRan(page);
		for (const [asked, applied] of [
			[50_000, 10_000],
			[3, 100],
			[1234.2, 1235]
		] as const) {
			await sizer.evaluate((h) => postMessage(h, '*'), asked);
			await expect.poll(() => heightOf(page, '#calc'), { message: `height ${asked}` }).toBe(applied);
		}
		// Not numbers, or not positive: ignored.
		for (const asked of [-5, 0, '900', null]) await sizer.evaluate((h) => postMessage(h, '*'), asked);
		await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
		expect(await heightOf(page, '#calc')).toBe(1235);
	});

	test('named elements on the host page cannot switch it off (DOM clobbering)', async ({ page, baseURL }) => {
		const site = siteOf(baseURL);
		await openHost(
			page,
			`<img name="getElementsByTagName" alt=""><img name="currentScript" alt=""><form name="querySelectorAll"></form>
<div id="__claudeCostLeversEmbed"></div><img id="addEventListener" alt=""><form id="Symbol"></form><img name="defaultView" alt="">
<iframe id="calc" src="${attr(`${site}/embed?${TICKETS}`)}" title="Claude API cost calculator" width="100%" height="600" style="border:0;width:100%"></iframe>
<script src="${site}/embed.js" async></script>`
		);
		// The clobbering works on this page: these names now point at the elements.
		expect(await page.evaluate(() => (document as unknown as Record<string, unknown>)['getElementsByTagName'] instanceof HTMLImageElement)).toBe(true);
		expect(await page.evaluate(() => (window as unknown as Record<string, unknown>)['__claudeCostLeversEmbed'] instanceof HTMLDivElement)).toBe(true);
		// And embed.js still runs and sizes the calculator.
		await embedJsRan(page);
		expect(await expectSizedByEmbedJs(page)).toBeGreaterThan(600);
	});
});

test.describe('the Embed dialog and display options', () => {
	test('on /index.html, the snippet and preview address /embed at the site root', async ({ page, baseURL }) => {
		const site = siteOf(baseURL);
		await gotoCalculator(page, `/index.html?${TICKETS}`);
		await expectMonthlyCosts(page, { 'Batch API': '$6.75' });
		await page.getByRole('button', { name: 'Embed', exact: true }).click();
		const dialog = page.getByRole('dialog', { name: 'Embed this calculator' });
		const snippet = await dialog.getByRole('textbox', { name: 'Embed snippet' }).inputValue();
		expect(snippet).toContain(`<iframe src="${site}/embed?v=`);
		expect(snippet).toContain(`<script src="${site}/embed.js" async>`);
		expect(snippet).not.toContain('index.html');
		expect(await dialog.locator('iframe').getAttribute('src')).toMatch(new RegExp(`^${site}/embed\\?`));
		await expectMonthlyCosts(page.frameLocator('dialog iframe'), { Baseline: '$13.50', 'Batch API': '$6.75' });
	});

	test('a read-only embed whose only part is the inputs says so and shows the figures', async ({ page }) => {
		await gotoCalculator(page, `/embed?${TICKETS}&show=inputs&readonly=1`);
		await expect(page.getByRole('alert')).toContainText('only part to show');
		await expectMonthlyCosts(page, { Baseline: '$13.50', 'Batch API': '$6.75' });
		await expect(page.getByRole('slider')).toHaveCount(0);
	});

	test('hostile and contradictory display options get the notice', async ({ page }) => {
		await gotoCalculator(page, `/embed?${TICKETS}&readonly=%3Cscript%3E&theme=dark&theme=light&show=table&show=headline`);
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('corrected');
		await expect(alert).toContainText('readonly=');
		await expect(alert).toContainText('theme= was given 2 times');
		await expect(alert).toContainText('show= was given 2 times');
		await expect(alert).not.toContainText('<script>');
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		await expect(savingsTable(page)).toBeVisible();
	});
});

