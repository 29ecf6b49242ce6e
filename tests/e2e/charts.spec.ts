/**
 * Issue 5: the three charts in a real browser, against the built site.
 *
 * Chart.js is module-scoped in its own chunk, so the tests never reach a Chart instance:
 * they read what a reader gets. The canvas pixels (copied onto a scratch canvas, so the
 * chart's own 2D context is never touched), the caption (the chart's accessible name), and
 * the data table behind the toggle. The one Chart.js detail used is the `$chartjs` record
 * Chart.js keeps on every canvas it draws on (created with a chart, deleted when it is
 * destroyed): the same record before and after a drag means the same chart instance.
 *
 * The page opens on the example (src/lib/scenario/defaults.ts, exampleScenarioV2): one
 * workload, "Support triage", whose Planned caches a 12,000-token prefix of 13,500 input
 * tokens at a 90 % hit ratio with the 5-minute TTL. With one workload the charts follow it,
 * and their titles name it.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, gotoCalculator, numberField, setCacheTtl, setInput, slider, test, waitForCharts as bringCharts } from './helpers';

const CHART_TITLES = {
	waterfall: 'Savings waterfall: Support triage',
	hitRatio: 'Cost per request vs cache hit ratio: Support triage',
	sharedContext: 'Cumulative cost vs requests sharing one cached context: Support triage'
} as const;
type ChartName = keyof typeof CHART_TITLES;
const CHART_NAMES = Object.keys(CHART_TITLES) as ChartName[];

/** A chart's <figure>, found by its title (the figure is labelled by it). */
function figure(page: Page, chart: ChartName): Locator {
	return page.getByRole('figure', { name: CHART_TITLES[chart], exact: true });
}

/** The caption stating the chart's key figures. */
function caption(page: Page, chart: ChartName): Locator {
	return figure(page, chart).locator('.chart-caption');
}

function canvas(page: Page, chart: ChartName): Locator {
	return figure(page, chart).locator('canvas');
}

/** What a canvas shows, read from a copy of its pixels. */
interface CanvasPixels {
	/** The canvas's width and height attributes (its bitmap size). */
	width: number;
	height: number;
	/** Pixels that are not fully transparent (Chart.js paints no background). */
	inked: number;
	/** A fingerprint of the pixels: equal for equal images (in practice). */
	hash: number;
	/**
	 * The x (in bitmap pixels) of the longest vertical run of pixels in the colour of the
	 * hit-ratio chart's "your hit ratio" line, and that run's length; null when there is none.
	 */
	verticalLine: { x: number; run: number } | null;
}

async function readPixels(target: Locator): Promise<CanvasPixels> {
	return target.evaluate((el) => {
		const source = el as HTMLCanvasElement;
		const { width, height } = source;
		const scratch = document.createElement('canvas');
		scratch.width = width;
		scratch.height = height;
		const ctx = scratch.getContext('2d', { willReadFrequently: true });
		if (!ctx || width === 0 || height === 0) return { width, height, inked: 0, hash: 0, verticalLine: null };
		ctx.drawImage(source, 0, 0);
		const data = ctx.getImageData(0, 0, width, height).data;

		let inked = 0;
		let hash = 0x811c9dc5;
		for (let i = 0; i < data.length; i += 4) {
			if ((data[i + 3] as number) > 0) inked++;
			// FNV-1a over every pixel, as one 32-bit word per pixel.
			const word = ((data[i] as number) << 24) ^ ((data[i + 1] as number) << 16) ^ ((data[i + 2] as number) << 8) ^ (data[i + 3] as number);
			hash = Math.imul(hash ^ word, 0x01000193) >>> 0;
		}

		// The current-hit line is drawn in the text colour (palette.ts: light #1f2328, dark
		// #e6edf3). Text is also that colour, but no glyph is a long vertical run of it.
		const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
		const [r0, g0, b0] = dark ? [0xe6, 0xed, 0xf3] : [0x1f, 0x23, 0x28];
		let best: { x: number; run: number } | null = null;
		for (let x = 0; x < width; x++) {
			let run = 0;
			for (let y = 0; y < height; y++) {
				const i = (y * width + x) * 4;
				const close =
					(data[i + 3] as number) > 160 &&
					Math.abs((data[i] as number) - r0) < 40 &&
					Math.abs((data[i + 1] as number) - g0) < 40 &&
					Math.abs((data[i + 2] as number) - b0) < 40;
				run = close ? run + 1 : 0;
				if (run > (best?.run ?? 0)) best = { x, run };
			}
		}
		return { width, height, inked, hash, verticalLine: best };
	});
}

/** Waits until every chart's canvas has been drawn on, and returns what each shows. */
async function waitForCharts(page: Page): Promise<Record<ChartName, CanvasPixels>> {
	await bringCharts(page);
	const drawn = {} as Record<ChartName, CanvasPixels>;
	for (const chart of CHART_NAMES) {
		await expect
			.poll(
				async () => {
					const pixels = await readPixels(canvas(page, chart));
					drawn[chart] = pixels;
					// At least 1 % of the canvas inked: axes, tick labels, legend and data.
					return pixels.inked > 0.01 * pixels.width * pixels.height;
				},
				{ message: `the ${CHART_TITLES[chart]} canvas should be drawn on`, timeout: 10_000 }
			)
			.toBe(true);
	}
	return drawn;
}

/**
 * Watches for the chunk that carries Chart.js (found by one of its error messages): whether the
 * page has asked for it, and with `hold`, holds it back until `release()`.
 */
async function watchChartJs(page: Page, { hold = false } = {}): Promise<{ requested: boolean; release: () => void }> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	const chartJs = { requested: false, release };
	await page.route('**/_app/immutable/chunks/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.body();
		if (body.includes('Canvas is already in use')) {
			chartJs.requested = true;
			if (hold) await released;
		}
		await route.fulfill({ response, body });
	});
	return chartJs;
}

/** Waits until a canvas shows something other than `before` and returns it. */
async function waitForRedraw(page: Page, chart: ChartName, before: CanvasPixels): Promise<CanvasPixels> {
	let after = before;
	await expect
		.poll(
			async () => {
				after = await readPixels(canvas(page, chart));
				return after.hash;
			},
			{ message: `the ${CHART_TITLES[chart]} canvas should be redrawn` }
		)
		.not.toBe(before.hash);
	return after;
}

/** Opens a chart's data table and returns its body rows as cell texts. */
async function openDataTable(page: Page, chart: ChartName): Promise<string[][]> {
	const fig = figure(page, chart);
	const toggle = fig.getByRole('button', { name: 'Show data table' });
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await toggle.click();
	await expect(fig.getByRole('button', { name: 'Hide data table' })).toHaveAttribute('aria-expanded', 'true');
	const table = fig.getByRole('table', { name: CHART_TITLES[chart], exact: true });
	await expect(table).toBeVisible();
	return table.locator('tbody tr').evaluateAll((rows) =>
		rows.map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()))
	);
}

test.describe('charts', () => {
	test('(a) after load, Chart.js draws all three canvases', async ({ page }) => {
		await gotoCalculator(page);
		for (const chart of CHART_NAMES) await expect(figure(page, chart)).toBeVisible();

		const drawn = await waitForCharts(page);
		for (const chart of CHART_NAMES) {
			const { width, height } = drawn[chart];
			// Chart.js sizes the bitmap to its box (300 x 150 is a canvas nobody has sized).
			expect(`${width}x${height}`, `${CHART_TITLES[chart]} bitmap size`).not.toBe('300x150');
			const box = await figure(page, chart).locator('.chart-box').boundingBox();
			expect(box, 'chart box').not.toBeNull();
			const dpr = await page.evaluate(() => window.devicePixelRatio);
			expect(Math.abs(width - Math.round((box?.width ?? 0) * dpr)), `${CHART_TITLES[chart]} canvas width`).toBeLessThanOrEqual(1);
			expect(Math.abs(height - Math.round((box?.height ?? 0) * dpr)), `${CHART_TITLES[chart]} canvas height`).toBeLessThanOrEqual(1);
		}
		// The hit-ratio chart shows its vertical "your hit ratio" line.
		expect(drawn.hitRatio.verticalLine?.run ?? 0, 'a long vertical line on the hit-ratio chart').toBeGreaterThan(0.4 * drawn.hitRatio.height);
	});

	test('(b) moving Cache hit ratio moves the marker, the caption and the data table', async ({ page }) => {
		await gotoCalculator(page);
		const drawn = await waitForCharts(page);
		await expect(caption(page, 'hitRatio')).toContainText('At your 90.0 % hit ratio');
		const at90 = drawn.hitRatio.verticalLine;
		expect(at90?.run ?? 0, 'the current-hit line at 90 %').toBeGreaterThan(0.4 * drawn.hitRatio.height);

		await setInput(page, 'Cache hit ratio', 30);
		await expect(caption(page, 'hitRatio')).toContainText('At your 30.0 % hit ratio');
		await expect(caption(page, 'hitRatio')).not.toContainText('90.0 %');
		// The canvas's accessible name follows the caption.
		await expect(figure(page, 'hitRatio').getByRole('img')).toHaveAccessibleName(/At your 30\.0 % hit ratio/);

		const after30 = await waitForRedraw(page, 'hitRatio', drawn.hitRatio);
		const at30 = after30.verticalLine;
		expect(at30?.run ?? 0, 'the current-hit line at 30 %').toBeGreaterThan(0.4 * after30.height);

		// And a third position, to check the line sits where the x axis says: linear in the ratio.
		await setInput(page, 'Cache hit ratio', 60);
		await expect(caption(page, 'hitRatio')).toContainText('At your 60.0 % hit ratio');
		const after60 = await waitForRedraw(page, 'hitRatio', after30);
		const at60 = after60.verticalLine;
		const [x90, x30, x60] = [at90?.x ?? 0, at30?.x ?? 0, at60?.x ?? 0];
		expect(x90 - x30, `the line moved left from 90 % (x=${x90}) to 30 % (x=${x30}), by over half the x axis`).toBeGreaterThan(0.25 * after30.width);
		expect(Math.abs(x60 - (x30 + x90) / 2), `60 % halfway between 30 % (x=${x30}) and 90 % (x=${x90}); got x=${x60}`).toBeLessThanOrEqual(3);

		// Back to 30 %, then the data table marks the current row.
		await setInput(page, 'Cache hit ratio', 30);
		await expect(caption(page, 'hitRatio')).toContainText('At your 30.0 % hit ratio');
		const rows = await openDataTable(page, 'hitRatio');
		const marked = rows.filter((cells) => /your hit ratio/.test(cells[0] ?? ''));
		expect(marked.map((cells) => cells[0])).toEqual(['30 % (your hit ratio)']);
		expect(rows.some((cells) => /^90 %/.test(cells[0] ?? '') && /your hit ratio/.test(cells[0] ?? ''))).toBe(false);
		// Its costs are dollar amounts, one per caching choice.
		expect(marked[0]?.slice(1)).toEqual([expect.stringMatching(/^\$\d/), expect.stringMatching(/^\$\d/), expect.stringMatching(/^\$\d/)]);
	});

	test('(c) switching Cache TTL to 1 hour updates the captions and the waterfall', async ({ page }) => {
		await gotoCalculator(page);
		const drawn = await waitForCharts(page);
		const before = Object.fromEntries(
			await Promise.all(CHART_NAMES.map(async (chart) => [chart, await caption(page, chart).innerText()] as const))
		) as Record<ChartName, string>;

		await setCacheTtl(page, '1 hour');

		// The waterfall's caption states the Planned monthly cost, which the TTL changes:
		// prompt caching at 90 % hits, 12,000 of 13,500 input tokens cached, costs
		// 1,500 + 12,000 x (0.9 x 0.1 + 0.1 x 2.0) = 4,980 input-token equivalents with a
		// 1-hour cache against 1,500 + 12,000 x 0.215 = 4,080 with a 5-minute one, so it rises.
		await expect(caption(page, 'waterfall')).not.toHaveText(before.waterfall);
		const money = (text: string) => [...text.matchAll(/\$[\d,]+(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/[$,]/g, '')));
		const [baseline5m, final5m] = money(before.waterfall);
		const [baseline1h, final1h] = money(await caption(page, 'waterfall').innerText());
		expect(baseline1h, 'Today does not depend on the TTL').toBe(baseline5m);
		expect(final1h, 'a 1-hour cache costs more at the same hit ratio').toBeGreaterThan(final5m ?? Infinity);
		await expect(figure(page, 'waterfall').getByRole('img')).toHaveAccessibleName(await caption(page, 'waterfall').innerText());
		await waitForRedraw(page, 'waterfall', drawn.waterfall);

		// The hit-ratio caption says what the chosen TTL does at the current hit ratio.
		expect(before.hitRatio).toMatch(/Your 5-minute cache saves \$[\d.]+ a request\.$/);
		await expect(caption(page, 'hitRatio')).toHaveText(/Your 1-hour cache saves \$[\d.]+ a request\.$/);
		await expect(figure(page, 'hitRatio').getByRole('img')).toHaveAccessibleName(await caption(page, 'hitRatio').innerText());
		// The shared-context chart draws both TTLs whatever the choice: its caption states both.
		await expect(caption(page, 'sharedContext')).toHaveText(before.sharedContext);

		// And back.
		await setCacheTtl(page, '5 minutes');
		await expect(caption(page, 'waterfall')).toHaveText(before.waterfall);
		await expect(caption(page, 'hitRatio')).toHaveText(before.hitRatio);
	});

	test('(d) dragging the slider updates the same chart in place, never recreating it', async ({ page }) => {
		await gotoCalculator(page);
		const drawn = await waitForCharts(page);

		// Mark the canvases and Chart.js's per-canvas records, and watch the chart boxes for
		// replaced canvases or changed bitmap sizes (a destroyed chart resets them to 300 x 150).
		await page.evaluate(() => {
			const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('figure canvas'));
			const records = canvases.map((c) => (c as unknown as Record<string, unknown>)['$chartjs']);
			canvases.forEach((c, i) => (c.dataset['probe'] = String(i)));
			const mutations: string[] = [];
			const observer = new MutationObserver((list) => {
				for (const m of list) {
					if (m.type === 'childList') mutations.push(`${m.addedNodes.length} added, ${m.removedNodes.length} removed in ${(m.target as Element).className}`);
					else if (m.attributeName === 'width' || m.attributeName === 'height') {
						mutations.push(`${m.attributeName} ${m.oldValue} -> ${(m.target as Element).getAttribute(m.attributeName)}`);
					}
				}
			});
			for (const box of Array.from(document.querySelectorAll('figure .chart-box'))) {
				observer.observe(box, { childList: true, subtree: true, attributes: true, attributeOldValue: true });
			}
			Object.assign(window, { __chartProbe: { canvases, records, mutations } });
		});

		// A real drag: press on the thumb (at 90 %) and move to 20 % in small steps, so the
		// slider fires a stream of input events.
		const range = slider(page, 'Cache hit ratio');
		await range.scrollIntoViewIfNeeded();
		const box = await range.boundingBox();
		if (!box) throw new Error('the Cache hit ratio slider has no box');
		const y = box.y + box.height / 2;
		// The thumb's centre travels from thumb/2 to width - thumb/2; ~16 px is Chromium's thumb.
		const xAt = (percent: number) => box.x + 8 + ((box.width - 16) * percent) / 100;
		await page.mouse.move(xAt(90), y);
		await page.mouse.down();
		for (let p = 88; p >= 50; p -= 2) await page.mouse.move(xAt(p), y);
		// Mid-drag (button still down): the caption and the chart already follow the slider.
		const midValue = Number(await range.inputValue());
		expect(midValue, 'mid-drag the slider is near 50 %').toBeLessThan(60);
		await expect(caption(page, 'hitRatio')).toContainText(`At your ${midValue.toFixed(1)} % hit ratio`);
		const mid = await waitForRedraw(page, 'hitRatio', drawn.hitRatio);
		for (let p = 48; p >= 20; p -= 2) await page.mouse.move(xAt(p), y);
		await page.mouse.up();

		await expect(range).not.toHaveValue('90');
		const value = Number(await range.inputValue());
		expect(value, 'the drag moved the slider to about 20 %').toBeLessThanOrEqual(25);
		await expect(numberField(page, 'Cache hit ratio')).toHaveValue(String(value));
		await expect(caption(page, 'hitRatio')).toContainText(`At your ${value.toFixed(1)} % hit ratio`);
		const after = await waitForRedraw(page, 'hitRatio', mid);
		expect(mid.verticalLine?.x ?? Infinity, 'mid-drag the current-hit line has moved left').toBeLessThan(drawn.hitRatio.verticalLine?.x ?? 0);
		expect(after.verticalLine?.x ?? Infinity, 'and further left at the end').toBeLessThan(mid.verticalLine?.x ?? 0);

		const probe = await page.evaluate(() => {
			const { canvases, records, mutations } = (window as unknown as { __chartProbe: { canvases: HTMLCanvasElement[]; records: unknown[]; mutations: string[] } }).__chartProbe;
			const now = Array.from(document.querySelectorAll<HTMLCanvasElement>('figure canvas'));
			return {
				sameCanvases: now.length === canvases.length && now.every((c, i) => c === canvases[i]),
				probes: now.map((c) => c.dataset['probe'] ?? null),
				sameRecords: now.map((c, i) => {
					const record = (c as unknown as Record<string, unknown>)['$chartjs'];
					return record !== undefined && record === records[i];
				}),
				mutations
			};
		});
		expect(probe.sameCanvases, 'the same <canvas> elements').toBe(true);
		// Every chart on the page (the three here, and any other, such as a forecast).
		expect(probe.probes.length).toBeGreaterThanOrEqual(3);
		expect(probe.probes).toEqual(probe.probes.map((_, i) => String(i)));
		expect(probe.sameRecords, 'the same Chart.js chart on each canvas (not destroyed and recreated)').toEqual(probe.probes.map(() => true));
		expect(probe.mutations, 'no canvas replaced or resized').toEqual([]);
		for (const chart of CHART_NAMES) {
			const { width, height } = await readPixels(canvas(page, chart));
			expect({ width, height }, `${CHART_TITLES[chart]} bitmap size`).toEqual({ width: drawn[chart].width, height: drawn[chart].height });
		}
	});

	test('(d2) a hit-ratio step redraws only the charts that depend on the hit ratio', async ({ page }) => {
		// Count Chart.js draws per chart: each draw starts by clearing its canvas.
		await page.addInitScript(() => {
			const draws: Record<string, number> = {};
			const clearRect = CanvasRenderingContext2D.prototype.clearRect;
			CanvasRenderingContext2D.prototype.clearRect = function (this: CanvasRenderingContext2D, ...args: [number, number, number, number]) {
				const title = this.canvas instanceof HTMLCanvasElement ? this.canvas.closest('figure')?.querySelector('.chart-title')?.textContent : null;
				if (title) draws[title] = (draws[title] ?? 0) + 1;
				return clearRect.apply(this, args);
			};
			Object.assign(window, { __draws: draws });
		});
		await gotoCalculator(page);
		await waitForCharts(page);
		const draws = () => page.evaluate(() => ({ ...(window as unknown as { __draws: Record<string, number> }).__draws }));
		const before = await draws();

		const range = slider(page, 'Cache hit ratio');
		await range.focus();
		// Five steps, each in a frame of its own (steps within one frame draw once, the latest).
		for (let percent = 89; percent >= 85; percent--) {
			await page.keyboard.press('ArrowLeft');
			await expect(caption(page, 'hitRatio')).toContainText(`At your ${percent}.0 % hit ratio`);
			await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
		}
		await expect(range).toHaveValue('85');
		await expect.poll(async () => ((await draws())[CHART_TITLES.hitRatio] ?? 0) - (before[CHART_TITLES.hitRatio] ?? 0)).toBeGreaterThanOrEqual(5);
		const after = await draws();
		const delta = (chart: ChartName) => (after[CHART_TITLES[chart]] ?? 0) - (before[CHART_TITLES[chart]] ?? 0);
		expect(delta('waterfall'), 'the waterfall follows the hit ratio').toBeGreaterThanOrEqual(1);
		// The shared-context chart plots a write then reads: nothing in it depends on the hit ratio.
		expect(delta('sharedContext'), 'the shared-context chart is not redrawn').toBe(0);
	});

	test('(e) no console errors while loading, editing and opening every data table', async ({ page, pageErrors }) => {
		await gotoCalculator(page);
		await waitForCharts(page);
		await setInput(page, 'Cache hit ratio', 10);
		await setCacheTtl(page, '1 hour');
		for (const chart of CHART_NAMES) await openDataTable(page, chart);
		pageErrors.expectNone();
	});

	test('(f) the data table toggle sets aria-expanded and reveals a real table', async ({ page }) => {
		await gotoCalculator(page);
		for (const chart of CHART_NAMES) {
			const fig = figure(page, chart);
			const toggle = fig.getByRole('button', { name: /data table/ });
			await expect(toggle).toHaveText('Show data table');
			await expect(toggle).toHaveAttribute('aria-expanded', 'false');
			const controlled = await toggle.getAttribute('aria-controls');
			expect(controlled, 'the toggle names the region it controls').toBeTruthy();
			const region = page.locator(`[id="${controlled}"]`);
			await expect(region).toBeHidden();

			await toggle.click();
			await expect(toggle).toHaveText('Hide data table');
			await expect(toggle).toHaveAttribute('aria-expanded', 'true');
			await expect(region).toBeVisible();
			const table = region.getByRole('table', { name: CHART_TITLES[chart], exact: true });
			await expect(table).toBeVisible();
			expect(await table.evaluate((t) => t.tagName)).toBe('TABLE');
			expect(await table.getByRole('columnheader').count(), 'column headers').toBeGreaterThanOrEqual(2);
			expect(await table.locator('tbody').getByRole('row').count(), 'body rows').toBeGreaterThanOrEqual(3);
			await expect(table.locator('tbody tr').first().getByRole('rowheader')).toHaveCount(1);

			await toggle.click();
			await expect(toggle).toHaveText('Show data table');
			await expect(toggle).toHaveAttribute('aria-expanded', 'false');
			await expect(region).toBeHidden();
		}
		// Keyboard too: Enter on the focused toggle opens it.
		const toggle = figure(page, 'waterfall').getByRole('button', { name: /data table/ });
		await toggle.focus();
		await page.keyboard.press('Enter');
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	});

	for (const viewport of [
		{ width: 1280, height: 800 },
		{ width: 360, height: 740 }
	]) {
		test(`(g) ${viewport.width} px wide: no layout shift, each chart box is as large before Chart.js loads as after`, async ({ page }) => {
			// Hold back Chart.js until the page has been measured without it.
			const chartJs = await watchChartJs(page, { hold: true });

			await page.setViewportSize(viewport);
			await gotoCalculator(page);
			// No chart near the viewport yet: Chart.js has not been asked for.
			await page.waitForTimeout(500);
			expect(chartJs.requested, 'Chart.js before a chart comes near the viewport').toBe(false);

			// The Layout Instability API only counts what is inside the viewport: make the
			// viewport as tall as the page, so every chart is in it (which asks for Chart.js).
			const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
			await page.setViewportSize({ width: viewport.width, height: pageHeight });
			await expect.poll(() => chartJs.requested, { message: 'the page should request the Chart.js chunk' }).toBe(true);
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

			// Layout shifts from here on (the page has settled without Chart.js).
			await page.evaluate(() => {
				const shifts: { value: number; sources: string[] }[] = [];
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node | null }[] })[]) {
						shifts.push({
							value: entry.value,
							sources: (entry.sources ?? []).map((s) => (s.node instanceof Element ? s.node.outerHTML.slice(0, 80) : String(s.node)))
						});
					}
				}).observe({ type: 'layout-shift' });
				Object.assign(window, { __shifts: shifts });
			});

			const measure = () =>
				page.evaluate(() => {
					const rect = (el: Element | null) => {
						const r = el?.getBoundingClientRect();
						return r ? { x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height } : null;
					};
					return {
						figures: Array.from(document.querySelectorAll('figure.chart-figure')).map((f) => ({
							figure: rect(f),
							box: rect(f.querySelector('.chart-box')),
							canvas: rect(f.querySelector('canvas')),
							toggle: rect(f.querySelector('.table-toggle'))
						})),
						pageHeight: document.documentElement.scrollHeight
					};
				});

			const before = await measure();
			// The three charts here (and any other chart of the page, such as a forecast).
			expect(before.figures.length).toBeGreaterThanOrEqual(3);
			for (const f of before.figures) expect(f.box?.height ?? 0, 'the chart box has its height before Chart.js').toBeGreaterThan(100);
			// Nothing is drawn yet.
			for (const chart of CHART_NAMES) expect((await readPixels(canvas(page, chart))).inked, `${chart} blank before Chart.js`).toBe(0);

			chartJs.release();
			await waitForCharts(page);
			// Two more frames, for any resize Chart.js's ResizeObserver would cause.
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

			const after = await measure();
			expect(after, 'figure, chart box, canvas and toggle boxes, and the page height').toEqual(before);
			const shifts = await page.evaluate(() => (window as unknown as { __shifts: unknown[] }).__shifts);
			expect(shifts, 'layout shifts while Chart.js loaded and drew').toEqual([]);
		});
	}
});

test.describe('Chart.js only when a chart is wanted', () => {
	for (const viewport of [
		{ width: 1280, height: 800 },
		{ width: 360, height: 740 }
	]) {
		test(`${viewport.width} px: a visit that stays at the top never fetches Chart.js; scrolling to a chart does`, async ({ page }) => {
			const chartJs = await watchChartJs(page);
			await page.setViewportSize(viewport);
			await gotoCalculator(page);
			// Longer than the idle time-out after which charts out of view are built.
			await page.waitForTimeout(2_500);
			expect(chartJs.requested, 'Chart.js on a visit that does not scroll').toBe(false);
			await expect(page.locator('canvas[data-drawn]')).toHaveCount(0);

			await page.getByRole('figure', { name: /^Savings waterfall/ }).scrollIntoViewIfNeeded();
			await expect.poll(() => chartJs.requested).toBe(true);
			// The one in view draws; the others follow when the browser is idle.
			await expect(page.locator('canvas:not([data-drawn])')).toHaveCount(0, { timeout: 10_000 });
		});
	}

	test('Ctrl+P before Chart.js has arrived: the print waits for it, and every chart is on paper', async ({ page }) => {
		await gotoCalculator(page);
		await expect(page.locator('canvas[data-drawn]')).toHaveCount(0);
		// The browser's print, as far as the page sees it: beforeprint, the layout for paper, afterprint.
		await page.evaluate(() => {
			const w = window as unknown as { __printed: boolean[][] };
			w.__printed = [];
			window.print = () => {
				dispatchEvent(new Event('beforeprint'));
				w.__printed.push([...document.querySelectorAll('canvas')].map((c) => c.hasAttribute('data-drawn')));
				dispatchEvent(new Event('afterprint'));
			};
		});
		await page.keyboard.press('ControlOrMeta+P');
		await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: boolean[][] }).__printed)).toEqual([[true, true, true, true]]);
	});

	test("a print from the browser's menu before Chart.js: each chart's title and caption, no empty box", async ({ page }) => {
		// Chart.js held back: laid out for paper, the charts come into view, and must not draw yet.
		const chartJs = await watchChartJs(page, { hold: true });
		await gotoCalculator(page);
		await page.emulateMedia({ media: 'print' });
		const figure = page.getByRole('figure', { name: /^Savings waterfall/ });
		await expect(figure.locator('.chart-caption')).toBeVisible();
		await expect(figure.locator('.chart-box')).toBeHidden();
		// Once drawn, the chart prints.
		chartJs.release();
		await page.emulateMedia({ media: 'screen' });
		await waitForCharts(page);
		await page.emulateMedia({ media: 'print' });
		await expect(figure.locator('.chart-box')).toBeVisible();
	});
});
