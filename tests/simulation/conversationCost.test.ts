// A simulation of conversations against the cache, checked against conversationCost's
// expected cost (docs/pricing-model.md §5). It follows cache entries, not the formula:
//
// - turn j starts an exponential gap (mean g seconds) after turn j − 1 and sends L_j tokens;
// - two breakpoints: one after the system part S and one at the end of each request, so the
//   conversation's entries are S and every earlier L_k, each holding the second it expires;
//   an entry exists only when its length reaches the model's minimum;
// - a turn reads the longest live entry and writes the rest of L_j (a turn below the minimum
//   caches nothing and pays L_j as input); the entry it read and the one it wrote then live
//   one TTL from the start of this turn; writing L_j also writes the S breakpoint;
// - the system entry is shared with other conversations: besides this conversation's own
//   use, it is warm with probability h_s at each lookup (a fresh draw per turn);
// - each turn is priced at the rates of its own prompt length (bands), with fast mode and
//   US-only as levers, plus its searches.
//
// 20,000 conversations per setting; the mean cost must agree with the expectation within 1 %.
import { describe, expect, it } from 'vitest';
import { TTL_MINUTES, cacheWriteRate, conversationCost, rateFactor, requestRates, WEB_SEARCH_DOLLARS, type ConversationLevers, type ConversationShape } from '$lib/engine';
import type { ModelPrice } from '$lib/pricing/schema';
import { getModel, getSheet } from '$lib/pricing/sheets';
import { exponential, mulberry32 } from './prng';

const november = getSheet('anthropic-2026-11');
const FACTORS = { batch: november.batchMultiplier, usOnlyInference: november.usOnlyInferenceMultiplier };
const CONVERSATIONS = 20_000;

interface Setting {
	name: string;
	model: ModelPrice;
	shape: ConversationShape;
	levers: ConversationLevers & { caching: NonNullable<ConversationLevers['caching']> };
	seed: number;
}

/** The mean cost of one conversation over CONVERSATIONS simulated ones. */
function simulate({ model, shape, levers, seed }: Setting): number {
	const random = mulberry32(seed);
	const { systemTokens: s, inputTokensPerTurn: u, outputTokensPerTurn: o, turns, secondsBetweenTurns: g } = shape;
	const { ttl, systemHitRatio } = levers.caching;
	const ttlSeconds = TTL_MINUTES[ttl] * 60;
	const perMTok = rateFactor(model, { batchShare: 0, fastMode: levers.fastMode, usOnlyInference: levers.usOnlyInference }, FACTORS) / 1e6;
	const cacheable = (tokens: number) => tokens > 0 && tokens >= model.minCacheTokens;
	const prompt = (j: number) => s + (j - 1) * (u + o) + u;

	let total = 0;
	// expires[k] for the entry of L_k (k = 1..turns); systemExpires for this conversation's own S entry.
	const expires = new Float64Array(turns + 1);
	for (let c = 0; c < CONVERSATIONS; c++) {
		expires.fill(-Infinity);
		let systemExpires = -Infinity;
		let t = 0;
		for (let j = 1; j <= turns; j++) {
			if (j > 1) t += exponential(random, g);
			const length = prompt(j);
			const rates = requestRates(model, length);
			let plain = 0;
			let read = 0;
			let written = 0;
			// The system entry is warm from other conversations with probability h_s (drawn every turn).
			const systemWarm = cacheable(s) && (systemExpires > t || random() < systemHitRatio);
			if (!cacheable(length)) {
				plain = length;
			} else {
				// The longest live entry: an earlier turn's, else the system part's, else none.
				let found = 0;
				for (let k = j - 1; k >= 1; k--) {
					if ((expires[k] as number) > t) {
						found = prompt(k);
						expires[k] = t + ttlSeconds; // a hit refreshes the entry it read
						break;
					}
				}
				if (found === 0 && systemWarm) found = s;
				read = found;
				written = length - found;
				expires[j] = t + ttlSeconds;
				if (cacheable(s)) systemExpires = t + ttlSeconds;
			}
			total +=
				(plain * rates.inputPerMTok + read * rates.cacheReadPerMTok + written * cacheWriteRate(ttl, rates) + o * rates.outputPerMTok) * perMTok +
				(shape.webSearchesPerTurn ?? 0) * WEB_SEARCH_DOLLARS;
		}
	}
	return total / CONVERSATIONS;
}

const sonnet = getModel(november, 'sonnet-4-6');
const SETTINGS: Setting[] = [
	{
		name: '§11.11 coding agent: Sonnet 4.6, 20 turns, g = 30 s, 5 min, h_s = 90 %',
		model: sonnet,
		shape: { systemTokens: 5000, inputTokensPerTurn: 800, outputTokensPerTurn: 400, turns: 20, secondsBetweenTurns: 30 },
		levers: { caching: { ttl: '5m', systemHitRatio: 0.9 } },
		seed: 11
	},
	{
		name: 'chat: Sonnet 4.6, 12 turns, g = 4 min, 5 min, h_s = 50 %',
		model: sonnet,
		shape: { systemTokens: 3000, inputTokensPerTurn: 200, outputTokensPerTurn: 300, turns: 12, secondsBetweenTurns: 240 },
		levers: { caching: { ttl: '5m', systemHitRatio: 0.5 } },
		seed: 12
	},
	{
		name: 'slow chat: Opus 5.5 fast + US-only, 1 search a turn, 15 turns, g = 30 min, 1 h, h_s = 30 %',
		model: getModel(november, 'opus-5-5'),
		shape: { systemTokens: 8000, inputTokensPerTurn: 500, outputTokensPerTurn: 700, turns: 15, secondsBetweenTurns: 1800, webSearchesPerTurn: 1 },
		levers: { caching: { ttl: '1h', systemHitRatio: 0.3 }, fastMode: true, usOnlyInference: true },
		seed: 13
	},
	{
		name: 'Haiku 5.5 across its band: 30 turns, g = 2 min, 5 min, h_s = 70 %',
		model: getModel(november, 'haiku-5-5'),
		shape: { systemTokens: 20_000, inputTokensPerTurn: 3000, outputTokensPerTurn: 1000, turns: 30, secondsBetweenTurns: 120 },
		levers: { caching: { ttl: '5m', systemHitRatio: 0.7 } },
		seed: 14
	},
	{
		name: 'below the minimum at first: Sonnet 4.6, S = 600, 10 turns, g = 200 s, 5 min',
		model: sonnet,
		shape: { systemTokens: 600, inputTokensPerTurn: 300, outputTokensPerTurn: 100, turns: 10, secondsBetweenTurns: 200 },
		levers: { caching: { ttl: '5m', systemHitRatio: 1 } },
		seed: 15
	}
];

const TOLERANCE = 0.01;

describe('conversationCost against a simulation of 20,000 conversations', () => {
	const report: string[] = [];

	it.each(SETTINGS)('$name', (setting) => {
		const expected = conversationCost(setting.model, setting.shape, setting.levers, FACTORS).perConversation.total;
		const simulated = simulate(setting);
		const difference = (simulated - expected) / expected;
		const line = `${setting.name}: expected $${expected.toFixed(6)}, simulated $${simulated.toFixed(6)}, difference ${(difference * 100).toFixed(3)} %`;
		report.push(line);
		expect(Math.abs(difference), line).toBeLessThanOrEqual(TOLERANCE);
	});

	it('prints the agreement figures', () => {
		console.log(`conversationCost vs simulation (${CONVERSATIONS} conversations each, tolerance ${TOLERANCE * 100} %):\n  ${report.join('\n  ')}`);
		expect(report).toHaveLength(SETTINGS.length);
	});
});
