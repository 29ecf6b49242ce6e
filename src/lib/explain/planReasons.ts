import type { PlanRow } from '../engine/plan';
import type { ScenarioV2 } from '../scenario/types';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A one-line reason for every row of the savings table whose lever saves nothing or adds
 * cost, keyed by row name. Rows that save money need no excuse.
 */
export function planReasons(s: ScenarioV2, rows: readonly PlanRow[]): Partial<Record<string, string>> {
	const reasons: Partial<Record<string, string>> = {};
	if (!(rows[0] && rows[0].monthlyCost > 0)) return reasons;
	const changes = {
		routing: s.workloads.some((w) => !same(w.planned.mixPercent, w.today.mixPercent)),
		caching: s.workloads.some((w) => !same(w.planned.caching, w.today.caching)),
		batch: s.workloads.some((w) => w.kind === 'requests' && w.planned.batchPercent !== w.today.batchPercent),
		fast: s.workloads.some((w) => w.planned.fastMode !== w.today.fastMode),
		trimming: s.workloads.some((w) => w.planned.inputTrimPercent > 0 || w.planned.outputTrimPercent > 0)
	};
	const unchanged = {
		routing: 'No workload plans a different model mix from Today.',
		caching: 'No workload plans different caching from Today.',
		batch: 'No workload plans a different batch share from Today.',
		fast: 'No workload switches fast mode.',
		trimming: 'Nothing is trimmed in Planned.'
	};
	const costsMore = {
		routing: 'The Planned mix costs more than Today’s models (on a model of the other tokenizer generation the same text also counts more tokens).',
		caching: 'Caching as planned costs more than Today: below its break-even hit ratio, cache writes cost more than the reads save.',
		batch: 'Less traffic goes through the Batch API than Today.',
		fast: 'Fast mode bills every rate at the model’s fast-mode factor (2x on Opus 5.5) outside batch.',
		trimming: 'Trimming cannot add cost; a difference this small is rounding.'
	};
	for (const row of rows) {
		if (row.key === null || row.stepSaving > 1e-9) continue;
		reasons[row.lever] = !changes[row.key] ? unchanged[row.key] : row.stepSaving < -1e-9 ? costsMore[row.key] : 'This change costs what Today does.';
	}
	return reasons;
}
