/**
 * Shared fixtures and page helpers for the end-to-end tests.
 *
 * Selectors follow the UI contract: every control is found by its role and exact
 * accessible name (its visible label), the way a screen-reader user finds it.
 * Import `test` and `expect` from here, not from '@playwright/test', so every test
 * fails on console errors and uncaught exceptions.
 */
import { test as base, expect, type ConsoleMessage, type FrameLocator, type Locator, type Page } from '@playwright/test';

export { expect };

/** Where controls are looked up: a page, or the calculator inside an embed's iframe. */
export type Scope = Page | FrameLocator;

/** Console errors and uncaught exceptions seen by every page of the test's browser context. */
export interface PageErrors {
	/** One line per error, in order: where it happened and what it said. */
	readonly messages: readonly string[];
	/** Fails the test if any console error or uncaught exception has been seen so far. */
	expectNone(): void;
}

export const test = base.extend<{ pageErrors: PageErrors }>({
	pageErrors: [
		async ({ context }, use, testInfo) => {
			const messages: string[] = [];
			const onConsole = (message: ConsoleMessage) => {
				if (message.type() !== 'error') return;
				const { url, lineNumber } = message.location();
				messages.push(`console.error at ${url || message.page()?.url() || '?'}:${lineNumber}: ${message.text()}`);
			};
			context.on('console', onConsole);
			context.on('weberror', (webError) => {
				const error = webError.error();
				messages.push(`uncaught exception on ${webError.page()?.url() ?? '?'}: ${error.stack ?? error.message}`);
			});

			await use({
				messages,
				expectNone: () => expect(messages, 'console errors or uncaught exceptions in the page').toEqual([])
			});

			if (messages.length > 0) {
				await testInfo.attach('page-errors.txt', { body: messages.join('\n'), contentType: 'text/plain' });
			}
			// Checked after every test that otherwise passed (a failing test already reports its own cause).
			if (testInfo.status === testInfo.expectedStatus) {
				expect(messages, 'console errors or uncaught exceptions in the page').toEqual([]);
			}
		},
		{ auto: true }
	]
});

/**
 * Opens a page and waits until it has hydrated: the prerendered HTML shows every control
 * before its event handlers exist, and input typed before hydration is lost. SvelteKit sets
 * `history.scrollRestoration = 'manual'` as its last start-up step, after the root component
 * has hydrated; an island (the calculator of `/`, Island.svelte) marks itself
 * `data-island="ready"` once its own code has hydrated it. Both are waited for here.
 */
export async function gotoCalculator(page: Page, path = '/'): Promise<void> {
	await page.goto(path);
	await page.waitForFunction(() => history.scrollRestoration === 'manual', undefined, { timeout: 10_000 });
	// The calculator of `/` is an island: its code hydrates the prerendered HTML after that.
	await page.waitForFunction(() => [...document.querySelectorAll('[data-island]')].every((el) => el.getAttribute('data-island') === 'ready'), undefined, {
		timeout: 10_000
	});
	await expect(savingsTable(page)).toBeVisible();
}

/**
 * The number field of a labelled control (each slider has one next to it): a text field with
 * the spin button role, so "300k" or "300,000" can be typed. At rest it shows its value with
 * thousands separators ("300,000"); see `shownNumber`.
 */
export function numberField(page: Scope | Locator, label: string): Locator {
	return page.getByRole('spinbutton', { name: label, exact: true });
}

/** How a number field shows a value at rest: en-US thousands separators, up to two decimals ('300,000', '92.5'). */
export function shownNumber(value: number): string {
	return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
}

/** The range input of a labelled control. */
export function slider(page: Scope | Locator, label: string): Locator {
	return page.getByRole('slider', { name: label, exact: true });
}

/** A labelled <select> (Price sheet, Today's model, Token counts measured on). */
export function select(page: Scope | Locator, label: string): Locator {
	return page.getByRole('combobox', { name: label, exact: true });
}

/**
 * Types `value` into the number field labelled `label` and leaves the field, the way a user
 * does, then checks the field took it: not refused, and showing the number at rest with
 * thousands separators (a number typed as text, such as '300k', is checked as not refused only).
 */
export async function setInput(page: Scope | Locator, label: string, value: number | string): Promise<void> {
	const field = numberField(page, label);
	await field.fill(String(value));
	await field.blur();
	await expect(field, `${label} should accept ${JSON.stringify(value)}`).not.toHaveAttribute('aria-invalid', 'true');
	if (typeof value === 'number') await expect(field, `${label} should show the value typed into it`).toHaveValue(shownNumber(value));
}

/** Picks an option of a labelled <select> by value and checks it took. */
export async function setSelect(page: Scope | Locator, label: string, value: string): Promise<void> {
	const field = select(page, label);
	await field.selectOption(value);
	await expect(field).toHaveValue(value);
}

/** Checks the radio labelled `option` ('5 minutes' or '1 hour') of Planned's Cache TTL (or of `group`, e.g. "Today's cache TTL"). */
export async function setCacheTtl(page: Scope | Locator, option: '5 minutes' | '1 hour', group_ = 'Cache TTL'): Promise<void> {
	const group = page
		.getByRole('radiogroup', { name: group_, exact: true })
		.or(page.getByRole('group', { name: group_, exact: true }))
		.first();
	const radio = group.getByRole('radio', { name: option, exact: true });
	await radio.check();
	await expect(radio).toBeChecked();
}

/** The savings table, found by its caption. */
export function savingsTable(page: Scope): Locator {
	return page.getByRole('table', { name: 'Stacked savings' });
}

/** One row of the savings table, as the text of its cells (whitespace collapsed). */
export interface SavingsRow {
	/** The lever's name: the row header's text, less any note after the name. */
	lever: string;
	monthlyCost: string;
	saving: string;
	cumulative: string;
	/** Text in the row header after the lever's name (an explanation), or ''. */
	note: string;
}

/** Row names of the savings table, top to bottom (docs/pricing-model.md §6: Today, then one row per lever in the default order). */
export const LEVER_ROWS = ['Today', 'Model routing', 'Prompt caching', 'Batch API', 'Fast mode', 'Token optimization'] as const;
export type LeverRow = (typeof LEVER_ROWS)[number];

/** A row header of the savings table: its text starts with the lever's name (a note may follow). */
export function rowHeader(page: Scope, lever: LeverRow): Locator {
	return savingsTable(page).getByRole('rowheader', { name: new RegExp(`^${lever}\\b`) });
}

/**
 * Reads the 'Stacked savings' table into rows. The lever is the row's header cell (th),
 * split into a known lever name and the note that may follow it; the other values come
 * from the columns whose headers contain 'Monthly cost', 'Saving vs previous' and
 * 'Cumulative saving' (case-insensitive). Throws, naming the headers it found, when a
 * column is missing.
 */
export async function readSavingsTable(page: Scope): Promise<SavingsRow[]> {
	const table = savingsTable(page);
	await expect(table).toBeVisible();
	const rows = await table.evaluate((el) => {
		const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
		const tableEl = el as HTMLTableElement;
		const rows = Array.from(tableEl.rows);
		const headerRow = tableEl.tHead?.rows[0] ?? rows.find((r) => Array.from(r.cells).every((c) => c.tagName === 'TH'));
		if (!headerRow) throw new Error('Stacked savings: no header row (thead or a row of th cells)');

		// Column positions, honouring colspan.
		const headers: string[] = [];
		for (const cell of Array.from(headerRow.cells)) {
			for (let i = 0; i < cell.colSpan; i++) headers.push(text(cell));
		}
		const column = (name: string) => {
			const index = headers.findIndex((h) => h.toLowerCase().includes(name.toLowerCase()));
			if (index < 0) throw new Error(`Stacked savings: no column '${name}'; headers are ${JSON.stringify(headers)}`);
			return index;
		};
		const cost = column('Monthly cost');
		const saving = column('Saving vs previous');
		const cumulative = column('Cumulative saving');

		const bodyRows = tableEl.tBodies.length ? Array.from(tableEl.tBodies).flatMap((b) => Array.from(b.rows)) : rows.filter((r) => r !== headerRow);
		return bodyRows.map((row) => {
			const cells: Element[] = [];
			for (const cell of Array.from(row.cells)) {
				for (let i = 0; i < cell.colSpan; i++) cells.push(cell);
			}
			const rowHeader = row.querySelector('th');
			const at = (i: number) => (cells[i] ? text(cells[i]) : '');
			return {
				header: rowHeader ? text(rowHeader) : '',
				monthlyCost: at(cost),
				saving: at(saving),
				cumulative: at(cumulative)
			};
		});
	});
	return rows.map(({ header, ...cells }) => {
		const lever = LEVER_ROWS.find((name) => header === name || header.startsWith(`${name} `));
		return { lever: lever ?? header, note: lever ? header.slice(lever.length).trim() : '', ...cells };
	});
}

/** The first US-dollar amount in a text ('$13.50', '$1,234', '-$2.00'), or null. */
export function moneyIn(text: string): string | null {
	return /[-−]?\$\d[\d,]*(?:\.\d+)?/.exec(text)?.[0] ?? null;
}

/** The first dollar amount in a text as a number ('$1,234.50' -> 1234.5), or NaN. */
export function parseMoney(text: string): number {
	const money = moneyIn(text);
	if (money === null) return Number.NaN;
	return Number(money.replace(/[$,]/g, '').replace('−', '-'));
}

/** The first percentage in a text as a number ('78.5 %' -> 78.5), or NaN. */
export function parsePercent(text: string): number {
	const match = /([-−]?\d+(?:\.\d+)?)\s?%/.exec(text);
	return match?.[1] ? Number(match[1].replace('−', '-')) : Number.NaN;
}

/**
 * Waits until the Monthly cost column shows these amounts, e.g.
 * `{ Today: '$13.50', 'Batch API': '$6.75' }`, comparing the first dollar amount
 * in each cell as displayed. `Baseline`, version 1's name for the first row, reads the Today
 * row (docs/pricing-model.md §9: "Its first row, Baseline, is Today").
 */
export async function expectMonthlyCosts(page: Scope, expected: Partial<Record<LeverRow | 'Baseline', string>>): Promise<void> {
	await expect
		.poll(async () => {
			const rows = await readSavingsTable(page);
			const shown: Partial<Record<LeverRow | 'Baseline', string | null>> = {};
			for (const key of Object.keys(expected) as (LeverRow | 'Baseline')[]) {
				const lever = key === 'Baseline' ? 'Today' : key;
				const row = rows.find((r) => r.lever === lever);
				shown[key] = row ? moneyIn(row.monthlyCost) : null;
			}
			return shown;
		}, { message: 'Monthly cost column of the Stacked savings table' })
		.toEqual(expected);
}

/** The row named `lever`; fails the test when the table has no such row. */
export function rowOf(rows: readonly SavingsRow[], lever: LeverRow): SavingsRow {
	const row = rows.find((r) => r.lever === lever);
	expect(row, `Stacked savings should have a '${lever}' row; rows are ${rows.map((r) => r.lever).join(', ')}`).toBeDefined();
	return row as SavingsRow;
}

/**
 * A visible warning: an element with an explicit role="alert" or role="status" whose
 * text matches. (A bare <output> also has the implicit role status; it displays values,
 * not warnings, so it is left out.) Assert appearance with `.first()` + toBeVisible and
 * disappearance with toHaveCount(0): a live region that stays but empties counts as gone.
 */
export function notice(page: Page, text: RegExp): Locator {
	return page
		.getByRole('alert')
		.or(page.getByRole('status'))
		.and(page.locator('[role]'))
		.filter({ hasText: text });
}

/** Elements sticking out past the viewport's right edge, described for a failure message. */
export async function overflowingElements(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const found: string[] = [];
		for (const el of Array.from(document.body.querySelectorAll('*'))) {
			const box = el.getBoundingClientRect();
			if (box.width > 0 && box.right > width + 0.5) {
				const id = el.id ? `#${el.id}` : '';
				const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
				found.push(`${el.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(box.right)}px)`);
			}
			if (found.length >= 10) break;
		}
		return found;
	});
}

/** A workload's region, named after the workload. */
export function workload(page: Scope, name: string): Locator {
	return page.getByRole('region', { name, exact: true });
}

/** A labelled switch (a checkbox: 'Prompt caching', 'Caching today', 'Fast mode'...) set on or off, and checked to have taken. */
export async function setSwitch(page: Scope | Locator, label: string, on: boolean): Promise<void> {
	const box = page.getByRole('checkbox', { name: label, exact: true });
	await box.setChecked(on);
	await expect(box, `${label} should be ${on ? 'on' : 'off'}`).toBeChecked({ checked: on });
}

/** Opens a workload's Today line (a disclosure: "Today: all traffic on …, Edit") to show its controls. */
export async function openToday(page: Scope | Locator): Promise<void> {
	const details = page.locator('summary').filter({ hasText: /^\s*Today:/ }).first().locator('xpath=..');
	if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
	await expect(details.getByRole('checkbox', { name: 'Caching today', exact: true })).toBeVisible();
}

/**
 * Waits until the parts out of view have caught up with the last change. When changes come in
 * quick succession (as a test makes them), those parts wait for a 400 ms pause and an idle
 * moment (src/lib/seen.svelte.ts): read them after this, or poll.
 */
export async function settled(page: Page): Promise<void> {
	// After the page's own catch-up: its idle callback (1 s at most) was asked for first.
	await page.evaluate(() => new Promise<void>((done) => setTimeout(() => requestIdleCallback(() => requestAnimationFrame(() => done()), { timeout: 1_100 }), 450)));
}

/** The headline's figures as shown: Today, Planned, the percentage saved and the yearly saving. */
export async function headline(page: Scope): Promise<{ today: string; planned: string; saved: string; yearly: string }> {
	const text = async (id: string) => ((await page.getByTestId(id).textContent()) ?? '').trim();
	return { today: await text('baseline-cost'), planned: await text('optimized-cost'), saved: await text('percent-saved'), yearly: await text('yearly-saving') };
}

/**
 * The query string the first-visit example writes when spelled out in a link (link format 4,
 * docs/scenario.md "Workload links"): only what differs from a new workload on the November
 * 2026 sheet. The page shows the example on the bare address, and rewrites this link to it.
 */
export const EXAMPLE_QUERY =
	'v=4&name=Example:%20support%20triage&w1.n=Support%20triage&w1.req=300000&w1.in=13500&w1.pre=12000&w1.out=800&w1.tok=legacy&w1.mix=sonnet-4-6:100&w1.pcache=5m:90&w1.pbatch=40';

/**
 * Brings the charts in the way a reader does: Chart.js loads when the first chart comes near
 * the viewport (src/lib/charts/chartAttachment.svelte.ts), so this scrolls the first chart
 * into view, waits until every canvas on the page is drawn (the ones out of view are built
 * when the browser is idle), and scrolls back to where the page was.
 */
export async function waitForCharts(page: Page): Promise<void> {
	const scrollY = await page.evaluate(() => window.scrollY);
	await page.locator('figure canvas').first().scrollIntoViewIfNeeded();
	await page.waitForFunction(
		() => {
			const canvases = Array.from(document.querySelectorAll('canvas'));
			return canvases.length > 0 && canvases.every((c) => c.hasAttribute('data-drawn'));
		},
		undefined,
		{ timeout: 10_000 }
	);
	await page.evaluate((y) => window.scrollTo(0, y), scrollY);
}
