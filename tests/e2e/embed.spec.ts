/**
 * The embed, as a docs writer uses it: a host page on another origin (a second localhost
 * port) puts /embed in an iframe, with and without the optional host script /embed.js.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FrameLocator, Page } from '@playwright/test';
import { expect, expectMonthlyCosts, gotoCalculator, numberField, savingsTable, setInput, slider, test } from './helpers';

// The spec's batch example (docs/pricing-model.md §11.1): 1,000 Sonnet 4.6 tickets, 2,000 in /
// 500 out, guide sheet: $13.50, $6.75 in batch. A link of format 1, as docs pages embedded it.
const TICKETS = 'v=1&sheet=guide-2026-03&req=1000&in=2000&pre=0&base=sonnet-4-6&mix=sonnet-4-6:100&hit=0&batch=100&trimin=0&trimout=0';
// The same scenario as the page writes it now (link format 4): one workload, Today all on
// Sonnet 4.6 (not the guide sheet's first model), Planned caching at 0 % and all of it batched.
const TICKETS_V4 = 'v=4&sheet=guide-2026-03&w1.req=1000&w1.in=2000&w1.pre=0&w1.tok=legacy&w1.mix=sonnet-4-6:100&w1.pcache=5m:0&w1.pbatch=100';

let host: Server;
let hostOrigin = '';
/** The page the next request to the host gets. */
let hostHtml = '';

test.beforeAll(async () => {
	host = createServer((_, res) => {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(hostHtml);
	});
	await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
	hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
	await new Promise((resolve) => host.close(resolve));
});

/** Opens a host page embedding /embed?query; `script` adds the optional host script. */
async function openHost(page: Page, siteOrigin: string, query: string, script = true): Promise<FrameLocator> {
	hostHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host docs page</title></head>
<body><h1>Our API costs</h1>
<script>window.__messages = []; addEventListener('message', (e) => window.__messages.push(e.data));</script>
<iframe id="calc" src="${siteOrigin}/embed?${query.replace(/&/g, '&amp;')}" title="Claude API cost calculator" width="100%" height="600" style="border:0;width:100%"></iframe>
${script ? `<script src="${siteOrigin}/embed.js" async></script>` : ''}
</body></html>`;
	await page.goto(hostOrigin);
	const frame = page.frameLocator('#calc');
	await expect(savingsTable(frame)).toBeVisible();
	return frame;
}

const siteOrigin = (baseURL: string | undefined) => new URL(baseURL ?? 'http://127.0.0.1:4273').origin;

test('the iframe shows the scenario of its link, and its inputs work', async ({ page, baseURL }) => {
	const frame = await openHost(page, siteOrigin(baseURL), TICKETS);
	await expectMonthlyCosts(frame, { Today: '$13.50', 'Batch API': '$6.75' });
	// 20 % batched: $13.50 x (0.8 + 0.2 x 0.5) = $12.15.
	await setInput(frame, 'Batch share', 20);
	await expectMonthlyCosts(frame, { Today: '$13.50', 'Batch API': '$12.15' });
	await slider(frame, 'Batch share').focus();
	await page.keyboard.press('End');
	await expectMonthlyCosts(frame, { 'Batch API': '$6.75' });
});

test('the host script sizes the iframe to its content and grows it when a table opens', async ({ page, baseURL }) => {
	const frame = await openHost(page, siteOrigin(baseURL), TICKETS);
	const iframe = page.locator('#calc');
	const reported = () => page.evaluate(() => (window as unknown as { __messages: { type: string; height: number }[] }).__messages);

	// The embed reports its height, and embed.js applies the latest one.
	await expect.poll(async () => (await reported()).filter((m) => m?.type === 'claude-cost-levers:resize').length).toBeGreaterThan(0);
	const last = async () => (await reported()).filter((m) => m?.type === 'claude-cost-levers:resize').at(-1)?.height ?? 0;
	await expect.poll(async () => Math.round((await iframe.boundingBox())?.height ?? 0)).toBe(await last());
	const before = (await iframe.boundingBox())?.height ?? 0;
	expect(before).toBeGreaterThan(600);

	await frame.getByRole('button', { name: 'Show data table' }).first().click();
	await expect(frame.getByRole('table', { name: /^Savings waterfall/ })).toBeVisible();
	await expect.poll(async () => (await iframe.boundingBox())?.height ?? 0).toBeGreaterThan(before + 100);
	expect(Math.round((await iframe.boundingBox())?.height ?? 0)).toBe(await last());
});

test('without the host script the iframe keeps its height and scrolls inside', async ({ page, baseURL }) => {
	const frame = await openHost(page, siteOrigin(baseURL), TICKETS, false);
	await expectMonthlyCosts(frame, { 'Batch API': '$6.75' });
	expect(Math.round((await page.locator('#calc').boundingBox())?.height ?? 0)).toBe(600);
	await frame.getByRole('heading', { name: 'How this is calculated' }).scrollIntoViewIfNeeded();
	await expect(frame.getByRole('heading', { name: 'How this is calculated' })).toBeInViewport();
});

test('read-only mode shows the figures and no inputs', async ({ page, baseURL }) => {
	const frame = await openHost(page, siteOrigin(baseURL), `${TICKETS}&readonly=1`);
	await expectMonthlyCosts(frame, { Today: '$13.50', 'Batch API': '$6.75' });
	await expect(frame.getByRole('slider')).toHaveCount(0);
	await expect(frame.getByRole('spinbutton')).toHaveCount(0);
	await expect(frame.getByRole('combobox')).toHaveCount(0);
	await expect(frame.getByRole('radio')).toHaveCount(0);
	await expect(frame.getByRole('figure', { name: 'Savings waterfall' })).toBeVisible();
});

test('show= picks the parts, theme= the colours, and the link opens the full calculator in a new tab', async ({
	page,
	context,
	baseURL
}) => {
	const frame = await openHost(page, siteOrigin(baseURL), `${TICKETS}&show=table,waterfall-chart&theme=dark`);
	await expect(frame.getByRole('table', { name: 'Stacked savings' })).toBeVisible();
	await expect(frame.getByRole('figure', { name: 'Savings waterfall' })).toBeVisible();
	await expect(frame.getByRole('figure', { name: 'Cost per request vs cache hit ratio' })).toHaveCount(0);
	await expect(frame.getByText('Yearly saving')).toHaveCount(0);
	await expect(numberField(frame, 'Batch share')).toHaveCount(0);
	await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
	const background = await frame.locator('html').evaluate((el) => getComputedStyle(el).backgroundColor);
	expect(background).toBe('rgb(18, 22, 29)');

	const link = frame.getByRole('link', { name: /Open the full calculator/ });
	await expect(link).toHaveAttribute('target', '_blank');
	const [full] = await Promise.all([context.waitForEvent('page'), link.click()]);
	await full.waitForLoadState();
	expect(new URL(full.url()).pathname).toBe('/');
	expect(new URL(full.url()).search).toBe(`?${TICKETS_V4}`);
	await expectMonthlyCosts(full, { Today: '$13.50', 'Batch API': '$6.75' });
});

test('a hostile embed link opens a valid calculator with a notice', async ({ page, baseURL }) => {
	const frame = await openHost(page, siteOrigin(baseURL), 'hit=<script>alert(1)</script>&show=<img src=x onerror=alert(1)>&theme=javascript:alert(1)');
	page.on('dialog', (d) => {
		throw new Error(`unexpected dialog: ${d.message()}`);
	});
	await expect(frame.getByRole('alert')).toContainText('corrected');
	await expect(frame.locator('img')).toHaveCount(0);
	await expect(savingsTable(frame)).toBeVisible();
});

test('the Embed dialog on / gives a snippet for the current scenario and options, with a preview', async ({
	page,
	context,
	baseURL
}) => {
	const origin = siteOrigin(baseURL);
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
	await gotoCalculator(page, `/?${TICKETS}`);
	await expectMonthlyCosts(page, { 'Batch API': '$6.75' });
	await page.getByRole('button', { name: 'Embed', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Embed this calculator' });
	await expect(dialog).toBeVisible();
	await dialog.getByRole('checkbox', { name: /Read-only/ }).check();
	await dialog.getByRole('radio', { name: 'Dark' }).check();

	const snippet = dialog.getByRole('textbox', { name: 'Embed snippet' });
	await expect(snippet).toHaveValue(/readonly=1&amp;theme=dark"/);
	const [iframe, script] = (await snippet.inputValue()).split('\n');
	expect(script).toBe(`<script src="${origin}/embed.js" async></script>`);
	const src = /^<iframe src="([^"]*)" title="Claude API cost calculator" width="100%" height="900" style="border:0;width:100%" loading="lazy"><\/iframe>$/.exec(
		iframe ?? ''
	)?.[1];
	expect(src, 'the iframe tag').toBeDefined();
	// The scenario in the codec's current encoding (format 4, newer than the link's), then the options.
	const url = new URL((src ?? '').replace(/&amp;/g, '&'));
	expect(`${url.origin}${url.pathname}`).toBe(`${origin}/embed`);
	expect(url.search).toBe(`?${TICKETS_V4}&readonly=1&theme=dark`);
	await dialog.getByRole('button', { name: 'Copy snippet' }).click();
	await expect(dialog.getByRole('status')).toHaveText('Snippet copied to the clipboard.');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());

	// The preview is the embed itself, with the options chosen.
	const preview = page.frameLocator('iframe[title="Preview of the embedded calculator"]');
	await expectMonthlyCosts(preview, { Today: '$13.50', 'Batch API': '$6.75' });
	await expect(preview.locator('input')).toHaveCount(0);
	await expect(preview.locator('html')).toHaveAttribute('data-theme', 'dark');

	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(dialog).toBeHidden();
});
