/**
 * Today's prices, in a real browser against the built site: the November 2026 sheet and its
 * model lists, the pricing options (US-only inference, tokenizer, web searches), the price
 * editor (refused values, overrides, custom models, price sheet files), the warnings, and
 * old links that keep their old figures. The model lists are Today's (`Today's model`, `Add a
 * model to Today's mix`) and Planned's (`Add model to mix`).
 *
 * Most tests open `/?v=3`: a link of format 3 at its own defaults (the November 2026 sheet,
 * all traffic on Opus 5.5 Today, Planned 5 / 25 / 70 over Opus 5.5 / Sonnet 5.5 / Haiku 5.5,
 * 80 % hits at 5 minutes, 50 % batch, trims 10 % / 20 %): every model of the sheet's default
 * mix in play, and the figures the calculator spec worked out for that scenario.
 *
 * Expected figures are hand arithmetic on the rates of docs/pricing-model.md §1.3 (November
 * 2026) and §1.4 (March 2026), written next to each assertion; nothing here imports the engine.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import {
	expect,
	expectMonthlyCosts,
	gotoCalculator,
	headline,
	notice,
	numberField,
	openToday,
	readSavingsTable,
	select,
	setInput,
	setSelect,
	setSwitch,
	test
} from './helpers';

/** A field of the price editor (a text field, so that refused text stays visible). */
function priceField(page: Page, label: string): Locator {
	return page.getByRole('textbox', { name: label, exact: true });
}

async function openPriceEditor(page: Page): Promise<void> {
	const details = page.locator('details.prices');
	if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
	await expect(priceField(page, 'Opus 5.5 input price').or(page.getByRole('button', { name: 'Add custom model' })).first()).toBeVisible();
}


/** Each optgroup of a select as `Label: option, option`. */
async function groupsOf(field: Locator): Promise<string[]> {
	return field.evaluate((el) =>
		Array.from(el.querySelectorAll('optgroup')).map(
			(g) => `${g.label}: ${Array.from(g.querySelectorAll('option')).map((o) => o.textContent?.trim()).join(', ')}`
		)
	);
}

// The figures of `/?v=3` (format 3 at its defaults; docs/pricing-model.md §1.3). 100,000 requests
// of 6,000 input (5,000 prefix) and 500 output tokens, counted on the 2026 tokenizer:
//   Today, all on Opus 5.5: 6,000 x 4 + 500 x 20 = 34,000 -> $0.034 a request -> $3,400
//   Model routing: Opus $0.034, Sonnet 6,000 x 2 + 500 x 10 = $0.017, Haiku 600 + 250 = $0.00085;
//     0.05 x 0.034 + 0.25 x 0.017 + 0.70 x 0.00085 = $0.006545 -> $654.50
//   Prompt caching, 80 % at 5 minutes: Opus 4,000 + 5,000 x 1.16 + 10,000 = $0.0198; Sonnet
//     2,000 + 5,000 x 0.58 + 5,000 = $0.0099; Haiku 100 + 5,000 x 0.033 + 250 = $0.000515 -> $382.55
//   Batch API, 50 %: x 0.75 -> $286.9125; Fast mode: off in both -> $286.9125
//   Token optimization, 10 % / 20 %: (0.05 x 0.01682 + 0.25 x 0.00841 + 0.70 x 0.0004385) x 0.75
//     = $0.0024378375 -> $243.78375
const V3_DEFAULTS = '/?v=3';
const DEFAULT_COSTS = {
	Today: '$3,400',
	'Model routing': '$655',
	'Prompt caching': '$383',
	'Batch API': '$287',
	'Fast mode': '$287',
	'Token optimization': '$244'
} as const;

test.describe("today's prices", () => {
	test('the default sheet lists Fable 5.2, Opus 5.5, Sonnet 5.5 and Haiku 5.5 first in their families, retired models on request', async ({
		page
	}) => {
		await gotoCalculator(page);
		// Reset: one new workload, all on the sheet's first model.
		await page.getByRole('button', { name: 'Reset', exact: true }).click();
		await expect(select(page, 'Price sheet')).toHaveValue('anthropic-2026-11');
		await openToday(page);
		const baseline = select(page, "Today's model");
		await expect(baseline).toHaveValue('opus-5-5');

		expect(await groupsOf(baseline)).toEqual([
			'Fable: Fable 5.2 (latest), Fable 5.1 (legacy), Fable 5 (legacy)',
			'Opus: Opus 5.5 (latest), Opus 5 (legacy), Opus 4.8 (legacy), Opus 4.7 (legacy), Opus 4.6 (legacy), Opus 4.5 (deprecated, retires 2027-01-22)',
			'Sonnet: Sonnet 5.5 (latest), Sonnet 5 (legacy), Sonnet 4.6 (legacy), Sonnet 4.5 (deprecated, retires 2026-11-30)',
			'Haiku: Haiku 5.5 (latest), Haiku 4.5 (legacy)'
		]);
		// The mix's add list: the same groups, without the model already in the mix.
		expect(await groupsOf(select(page, "Add a model to Today's mix"))).toEqual([
			'Fable: Fable 5.2 (latest), Fable 5.1 (legacy), Fable 5 (legacy)',
			'Opus: Opus 5 (legacy), Opus 4.8 (legacy), Opus 4.7 (legacy), Opus 4.6 (legacy), Opus 4.5 (deprecated, retires 2027-01-22)',
			'Sonnet: Sonnet 5.5 (latest), Sonnet 5 (legacy), Sonnet 4.6 (legacy), Sonnet 4.5 (deprecated, retires 2026-11-30)',
			'Haiku: Haiku 5.5 (latest), Haiku 4.5 (legacy)'
		]);

		const older = page.getByRole('checkbox', { name: 'Show older models', exact: true });
		await expect(older).not.toBeChecked();
		await expect(page.getByText('5 retired models are not listed.')).toBeVisible();
		await older.check();
		const groups = await groupsOf(baseline);
		expect(groups[1]).toMatch(/Opus 4\.1 \(retired 2026-08-05\), Opus 4 \(retired 2026-06-15\)$/);
		expect(groups[3]).toBe('Haiku: Haiku 5.5 (latest), Haiku 4.5 (legacy), Haiku 3.5 (retired 2026-02-19), Haiku 3 (retired 2026-04)');
		await expect(select(page, "Add a model to Today's mix").locator('option', { hasText: 'Sonnet 4 (retired 2026-06-15)' })).toHaveCount(1);
		await older.uncheck();
		await expect(baseline.locator('option', { hasText: 'retired' })).toHaveCount(0);
	});

	test('a retired model in use is always listed, with a warning naming its retirement and replacement', async ({ page }) => {
		await gotoCalculator(page, '/?v=3&base=opus-4-1');
		await openToday(page);
		const baseline = select(page, "Today's model");
		await expect(baseline).toHaveValue('opus-4-1');
		await expect(page.getByRole('checkbox', { name: 'Show older models', exact: true })).not.toBeChecked();
		await expect(baseline.locator('option:checked')).toHaveText('Opus 4.1 (retired 2026-08-05)');
		await expect(baseline.locator('option', { hasText: 'Opus 4 (retired' })).toHaveCount(0);
		await expect(notice(page, /Opus 4\.1 was retired on 2026-08-05.*suggests Opus 5\.5/).first()).toBeVisible();

		await setSelect(page, "Today's model", 'sonnet-4-5');
		await expect(notice(page, /Sonnet 4\.5 is deprecated and retires on 2026-11-30/).first()).toBeVisible();
		// Opus 4.1 is no longer in use: hidden again.
		await expect(baseline.locator('option', { hasText: 'Opus 4.1' })).toHaveCount(0);
	});

	test('the sheet shows its date and source as text, and its notes; the guide sheet says its prices are not Anthropic\'s', async ({ page }) => {
		await gotoCalculator(page);
		const info = page.locator('.sheet-info');
		await expect(info).toContainText('Prices as of 2026-11-26.');
		await expect(info).toContainText('Source: https://platform.claude.com/docs/en/about-claude/pricing');
		await expect(info).toContainText('Mythos models (limited availability)');
		await expect(info.locator('a')).toHaveCount(0);

		await setSelect(page, 'Price sheet', 'guide-2026-03');
		await expect(info).toContainText('Prices as of 2026-03-01.');
		await expect(info).toContainText("The guide's Opus 4.6 and Haiku 4.5 prices are not Anthropic's");
		await expect(info.locator('a')).toHaveCount(0);
	});

	test('a Haiku 5.5 prompt over 100,000 tokens is billed at the band price, $0.50, with a warning', async ({ page }) => {
		await gotoCalculator(page, V3_DEFAULTS);
		await setInput(page, 'Haiku 5.5 share', 100);
		await expect(numberField(page, 'Opus 5.5 share')).toHaveValue('0');
		await expect(numberField(page, 'Sonnet 5.5 share')).toHaveValue('0');
		// No caching or trimming in Planned: only the routing to Haiku 5.5.
		await setSwitch(page, 'Prompt caching', false);
		await setSwitch(page, 'Batch API', false);
		await setSwitch(page, 'Token optimization', false);
		await setInput(page, 'Input tokens per request', 120000);

		// The prompt is 120,000 tokens: above the band's 100,000.
		const band = notice(page, /above Haiku 5\.5's 100,000-token band/);
		await expect(band.first()).toBeVisible();
		await expect(band.first()).toContainText('$0.50 input and $2.50 output per MTok ($0.10 and $0.50 below it)');

		// Routing: the whole request at the band's rates.
		//   Today (Opus 5.5): 100,000 x (120,000 x $4 + 500 x $20) / 1e6 = $49,000
		//   Haiku 5.5 in the band: 100,000 x (120,000 x $0.50 + 500 x $2.50) / 1e6 = $6,125
		await expectMonthlyCosts(page, { Today: '$49,000', 'Model routing': '$6,125', 'Token optimization': '$6,125' });

		// 90,000 tokens stays under the band: no warning.
		await setInput(page, 'Input tokens per request', 90000);
		await expect(band).toHaveCount(0);
		//   100,000 x (90,000 x $0.10 + 500 x $0.50) / 1e6 = $925
		await expectMonthlyCosts(page, { 'Model routing': '$925' });
	});

	test('an old golden link (?v=1&hit=90) still shows its March 2026 figures', async ({ page }) => {
		await gotoCalculator(page, '/?v=1&hit=90');
		await expect(select(page, 'Price sheet')).toHaveValue('anthropic-2026-03');
		await expect(select(page, 'Token counts measured on')).toHaveValue('legacy');
		// Version 1's Baseline is Today: all traffic on the baseline model (§9).
		await openToday(page);
		await expect(select(page, "Today's model")).toHaveValue('opus-4-6');
		// Version-1 defaults on anthropic-2026-03 (docs/pricing-model.md §1.4, §9), hit ratio 90 %:
		// 100,000 requests, 6,000 input (5,000 prefix), 500 output; Opus 4.6 $5/$25, Sonnet 4.6
		// $3/$15, Haiku 4.5 $1/$5; mix 5/25/70; 5-minute cache (read 0.1x, write 1.25x); 50 % batch;
		// trims 10 % / 20 %; legacy token counts on legacy models (no scaling).
		//   Today (Baseline): 100,000 x (6,000 x 5 + 500 x 25) / 1e6 = $4,250
		//   Caching at 90 %: a prefix token costs 0.9 x 0.1 + 0.1 x 1.25 = 0.215 input;
		//     Planned: input 5,400 with a 4,500 prefix (above 4,096, so cacheable everywhere),
		//     output 400: 900 + 4,500 x 0.215 = 1,867.5 input-token equivalents per request;
		//     Opus 1,867.5 x 5 + 400 x 25 = 19,337.5; Sonnet 1,867.5 x 3 + 400 x 15 = 11,602.5;
		//     Haiku 1,867.5 + 400 x 5 = 3,867.5;
		//     (0.05 x 19,337.5 + 0.25 x 11,602.5 + 0.70 x 3,867.5) / 1e6 = $0.00657475 per request,
		//     x 0.75 for the batch half = $0.0049310625, x 100,000 = $493.10625
		await expect.poll(() => headline(page)).toMatchObject({ today: '$4,250', planned: '$493' });
		//   Prompt caching row (no batch, no trims): 1,000 + 5,000 x 0.215 = 2,075 input equivalents:
		//     (0.05 x (2,075 x 5 + 12,500) + 0.25 x (2,075 x 3 + 7,500) + 0.70 x (2,075 + 2,500)) / 1e6
		//     = $0.0077775 -> $777.75; batch x 0.75 = $583.3125; no fast mode in version 1
		await expectMonthlyCosts(page, {
			Today: '$4,250',
			'Model routing': '$1,445',
			'Prompt caching': '$778',
			'Batch API': '$583',
			'Fast mode': '$583',
			'Token optimization': '$493'
		});
		await expect(page.getByText('This link was corrected')).toHaveCount(0);
	});

	test('a refused price shows its message at the field and leaves the savings table unchanged', async ({ page }) => {
		await gotoCalculator(page, V3_DEFAULTS);
		await expectMonthlyCosts(page, DEFAULT_COSTS);
		const before = await readSavingsTable(page);
		await openPriceEditor(page);

		const input = priceField(page, 'Opus 5.5 input price');
		await expect(input).toHaveValue('4');
		for (const [typed, message] of [
			['-1', 'A price cannot be negative. Still using $4.00.'],
			['abc', '“abc” is not a number. Still using $4.00.'],
			['20000', 'Above $10,000 per million tokens, more than any model costs: check for extra zeros. Still using $4.00.']
		] as const) {
			await input.fill(typed);
			await input.blur();
			await expect(input).toHaveValue(typed);
			await expect(input).toHaveAttribute('aria-invalid', 'true');
			await expect(input).toHaveAccessibleDescription(new RegExp(message.replace(/[.$()]/g, '\\$&')));
			await expect(page.getByText(message, { exact: true })).toBeVisible();
			expect(await readSavingsTable(page)).toEqual(before);
		}
		await expect(page.locator('details.prices > summary')).toHaveText('Edit prices');

		// A valid price is used at once, and the field is marked as edited with a Reset button.
		await input.fill('3');
		await expect(input).not.toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByText('✎ Edited (sheet: $4.00)')).toBeVisible();
		await expect(page.locator('details.prices > summary')).toHaveText('Edit prices (edited)');
		// The cache rates follow the input in proportion: $5 x 3/4 = $3.75, $0.20 x 3/4 = $0.15.
		await expect(priceField(page, 'Opus 5.5 5-minute cache write price')).toHaveValue('3.75');
		await expect(priceField(page, 'Opus 5.5 cache read price')).toHaveValue('0.15');
		// Today: 100,000 x (6,000 x $3 + 500 x $20) / 1e6 = $2,800.
		await expectMonthlyCosts(page, { Today: '$2,800' });

		await page.getByRole('button', { name: 'Reset Opus 5.5 input price', exact: true }).click();
		await expect(input).toHaveValue('4');
		await expect(input).toBeFocused();
		await expectMonthlyCosts(page, DEFAULT_COSTS);

		// A minimum cacheable prefix above the context window (1,000,000 tokens) is refused too.
		const minimum = priceField(page, 'Opus 5.5 minimum cacheable prefix');
		await minimum.fill('2000000');
		await expect(page.getByText("Above Opus 5.5's context window of 1,000,000 tokens. Still using 512 tokens.", { exact: true })).toBeVisible();
		expect(await readSavingsTable(page)).toEqual(before);

		// Band fields only on the model with a band; Reset all prices clears edits and refused text.
		await expect(priceField(page, 'Haiku 5.5 band input price')).toHaveValue('0.5');
		await expect(priceField(page, 'Opus 5.5 band input price')).toHaveCount(0);
		await priceField(page, 'Haiku 5.5 band input price').fill('1');
		await page.getByRole('button', { name: 'Reset all prices', exact: true }).click();
		await expect(minimum).toHaveValue('512');
		await expect(minimum).not.toHaveAttribute('aria-invalid', 'true');
		await expect(priceField(page, 'Haiku 5.5 band input price')).toHaveValue('0.5');
		await expect(page.getByRole('button', { name: 'Reset all prices', exact: true })).toBeDisabled();
		expect(await readSavingsTable(page)).toEqual(before);
	});

	test('US-only inference, tokenizer adjustment and web searches are labelled controls that change the figures', async ({ page }) => {
		await gotoCalculator(page, V3_DEFAULTS);
		await expectMonthlyCosts(page, DEFAULT_COSTS);

		// Every model of Today and Planned offers US-only inference: every row x 1.1.
		const usOnly = page.getByRole('checkbox', { name: 'US-only inference', exact: true });
		await expect(usOnly).toHaveAccessibleDescription(/Every rate costs 1\.1x on models that offer inference_geo "us"/);
		await usOnly.check();
		//   $3,400 x 1.1 = $3,740; $654.50 x 1.1 = $719.95; $382.55 x 1.1 = $420.805;
		//   $286.9125 x 1.1 = $315.60; $243.78375 x 1.1 = $268.16
		await expectMonthlyCosts(page, {
			Today: '$3,740',
			'Model routing': '$720',
			'Prompt caching': '$421',
			'Batch API': '$316',
			'Fast mode': '$316',
			'Token optimization': '$268'
		});
		await usOnly.uncheck();
		await expectMonthlyCosts(page, DEFAULT_COSTS);

		// Counts measured on Claude 4.6 and earlier: the 2026-tokenizer models count 1.3x the
		// tokens (the 4,500-token prefix becomes 5,850, still cacheable): every row x 1.3.
		const adjust = page.getByRole('checkbox', { name: 'Adjust for tokenizer', exact: true });
		await expect(adjust).toBeChecked();
		await expect(adjust).toHaveAccessibleDescription(/Claude 4\.7 and later count about 30 % more tokens for the same text/);
		const countedOn = select(page, 'Token counts measured on');
		await expect(countedOn.locator('option')).toHaveText(['Claude 4.6 and earlier', 'Claude 4.7 and later']);
		await expect(countedOn).toHaveValue('2026');
		await setSelect(page, 'Token counts measured on', 'legacy');
		//   $3,400 x 1.3 = $4,420; $243.78375 x 1.3 = $316.92
		await expectMonthlyCosts(page, { Today: '$4,420', 'Token optimization': '$317' });
		await expect(notice(page, /Token counts are measured on Claude 4\.6 and earlier/).first()).toBeVisible();
		await adjust.uncheck();
		await expectMonthlyCosts(page, DEFAULT_COSTS);
		await adjust.check();
		await setSelect(page, 'Token counts measured on', '2026');

		// Web searches: $10 per 1,000, the same on every row: 100,000 x 2 x $0.01 = $2,000 more.
		await expect(numberField(page, 'Web searches per request')).toHaveValue('0');
		await setInput(page, 'Web searches per request', 2);
		//   $3,400 + $2,000 = $5,400; $243.78375 + $2,000 = $2,243.78
		await expectMonthlyCosts(page, { Today: '$5,400', 'Token optimization': '$2,244' });
		// The field takes more than the slider shows (up to 1,000).
		await setInput(page, 'Web searches per request', 100);
		//   100,000 x 100 x $0.01 = $100,000 more: $103,400
		await expectMonthlyCosts(page, { Today: '$103,400' });
	});

	test("a custom model can be added, priced, used as Today's model and in the Planned mix, shared by link, and removed", async ({ page, browser, baseURL }) => {
		await gotoCalculator(page, V3_DEFAULTS);
		await openPriceEditor(page);
		await page.getByRole('button', { name: 'Add custom model', exact: true }).click();
		const name = page.getByRole('textbox', { name: 'Name of custom model custom-1', exact: true });
		await expect(name).toBeFocused();
		await expect(name).toHaveValue('Custom model 1');
		await name.fill('Mythos 5.2');
		await name.blur();
		// Mythos costs what Fable 5.2 does (§1.3): $8 in, $10 and $16 writes, $0.20 read, $40 out.
		for (const [field, value] of [
			['input price', '8'],
			['5-minute cache write price', '10'],
			['1-hour cache write price', '16'],
			['output price', '40']
		] as const) {
			await priceField(page, `Mythos 5.2 ${field}`).fill(value);
		}
		await expect(priceField(page, 'Mythos 5.2 cache read price')).toHaveValue('0.2');
		await expect(priceField(page, 'Mythos 5.2 context window')).toHaveValue('1000000');

		// Refused at the field like any price.
		await priceField(page, 'Mythos 5.2 output price').fill('-5');
		await expect(page.getByText('A price cannot be negative. Still using $40.00.', { exact: true })).toBeVisible();
		await priceField(page, 'Mythos 5.2 output price').fill('40');

		await openToday(page);
		const baseline = select(page, "Today's model");
		expect((await groupsOf(baseline)).at(-1)).toBe('Custom: Mythos 5.2 (latest)');
		await setSelect(page, "Today's model", 'custom-1');
		// 100,000 x (6,000 x $8 + 500 x $40) / 1e6 = $6,800.
		await expectMonthlyCosts(page, { Today: '$6,800' });

		// Planned's mix: chosen in the list, added with Add.
		const planned = page.getByRole('group', { name: 'Planned model mix', exact: true });
		await select(planned, 'Add model to mix').selectOption('custom-1');
		await planned.getByRole('button', { name: 'Add', exact: true }).click();
		await expect(numberField(page, 'Mythos 5.2 share')).toHaveValue('0');
		await setInput(page, 'Mythos 5.2 share', 100);
		await expectMonthlyCosts(page, { 'Model routing': '$6,800' });

		// The link carries the custom model: a new context shows the same figures.
		// Today's mix (w1.mix) and Planned's (w1.pmix) both hold it at 100 %.
		await expect.poll(() => page.url()).toContain('w1.mix=custom-1:100');
		await expect.poll(() => page.url()).toMatch(/w1\.pmix=[^&]*custom-1:100/);
		expect(page.url()).toContain('cm.custom-1=');
		const url = page.url();
		const table = await readSavingsTable(page);
		const other = await browser.newContext({ baseURL });
		try {
			const second = await other.newPage();
			await gotoCalculator(second, url);
			await openToday(second);
			await expect(select(second, "Today's model")).toHaveValue('custom-1');
			await expect.poll(() => readSavingsTable(second)).toEqual(table);
		} finally {
			await other.close();
		}

		// Removing it hands its Planned share to the others (all at 0 %: equally, as the mix's own
		// Remove does), and Today, all on it, falls back to the sheet's first model, Opus 5.5.
		await page.getByRole('button', { name: 'Remove custom model Mythos 5.2', exact: true }).click();
		await expect(baseline).toHaveValue('opus-5-5');
		const removed = notice(page, /Custom model removed/);
		await expect(removed).toContainText('Workload 1, Planned: Mythos 5.2 left the model mix; its share went to the other models.');
		await expect(removed).toContainText('Workload 1, Today: Mythos 5.2 was the only model; all traffic now runs on Opus 5.5.');
		await expect(numberField(page, 'Mythos 5.2 share')).toHaveCount(0);
		await expect(numberField(page, 'Opus 5.5 share')).toHaveValue('33.4');
		await expect(numberField(page, 'Haiku 5.5 share')).toHaveValue('33.3');
		await expect(select(page, "Today's model").locator('option', { hasText: 'Mythos' })).toHaveCount(0);
		await expectMonthlyCosts(page, { Today: '$3,400' });
	});

	test('Add custom model stops at 8, saying why', async ({ page }) => {
		await gotoCalculator(page);
		await openPriceEditor(page);
		const add = page.getByRole('button', { name: 'Add custom model', exact: true });
		for (let i = 1; i <= 8; i++) {
			await add.click();
			await expect(page.getByRole('textbox', { name: `Name of custom model custom-${i}`, exact: true })).toBeVisible();
		}
		await expect(add).toBeDisabled();
		await expect(add).toHaveAccessibleDescription('A scenario holds at most 8 custom models: remove one to add another.');
		await page.getByRole('button', { name: 'Remove custom model Custom model 3', exact: true }).click();
		await expect(add).toBeEnabled();
		await add.click();
		await expect(page.getByRole('textbox', { name: 'Name of custom model custom-3', exact: true })).toBeVisible();
	});

	test('Download price sheet saves the effective sheet; Open price sheet… applies one and refuses a bad one, naming the field', async ({ page }) => {
		await gotoCalculator(page, V3_DEFAULTS);
		await openPriceEditor(page);
		await priceField(page, 'Opus 5.5 input price').fill('3');
		await page.getByRole('button', { name: 'Add custom model', exact: true }).click();

		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download price sheet', exact: true }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe('anthropic-2026-11-edited.json');
		const text = await readFile(await download.path(), 'utf8');
		const sheet = JSON.parse(text) as { id: string; format: number; models: { id: string; inputPerMTok: number; cacheReadPerMTok: number }[] };
		expect(sheet.format).toBe(2);
		expect(sheet.id).toBe('anthropic-2026-11-edited');
		const opus55 = sheet.models.find((m) => m.id === 'opus-5-5');
		expect(opus55?.inputPerMTok).toBe(3);
		expect(opus55?.cacheReadPerMTok).toBeCloseTo(0.15, 12);
		expect(sheet.models.at(-1)?.id).toBe('custom-1');
		await expect(page.getByText('Price sheet downloaded as anthropic-2026-11-edited.json.')).toBeVisible();

		// Back to the sheet's prices, then open the downloaded sheet: the same edits return.
		await page.getByRole('button', { name: 'Reset all prices', exact: true }).click();
		await page.getByRole('button', { name: 'Remove custom model Custom model 1', exact: true }).click();
		await expectMonthlyCosts(page, DEFAULT_COSTS);
		const file = page.getByLabel('Open price sheet file', { exact: true });
		await file.setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(text) });
		const opened = notice(page, /Price sheet opened/);
		await expect(opened).toContainText('Prices that differ from Anthropic list prices 2026-11 became price overrides: Opus 5.5.');
		await expect(opened).toContainText('Added as custom models: Custom model 1.');
		await expect(priceField(page, 'Opus 5.5 input price')).toHaveValue('3');
		await expect(page.getByRole('textbox', { name: 'Name of custom model custom-1', exact: true })).toBeVisible();
		await expectMonthlyCosts(page, { Today: '$2,800' });
		const before = await readSavingsTable(page);

		// A bad sheet: Opus 5.5's input rate negative, and a name holding markup.
		const bad = JSON.parse(text) as { name: string; models: { id: string; inputPerMTok: number }[] };
		bad.name = '<img src=x onerror=alert(1)>';
		const opus = bad.models.findIndex((m) => m.id === 'opus-5-5');
		(bad.models[opus] as { inputPerMTok: number }).inputPerMTok = -1;
		await file.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
		const refused = notice(page, /That price sheet could not be opened/);
		await expect(refused).toContainText('This file is not a valid price sheet; nothing was changed.');
		await expect(refused).toContainText(`models.${opus}.inputPerMTok: expected a number >= 0, got -1`);
		await expect(page.locator('img[src="x"]')).toHaveCount(0);
		expect(await readSavingsTable(page)).toEqual(before);

		await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": 2, <b>') });
		await expect(refused).toContainText('This file is not valid JSON');
		await expect(refused.locator('b')).toHaveCount(0);
		expect(await readSavingsTable(page)).toEqual(before);
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`axe: the price editor with an edited, a refused and a custom model's fields, ${theme} theme, 360 px`, async ({ page }) => {
			await page.setViewportSize({ width: 360, height: 740 });
			await page.emulateMedia({ colorScheme: theme });
			await gotoCalculator(page, '/?v=3&base=opus-4-1');
			await openPriceEditor(page);
			await priceField(page, 'Opus 4.1 input price').fill('12');
			await priceField(page, 'Haiku 5.5 band output price').fill('-2');
			await page.getByRole('button', { name: 'Add custom model', exact: true }).click();
			await page.getByRole('checkbox', { name: 'Show older models', exact: true }).check();
			await page.getByRole('checkbox', { name: 'US-only inference', exact: true }).check();
			await expect(page.getByText('A price cannot be negative. Still using $2.50.', { exact: true })).toBeVisible();

			const results = await new AxeBuilder({ page }).analyze();
			const violations = results.violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
			expect(violations, 'axe violations').toEqual([]);
			const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(scrollWidth, 'no sideways scroll at 360 px').toBeLessThanOrEqual(360);
		});
	}
});
