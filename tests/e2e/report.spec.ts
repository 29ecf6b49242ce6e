/**
 * Plan and present: the forecast, Download CSV / Copy table / Download PNG, the printed
 * report (page.pdf in Chromium), the Report view, the read-only embed's assumptions, and the
 * scenario's name and notes. Against the built site, on the first-visit example
 * (docs/pricing-model.md §11.5: Today $15,750, Planned $5,817.60 a month).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Download, Locator, Page } from '@playwright/test';
import { csvParseRows, tsvParseRows } from 'd3-dsv';
import { expect, gotoCalculator, parseMoney, readSavingsTable, test, waitForCharts } from './helpers';

const BUTTON_TEXTS = ['Download CSV', 'Copy table', 'Download PNG', 'Show data table', 'Copy link', 'Download scenario', 'Open scenario', 'Report view', 'Add workload', 'Reset'];
const INPUT_LABELS = ['Scenario name', 'Requests per month', 'Monthly growth', 'Forecast horizon', 'Start month', 'Price sheet', 'Charts and explanations for', 'Lever order'];

/** The export buttons of one table (the group "Export <table>"). */
function exportGroup(page: Page, table: string): Locator {
	return page.getByRole('group', { name: `Export ${table}`, exact: true });
}

async function downloadText(download: Download): Promise<string> {
	return readFileSync(await download.path(), 'utf8');
}

/** CSV text as rows (the BOM and the CRLF row ends of RFC 4180 handled). */
function parseCsv(text: string): string[][] {
	expect(text.startsWith('\uFEFF'), 'the CSV starts with a UTF-8 BOM').toBe(true);
	expect(text.endsWith('\r\n'), 'rows end with CRLF').toBe(true);
	return csvParseRows(text.slice(1, -2).replace(/\r\n/g, '\n'));
}

/** The page rounds to cents below $100 and to dollars from $100 (src/lib/format.ts formatMoney). */
function shownAs(n: number): number {
	return Math.abs(n) < 100 ? Math.round(n * 100) / 100 : Math.round(n);
}

/** The forecast section has loaded (after the first paint). */
async function forecastReady(page: Page): Promise<void> {
	await expect(page.getByRole('table', { name: 'Forecast by month' })).toBeVisible();
}

test.describe('Download CSV and Copy table', () => {
	test('the savings CSV parses back to the figures of the table, as raw numbers', async ({ page }) => {
		await gotoCalculator(page);
		const [download] = await Promise.all([page.waitForEvent('download'), exportGroup(page, 'Stacked savings').getByRole('button', { name: 'Download CSV' }).click()]);
		expect(download.suggestedFilename()).toBe('claude-cost-levers-stacked-savings.csv');
		const [header, ...rows] = parseCsv(await downloadText(download));
		expect(header).toEqual(['Lever', 'Monthly cost (USD)', 'Saving vs previous (USD)', 'Saving vs previous (%)', 'Cumulative saving (USD)', 'Cumulative saving (%)']);

		const shown = await readSavingsTable(page);
		// The page's row header is the lever's name, maybe followed by a reason.
		expect(shown.map((r, i) => r.lever === rows[i]?.[0] || r.lever.startsWith(`${rows[i]?.[0]} `))).toEqual(shown.map(() => true));
		expect(rows).toHaveLength(shown.length);
		for (const [i, row] of rows.entries()) {
			for (const cell of row.slice(1)) expect(cell, 'a number cell holds a plain number or nothing').toMatch(/^(-?\d+(\.\d+)?)?$/);
			const page = shown[i]!;
			expect(shownAs(Number(row[1])), `${row[0]}: monthly cost`).toBe(parseMoney(page.monthlyCost));
			if (i > 0) expect(shownAs(Number(row[4])), `${row[0]}: cumulative saving`).toBe(parseMoney(page.cumulative));
		}
		// §11.5 by hand.
		expect(Number(rows[0]![1])).toBeCloseTo(15750, 6);
		expect(Number(rows.at(-1)![1])).toBeCloseTo(5817.6, 6);
	});

	test('the per-model CSV and the forecast CSV hold the page\'s figures', async ({ page }) => {
		await gotoCalculator(page);
		const [models] = await Promise.all([page.waitForEvent('download'), exportGroup(page, 'Per model').getByRole('button', { name: 'Download CSV' }).click()]);
		const [mh, ...mrows] = parseCsv(await downloadText(models));
		expect(mh).toEqual(['Model', 'Model id', 'Today (USD a month)', 'Planned (USD a month)', 'Change (USD a month)']);
		expect(mrows.map((r) => r.slice(0, 2))).toEqual([
			['Total', ''],
			['Sonnet 4.6', 'sonnet-4-6']
		]);

		await forecastReady(page);
		const [fc] = await Promise.all([page.waitForEvent('download'), exportGroup(page, 'Forecast').getByRole('button', { name: 'Download CSV' }).click()]);
		const [, ...frows] = parseCsv(await downloadText(fc));
		const months = frows.filter((r) => r[0] === 'month');
		expect(months).toHaveLength(12);
		const total = frows.find((r) => r[0] === 'total')!;
		expect(Number(total[2])).toBeCloseTo(15750 * 12, 6); // no growth by default
		const firstRow = page.getByRole('table', { name: 'Forecast by month' }).getByRole('row').nth(1);
		await expect(firstRow.getByRole('cell').first()).toHaveText(`$${shownAs(Number(months[0]![2])).toLocaleString('en-US')}`);
	});

	test('Copy table puts tab-separated raw numbers on the clipboard', async ({ page, context, baseURL }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
		await gotoCalculator(page);
		await exportGroup(page, 'Stacked savings').getByRole('button', { name: 'Copy table' }).click();
		await expect(exportGroup(page, 'Stacked savings').getByRole('status')).toHaveText(/copied/);
		const rows = tsvParseRows(await page.evaluate(() => navigator.clipboard.readText()));
		expect(rows[0]?.[1]).toBe('Monthly cost (USD)');
		expect(rows[1]).toEqual(['Today', '15750', '', '', '', '']);
	});
});

test('Download PNG draws the title, the chart and the caption into a sizeable, non-blank image', async ({ page }) => {
	await gotoCalculator(page);
	const figure = page.getByRole('figure', { name: /^Savings waterfall/ });
	const canvas = figure.locator('canvas');
	// Chart.js has not loaded (no chart has come near the viewport): Download PNG brings it.
	expect(await canvas.evaluate((c) => '$chartjs' in c)).toBe(false);
	const box = (await canvas.boundingBox())!;
	const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Download PNG' }).click()]);
	expect(download.suggestedFilename()).toBe('claude-cost-levers-savings-waterfall-support-triage.png');
	const png = readFileSync(await download.path());
	expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	const width = png.readUInt32BE(16);
	const height = png.readUInt32BE(20);
	const dpr = await page.evaluate(() => window.devicePixelRatio);
	// The chart plus 24 px of padding each side; above it the title, below it the caption.
	expect(width).toBe(Math.ceil((box.width + 48) * dpr));
	expect(height).toBeGreaterThan((box.height + 48 + 24 + 20) * dpr);

	const stats = await page.evaluate(async (base64) => {
		const img = new Image();
		img.src = `data:image/png;base64,${base64}`;
		await img.decode();
		const c = document.createElement('canvas');
		c.width = img.width;
		c.height = img.height;
		const ctx = c.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		const data = ctx.getImageData(0, 0, c.width, c.height).data;
		const bg = [data[0], data[1], data[2]];
		let differs = 0;
		let titleInk = 0;
		const colours = new Set<number>();
		for (let i = 0; i < data.length; i += 4) {
			const off = Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!) > 60;
			if (off) differs++;
			if (off && i / 4 < c.width * 48 * (c.width / img.naturalWidth)) titleInk++;
			colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
		}
		return { differs, share: differs / (data.length / 4), titleInk, colours: colours.size };
	}, png.toString('base64'));
	expect(stats.share, 'some of the image is drawn').toBeGreaterThan(0.02);
	expect(stats.titleInk, 'the title is drawn at the top').toBeGreaterThan(100);
	expect(stats.colours, 'bars, text and background: many colours').toBeGreaterThan(20);
});

// ---------------------------------------------------------------------------------------
// The printed report

/**
 * The text of a PDF: pdftotext (apt's poppler-utils) when installed, else a small reader of
 * Chromium's PDFs (REPORT_PDF_TEXT=builtin forces the small reader, to check it).
 */
function pdfText(pdf: Buffer, path: string): string {
	if (process.env.REPORT_PDF_TEXT !== 'builtin') {
		try {
			return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
		} catch {
			// not installed: the small reader below
		}
	}
	return readPdfText(pdf);
}

/**
 * A minimal text reader for the PDFs Chromium (Skia) writes: inflate every stream, map each
 * font name to its ToUnicode CMap, decode the hex strings of Tj and TJ in the font in force.
 * Enough to look words up (compare without whitespace); not a general PDF parser.
 */
function readPdfText(pdf: Buffer): string {
	const latin = pdf.toString('latin1');
	const objects = new Map<number, { dict: string; stream: string | null }>();
	const objectRe = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
	for (let m = objectRe.exec(latin); m; m = objectRe.exec(latin)) {
		const body = m[2]!;
		const s = body.indexOf('stream');
		let stream: string | null = null;
		let dict = body;
		if (s >= 0) {
			dict = body.slice(0, s);
			const start = m.index + m[0].indexOf(body) + s + 'stream'.length + (body[s + 6] === '\r' ? 2 : 1);
			const end = latin.indexOf('endstream', start);
			const raw = pdf.subarray(start, end);
			try {
				stream = /FlateDecode/.test(dict) ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
			} catch {
				stream = null;
			}
		}
		objects.set(Number(m[1]), { dict, stream });
	}
	const cmapOf = (id: number) => {
		const map = new Map<string, string>();
		const text = objects.get(id)?.stream ?? '';
		const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
		for (const block of text.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
			for (const [, src, dst] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(src!.toUpperCase(), hex(dst!));
		}
		for (const block of text.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
			for (const [, lo, hi, dst] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
				const a = parseInt(lo!, 16);
				const b = parseInt(hi!, 16);
				const d = parseInt(dst!, 16);
				for (let c = a; c <= b; c++) map.set(c.toString(16).toUpperCase().padStart(lo!.length, '0'), String.fromCodePoint(d + c - a));
			}
		}
		return map;
	};
	const fonts = new Map<string, Map<string, string>>();
	for (const { dict } of objects.values()) {
		const block = /\/Font\s*<<([\s\S]*?)>>/.exec(dict)?.[1];
		if (!block) continue;
		for (const [, name, ref] of block.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
			const unicode = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(Number(ref))?.dict ?? '')?.[1];
			if (unicode) fonts.set(name!, cmapOf(Number(unicode)));
		}
	}
	let out = '';
	for (const { stream } of objects.values()) {
		if (!stream || !/\bTf\b/.test(stream)) continue;
		let font: Map<string, string> | undefined;
		const opRe = /\/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[([^\]]*)\]\s*TJ|\b(T\*|Td|TD|Tm|ET)\b/g;
		for (let m = opRe.exec(stream); m; m = opRe.exec(stream)) {
			if (m[1]) font = fonts.get(m[1]);
			else if (m[4]) out += '\n';
			else {
				const strings = m[2] !== undefined ? [m[2]] : [...(m[3] ?? '').matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => x[1]!);
				for (const h of strings) for (const code of h.toUpperCase().match(/.{4}/g) ?? []) out += font?.get(code) ?? '';
			}
		}
	}
	// Ligatures ("ﬁ") as their letters, as pdftotext writes them.
	return out.normalize('NFKC');
}

/** Pages of a Chromium PDF: its /Type /Page objects. */
function pageCount(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

const squash = (s: string) => s.replace(/\s+/g, '');

test.describe('the printed report', () => {
	for (const format of ['A4', 'Letter'] as const) {
		test(`prints on ${format}: name, notes, date, sheet and figures, no inputs or buttons`, async ({ page }, testInfo) => {
			await gotoCalculator(page);
			await page.getByRole('textbox', { name: 'Notes', exact: true }).fill('Budget for 2027; ask finance.');
			await forecastReady(page);
			// Every chart drawn before printing (Chart.js loads when a chart comes near the viewport).
			await waitForCharts(page);
			const charts = await page.locator('canvas').count();

			const path = testInfo.outputPath(`report-${format}.pdf`);
			const pdf = await page.pdf({ path, format, printBackground: true });
			await testInfo.attach(`report-${format}.pdf`, { path, contentType: 'application/pdf' });
			const pages = pageCount(pdf);
			expect(pages, 'a short report: a few pages').toBeGreaterThanOrEqual(2);
			expect(pages).toBeLessThanOrEqual(8);
			const text = squash(pdfText(pdf, path));
			// Chromium prints a canvas as vector drawing: every chart's axis titles are in the text.
			expect(text.split(squash('Monthly cost (USD)')).length - 1, 'the waterfall and the forecast chart').toBeGreaterThanOrEqual(2);
			for (const axis of ['Cost per request (USD)', 'Cumulative cost (USD)', 'Cache hit ratio (%)']) expect(text).toContain(squash(axis));
			expect(charts).toBe(4);
			const now = await page.evaluate(() => {
				const d = new Date();
				return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
			});
			for (const needle of [
				'Example: support triage',
				'Budget for 2027; ask finance.',
				now,
				'Prices: Anthropic list prices 2026-11, as of 2026-11-26',
				'Source: https://platform.claude.com/docs/en/about-claude/pricing',
				'Assumptions',
				'Today: all traffic on Sonnet 4.6, no caching, no batch',
				'Stacked savings',
				'Per model',
				'Savings waterfall',
				'Forecast by quarter'
			]) {
				expect(text, `the report shows "${needle}"`).toContain(squash(needle));
			}
			for (const words of [...BUTTON_TEXTS, ...INPUT_LABELS]) expect(text, `no control "${words}" on paper`).not.toContain(squash(words));
		});
	}

	test('tables and charts fit the width of A4 and Letter paper', async ({ page }) => {
		await gotoCalculator(page);
		await forecastReady(page);
		await page.emulateMedia({ media: 'print' });
		// The printable width at 12 mm side margins: A4 186 mm = 703 px; Letter 191.9 mm = 725 px.
		for (const width of [703, 725]) {
			await page.setViewportSize({ width, height: 1000 });
			const wide = await page.evaluate(() =>
				[...document.querySelectorAll('table, figure, .chart-box')]
					.filter((el) => el.getBoundingClientRect().width > 0)
					.filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 || el.scrollWidth > el.clientWidth + 1)
					.map((el) => el.tagName + (el.querySelector('caption')?.textContent ?? ''))
			);
			expect(wide, `at ${width} px`).toEqual([]);
			// Every table and chart stands apart from the one above it (1rem, src/app.css), in the
			// parts of the page that hydrate on their own too (src/lib/components/Later.svelte).
			const touching = await page.evaluate(() => {
				const blocks = [...document.querySelectorAll('.results [role="region"], .results figure')]
					.map((el) => ({ name: el.getAttribute('aria-label') ?? el.querySelector('.chart-title')?.textContent ?? el.tagName, box: el.getBoundingClientRect() }))
					.filter((b) => b.box.height > 0)
					.sort((a, b) => a.box.top - b.box.top);
				return blocks.slice(1).flatMap((b, i) => (b.box.top - blocks[i]!.box.bottom < 8 ? [`${blocks[i]!.name} / ${b.name}`] : []));
			});
			expect(touching, `at ${width} px`).toEqual([]);
			await expect(page.getByRole('button', { name: 'Download CSV' }).first()).toBeHidden();
			await expect(page.getByRole('heading', { name: 'Assumptions' })).toBeVisible();
		}
	});

	test('charts redraw at print resolution before printing', async ({ page }) => {
		await gotoCalculator(page);
		const canvas = page.getByRole('figure', { name: /^Savings waterfall/ }).locator('canvas');
		await waitForCharts(page);
		const before = await canvas.evaluate((c: HTMLCanvasElement) => c.width / c.clientWidth);
		const during = await page.evaluate(() => {
			dispatchEvent(new Event('beforeprint'));
			const c = document.querySelector('figure canvas') as HTMLCanvasElement;
			const ratio = c.width / c.clientWidth;
			dispatchEvent(new Event('afterprint'));
			return ratio;
		});
		expect(during).toBeCloseTo(Math.max(2, before), 1);
		expect(await canvas.evaluate((c: HTMLCanvasElement) => c.width / c.clientWidth)).toBeCloseTo(before, 1);
	});
});

// ---------------------------------------------------------------------------------------
// Forecast, name and notes, report views

test('forecast settings travel in the link and the retirement inside the horizon is warned about', async ({ page }) => {
	await gotoCalculator(page, '/?v=4&w1.mix=opus-4-5:100&w1.req=1000');
	await forecastReady(page);
	await page.getByRole('spinbutton', { name: 'Monthly growth', exact: true }).fill('10');
	await page.getByRole('spinbutton', { name: 'Monthly growth', exact: true }).blur();
	await page.getByRole('spinbutton', { name: 'Forecast horizon', exact: true }).fill('3');
	await page.getByRole('spinbutton', { name: 'Forecast horizon', exact: true }).blur();
	await page.getByLabel('Start month', { exact: true }).fill('2026-12');
	await page.getByLabel('Start month', { exact: true }).blur();

	const months = page.getByRole('table', { name: 'Forecast by month' }).getByRole('rowheader');
	await expect(months).toHaveText(['December 2026', 'January 2027', 'February 2027']);
	await expect(page).toHaveURL(/[?&]start=2026-12&months=3&growth=10(&|$)/);
	await expect(page.getByRole('note', { name: 'Models retiring inside the forecast' })).toHaveText(
		'Opus 4.5 retires on 22 January 2027, inside the forecast: the price sheet suggests moving to Opus 5.5; the forecast keeps pricing Opus 4.5.'
	);
	await expect(page.getByRole('figure', { name: 'Forecast: Today and Planned by month' }).locator('.chart-caption')).toContainText('Opus 4.5 retires in January 2027');

	// Today grows 10 % a month: the second month is 1.1 times the first.
	const cells = page.getByRole('table', { name: 'Forecast by month' }).getByRole('row');
	const first = parseMoney((await cells.nth(1).getByRole('cell').first().textContent()) ?? '');
	const second = parseMoney((await cells.nth(2).getByRole('cell').first().textContent()) ?? '');
	expect(second / first).toBeCloseTo(1.1, 2);

	await page.reload();
	await forecastReady(page);
	await expect(months).toHaveText(['December 2026', 'January 2027', 'February 2027']);
});

test('the name and notes are plain text in the link, the report and the print', async ({ page }) => {
	await gotoCalculator(page);
	const hostile = '<b>Bold</b> & "quoted"';
	await page.getByRole('textbox', { name: 'Scenario name', exact: true }).fill(hostile);
	await page.getByRole('textbox', { name: 'Notes', exact: true }).fill('<img src=x onerror="window.__pwned=1">');
	await expect(page).toHaveURL(/[?&]name=%3Cb%3EBold/);

	await page.getByRole('button', { name: 'Report view' }).click();
	await expect(page).toHaveURL(/[?&]view=report(&|$)/);
	await expect(page.getByRole('heading', { name: hostile, exact: true })).toBeVisible();
	await expect(page.getByText('<img src=x onerror="window.__pwned=1">', { exact: true })).toBeVisible();
	expect(await page.locator('main b, main img').count()).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('the Report view shows the figures and the assumptions, no inputs, and links to the calculator', async ({ page }) => {
	await gotoCalculator(page, '/?view=report');
	await expect(page.getByRole('heading', { name: 'Example: support triage' })).toBeVisible();
	const assumptions = page.getByRole('region', { name: 'Assumptions' });
	await expect(assumptions).toContainText('Prices: Anthropic list prices 2026-11, prices as of 2026-11-26.');
	await expect(assumptions).toContainText('Today: all traffic on Sonnet 4.6, no caching, no batch.');
	await expect(assumptions).toContainText('Planned: all traffic on Sonnet 4.6, 5-minute caching at 90 %, 40 % batch.');
	await expect(page.getByRole('spinbutton')).toHaveCount(0);
	await expect(page.getByRole('textbox', { name: 'Scenario name' })).toHaveCount(0);
	const back = page.getByRole('link', { name: 'Open the full calculator with this scenario' });
	await expect(back).toHaveAttribute('href', '/');
	await back.click();
	await expect(page.getByRole('textbox', { name: 'Scenario name' })).toBeVisible();
	await expect(page).not.toHaveURL(/view=/);
});

test('the read-only embed shows the assumptions under the figures', async ({ page }) => {
	await page.goto('/embed?v=4&name=Team%20bot&readonly=1');
	const assumptions = page.getByRole('region', { name: 'Assumptions' });
	await expect(assumptions).toContainText('Today: all traffic on Opus 5.5');
	await expect(page.getByRole('heading', { name: 'Team bot' })).toBeVisible();
	await expect(page.getByRole('link', { name: /Open the full calculator with this scenario/ })).toBeVisible();
	await expect(page.getByRole('spinbutton')).toHaveCount(0);
});
