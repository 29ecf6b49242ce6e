/**
 * Issue 6: sharing a scenario, in a real browser against the built site. The scenario
 * travels in the query string (docs/scenario.md, "In a URL"), in the clipboard ('Copy link')
 * and in a JSON file ('Download scenario', 'Open scenario…').
 *
 * Expected query strings and corrections are written out by hand from the documented
 * format; nothing here imports the codec.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
	expect,
	expectMonthlyCosts,
	gotoCalculator,
	notice,
	numberField,
	readSavingsTable,
	savingsTable,
	select,
	setCacheTtl,
	setInput,
	setSelect,
	test,
	type SavingsRow
} from './helpers';

/**
 * Opens the calculator and waits until the URL codec, which loads after hydration, has
 * read the address: `/?v=3` is the current default scenario (link format 3), and the page
 * rewrites it to the bare `/` once it has read it. Only from then on do edits reach the
 * address bar.
 */
async function openReady(page: Page): Promise<void> {
	await gotoCalculator(page, '/?v=3');
	await expectQuery(page, '');
}

/**
 * What a link of format 1 (no `v`, or `v=1`) at its own defaults is rewritten to: the page
 * writes format 3, whose defaults are the November 2026 sheet and 2026 token counts, so the
 * version-1 defaults (the March 2026 sheet, its mix and baseline, legacy token counts) are
 * spelled out. `middle` holds the keys in between, in the documented order.
 */
const v1 = (middle = '') => `v=3&sheet=anthropic-2026-03${middle ? `&${middle}` : ''}&tok=legacy`;

/** The query string of the address bar, without its '?'; '' for a bare address (which has no '?' at all). */
function queryOf(page: Page): string {
	const url = page.url();
	const at = url.indexOf('?');
	return at < 0 ? '' : url.slice(at + 1);
}

/** Waits until the address bar shows this query string ('' : no '?' at all). */
async function expectQuery(page: Page, query: string): Promise<void> {
	await expect.poll(() => queryOf(page), { message: 'query string in the address bar' }).toBe(query);
	if (query === '') expect(page.url(), 'a bare address has no "?"').not.toContain('?');
}

/**
 * Every input of the calculator as `label -> value`: the number fields, the selects and
 * the checked Cache TTL option. (The price overrides editor loads when opened; it stays
 * closed in these tests.)
 */
async function readInputs(page: Page): Promise<Record<string, string>> {
	const fields = await page.locator('main').evaluate((main) => {
		const out: Record<string, string> = {};
		for (const el of Array.from(main.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[type=number], select'))) {
			const label = el.labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim() || `#${el.id}`;
			out[label] = el.value;
		}
		return out;
	});
	const ttl = page.getByRole('radiogroup', { name: 'Cache TTL', exact: true });
	for (const option of ['5 minutes', '1 hour']) {
		if (await ttl.getByRole('radio', { name: option, exact: true }).isChecked()) fields['Cache TTL'] = option;
	}
	return fields;
}

/** Fails on any cell of the savings table that is not a well-formed amount of money. */
function expectValidMoney(rows: readonly SavingsRow[]): void {
	expect(rows.length, 'Stacked savings rows').toBe(5);
	for (const row of rows) {
		expect(row.monthlyCost, `${row.lever}: monthly cost`).toMatch(/^\$\d[\d,]*(\.\d\d)?$/);
		for (const cell of [row.monthlyCost, row.saving, row.cumulative]) {
			expect(cell, `${row.lever}: '${cell}'`).not.toMatch(/NaN|Infinity|undefined|null|\$-|\$−|\$\s*$/);
		}
	}
}

/** Records every dialog (alert, confirm, prompt) the page opens, dismissing it. */
function recordDialogs(page: Page): string[] {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		void dialog.dismiss().catch(() => {});
	});
	return dialogs;
}

/** A second browser context whose console errors and uncaught exceptions are recorded like the fixture's. */
async function freshContext(browser: Browser, baseURL: string | undefined): Promise<{ context: BrowserContext; errors: string[] }> {
	const context = await browser.newContext({ baseURL });
	const errors: string[] = [];
	context.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
	});
	context.on('weberror', (webError) => errors.push(`uncaught exception: ${webError.error().message}`));
	return { context, errors };
}

const corrected = (page: Page) => notice(page, /This link was corrected/);

test.describe('sharing a scenario', () => {
	test('(a) Copy link: the copied link opens the same scenario in a new browser context', async ({
		page,
		context,
		browser,
		baseURL
	}) => {
		const dialogs = recordDialogs(page);
		await openReady(page);
		const origin = new URL(page.url()).origin;
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });

		await setSelect(page, 'Price sheet', 'guide-2026-03');
		await setInput(page, 'Requests per month', 250000);
		await setInput(page, 'Output tokens per request', 800);
		await setInput(page, 'Cache hit ratio', 92.5);
		await setCacheTtl(page, '1 hour');
		await setInput(page, 'Batch share', 30);
		await setInput(page, 'Output trimmed', 0);

		// Only the changed values, in the documented key order (the guide sheet's own mix and
		// baseline are its defaults, so they are not written).
		const query = 'v=3&sheet=guide-2026-03&req=250000&out=800&hit=92.5&ttl=1h&batch=30&trimout=0';
		await expectQuery(page, query);
		expect(query.length, 'query string length').toBeLessThan(200);

		await page.getByRole('button', { name: 'Copy link', exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Link copied to the clipboard.' })).toBeVisible();
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toBe(`${origin}/?${query}`);
		expect(copied).toBe(page.url());

		const table = await readSavingsTable(page);
		expectValidMoney(table);
		const inputs = await readInputs(page);
		expect(inputs).toMatchObject({
			'Price sheet': 'guide-2026-03',
			'Requests per month': '250000',
			'Output tokens per request': '800',
			'Cache hit ratio': '92.5',
			'Cache TTL': '1 hour',
			'Batch share': '30',
			'Output trimmed': '0'
		});

		// A new context: no shared storage, history or clipboard with the first one.
		const fresh = await freshContext(browser, baseURL);
		try {
			const other = await fresh.context.newPage();
			const otherDialogs = recordDialogs(other);
			await gotoCalculator(other, copied);
			await expect.poll(() => readInputs(other), { message: 'inputs of the opened link' }).toEqual(inputs);
			expect(await readSavingsTable(other)).toEqual(table);
			await expect(corrected(other), 'a link the page wrote needs no correction').toHaveCount(0);
			// Reading the link writes back the same link.
			await other.waitForTimeout(400);
			expect(queryOf(other)).toBe(query);
			expect(otherDialogs).toEqual([]);
			expect(fresh.errors, 'console errors in the new context').toEqual([]);
		} finally {
			await fresh.context.close();
		}
		expect(dialogs, 'dialogs (the clipboard fallback is a prompt)').toEqual([]);
	});

	test('(b) the default scenario is the bare address, with no "?"', async ({ page, context }) => {
		await gotoCalculator(page, '/');
		const origin = new URL(page.url()).origin;
		expect(page.url()).toBe(`${origin}/`);

		// An explicit default (`v=3`, or keys at their defaults) is rewritten to the bare address.
		await gotoCalculator(page, '/?v=3&hit=80&req=100000&ttl=5m&sheet=anthropic-2026-11&tok=2026');
		await expectQuery(page, '');
		await expect(corrected(page)).toHaveCount(0);

		// Away from the default and back.
		await setInput(page, 'Cache hit ratio', 90);
		await expectQuery(page, 'v=3&hit=90');
		await setInput(page, 'Cache hit ratio', 80);
		await expectQuery(page, '');

		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
		await page.getByRole('button', { name: 'Copy link', exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Link copied to the clipboard.' })).toBeVisible();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${origin}/`);
	});

	test.describe('(c) a hostile link opens a valid scenario and shows what it held as plain text', () => {
		interface Hostile {
			name: string;
			/** The query string, without '?', as typed (the browser percent-encodes what it must). */
			query: string;
			/** Sentences the 'This link was corrected' notice shows. */
			corrections: (string | RegExp)[];
			/** The address bar once the page has rewritten it (its corrected scenario). */
			rewritten: string;
			/** Inputs the corrected scenario shows. */
			inputs?: Record<string, string>;
			/** Text the notice must not contain (e.g. a raw direction override). */
			notShown?: string[];
		}

		const HUNDRED_KB = 100_000;
		const cases: Hostile[] = [
			{
				name: 'a script tag',
				query: 'hit=<script>alert(1)</script>',
				corrections: ['Cache hit ratio "<script>alert(1)</script>" is not a number; used 80'],
				rewritten: v1(),
				inputs: { 'Cache hit ratio': '80' }
			},
			{
				name: 'a javascript: sheet',
				query: 'sheet=javascript:alert(1)',
				corrections: [/^Price sheet "javascript:alert\(1\)" is not known; used /],
				rewritten: v1(),
				inputs: { 'Price sheet': 'anthropic-2026-03' }
			},
			{
				name: 'an img tag in the mix',
				query: 'mix=<img src=x onerror=alert(1)>:100',
				corrections: [/^Model mix: "<img src=x onerror=alert\(1\)>" is not on .*; left it out$/, 'Model mix has no usable shares; used the default mix'],
				rewritten: v1(),
				inputs: { 'Opus 4.6 share': '5', 'Sonnet 4.6 share': '25', 'Haiku 4.5 share': '70' }
			},
			{
				name: 'an svg tag setting a global',
				query: 'req=<svg onload=window.__pwned=1>',
				corrections: ['Requests per month "<svg onload=window.__pwned=1>" is not a number; used 100,000'],
				rewritten: v1(),
				inputs: { 'Requests per month': '100000' }
			},
			{
				name: 'a 100 KB value',
				query: `hit=${'<img src=x onerror=alert(1)>'.repeat(Math.ceil(HUNDRED_KB / 28)).slice(0, HUNDRED_KB)}&batch=40`,
				corrections: ['Cache hit ratio: the value in the link is 100,000 characters long; ignored it'],
				rewritten: v1('batch=40'),
				inputs: { 'Cache hit ratio': '80', 'Batch share': '40' },
				notShown: ['<img']
			},
			{
				name: 'a 5 KB value (through the server)',
				query: `req=${'<script>alert(1)</script>'.repeat(200)}`,
				corrections: ['Requests per month: the value in the link is 5,000 characters long; ignored it'],
				rewritten: v1(),
				inputs: { 'Requests per month': '100000' },
				notShown: ['<script']
			},
			{
				name: 'a repeated key',
				query: 'hit=10&hit=20',
				corrections: ['Cache hit ratio: set 2 times in the link; used the first, "10"'],
				rewritten: v1('hit=10'),
				inputs: { 'Cache hit ratio': '10' }
			},
			{
				name: 'broken percent-encoding',
				query: 'hit=%E0%A4%A&req=%',
				corrections: [/^Cache hit ratio ".*%A" is not a number; used 80$/, 'Requests per month "%" is not a number; used 100,000'],
				rewritten: v1(),
				inputs: { 'Cache hit ratio': '80', 'Requests per month': '100000' }
			},
			{
				name: 'a right-to-left override',
				// Displayed raw, U+202E would show '05' as '50'.
				query: 'hit=\u202E05',
				corrections: ['Cache hit ratio "\\u202e05" is not a number; used 80'],
				rewritten: v1(),
				inputs: { 'Cache hit ratio': '80' },
				notShown: ['\u202E']
			},
			{
				name: 'zero-width characters',
				query: 'req=1\u200B000&batch=2\uFEFF0',
				corrections: [
					'Requests per month "1\\u200b000" is not a number; used 100,000',
					'Batch share "2\\ufeff0" is not a number; used 50'
				],
				rewritten: v1(),
				inputs: { 'Requests per month': '100000', 'Batch share': '50' },
				notShown: ['\u200B', '\uFEFF']
			},
			{
				name: 'fullwidth digits',
				query: 'hit=１００',
				corrections: ['Cache hit ratio "１００" is not a number; used 80'],
				rewritten: v1(),
				inputs: { 'Cache hit ratio': '80' }
			},
			{
				name: 'prototype pollution keys',
				query: '__proto__[x]=1&constructor.prototype.x=1&__proto__=1&hit=70',
				corrections: ['Ignored 3 unknown settings in the link: "__proto__[x]", "constructor.prototype.x", "__proto__"'],
				rewritten: v1('hit=70'),
				inputs: { 'Cache hit ratio': '70' }
			},
			{
				name: 'prototype keys inside values',
				query: 'mix=__proto__:50,constructor:50&p.__proto__=1,2&p.constructor=3',
				corrections: [
					/^Model mix: "__proto__" is not on .*; left it out$/,
					/^Model mix: "constructor" is not on .*; left it out$/,
					'Model mix has no usable shares; used the default mix',
					/^Price override for "__proto__": it is not on .*; left it out$/,
					/^Price override for "constructor": it is not on .*; left it out$/
				],
				rewritten: v1(),
				inputs: { 'Opus 4.6 share': '5', 'Sonnet 4.6 share': '25', 'Haiku 4.5 share': '70' }
			},
			{
				name: 'a newer format version',
				query: 'v=99&hit=50',
				corrections: ['This scenario was made by a newer version of the calculator (format version 99); read what this version understands'],
				rewritten: v1('hit=50'),
				inputs: { 'Cache hit ratio': '50' }
			}
		];

		for (const c of cases) {
			test(`${c.name}: ?${c.query.length > 60 ? `${c.query.slice(0, 40)}… (${c.query.length} characters)` : c.query}`, async ({ page }) => {
				const dialogs = recordDialogs(page);
				if (c.query.length > 8000) {
					// Static servers refuse a request line this long (Node: 431 past 16 KB, most
					// hosts past 8 KB) before any page runs; what is tested here is the page, so
					// the long address is answered with the page itself.
					await page.route(
						(url) => url.search.length > 8000,
						async (route) => route.fulfill({ response: await route.fetch({ url: new URL('/', route.request().url()).href }) })
					);
				}
				await gotoCalculator(page, `/?${c.query}`);

				const alert = corrected(page);
				await expect(alert).toBeVisible();
				const items = alert.getByRole('listitem');
				for (const sentence of c.corrections) {
					await expect(items.filter({ hasText: sentence }), `notice item ${String(sentence)}`).toHaveCount(1);
				}
				// Exactly the corrections listed: hostile input must not produce extra noise.
				await expect(items).toHaveCount(c.corrections.length);
				const text = (await alert.textContent()) ?? '';
				for (const raw of c.notShown ?? []) expect(text, `the notice shows no raw ${JSON.stringify(raw)}`).not.toContain(raw);

				// Plain text: nothing the link held became an element or ran.
				await expect(alert.locator('script, img, svg, iframe, object, embed, a')).toHaveCount(0);
				await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
				await expect(page.locator('script').filter({ hasText: /alert\(|__pwned/ })).toHaveCount(0);
				expect(
					await page.evaluate(() => ({
						pwned: (window as unknown as { __pwned?: unknown }).__pwned,
						prototypeX: (Object.prototype as Record<string, unknown>).x,
						emptyX: ({} as Record<string, unknown>).x
					}))
				).toEqual({ pwned: undefined, prototypeX: undefined, emptyX: undefined });

				expectValidMoney(await readSavingsTable(page));
				if (c.inputs) expect(await readInputs(page)).toMatchObject(c.inputs);
				// The address bar is rewritten to the scenario that opened.
				await expectQuery(page, c.rewritten);

				await page.getByRole('button', { name: 'Dismiss: This link was corrected', exact: true }).click();
				await expect(corrected(page)).toHaveCount(0);
				await expect(savingsTable(page)).toBeVisible();
				expect(dialogs, 'dialogs opened by the page').toEqual([]);
			});
		}
	});

	test('(d) Back after a preset restores the scenario before it; Forward re-applies the preset', async ({ page }) => {
		await openReady(page);
		await setInput(page, 'Requests per month', 250000);
		await setCacheTtl(page, '1 hour');
		await expectQuery(page, 'v=3&req=250000&ttl=1h');
		// The last edit is still inside the address bar's throttle when the preset is clicked:
		// the preset commits it to the current entry before pushing its own.
		await setInput(page, 'Cache hit ratio', 60);
		const before = { table: await readSavingsTable(page), inputs: await readInputs(page) };
		expect(before.inputs).toMatchObject({ 'Requests per month': '250000', 'Cache hit ratio': '60', 'Cache TTL': '1 hour' });

		await page.getByRole('button', { name: '1,000 support tickets (batch)', exact: true }).click();
		await expectMonthlyCosts(page, { Baseline: '$13.50', 'Batch API': '$6.75' });
		// The presets count tokens on the guide's models' tokenizer (legacy), not the default's.
		const presetQuery = 'v=3&sheet=guide-2026-03&req=1000&in=2000&pre=0&base=sonnet-4-6&mix=sonnet-4-6:100&hit=0&batch=100&trimin=0&trimout=0&tok=legacy';
		await expectQuery(page, presetQuery);
		const preset = { table: await readSavingsTable(page), inputs: await readInputs(page) };
		expect(preset.inputs).toMatchObject({ 'Price sheet': 'guide-2026-03', 'Baseline model': 'sonnet-4-6', 'Requests per month': '1000' });

		await page.goBack();
		await expectQuery(page, 'v=3&req=250000&hit=60&ttl=1h');
		await expect.poll(() => readInputs(page), { message: 'inputs after Back' }).toEqual(before.inputs);
		expect(await readSavingsTable(page)).toEqual(before.table);

		await page.goForward();
		await expectQuery(page, presetQuery);
		await expect.poll(() => readInputs(page), { message: 'inputs after Forward' }).toEqual(preset.inputs);
		expect(await readSavingsTable(page)).toEqual(preset.table);

		// Back once more, then an edit: it replaces the entry rather than adding one, so the
		// preset is still one step Forward.
		const entries = await page.evaluate(() => history.length);
		await page.goBack();
		await expectQuery(page, 'v=3&req=250000&hit=60&ttl=1h');
		await setInput(page, 'Batch share', 20);
		await expectQuery(page, 'v=3&req=250000&hit=60&ttl=1h&batch=20');
		expect(await page.evaluate(() => history.length), 'history entries after an edit').toBe(entries);
		await page.goForward();
		await expectQuery(page, presetQuery);
		await expect.poll(() => readInputs(page), { message: 'inputs after Forward again' }).toEqual(preset.inputs);
		await page.goBack();
		await expectQuery(page, 'v=3&req=250000&hit=60&ttl=1h&batch=20');
		await expect(numberField(page, 'Batch share')).toHaveValue('20');
	});

	// An edit made between hydration and the codec's arrival must survive it (on a bare
	// address). The codec is held back here to make the window wide; on a slow connection it is real.
	test('an edit made before the URL codec has loaded is kept', async ({ page }) => {
		let release: () => void = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			const response = await route.fetch();
			const body = await response.text();
			// The codec's chunk, found by a sentence only it holds (chunk names are hashes).
			if (body.includes('The link could not be read; opened the default scenario')) await held;
			await route.fulfill({ response, body });
		});
		await gotoCalculator(page, '/');
		await setInput(page, 'Cache hit ratio', 42);
		release();
		await expectQuery(page, 'v=3&hit=42');
		await expect(numberField(page, 'Cache hit ratio')).toHaveValue('42');
	});

	test('(e) Download scenario saves the edited scenario as JSON', async ({ page }) => {
		await openReady(page);
		await setSelect(page, 'Price sheet', 'guide-2026-03');
		await setInput(page, 'Requests per month', 250000);
		await setInput(page, 'Cache hit ratio', 92.5);
		await setCacheTtl(page, '1 hour');
		await setInput(page, 'Batch share', 30);

		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download scenario', exact: true }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe('claude-cost-levers-scenario.json');
		const path = await download.path();
		const saved: unknown = JSON.parse(await readFile(path, 'utf8'));
		expect(saved).toEqual({
			version: 1,
			priceSheet: 'guide-2026-03',
			requestsPerMonth: 250000,
			inputTokens: 6000,
			cachedPrefixTokens: 5000,
			outputTokens: 500,
			baselineModel: 'opus-4-6',
			mixPercent: { 'opus-4-6': 5, 'sonnet-4-6': 25, 'haiku-4-5': 70 },
			cacheHitPercent: 92.5,
			cacheTtl: '1h',
			batchPercent: 30,
			inputTrimPercent: 10,
			outputTrimPercent: 20,
			prices: {},
			customModels: [],
			usOnlyInference: false,
			adjustForTokenizer: true,
			tokensCountedOn: '2026',
			webSearchesPerRequest: 0
		});
		await expect(page.getByRole('status').filter({ hasText: 'Scenario downloaded.' })).toBeVisible();
	});

	test('(e) Open scenario… loads a file as a new history entry; Back returns to the scenario before', async ({ page }) => {
		await openReady(page);
		await setInput(page, 'Cache hit ratio', 60);
		await expectQuery(page, 'v=3&hit=60');
		const before = { table: await readSavingsTable(page), inputs: await readInputs(page) };

		// The worked example of 1,000 support tickets: 1,000 x (2,000 x $3 + 500 x $15) / 1e6 = $13.50, batch $6.75.
		const file = {
			priceSheet: 'guide-2026-03',
			requestsPerMonth: 1000,
			inputTokens: 2000,
			cachedPrefixTokens: 0,
			outputTokens: 500,
			baselineModel: 'sonnet-4-6',
			mixPercent: { 'sonnet-4-6': 100 },
			cacheHitPercent: 0,
			batchPercent: 100,
			inputTrimPercent: 0,
			outputTrimPercent: 0
		};
		await page.getByLabel('Open scenario file', { exact: true }).setInputFiles({
			name: 'tickets.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(file))
		});
		await expectMonthlyCosts(page, { Baseline: '$13.50', 'Batch API': '$6.75', 'Token optimization': '$6.75' });
		// A file without a version is read on the version-1 defaults (legacy token counts).
		await expectQuery(page, 'v=3&sheet=guide-2026-03&req=1000&in=2000&pre=0&base=sonnet-4-6&mix=sonnet-4-6:100&hit=0&batch=100&trimin=0&trimout=0&tok=legacy');
		expect(await readInputs(page)).toMatchObject({ 'Price sheet': 'guide-2026-03', 'Baseline model': 'sonnet-4-6', 'Requests per month': '1000' });
		await expect(page.getByRole('alert')).toHaveCount(0);

		await page.goBack();
		await expectQuery(page, 'v=3&hit=60');
		await expect.poll(() => readInputs(page), { message: 'inputs after Back' }).toEqual(before.inputs);
		expect(await readSavingsTable(page)).toEqual(before.table);
	});

	test('(e) Open scenario… with a file that is not JSON says it could not be opened and keeps the scenario', async ({ page }) => {
		await openReady(page);
		await setInput(page, 'Cache hit ratio', 60);
		await expectQuery(page, 'v=3&hit=60');
		const before = await readSavingsTable(page);

		await page.getByLabel('Open scenario file', { exact: true }).setInputFiles({
			name: 'broken.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{ "cacheHitPercent": 90, <img src=x onerror=alert(1)>')
		});
		const alert = notice(page, /That file could not be opened/);
		await expect(alert).toBeVisible();
		await expect(alert).toContainText('not valid JSON');
		await expect(page.locator('img[src="x"]')).toHaveCount(0);
		expect(await readSavingsTable(page)).toEqual(before);
		expect(queryOf(page)).toBe('v=3&hit=60');

		await page.getByRole('button', { name: 'Dismiss: That file could not be opened', exact: true }).click();
		await expect(alert).toHaveCount(0);

		// The same file a second time is read again (the input is cleared after each pick).
		await page.getByLabel('Open scenario file', { exact: true }).setInputFiles({
			name: 'list.json',
			mimeType: 'application/json',
			buffer: Buffer.from('[1, 2, 3]')
		});
		await expect(alert).toBeVisible();
		await expect(alert).toContainText('a list, not a scenario object');
	});

	test('(e) Open scenario… with out-of-range values opens the corrected scenario and lists the corrections', async ({ page }) => {
		const dialogs = recordDialogs(page);
		await openReady(page);
		await page.getByLabel('Open scenario file', { exact: true }).setInputFiles({
			name: 'out-of-range.json',
			mimeType: 'application/json',
			buffer: Buffer.from(
				JSON.stringify({
					version: 1,
					cacheHitPercent: 140,
					batchPercent: -5,
					requestsPerMonth: 12.5,
					baselineModel: '<img src=x onerror=alert(1)>'
				})
			)
		});
		const alert = notice(page, /The scenario file was corrected/);
		await expect(alert).toBeVisible();
		const items = alert.getByRole('listitem');
		for (const sentence of [
			'Requests per month 12.5 was not a whole number; used 13',
			/^Baseline model "<img src=x onerror=alert\(1\)>" is not on .*; used Opus 4\.6$/,
			'Cache hit ratio 140 was above 100; used 100',
			'Batch share -5 was below 0; used 0'
		]) {
			await expect(items.filter({ hasText: sentence }), `notice item ${String(sentence)}`).toHaveCount(1);
		}
		await expect(items).toHaveCount(4);
		await expect(page.locator('img[src="x"]')).toHaveCount(0);

		await expect(numberField(page, 'Cache hit ratio')).toHaveValue('100');
		await expect(numberField(page, 'Batch share')).toHaveValue('0');
		await expect(numberField(page, 'Requests per month')).toHaveValue('13');
		await expect(select(page, 'Baseline model')).toHaveValue('opus-4-6');
		expectValidMoney(await readSavingsTable(page));
		await expectQuery(page, v1('req=13&hit=100&batch=0'));

		await page.getByRole('button', { name: 'Dismiss: The scenario file was corrected', exact: true }).click();
		await expect(alert).toHaveCount(0);
		expect(dialogs).toEqual([]);
	});
});
