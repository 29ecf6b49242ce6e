/**
 * Issue "Several workloads, Today and Planned", in a real browser against the built site:
 * a workload described through its labelled controls (its numbers, Today, Planned), Reset,
 * several workloads (add, duplicate, rename, reorder, remove) with their totals, links that
 * reopen the same page, old links with their old figures, the phone layout, and the number
 * fields (typed "300k", "1.2M", "300,000"; refusals at the field; no scientific notation;
 * logarithmic token sliders).
 *
 * Every expected figure is worked by hand from the rates of docs/pricing-model.md §1.3 (the
 * November 2026 sheet), §1.5 (the guide sheet) and the formula of §3, written next to the
 * assertion; nothing here imports the engine or the codec.
 */
import type { Locator, Page } from '@playwright/test';
import {
	EXAMPLE_QUERY,
	LEVER_ROWS,
	expect,
	expectMonthlyCosts,
	gotoCalculator,
	headline,
	notice,
	numberField,
	openToday,
	readSavingsTable,
	savingsTable,
	select,
	setCacheTtl,
	setInput,
	setSelect,
	setSwitch,
	settled,
	slider,
	test,
	workload
} from './helpers';

/** A table's body rows as cell texts, the row header first (whitespace collapsed). */
async function bodyRows(table: Locator): Promise<string[][]> {
	return table.locator('tbody tr').evaluateAll((rows) =>
		rows.map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()))
	);
}

const perWorkload = (page: Page) => page.getByRole('table', { name: 'Per workload', exact: true });
const perModel = (page: Page) => page.getByRole('table', { name: 'Per model', exact: true });

/** The names of the workload regions, top to bottom. */
async function workloadNames(page: Page): Promise<string[]> {
	return page.locator('.inputs section.workload').evaluateAll((sections) => sections.map((s) => s.getAttribute('aria-label') ?? ''));
}

/** Reset: one neutral workload, "Workload 1", all on Opus 5.5, Planned equal to Today. */
async function reset(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Reset', exact: true }).click();
	await expect(workload(page, 'Workload 1')).toBeVisible();
}

test.describe('one workload, Today and Planned', () => {
	test('Today and Planned described through the labelled controls give the figures worked by hand', async ({ page, pageErrors }) => {
		await gotoCalculator(page);
		await reset(page);
		await expect(select(page, 'Price sheet')).toHaveValue('anthropic-2026-11');
		const w = workload(page, 'Workload 1');

		// What the workload sends (counted on the 2026 tokenizer, the models' own: no scaling).
		await setInput(w, 'Requests per month', 200000);
		await setInput(w, 'Input tokens per request', 10000);
		await setInput(w, 'Cached prefix tokens', 8000);
		await setInput(w, 'Output tokens per request', 1000);
		await expect(select(w, 'Token counts measured on')).toHaveValue('2026');

		// Today: Opus 5.5, 1-hour caching at 50 %, 20 % batch, fast mode.
		await openToday(w);
		await setSelect(w, "Today's model", 'opus-5-5');
		await setSwitch(w, 'Caching today', true);
		await setInput(w, "Today's cache hit ratio", 50);
		await setCacheTtl(w, '1 hour', "Today's cache TTL");
		await setInput(w, "Today's batch share", 20);
		await setSwitch(w, 'Fast mode today', true);
		await expect(w.locator('summary').filter({ hasText: /^\s*Today:/ })).toContainText(
			'Today: all traffic on Opus 5.5, 1-hour caching at 50 %, 20 % batch, fast mode'
		);

		// Planned: 40 % Opus 5.5 / 60 % Sonnet 5.5, 5-minute caching at 90 %, 40 % batch, no
		// fast mode, 10 % shorter input and 20 % shorter output.
		await setSwitch(w, 'Model routing', true);
		const mix = w.getByRole('group', { name: 'Planned model mix', exact: true });
		await select(mix, 'Add model to mix').selectOption('sonnet-5-5');
		await mix.getByRole('button', { name: 'Add', exact: true }).click();
		await setInput(mix, 'Sonnet 5.5 share', 60);
		await expect(numberField(mix, 'Opus 5.5 share')).toHaveValue('40');
		await setSwitch(w, 'Prompt caching', true);
		await setInput(w, 'Cache hit ratio', 90);
		await setCacheTtl(w, '5 minutes');
		await setSwitch(w, 'Batch API', true);
		await setInput(w, 'Batch share', 40);
		await setSwitch(w, 'Fast mode', false);
		await setSwitch(w, 'Token optimization', true);
		await setInput(w, 'Input trimmed', 10);
		await setInput(w, 'Output trimmed', 20);

		// Rates ($/MTok, §1.3): Opus 5.5 in 4, 5-minute write 5, 1-hour write 8, read 0.20, out 20,
		// fast mode 2x; Sonnet 5.5 in 2, 2.50, 4, 0.10, 10, no fast mode (billed at its normal
		// rates). A request: 2,000 uncached input, 8,000 prefix, 1,000 output. Per request, in
		// millionths of a dollar, times (1 - b) x fast + b x 0.5:
		//   Today: Opus 2,000 x 4 + 8,000 x (0.5 x 0.20 + 0.5 x 8) + 1,000 x 20 = 60,800;
		//     x (0.8 x 2 + 0.2 x 0.5 = 1.7) = 103,360 -> x 200,000 = $20,672.00
		//   Model routing (40 / 60): Sonnet 2,000 x 2 + 8,000 x (0.05 + 2) + 10,000 = 30,400,
		//     x (0.8 + 0.1 = 0.9) = 27,360; 0.4 x 103,360 + 0.6 x 27,360 = 57,760 -> $11,552.00
		//   Prompt caching (5 minutes at 90 %): Opus 8,000 + 8,000 x (0.18 + 0.5) + 20,000 = 33,440,
		//     x 1.7 = 56,848; Sonnet 4,000 + 8,000 x (0.09 + 0.25) + 10,000 = 16,720, x 0.9 = 15,048;
		//     0.4 x 56,848 + 0.6 x 15,048 = 31,768 -> $6,353.60
		//   Batch API (40 %): Opus x (0.6 x 2 + 0.2 = 1.4) = 46,816; Sonnet x (0.6 + 0.2 = 0.8)
		//     = 13,376; 0.4 x 46,816 + 0.6 x 13,376 = 26,752 -> $5,350.40
		//   Fast mode (off): Opus x 0.8 = 26,752; 0.4 x 26,752 + 0.6 x 13,376 = 18,726.4 -> $3,745.28
		//   Token optimization: 9,000 input (7,200 prefix: 1,800 uncached), 800 output:
		//     Opus 1,800 x 4 + 7,200 x 0.68 + 800 x 20 = 28,096, x 0.8 = 22,476.8;
		//     Sonnet 1,800 x 2 + 7,200 x 0.34 + 800 x 10 = 14,048, x 0.8 = 11,238.4;
		//     0.4 x 22,476.8 + 0.6 x 11,238.4 = 15,733.76 -> $3,146.752
		await expectMonthlyCosts(page, {
			Today: '$20,672',
			'Model routing': '$11,552',
			'Prompt caching': '$6,354',
			'Batch API': '$5,350',
			'Fast mode': '$3,745',
			'Token optimization': '$3,147'
		});
		// Saved: $20,672 - $3,146.752 = $17,525.248 a month (84.8 %), $210,302.98 a year.
		await expect.poll(() => headline(page)).toEqual({ today: '$20,672', planned: '$3,147', saved: '84.8 %', yearly: '$210,303' });
		// Per model, Total first: Today all on Opus 5.5; Planned 0.4 x 22,476.8 x 200,000 / 1e6 =
		// $1,798.14 on Opus 5.5 and 0.6 x 11,238.4 x 200,000 / 1e6 = $1,348.61 on Sonnet 5.5.
		await expect.poll(() => bodyRows(perModel(page))).toEqual([
			['Total', '$20,672', '$3,147', '-$17,525'],
			['Opus 5.5', '$20,672', '$1,798', '-$18,874'],
			['Sonnet 5.5', '$0.00', '$1,349', '$1,349']
		]);
		pageErrors.expectNone();
	});

	test('Reset gives one neutral workload that saves exactly $0.00', async ({ page }) => {
		await gotoCalculator(page);
		await reset(page);
		await expect(page.getByRole('region').filter({ has: page.getByRole('spinbutton', { name: 'Requests per month' }) })).toHaveCount(1);
		for (const lever of ['Model routing', 'Prompt caching', 'Batch API', 'Fast mode', 'Token optimization']) {
			await expect(page.getByRole('checkbox', { name: lever, exact: true }), `${lever} is off`).not.toBeChecked();
		}
		// 100,000 requests of 6,000 in / 500 out on Opus 5.5: 100,000 x (6,000 x 4 + 500 x 20) / 1e6
		// = $3,400, Today and Planned alike.
		const rows = await readSavingsTable(page);
		expect(rows.map((r) => r.lever)).toEqual([...LEVER_ROWS]);
		for (const row of rows) {
			expect(row.monthlyCost, row.lever).toBe('$3,400');
			if (row.lever !== 'Today') {
				expect(row.saving, row.lever).toBe('$0.00 (0.0 %)');
				expect(row.cumulative, row.lever).toBe('$0.00 (0.0 %)');
			}
		}
		await expect.poll(() => headline(page)).toEqual({ today: '$3,400', planned: '$3,400', saved: '0.0 %', yearly: '$0.00' });
		await expect(page.getByRole('region', { name: 'Headline figures' })).toContainText('$0.00 a month');
		// Reset is a step in the history: Back returns to the example.
		await page.goBack();
		await expect(workload(page, 'Support triage')).toBeVisible();
		await expectMonthlyCosts(page, { Today: '$15,750', 'Token optimization': '$5,818' });
	});
});

test.describe('several workloads', () => {
	/**
	 * The example plus a second workload: "Workload 2" (on Sonnet 4.6, the first workload's
	 * model), counted on the legacy tokenizer, 200,000 requests, half of them planned through
	 * the Batch API. Today 200,000 x (6,000 x 3 + 500 x 15) / 1e6 = $5,100; Planned x 0.75 = $3,825.
	 */
	async function addSecond(page: Page): Promise<Locator> {
		await page.getByRole('button', { name: 'Add workload', exact: true }).click();
		const second = workload(page, 'Workload 2');
		await expect(second).toBeVisible();
		await setSelect(second, 'Token counts measured on', 'legacy');
		await setInput(second, 'Requests per month', 200000);
		await setSwitch(second, 'Batch API', true);
		await expect(numberField(second, 'Batch share')).toHaveValue('50');
		return second;
	}

	test('a second workload: each in its own region, and the totals add up', async ({ page }) => {
		await gotoCalculator(page);
		await addSecond(page);
		expect(await workloadNames(page)).toEqual(['Support triage', 'Workload 2']);
		// Each region has its own controls.
		await expect(numberField(workload(page, 'Support triage'), 'Requests per month')).toHaveValue('300,000');
		await expect(numberField(workload(page, 'Workload 2'), 'Requests per month')).toHaveValue('200,000');

		// Support triage (§11.5): $15,750.00 -> $5,817.60, saving $9,932.40 (63.1 %).
		// Workload 2: $5,100 -> $3,825, saving $1,275 (25.0 %).
		// Total: $20,850 -> $9,642.60, saving $11,207.40 (53.8 %).
		await expect.poll(() => bodyRows(perWorkload(page))).toEqual([
			['Total', '$20,850', '$9,643', '$11,207 (53.8 %)'],
			['Support triage', '$15,750', '$5,818', '$9,932 (63.1 %)'],
			['Workload 2', '$5,100', '$3,825', '$1,275 (25.0 %)']
		]);
		// The savings table stacks every workload's levers: caching (only Support triage's):
		// $7,272 + $5,100 = $12,372; batch: $5,817.60 + $3,825 = $9,642.60.
		await expectMonthlyCosts(page, {
			Today: '$20,850',
			'Model routing': '$20,850',
			'Prompt caching': '$12,372',
			'Batch API': '$9,643',
			'Fast mode': '$9,643',
			'Token optimization': '$9,643'
		});
		await expect.poll(() => headline(page)).toMatchObject({ today: '$20,850', planned: '$9,643', saved: '53.8 %' });
		await expect.poll(() => bodyRows(perModel(page))).toEqual([
			['Total', '$20,850', '$9,643', '-$11,207'],
			['Sonnet 4.6', '$20,850', '$9,643', '-$11,207']
		]);
	});

	test('duplicate, rename, reorder and remove a workload', async ({ page }) => {
		await gotoCalculator(page);
		// With one workload there is nothing to name, order, duplicate or remove: Add workload adds a new one.
		await expect(page.getByRole('textbox', { name: 'Workload name', exact: true })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Duplicate Support triage', exact: true })).toHaveCount(0);
		await expect(perWorkload(page)).toHaveCount(0);
		await page.getByRole('button', { name: 'Add workload', exact: true }).click();
		await expect(page.getByRole('textbox', { name: 'Workload name', exact: true })).toHaveCount(2);

		// The copy comes right after the workload it copies.
		await page.getByRole('button', { name: 'Duplicate Support triage', exact: true }).click();
		expect(await workloadNames(page)).toEqual(['Support triage', 'Support triage (copy)', 'Workload 2']);
		await page.getByRole('button', { name: 'Remove Workload 2', exact: true }).click();
		expect(await workloadNames(page)).toEqual(['Support triage', 'Support triage (copy)']);
		// Twice §11.5: $31,500.00 -> $11,635.20.
		await expect.poll(() => headline(page)).toMatchObject({ today: '$31,500', planned: '$11,635' });

		// Rename the copy and make it smaller: 100,000 requests, a third of the example:
		// $5,250.00 -> $1,939.20.
		const copy = workload(page, 'Support triage (copy)');
		await copy.getByRole('textbox', { name: 'Workload name', exact: true }).fill('Nightly triage');
		const nightly = workload(page, 'Nightly triage');
		await expect(nightly).toBeVisible();
		await setInput(nightly, 'Requests per month', 100000);
		await expect.poll(() => bodyRows(perWorkload(page))).toEqual([
			['Total', '$21,000', '$7,757', '$13,243 (63.1 %)'],
			['Support triage', '$15,750', '$5,818', '$9,932 (63.1 %)'],
			['Nightly triage', '$5,250', '$1,939', '$3,311 (63.1 %)']
		]);

		// Reorder: the first cannot move up, the last cannot move down.
		await expect(page.getByRole('button', { name: 'Move Support triage up', exact: true })).toBeDisabled();
		await expect(page.getByRole('button', { name: 'Move Nightly triage down', exact: true })).toBeDisabled();
		await page.getByRole('button', { name: 'Move Nightly triage up', exact: true }).click();
		expect(await workloadNames(page)).toEqual(['Nightly triage', 'Support triage']);
		await expect.poll(async () => (await bodyRows(perWorkload(page))).map((r) => r[0])).toEqual(['Total', 'Nightly triage', 'Support triage']);
		await expect(numberField(workload(page, 'Nightly triage'), 'Requests per month')).toHaveValue('100,000');
		await page.getByRole('button', { name: 'Move Nightly triage down', exact: true }).click();
		expect(await workloadNames(page)).toEqual(['Support triage', 'Nightly triage']);

		// A cleared name: the field stays blank while it has focus, the workload meanwhile goes by
		// "Workload 2" (as its link would name it), and the field shows that name on leaving it.
		const nameOf = (name: string) => workload(page, name).getByRole('textbox', { name: 'Workload name', exact: true });
		await nameOf('Nightly triage').fill('');
		await expect(nameOf('Workload 2')).toHaveValue('');
		await expect.poll(async () => (await bodyRows(perWorkload(page))).map((r) => r[0])).toEqual(['Total', 'Support triage', 'Workload 2']);
		await nameOf('Workload 2').blur();
		await expect(nameOf('Workload 2')).toHaveValue('Workload 2');
		await nameOf('Workload 2').fill('Nightly triage');

		// Remove: back to the example alone, and its figures.
		await page.getByRole('button', { name: 'Remove Nightly triage', exact: true }).click();
		expect(await workloadNames(page)).toEqual(['Support triage']);
		await expect(perWorkload(page)).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Remove Support triage', exact: true })).toHaveCount(0);
		await expect.poll(() => headline(page)).toMatchObject({ today: '$15,750', planned: '$5,818' });
	});

	test('reopening the copied link shows the same page, with no notice', async ({ page, context, browser, baseURL }) => {
		await gotoCalculator(page);
		const origin = new URL(page.url()).origin;
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
		await addSecond(page);

		// Written as format 4: the example's keys, the count of workloads, then Workload 2's keys.
		const query =
			'v=4&name=Example:%20support%20triage&w=2&w1.n=Support%20triage&w1.req=300000&w1.in=13500&w1.pre=12000&w1.out=800&w1.tok=legacy' +
			'&w1.mix=sonnet-4-6:100&w1.pcache=5m:90&w1.pbatch=40&w2.req=200000&w2.tok=legacy&w2.mix=sonnet-4-6:100&w2.pbatch=50';
		await expect.poll(() => new URL(page.url()).search).toBe(`?${query}`);
		await page.getByRole('button', { name: 'Copy link', exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Link copied to the clipboard.' })).toBeVisible();
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toBe(`${origin}/?${query}`);

		const shown = async (p: Page) => ({
			names: await workloadNames(p),
			headline: await headline(p),
			savings: await readSavingsTable(p),
			workloads: await bodyRows(perWorkload(p)),
			models: await bodyRows(perModel(p)),
			fields: await p.locator('.inputs').first().evaluate((el) =>
				Array.from(el.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'))
					.filter((i) => i.type !== 'file')
					.map((i) => (i.type === 'checkbox' || i.type === 'radio' ? String((i as HTMLInputElement).checked) : i.value))
			)
		});
		await settled(page);
		const before = await shown(page);
		const other = await browser.newContext({ baseURL });
		try {
			const second = await other.newPage();
			await gotoCalculator(second, copied);
			await expect.poll(() => shown(second), { message: 'the reopened page' }).toEqual(before);
			await expect(notice(second, /corrected/)).toHaveCount(0);
			await second.waitForTimeout(400);
			expect(new URL(second.url()).search, 'reading the link writes back the same link').toBe(`?${query}`);
		} finally {
			await other.close();
		}
	});
});

test.describe('old links', () => {
	test('a golden version-1 link shows its old figures: its Baseline is Today', async ({ page }) => {
		// tests/fixtures/golden-urls.json, "a typical edited scenario, every key": the guide sheet
		// (§1.5), Opus 4.6 repriced to $4 in / $20 out (its cache rates follow the input: read
		// $0.40, 1-hour write $8), Sonnet 4.6 $3 / $0.30 / $6 / $15, Haiku 4.5 $0.80 / $0.08 /
		// $1.60 / $4; 250,000 requests of 12,000 in (8,000 prefix) and 800 out, legacy counts.
		await gotoCalculator(
			page,
			'/?v=1&sheet=guide-2026-03&req=250000&in=12000&pre=8000&out=800&base=sonnet-4-6&mix=opus-4-6:10,sonnet-4-6:40,haiku-4-5:50&hit=90&ttl=1h&batch=30&trimin=15&trimout=25&p.opus-4-6=4,20'
		);
		// Per request, in millionths of a dollar:
		//   Today, all on Sonnet 4.6: 12,000 x 3 + 800 x 15 = 48,000 -> x 250,000 = $12,000
		//   Model routing 10 / 40 / 50: Opus 48,000 + 16,000 = 64,000; Haiku 9,600 + 3,200 = 12,800;
		//     6,400 + 19,200 + 6,400 = 32,000 -> $8,000
		//   Prompt caching, 1 hour at 90 % (4,000 uncached): Opus 16,000 + 8,000 x (0.36 + 0.8) + 16,000
		//     = 41,280; Sonnet 12,000 + 8,000 x 0.87 + 12,000 = 30,960; Haiku 3,200 + 8,000 x 0.232
		//     + 3,200 = 8,256; 4,128 + 12,384 + 4,128 = 20,640 -> $5,160
		//   Batch API 30 %: x 0.85 = 17,544 -> $4,386; Fast mode: nothing in version 1
		//   Token optimization 15 % / 25 % (10,200 in, 6,800 prefix, 600 out): Opus 13,600 + 7,888
		//     + 12,000 = 33,488; Sonnet 10,200 + 5,916 + 9,000 = 25,116; Haiku 2,720 + 1,577.6 + 2,400
		//     = 6,697.6; (3,348.8 + 10,046.4 + 3,348.8) x 0.85 = 14,232.4 -> $3,558.10
		await expectMonthlyCosts(page, {
			Today: '$12,000',
			'Model routing': '$8,000',
			'Prompt caching': '$5,160',
			'Batch API': '$4,386',
			'Fast mode': '$4,386',
			'Token optimization': '$3,558'
		});
		await expect.poll(() => headline(page)).toMatchObject({ today: '$12,000', planned: '$3,558', saved: '70.3 %' });
		await expect(notice(page, /corrected/)).toHaveCount(0);
		await openToday(page);
		await expect(select(page, "Today's model")).toHaveValue('sonnet-4-6');
	});

	test('a golden version-3 link of the example shows the example\'s figures (§11.5)', async ({ page }) => {
		// tests/fixtures/golden-urls-v3.json, "the spec example".
		await gotoCalculator(page, '/?v=3&req=300000&in=13500&pre=12000&out=800&base=sonnet-4-6&mix=sonnet-4-6:100&hit=90&batch=40&trimin=0&trimout=0&tok=legacy');
		await expectMonthlyCosts(page, { Today: '$15,750', 'Prompt caching': '$7,272', 'Batch API': '$5,818', 'Token optimization': '$5,818' });
		await expect(notice(page, /corrected/)).toHaveCount(0);
		// Rewritten as format 4: a version-1 scenario has no name, and its workload is "Workload 1".
		await expect
			.poll(() => new URL(page.url()).search)
			.toBe('?v=4&w1.req=300000&w1.in=13500&w1.pre=12000&w1.out=800&w1.tok=legacy&w1.mix=sonnet-4-6:100&w1.pcache=5m:90&w1.pbatch=40');
	});
});

test.describe('on a 360 px phone', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('the compact headline stays in view while inputs far down the page are edited', async ({ page }) => {
		await gotoCalculator(page);
		const head = page.getByRole('region', { name: 'Headline figures' });
		await expect(head).toBeInViewport();
		// Compact: Today, Planned and the saving on one line; the yearly figure is left out.
		await expect(page.getByTestId('yearly-saving')).toBeHidden();
		const box = await head.boundingBox();
		expect(box?.height ?? Infinity, 'the compact headline is one short line').toBeLessThan(120);

		// Batch share is far below the first screen.
		const field = numberField(page, 'Batch share');
		await field.scrollIntoViewIfNeeded();
		expect(await page.evaluate(() => window.scrollY), 'the page has scrolled').toBeGreaterThan(600);
		await expect(head, 'the headline stays at the top').toBeInViewport();
		expect(Math.abs((await head.boundingBox())?.y ?? Infinity), 'stuck to the top of the screen').toBeLessThanOrEqual(1);

		// 100 % batched: $7,272.00 x 0.5 = $3,636.00 Planned; the headline follows the edit.
		await setInput(page, 'Batch share', 100);
		await expect(page.getByTestId('optimized-cost')).toHaveText('$3,636');
		await expect(head).toBeInViewport();
		// The headline does not cover the field being edited.
		const headBottom = ((await head.boundingBox())?.y ?? 0) + ((await head.boundingBox())?.height ?? 0);
		expect((await field.boundingBox())?.y ?? 0, 'the field shows below the headline').toBeGreaterThanOrEqual(headBottom - 1);
	});

	test('the per-model table shows Total first, without scrolling sideways', async ({ page }) => {
		// Four models, large amounts: the golden version-1 link of the old-links test.
		await gotoCalculator(
			page,
			'/?v=1&sheet=guide-2026-03&req=250000&in=12000&pre=8000&out=800&base=sonnet-4-6&mix=opus-4-6:10,sonnet-4-6:40,haiku-4-5:50&hit=90&ttl=1h&batch=30&trimin=15&trimout=25&p.opus-4-6=4,20'
		);
		const table = perModel(page);
		await table.scrollIntoViewIfNeeded();
		const rows = await bodyRows(table);
		expect(rows[0]?.[0], 'the first row').toBe('Total');
		expect(rows[0]?.slice(1, 3), 'Total: Today and Planned').toEqual(['$12,000', '$3,558']);
		expect(rows.map((r) => r[0]).slice(1).sort()).toEqual(['Haiku 4.5', 'Opus 4.6', 'Sonnet 4.6']);
		// The table and its scroll box fit the screen: nothing to scroll sideways.
		const fit = await page.getByRole('region', { name: 'Per-model table' }).evaluate((wrap) => ({
			scroll: wrap.scrollWidth,
			client: wrap.clientWidth,
			right: wrap.getBoundingClientRect().right
		}));
		expect(fit.scroll, 'the per-model table scrolls sideways').toBeLessThanOrEqual(fit.client);
		expect(fit.right).toBeLessThanOrEqual(360);
		for (const header of ['Model', 'Today', 'Planned', 'Change']) {
			await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeInViewport();
		}
	});
});

test.describe('number fields', () => {
	test('typed "300k", "1.2M", "300,000" and " 12 " are read as numbers; the field shows thousands separators at rest', async ({ page }) => {
		await gotoCalculator(page);
		const field = numberField(page, 'Requests per month');
		// A text field (so a suffix or commas can be typed) with a numeric keyboard on phones.
		await expect(field).toHaveAttribute('type', 'text');
		await expect(field).toHaveAttribute('inputmode', 'numeric');
		await expect(numberField(page, 'Cache hit ratio')).toHaveAttribute('inputmode', 'decimal');
		await expect(field).toHaveValue('300,000');
		await field.focus();
		await expect(field, 'while editing, no separators').toHaveValue('300000');

		// The example costs $0.0525 a request Today and $0.019392 Planned (§11.5).
		for (const [typed, shown, today, planned] of [
			['1.2M', '1,200,000', '$63,000', '$23,270'], // 1,200,000 x $0.019392 = $23,270.40
			['300k', '300,000', '$15,750', '$5,818'],
			['40,000', '40,000', '$2,100', '$776'], // 40,000 x $0.019392 = $775.68
			[' 12 ', '12', '$0.63', '$0.23'] // 12 x $0.0525 = $0.63; 12 x $0.019392 = $0.232704
		] as const) {
			await field.fill(typed);
			await expect(field, `while typing ${JSON.stringify(typed)}`).toHaveValue(typed);
			await expect(page.getByTestId('baseline-cost')).toHaveText(today);
			await field.blur();
			await expect(field, `${JSON.stringify(typed)} at rest`).toHaveValue(shown);
			await expect(field).not.toHaveAttribute('aria-invalid', 'true');
			await expect(page.getByTestId('optimized-cost')).toHaveText(planned);
		}
	});

	test('"0x10", "1,5" and out-of-range numbers are refused with a message tied to the field, never changed silently', async ({ page }) => {
		await gotoCalculator(page);
		const field = numberField(page, 'Requests per month');
		const before = await readSavingsTable(page);
		for (const [typed, message] of [
			['0x10', '“0x10” is not a number: type digits, such as 300000, 300,000 or 300k. Still using 300,000.'],
			['1,5', '“1,5” is not a number: write decimals with a point (1.5), and commas only between groups of three digits (300,000). Still using 300,000.'],
			['1e3', '“1e3” is not a number: type digits, such as 300000, 300,000 or 300k. Still using 300,000.'],
			['-5', 'Below the minimum, 0. Still using 300,000.'],
			['2.5', 'Enter a whole number. Still using 300,000.']
		] as const) {
			await field.fill(typed);
			await field.blur();
			// What was typed stays, to be corrected; the scenario keeps its value.
			await expect(field).toHaveValue(typed);
			await expect(field).toHaveAttribute('aria-invalid', 'true');
			await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.$()?*+[\]]/g, '\\$&')));
			await expect(page.getByText(message, { exact: true })).toBeVisible();
			expect(await readSavingsTable(page)).toEqual(before);
		}
		// A percentage above 100 %.
		await setInput(page, 'Cache hit ratio', 90);
		const hit = numberField(page, 'Cache hit ratio');
		await hit.fill('150');
		await expect(page.getByText('Above the maximum, 100 %. Still using 90 %.', { exact: true })).toBeVisible();
		await expect(hit).toHaveAttribute('aria-invalid', 'true');
		await hit.fill('95');
		await expect(hit).not.toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByText(/Above the maximum, 100 %/)).toHaveCount(0);

		// A valid number clears the refusal.
		await field.fill('300k');
		await field.blur();
		await expect(field).toHaveValue('300,000');
		await expect(field).not.toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByText(/Still using 300,000/)).toHaveCount(0);
		// So does moving the slider.
		await field.fill('0x10');
		await expect(field).toHaveAttribute('aria-invalid', 'true');
		await slider(page, 'Requests per month').focus();
		await page.keyboard.press('ArrowRight');
		await expect(field).not.toHaveAttribute('aria-invalid', 'true');
		await expect(field).not.toHaveValue('0x10');
	});

	test('Requests per month accepts 0: nothing is sent, nothing is spent', async ({ page }) => {
		await gotoCalculator(page);
		await setInput(page, 'Requests per month', 0);
		await expectMonthlyCosts(page, { Today: '$0.00', 'Token optimization': '$0.00' });
		// A saving of a $0.00 bill has no percentage.
		await expect.poll(() => headline(page)).toEqual({ today: '$0.00', planned: '$0.00', saved: '—', yearly: '$0.00' });
		await expect(slider(page, 'Requests per month')).toHaveValue('0');
		await expect.poll(() => new URL(page.url()).searchParams.get('w1.req'), { message: 'the link keeps 0 requests' }).toBe('0');
	});

	test('numbers never show in scientific notation: a tiny value reads 0.0000001, not 1e-7', async ({ page }) => {
		// Link format 4 with 0.0000001 web searches a request and an output trimmed by 0.0000001 %.
		await gotoCalculator(page, '/?v=4&w1.ws=0.0000001&w1.trimout=0.0000001');
		await expect(notice(page, /corrected/)).toHaveCount(0);
		for (const label of ['Web searches per request', 'Output trimmed']) {
			const field = numberField(page, label);
			await expect(field, `${label} at rest`).toHaveValue('0.0000001');
			await field.focus();
			await expect(field, `${label} while editing`).toHaveValue('0.0000001');
			await field.blur();
			await expect(slider(page, label)).toHaveAttribute('aria-valuetext', /^0\.0000001( %)?$/);
		}
		// Nowhere on the page: no text, field value or accessible value in exponent form.
		const exponents = await page.evaluate(() => {
			const found: string[] = [];
			const pattern = /\d(?:\.\d+)?e[-+]?\d/i;
			if (pattern.test(document.body.innerText)) found.push(`text: ${pattern.exec(document.body.innerText)?.[0]}`);
			for (const el of Array.from(document.querySelectorAll<HTMLInputElement>('input'))) {
				for (const value of [el.value, el.getAttribute('aria-valuetext') ?? '']) if (pattern.test(value)) found.push(`${el.id}: ${value}`);
			}
			return found;
		});
		expect(exponents).toEqual([]);
	});

	test('token sliders use a logarithmic scale; the number field beside each follows', async ({ page }) => {
		await gotoCalculator(page);
		// The thumb runs over 1,000 steps; the value is 10^(position / 1,000 x log10(top)), so
		// the middle of a 0..1,000,000 slider is 1,000, not 500,000 (and its left end is 0).
		for (const [label, top] of [
			['Input tokens per request', 1_000_000],
			['Cached prefix tokens', 1_000_000],
			['Output tokens per request', 128_000]
		] as const) {
			const range = slider(page, label);
			await expect(range).toHaveAccessibleDescription(/on a logarithmic slider/);
			await expect(range).toHaveAttribute('max', '1000');
			const field = numberField(page, label);
			for (const [position, value] of [
				[1000, top],
				[500, Math.round(Math.sqrt(top))], // 1,000 and 357.8 -> 358
				[250, Math.round(top ** 0.25)], // 31.6 -> 32 and 18.9 -> 19
				[0, 0]
			] as const) {
				await range.fill(String(position));
				await expect(field, `${label} at position ${position}`).toHaveValue(new Intl.NumberFormat('en-US').format(value));
			}
		}
		// Requests per month: 1 to 100,000,000 over 1,000 steps; 300,000 sits at
		// log10(300,000) / 8 = 0.6847 -> position 685.
		await setInput(page, 'Requests per month', 300000);
		await expect(slider(page, 'Requests per month')).toHaveValue('685');
		// A percentage slider stays linear.
		await setInput(page, 'Cache hit ratio', 50);
		await expect(slider(page, 'Cache hit ratio')).toHaveValue('50');
	});

	test('the field steps with the arrow keys, as a spin button does', async ({ page }) => {
		await gotoCalculator(page);
		const hit = numberField(page, 'Cache hit ratio');
		await hit.focus();
		await page.keyboard.press('ArrowUp');
		await expect(hit).toHaveValue('91');
		await page.keyboard.press('PageDown');
		await expect(hit).toHaveValue('81');
		await hit.blur();
		await expect(slider(page, 'Cache hit ratio')).toHaveValue('81');
		await expect(hit).toHaveAttribute('aria-valuenow', '81');
		// 81 % at 5 minutes: 1,500 x 3 + 12,000 x (0.81 x 0.30 + 0.19 x 3.75) + 12,000 = 27,966 a request,
		// x 300,000 / 1e6 = $8,389.80.
		await expectMonthlyCosts(page, { 'Prompt caching': '$8,390' });
		await expect(savingsTable(page)).toBeVisible();
	});
});

test('the example link and the bare address show the same page', async ({ page }) => {
	await gotoCalculator(page, `/?${EXAMPLE_QUERY}`);
	await expect.poll(() => page.url()).not.toContain('?');
	const fromLink = await readSavingsTable(page);
	await gotoCalculator(page, '/');
	expect(await readSavingsTable(page)).toEqual(fromLink);
});
