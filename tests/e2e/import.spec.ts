/**
 * `Import usage…` on /, as a user does it (docs/usage-import.md "The import dialog"):
 * - pasting two Messages API responses shows their cost at anthropic-2026-11 and the hit
 *   ratio, worked out by hand; `Use as Today` fills the workload and Back returns;
 * - a 50 MB JSON Lines file, made by the test in a temp folder and dropped on the drop zone,
 *   is read with progress while the page stays responsive, and gives the right totals;
 *   nothing leaves the page's origin meanwhile;
 * - a CSV with unknown columns goes through the mapping step (remembered for the session),
 *   an unknown model is mapped to a sheet model, bad lines are named by line and field;
 * - an import can be cancelled.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, gotoCalculator, numberField, readSavingsTable, test } from './helpers';

/**
 * Two Sonnet 4.6 responses (as tests/unit/import/pastedResponses.ts). On anthropic-2026-11
 * ($3 in, $3.75 5-minute write, $0.30 read, $15 out per MTok):
 *   (1,000 x 3 + 2,000 x 3.75 + 500 x 15) / 1e6 = $0.018
 *   (1,000 x 3 + 2,000 x 0.30 + 500 x 15) / 1e6 = $0.0111      total $0.0291
 *   hit ratio = 2,000 read / (2,000 read + 2,000 written) = 50.0 %
 */
const TWO_RESPONSES = [
	'{"id":"msg_a","type":"message","model":"claude-sonnet-4-6","usage":{"input_tokens":1000,"output_tokens":500,"cache_creation_input_tokens":2000,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":2000,"ephemeral_1h_input_tokens":0}}}',
	'{"id":"msg_b","type":"message","model":"claude-sonnet-4-6","usage":{"input_tokens":1000,"output_tokens":500,"cache_creation_input_tokens":0,"cache_read_input_tokens":2000}}'
].join('\n');

/**
 * The big file: LINES Sonnet 4.6 responses of LINE_BYTES bytes each (a padded text block),
 * every 10th writing a 5,000-token prefix, the others reading it; 1,200 uncached in, 300 out.
 *   a read:  (1,200 x 3 + 5,000 x 0.30 + 300 x 15) / 1e6 = $0.0096
 *   a write: (1,200 x 3 + 5,000 x 3.75 + 300 x 15) / 1e6 = $0.02685
 *   total = 4,000 x (9 x 0.0096 + 0.02685) = 4,000 x 0.11325 = $453
 *   hit ratio = 36,000 x 5,000 / (40,000 x 5,000) = 90.0 %
 */
const LINES = 40_000;
const LINE_BYTES = 1311; // 40,000 x 1,311 = 52,440,000 bytes: over 50 MiB
const BIG_TOTAL = '$453';

function writeBigFile(dir: string): string {
	const path = join(dir, 'usage-50mb.jsonl');
	const lines: string[] = [];
	for (let i = 0; i < LINES; i++) {
		const write = i % 10 === 0;
		const usage = write
			? '"input_tokens":1200,"output_tokens":300,"cache_creation_input_tokens":5000,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":5000,"ephemeral_1h_input_tokens":0}'
			: '"input_tokens":1200,"output_tokens":300,"cache_creation_input_tokens":0,"cache_read_input_tokens":5000,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0}';
		const head = `{"id":"msg_${String(i).padStart(8, '0')}","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[{"type":"text","text":"`;
		const tail = `"}],"stop_reason":"end_turn","usage":{${usage},"service_tier":"standard"}}`;
		const pad = LINE_BYTES - 1 - head.length - tail.length;
		lines.push(`${head}${'lorem ipsum '.repeat(Math.ceil(pad / 12)).slice(0, pad)}${tail}`);
	}
	const text = `${lines.join('\n')}\n`;
	if (text.length !== LINES * LINE_BYTES) throw new Error(`the big file is ${text.length} bytes, not ${LINES * LINE_BYTES}`);
	writeFileSync(path, text);
	return path;
}

/** Every request and WebSocket of the context, by URL (as tests/e2e/network.spec.ts). */
function recordTraffic(context: BrowserContext): string[] {
	const urls: string[] = [];
	context.on('request', (request) => urls.push(request.url()));
	context.on('page', (page) => page.on('websocket', (ws) => urls.push(ws.url())));
	for (const page of context.pages()) page.on('websocket', (ws) => urls.push(ws.url()));
	return urls;
}

/** URLs that leave the page's origin (data: and blob: never leave the page). */
function foreign(urls: readonly string[], origin: string): string[] {
	return urls.filter((url) => {
		const u = new URL(url);
		if (u.protocol === 'data:' || u.protocol === 'blob:') return false;
		return u.origin !== origin;
	});
}

async function openImport(page: Page): Promise<Locator> {
	await page.getByRole('button', { name: 'Import usage…', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Import usage' });
	await expect(dialog).toBeVisible();
	return dialog;
}

async function paste(dialog: Locator, text: string): Promise<void> {
	await dialog.getByRole('textbox', { name: 'Usage data', exact: true }).fill(text);
	await dialog.getByRole('button', { name: 'Import pasted data', exact: true }).click();
}

/** Drops files from disk on the drop zone, as a drag from the desktop does (a DataTransfer of File objects). */
async function dropFiles(page: Page, dialog: Locator, paths: string[]): Promise<void> {
	const input = await dialog.evaluateHandle((d) => {
		const i = document.createElement('input');
		i.type = 'file';
		i.multiple = true;
		i.hidden = true;
		d.append(i);
		return i;
	});
	await input.setInputFiles(paths);
	await dialog.getByRole('group', { name: 'Drop usage files here' }).evaluate((zone, i) => {
		const data = new DataTransfer();
		for (const f of Array.from((i as HTMLInputElement).files ?? [])) data.items.add(f);
		(i as HTMLInputElement).remove();
		for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
	}, input);
}

/** Waits until the number field labelled `label` shows `n` (with or without thousands separators). */
async function expectField(page: Page, label: string, n: number): Promise<void> {
	const field = numberField(page, label);
	await expect.poll(async () => Number((await field.inputValue()).replace(/[,\s\u00a0\u202f]/g, '')), { message: `${label} shows ${n}` }).toBe(n);
}

/** The cells of a table row, one space between them, whitespace collapsed. */
async function rowText(row: Locator): Promise<string> {
	const cells = await row.locator('th, td').allTextContents();
	return cells
		.map((c) => c.replace(/\s+/g, ' ').trim())
		.join(' ')
		.trim();
}

test.describe('Import usage', () => {
	test('two pasted Messages API responses: $0.0291 at anthropic-2026-11, hit ratio 50.0 %; Use as Today fills the workload, Back returns', async ({
		page
	}) => {
		await gotoCalculator(page);
		await expectField(page, 'Requests per month', 300_000);
		const dialog = await openImport(page);
		await paste(dialog, TWO_RESPONSES);

		const usage = dialog.getByRole('table', { name: 'Imported usage' });
		await expect(usage).toBeVisible();
		const row = usage.getByRole('row', { name: /^Sonnet 4\.6/ });
		const text = await rowText(row);
		expect(text).toContain('standard standard 2 2,000 2,000 0 2,000 1,000 0 50.0 % $0.0291');
		expect(await rowText(usage.getByRole('row', { name: /^Total/ }))).toContain('50.0 % $0.0291');
		// Averages per request: (2,000 + 2,000 + 2,000) / 2 = 3,000 prompt tokens, 500 out, $0.01455 each.
		expect(await rowText(dialog.getByRole('table', { name: 'Averages per request' }).getByRole('row', { name: /^Sonnet 4\.6/ }))).toContain(
			'3,000 1,000 1,000 1,000 500 0 $0.01455'
		);
		// Nothing of the scenario changed yet.
		await expect(dialog.getByText('the data has no dates, so its 2 requests are taken as one month')).toBeVisible();

		await dialog.getByRole('button', { name: 'Use as Today', exact: true }).click();
		await expect(dialog).toBeHidden();
		await expectField(page, 'Requests per month', 2);
		await expectField(page, 'Input tokens per request', 3_000);
		await expectField(page, 'Cached prefix tokens', 2_000);
		await expectField(page, 'Output tokens per request', 500);
		await expect(page.locator('summary', { hasText: /^Today: all traffic on Sonnet 4\.6, 5-minute caching at 50 %, no batch/ })).toBeVisible();
		await expectField(page, 'Cache hit ratio', 50); // Planned, equal to Today
		await expect(page.getByRole('alert').filter({ hasText: 'Today now comes from the imported usage' })).toContainText('taken as one month');
		// Planned equals Today: the savings table starts from the real bill, $0.0291 a month ($0.03).
		const rows = await readSavingsTable(page);
		expect(rows[0]?.monthlyCost).toContain('$0.03');

		await page.goBack();
		await expectField(page, 'Requests per month', 300_000);
	});

	test('a 50 MB JSON Lines file dropped on the drop zone: progress, the totals, a responsive page, nothing leaves the origin', async ({
		page,
		context,
		baseURL
	}, testInfo) => {
		test.setTimeout(120_000);
		const dir = mkdtempSync(join(tmpdir(), 'ccl-import-'));
		try {
			const path = writeBigFile(dir);
			const urls = recordTraffic(context);
			await gotoCalculator(page);
			const dialog = await openImport(page);

			// Watch, every frame while the import runs (its Cancel button shows): the longest gap
			// between two frames, and the progress bar's values. (After it, Playwright's trace
			// snapshots of the results' DOM cost frames of their own: not the import's.)
			await page.evaluate(() => {
				const w = window as unknown as { __watch: { maxGap: number; last: number; on: boolean; partial: number; values: number[] } };
				w.__watch = { maxGap: 0, last: performance.now(), on: true, partial: 0, values: [] };
				const frame = (t: number) => {
					const s = w.__watch;
					const running = [...document.querySelectorAll('dialog button')].some((b) => b.textContent === 'Cancel import');
					if (running) s.maxGap = Math.max(s.maxGap, t - s.last);
					s.last = t;
					const bar = document.querySelector('dialog progress') as HTMLProgressElement | null;
					if (bar && bar.value > 0 && bar.value < bar.max) {
						s.partial++;
						if (s.values.at(-1) !== bar.value) s.values.push(bar.value);
					}
					if (s.on) requestAnimationFrame(frame);
				};
				requestAnimationFrame(frame);
			});

			// Typing into another field while the worker reads: each key shows at once. In the page,
			// each keydown is timed to the frame after it, and marked if the import was running then.
			// The typing starts just before the drop and goes on after it, so it spans the import.
			const field = dialog.getByRole('textbox', { name: 'Usage data', exact: true });
			await field.evaluate((el) => {
				const keys: { ms: number; running: boolean }[] = [];
				(window as unknown as { __keys: typeof keys }).__keys = keys;
				el.addEventListener('keydown', (e) => {
					const running = [...document.querySelectorAll('dialog button')].some((b) => b.textContent === 'Cancel import');
					requestAnimationFrame(() => setTimeout(() => keys.push({ ms: performance.now() - e.timeStamp, running }), 0));
				});
			});
			const words = 'typing into this field while the worker reads the file';
			await field.focus();
			const typing = field.pressSequentially(words, { delay: 20 });
			await dropFiles(page, dialog, [path]);
			await expect(dialog.getByRole('progressbar', { name: 'Read of usage-50mb.jsonl' })).toBeVisible();
			await typing;
			await expect(field).toHaveValue(words);

			const usage = dialog.getByRole('table', { name: 'Imported usage' });
			await expect(usage).toBeVisible({ timeout: 90_000 });
			const watch = await page.evaluate(() => {
				const w = window as unknown as { __watch: { maxGap: number; on: boolean; partial: number; values: number[] } };
				w.__watch.on = false;
				return w.__watch;
			});
			const keys = await page.evaluate(() => (window as unknown as { __keys: { ms: number; running: boolean }[] }).__keys);
			const duringImport = keys.filter((k) => k.running);
			const slowestKey = Math.max(...duringImport.map((k) => k.ms));

			const total = await rowText(usage.getByRole('row', { name: /^Total/ }));
			// 40,000 requests; 4,000 x 5,000 written, 36,000 x 5,000 read; 90.0 %; $453.
			expect(total).toBe(`Total 40,000 48,000,000 20,000,000 0 180,000,000 12,000,000 0 90.0 % ${BIG_TOTAL} —`);
			await expect(dialog.getByText('Messages API responses: 40,000 records read')).toBeVisible();
			const took = (await dialog.getByText(/^Read 1 file, 52\.4 MB in/).textContent()) ?? '';
			const rate = Number(/\(([\d.]+) MB\/s\)/.exec(took)?.[1]);
			const responsiveness = `longest gap between frames during the import ${Math.round(watch.maxGap)} ms; ${duringImport.length} keys typed during the import, the slowest shown ${Math.round(slowestKey)} ms after its keydown; ${watch.values.length} part-way progress values`;
			testInfo.annotations.push({ type: 'import throughput', description: took }, { type: 'responsiveness', description: responsiveness });
			console.log(`[import] ${took} ${responsiveness}`);

			expect(rate).toBeGreaterThan(0);
			// Progress was shown part-way (the bar between empty and full), more than once.
			expect(watch.values.length, 'distinct part-way progress values seen').toBeGreaterThan(1);
			// The main thread never froze: reading the file on it would stall the frames for about
			// as long as the import takes. In the worker, no gap comes near that, however busy the
			// machine (the limit: half the import's time, and never under 250 ms).
			const importMs = Number(/ in ([\d.]+) s/.exec(took)?.[1]) * 1000;
			const limit = Math.max(250, importMs / 2);
			expect(watch.maxGap, 'longest gap between two frames during the import, ms').toBeLessThan(limit);
			expect(duringImport.length, 'keys typed while the import ran').toBeGreaterThan(0);
			expect(slowestKey, 'slowest key typed during the import, keydown to its frame, ms').toBeLessThan(limit);

			expect(foreign(urls, new URL(baseURL ?? 'http://127.0.0.1').origin), 'requests to another origin').toEqual([]);
			expect(urls.some((u) => /\/workers\//.test(u)), 'the worker script came from the site').toBe(true);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('Cancel import stops reading, and nothing changes', async ({ page }) => {
		test.setTimeout(120_000);
		const dir = mkdtempSync(join(tmpdir(), 'ccl-import-'));
		try {
			const path = writeBigFile(dir);
			await gotoCalculator(page);
			const dialog = await openImport(page);
			await dropFiles(page, dialog, [path, path, path]);
			await dialog.getByRole('button', { name: 'Cancel import', exact: true }).click();
			await expect(dialog.getByRole('status').filter({ hasText: 'Import cancelled. Nothing was changed.' })).toBeVisible();
			await expect(dialog.getByRole('button', { name: 'Cancel import', exact: true })).toHaveCount(0);
			await expect(dialog.getByRole('table', { name: 'Imported usage' })).toHaveCount(0);
			await dialog.getByRole('button', { name: 'Close', exact: true }).click();
			await expectField(page, 'Requests per month', 300_000);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('a CSV with unknown columns: map them, import again, computed against actual; the mapping is remembered for the session', async ({ page }) => {
		// 2 requests of 2,000 in and 500 out on Sonnet 4.6: (2,000 x 3 + 500 x 15) / 1e6 = $0.0135 each, $0.027;
		// billed $0.015 each, $0.03: difference -$0.003, -10.0 %.
		const csv = ['When;Which model;Tokens in;Tokens out;Spent;Request', '2026-11-01T10:00:00Z;claude-sonnet-4-6;2000;500;0.015;r1', '2026-11-01T11:00:00Z;claude-sonnet-4-6;2000;500;0.015;r2'].join(
			'\n'
		);
		await gotoCalculator(page);
		let dialog = await openImport(page);
		await paste(dialog, csv);
		await expect(dialog.getByText('columns were not recognised')).toBeVisible();
		for (const [column, label] of [
			['When', 'Date or start time'],
			['Which model', 'Model'],
			['Tokens in', 'Input tokens (uncached)'],
			['Tokens out', 'Output tokens'],
			['Spent', 'Cost in US dollars'],
			['Request', 'Request id (one request per row)']
		]) {
			await dialog.getByRole('combobox', { name: column, exact: true }).selectOption({ label });
		}
		await dialog.getByRole('button', { name: 'Import again with this mapping', exact: true }).click();
		const reconciliation = dialog.getByRole('table', { name: 'Computed against actual cost' });
		await expect(reconciliation).toBeVisible();
		expect(await rowText(reconciliation.getByRole('row', { name: /^Total/ }))).toBe('Total $0.027 $0.03 -$0.003 -10.0 %');
		await expect(dialog.getByText('columns were not recognised')).toHaveCount(0);

		// Closed and opened again, the same CSV reads at once: the mapping is remembered.
		await dialog.getByRole('button', { name: 'Close', exact: true }).click();
		dialog = await openImport(page);
		await paste(dialog, csv);
		await expect(dialog.getByRole('table', { name: 'Computed against actual cost' })).toBeVisible();
		await expect(dialog.getByText('columns were not recognised')).toHaveCount(0);
		expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['claude-cost-levers:import-csv-mapping']);
	});

	test('an unknown model is listed and priced once mapped; a partly bad file keeps its good lines and names the bad ones', async ({ page }) => {
		const text = [
			'{"model":"gpt-4o","usage":{"input_tokens":2000,"output_tokens":500}}',
			'{"model":"claude-sonnet-4-6","usage":{"input_tokens":2000}}',
			'<b>not json</b>',
			'{"model":"claude-sonnet-4-6","usage":{"input_tokens":2000,"output_tokens":500}}'
		].join('\n');
		await gotoCalculator(page);
		const dialog = await openImport(page);
		await paste(dialog, text);
		const usage = dialog.getByRole('table', { name: 'Imported usage' });
		await expect(usage).toBeVisible();
		expect(await rowText(usage.getByRole('row', { name: /^gpt-4o/ }))).toContain('not priced');
		// Only the Sonnet 4.6 line is priced: (2,000 x 3 + 500 x 15) / 1e6 = $0.0135.
		expect(await rowText(usage.getByRole('row', { name: /^Total/ }))).toContain('$0.0135');

		await dialog.getByRole('combobox', { name: 'Price gpt-4o as', exact: true }).selectOption({ label: 'Sonnet 4.6' });
		// Now both: $0.027.
		await expect(usage.getByRole('row', { name: /^Total/ })).toContainText('$0.027');

		const files = dialog.getByRole('region', { name: 'Files read' });
		await expect(files).toContainText('Messages API responses: 2 records read, 2 skipped');
		await expect(files).toContainText('Pasted data, line 2, field usage.output_tokens');
		await expect(files).toContainText('Pasted data, line 3');
		// The bad line is quoted as text, never rendered.
		await expect(dialog.locator('b')).toHaveCount(0);
	});

	for (const [theme, viewport] of [
		['light', { width: 360, height: 740 }],
		['dark', { width: 1280, height: 800 }]
	] as const) {
		test(`axe: the dialog with every part shown, ${theme} theme, ${viewport.width} px: no violations`, async ({ page }, testInfo) => {
			await page.setViewportSize(viewport);
			await page.emulateMedia({ colorScheme: theme });
			await gotoCalculator(page);
			const dialog = await openImport(page);
			// A CSV with an unknown column and an unknown model, and a bad row: the mapping step,
			// the model mapping, the problems, the results and Use as Today all show.
			await paste(dialog, ['model,input tokens,output tokens,requestId,Colour', 'claude-sonnet-4-6,2000,500,r1,red', 'gpt-4o,100,10,r2,blue', 'claude-sonnet-4-6,lots,5,r3,green'].join('\n'));
			await expect(dialog.getByRole('table', { name: 'Imported usage' })).toBeVisible();
			await expect(dialog.getByRole('combobox', { name: 'Colour', exact: true })).toBeVisible();
			await expect(dialog.getByRole('combobox', { name: 'Price gpt-4o as', exact: true })).toBeVisible();
			await expect(dialog.getByRole('button', { name: 'Use as Today', exact: true })).toBeVisible();
			const results = await new AxeBuilder({ page }).include('dialog').analyze();
			const report = results.violations.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
			if (report.length) await testInfo.attach('axe-import-dialog.json', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
			expect(report, 'axe violations in the Import usage dialog').toEqual([]);
			expect(results.passes.length, 'axe ran its rules').toBeGreaterThan(10);
		});
	}
});
