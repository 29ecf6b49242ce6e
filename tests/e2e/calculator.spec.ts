/**
 * Issue 4: the calculator page in a real browser, against the built site.
 *
 * Expected figures never come from the page or the engine: they are the worked examples
 * of the pricing spec (guide sheet, to the cent) and hand arithmetic written next to
 * each assertion. (The engine is not imported: under "type": "module" Playwright's loader
 * cannot import the price sheets' JSON without an import attribute.)
 */
import type { Page } from '@playwright/test';
import {
	LEVER_ROWS,
	expect,
	expectMonthlyCosts,
	gotoCalculator,
	notice,
	numberField,
	overflowingElements,
	parseMoney,
	parsePercent,
	readSavingsTable,
	rowHeader,
	rowOf,
	savingsTable,
	select,
	setCacheTtl,
	setInput,
	setSelect,
	slider,
	test
} from './helpers';

const SHARES = ['Opus 5.5 share', 'Sonnet 5.5 share', 'Haiku 5.5 share'] as const;

/**
 * The guide sheet's worked examples count their tokens on the models they price (Claude 4.6
 * and earlier); the page's default counts them on the 2026 tokenizer, which would scale them.
 */
async function countTokensOnLegacy(page: Page): Promise<void> {
	const radio = page.getByRole('radiogroup', { name: 'Token counts measured on', exact: true }).getByRole('radio', { name: 'Claude 4.6 and earlier', exact: true });
	await radio.check();
	await expect(radio).toBeChecked();
}

test.describe('calculator page', () => {
	test('(a) loads without console errors and shows the five-row savings table', async ({ page, pageErrors }) => {
		await gotoCalculator(page);

		await expect(page).toHaveTitle(/Claude Cost Levers/);
		await expect(page.getByRole('heading', { level: 1, name: 'Claude Cost Levers' })).toBeVisible();

		const table = savingsTable(page);
		for (const header of ['Monthly cost', 'Saving vs previous', 'Cumulative saving']) {
			await expect(table.getByRole('columnheader', { name: header })).toBeVisible();
		}
		for (const lever of LEVER_ROWS) {
			await expect(rowHeader(page, lever)).toBeVisible();
		}

		const rows = await readSavingsTable(page);
		expect(rows.map((r) => r.lever)).toEqual([...LEVER_ROWS]);

		// The page opens on the current default scenario (CURRENT_DEFAULT_SCENARIO in
		// src/lib/scenario/defaults.ts): the anthropic-2026-11 sheet, 100,000 requests, 6,000 input
		// (5,000 cached prefix), 500 output, Opus 5.5 baseline, mix Opus 5.5 5 / Sonnet 5.5 25 /
		// Haiku 5.5 70, 80 % hits at 5 min, 50 % batch, trims 10 % / 20 %, token counts on the
		// 2026 tokenizer (the models' own: no scaling). Rates, $/MTok (docs/pricing-model.md §1.3):
		//   in / 5-minute write / read / out: Opus 5.5 4 / 5 / 0.20 / 20, Sonnet 5.5 2 / 2.50 / 0.10 / 10,
		//   Haiku 5.5 0.10 / 0.125 / 0.01 / 0.50 (its band starts above 100,000 prompt tokens: not reached).
		//   Baseline: 6,000 x 4 + 500 x 20 = $0.034 x 100,000 = $3,400
		//   Routing: Opus $0.034, Sonnet 6,000 x 2 + 500 x 10 = $0.017, Haiku 600 + 250 = $0.00085;
		//     0.05 x 0.034 + 0.25 x 0.017 + 0.70 x 0.00085 = $0.006545 -> $654.50
		//   Caching: input = 1,000 x in + 5,000 x (0.8 x read + 0.2 x write):
		//     Opus 4,000 + 5,000 x 1.16 = 9,800 (+ 10,000 out) -> $0.0198; Sonnet 2,000 + 5,000 x 0.58 = 4,900
		//     (+ 5,000) -> $0.0099; Haiku 100 + 5,000 x 0.033 = 265 (+ 250) -> $0.000515;
		//     0.05 x 0.0198 + 0.25 x 0.0099 + 0.70 x 0.000515 = $0.0038255 -> $382.55
		//   Batch: half the traffic at 0.5x: x 0.75 -> $286.9125
		//   Trimming: input x 0.9 (5,400, prefix 4,500, still cacheable), output x 0.8 (400):
		//     Opus 3,600 + 5,220 + 8,000 = $0.01682; Sonnet 1,800 + 2,610 + 4,000 = $0.00841;
		//     Haiku 90 + 148.5 + 200 = $0.0004385; (0.000841 + 0.0021025 + 0.00030695) x 0.75
		//     = $0.0024378375 -> $243.78375
		// Compared to the precision shown: cents when the page shows them, else whole dollars;
		// the cumulative saving to 0.1 %.
		const reference = [
			{ cost: 3400, cumulativePercent: 0 },
			{ cost: 654.5, cumulativePercent: 80.75 },
			{ cost: 382.55, cumulativePercent: 88.748529 },
			{ cost: 286.9125, cumulativePercent: 91.561397 },
			{ cost: 243.78375, cumulativePercent: 92.829890 }
		];
		for (const [i, row] of rows.entries()) {
			const want = reference[i];
			if (!want) throw new Error(`no reference for row ${i}`);
			const tolerance = row.monthlyCost.includes('.') ? 0.005 : 0.5;
			expect(
				Math.abs(parseMoney(row.monthlyCost) - want.cost),
				`${row.lever}: shown '${row.monthlyCost}', expected ${want.cost}`
			).toBeLessThanOrEqual(tolerance + 1e-9);
			if (i > 0) {
				expect(
					Math.abs(parsePercent(row.cumulative) - want.cumulativePercent),
					`${row.lever}: shown '${row.cumulative}', expected ${want.cumulativePercent} %`
				).toBeLessThanOrEqual(0.05 + 1e-9);
			}
		}

		pageErrors.expectNone();
	});

	test('(b) worked example: 1,000 support tickets on Sonnet 4.6, $13.50 standard, $6.75 batch', async ({ page }) => {
		await gotoCalculator(page);

		await setSelect(page, 'Price sheet', 'guide-2026-03');
		await countTokensOnLegacy(page);
		await setSelect(page, 'Baseline model', 'sonnet-4-6');
		await setInput(page, 'Requests per month', 1000);
		// Prefix first: the default prefix (5,000) would exceed the new input (2,000).
		await setInput(page, 'Cached prefix tokens', 0);
		await setInput(page, 'Input tokens per request', 2000);
		await setInput(page, 'Output tokens per request', 500);
		await setInput(page, 'Sonnet 4.6 share', 100);
		await expect(numberField(page, 'Opus 4.6 share')).toHaveValue('0');
		await expect(numberField(page, 'Haiku 4.5 share')).toHaveValue('0');
		await setInput(page, 'Cache hit ratio', 0);
		await setInput(page, 'Batch share', 100);
		await setInput(page, 'Input trimmed', 0);
		await setInput(page, 'Output trimmed', 0);

		// 1,000 x (2,000 x $3 + 500 x $15) / 1e6 = $13.50; batch halves both: $6.75.
		await expectMonthlyCosts(page, {
			Baseline: '$13.50',
			'Model routing': '$13.50',
			'Prompt caching': '$13.50',
			'Batch API': '$6.75',
			'Token optimization': '$6.75'
		});
		const batch = rowOf(await readSavingsTable(page), 'Batch API');
		expect(batch.cumulative).toMatch(/50\.0 ?%/);
	});

	test('(c) preset "1,000 support tickets (batch)" reproduces $13.50 and $6.75', async ({ page }) => {
		await gotoCalculator(page);
		await page.getByRole('button', { name: '1,000 support tickets (batch)', exact: true }).click();

		await expect(select(page, 'Baseline model')).toHaveValue('sonnet-4-6');
		await expect(numberField(page, 'Requests per month')).toHaveValue('1000');
		await expect(numberField(page, 'Input tokens per request')).toHaveValue('2000');
		await expect(numberField(page, 'Output tokens per request')).toHaveValue('500');
		await expectMonthlyCosts(page, { Baseline: '$13.50', 'Batch API': '$6.75' });
	});

	test('(d) worked example: document Q&A on Opus 4.6 with a 5-minute cache, $1.50 -> $0.32 (78.5 %)', async ({
		page
	}) => {
		await gotoCalculator(page);

		await setSelect(page, 'Price sheet', 'guide-2026-03');
		await countTokensOnLegacy(page);
		await setSelect(page, 'Baseline model', 'opus-4-6');
		await setInput(page, 'Opus 4.6 share', 100);
		await expect(numberField(page, 'Sonnet 4.6 share')).toHaveValue('0');
		await expect(numberField(page, 'Haiku 4.5 share')).toHaveValue('0');
		await setInput(page, 'Requests per month', 10);
		// Input first: the prefix may never exceed it.
		await setInput(page, 'Input tokens per request', 10000);
		await setInput(page, 'Cached prefix tokens', 10000);
		await setInput(page, 'Output tokens per request', 0);
		await setInput(page, 'Cache hit ratio', 90);
		await setCacheTtl(page, '5 minutes');
		await setInput(page, 'Batch share', 0);
		await setInput(page, 'Input trimmed', 0);
		await setInput(page, 'Output trimmed', 0);

		// Baseline: 10 x 10,000 x $15 / 1e6 = $1.50.
		// Cached: $1.50 x (0.9 x 0.1 + 0.1 x 1.25) = $1.50 x 0.215 = $0.3225, shown $0.32;
		// saving (1.50 - 0.3225) / 1.50 = 78.5 %.
		await expectMonthlyCosts(page, {
			Baseline: '$1.50',
			'Model routing': '$1.50',
			'Prompt caching': '$0.32',
			'Batch API': '$0.32',
			'Token optimization': '$0.32'
		});
		const rows = await readSavingsTable(page);
		expect(rowOf(rows, 'Prompt caching').cumulative).toMatch(/78\.5 ?%/);
		expect(rowOf(rows, 'Token optimization').cumulative).toMatch(/78\.5 ?%/);
	});

	test('(e) the keyboard moves the Cache hit ratio slider and the number field follows', async ({ page }) => {
		await gotoCalculator(page);
		await setInput(page, 'Cache hit ratio', 50);

		const range = slider(page, 'Cache hit ratio');
		const field = numberField(page, 'Cache hit ratio');
		await expect(range).toHaveValue('50');
		const { min, max, step } = await range.evaluate((el) => {
			const input = el as HTMLInputElement;
			return { min: Number(input.min || 0), max: Number(input.max || 100), step: Number(input.step || 1) };
		});
		expect([min, max], 'Cache hit ratio runs 0..100 %').toEqual([0, 100]);
		expect(step, 'the slider has a numeric step').toBeGreaterThan(0);

		// Chromium's keys for <input type=range> (checked on Chromium 156 with a bare range):
		// arrows move one step, PageUp/PageDown max((max - min) / 10, step), Home/End go to
		// min/max, all clamped to the range; each key fires input and change.
		const bigStep = Math.max((max - min) / 10, step);
		const clamp = (v: number) => Math.min(max, Math.max(min, v));
		const keys: [key: string, expected: number][] = [
			['ArrowRight', clamp(50 + step)],
			['ArrowLeft', 50],
			['ArrowUp', clamp(50 + step)],
			['ArrowDown', 50],
			['PageUp', clamp(50 + bigStep)],
			['PageDown', 50],
			['Home', min],
			['End', max]
		];

		const cachingCost = async () => parseMoney(rowOf(await readSavingsTable(page), 'Prompt caching').monthlyCost);
		let costAtNoHits = Number.NaN;

		await range.focus();
		for (const [key, expected] of keys) {
			await page.keyboard.press(key);
			await expect(range).toBeFocused();
			await expect.poll(async () => Number(await range.inputValue()), { message: `slider after ${key}` }).toBeCloseTo(expected, 6);
			await expect.poll(async () => Number(await field.inputValue()), { message: `number field after ${key}` }).toBeCloseTo(expected, 6);
			if (key === 'Home') costAtNoHits = await cachingCost();
		}
		// The table follows the slider too: with every request a hit (End) caching costs less
		// than with none (Home), a 0.1x read against a 1.25x write.
		await expect.poll(cachingCost, { message: 'Prompt caching cost at 100 % hits' }).toBeLessThan(costAtNoHits);
	});

	test('(f) warnings appear when something is off and go away when it is fixed', async ({ page }) => {
		await gotoCalculator(page);

		// Cached prefix larger than the input.
		await setInput(page, 'Input tokens per request', 6000);
		await setInput(page, 'Cached prefix tokens', 7000);
		await expect(notice(page, /larger than/i).first()).toBeVisible();
		await setInput(page, 'Cached prefix tokens', 5000);
		await expect(notice(page, /larger than/i)).toHaveCount(0);

		// A hit ratio below break-even (21.7 % for the 5-minute TTL, 52.6 % for 1 hour).
		await setCacheTtl(page, '5 minutes');
		await setInput(page, 'Cache hit ratio', 10);
		await expect(notice(page, /break-even/i).first()).toBeVisible();
		await setInput(page, 'Cache hit ratio', 80);
		await expect(notice(page, /break-even/i)).toHaveCount(0);

		// 40 % is above the 5-minute break-even but below the 1-hour one.
		await setInput(page, 'Cache hit ratio', 40);
		await expect(notice(page, /break-even/i)).toHaveCount(0);
		await setCacheTtl(page, '1 hour');
		await expect(notice(page, /break-even/i).first()).toBeVisible();
		await setCacheTtl(page, '5 minutes');
		await expect(notice(page, /break-even/i)).toHaveCount(0);
	});

	test('the model mix always sums to 100: moving one share rescales the others in proportion', async ({ page }) => {
		await gotoCalculator(page);
		// Defaults: Opus 5.5 5, Sonnet 5.5 25, Haiku 5.5 70. Opus to 50 leaves 50 for the others, split 25 : 70.
		await setInput(page, 'Opus 5.5 share', 50);
		const shares = async () => Promise.all(SHARES.map(async (label) => Number(await numberField(page, label).inputValue())));
		await expect.poll(async () => (await shares()).reduce((a, b) => a + b, 0), { message: 'sum of the shares' }).toBeCloseTo(100, 0);
		const [opus, sonnet, haiku] = await shares();
		expect(opus).toBe(50);
		// Exact: 50 x 25/95 = 13.16 and 50 x 70/95 = 36.84; the page may round for display.
		expect(Math.abs((sonnet ?? Number.NaN) - (50 * 25) / 95)).toBeLessThanOrEqual(0.5);
		expect(Math.abs((haiku ?? Number.NaN) - (50 * 70) / 95)).toBeLessThanOrEqual(0.5);
	});

	test('every preset applies without errors and does what its name says', async ({ page, pageErrors }) => {
		await gotoCalculator(page);
		const preset = (name: string) => page.getByRole('button', { name, exact: true }).click();
		const costs = async () => (await readSavingsTable(page)).map((r) => parseMoney(r.monthlyCost));

		await preset('Routing mix 70/25/5');
		await expect(numberField(page, 'Haiku 4.5 share')).toHaveValue('70');
		await expect(numberField(page, 'Sonnet 4.6 share')).toHaveValue('25');
		await expect(numberField(page, 'Opus 4.6 share')).toHaveValue('5');
		const [baseline, routed] = await costs();
		expect(routed, 'routing saves against the baseline').toBeLessThan(baseline ?? Number.NaN);

		await preset('Document Q&A on Opus (caching)');
		await expect(select(page, 'Baseline model')).toHaveValue('opus-4-6');
		const [, beforeCaching, cached] = await costs();
		expect(cached, 'caching saves against the row above').toBeLessThan(beforeCaching ?? Number.NaN);

		await preset('Everything combined ($10k/month on Opus)');
		await expect(select(page, 'Baseline model')).toHaveValue('opus-4-6');
		await expect.poll(async () => (await costs())[0], { message: 'baseline of the $10k/month preset' }).toBeCloseTo(10_000, -3);
		const all = await costs();
		for (let i = 1; i < all.length; i++) {
			expect(all[i], `${LEVER_ROWS[i]} saves against the row above`).toBeLessThan(all[i - 1] ?? Number.NaN);
		}

		await preset('1,000 support tickets (batch)');
		await expectMonthlyCosts(page, { Baseline: '$13.50', 'Batch API': '$6.75' });
		pageErrors.expectNone();
	});
});

test.describe('layout', () => {
	for (const viewport of [
		{ width: 360, height: 800 },
		{ width: 1280, height: 900 }
	]) {
		test(`(g) ${viewport.width}x${viewport.height}: full-page screenshot, no horizontal scroll`, async ({ page }, testInfo) => {
			await page.setViewportSize(viewport);
			await gotoCalculator(page);
			await page.evaluate(() => document.fonts.ready);

			const name = `calculator-${viewport.width}x${viewport.height}.png`;
			const path = testInfo.outputPath(name);
			await page.screenshot({ path, fullPage: true });
			await testInfo.attach(name, { path, contentType: 'image/png' });

			const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(
				scrollWidth,
				`page scrolls sideways at ${viewport.width}px; overflowing: ${(await overflowingElements(page)).join(', ')}`
			).toBeLessThanOrEqual(viewport.width);
		});
	}
});
