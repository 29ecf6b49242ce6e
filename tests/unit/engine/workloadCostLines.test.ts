// The cost lines of TTL advice for a workload (docs/pricing-model.md §4), on its Planned main
// model with every Planned setting: hand arithmetic from the November sheet's rates
// (Sonnet 4.6: $3 in, $3.75 5-minute write, $6 1-hour write, $0.30 read, $15 out; Haiku 4.5:
// $1, $1.25, $2, $0.10, $5).
import { describe, expect, it } from 'vitest';
import { computePlan } from '$lib/engine';
import { largestShare, workloadCostLines } from '$lib/engine/workloadCostLines';
import { exampleScenarioV2 } from '$lib/scenario/defaults';
import type { RequestWorkload, ScenarioV2 } from '$lib/scenario/types';

/** The §11.5 support triage (300,000 requests, 13,500 in of which 12,000 cached, 800 out, Sonnet 4.6, Planned 5-minute caching and 40 % batch), patched. */
function triage(patch: (w: RequestWorkload) => void = () => {}): { scenario: ScenarioV2; w: RequestWorkload } {
	const scenario = exampleScenarioV2();
	const w = scenario.workloads[0] as RequestWorkload;
	patch(w);
	return { scenario, w };
}

describe('largestShare', () => {
	it.each([
		[{ 'sonnet-4-6': 100 }, { id: 'sonnet-4-6', sharePercent: 100, isMix: false }],
		[{ 'sonnet-4-6': 30, 'haiku-4-5': 70 }, { id: 'haiku-4-5', sharePercent: 70, isMix: true }],
		[{ 'sonnet-4-6': 50, 'haiku-4-5': 50 }, { id: 'sonnet-4-6', sharePercent: 50, isMix: true }],
		[{ 'opus-5-5': 0, 'haiku-4-5': 100 }, { id: 'haiku-4-5', sharePercent: 100, isMix: false }]
	])('%o -> %o', (mix, expected) => {
		expect(largestShare(mix)).toEqual(expected);
	});

	it('is null for an empty mix, or one of zero shares', () => {
		expect(largestShare({})).toBeNull();
		expect(largestShare({ 'sonnet-4-6': 0 })).toBeNull();
	});
});

describe('workloadCostLines', () => {
	it('prices the Planned settings: 40 % batch makes every rate 0.6 + 0.4 × 0.5 = 0.8 of the standard one', () => {
		const { scenario, w } = triage();
		const c = workloadCostLines(scenario, w);
		// none: (13,500 × 3 + 800 × 15) / 1e6 = 0.0525; × 0.8 = 0.042
		expect(c?.lines.none).toBeCloseTo(0.042, 12);
		// 5 minutes, h = 0: (1,500 × 3 + 12,000 × 3.75 + 800 × 15) / 1e6 = 0.0615; × 0.8 = 0.0492
		expect(c?.lines['5m'].atZero).toBeCloseTo(0.0492, 12);
		// h = 1: (4,500 + 12,000 × 0.30 + 12,000) / 1e6 = 0.0201; × 0.8 = 0.01608
		expect(c?.lines['5m'].atOne).toBeCloseTo(0.01608, 12);
		// 1 hour, h = 0: (4,500 + 12,000 × 6 + 12,000) / 1e6 = 0.0885; × 0.8 = 0.0708
		expect(c?.lines['1h'].atZero).toBeCloseTo(0.0708, 12);
		expect(c?.lines['1h'].atOne).toBeCloseTo(0.01608, 12);
		expect(c?.requests).toBe(300_000);
		expect(c?.main).toEqual({ id: 'sonnet-4-6', sharePercent: 100, isMix: false });
		expect(c?.shape).toEqual({ input: 13_500, prefix: 12_000, output: 800, webSearches: 0 });
	});

	it('for a Planned mix, prices the largest share alone, for the requests it serves', () => {
		const { scenario, w } = triage((w) => {
			w.planned.mixPercent = { 'sonnet-4-6': 30, 'haiku-4-5': 70 };
			w.planned.batchPercent = 0;
		});
		const c = workloadCostLines(scenario, w);
		expect(c?.model.id).toBe('haiku-4-5');
		expect(c?.requests).toBeCloseTo(210_000, 9);
		// Haiku 4.5 (legacy tokenizer, counts measured on legacy: no scaling):
		// none (13,500 × 1 + 800 × 5) / 1e6 = 0.0175; 5 minutes at h = 1: (1,500 + 12,000 × 0.1 + 4,000) / 1e6 = 0.0067
		expect(c?.lines.none).toBeCloseTo(0.0175, 12);
		expect(c?.lines['5m'].atOne).toBeCloseTo(0.0067, 12);
		// 1 hour at h = 0: (1,500 + 12,000 × 2 + 4,000) / 1e6 = 0.0295
		expect(c?.lines['1h'].atZero).toBeCloseTo(0.0295, 12);
	});

	it('trims the prefix with the input, and scales to the model tokenizer', () => {
		const { scenario, w } = triage((w) => {
			w.planned.inputTrimPercent = 10;
			w.planned.outputTrimPercent = 50;
			w.planned.mixPercent = { 'sonnet-5-5': 100 };
		});
		const c = workloadCostLines(scenario, w);
		// legacy counts on a 2026 model: × 1.3; trimmed by 10 %: 13,500 × 1.3 × 0.9 = 15,795
		expect(c?.shape.input).toBeCloseTo(15_795, 9);
		expect(c?.shape.prefix).toBeCloseTo(12_000 * 1.3 * 0.9, 9);
		expect(c?.shape.output).toBeCloseTo(800 * 1.3 * 0.5, 9);
	});

	it('is null for an empty Planned mix, and leaves its input alone', () => {
		const { scenario, w } = triage((w) => {
			w.planned.mixPercent = {};
		});
		const before = structuredClone(scenario);
		expect(workloadCostLines(scenario, w)).toBeNull();
		const ok = triage();
		const copy = structuredClone(ok.scenario);
		workloadCostLines(ok.scenario, ok.w);
		expect(ok.scenario).toEqual(copy);
		expect(scenario).toEqual(before);
	});

	it("at a hit ratio h, the line's cost is the per-request cost computePlan bills Planned", () => {
		const { scenario, w } = triage((w) => {
			w.planned.caching = { ttl: '1h', hitPercent: 37 };
		});
		const c = workloadCostLines(scenario, w);
		const line = c?.lines['1h'];
		const perRequest = line ? line.atZero + (line.atOne - line.atZero) * 0.37 : NaN;
		expect(perRequest * 300_000).toBeCloseTo(computePlan(scenario).planned, 6);
	});
});
