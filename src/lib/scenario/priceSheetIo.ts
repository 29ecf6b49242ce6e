// Reading and writing price sheet files (`Download price sheet`, `Open price sheet…`). Loads
// zod (through the sheet schema), so the page imports it only when a file is read or saved.
import { checkPriceSheet, parsePriceSheet } from '../pricing/schema';
import { escapeInvisible } from '../validation/quoteSafely';
import type { PricedScenario } from './customModels';
import { editedSheet, sheetToScenario, type OpenedSheet } from './priceSheetFile';

/** The shipped sheets are under 20 kB; anything past this is not a price sheet. */
export const MAX_SHEET_FILE_CHARACTERS = 2_000_000;
/** At most this many problems are listed; the last line counts the rest. */
const MAX_PROBLEMS = 10;

/**
 * The scenario's effective sheet (editedSheet) as pretty JSON, tab-indented and ending with a
 * newline, checked with parsePriceSheet, so a downloaded sheet always opens again.
 */
export function priceSheetJson(s: PricedScenario): string {
	return `${JSON.stringify(parsePriceSheet(editedSheet(s)), null, '\t')}\n`;
}

/** Why a file is not a usable price sheet: a sentence, and the fields at fault. */
export interface SheetFileError {
	error: string;
	problems: string[];
}

/**
 * Reads a price sheet file for this scenario: the scenario with the file's prices (see
 * sheetToScenario) and what was applied, or why the file could not be used, naming every bad
 * field (at most 10) in plain text. Never throws.
 */
export function readPriceSheetFile<S extends PricedScenario>(text: string, s: S): OpenedSheet<S> | SheetFileError {
	if (typeof text !== 'string') return { error: 'This file could not be read as text.', problems: [] };
	if (text.length > MAX_SHEET_FILE_CHARACTERS) return { error: 'This file is too large to be a price sheet.', problems: [] };
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return { error: 'This file is not valid JSON, so it is not a price sheet. Open a file saved with "Download price sheet".', problems: [] };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return { error: 'This file does not hold a price sheet object. Open a file saved with "Download price sheet".', problems: [] };
	}
	const checked = checkPriceSheet(data);
	if (!checked.ok) {
		const problems = checked.problems.map(escapeInvisible);
		const shown = problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS - 1), `…and ${problems.length - MAX_PROBLEMS + 1} more problems`] : problems;
		return { error: 'This file is not a valid price sheet; nothing was changed. The problems, by field:', problems: shown };
	}
	try {
		const opened = sheetToScenario(checked.sheet, s);
		return { scenario: opened.scenario, applied: opened.applied.map(escapeInvisible) };
	} catch {
		return { error: 'This price sheet could not be applied; nothing was changed.', problems: [] };
	}
}
