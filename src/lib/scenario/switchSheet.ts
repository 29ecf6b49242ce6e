import { repairScenario } from './repair';
import type { Scenario } from './types';

/**
 * The scenario moved onto another price sheet, through the same repair as a link or a file
 * (one rule for every decision): models the new sheet lacks leave the mix (the rest rescale
 * to 100 %; an empty mix becomes the sheet's default mix), an unknown baseline becomes the
 * first model of the sheet's default mix, and their price overrides are dropped. Custom
 * models stay. Returns what changed, in plain words.
 */
export function switchSheet(scenario: Scenario, sheetId: string): { scenario: Scenario; changes: string[] } {
	const { scenario: next, corrections } = repairScenario({ ...scenario, priceSheet: sheetId });
	return { scenario: next, changes: corrections };
}
