import type { ScenarioV2 } from '../scenario/types';
import { workloadAsV1 } from '../scenario/views';
import { scenarioWarnings, type Warning } from './warnings';

/** Warnings that concern the scenario, not one workload: said once, without a workload name. */
const SCENARIO_WIDE = /^(sheet-differs|note-|us-only-not-offered|deprecated-|retired-)/;

/**
 * Everything the page should point out about a version-2 scenario, each once: the warnings
 * of every workload (named after it when there are several), models of any Today mix that
 * are deprecated or retired, and why conversations do not batch.
 */
export function planWarnings(s: ScenarioV2): Warning[] {
	const out = new Map<string, Warning>();
	const several = s.workloads.length > 1;
	s.workloads.forEach((w, i) => {
		const view = workloadAsV1(s, w);
		// Every model of Today's mix is in use, not only the main one.
		const todayModels = Object.keys(w.today.mixPercent);
		const views = [view, ...todayModels.filter((id) => id !== view.baselineModel).map((id) => ({ ...view, baselineModel: id }))];
		for (const v of views) {
			for (const warning of scenarioWarnings(v)) {
				if (SCENARIO_WIDE.test(warning.id)) {
					if (!out.has(warning.id)) out.set(warning.id, warning);
					continue;
				}
				const id = `w${i}-${warning.id}`;
				if (!out.has(id)) out.set(id, { ...warning, id, text: several ? `${w.name}: ${warning.text}` : warning.text });
			}
		}
		if (w.kind === 'conversations' && w.turnsPerConversation > 1) {
			const id = `w${i}-conversation-no-batch`;
			out.set(id, {
				id,
				level: 'info',
				text: `${several ? `${w.name}: ` : ''}Conversations do not use the Batch API: each turn needs the answer to the one before, and batch results can take up to 24 hours.`
			});
		}
	});
	return [...out.values()];
}
