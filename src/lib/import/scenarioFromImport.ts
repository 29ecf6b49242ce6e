// `Use as Today`: the scenario with its workloads replaced by those of the imported usage
// (docs/usage-import.md "The import dialog"). Everything else of the scenario (its sheet,
// prices, custom models, lever order, name) stays. Pure: the page repairs and jumps to it.
import { MAX_WORKLOADS } from '../scenario/fields';
import type { RequestWorkload, ScenarioV2 } from '../scenario/types';
import type { ImportedWorkload, WorkloadsFromUsage } from './toWorkloads';

/**
 * The scenario with the imported workloads as its only workloads (Planned equal to Today, as
 * toWorkloads makes them), or null when the import gives none. Beyond MAX_WORKLOADS, the
 * workloads with most requests a month are kept, in their order, and a note names the rest.
 * The notes are toWorkloads' notes, then this one. The input scenario is not changed.
 * Example: the example scenario and one Sonnet 4.6 workload -> the same scenario with that
 * single workload.
 */
export function scenarioFromImport(scenario: ScenarioV2, imported: WorkloadsFromUsage): { scenario: ScenarioV2; notes: string[] } | null {
	if (imported.workloads.length === 0) return null;
	const notes = [...imported.notes];
	let kept: readonly ImportedWorkload[] = imported.workloads;
	if (kept.length > MAX_WORKLOADS) {
		const busiest = new Set([...kept].sort((a, b) => b.requestsPerMonth - a.requestsPerMonth).slice(0, MAX_WORKLOADS));
		const left = kept.filter((w) => !busiest.has(w));
		kept = kept.filter((w) => busiest.has(w));
		notes.push(
			`A scenario holds up to ${MAX_WORKLOADS} workloads: the ${MAX_WORKLOADS} with most requests a month were kept; left out: ${left.map((w) => w.name).join(', ')}.`
		);
	}
	const workloads: RequestWorkload[] = kept.map((w) => structuredClone(w));
	return { scenario: { ...structuredClone(scenario), workloads }, notes };
}
