// Imported usage as Today's workloads (docs/usage-import.md "From usage to a scenario"):
// every figure below is the fixture's numbers divided by hand.
import { describe, expect, it } from 'vitest';
import { requestCost } from '$lib/engine/requestCost';
import { importTexts } from '$lib/import/importer';
import { priceUsage } from '$lib/import/priceUsage';
import { mixFromWeights, toWorkloads } from '$lib/import/toWorkloads';
import { getModel, getSheet } from '$lib/pricing/sheets';
import { importFixtures } from './helpers';

const november = getSheet('anthropic-2026-11');

/** §11.5's support triage as measured: 1,000 Sonnet 4.6 requests over 10 days, 400 of them batched. */
const TRIAGE_CSV = [
	'date,model,requests,input tokens,cache write 5m,cache read,output tokens,service tier',
	'2026-11-01,claude-sonnet-4-6,600,900000,720000,6480000,480000,standard',
	'2026-11-10,claude-sonnet-4-6,400,600000,480000,4320000,320000,batch'
].join('\n');

describe('toWorkloads', () => {
	it('turns §11.5 as measured back into its workload: 13,500 in, 12,000 prefix, 800 out, 90 % hits, 40 % batch', () => {
		const summary = importTexts([{ name: 'triage.csv', text: TRIAGE_CSV }]);
		const { workloads, notes } = toWorkloads(summary);
		expect(workloads).toEqual([
			{
				name: 'Sonnet 4.6',
				kind: 'requests',
				// 1,000 requests x 30.4375 / 10 days = 3,043.75
				requestsPerMonth: 3044,
				inputTokens: 13_500,
				cachedPrefixTokens: 12_000,
				outputTokens: 800,
				webSearchesPerRequest: 0,
				tokensCountedOn: 'legacy',
				traffic: null,
				today: { mixPercent: { 'sonnet-4-6': 100 }, caching: { ttl: '5m', hitPercent: 90 }, batchPercent: 40, fastMode: false },
				planned: {
					mixPercent: { 'sonnet-4-6': 100 },
					caching: { ttl: '5m', hitPercent: 90 },
					batchPercent: 40,
					fastMode: false,
					inputTrimPercent: 0,
					outputTrimPercent: 0
				}
			}
		]);
		expect(notes).toEqual(['Sonnet 4.6: 1,000 requests in 10 days, scaled to a month of 30.4375 days: 3,044.']);
	});

	it('gives a workload whose cost is the measured cost: §11.5 per request $0.02424 x (0.6 + 0.4 x 0.5) x 1,000 = $19.392', () => {
		const summary = importTexts([{ name: 'triage.csv', text: TRIAGE_CSV }]);
		const [w] = toWorkloads(summary).workloads;
		const perRequest = requestCost(
			getModel(november, 'sonnet-4-6'),
			{ input: w!.inputTokens, prefix: w!.cachedPrefixTokens, output: w!.outputTokens },
			{ caching: { hitRatio: w!.today.caching!.hitPercent / 100, ttl: w!.today.caching!.ttl }, batchShare: w!.today.batchPercent / 100 },
			{ batch: 0.5 }
		).total;
		expect(perRequest * 1000).toBeCloseTo(19.392, 9);
		expect(priceUsage(summary, november).computedUsd).toBeCloseTo(19.392, 9);
	});

	it('makes one workload per model of the Messages fixture, with no dates taken as one month', () => {
		const { workloads, notes } = toWorkloads(importFixtures(['messages.jsonl']));
		expect(workloads.map((w) => w.name)).toEqual(['Sonnet 4.6', 'Haiku 5.5', 'Opus 5.5']);
		const [sonnet, haiku, opus] = workloads;
		// Sonnet 4.6: 5 requests; input 30,600 / 5; prefix (15,400 + 12,000) / 5; output 1,610 / 5; searches 3 / 5.
		expect(sonnet).toMatchObject({
			requestsPerMonth: 5,
			inputTokens: 6120,
			cachedPrefixTokens: 5480,
			outputTokens: 322,
			webSearchesPerRequest: 0.6,
			tokensCountedOn: 'legacy',
			today: { caching: { ttl: '5m', hitPercent: 43.8 }, batchPercent: 0, fastMode: false }
		});
		// Haiku 5.5: (120,000 + 90,000) / 2 in, all of the cached part read.
		expect(haiku).toMatchObject({ inputTokens: 105_000, cachedPrefixTokens: 90_000, outputTokens: 1000, tokensCountedOn: '2026', today: { caching: { ttl: '5m', hitPercent: 100 } } });
		// Opus 5.5: one fast request of two is not "most".
		expect(opus).toMatchObject({ requestsPerMonth: 2, today: { fastMode: false, caching: null, mixPercent: { 'opus-5-5': 100 } } });
		expect(notes).toEqual([
			'Left out: gpt-4o, (no model) (not on the sheet anthropic-2026-11; map each to a model to include it).',
			'Sonnet 4.6: the data has no dates, so its 5 requests are taken as one month.',
			'Sonnet 4.6: both TTLs wrote to the cache (13,400 tokens for 5 minutes, 2,000 for 1 hour); the workload takes 5m, the one with most writes.',
			'Sonnet 4.6: 400 cache-write tokens had no 5m/1h split and count as 5-minute writes.',
			'Haiku 5.5: the data has no dates, so its 2 requests are taken as one month.',
			'Opus 5.5: the data has no dates, so its 2 requests are taken as one month.'
		]);
	});

	it('groups as told: one workload for everything, the mix by requests, unknown names mapped', () => {
		const summary = importFixtures(['messages.jsonl']);
		const { workloads } = toWorkloads(summary, { groupBy: () => 'All traffic', modelMap: { 'gpt-4o': 'haiku-4-5' } });
		expect(workloads).toHaveLength(1);
		// 5 Sonnet 4.6, 2 Haiku 5.5, 2 Opus 5.5, 1 gpt-4o as Haiku 4.5 = 10 requests.
		expect(workloads[0]!.today.mixPercent).toEqual({ 'sonnet-4-6': 50, 'haiku-5-5': 20, 'opus-5-5': 20, 'haiku-4-5': 10 });
		expect(workloads[0]!.name).toBe('All traffic');
		expect(workloads[0]!.requestsPerMonth).toBe(10);
	});

	it('marks fast mode when most requests were fast, and takes the tokenizer of the model with most requests', () => {
		const line = (model: string, speed: string) => JSON.stringify({ model, usage: { input_tokens: 100, output_tokens: 10, speed } });
		const summary = importTexts([{ name: 'f.jsonl', text: [line('claude-opus-5-5', 'fast'), line('claude-opus-5-5', 'fast'), line('claude-opus-4-6', 'standard')].join('\n') }]);
		const [w] = toWorkloads(summary, { groupBy: () => 'agents' }).workloads;
		expect(w!.today.fastMode).toBe(true);
		expect(w!.tokensCountedOn).toBe('2026');
		expect(w!.today.mixPercent).toEqual({ 'opus-5-5': 66.7, 'opus-4-6': 33.3 });
	});

	it('leaves out data without request counts unless they are given, then shares follow tokens', () => {
		const summary = importFixtures(['usage-report-page1.json']);
		const without = toWorkloads(summary);
		expect(without.workloads).toEqual([]);
		expect(without.notes[0]).toBe(
			'Sonnet 4.6: left out, because the data gives no request counts (the Admin usage report does not): give its number of requests to include it.'
		);
		const given = toWorkloads(summary, { requestCounts: { 'sonnet-4-6': 1000 } });
		// One day, 1,000 requests: 30,437.5 a month; 2,000,000 + 1,000,000 + 10,000,000 = 13,000,000 input / 1,000.
		expect(given.workloads).toHaveLength(1);
		expect(given.workloads[0]).toMatchObject({ requestsPerMonth: 30_438, inputTokens: 13_000, cachedPrefixTokens: 11_000, outputTokens: 400 });
		expect(given.workloads[0]!.today.caching).toEqual({ ttl: '5m', hitPercent: 90.91 });
	});

	it('warns when the average prefix is below the model’s minimum cacheable length', () => {
		const summary = importTexts([{ name: 'm.jsonl', text: JSON.stringify({ model: 'claude-haiku-4-5', usage: { input_tokens: 10, output_tokens: 1, cache_read_input_tokens: 900 } }) }]);
		expect(toWorkloads(summary).notes).toContain("Haiku 4.5: the average cached prefix (900 tokens) is below Haiku 4.5's minimum of 4,096, so the calculator will not cache it.");
	});

	it('scales a span under a day and says the pace is assumed all month', () => {
		const summary = importFixtures(['claude-code.jsonl']);
		const { workloads, notes } = toWorkloads(summary);
		// 2 requests in 7,195 s: 2 x 30.4375 x 86,400 / 7,195 = 731.0076.
		expect(workloads.find((w) => w.name === 'Sonnet 4.5')!.requestsPerMonth).toBe(731);
		expect(notes).toContain('Sonnet 4.5: the data covers less than a day, so the monthly figure assumes that pace all month.');
	});
});

describe('mixFromWeights', () => {
	it.each([
		[{ a: 1, b: 2 }, { a: 33.3, b: 66.7 }],
		[{ a: 1, b: 1, c: 1 }, { a: 33.4, b: 33.3, c: 33.3 }],
		[{ a: 1, b: 0 }, { a: 100 }],
		[{ a: 999, b: 1 }, { a: 99.9, b: 0.1 }]
	])('%j -> %j', (weights, mix) => {
		expect(mixFromWeights(new Map(Object.entries(weights)))).toEqual(mix);
	});
});
