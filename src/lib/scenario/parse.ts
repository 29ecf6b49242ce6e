import { fromV1 } from './fromV1';
import { isVersion2, repairScenarioV2 } from './repairV2';
import { parseScenario as parseVersion1 } from './schema';
import type { ScenarioV2 } from './types';

export type ParseResultV2 = { ok: true; scenario: ScenarioV2 } | { ok: false; problems: string[] };

/**
 * Validates a scenario JSON value of version 1 or 2 and returns it as version 2, with
 * defaults filled in, or every problem found in plain words. Never fixes anything: a
 * version-2 value is valid exactly when repairing it corrects nothing (the corrections are
 * the problems); a version-1 value is checked by version 1's rules and read as version 2
 * (docs/pricing-model.md §9).
 * Example: parseScenario({ version: 2, workloads: [{ requestsPerMonth: 1000 }] }).ok -> true.
 */
export function parseScenario(data: unknown): ParseResultV2 {
	if (!isVersion2(data)) {
		const v1 = parseVersion1(data);
		return v1.ok ? { ok: true, scenario: fromV1(v1.scenario) } : v1;
	}
	const { scenario, corrections } = repairScenarioV2(data);
	return corrections.length ? { ok: false, problems: corrections } : { ok: true, scenario };
}
