// Words and figures of the caching that follows the traffic. Expected figures are hand
// arithmetic (shown beside them) on the §11.5 shape with 40 % batch: per request none $0.042;
// 5 minutes $0.0492 at h = 0, $0.01608 at h = 1; 1 hour $0.0708 and $0.01608.
import { describe, expect, it } from 'vitest';
import {
	bandSentence,
	conversationCaption,
	conversationTurnTable,
	derivedHitRatioTable,
	flipSentence,
	formatHitRatio,
	plannedTtlSentence,
	pricedOnSentence,
	ttlAdviceChartCaption,
	ttlAdviceRows
} from '$lib/charts/cachingCaptions';
import { derivedHitRatios } from '$lib/engine/derivedHitRatios';
import { plannedConversation } from '$lib/engine/plannedConversation';
import { workloadTtlAdvice, type WorkloadTtlAdvice } from '$lib/engine/workloadTtlAdvice';
import { emptyScenarioV2, exampleScenarioV2, neutralConversation } from '$lib/scenario/defaults';
import type { ConversationWorkload, RequestWorkload } from '$lib/scenario/types';

const names: Record<string, string> = { 'sonnet-4-6': 'Sonnet 4.6', 'haiku-4-5': 'Haiku 4.5' };
const nameOf = (id: string) => names[id] ?? id;

/** The browser test's traffic: 10,080 requests a month, one prefix, 24 hours, 30 days (14 an hour). */
function fourteen(patch: (w: RequestWorkload) => void = () => {}): WorkloadTtlAdvice {
	const scenario = exampleScenarioV2();
	const w = scenario.workloads[0] as RequestWorkload;
	w.requestsPerMonth = 10_080;
	w.traffic = { distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 30 };
	patch(w);
	const a = workloadTtlAdvice(scenario, w);
	if (!a) throw new Error('advice expected');
	return a;
}

// 5 minutes: 10,080 × (0.0492 − 0.03312 × (1 − e^(−7/6))) = $266.05; 1 hour ≈ 10,080 × 0.01608 = $162.09
const H5 = 1 - Math.exp(-7 / 6);

describe('formatHitRatio', () => {
	it.each([
		[H5, '68.9 %'],
		[1 - Math.exp(-14), '99.9999 %'],
		[0.9999, '99.99 %'],
		[0.99996, '99.996 %'],
		[1 - 1e-7, '> 99.9999 %'],
		[1, '100.0 %'],
		[0, '0.0 %'],
		[0.0003, '< 0.1 %'],
		[0.0005, '0.1 %'],
		[0.5, '50.0 %']
	])('%d -> %s', (ratio, text) => {
		expect(formatHitRatio(ratio)).toBe(text);
	});
});

describe('derivedHitRatioTable', () => {
	it('one row per model, Today then Planned, the TTL in use marked, "—" off the mix', () => {
		const scenario = exampleScenarioV2();
		const w = scenario.workloads[0] as RequestWorkload;
		w.requestsPerMonth = 10_080;
		w.traffic = { distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 30 };
		w.planned.mixPercent = { 'sonnet-4-6': 50, 'haiku-4-5': 50 };
		const table = derivedHitRatioTable(derivedHitRatios(w), nameOf, { today: null, planned: '5m' });
		expect(table.columns).toEqual(['Model', 'Today, 5-minute', 'Today, 1-hour', 'Planned, 5-minute', 'Planned, 1-hour']);
		// half the traffic each: 7 an hour, 1 − e^(−7/12) = 44.2 %, 1 − e^(−7) = 99.9 %
		expect(table.rows).toEqual([
			['Sonnet 4.6', '68.9 %', '99.9999 %', '44.2 % (in use)', '99.9 %'],
			['Haiku 4.5', '—', '—', '44.2 % (in use)', '99.9 %']
		]);
	});
});

describe('TTL advice in words', () => {
	it('the three choices with their hit ratios and monthly costs, the cheapest marked', () => {
		expect(ttlAdviceRows(fourteen())).toEqual([
			['No cache', '—', '$423'],
			['5-minute caching', '68.9 %', '$266'],
			['1-hour caching (cheapest)', '99.9999 %', '$162']
		]);
	});

	it('the flip rates, with the monthly requests at each', () => {
		// around the clock on this shape: no cache below 0.747 an hour, then 1 hour; the two TTLs agree to
		// 1e-12 above 340 an hour and the tie goes to 5 minutes (docs/caching-model.md §2)
		expect(flipSentence(fourteen())).toBe(
			'The cheapest choice changes at 0.75 requests an hour per prefix (538 a month): from no caching to 1-hour caching; ' +
				'and at 340.24 (244,974 a month): from 1-hour caching to 5-minute caching.'
		);
	});

	it('the chart caption states the lead, the costs with their hit ratios, and the model', () => {
		expect(ttlAdviceChartCaption(fourteen())).toBe(
			'At 14 requests an hour per prefix, 1-hour caching is cheapest: $104 a month less than 5-minute. ' +
				'No caching is cheapest below 0.75 requests an hour per prefix, 1-hour caching up to 340.24, and 5-minute caching above. ' +
				'A month: no cache $423, 5-minute $266 at a 68.9 % hit ratio, 1-hour $162 at 99.9999 %. ' +
				'Priced on Sonnet 4.6 with the Planned settings.'
		);
	});

	it('for a mix, names the largest share and the requests it serves', () => {
		const a = fourteen((w) => {
			w.planned.mixPercent = { 'sonnet-4-6': 30, 'haiku-4-5': 70 };
		});
		expect(pricedOnSentence(a)).toBe(
			"Priced on Haiku 4.5, the Planned mix's largest share (70 %), for the 7,056 requests a month it serves: each model has its own cache."
		);
		expect(ttlAdviceChartCaption(a)).toContain("Priced on Haiku 4.5, the Planned mix's largest share (70 %)");
	});

	it('says when the prefix is below the minimum', () => {
		const a = fourteen((w) => {
			w.cachedPrefixTokens = 1_000;
		});
		expect(ttlAdviceChartCaption(a)).toContain(
			"the three choices cost the same. A month: no cache $423, 5-minute $423 at a 68.9 % hit ratio, 1-hour $423 at 99.9999 %. Priced on Sonnet 4.6 with the Planned settings. The prefix (1,000 tokens) is below Sonnet 4.6's minimum cacheable length (1,024), so caching changes nothing."
		);
	});

	it("what the advice means for Planned's TTL", () => {
		const a = fourteen();
		// 266.048 − 162.087 = 103.96
		expect(plannedTtlSentence(a, '5m')).toBe('Planned uses 5-minute caching: 1-hour caching would cost $104 a month less on Sonnet 4.6.');
		expect(plannedTtlSentence(a, '1h')).toBe('Planned uses 1-hour caching, the cheapest.');
		// 423.36 − 162.087 = 261.27
		expect(plannedTtlSentence(a, null)).toBe('Planned does not cache: 1-hour caching would cost $261 a month less on Sonnet 4.6.');
	});
});

/** §11.10 agent on Sonnet 4.6: S = 5,000, u = 800, o = 400, 20 turns, g = 30 s, Planned 5-minute at h_s = 90 %. */
function agent(patch: (w: ConversationWorkload) => void = () => {}) {
	const w: ConversationWorkload = {
		...neutralConversation('Agent', 'sonnet-4-6'),
		turnsPerConversation: 20,
		systemTokens: 5_000,
		inputTokensPerTurn: 800,
		outputTokensPerTurn: 400,
		secondsBetweenTurns: 30,
		tokensCountedOn: 'legacy'
	};
	w.planned.caching = { ttl: '5m', systemHitPercent: 90 };
	patch(w);
	const c = plannedConversation({ ...emptyScenarioV2(), workloads: [w] }, w);
	if (!c) throw new Error('conversation expected');
	return c;
}

describe('conversations in words', () => {
	it('the caption: the last turn against the first uncached, and a conversation with each choice', () => {
		// uncached turn 1: 5,800 × 3 + 400 × 15 = 23,400 -> $0.0234; turn 20: 28,600 × 3 + 6,000 = 91,800 -> $0.0918; 3.92x
		const text = conversationCaption(agent());
		expect(text).toMatch(/^Uncached, turn 20 costs 3\.92x turn 1, because every turn resends the whole history: a 20-turn conversation costs \$1\.15 without caching, \$0\.3064 with 5-minute and \$0\.\d+ with 1-hour caching\./);
		expect(text).toContain('Priced on Sonnet 4.6 with the Planned settings, with a typed system prompt hit ratio of 90.0 %.');
		expect(conversationCaption(agent((w) => (w.turnsPerConversation = 1)))).toMatch(/^A 1-turn conversation costs \$0\.0234 without caching/);
	});

	it('the per-turn table: L_j, expected reads and writes, the cost with Planned caching and without', () => {
		const table = conversationTurnTable(agent());
		expect(table.columns).toEqual(['Turn', 'Prompt tokens', 'Read from cache', 'Written to cache', 'Cost, 5-minute caching', 'Cost without cache']);
		expect(table.rows).toHaveLength(20);
		// turn 1: read 0.9 × 5,000, write 1,300: (4,500 × 0.30 + 1,300 × 3.75 + 6,000) / 1e6 = $0.012225
		expect(table.rows[0]).toEqual(['1', '5,800', '4,500', '1,300', '$0.01223', '$0.0234']);
		// turn 5: L_5 = 5,000 + 4 × 1,200 + 800 = 10,600; read ≈ L_4 = 9,400, write ≈ 1,200; uncached 10,600 × 3 + 6,000 = $0.0378
		expect(table.rows[4]?.slice(0, 4)).toEqual(['5', '10,600', '9,400', '1,200']);
		expect(table.rows[4]?.[5]).toBe('$0.0378');
	});

	it('marks the turn where a band starts, and says what it means', () => {
		const c = agent((w) => {
			w.planned.mixPercent = { 'haiku-5-5': 100 };
			w.tokensCountedOn = '2026';
			w.systemTokens = 20_000;
			w.inputTokensPerTurn = 3_000;
			w.outputTokensPerTurn = 1_000;
			w.turnsPerConversation = 22;
		});
		const rows = conversationTurnTable(c).rows;
		expect(rows[19]?.[0]).toBe('20');
		expect(rows[20]?.[0]).toBe('21 (band starts: prompt above 100,000 tokens)');
		expect(bandSentence(c)).toBe("From turn 21 the prompt is above 100,000 tokens, and Haiku 5.5 bills the whole turn at its band's rates.");
		expect(bandSentence(agent())).toBe('');
	});

	it('a table without Planned caching says so in its cost column', () => {
		const c = agent((w) => {
			w.planned.caching = null;
		});
		expect(conversationTurnTable(c).columns[4]).toBe('Cost (Planned: no caching)');
		expect(conversationTurnTable(c).rows[0]?.slice(2, 4)).toEqual(['0', '0']);
	});
});
