/**
 * What crawlers and link previewers read: the title, the description, Open Graph and
 * Twitter tags stating the default scenario's headline (in the prerendered HTML, since
 * previewers run no JavaScript), the favicon, robots.txt, and a 404 page for unknown paths.
 */
import { test as base } from '@playwright/test';
import { expect, gotoCalculator, test } from './helpers';

/** The content of <meta property|name="key"> in an HTML string. */
function metaContent(html: string, key: string): string | null {
	const tag = new RegExp(`<meta\\s+(?:property|name)="${key.replace(/[.:]/g, '\\$&')}"\\s+content="([^"]*)"`, 'i').exec(html);
	return tag?.[1]?.replace(/&amp;/g, '&') ?? null;
}

test('the prerendered page has a title, a description and link-preview tags with the default headline', async ({ page }) => {
	const html = await (await page.request.get('/')).text();
	expect(/<title>([^<]+)<\/title>/.exec(html)?.[1], 'title').toMatch(/Claude Cost Levers/);
	expect(metaContent(html, 'description')?.length ?? 0, 'meta description').toBeGreaterThan(50);
	expect(metaContent(html, 'og:type')).toBe('website');
	expect(metaContent(html, 'twitter:card')).toBe('summary');

	// The preview states the same figures as the page's headline for the default scenario.
	await gotoCalculator(page);
	const baseline = (await page.getByTestId('baseline-cost').textContent())?.trim() ?? '';
	const optimized = (await page.getByTestId('optimized-cost').textContent())?.trim() ?? '';
	const saved = (await page.getByTestId('percent-saved').textContent())?.trim() ?? '';
	const title = metaContent(html, 'og:title');
	expect(title, 'og:title').toBe(`Claude API bill: ${baseline} → ${optimized} a month (${saved} saved)`);
	expect(metaContent(html, 'twitter:title')).toBe(title);
	const description = metaContent(html, 'og:description') ?? '';
	expect(description, 'og:description').toContain(baseline);
	expect(description, 'og:description').toContain(optimized);
	expect(metaContent(html, 'twitter:description')).toBe(description);
	// One set of tags in the live page too (hydration neither drops nor doubles them).
	await expect(page.locator('meta[property="og:title"]')).toHaveCount(1);
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', title ?? '');
});

test('the favicon and robots.txt are served', async ({ page }) => {
	await gotoCalculator(page);
	const icon = await page.locator('link[rel="icon"]').getAttribute('href');
	expect(icon, 'a favicon link').toBeTruthy();
	const favicon = await page.request.get(new URL(icon ?? '', page.url()).href);
	expect(favicon.status()).toBe(200);
	expect(favicon.headers()['content-type']).toBe('image/svg+xml');

	const robots = await page.request.get('/robots.txt');
	expect(robots.status()).toBe(200);
	expect(robots.headers()['content-type']).toMatch(/^text\/plain/);
	expect(await robots.text()).toMatch(/^User-agent: \*$/m);
});

// Own context, without the console-error fixture: Chromium logs the document's own 404
// status as a console error; that one message is expected, any other fails the test.
base('an unknown path gets the 404 page, with status 404 and a link back to the calculator', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
	try {
		for (const path of ['/no-such-page', '/deeper/no/such/page']) {
			errors.length = 0;
			const response = await page.goto(path);
			expect(response?.status(), `${path}: status`).toBe(404);
			await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
			await expect(page).toHaveTitle(/Page not found/);
			await expect(page.getByText(path)).toBeVisible();
			expect(errors.filter((e) => !/status of 404/.test(e)), `${path}: console errors`).toEqual([]);
		}
		await page.getByRole('link', { name: /calculator/i }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('table', { name: 'Stacked savings' })).toBeVisible();
		await expect(page).toHaveTitle(/Claude Cost Levers/);
		expect(errors.filter((e) => !/status of 404/.test(e)), 'console errors after going back').toEqual([]);
	} finally {
		await context.close();
	}
});
