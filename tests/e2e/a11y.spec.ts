/**
 * Accessibility: axe-core finds no violation on / and /embed, in the light and the dark
 * theme, on a 360 px phone and a 1280 px desktop; nor with the charts' data tables open,
 * the price editor open and warnings shown; nor on the 404 page.
 *
 * Rules: every axe rule that is not experimental (WCAG 2.0/2.1/2.2 A and AA plus axe's
 * best practices), against the rendered page after Chart.js has drawn.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, gotoCalculator, notice, setInput, test, waitForCharts } from './helpers';

const THEMES = ['light', 'dark'] as const;
const WIDTHS = [
	{ width: 360, height: 740 },
	{ width: 1280, height: 800 }
] as const;


/** Runs axe on the page and fails listing each violation: rule, impact, elements, fix. */
async function expectNoViolations(page: Page, testInfo: TestInfo, what: string): Promise<void> {
	const results = await new AxeBuilder({ page }).analyze();
	const report = results.violations.map((v) => ({
		rule: v.id,
		impact: v.impact,
		help: v.help,
		nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary }))
	}));
	if (report.length) {
		await testInfo.attach(`axe-${what}.json`, { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
	}
	expect(report, `axe violations on ${what}`).toEqual([]);
	expect(results.passes.length, 'axe ran its rules').toBeGreaterThan(10);
}

for (const path of ['/', '/embed'] as const) {
	for (const theme of THEMES) {
		for (const viewport of WIDTHS) {
			test(`axe: ${path}, ${theme} theme, ${viewport.width} px: no violations`, async ({ page }, testInfo) => {
				await page.setViewportSize(viewport);
				await page.emulateMedia({ colorScheme: theme });
				await gotoCalculator(page, path);
				await waitForCharts(page);
				await expectNoViolations(page, testInfo, `${path} ${theme} ${viewport.width}px`);
			});
		}
	}
}

for (const theme of THEMES) {
	test(`axe: / with every data table and the price editor open and warnings shown, ${theme} theme`, async ({ page }, testInfo) => {
		await page.emulateMedia({ colorScheme: theme });
		await gotoCalculator(page);
		await waitForCharts(page);

		// Warnings: a cached prefix larger than the input (13,500 tokens), and a hit ratio below break-even.
		await setInput(page, 'Cached prefix tokens', 14000);
		await setInput(page, 'Cache hit ratio', 10);
		await expect(notice(page, /larger than/i).first()).toBeVisible();
		await expect(notice(page, /break-even/i).first()).toBeVisible();

		const show = page.getByRole('button', { name: 'Show data table' });
		const tables = await show.count();
		expect(tables, 'charts with a data table toggle').toBeGreaterThanOrEqual(3);
		for (let i = 0; i < tables; i++) {
			await show.first().click();
			await expect(show).toHaveCount(tables - i - 1);
		}
		await expect(page.locator('figure table').first()).toBeVisible();

		await page.getByText('Edit prices', { exact: true }).click();
		await expect(page.locator('details.prices input').first()).toBeVisible();

		await expectNoViolations(page, testInfo, `/ with tables, price editor and warnings (${theme})`);
	});
}

test('axe: / opened from a link that needed corrections (the notice is shown)', async ({ page }, testInfo) => {
	await gotoCalculator(page, '/?hit=500&batch=-3');
	await expect(page.getByText('This link was corrected')).toBeVisible();
	await expectNoViolations(page, testInfo, '/ with the corrected-link notice');
});

test('axe: the 404 page', async ({ browser, baseURL }, testInfo) => {
	// A context of its own: the document's 404 status is logged as a console error by design.
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	try {
		const response = await page.goto('/no-such-page');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
		await expectNoViolations(page, testInfo, 'the 404 page');
	} finally {
		await context.close();
	}
});

test('axe: / with the Embed dialog open', async ({ page }, testInfo) => {
	await gotoCalculator(page);
	const embed = page.getByRole('button', { name: 'Embed', exact: true });
	await embed.click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	await expect(page.frameLocator('dialog iframe').getByRole('table', { name: 'Stacked savings' })).toBeVisible();
	await expectNoViolations(page, testInfo, '/ with the Embed dialog open');
});
