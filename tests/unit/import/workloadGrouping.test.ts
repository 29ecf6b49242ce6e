// Use as Today's grouping (workloadGrouping.ts): per model, or per model and service tier,
// and which workloads need a request count. Figures divided by hand from the CSV below.
import { describe, expect, it } from 'vitest';
import { importTexts } from '$lib/import/importer';
import { toWorkloads } from '$lib/import/toWorkloads';
import { workloadGroupBy, workloadKey, workloadsWithoutCounts } from '$lib/import/workloadGrouping';
import { getSheet } from '$lib/pricing/sheets';
import { group, importFixtures } from './helpers';

const november = getSheet('anthropic-2026-11');

/** 1,000 Sonnet 4.6 requests over 10 days, 400 of them batched (docs/pricing-model.md §11.5 as measured). */
const TRIAGE_CSV = [
	'date,model,requests,input tokens,cache write 5m,cache read,output tokens,service tier',
	'2026-11-01,claude-sonnet-4-6,600,900000,720000,6480000,480000,standard',
	'2026-11-10,claude-sonnet-4-6,400,600000,480000,4320000,320000,batch'
].join('\n');

describe('workloadKey', () => {
	const summary = importTexts([{ name: 'triage.csv', text: TRIAGE_CSV }]);
	it('per model: the sheet id; per model and tier: "<name> (<tier>)"', () => {
		const batch = group(summary, 'sonnet-4-6|batch|standard|');
		expect(workloadKey(batch, 'model', november)).toBe('sonnet-4-6');
		expect(workloadKey(batch, 'model-tier', november)).toBe('Sonnet 4.6 (batch)');
	});

	it('an unknown model has no key until mapped', () => {
		const s = importTexts([{ name: 'a.jsonl', text: '{"model":"gpt-4o","usage":{"input_tokens":1,"output_tokens":1}}' }]);
		const g = s.groups[0]!;
		expect(workloadKey(g, 'model', november)).toBeNull();
		expect(workloadKey(g, 'model-tier', november, { 'gpt-4o': 'haiku-4-5' })).toBe('Haiku 4.5 (standard)');
	});
});

describe('workloadGroupBy with toWorkloads', () => {
	const summary = importTexts([{ name: 'triage.csv', text: TRIAGE_CSV }]);

	it('per model: one workload, 40 % batch', () => {
		const { workloads } = toWorkloads(summary, { groupBy: workloadGroupBy('model', november), sheet: november });
		expect(workloads.map((w) => [w.name, w.today.batchPercent])).toEqual([['Sonnet 4.6', 40]]);
	});

	it('per model and tier: a standard workload of 600 requests and a batch one of 400 (100 % batch)', () => {
		const { workloads } = toWorkloads(summary, { groupBy: workloadGroupBy('model-tier', november), sheet: november });
		// 600 x 30.4375 / 10 days = 1,826.25; 400 x 30.4375 / 10 = 1,217.5
		expect(workloads.map((w) => [w.name, w.requestsPerMonth, w.today.batchPercent])).toEqual([
			['Sonnet 4.6 (standard)', 1826, 0],
			['Sonnet 4.6 (batch)', 1218, 100]
		]);
		// (900,000 + 720,000 + 6,480,000) / 600 = 13,500
		expect(workloads[0]?.inputTokens).toBe(13_500);
	});
});

describe('workloadsWithoutCounts', () => {
	it('the Admin usage report gives no request counts: each model needs one', () => {
		const summary = importFixtures(['usage-report-page1.json', 'usage-report-page2.json']);
		const needs = workloadsWithoutCounts(summary, 'model', november);
		expect(needs.length).toBeGreaterThan(0);
		expect(needs).toContainEqual({ key: 'sonnet-4-6', name: 'Sonnet 4.6' });
		// Every key needing a count is one toWorkloads leaves out without it, and uses with it.
		const without = toWorkloads(summary, { sheet: november });
		const requestCounts = Object.fromEntries(needs.map((n) => [n.key, 1000]));
		const withCounts = toWorkloads(summary, { sheet: november, requestCounts });
		expect(without.workloads.map((w) => w.name)).not.toContain('Sonnet 4.6');
		expect(withCounts.workloads.map((w) => w.name)).toEqual(expect.arrayContaining(needs.map((n) => n.name)));
	});

	it('per-request data needs none', () => {
		const summary = importTexts([{ name: 'triage.csv', text: TRIAGE_CSV }]);
		expect(workloadsWithoutCounts(summary, 'model', november)).toEqual([]);
		expect(workloadsWithoutCounts(summary, 'model-tier', november)).toEqual([]);
	});
});
