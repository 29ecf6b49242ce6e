// Admin API usage and cost reports (tests/fixtures/import/usage-report-page*.json and
// cost-report.json). The cost report's amounts were typed by hand as list prices of the
// anthropic-2026-11 sheet for the usage report's rows, so pricing the usage reproduces the
// cost report to the cent:
//   2026-11-01  Sonnet 4.6     2,000,000 x $3 = $6.00; 10,000,000 read x $0.30 = $3.00;
//                              1,000,000 5m x $3.75 = $3.75; 400,000 out x $15 = $6.00   -> $18.75
//               Haiku 4.5 batch 4,000,000 x $1 x 0.5 = $2.00; 1,000,000 out x $5 x 0.5 = $2.50 -> $4.50
//   2026-11-02  Opus 5.5       250,000 x $4 = $1.00; 500,000 1h x $8 = $4.00; 100,000 out x $20 = $2.00;
//                              30 searches x $0.01 = $0.30                                  -> $7.30
//               Sonnet 4.6 US  1,000,000 x $3 x 1.1 = $3.30
//               Haiku 5.5, 200k-1M (its band): 1,000,000 x $0.50 = $0.50; 2,000,000 read x $0.05
//                              = $0.10; 25,000 out x $2.50 = $0.0625                      -> $0.6625
//               Opus 5.5 fast  50,000 out x $20 x 2 = $2.00
//   total $36.5125; the cost report: 3,651.25 cents (plus 75 cents of code execution, left out).
import { describe, expect, it } from 'vitest';
import { priceUsage } from '$lib/import/priceUsage';
import { importTexts } from '$lib/import/importer';
import { getSheet } from '$lib/pricing/sheets';
import { fixture, group, importFixtures } from './helpers';

const november = getSheet('anthropic-2026-11');
const FILES = ['usage-report-page1.json', 'usage-report-page2.json', 'cost-report.json'];

describe('Admin API usage report', () => {
	const summary = importFixtures(FILES.slice(0, 2));

	it('reads both pages: 6 rows, no request counts, the two days they cover', () => {
		expect(summary.files.map((f) => [f.format, f.recordsRead, f.skipped])).toEqual([
			['usage-report', 2, 0],
			['usage-report', 4, 0]
		]);
		expect(summary.start).toBe('2026-11-01T00:00:00.000Z');
		expect(summary.end).toBe('2026-11-03T00:00:00.000Z');
		expect(summary.days).toBe(2);
		const sonnet = group(summary, 'sonnet-4-6|standard|standard|');
		expect(sonnet.requests).toBe(0);
		expect(sonnet.rowsWithoutRequests).toBe(1);
		expect(sonnet.perRequest).toBeNull();
		expect(sonnet.hitRatio).toBeCloseTo(10 / 11, 12);
		expect(summary.files[0]!.notes).toEqual(['The usage report gives no request counts: averages per request need a request count from elsewhere.']);
	});

	it('keeps the context window of each row for the band', () => {
		expect(group(summary, 'haiku-5-5|standard|standard|').aggregates).toEqual([
			{
				contextWindow: '200k-1M',
				rows: 1,
				tokens: { uncachedInput: 1_000_000, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 2_000_000, output: 25_000, webSearches: 0, creationWithoutSplit: 0 }
			}
		]);
	});

	it('reads the pages the same from one file holding an array of them, or one page per line', () => {
		const pages = [JSON.parse(fixture(FILES[0]!)), JSON.parse(fixture(FILES[1]!))];
		const asArray = importTexts([{ name: 'pages.json', text: JSON.stringify(pages, null, 2) }]);
		const asLines = importTexts([{ name: 'pages.jsonl', text: pages.map((p) => JSON.stringify(p)).join('\n') }]);
		for (const other of [asArray, asLines]) {
			expect(other.files[0]!.recordsRead).toBe(6);
			expect(other.groups.map((g) => [g.key, g.tokens])).toEqual(summary.groups.map((g) => [g.key, g.tokens]));
		}
	});

	it('skips a row with a bad count, naming its path, and keeps the others', () => {
		const page = JSON.parse(fixture(FILES[1]!));
		page.data[0].results[1].output_tokens = -5;
		delete page.data[0].results[2].uncached_input_tokens;
		const s = importTexts([{ name: 'bad.json', text: JSON.stringify(page, null, 2) }]);
		const f = s.files[0]!;
		expect(f.recordsRead).toBe(2);
		expect(f.issues.map((i) => [i.line, i.field, i.message])).toEqual([
			[1, 'data[0].results[1].output_tokens', 'data[0].results[1].output_tokens is -5, not a whole number of 0 or more'],
			[1, 'data[0].results[2].uncached_input_tokens', 'data[0].results[2].uncached_input_tokens is missing']
		]);
	});
});

describe('Admin API cost report, against the usage report', () => {
	const summary = importFixtures(FILES);
	const priced = priceUsage(summary, november);

	it('reads 15 cost rows and leaves code execution out with a note', () => {
		const cost = summary.files[2]!;
		expect(cost.format).toBe('cost-report');
		expect(cost.recordsRead).toBe(15);
		expect(cost.ignored).toEqual({ 'code_execution costs (not priced by the calculator)': 1 });
		expect(cost.notes).toEqual(['$0.75 of code execution and session costs are left out of the comparison: the calculator does not price them.']);
	});

	it('reproduces the cost report to the cent: $36.5125 computed, $36.5125 actual', () => {
		expect(priced.computedUsd).toBeCloseTo(36.5125, 9);
		expect(priced.actualUsd).toBeCloseTo(36.5125, 9);
		expect(priced.differenceUsd).toBeCloseTo(0, 9);
		expect(priced.differencePercent).toBeCloseTo(0, 9);
		expect(Math.round(priced.computedUsd * 100)).toBe(Math.round((priced.actualUsd as number) * 100));
	});

	it('compares each model: Opus 5.5 differs by its web searches, which the cost report gives without a model', () => {
		const byModel = Object.fromEntries(priced.models.map((m) => [m.model, m]));
		expect(byModel['sonnet-4-6']!.computedUsd).toBeCloseTo(22.05, 9);
		expect(byModel['sonnet-4-6']!.actualUsd).toBeCloseTo(22.05, 9);
		expect(byModel['haiku-4-5']!.computedUsd).toBeCloseTo(4.5, 9);
		expect(byModel['haiku-5-5']!.computedUsd).toBeCloseTo(0.6625, 9);
		expect(byModel['haiku-5-5']!.actualUsd).toBeCloseTo(0.6625, 9);
		expect(byModel['opus-5-5']!.computedUsd).toBeCloseTo(9.3, 9);
		expect(byModel['opus-5-5']!.actualUsd).toBeCloseTo(9.0, 9);
		expect(byModel['opus-5-5']!.differenceUsd).toBeCloseTo(0.3, 9);
		expect(byModel['opus-5-5']!.differencePercent).toBeCloseTo(0.3 / 9 * 100, 9);
		expect(byModel['(no model)']!.actualUsd).toBeCloseTo(0.3, 9);
		expect(byModel['(no model)']!.computedUsd).toBeNull();
		expect(priced.notes).toEqual(['$0.30 of actual cost has no priced model (such as web searches in a cost report not grouped by description): it counts in the total only.']);
	});

	it('prices each group: US-only at 1.1x, fast at 2x, the band from the context window', () => {
		const cost = (key: string) => priced.groups.find((g) => g.key === key)?.cost?.total;
		expect(cost('sonnet-4-6|standard|standard|us')).toBeCloseTo(3.3, 9);
		expect(cost('opus-5-5|standard|fast|')).toBeCloseTo(2, 9);
		expect(cost('haiku-4-5|batch|standard|')).toBeCloseTo(4.5, 9);
		const opus = priced.groups.find((g) => g.key === 'opus-5-5|standard|standard|')!.cost!;
		expect(opus.webSearches).toBeCloseTo(0.3, 12);
		expect(opus.cacheWrites).toBeCloseTo(4, 12);
	});

	it('says so when a difference is real: the cost report alone against a sheet with other prices', () => {
		const march = getSheet('anthropic-2026-03');
		const onMarch = priceUsage(summary, march);
		// Opus 5.5 and Haiku 5.5 are not on the March sheet, so they go unpriced.
		expect(onMarch.unknownModels.map((u) => u.model)).toEqual(['opus-5-5', 'haiku-5-5']);
		// Sonnet 4.6 $18.75 + $3.30 (no US-only factor on March: the sheet's model does not offer it) + Haiku 4.5 $4.50.
		expect(onMarch.computedUsd).toBeCloseTo(18.75 + 3 + 4.5, 9);
	});
});

describe('reports not grouped by model or tier', () => {
	it('reads the rows as (no model) at the standard tier and says so; a cost report alone compares nothing', () => {
		const page = { data: [{ starting_at: '2026-11-01T00:00:00Z', ending_at: '2026-11-02T00:00:00Z', results: [{ uncached_input_tokens: 10, output_tokens: 2 }] }], has_more: false };
		const s = importTexts([{ name: 'ungrouped.json', text: JSON.stringify(page) }]);
		expect(s.groups.map((g) => g.key)).toEqual(['(no model)|standard|standard|']);
		expect(s.files[0]!.notes).toEqual([
			'Some rows give no service_tier (the report was not grouped by it): they are priced as standard.',
			'Some rows give no model (the report was not grouped by it): map "(no model)" to a model to price them.',
			'The usage report gives no request counts: averages per request need a request count from elsewhere.'
		]);
		const costOnly = priceUsage(importFixtures(['cost-report.json']), november);
		expect(costOnly.actualUsd).toBeCloseTo(36.5125, 9);
		expect(costOnly.computedUsd).toBe(0);
		expect(costOnly.differenceUsd).toBeNull();
	});
});
