/**
 * Issue 4: the calculator page in a real browser, against the built site, on the
 * version-2 page: workloads with Today and Planned, and a savings table from Today to Planned.
 *
 * Expected figures never come from the page or the engine: they are the worked examples
 * of the pricing spec (docs/pricing-model.md §11, to the cent) and hand arithmetic written
 * next to each assertion. (The engine is not imported: under "type": "module" Playwright's
 * loader cannot import the price sheets' JSON without an import attribute.)
 */
import type { Page } from '@playwright/test';
import {
	LEVER_ROWS,
	expect,
	expectMonthlyCosts,
	gotoCalculator,
	headline,
	notice,
	numberField,
	openToday,
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
	setSwitch,
	slider,
	test,
	workload
} from './helpers';

/** Reset: one neutral workload ("Workload 1", Opus 5.5 on the November 2026 sheet, Planned = Today). */
async function reset(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Reset', exact: true }).click();
	await expect(workload(page, 'Workload 1')).toBeVisible();
}

/**
 * The guide sheet's worked examples (§11.1, §11.2) count their tokens on the models they
 * price (Claude 4.6 and earlier); a new workload counts them on the 2026 tokenizer, which
 * would scale them.
 */
async function countTokensOnLegacy(page: Page): Promise<void> {
	await setSelect(page, 'Token counts measured on', 'legacy');
}

test.describe('calculator page', () => {
	test('(a0) the calculator code arrives after the first paint and takes over the prerendered page in place', async ({ page }) => {
		// One node of the page itself and one of each part that hydrates later (Later.svelte).
		const parts = {
			heading: 'h1',
			headline: '[data-testid="optimized-cost"]',
			prices: '#price-sheet',
			workloadFields: 'input[type="range"]',
			today: 'details.today',
			planned: '.planned',
			tables: 'table',
			charts: 'figure.chart-figure'
		};
		const hydrationWarnings: string[] = [];
		page.on('console', (m) => {
			if (/hydration/i.test(m.text())) hydrationWarnings.push(m.text());
		});
		// Hold the page's nodes as parsed from the prerendered HTML, before any script has run.
		await page.addInitScript((selectors) => {
			document.addEventListener('DOMContentLoaded', () => {
				const held = Object.fromEntries(Object.entries(selectors).map(([part, selector]) => [part, document.querySelector(selector)]));
				Object.assign(window, { __prerendered: held, __island: document.querySelector('[data-island]')?.getAttribute('data-island') });
			});
		}, parts);
		await gotoCalculator(page);
		const same = await page.evaluate((selectors) => {
			const held = (window as unknown as { __prerendered: Record<string, Element | null> }).__prerendered;
			return Object.fromEntries(Object.entries(selectors).map(([part, selector]) => [part, held[part] !== null && held[part] === document.querySelector(selector)]));
		}, parts);
		// Prerendered as loading; the same nodes (not a re-render) once the code has hydrated them, part by part.
		expect(await page.evaluate(() => (window as unknown as { __island: string }).__island)).toBe('loading');
		expect(same).toEqual(Object.fromEntries(Object.keys(parts).map((part) => [part, true])));
		expect(hydrationWarnings).toEqual([]);
		// And they are live: a step of the first slider changes the headline.
		const before = await page.getByTestId('optimized-cost').textContent();
		await page.locator('input[type="range"]').first().focus();
		await page.keyboard.press('End');
		await expect(page.getByTestId('optimized-cost')).not.toHaveText(before ?? '');
	});

	test('(a) loads without console errors on the labelled example, with the six-row savings table', async ({ page, pageErrors }) => {
		await gotoCalculator(page);

		await expect(page).toHaveTitle(/Claude Cost Levers/);
		await expect(page.getByRole('heading', { level: 1, name: 'Claude Cost Levers' })).toBeVisible();
		// A first visit shows an example, labelled as one, in a workload named after what it does.
		await expect(page.getByRole('textbox', { name: 'Scenario name', exact: true })).toHaveValue('Example: support triage');
		await expect(workload(page, 'Support triage')).toBeVisible();

		const table = savingsTable(page);
		for (const header of ['Monthly cost', 'Saving vs previous', 'Cumulative saving']) {
			await expect(table.getByRole('columnheader', { name: header })).toBeVisible();
		}
		for (const lever of LEVER_ROWS) {
			await expect(rowHeader(page, lever)).toBeVisible();
		}
		const rows = await readSavingsTable(page);
		expect(rows.map((r) => r.lever)).toEqual([...LEVER_ROWS]);

		// The example (docs/pricing-model.md §11.5): 300,000 requests a month on Sonnet 4.6 ($3 in,
		// $3.75 5-minute write, $0.30 read, $15 out), 13,500 input tokens of which a 12,000-token
		// prefix, 800 output, counted on the legacy tokenizer (Sonnet 4.6's own: no scaling).
		//   Today, no caching: 300,000 x (13,500 x 3 + 800 x 15) / 1e6 = 300,000 x $0.0525 = $15,750.00
		//   Model routing: Planned runs on the same model: $15,750.00
		//   Prompt caching, 5 minutes at 90 %: (1,500 x 3 + 12,000 x (0.9 x 0.30 + 0.1 x 3.75) + 12,000)
		//     / 1e6 = $0.02424 a request -> $7,272.00 (53.83 % saved)
		//   Batch API, 40 %: $7,272.00 x (0.6 + 0.4 x 0.5) = $5,817.60 (63.06 % saved against Today)
		//   Fast mode and Token optimization: off in Today and Planned alike: $5,817.60
		// Compared to the precision shown: cents when the page shows them, else whole dollars;
		// the cumulative saving to 0.1 %.
		const reference = [
			{ cost: 15_750, cumulativePercent: 0 },
			{ cost: 15_750, cumulativePercent: 0 },
			{ cost: 7272, cumulativePercent: 53.828571 },
			{ cost: 5817.6, cumulativePercent: 63.062857 },
			{ cost: 5817.6, cumulativePercent: 63.062857 },
			{ cost: 5817.6, cumulativePercent: 63.062857 }
		];
		for (const [i, row] of rows.entries()) {
			const want = reference[i];
			if (!want) throw new Error(`no reference for row ${i}`);
			const tolerance = row.monthlyCost.includes('.') ? 0.005 : 0.5;
			expect(Math.abs(parseMoney(row.monthlyCost) - want.cost), `${row.lever}: shown '${row.monthlyCost}', expected ${want.cost}`).toBeLessThanOrEqual(
				tolerance + 1e-9
			);
			if (i > 0) {
				expect(
					Math.abs(parsePercent(row.cumulative) - want.cumulativePercent),
					`${row.lever}: shown '${row.cumulative}', expected ${want.cumulativePercent} %`
				).toBeLessThanOrEqual(0.05 + 1e-9);
			}
		}

		// The headline says Today and Planned (whole dollars from $100): $15,750.00 and $5,817.60;
		// saved $9,932.40 a month (63.1 %), $119,188.80 a year.
		const head = page.getByRole('region', { name: 'Headline figures' });
		await expect(head).toContainText('Today');
		await expect(head).toContainText('Planned');
		await expect.poll(() => headline(page)).toEqual({ today: '$15,750', planned: '$5,818', saved: '63.1 %', yearly: '$119,189' });

		pageErrors.expectNone();
	});

	test('(b) worked example: 1,000 support tickets on Sonnet 4.6, $13.50 standard, $6.75 batch', async ({ page }) => {
		await gotoCalculator(page);
		await reset(page);

		await setSelect(page, 'Price sheet', 'guide-2026-03');
		await countTokensOnLegacy(page);
		await openToday(page);
		await setSelect(page, "Today's model", 'sonnet-4-6');
		await setInput(page, 'Requests per month', 1000);
		// Prefix first: the default prefix (5,000) would exceed the new input (2,000).
		await setInput(page, 'Cached prefix tokens', 0);
		await setInput(page, 'Input tokens per request', 2000);
		await setInput(page, 'Output tokens per request', 500);
		await setSwitch(page, 'Batch API', true);
		await setInput(page, 'Batch share', 100);
		for (const lever of ['Model routing', 'Prompt caching', 'Fast mode', 'Token optimization']) {
			await expect(page.getByRole('checkbox', { name: lever, exact: true })).not.toBeChecked();
		}

		// §11.1: 1,000 x (2,000 x $3 + 500 x $15) / 1e6 = $13.50; batch halves both: $6.75.
		await expectMonthlyCosts(page, {
			Today: '$13.50',
			'Model routing': '$13.50',
			'Prompt caching': '$13.50',
			'Batch API': '$6.75',
			'Fast mode': '$6.75',
			'Token optimization': '$6.75'
		});
		const batch = rowOf(await readSavingsTable(page), 'Batch API');
		expect(batch.cumulative).toMatch(/50\.0 ?%/);
	});

	// The presets of version 1 ("1,000 support tickets (batch)" and the others) moved to the
	// version-2 presets on the current lineup; this one is the batch example among them.
	test('(c) preset "Nightly reports through the Batch API" shows its workload and halves its cost', async ({ page }) => {
		await gotoCalculator(page);
		await page.getByRole('button', { name: 'Nightly reports through the Batch API', exact: true }).click();

		const reports = workload(page, 'Nightly reports');
		await expect(numberField(reports, 'Requests per month')).toHaveValue('20,000');
		await expect(numberField(reports, 'Input tokens per request')).toHaveValue('8,000');
		await expect(numberField(reports, 'Output tokens per request')).toHaveValue('2,000');
		await openToday(reports);
		await expect(select(reports, "Today's model")).toHaveValue('sonnet-5-5');
		await expect(reports.getByRole('checkbox', { name: 'Batch API', exact: true })).toBeChecked();
		await expect(numberField(reports, 'Batch share')).toHaveValue('100');
		// Sonnet 5.5 ($2 in, $10 out), counted on its own (2026) tokenizer:
		// 20,000 x (8,000 x $2 + 2,000 x $10) / 1e6 = 20,000 x $0.036 = $720; all batched: $360.
		await expectMonthlyCosts(page, { Today: '$720', 'Prompt caching': '$720', 'Batch API': '$360', 'Token optimization': '$360' });
	});

	test('(d) worked example: document Q&A on Opus 4.6 with a 5-minute cache, $1.50 -> $0.32 (78.5 %)', async ({ page }) => {
		await gotoCalculator(page);
		await reset(page);

		await setSelect(page, 'Price sheet', 'guide-2026-03');
		await countTokensOnLegacy(page);
		await openToday(page);
		await setSelect(page, "Today's model", 'opus-4-6');
		await expect(page.getByRole('checkbox', { name: 'Caching today', exact: true })).not.toBeChecked();
		await setInput(page, 'Requests per month', 10);
		// Input first: the prefix may never exceed it.
		await setInput(page, 'Input tokens per request', 10000);
		await setInput(page, 'Cached prefix tokens', 10000);
		await setInput(page, 'Output tokens per request', 0);
		await setSwitch(page, 'Prompt caching', true);
		await setInput(page, 'Cache hit ratio', 90);
		await setCacheTtl(page, '5 minutes');
		await expect(page.getByRole('checkbox', { name: 'Batch API', exact: true })).not.toBeChecked();

		// §11.2 on the guide sheet (Opus 4.6 at $15 in):
		// Today: 10 x 10,000 x $15 / 1e6 = $1.50.
		// Cached: $1.50 x (0.9 x 0.1 + 0.1 x 1.25) = $1.50 x 0.215 = $0.3225, shown $0.32;
		// saving (1.50 - 0.3225) / 1.50 = 78.5 %.
		await expectMonthlyCosts(page, {
			Today: '$1.50',
			'Model routing': '$1.50',
			'Prompt caching': '$0.32',
			'Batch API': '$0.32',
			'Fast mode': '$0.32',
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
			await expect.poll(async () => Number((await field.inputValue()).replace(/,/g, '')), { message: `number field after ${key}` }).toBeCloseTo(expected, 6);
			if (key === 'Home') costAtNoHits = await cachingCost();
		}
		// The table follows the slider too: with every request a hit (End) caching costs less
		// than with none (Home), a 0.1x read against a 1.25x write.
		await expect.poll(cachingCost, { message: 'Prompt caching cost at 100 % hits' }).toBeLessThan(costAtNoHits);
	});

	test('(f) warnings appear when something is off and go away when it is fixed', async ({ page }) => {
		await gotoCalculator(page);

		// Cached prefix larger than the input (13,500 in the example).
		await expect(numberField(page, 'Input tokens per request')).toHaveValue('13,500');
		await setInput(page, 'Cached prefix tokens', 14000);
		await expect(notice(page, /larger than/i).first()).toBeVisible();
		await setInput(page, 'Cached prefix tokens', 12000);
		await expect(notice(page, /larger than/i)).toHaveCount(0);

		// A Planned hit ratio below break-even (21.7 % for the 5-minute TTL, 52.6 % for 1 hour).
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
		// Planned routing: the mix starts as Today's, all on Sonnet 4.6; two models are added at 0 %.
		await setSwitch(page, 'Model routing', true);
		const mix = page.getByRole('group', { name: 'Planned model mix', exact: true });
		await expect(numberField(mix, 'Sonnet 4.6 share')).toHaveValue('100');
		for (const model of ['opus-5-5', 'haiku-5-5']) {
			await select(mix, 'Add model to mix').selectOption(model);
			await mix.getByRole('button', { name: 'Add', exact: true }).click();
		}
		await expect(numberField(mix, 'Opus 5.5 share')).toHaveValue('0');
		await expect(numberField(mix, 'Haiku 5.5 share')).toHaveValue('0');
		const shares = async () =>
			Promise.all(['Opus 5.5 share', 'Sonnet 4.6 share', 'Haiku 5.5 share'].map(async (label) => Number((await numberField(mix, label).inputValue()).replace(/,/g, ''))));

		// Haiku 5.5 to 70 leaves 30 for the others, split 0 : 100 (Opus 5.5 : Sonnet 4.6).
		await setInput(mix, 'Haiku 5.5 share', 70);
		await expect.poll(shares, { message: 'shares after Haiku 5.5 to 70' }).toEqual([0, 30, 70]);
		// Opus 5.5 to 50 leaves 50 for the others, split 30 : 70 -> 15 and 35.
		await setInput(mix, 'Opus 5.5 share', 50);
		await expect.poll(shares, { message: 'shares after Opus 5.5 to 50' }).toEqual([50, 15, 35]);
		expect((await shares()).reduce((a, b) => a + b, 0)).toBe(100);
	});

	test('every preset applies without errors and does what its name says', async ({ page, pageErrors }) => {
		await gotoCalculator(page);
		const preset = (name: string) => page.getByRole('button', { name, exact: true }).click();
		const cost = async (lever: (typeof LEVER_ROWS)[number]) => parseMoney(rowOf(await readSavingsTable(page), lever).monthlyCost);

		await preset('Routing: most traffic to Haiku 5.5');
		const assistant = workload(page, 'Assistant');
		await expect(assistant).toBeVisible();
		const mix = assistant.getByRole('group', { name: 'Planned model mix', exact: true });
		await expect(numberField(mix, 'Haiku 5.5 share')).toHaveValue('70');
		await expect(numberField(mix, 'Sonnet 5.5 share')).toHaveValue('25');
		await expect(numberField(mix, 'Opus 5.5 share')).toHaveValue('5');
		// 500,000 requests of 3,000 in / 600 out, on their own (2026) tokenizer.
		// Today on Opus 5.5: 3,000 x 4 + 600 x 20 = 24,000 -> $0.024 a request -> $12,000.
		// Routed: Sonnet 5.5 3,000 x 2 + 600 x 10 = 12,000; Haiku 5.5 300 + 300 = 600;
		// 0.05 x 24,000 + 0.25 x 12,000 + 0.70 x 600 = 4,620 -> $0.00462 a request -> $2,310.
		await expectMonthlyCosts(page, { Today: '$12,000', 'Model routing': '$2,310', 'Token optimization': '$2,310' });

		await preset('Support triage: caching and batch');
		await expect(workload(page, 'Support triage')).toBeVisible();
		await expectMonthlyCosts(page, { Today: '$15,750', 'Prompt caching': '$7,272', 'Batch API': '$5,818' });

		await preset('Coding agent: cache the history');
		const agent = workload(page, 'Coding agent');
		await expect(agent.getByRole('radio', { name: 'Conversations (chats, agents)', exact: true })).toBeChecked();
		await expect(agent.getByRole('checkbox', { name: 'Prompt caching', exact: true })).toBeChecked();
		expect(await cost('Prompt caching'), 'caching the history saves against Today').toBeLessThan(await cost('Today'));

		await preset('Nightly reports through the Batch API');
		await expectMonthlyCosts(page, { Today: '$720', 'Batch API': '$360' });
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
			expect(scrollWidth, `page scrolls sideways at ${viewport.width}px; overflowing: ${(await overflowingElements(page)).join(', ')}`).toBeLessThanOrEqual(
				viewport.width
			);
		});
	}
});
