// The one-click presets: valid scenarios whose figures are what their descriptions promise.
// Reference dollars by hand from the November 2026 sheet (Opus 5.5 $4/$20, Sonnet 5.5 $2/$10,
// Haiku 5.5 $0.10/$0.50, Sonnet 4.6 $3/$15; batch at half price) and docs/pricing-model.md §11.5.
import { describe, expect, it } from 'vitest';
import { computePlan } from '$lib/engine';
import { formatMoney } from '$lib/format';
import { PRESETS } from '$lib/scenario/presets';
import { repairScenarioV2 } from '$lib/scenario/repairV2';

const preset = (label: string) => {
	const found = PRESETS.find((p) => p.label === label);
	if (!found) throw new Error(`no preset "${label}"`);
	return found;
};

describe('PRESETS', () => {
	it('are four, each labelled once and described', () => {
		expect(PRESETS.map((p) => p.label)).toEqual([
			'Support triage: caching and batch',
			'Nightly reports through the Batch API',
			'Routing: most traffic to Haiku 5.5',
			'Coding agent: cache the history'
		]);
		for (const p of PRESETS) expect(p.description.length).toBeGreaterThan(40);
	});

	it.each(PRESETS.map((p) => [p.label, p] as const))('%s is a valid version-2 scenario as it stands', (_label, p) => {
		expect(repairScenarioV2(p.scenario)).toStrictEqual({ scenario: p.scenario, corrections: [] });
		expect(p.scenario.version).toBe(2);
		expect(p.scenario.priceSheet).toBe('anthropic-2026-11');
	});

	it('support triage: $15,750.00 today, $5,817.60 planned (§11.5)', () => {
		// 300,000 x (13,500 x 3 + 800 x 15) / 1M = 15,750; caching 90 %: (1,500 x 3 + 12,000 x 3 x
		// (0.9 x 0.1 + 0.1 x 1.25) + 800 x 15) / 1M x 300,000 = 7,272; 40 % batch: x 0.8 = 5,817.60.
		const plan = computePlan(preset('Support triage: caching and batch').scenario);
		expect(plan.today).toBeCloseTo(15_750, 6);
		expect(plan.planned).toBeCloseTo(5817.6, 6);
	});

	it('nightly reports: $720 today, half of it planned through the Batch API', () => {
		// 20,000 x (8,000 x 2 + 2,000 x 10) / 1M = 720; all batched: 360.
		const plan = computePlan(preset('Nightly reports through the Batch API').scenario);
		expect(plan.today).toBeCloseTo(720, 9);
		expect(plan.planned).toBeCloseTo(360, 9);
		expect(formatMoney(plan.today - plan.planned)).toBe('$360');
	});

	it('routing: $12,000 on Opus 5.5 today, $2,310 planned on the 5/25/70 mix', () => {
		// Opus 5.5: (3,000 x 4 + 600 x 20) / 1M = 0.024; Sonnet 5.5: 0.012; Haiku 5.5:
		// (3,000 x 0.1 + 600 x 0.5) / 1M = 0.0006. 500,000 x 0.024 = 12,000;
		// 500,000 x (0.05 x 0.024 + 0.25 x 0.012 + 0.7 x 0.0006) = 2,310.
		const plan = computePlan(preset('Routing: most traffic to Haiku 5.5').scenario);
		expect(plan.today).toBeCloseTo(12_000, 6);
		expect(plan.planned).toBeCloseTo(2310, 6);
	});

	it('coding agent: 10,000 conversations of 20 turns on Sonnet 5.5, cheaper with the history cached', () => {
		const { scenario } = preset('Coding agent: cache the history');
		const [agent] = scenario.workloads;
		expect(agent).toMatchObject({
			kind: 'conversations',
			conversationsPerMonth: 10_000,
			turnsPerConversation: 20,
			secondsBetweenTurns: 30,
			today: { mixPercent: { 'sonnet-5-5': 100 }, caching: null }
		});
		const plan = computePlan(scenario);
		expect(plan.planned).toBeLessThan(plan.today);
		expect(plan.planned).toBeGreaterThan(0);
	});

	it('each preset is its own copy', () => {
		const [first, second] = PRESETS;
		expect(first?.scenario.workloads[0]).not.toBe(second?.scenario.workloads[0]);
	});
});
