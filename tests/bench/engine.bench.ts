// How long one full recompute takes: everything the page derives from a scenario on each
// keystroke (the savings table, both charts, the break-even markers, the per-model split).
// Run with `npm run bench`. It prints figures and never fails on time: machines differ.
// tsx does not resolve SvelteKit's `$lib` alias, hence the relative imports.
import {
	ALL_LEVERS,
	breakEvenPoints,
	computeStack,
	hitRatioSeries,
	monthlyCost,
	sharedContextSeries
} from '../../src/lib/engine/index';
import { defaultScenario } from '../../src/lib/scenario/defaults';
import { parseScenario, type Scenario } from '../../src/lib/scenario/schema';

const TARGET_MICROSECONDS = 50;
const WARM_UP_RECOMPUTES = 20_000;
/** Recomputes per timed block: one block is long enough for the clock to resolve it. */
const BLOCK = 200;
const BLOCKS = 300;

/** One full recompute, as the page does it; returns something so the work cannot be optimised away. */
function recompute(scenario: Scenario): number {
	const rows = computeStack(scenario);
	const hit = hitRatioSeries(scenario);
	const shared = sharedContextSeries(scenario);
	const markers = breakEvenPoints(scenario);
	const perModel = monthlyCost(scenario, ALL_LEVERS);
	return (
		(rows[rows.length - 1]?.monthlyCost ?? 0) +
		(hit.cost['5m'][50] ?? 0) +
		(shared.cost['1h'][9] ?? 0) +
		markers.length +
		perModel.models.length
	);
}

function valid(data: unknown): Scenario {
	const result = parseScenario(data);
	if (!result.ok) throw new Error(`bench scenario is invalid: ${result.problems.join('; ')}`);
	return result.scenario;
}

const SCENARIOS: [string, Scenario][] = [
	['default (3 models, all levers)', defaultScenario()],
	[
		'guide sheet, 1 model, no batch',
		valid({ priceSheet: 'guide-2026-03', mixPercent: { 'opus-4-6': 100 }, batchPercent: 0 })
	],
	[
		'all 7 models, 1-hour TTL, overrides',
		valid({
			cacheTtl: '1h',
			mixPercent: {
				'opus-4-6': 10,
				'sonnet-4-6': 20,
				'haiku-4-5': 20,
				'opus-4-5': 10,
				'opus-4-1': 10,
				'sonnet-4-5': 20,
				'haiku-3-5': 10
			},
			prices: { 'opus-4-6': { inputPerMTok: 4 }, 'haiku-3-5': { minCacheTokens: 1024 } }
		})
	],
	[
		'Sonnet 4.5 long context (250k input)',
		valid({
			inputTokens: 250_000,
			cachedPrefixTokens: 200_000,
			baselineModel: 'sonnet-4-5',
			mixPercent: { 'sonnet-4-5': 60, 'sonnet-4-6': 40 }
		})
	]
];

function quantile(sorted: readonly number[], q: number): number {
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[i] ?? Number.NaN;
}

/** Microseconds per recompute, one figure per timed block, sorted ascending. */
function measure(scenario: Scenario): number[] {
	let sink = 0;
	for (let i = 0; i < WARM_UP_RECOMPUTES; i++) sink += recompute(scenario);
	const perRecompute: number[] = [];
	for (let b = 0; b < BLOCKS; b++) {
		const start = performance.now();
		for (let i = 0; i < BLOCK; i++) sink += recompute(scenario);
		perRecompute.push(((performance.now() - start) * 1000) / BLOCK);
	}
	if (!Number.isFinite(sink)) throw new Error('a recompute returned a non-finite figure');
	return perRecompute.sort((a, b) => a - b);
}

const fmt = (us: number) => us.toFixed(2).padStart(8);
console.log(`Full recompute: computeStack + hitRatioSeries + sharedContextSeries + breakEvenPoints + monthlyCost`);
console.log(`${BLOCKS} blocks of ${BLOCK} recomputes after ${WARM_UP_RECOMPUTES} warm-up recomputes; µs per recompute`);
console.log(`target: < ${TARGET_MICROSECONDS} µs (median)\n`);
console.log(`${'scenario'.padEnd(40)}  median       p95`);
for (const [name, scenario] of SCENARIOS) {
	const times = measure(scenario);
	const median = quantile(times, 0.5);
	const p95 = quantile(times, 0.95);
	const verdict = median < TARGET_MICROSECONDS ? 'ok' : 'above target';
	console.log(`${name.padEnd(40)}${fmt(median)}  ${fmt(p95)}   ${verdict}`);
}
