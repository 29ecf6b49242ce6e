/**
 * Work only for what the reader sees (docs/performance.md): a chart outside the viewport keeps
 * what it shows while the scenario changes, and updates once when it scrolls in; an open data
 * table out of view keeps its rows while the figures move and catches up when the browser is
 * idle. Its caption (the chart's accessible name) always follows at once.
 *
 * Draws are counted per chart by wrapping CanvasRenderingContext2D.clearRect (Chart.js clears
 * its canvas at the start of every draw). The hit ratio is changed with an input event on the
 * range (no focus, so nothing scrolls): the page stays at the top, the charts far below it.
 */
import type { Page } from '@playwright/test';
import { expect, gotoCalculator, slider, test } from './helpers';

const HIT_RATIO_CHART = 'Cost per request vs cache hit ratio';
const WATERFALL = 'Savings waterfall';

function figure(page: Page, titleStart: string) {
	return page.getByRole('figure', { name: new RegExp(`^${titleStart}`) });
}

/** Draws per chart, by the start of its title. */
async function draws(page: Page): Promise<Record<string, number>> {
	const byTitle = await page.evaluate(() => ({ ...(window as unknown as { __draws: Record<string, number> }).__draws }));
	const byStart: Record<string, number> = {};
	for (const start of [HIT_RATIO_CHART, WATERFALL]) byStart[start] = Object.entries(byTitle).find(([title]) => title.startsWith(start))?.[1] ?? 0;
	return byStart;
}

/** Counts Chart.js draws per chart title (window.__draws), from before the page's scripts run. */
async function countDraws(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const counts: Record<string, number> = {};
		const clearRect = CanvasRenderingContext2D.prototype.clearRect;
		CanvasRenderingContext2D.prototype.clearRect = function (this: CanvasRenderingContext2D, ...args: [number, number, number, number]) {
			const title = this.canvas instanceof HTMLCanvasElement ? this.canvas.closest('figure')?.querySelector('.chart-title')?.textContent : null;
			if (title) counts[title] = (counts[title] ?? 0) + 1;
			return clearRect.apply(this, args);
		};
		Object.assign(window, { __draws: counts });
	});
}

test('a step paints its figures first; the charts in view draw right after that frame, once for steps that came together', async ({ page }) => {
	await countDraws(page);
	await gotoCalculator(page);
	const hitChart = figure(page, HIT_RATIO_CHART);
	await hitChart.scrollIntoViewIfNeeded();
	await expect.poll(async () => (await draws(page))[HIT_RATIO_CHART]).toBeGreaterThan(0);
	await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));

	const seen = await slider(page, 'Cache hit ratio').evaluate(async (el, title) => {
		const count = () => Object.entries((window as unknown as { __draws: Record<string, number> }).__draws).find(([t]) => t.startsWith(title))?.[1] ?? 0;
		const caption = () => [...document.querySelectorAll('figure')].find((f) => f.querySelector('.chart-title')?.textContent?.startsWith(title))?.querySelector('.chart-caption')?.textContent ?? '';
		const range = el as HTMLInputElement;
		const before = count();
		for (const value of [50, 40, 30]) {
			range.value = String(value);
			range.dispatchEvent(new Event('input', { bubbles: true }));
		}
		await Promise.resolve();
		// The step's own task: the caption (the chart's name) is current, the chart not drawn yet.
		const inStep = { caption: caption(), draws: count() - before };
		// The frame that shows it...
		const atFrame = await new Promise<number>((done) => requestAnimationFrame(() => done(count() - before)));
		// ...and the tasks after it: one draw for the three steps.
		await new Promise((done) => setTimeout(done, 50));
		return { inStep, atFrame, after: count() - before };
	}, HIT_RATIO_CHART);
	expect(seen.inStep.caption).toContain('At your 30.0 % hit ratio');
	expect(seen).toMatchObject({ inStep: { draws: 0 }, atFrame: 0, after: 1 });
});

test('a chart out of view waits until it scrolls in; an open data table out of view catches up when idle', async ({ page }) => {
	await countDraws(page);
	await gotoCalculator(page);
	const hitChart = figure(page, HIT_RATIO_CHART);

	// In view: the chart is drawn; open its data table (the example's hit ratio is 90 %).
	await hitChart.scrollIntoViewIfNeeded();
	await expect.poll(async () => (await draws(page))[HIT_RATIO_CHART]).toBeGreaterThan(0);
	await hitChart.getByRole('button', { name: 'Show data table' }).click();
	const table = hitChart.getByRole('table');
	await expect(table.getByRole('rowheader', { name: '90 % (your hit ratio)' })).toBeVisible();

	// Out of view: back to the top, where no chart is.
	await page.evaluate(() => window.scrollTo(0, 0));
	const viewport = page.viewportSize();
	const box = await hitChart.boundingBox();
	expect(box && viewport && box.y > viewport.height + 100, 'the hit-ratio chart is well below the viewport').toBe(true);
	await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
	const before = await draws(page);

	// Three steps, as a dragged slider makes them, and what the page shows right after them.
	const right = await slider(page, 'Cache hit ratio').evaluate(async (el, title) => {
		const range = el as HTMLInputElement;
		for (const value of [80, 60, 30]) {
			range.value = String(value);
			range.dispatchEvent(new Event('input', { bubbles: true }));
			await Promise.resolve();
		}
		await new Promise((r) => requestAnimationFrame(r));
		const figure = [...document.querySelectorAll('figure')].find((f) => f.querySelector('.chart-title')?.textContent?.startsWith(title));
		return {
			caption: figure?.querySelector('.chart-caption')?.textContent ?? '',
			rows: [...(figure?.querySelectorAll('tbody th') ?? [])].map((th) => th.textContent ?? '').filter((t) => t.includes('your hit ratio'))
		};
	}, HIT_RATIO_CHART);
	// The caption follows at once, out of view too (it is the chart's accessible name); the
	// open table out of view keeps its rows while the figures move...
	expect(right.caption).toContain('At your 30.0 % hit ratio');
	expect(right.rows).toEqual(['90 % (your hit ratio)']);
	// ...and catches up once the browser is idle, still out of view; neither chart has drawn.
	await expect(table.getByRole('rowheader', { name: '30 % (your hit ratio)' })).toHaveCount(1);
	expect(await draws(page), 'no draw while out of view').toEqual(before);

	// Scrolled in: one update of the chart, to the current figures.
	await hitChart.scrollIntoViewIfNeeded();
	await expect(table.getByRole('rowheader', { name: '30 % (your hit ratio)' })).toBeVisible();
	await expect.poll(async () => (await draws(page))[HIT_RATIO_CHART]).toBe((before[HIT_RATIO_CHART] ?? 0) + 1);
	await page.waitForTimeout(300);
	expect((await draws(page))[HIT_RATIO_CHART], 'drawn once, not once per step').toBe((before[HIT_RATIO_CHART] ?? 0) + 1);
});
