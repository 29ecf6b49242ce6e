/**
 * Issue 6: sharing a scenario, in a real browser against the built site. The scenario
 * travels in the query string (docs/scenario.md, "Workload links": link format 4, `v=4`), in
 * the clipboard ('Copy link') and in a JSON file ('Download scenario', 'Open scenario…').
 * Links of formats 1 and 3 (no `v`, `v=1`, `v=3`) still open, with the figures they always
 * showed, and are rewritten to format 4.
 *
 * Expected query strings, corrections and figures are written out by hand from the
 * documented format and docs/pricing-model.md; nothing here imports the codec or the engine.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from '@playwright/test';
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
	settled,
	setInput,
	setSelect,
	setSwitch,
	test,
	type SavingsRow
} from './helpers';

/**
 * Opens the calculator and waits until the URL codec, which loads after hydration, has
 * read the address: the first-visit example spelled out as a link (EXAMPLE_QUERY) is
 * rewritten to the bare `/` once the codec has read it. Only from then on do edits reach
 * the address bar.
 */
async function openReady(page: Page): Promise<void> {
	await gotoCalculator(page, `/?${EXAMPLE_QUERY}`);
	await expectQuery(page, '');
}

/**
 * The example's link with some of its workload keys changed: `w1.<key>=<value>` replaces the
 * key's value (the keys keep their documented order). Example: example({ pcache: '5m:80' }).
 */
function example(changes: Record<string, string>): string {
	let query = EXAMPLE_QUERY;
	for (const [key, value] of Object.entries(changes)) {
		const before = query;
		query = query.replace(new RegExp(`&w1\\.${key}=[^&]*`), `&w1.${key}=${value}`);
		if (query === before) throw new Error(`the example's link has no w1.${key}`);
	}
	return query;
}

/**
 * What a link of format 1 (no `v`, or `v=1`) is rewritten to (docs/pricing-model.md §9): one
 * request workload, "Workload 1", on the March 2026 sheet with legacy token counts, whose
 * Today is all traffic on the baseline (Opus 4.6, the sheet's first default model, so no
 * `w1.mix`) and whose Planned is the version-1 mix, caching, batch share and trims. Only
 * what differs from a new workload is written; `changes` sets the values the link changed:
 * req (requests per month), hit (Planned hit ratio at 5 minutes), batch (Planned batch share;
 * 0 is Today's, so not written).
 */
function v1({ req, hit = 80, batch = 50 }: { req?: number; hit?: number; batch?: number } = {}): string {
	return [
		'v=4&sheet=anthropic-2026-03',
		...(req === undefined ? [] : [`w1.req=${req}`]),
		'w1.tok=legacy',
		'w1.pmix=opus-4-6:5,sonnet-4-6:25,haiku-4-5:70',
		`w1.pcache=5m:${hit}`,
		...(batch === 0 ? [] : [`w1.pbatch=${batch}`]),
		'w1.trimin=10',
		'w1.trimout=20'
	].join('&');
}

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
 * Every input of the calculator as `label -> value`: the number fields (as shown), the
 * text fields, the selects, each switch ('on' or 'off') and each radio group's checked option
 * (Kind of workload, Cache TTL). A label seen twice gets ' (2)' and so on. (The price editor
 * loads when opened, and Today's controls when Today is opened; they stay closed here.)
 */
async function readInputs(page: Page): Promise<Record<string, string>> {
	return page.locator('main').evaluate((main) => {
		const out: Record<string, string> = {};
		const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
		const name = (el: Element) => {
			const label = el.getAttribute('aria-label');
			if (label) return label;
			const by = el.getAttribute('aria-labelledby');
			if (by) return by.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ');
			const labels = (el as HTMLInputElement).labels;
			return labels && labels.length ? text(labels[0]) : `#${el.id}`;
		};
		const put = (key: string, value: string) => {
			let k = key;
			for (let i = 2; Object.hasOwn(out, k); i++) k = `${key} (${i})`;
			out[k] = value;
		};
		for (const el of Array.from(main.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea'))) {
			if (el.closest('details:not([open])') || el.type === 'range' || el.type === 'file') continue;
			if (el.type === 'radio') {
				const group = el.closest('[role=radiogroup]');
				if ((el as HTMLInputElement).checked) put(group ? name(group) : el.name, name(el));
			} else if (el.type === 'checkbox') put(name(el), (el as HTMLInputElement).checked ? 'on' : 'off');
			else put(name(el), el.value);
		}
		return out;
	});
}

/** Fails on any cell of the savings table that is not a well-formed amount of money. */
function expectValidMoney(rows: readonly SavingsRow[]): void {
	expect(rows.map((r) => r.lever), 'Stacked savings rows').toEqual([...LEVER_ROWS]);
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
		await setInput(page, 'Output tokens per request', 900);
		await setInput(page, 'Cache hit ratio', 92.5);
		await setCacheTtl(page, '1 hour');
		await setInput(page, 'Batch share', 30);
		await setSwitch(page, 'Token optimization', true);
		await setInput(page, 'Output trimmed', 0);

		// Only what differs from the defaults, in the documented key order: the scenario's name
		// and sheet, then the workload's name, numbers, tokenizer, Today's mix (Sonnet 4.6 is not
		// the guide sheet's first model) and the Planned values that are not Today's.
		const query =
			'v=4&name=Example:%20support%20triage&sheet=guide-2026-03&w1.n=Support%20triage&w1.req=250000&w1.in=13500&w1.pre=12000&w1.out=900' +
			'&w1.tok=legacy&w1.mix=sonnet-4-6:100&w1.pcache=1h:92.5&w1.pbatch=30&w1.trimin=10';
		await expectQuery(page, query);
		expect(query.length, 'query string length').toBeLessThan(300);

		await page.getByRole('button', { name: 'Copy link', exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Link copied to the clipboard.' })).toBeVisible();
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toBe(`${origin}/?${query}`);
		expect(copied).toBe(page.url());

		await settled(page);
		const table = await readSavingsTable(page);
		expectValidMoney(table);
		const figures = await headline(page);
		const inputs = await readInputs(page);
		expect(inputs).toMatchObject({
			'Scenario name': 'Example: support triage',
			'Price sheet': 'guide-2026-03',
			'Requests per month': '250,000',
			'Output tokens per request': '900',
			'Cache hit ratio': '92.5',
			'Cache TTL': '1 hour',
			'Batch share': '30',
			'Token optimization': 'on',
			'Input trimmed': '10',
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
			await expect.poll(() => headline(other)).toEqual(figures);
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

	test('(b) the first-visit example is the bare address, with no "?"; any change is written as v=4', async ({ page, context }) => {
		await gotoCalculator(page, '/');
		const origin = new URL(page.url()).origin;
		expect(page.url()).toBe(`${origin}/`);

		// The example spelled out is rewritten to the bare address.
		await gotoCalculator(page, `/?${EXAMPLE_QUERY}`);
		await expectQuery(page, '');
		await expect(corrected(page)).toHaveCount(0);

		// Away from the example and back.
		await setInput(page, 'Cache hit ratio', 80);
		await expectQuery(page, example({ pcache: '5m:80' }));
		await setInput(page, 'Cache hit ratio', 90);
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
			/** The address bar once the page has rewritten it (its corrected scenario, format 4). */
			rewritten: string;
			/** Inputs the corrected scenario shows. */
			inputs?: Record<string, string>;
			/** Text the notice must not contain (e.g. a raw direction override). */
			notShown?: string[];
		}

		const HUNDRED_KB = 100_000;
		// Links without `v` are format 1: read on the version-1 defaults, then as version 2.
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
				inputs: { 'Requests per month': '100,000' }
			},
			{
				name: 'a 100 KB value',
				query: `hit=${'<img src=x onerror=alert(1)>'.repeat(Math.ceil(HUNDRED_KB / 28)).slice(0, HUNDRED_KB)}&batch=40`,
				corrections: ['Cache hit ratio: the value in the link is 100,000 characters long; ignored it'],
				rewritten: v1({ batch: 40 }),
				inputs: { 'Cache hit ratio': '80', 'Batch share': '40' },
				notShown: ['<img']
			},
			{
				name: 'a 5 KB value (through the server)',
				query: `req=${'<script>alert(1)</script>'.repeat(200)}`,
				corrections: ['Requests per month: the value in the link is 5,000 characters long; ignored it'],
				rewritten: v1(),
				inputs: { 'Requests per month': '100,000' },
				notShown: ['<script']
			},
			{
				name: 'a repeated key',
				query: 'hit=10&hit=20',
				corrections: ['Cache hit ratio: set 2 times in the link; used the first, "10"'],
				rewritten: v1({ hit: 10 }),
				inputs: { 'Cache hit ratio': '10' }
			},
			{
				name: 'broken percent-encoding',
				query: 'hit=%E0%A4%A&req=%',
				corrections: [/^Cache hit ratio ".*%A" is not a number; used 80$/, 'Requests per month "%" is not a number; used 100,000'],
				rewritten: v1(),
				inputs: { 'Cache hit ratio': '80', 'Requests per month': '100,000' }
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
				corrections: ['Requests per month "1\\u200b000" is not a number; used 100,000', 'Batch share "2\\ufeff0" is not a number; used 50'],
				rewritten: v1(),
				inputs: { 'Requests per month': '100,000', 'Batch share': '50' },
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
				rewritten: v1({ hit: 70 }),
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
				rewritten: v1({ hit: 50 }),
				inputs: { 'Cache hit ratio': '50' }
			},
			// Format 4: a workload's name is text (shown as text), a number that is not one is replaced.
			{
				name: 'format 4: markup as a workload name, a script tag as a number',
				query: 'v=4&w1.n=<img src=x onerror=alert(1)>&w1.req=<script>alert(1)</script>',
				corrections: ['<img src=x onerror=alert(1)>: Requests per month "<script>alert(1)</script>" is not a number; used 100,000'],
				rewritten: 'v=4&w1.n=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
				inputs: { 'Requests per month': '100,000' }
			},
			{
				name: 'format 4: a hit ratio above 100',
				query: 'v=4&w1.pcache=1h:150',
				corrections: ['Workload 1: Prompt caching: hit ratio 150 was above 100; used 100'],
				rewritten: 'v=4&w1.pcache=1h:100',
				inputs: { 'Cache hit ratio': '100', 'Cache TTL': '1 hour' }
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

	test('(c2) old links (no v, v=1, v=3) open with exactly their old figures, no notice, rewritten as v=4', async ({ page }) => {
		// Format 1 without `v`: the version-1 defaults on anthropic-2026-03 (§1.4, §9) with a 90 %
		// hit ratio; the prices spec works the same link with v=1 out in full:
		//   Today (the baseline, Opus 4.6): 100,000 x (6,000 x 5 + 500 x 25) / 1e6 = $4,250
		//   Model routing, 5 / 25 / 70 over Opus 4.6 / Sonnet 4.6 / Haiku 4.5:
		//     0.05 x 42,500 + 0.25 x 25,500 + 0.70 x 8,500 = 14,450 -> $1,445
		//   Prompt caching at 90 % (a prefix token costs 0.9 x 0.1 + 0.1 x 1.25 = 0.215 input):
		//     1,000 + 5,000 x 0.215 = 2,075 input equivalents; 0.05 x (2,075 x 5 + 12,500)
		//     + 0.25 x (2,075 x 3 + 7,500) + 0.70 x (2,075 + 2,500) = 7,777.5 -> $777.75
		//   Batch API, 50 %: x 0.75 = $583.3125; Fast mode: nothing changes
		//   Token optimization, 10 % / 20 %: 900 + 4,500 x 0.215 = 1,867.5 input equivalents, 400 out:
		//     0.05 x 19,337.5 + 0.25 x 11,602.5 + 0.70 x 3,867.5 = 6,574.75, x 0.75 -> $493.10625
		await gotoCalculator(page, '/?hit=90');
		await expectMonthlyCosts(page, {
			Today: '$4,250',
			'Model routing': '$1,445',
			'Prompt caching': '$778',
			'Batch API': '$583',
			'Fast mode': '$583',
			'Token optimization': '$493'
		});
		await expect.poll(() => headline(page)).toMatchObject({ today: '$4,250', planned: '$493' });
		await expectQuery(page, v1({ hit: 90 }));
		await expect(corrected(page)).toHaveCount(0);

		// Format 3: the November 2026 defaults (Opus 5.5 baseline, 2026 token counts, 80 % hits at
		// 5 minutes, 50 % batch, trims 10 % / 20 %) with a 90 % hit ratio and a mix of 20 % Sonnet 5.5,
		// 80 % Haiku 5.5. Rates (§1.3), in / 5-minute write / read / out: Opus 5.5 4 / 5 / 0.20 / 20,
		// Sonnet 5.5 2 / 2.50 / 0.10 / 10, Haiku 5.5 0.10 / 0.125 / 0.01 / 0.50. 100,000 requests of
		// 6,000 in (5,000 prefix) and 500 out:
		//   Today: 6,000 x 4 + 500 x 20 = 34,000 -> $0.034 a request -> $3,400
		//   Model routing: Sonnet 12,000 + 5,000 = 17,000; Haiku 600 + 250 = 850;
		//     0.2 x 17,000 + 0.8 x 850 = 4,080 -> $408
		//   Prompt caching at 90 %: Sonnet 2,000 + 5,000 x (0.09 + 0.25) + 5,000 = 8,700;
		//     Haiku 100 + 5,000 x (0.009 + 0.0125) + 250 = 457.5; 0.2 x 8,700 + 0.8 x 457.5 = 2,106 -> $210.60
		//   Batch API, 50 %: x 0.75 -> $157.95
		//   Token optimization: 5,400 in (4,500 prefix, above 512: still cached), 400 out:
		//     Sonnet 1,800 + 4,500 x 0.34 + 4,000 = 7,330; Haiku 90 + 4,500 x 0.0215 + 200 = 386.75;
		//     (0.2 x 7,330 + 0.8 x 386.75) x 0.75 = 1,331.55 -> $133.155
		await gotoCalculator(page, '/?v=3&mix=sonnet-5-5:20,haiku-5-5:80&hit=90');
		await expectMonthlyCosts(page, {
			Today: '$3,400',
			'Model routing': '$408',
			'Prompt caching': '$211',
			'Batch API': '$158',
			'Fast mode': '$158',
			'Token optimization': '$133'
		});
		await expectQuery(page, 'v=4&w1.pmix=sonnet-5-5:20,haiku-5-5:80&w1.pcache=5m:90&w1.pbatch=50&w1.trimin=10&w1.trimout=20');
		await expect(corrected(page)).toHaveCount(0);
	});

	test('(d) Back after a preset restores the scenario before it; Forward re-applies the preset', async ({ page }) => {
		await openReady(page);
		await setInput(page, 'Requests per month', 250000);
		await setCacheTtl(page, '1 hour');
		await expectQuery(page, example({ req: '250000', pcache: '1h:90' }));
		// The last edit is still inside the address bar's throttle when the preset is clicked:
		// the preset commits it to the current entry before pushing its own.
		await setInput(page, 'Cache hit ratio', 60);
		await settled(page);
		const before = { table: await readSavingsTable(page), inputs: await readInputs(page) };
		expect(before.inputs).toMatchObject({ 'Requests per month': '250,000', 'Cache hit ratio': '60', 'Cache TTL': '1 hour' });

		await page.getByRole('button', { name: 'Nightly reports through the Batch API', exact: true }).click();
		// 20,000 x (8,000 x $2 + 2,000 x $10) / 1e6 = $720 on Sonnet 5.5; all through the Batch API: $360.
		await expectMonthlyCosts(page, { Today: '$720', 'Batch API': '$360' });
		const presetQuery = 'v=4&name=Nightly%20reports&w1.n=Nightly%20reports&w1.req=20000&w1.in=8000&w1.pre=0&w1.out=2000&w1.mix=sonnet-5-5:100&w1.pbatch=100';
		await expectQuery(page, presetQuery);
		await settled(page);
		const preset = { table: await readSavingsTable(page), inputs: await readInputs(page) };
		expect(preset.inputs).toMatchObject({ 'Scenario name': 'Nightly reports', 'Requests per month': '20,000', 'Batch share': '100' });

		const beforeQuery = example({ req: '250000', pcache: '1h:60' });
		await page.goBack();
		await expectQuery(page, beforeQuery);
		await expect.poll(() => readInputs(page), { message: 'inputs after Back' }).toEqual(before.inputs);
		await expect.poll(() => readSavingsTable(page)).toEqual(before.table);

		await page.goForward();
		await expectQuery(page, presetQuery);
		await expect.poll(() => readInputs(page), { message: 'inputs after Forward' }).toEqual(preset.inputs);
		await expect.poll(() => readSavingsTable(page)).toEqual(preset.table);

		// Back once more, then an edit: it replaces the entry rather than adding one, so the
		// preset is still one step Forward.
		const entries = await page.evaluate(() => history.length);
		await page.goBack();
		await expectQuery(page, beforeQuery);
		await setInput(page, 'Batch share', 20);
		await expectQuery(page, example({ req: '250000', pcache: '1h:60', pbatch: '20' }));
		expect(await page.evaluate(() => history.length), 'history entries after an edit').toBe(entries);
		await page.goForward();
		await expectQuery(page, presetQuery);
		await expect.poll(() => readInputs(page), { message: 'inputs after Forward again' }).toEqual(preset.inputs);
		await page.goBack();
		await expectQuery(page, example({ req: '250000', pcache: '1h:60', pbatch: '20' }));
		await expect(numberField(page, 'Batch share')).toHaveValue('20');
	});

	// The page hydrates in parts (src/lib/components/Later.svelte), each in a task of its own.
	// A link's scenario applies once they all have, so that when its figures show, none is
	// still the example's. The CPU is slowed down (a phone's) to make the parts' window wide.
	for (const path of ['/', '/embed']) {
		test(`a link to ${path}: when its figures show, every part shows the link's, none the example's`, async ({ page, context }) => {
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			// What the headline and the tables say when ScenarioGate shows the figures (data-scenario removed).
			await page.addInitScript(() => {
				new MutationObserver((_, observer) => {
					if (document.documentElement?.hasAttribute('data-scenario') !== false) return;
					observer.disconnect();
					const text = (selector: string) => document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
					Object.assign(window, { __shown: { planned: text('[data-testid="optimized-cost"]'), tables: text('table') } });
				}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-scenario'] });
			});
			// The example with twice its requests: every cost doubles (docs/pricing-model.md §11.5:
			// Today $15,750 -> $31,500, Planned $5,817.60 -> $11,635.20, shown in whole dollars in the headline).
			await gotoCalculator(page, `${path}?${example({ req: '600000' })}`);
			await expect(page.getByTestId('optimized-cost')).toHaveText('$11,635');
			const shown = await page.evaluate(() => (window as unknown as { __shown: { planned: string; tables: string } }).__shown);
			expect(shown.planned).toBe('$11,635');
			expect(shown.tables).toContain('$31,500');
			expect(shown.tables).not.toContain('$15,750');
		});
	}

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
		await expectQuery(page, example({ pcache: '5m:42' }));
		await expect(numberField(page, 'Cache hit ratio')).toHaveValue('42');
	});

	test('(e) Download scenario saves the edited scenario as version-2 JSON', async ({ page }) => {
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
		// docs/scenario.md, "Version 2": every field, in the documented order.
		expect(saved).toEqual({
			version: 2,
			name: 'Example: support triage',
			notes: '',
			priceSheet: 'guide-2026-03',
			prices: {},
			customModels: [],
			usOnlyInference: false,
			adjustForTokenizer: true,
			leverOrder: ['routing', 'caching', 'batch', 'fast', 'trimming'],
			workloads: [
				{
					name: 'Support triage',
					kind: 'requests',
					requestsPerMonth: 250000,
					inputTokens: 13500,
					cachedPrefixTokens: 12000,
					outputTokens: 800,
					webSearchesPerRequest: 0,
					tokensCountedOn: 'legacy',
					traffic: null,
					today: { mixPercent: { 'sonnet-4-6': 100 }, caching: null, batchPercent: 0, fastMode: false },
					planned: {
						mixPercent: { 'sonnet-4-6': 100 },
						caching: { ttl: '1h', hitPercent: 92.5 },
						batchPercent: 30,
						fastMode: false,
						inputTrimPercent: 0,
						outputTrimPercent: 0
					}
				}
			]
		});
		await expect(page.getByRole('status').filter({ hasText: 'Scenario downloaded.' })).toBeVisible();
	});

	test('(e) Open scenario… loads a file as a new history entry; Back returns to the scenario before', async ({ page }) => {
		await openReady(page);
		await setInput(page, 'Cache hit ratio', 60);
		await expectQuery(page, example({ pcache: '5m:60' }));
		await settled(page);
		const before = { table: await readSavingsTable(page), inputs: await readInputs(page) };

		// A version-1 file (no version): the worked example of 1,000 support tickets (§11.1):
		// 1,000 x (2,000 x $3 + 500 x $15) / 1e6 = $13.50, batch $6.75.
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
		await expectMonthlyCosts(page, { Today: '$13.50', 'Batch API': '$6.75', 'Token optimization': '$6.75' });
		// A file without a version is read on the version-1 defaults (legacy token counts) as one
		// workload whose Today is the baseline: Planned caching at 0 % and all of it batched.
		await expectQuery(page, 'v=4&sheet=guide-2026-03&w1.req=1000&w1.in=2000&w1.pre=0&w1.tok=legacy&w1.mix=sonnet-4-6:100&w1.pcache=5m:0&w1.pbatch=100');
		expect(await readInputs(page)).toMatchObject({ 'Price sheet': 'guide-2026-03', 'Requests per month': '1,000', 'Batch share': '100' });
		await openToday(page);
		await expect(select(page, "Today's model")).toHaveValue('sonnet-4-6');
		await expect(page.getByRole('alert')).toHaveCount(0);
		// Closed again, as it was (what is open is the reader's, not the scenario's).
		await page.locator('summary').filter({ hasText: /^\s*Today:/ }).click();

		await page.goBack();
		await expectQuery(page, example({ pcache: '5m:60' }));
		await expect.poll(() => readInputs(page), { message: 'inputs after Back' }).toEqual(before.inputs);
		await expect.poll(() => readSavingsTable(page)).toEqual(before.table);
	});

	test('(e) Open scenario… with a file that is not JSON says it could not be opened and keeps the scenario', async ({ page }) => {
		await openReady(page);
		await setInput(page, 'Cache hit ratio', 60);
		await expectQuery(page, example({ pcache: '5m:60' }));
		await settled(page);
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
		await expect.poll(() => readSavingsTable(page)).toEqual(before);
		expect(queryOf(page)).toBe(example({ pcache: '5m:60' }));

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
		// A batch share of 0 is Today's: the Batch API lever is off.
		await expect(page.getByRole('checkbox', { name: 'Batch API', exact: true })).not.toBeChecked();
		await expect(numberField(page, 'Requests per month')).toHaveValue('13');
		await openToday(page);
		await expect(select(page, "Today's model")).toHaveValue('opus-4-6');
		expectValidMoney(await readSavingsTable(page));
		await expectQuery(page, v1({ req: 13, hit: 100, batch: 0 }));

		await page.getByRole('button', { name: 'Dismiss: The scenario file was corrected', exact: true }).click();
		await expect(alert).toHaveCount(0);
		expect(dialogs).toEqual([]);
	});
});
