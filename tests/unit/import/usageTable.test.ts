// The import dialog's table (usageTable.ts): rows per model, tier and speed, totals, and
// the models the sheet does not know. Costs worked out by hand on anthropic-2026-11
// (Sonnet 4.6: $3 in, $3.75 5-minute write, $0.30 read, $15 out per MTok).
import { describe, expect, it } from 'vitest';
import { importTexts } from '$lib/import/importer';
import { priceUsage } from '$lib/import/priceUsage';
import { unknownModelIds, usageTable } from '$lib/import/usageTable';
import { getSheet } from '$lib/pricing/sheets';
import { importFixtures } from './helpers';
import { TWO_RESPONSES } from './pastedResponses';

const november = getSheet('anthropic-2026-11');


const tableOf = (text: string, modelMap: Record<string, string> = {}) => {
	const summary = importTexts([{ name: 'pasted', text }]);
	const pricing = priceUsage(summary, november, { modelMap });
	return { summary, pricing, table: usageTable(summary, pricing, november) };
};

describe('usageTable', () => {
	it('two responses: one row, the hit ratio 2,000 / (2,000 + 2,000) = 50 %, cost $0.018 + $0.0111 = $0.0291', () => {
		const { table } = tableOf(TWO_RESPONSES);
		expect(table.rows).toHaveLength(1);
		const row = table.rows[0]!;
		expect(row).toMatchObject({
			model: 'Sonnet 4.6',
			mappedFrom: null,
			unknown: false,
			serviceTier: 'standard',
			speed: 'standard',
			inferenceGeo: null,
			hasUsage: true,
			requests: 2,
			rowsWithoutRequests: 0,
			tokens: { uncachedInput: 2000, cacheWrite5m: 2000, cacheWrite1h: 0, cacheRead: 2000, output: 1000, webSearches: 0 },
			actualUsd: null
		});
		expect(row.hitRatio).toBeCloseTo(0.5, 12);
		// (1,000 x 3 + 2,000 x 3.75 + 500 x 15) / 1e6 = 0.018; (1,000 x 3 + 2,000 x 0.3 + 500 x 15) / 1e6 = 0.0111
		expect(row.computedUsd).toBeCloseTo(0.0291, 12);
		// Prompt per request: (2,000 + 2,000 + 2,000) / 2 = 3,000.
		expect(row.perRequest).toEqual({ input: 3000, uncachedInput: 1000, cacheWrite: 1000, cacheRead: 1000, output: 500, webSearches: 0 });
		expect(table.total.requests).toBe(2);
		expect(table.total.computedUsd).toBeCloseTo(0.0291, 12);
		expect(table.total.actualUsd).toBeNull();
		expect(table.total.hitRatio).toBeCloseTo(0.5, 12);
	});

	it('an unknown model is a row of its own, not priced, until mapped', () => {
		const text = `${TWO_RESPONSES}\n{"model":"gpt-4o","usage":{"input_tokens":2000,"output_tokens":500}}`;
		const before = tableOf(text);
		const gpt = before.table.rows.find((r) => r.model === 'gpt-4o');
		expect(gpt).toMatchObject({ unknown: true, computedUsd: null, requests: 1, mappedFrom: null });
		expect(before.table.total.computedUsd).toBeCloseTo(0.0291, 12);
		expect(unknownModelIds(before.summary, november)).toEqual(['gpt-4o']);

		const after = tableOf(text, { 'gpt-4o': 'sonnet-4-6' });
		const mapped = after.table.rows.find((r) => r.mappedFrom === 'gpt-4o');
		// (2,000 x 3 + 500 x 15) / 1e6 = 0.0135
		expect(mapped).toMatchObject({ model: 'Sonnet 4.6', unknown: false });
		expect(mapped?.computedUsd).toBeCloseTo(0.0135, 12);
		expect(after.table.total.computedUsd).toBeCloseTo(0.0426, 12);
		// Still listed as unknown to the sheet, so its mapping can be changed back.
		expect(unknownModelIds(after.summary, november)).toEqual(['gpt-4o']);
	});

	it('sorts by model name, then tier (standard, priority, batch) and speed', () => {
		const line = (model: string, tier: string, speed = 'standard') =>
			JSON.stringify({ model, usage: { input_tokens: 10, output_tokens: 1, service_tier: tier, speed } });
		const text = [
			line('claude-sonnet-4-6', 'batch'),
			line('claude-haiku-4-5', 'standard'),
			line('claude-sonnet-4-6', 'standard', 'fast'),
			line('claude-sonnet-4-6', 'priority'),
			line('claude-sonnet-4-6', 'standard')
		].join('\n');
		const { table } = tableOf(text);
		expect(table.rows.map((r) => `${r.model} ${r.serviceTier} ${r.speed}`)).toEqual([
			'Haiku 4.5 standard standard',
			'Sonnet 4.6 standard standard',
			'Sonnet 4.6 standard fast',
			'Sonnet 4.6 priority standard',
			'Sonnet 4.6 batch standard'
		]);
	});

	it('report rows without request counts: requests not given, no averages; cost rows: no usage, actual cost only', () => {
		const summary = importFixtures(['usage-report-page1.json', 'usage-report-page2.json', 'cost-report.json']);
		const pricing = priceUsage(summary, november);
		const table = usageTable(summary, pricing, november);
		const sonnet = table.rows.find((r) => r.model === 'Sonnet 4.6' && r.serviceTier === 'standard');
		expect(sonnet?.requests).toBeNull();
		expect(sonnet?.rowsWithoutRequests).toBeGreaterThan(0);
		expect(sonnet?.perRequest).toBeNull();
		expect(table.total.requests).toBeNull();
		expect(table.total.perRequest).toBeNull();
		expect(table.total.actualUsd).toBe(pricing.actualUsd);
		expect(table.total.computedUsd).toBe(pricing.computedUsd);
		const costOnly = table.rows.filter((r) => !r.hasUsage);
		for (const r of costOnly) expect(r.computedUsd).toBeNull();
		// Every actual dollar of the pricing is in some row.
		const rowsActual = table.rows.reduce((s, r) => s + (r.actualUsd ?? 0), 0);
		expect(rowsActual).toBeCloseTo(pricing.actualUsd ?? Number.NaN, 9);
	});

	it('does not change the summary or the pricing', () => {
		const summary = importTexts([{ name: 'pasted', text: TWO_RESPONSES }]);
		const pricing = priceUsage(summary, november);
		const groups = structuredClone(summary.groups);
		const pricedGroups = structuredClone(pricing.groups);
		usageTable(summary, pricing, november);
		expect(summary.groups).toEqual(groups);
		expect(pricing.groups).toEqual(pricedGroups);
	});

	it('nothing imported: no rows, totals of zero and no cost', () => {
		const { table } = tableOf('');
		expect(table.rows).toEqual([]);
		expect(table.total).toMatchObject({ requests: 0, computedUsd: null, actualUsd: null, hitRatio: null, perRequest: null });
	});
});
