// How long one full recompute takes: everything the page derives from a scenario on each
// keystroke: computePlan (the savings, per-workload and per-model tables, and each workload's
// own rows for its waterfall), and every series the charts and the forecast draw, for every
// request workload (the page draws those of the one chosen under "Charts and explanations
// for": this is the upper bound): the cost-per-request lines against the hit ratio, the
// break-even markers and the shared-context series; and the forecast month by month. The
// headline case is a three-workload scenario.
// Run with `npm run bench`: esbuild bundles this file and Node runs the bundle, so the engine
// runs as plain JavaScript, as on the page (tsx would wrap every function it creates in a
// name-keeping helper, which adds about 40 % to these figures). It prints figures and never
// fails on time: machines differ. esbuild does not resolve SvelteKit's `$lib` alias, hence the
// relative imports.
import { availableParallelism, loadavg } from 'node:os';
import { breakEvenPoints, computePlan, forecast, hitRatioSeries, sharedContextSeries } from '../../src/lib/engine/index';
import { exampleScenarioV2 } from '../../src/lib/scenario/defaults';
import { forecastOptions } from '../../src/lib/scenario/forecastSettings';
import { parseScenario } from '../../src/lib/scenario/parse';
import type { ScenarioV2 } from '../../src/lib/scenario/types';
import { workloadAsV1 } from '../../src/lib/scenario/views';

/** Target for the median of the three-workload scenario (docs/performance.md). */
const TARGET_MICROSECONDS = 50;
const WARM_UP_RECOMPUTES = 20_000;
/** Recomputes per timed block: one block is long enough for the clock to resolve it. */
const BLOCK = 200;
const BLOCKS = 300;
/** A fixed "today", so the forecast's start month does not depend on when the bench runs. */
const OPENED_ON = new Date(Date.UTC(2026, 10, 25));

/** One full recompute, as the page does it; returns something so the work cannot be optimised away. */
function recompute(scenario: ScenarioV2): number {
	const plan = computePlan(scenario);
	let sink = plan.rows[plan.rows.length - 1]?.monthlyCost ?? 0;
	for (const [i, w] of scenario.workloads.entries()) {
		sink += plan.workloads[i]?.rows.length ?? 0;
		if (w.kind !== 'requests') continue;
		const view = workloadAsV1(scenario, w);
		sink += hitRatioSeries(view).cost['5m'][1] ?? 0;
		sink += breakEvenPoints(view).length;
		sink += sharedContextSeries(view).cost['1h'][9] ?? 0;
	}
	sink += forecast(scenario, plan, forecastOptions(scenario, OPENED_ON)).months.length;
	return sink;
}

function valid(data: unknown): ScenarioV2 {
	const result = parseScenario(data);
	if (!result.ok) throw new Error(`bench scenario is invalid: ${result.problems.join('; ')}`);
	return result.scenario;
}

/** Three request workloads: the example, a routed mix with a 1-hour cache, a trimmed batch job. */
function threeWorkloads(): ScenarioV2 {
	const example = exampleScenarioV2();
	const [support] = example.workloads;
	return valid({
		...example,
		name: 'Three workloads',
		workloads: [
			support,
			{
				...structuredClone(support),
				name: 'Code review',
				requestsPerMonth: 40_000,
				inputTokens: 60_000,
				cachedPrefixTokens: 50_000,
				outputTokens: 2_000,
				today: { mixPercent: { 'opus-4-6': 100 }, caching: { ttl: '5m', hitPercent: 50 }, batchPercent: 0, fastMode: false },
				planned: {
					mixPercent: { 'opus-4-6': 30, 'sonnet-4-6': 70 },
					caching: { ttl: '1h', hitPercent: 85 },
					batchPercent: 0,
					fastMode: false,
					inputTrimPercent: 10,
					outputTrimPercent: 0
				}
			},
			{
				...structuredClone(support),
				name: 'Nightly summaries',
				requestsPerMonth: 1_200_000,
				inputTokens: 4_000,
				cachedPrefixTokens: 2_500,
				outputTokens: 300,
				today: { mixPercent: { 'sonnet-4-6': 100 }, caching: null, batchPercent: 0, fastMode: false },
				planned: {
					mixPercent: { 'haiku-4-5': 80, 'sonnet-4-6': 20 },
					caching: { ttl: '5m', hitPercent: 70 },
					batchPercent: 100,
					fastMode: false,
					inputTrimPercent: 20,
					outputTrimPercent: 30
				}
			}
		]
	});
}

const SCENARIOS: [string, ScenarioV2][] = [
	['three workloads (target)', threeWorkloads()],
	['the example on / (1 workload)', exampleScenarioV2()]
];

function quantile(sorted: readonly number[], q: number): number {
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[i] ?? Number.NaN;
}

/**
 * Microseconds per recompute, one figure per timed block, sorted ascending: elapsed (wall
 * clock) and CPU time (this process's user + system time, which other processes on a busy
 * machine do not inflate; it includes the garbage collector's helper threads).
 */
function measure(scenario: ScenarioV2): { wall: number[]; cpu: number[] } {
	let sink = 0;
	for (let i = 0; i < WARM_UP_RECOMPUTES; i++) sink += recompute(scenario);
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let b = 0; b < BLOCKS; b++) {
		const cpuStart = process.cpuUsage();
		const start = performance.now();
		for (let i = 0; i < BLOCK; i++) sink += recompute(scenario);
		wall.push(((performance.now() - start) * 1000) / BLOCK);
		const used = process.cpuUsage(cpuStart);
		cpu.push((used.user + used.system) / BLOCK);
	}
	if (!Number.isFinite(sink)) throw new Error('a recompute returned a non-finite figure');
	return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const fmt = (us: number) => us.toFixed(2).padStart(8);
console.log('Full recompute: computePlan (with each workload\'s rows), per request workload hitRatioSeries, breakEvenPoints');
console.log('and sharedContextSeries (of its version-1 view), and the forecast');
console.log(`${BLOCKS} blocks of ${BLOCK} recomputes after ${WARM_UP_RECOMPUTES} warm-up recomputes; µs per recompute`);
console.log(`target: median < ${TARGET_MICROSECONDS} µs for three workloads (on a quiet machine elapsed and CPU agree;`);
console.log(`on a busy one elapsed time includes waiting for a core, CPU time does not)\n`);
console.log(`${'scenario'.padEnd(34)}  ${'elapsed: median'.padStart(15)} ${'p95'.padStart(8)}   ${'CPU: median'.padStart(11)} ${'p95'.padStart(8)}`);
for (const [name, scenario] of SCENARIOS) {
	const { wall, cpu } = measure(scenario);
	console.log(`${name.padEnd(34)}  ${fmt(quantile(wall, 0.5)).padStart(15)} ${fmt(quantile(wall, 0.95))}   ${fmt(quantile(cpu, 0.5)).padStart(11)} ${fmt(quantile(cpu, 0.95))}`);
}
console.log(`\nload average ${loadavg()[0]?.toFixed(2)} on ${availableParallelism()} CPUs`);
