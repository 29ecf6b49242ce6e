// docs/usage-import.md lists the CSV column names the importer knows: the table and the code
// must not drift apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_FIELDS } from '$lib/import/csvColumns';

const doc = readFileSync(new URL('../../../docs/usage-import.md', import.meta.url), 'utf8');

describe('docs/usage-import.md', () => {
	it.each(CSV_FIELDS)('lists every column name of %s, and no other', (field) => {
		const row = doc.split('\n').find((line) => line.startsWith(`| \`${field}\` |`));
		expect(row, `no row for ${field}`).toBeDefined();
		const listed = [...(row as string).split('|')[3]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
		expect(listed).toEqual(CSV_COLUMNS[field].names);
	});
});
