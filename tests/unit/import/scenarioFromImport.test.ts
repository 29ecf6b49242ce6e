// Use as Today (scenarioFromImport.ts): the imported workloads replace the scenario's,
// the rest of the scenario stays, and the input is not changed.
import { describe, expect, it } from 'vitest';
import { computePlan } from '$lib/engine';
import { importTexts } from '$lib/import/importer';
import { scenarioFromImport } from '$lib/import/scenarioFromImport';
import { toWorkloads, type ImportedWorkload } from '$lib/import/toWorkloads';
import { getSheet } from '$lib/pricing/sheets';
import { exampleScenarioV2 } from '$lib/scenario/defaults';
import { MAX_WORKLOADS } from '$lib/scenario/fields';
import { repairScenarioV2 } from '$lib/scenario/repairV2';
import { TWO_RESPONSES } from './pastedResponses';

const november = getSheet('anthropic-2026-11');

describe('scenarioFromImport', () => {
	it('replaces the workloads, keeps the rest, and plans nothing yet (Planned = Today, no saving)', () => {
		const scenario = exampleScenarioV2();
		const before = structuredClone(scenario);
		const imported = toWorkloads(importTexts([{ name: 'pasted', text: TWO_RESPONSES }]), { sheet: november });
		const built = scenarioFromImport(scenario, imported);
		expect(scenario).toEqual(before);
		expect(built?.scenario).toEqual({ ...before, workloads: imported.workloads });
		expect(built?.notes).toEqual(['Sonnet 4.6: the data has no dates, so its 2 requests are taken as one month.']);
		// It is a valid scenario as it is: the repair changes nothing.
		const repaired = repairScenarioV2(built?.scenario);
		expect(repaired.corrections).toEqual([]);
		expect(repaired.scenario).toEqual(built?.scenario);
		// Today's cost is the measured cost, $0.0291 (one TTL, no band), and Planned saves nothing.
		const plan = computePlan(repaired.scenario);
		expect(plan.today).toBeCloseTo(0.0291, 9);
		expect(plan.planned).toBeCloseTo(0.0291, 9);
	});

	it('gives nothing when the import has no workload', () => {
		expect(scenarioFromImport(exampleScenarioV2(), { workloads: [], notes: ['x'] })).toBeNull();
	});

	it(`keeps the ${MAX_WORKLOADS} busiest workloads, in their order, and names the rest`, () => {
		const one = toWorkloads(importTexts([{ name: 'pasted', text: TWO_RESPONSES }]), { sheet: november }).workloads[0]!;
		const workloads: ImportedWorkload[] = Array.from({ length: MAX_WORKLOADS + 2 }, (_, i) => ({ ...one, name: `W${i}`, requestsPerMonth: i === 3 ? 1 : 100 + i }));
		const built = scenarioFromImport(exampleScenarioV2(), { workloads, notes: [] });
		const names = built?.scenario.workloads.map((w) => w.name);
		expect(names).toHaveLength(MAX_WORKLOADS);
		// W3 (1 a month) and W0 (100, the least of the rest) are left out.
		expect(names).toEqual(workloads.map((w) => w.name).filter((n) => n !== 'W3' && n !== 'W0'));
		expect(built?.notes).toEqual([`A scenario holds up to ${MAX_WORKLOADS} workloads: the ${MAX_WORKLOADS} with most requests a month were kept; left out: W0, W3.`]);
	});
});
