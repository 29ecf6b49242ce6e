/**
 * Work only for what the reader sees (docs/performance.md): a chart outside the viewport keeps
 * what it shows while the scenario changes, and updates once when it scrolls in. Out of view,
 * its caption (the chart's accessible name), an open data table, the headline and the tables
 * follow a change that comes alone at once; while changes come in quick succession (a drag)
 * they keep what they show, and catch up when the figures pause and the browser is idle.
 *
 * Draws are counted per chart by wrapping CanvasRenderingContext2D.clearRect (Chart.js clears
 * its canvas at the start of every draw). The hit ratio is changed with an input event on the
 * range (no focus, so nothing scrolls): the page stays at the top, the charts far below it.
 */
import type { Page } from '@playwright/test';
import { expect, gotoCalculator, settled, slider, test } from './helpers';

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

/**
 * Moves the (first) Cache hit ratio slider to 80, 60 and 30 % in one task, each step flushed,
 * as a dragged slider does, and waits for the next frame. The range is not focused, so nothing
 * scrolls.
 */
async function dragHitRatio(page: Page): Promise<void> {
	await slider(page, 'Cache hit ratio')
		.first()
		.evaluate(async (el) => {
			const range = el as HTMLInputElement;
			for (const value of [80, 60, 30]) {
				range.value = String(value);
				range.dispatchEvent(new Event('input', { bubbles: true }));
				await Promise.resolve();
			}
			await new Promise((r) => requestAnimationFrame(r));
		});
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

/** Opens the calculator counting draws, brings the hit-ratio chart into view and waits for its first draw. */
async function hitRatioChartDrawn(page: Page) {
	await countDraws(page);
	await gotoCalculator(page);
	const hitChart = figure(page, HIT_RATIO_CHART);
	await hitChart.scrollIntoViewIfNeeded();
	await expect.poll(async () => (await draws(page))[HIT_RATIO_CHART]).toBeGreaterThan(0);
	return hitChart;
}

test('a step paints its figures first; the charts in view draw right after that frame, once for steps that came together', async ({ page }) => {
	await hitRatioChartDrawn(page);
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

test('a chart out of view waits until it scrolls in; its caption and open data table follow a lone change, and catch up after a drag when idle', async ({ page }) => {
	// In view: the chart is drawn; open its data table (the example's hit ratio is 90 %).
	const hitChart = await hitRatioChartDrawn(page);
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
	// A pause, so the first step below comes alone (a drag is changes under 400 ms apart).
	await page.waitForTimeout(500);

	// Three steps, as a dragged slider makes them, and what the page shows right after them.
	await dragHitRatio(page);
	const right = await hitChart.evaluate((figure) => ({
		caption: figure.querySelector('.chart-caption')?.textContent ?? '',
		rows: [...figure.querySelectorAll('tbody th')].map((th) => th.textContent ?? '').filter((t) => t.includes('your hit ratio'))
	}));
	// Out of view, the caption and the open table follow the first step, which came alone, and
	// keep it while the next ones come in quick succession...
	expect(right.caption).toContain('At your 80.0 % hit ratio');
	expect(right.rows).toEqual(['80 % (your hit ratio)']);
	// ...and catch up once the browser is idle, still out of view; neither chart has drawn.
	await expect(table.getByRole('rowheader', { name: '30 % (your hit ratio)' })).toHaveCount(1);
	await expect(figure(page, HIT_RATIO_CHART).locator('.chart-caption')).toContainText('At your 30.0 % hit ratio');
	expect(await draws(page), 'no draw while out of view').toEqual(before);

	// Scrolled in: one update of the chart, to the current figures.
	await hitChart.scrollIntoViewIfNeeded();
	await expect(table.getByRole('rowheader', { name: '30 % (your hit ratio)' })).toBeVisible();
	await expect.poll(async () => (await draws(page))[HIT_RATIO_CHART]).toBe((before[HIT_RATIO_CHART] ?? 0) + 1);
	await page.waitForTimeout(300);
	expect((await draws(page))[HIT_RATIO_CHART], 'drawn once, not once per step').toBe((before[HIT_RATIO_CHART] ?? 0) + 1);
});

test('out of view, the headline and the tables follow a change that comes alone, and catch up after a drag when idle', async ({ page }) => {
	// The example and a second workload of 200,000 requests without caching, half of it batched.
	await gotoCalculator(
		page,
		'/?v=4&name=Example:%20support%20triage&w=2&w1.n=Support%20triage&w1.req=300000&w1.in=13500&w1.pre=12000&w1.out=800&w1.tok=legacy' +
			'&w1.mix=sonnet-4-6:100&w1.pcache=5m:90&w1.pbatch=40&w2.req=200000&w2.tok=legacy&w2.mix=sonnet-4-6:100&w2.pbatch=50'
	);
	// The foot of the page: the headline and the tables are far above the viewport.
	await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
	expect(await page.getByTestId('optimized-cost').evaluate((el) => el.getBoundingClientRect().bottom < -200), 'the headline is above the viewport').toBe(true);
	await page.waitForTimeout(500);

	// A month of the example (docs/pricing-model.md §11.5) at a hit ratio h:
	// 300,000 x ($0.0045 + h x $0.0036 + (1 - h) x $0.045 + $0.012), 40 % of it at half price:
	// h = 90 %: $7,272 cached, $5,817.60 planned; 80 %: $8,514, $6,811.20; 30 %: $14,724, $11,779.20.
	// The second workload: $5,100, $3,825 planned. Caching row = both before the batch discount.
	const shown = () =>
		page.evaluate(() => {
			const table = (caption: string) => [...document.querySelectorAll('table')].find((t) => t.caption?.textContent?.trim() === caption);
			const firstCell = (caption: string, row: string, column: number) =>
				[...(table(caption)?.tBodies[0]?.rows ?? [])].find((tr) => tr.cells[0]?.textContent?.trim().startsWith(row))?.cells[column]?.textContent?.trim();
			return {
				planned: document.querySelector('[data-testid="optimized-cost"]')?.textContent?.trim(),
				caching: firstCell('Stacked savings', 'Prompt caching', 1),
				perModel: firstCell('Per model', 'Total', 2),
				perWorkload: firstCell('Per workload', 'Support triage', 2)
			};
		});
	expect(await shown()).toEqual({ planned: '$9,643', caching: '$12,372', perModel: '$9,643', perWorkload: '$5,818' });

	// Three steps of the example's hit ratio in quick succession, as a drag makes them: the
	// first came alone and shows...
	await dragHitRatio(page);
	expect(await shown(), 'right after the drag').toEqual({ planned: '$10,636', caching: '$13,614', perModel: '$10,636', perWorkload: '$6,811' });
	// ...and the rest follows once the figures are still and the browser is idle.
	await settled(page);
	expect(await shown(), 'after the pause').toEqual({ planned: '$15,604', caching: '$19,824', perModel: '$15,604', perWorkload: '$11,779' });
});
