// A discrete-event simulation of prompt-cache traffic, checked against the closed form of
// docs/pricing-model.md §4 (trafficHitRatio). It follows the cache itself, not the formula:
//
// - each active day opens one window of H hours; the whole workload's requests arrive in it
//   as one Poisson stream (exponential gaps), each picking a model by its share and one of
//   the n prefixes at random (so each model-prefix pair sees its own Poisson stream);
// - every model has its own cache: an entry per (model, prefix) holding the minute it expires;
// - a request hits when its entry has not expired; hit or miss, the entry then lives one TTL
//   from the start of this request (a miss writes it, a hit refreshes it);
// - the cache is emptied when a window opens (cold windows). Around the clock (H = 24) the
//   days run into each other and the cache is never emptied, the case §4 prices as
//   1 − e^(−λT).
//
// Each setting runs whole months until every model has served at least 200,000 requests.
import { describe, expect, it } from 'vitest';
import { TTL_MINUTES, trafficHitRatio, type Traffic } from '$lib/engine';
import type { CacheTtl } from '$lib/scenario/types';
import { exponential, mulberry32 } from './prng';

interface Setting {
	name: string;
	requestsPerMonth: number;
	traffic: Traffic;
	ttl: CacheTtl;
	/** Each model's share of the requests (they sum to 1). */
	shares: number[];
	seed: number;
}

interface Outcome {
	requests: number[];
	hits: number[];
}

const MIN_REQUESTS_PER_MODEL = 200_000;

function simulate({ requestsPerMonth, traffic, ttl, shares, seed }: Setting): Outcome {
	const random = mulberry32(seed);
	const { distinctPrefixes: n, activeHoursPerDay: hours, activeDaysPerMonth: days } = traffic;
	const windowMinutes = 60 * hours;
	const ttlMinutes = TTL_MINUTES[ttl];
	const meanGap = (days * windowMinutes) / requestsPerMonth; // minutes between arrivals in a window
	const expires = new Float64Array(shares.length * n).fill(-Infinity);
	const requests = shares.map(() => 0);
	const hits = shares.map(() => 0);
	const aroundTheClock = hours >= 24;
	// upTo[m] = shares[0] + ... + shares[m]: a uniform draw below it (and not below upTo[m − 1]) picks model m.
	const upTo = shares.map((_, m) => shares.slice(0, m + 1).reduce((a, b) => a + b, 0));
	let clock = 0; // minutes since the start of the simulation, across windows
	while (Math.min(...requests) < MIN_REQUESTS_PER_MODEL) {
		for (let day = 0; day < days; day++) {
			// A window opens: cold unless the traffic runs around the clock.
			if (!aroundTheClock) expires.fill(-Infinity);
			const opens = clock;
			let t = opens + exponential(random, meanGap);
			while (t < opens + windowMinutes) {
				const u = random();
				let model = 0;
				while (model < shares.length - 1 && u >= (upTo[model] as number)) model++;
				const slot = model * n + Math.floor(random() * n);
				requests[model]! += 1;
				if ((expires[slot] as number) > t) hits[model]! += 1;
				expires[slot] = t + ttlMinutes;
				t += exponential(random, meanGap);
			}
			// The next window starts a day later; around the clock, that is where this one ended.
			clock = opens + (aroundTheClock ? windowMinutes : 24 * 60);
		}
	}
	return { requests, hits };
}

const SETTINGS: Setting[] = [
	{ name: '12/h, 1 prefix, 24 h, 5 min', requestsPerMonth: 8640, traffic: { distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 30 }, ttl: '5m', shares: [1], seed: 1 },
	{ name: '0.5/h, 4 prefixes, 24 h, 1 h, two models 50/50', requestsPerMonth: 0.5 * 4 * 24 * 30 * 2, traffic: { distinctPrefixes: 4, activeHoursPerDay: 24, activeDaysPerMonth: 30 }, ttl: '1h', shares: [0.5, 0.5], seed: 2 },
	{ name: '10,000/month, 1 prefix, 8 h, 22 d, 5 min', requestsPerMonth: 10_000, traffic: { distinctPrefixes: 1, activeHoursPerDay: 8, activeDaysPerMonth: 22 }, ttl: '5m', shares: [1], seed: 3 },
	{ name: '440/month, 1 prefix, 10 h, 22 d, 1 h', requestsPerMonth: 440, traffic: { distinctPrefixes: 1, activeHoursPerDay: 10, activeDaysPerMonth: 22 }, ttl: '1h', shares: [1], seed: 4 },
	{ name: '440/month, 1 prefix, 10 h, 22 d, 5 min', requestsPerMonth: 440, traffic: { distinctPrefixes: 1, activeHoursPerDay: 10, activeDaysPerMonth: 22 }, ttl: '5m', shares: [1], seed: 5 },
	{ name: '30,000/month, 20 prefixes, 8 h, 20 d, 5 min, two models 70/30', requestsPerMonth: 30_000, traffic: { distinctPrefixes: 20, activeHoursPerDay: 8, activeDaysPerMonth: 20 }, ttl: '5m', shares: [0.7, 0.3], seed: 6 },
	{ name: '30,000/month, 20 prefixes, 8 h, 20 d, 1 h, three models 60/30/10', requestsPerMonth: 30_000, traffic: { distinctPrefixes: 20, activeHoursPerDay: 8, activeDaysPerMonth: 20 }, ttl: '1h', shares: [0.6, 0.3, 0.1], seed: 7 },
	{ name: '2,000/month, 5 prefixes, 0.5 h (window < TTL), 31 d, 1 h', requestsPerMonth: 2000, traffic: { distinctPrefixes: 5, activeHoursPerDay: 0.5, activeDaysPerMonth: 31 }, ttl: '1h', shares: [1], seed: 8 },
	{ name: '2,000,000/month, 5,000 prefixes, 16 h, 26 d, 5 min', requestsPerMonth: 2_000_000, traffic: { distinctPrefixes: 5000, activeHoursPerDay: 16, activeDaysPerMonth: 26 }, ttl: '5m', shares: [1], seed: 9 }
];

/** Agreement must be within this many percentage points. */
const TOLERANCE_PP = 0.5;

describe('trafficHitRatio against a discrete-event simulation of the cache', () => {
	const report: string[] = [];

	it.each(SETTINGS)('$name', (setting) => {
		const { requests, hits } = simulate(setting);
		setting.shares.forEach((share, model) => {
			const simulated = ((hits[model] as number) / (requests[model] as number)) * 100;
			const formula = trafficHitRatio(setting.requestsPerMonth * share, setting.traffic, setting.ttl) * 100;
			const line = `${setting.name}${setting.shares.length > 1 ? ` [model ${model + 1}, share ${share}]` : ''}: formula ${formula.toFixed(3)} %, simulated ${simulated.toFixed(3)} % over ${requests[model]} requests, difference ${(simulated - formula).toFixed(3)} pp`;
			report.push(line);
			expect(Math.abs(simulated - formula), line).toBeLessThanOrEqual(TOLERANCE_PP);
			expect(requests[model]).toBeGreaterThanOrEqual(MIN_REQUESTS_PER_MODEL);
		});
	});

	it('prints the agreement figures', () => {
		console.log(`trafficHitRatio vs simulation (tolerance ${TOLERANCE_PP} pp):\n  ${report.join('\n  ')}`);
		expect(report.length).toBeGreaterThanOrEqual(6);
	});
});
