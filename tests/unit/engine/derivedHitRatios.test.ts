// The hit ratios a workload's traffic earns per model and TTL, Today and Planned
// (docs/pricing-model.md §4; references are the closed forms of docs/caching-model.md §1).
import { describe, expect, it } from 'vitest';
import { derivedHitRatios } from '$lib/engine/derivedHitRatios';
import { neutralConversation, neutralWorkload } from '$lib/scenario/defaults';
import type { ConversationWorkload, RequestWorkload } from '$lib/scenario/types';

const AROUND_THE_CLOCK = { distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 30 };

function requests(patch: Partial<RequestWorkload> = {}): RequestWorkload {
	return { ...neutralWorkload('W', 'sonnet-4-6'), requestsPerMonth: 10_080, traffic: { ...AROUND_THE_CLOCK }, ...patch };
}

describe('derivedHitRatios', () => {
	it('one model, 14 an hour per prefix around the clock: 1 − e^(−7/6) and 1 − e^(−14), Today and Planned', () => {
		const rows = derivedHitRatios(requests());
		expect(rows).toHaveLength(1);
		const [row] = rows;
		expect(row?.modelId).toBe('sonnet-4-6');
		expect(row?.share).toEqual({ today: 100, planned: 100 });
		expect(row?.today?.['5m']).toBeCloseTo(1 - Math.exp(-7 / 6), 12); // 68.86 %
		expect(row?.today?.['1h']).toBeCloseTo(1 - Math.exp(-14), 12);
		expect(row?.planned).toEqual(row?.today);
	});

	it('routing half the traffic elsewhere lowers the ratio on both models (7 an hour each)', () => {
		const w = requests();
		w.planned.mixPercent = { 'sonnet-4-6': 50, 'haiku-4-5': 50 };
		const rows = derivedHitRatios(w);
		expect(rows.map((r) => r.modelId)).toEqual(['sonnet-4-6', 'haiku-4-5']);
		const half = 1 - Math.exp(-7 / 12); // 44.20 %
		expect(rows[0]?.today?.['5m']).toBeCloseTo(1 - Math.exp(-7 / 6), 12);
		expect(rows[0]?.planned?.['5m']).toBeCloseTo(half, 12);
		expect(rows[1]?.today).toBeNull();
		expect(rows[1]?.planned?.['5m']).toBeCloseTo(half, 12);
		expect(rows[1]?.planned?.['1h']).toBeCloseTo(1 - Math.exp(-7), 12);
	});

	it('cold windows: 10,000 a month, 8 hours, 22 days gives 98.91 % and 99.78 % (§4 check)', () => {
		const row = derivedHitRatios(requests({ requestsPerMonth: 10_000, traffic: { distinctPrefixes: 1, activeHoursPerDay: 8, activeDaysPerMonth: 22 } }))[0];
		expect(row?.today?.['5m']).toBeCloseTo(0.989127, 6);
		expect(row?.today?.['1h']).toBeCloseTo(1 - 22 / 10_000, 9);
	});

	it("conversations: every turn is an arrival on the system prompt's entry", () => {
		// 10,000 conversations of 20 turns, one system prompt, 8 hours, 22 days: λW = 200,000 / 22 = 9,090.9
		// turns a window and one miss in each (docs/caching-model.md §3.3): h_s = 1 − 22 / 200,000 = 99.989 %.
		const w: ConversationWorkload = {
			...neutralConversation('C', 'sonnet-4-6'),
			turnsPerConversation: 20,
			traffic: { distinctPrefixes: 1, activeHoursPerDay: 8, activeDaysPerMonth: 22 }
		};
		const row = derivedHitRatios(w)[0];
		expect(row?.today?.['5m']).toBeCloseTo(1 - 22 / 200_000, 9);
		expect(row?.today?.['1h']).toBeCloseTo(1 - 22 / 200_000, 9);
	});

	it('leaves out models with no share on either side, and is empty without traffic', () => {
		const w = requests();
		w.today.mixPercent = { 'sonnet-4-6': 100, 'opus-5-5': 0 };
		expect(derivedHitRatios(w).map((r) => r.modelId)).toEqual(['sonnet-4-6']);
		expect(derivedHitRatios(requests({ traffic: null }))).toEqual([]);
	});

	it('does not change the workload', () => {
		const w = requests();
		const copy = structuredClone(w);
		derivedHitRatios(w);
		expect(w).toEqual(copy);
	});
});
