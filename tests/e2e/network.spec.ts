/**
 * Nothing leaves the machine, and the Content Security Policy holds:
 * - every request / and /embed make (loading, Chart.js, editing, data tables, the price
 *   editor, copying, downloading, the Embed dialog and its preview) goes to the site itself
 *   on 127.0.0.1, and no WebSocket opens;
 * - each page carries a CSP meta tag: default-src 'self', connect-src 'self', script-src
 *   without 'unsafe-inline' or 'unsafe-eval', and the browser reports no violation of it;
 * - the response headers of static-headers.json: / cannot be framed, /embed can be by anyone.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { expect, gotoCalculator, setCacheTtl, setInput, test, waitForCharts } from './helpers';

/** Every request and WebSocket of the context, by URL, and how many requests are still open. */
function recordTraffic(context: BrowserContext): { urls: string[]; open: () => number } {
	const urls: string[] = [];
	let open = 0;
	context.on('request', (request) => {
		urls.push(request.url());
		open++;
	});
	context.on('requestfinished', () => open--);
	context.on('requestfailed', () => open--);
	context.on('page', (page) => page.on('websocket', (ws) => urls.push(ws.url())));
	for (const page of context.pages()) page.on('websocket', (ws) => urls.push(ws.url()));
	return { urls, open: () => open };
}

/** Waits until no request has been open for half a second. */
async function settle(page: Page, traffic: { open: () => number }): Promise<void> {
	await expect.poll(traffic.open, { message: 'requests still open', timeout: 10_000 }).toBe(0);
	await page.waitForTimeout(500);
	await expect.poll(traffic.open, { message: 'requests still open', timeout: 10_000 }).toBe(0);
}

/** Requests that leave the site: any other host than 127.0.0.1 (data: and blob: never leave the page). */
function foreign(urls: readonly string[]): string[] {
	return urls.filter((url) => {
		const { protocol, hostname } = new URL(url);
		if (protocol === 'data:' || protocol === 'blob:') return false;
		return hostname !== '127.0.0.1';
	});
}

/** Collects securitypolicyviolation events in window.__cspViolations, from the first script on. */
async function watchCsp(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (e) => {
			seen.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
		});
	});
}

async function cspViolations(page: Page): Promise<string[]> {
	const frames = page.frames();
	const all = await Promise.all(
		frames.map((f) => f.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []))
	);
	return all.flat();
}


/** Parses a CSP string into directive -> sources. */
function parseCsp(policy: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) directives.set(name.toLowerCase(), sources);
	}
	return directives;
}

/** The checks every page's policy must pass; returns the parsed policy. */
function expectStrictPolicy(policy: string | null, where: string): Map<string, string[]> {
	expect(policy, `${where}: a CSP meta tag`).toBeTruthy();
	const csp = parseCsp(policy ?? '');
	expect(csp.get('default-src'), `${where}: default-src`).toEqual(["'self'"]);
	expect(csp.get('connect-src'), `${where}: connect-src`).toEqual(["'self'"]);
	const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
	expect(scripts, `${where}: script-src`).toContain("'self'");
	for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'data:', 'blob:']) {
		expect(scripts, `${where}: script-src allows ${unsafe}`).not.toContain(unsafe);
	}
	for (const source of scripts) {
		expect(source, `${where}: every script source is 'self' or a hash`).toMatch(/^'(self|sha256-[A-Za-z0-9+/=]+)'$/);
	}
	expect(csp.get('object-src'), `${where}: object-src`).toEqual(["'none'"]);
	expect(csp.get('base-uri'), `${where}: base-uri`).toEqual(["'self'"]);
	return csp;
}

test.describe('network and Content Security Policy', () => {
	test('/: every request goes to the site itself, through loading, charts and every interaction', async ({
		page,
		context,
		pageErrors
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await watchCsp(context);
		const traffic = recordTraffic(context);
		const { urls } = traffic;

		await gotoCalculator(page);
		await waitForCharts(page);

		await setInput(page, 'Cache hit ratio', 10);
		await setCacheTtl(page, '1 hour');
		await page.getByRole('button', { name: 'Routing: most traffic to Haiku 5.5' }).click();
		await page.getByRole('button', { name: 'Add workload', exact: true }).click();
		for (let show = page.getByRole('button', { name: 'Show data table' }); (await show.count()) > 0; ) {
			await show.first().click();
		}
		await page.getByText('Edit prices', { exact: true }).click();
		await expect(page.locator('details.prices input').first()).toBeVisible();

		await page.getByRole('button', { name: 'Copy link', exact: true }).click();
		await expect(page.getByText('Link copied to the clipboard.')).toBeVisible();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download scenario', exact: true }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.json$/);

		// The Embed dialog and its preview iframe of /embed, when the page has them.
		const embed = page.getByRole('button', { name: 'Embed', exact: true });
		if ((await embed.count()) > 0) {
			await embed.click();
			const dialog = page.getByRole('dialog');
			await expect(dialog).toBeVisible();
			const preview = dialog.locator('iframe');
			await preview.scrollIntoViewIfNeeded();
			await expect(page.frameLocator('dialog iframe').getByRole('table', { name: 'Stacked savings' })).toBeVisible();
			await dialog.getByRole('button', { name: 'Close' }).click();
			await expect(dialog).toBeHidden();
		}

		await page.mouse.wheel(0, 10_000);
		await settle(page, traffic);

		expect(urls.length, 'requests recorded').toBeGreaterThan(5);
		expect(foreign(urls), 'requests to another origin').toEqual([]);
		expect(await cspViolations(page), 'CSP violations').toEqual([]);
		pageErrors.expectNone();
	});

	test('/embed: every request goes to the site itself', async ({ page, context, pageErrors }) => {
		await watchCsp(context);
		const traffic = recordTraffic(context);
		const { urls } = traffic;

		await gotoCalculator(page, '/embed?theme=dark');
		await waitForCharts(page);
		await setInput(page, 'Batch share', 100);
		for (let show = page.getByRole('button', { name: 'Show data table' }); (await show.count()) > 0; ) {
			await show.first().click();
		}
		await page.mouse.wheel(0, 10_000);
		await settle(page, traffic);

		expect(urls.length, 'requests recorded').toBeGreaterThan(5);
		expect(foreign(urls), 'requests to another origin').toEqual([]);
		expect(await cspViolations(page), 'CSP violations').toEqual([]);
		pageErrors.expectNone();
	});

	test('each page has a strict CSP meta tag: no unsafe-inline or unsafe-eval for scripts', async ({ page }) => {
		for (const path of ['/', '/embed', '/no-such-page']) {
			const html = await (await page.request.get(path)).text();
			const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
			const csp = expectStrictPolicy(meta?.[1] ?? null, path);
			// Every inline script of the page is allowed by its hash, and there is at least one (SvelteKit's start-up).
			const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/gi)].length;
			expect(inline, `${path}: inline scripts`).toBeGreaterThan(0);
			expect((csp.get('script-src') ?? []).filter((s) => s.startsWith("'sha256-")).length, `${path}: script hashes`).toBe(inline);
			// The meta tag comes before any script, so it governs all of them.
			expect(html.indexOf('content-security-policy'), `${path}: CSP before the first script`).toBeLessThan(html.search(/<script/i));
		}
		// The live page carries the same policy.
		await gotoCalculator(page);
		expectStrictPolicy(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content'), '/ (live)');
	});

	test('response headers: / refuses framing, /embed allows any host; both send nosniff', async ({ page }) => {
		const home = (await page.request.get('/')).headers();
		expect(home['x-frame-options']).toBe('DENY');
		expect(home['content-security-policy']).toBe("frame-ancestors 'none'");
		expect(home['x-content-type-options']).toBe('nosniff');
		const embed = (await page.request.get('/embed')).headers();
		expect(embed['x-frame-options'], '/embed must be frameable').toBeUndefined();
		expect(embed['content-security-policy']).toBe('frame-ancestors *');
		expect(embed['x-content-type-options']).toBe('nosniff');
	});
});

// Own context, without the console-error fixture: a refused frame is logged as an error by design.
base('a page on another origin can frame /embed but not /', async ({ browser, baseURL }) => {
	const site = new URL(baseURL ?? 'http://127.0.0.1:4273').origin;
	// The host page: another origin (a second loopback port) framing both pages.
	const host = createServer((_, res) => {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<iframe id="home" src="${site}/" title="home"></iframe><iframe id="embed" src="${site}/embed" title="embed"></iframe></body></html>`);
	});
	await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
	const context = await browser.newContext();
	const page = await context.newPage();
	try {
		const refused: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error') refused.push(m.text());
		});
		await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
		const embedExists = (await page.request.get(`${site}/embed`)).status() === 200;
		if (embedExists) {
			await expect(page.frameLocator('#embed').getByRole('table', { name: 'Stacked savings' })).toBeVisible({ timeout: 10_000 });
		}
		// The refused frame stays empty, and Chromium says why.
		await expect.poll(() => refused.join('\n'), { message: 'Chromium refuses to frame /' }).toMatch(/frame-ancestors|X-Frame-Options/);
		await expect(page.frameLocator('#home').getByRole('table', { name: 'Stacked savings' })).toHaveCount(0);
	} finally {
		await context.close();
		await new Promise((resolve) => host.close(resolve));
	}
});
