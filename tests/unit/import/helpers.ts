// Shared by the import tests: the fixtures of tests/fixtures/import, read as text.
import { readFileSync } from 'node:fs';
import { importTexts, type ImportOptions } from '$lib/import/importer';
import type { ImportSummary, UsageGroup } from '$lib/import/types';

export function fixture(name: string): string {
	return readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');
}

/** Imports fixtures by file name, each as one chunk. */
export function importFixtures(names: readonly string[], options: ImportOptions = {}): ImportSummary {
	return importTexts(
		names.map((name) => ({ name, text: fixture(name) })),
		options
	);
}

/** The group with this key (model id | tier | speed | geo); fails the test when missing. */
export function group(summary: ImportSummary, key: string): UsageGroup {
	const found = summary.groups.find((g) => g.key === key);
	if (!found) throw new Error(`no group ${key}; groups: ${summary.groups.map((g) => g.key).join(', ')}`);
	return found;
}
