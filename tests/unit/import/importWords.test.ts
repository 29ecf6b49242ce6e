// The import dialog's sentences (importWords.ts).
import { describe, expect, it } from 'vitest';
import { fileLine, formatBytes, issuePlace, progressLine, reasonLines, shown, throughputLine } from '$lib/import/importWords';
import { importTexts } from '$lib/import/importer';

describe('formatBytes (1 kB = 1,000 bytes)', () => {
	it.each([
		[0, '0 B'],
		[-5, '0 B'],
		[Number.NaN, '0 B'],
		[999, '999 B'],
		[1000, '1.0 kB'],
		[12_345, '12.3 kB'],
		[999_499, '999.5 kB'],
		[999_500, '1.0 MB'],
		[52_428_800, '52.4 MB'],
		[1_200_000_000, '1.2 GB']
	])('%d -> %s', (bytes, text) => {
		expect(formatBytes(bytes)).toBe(text);
	});
});

describe('progressLine and throughputLine', () => {
	it('says bytes of bytes and records', () => {
		expect(progressLine({ bytesRead: 1e6, bytesTotal: 4e6, records: 812 })).toBe('1.0 MB of 4.0 MB, 812 records');
		expect(progressLine({ bytesRead: 10, bytesTotal: 10, records: 1 })).toBe('10 B of 10 B, 1 record');
	});

	it('says size / seconds in MB/s: 52,428,800 bytes in 0.8 s = 65.5 MB/s; no rate below 1 MB', () => {
		expect(throughputLine(2, 52_428_800, 800)).toBe('2 files, 52.4 MB in 0.80 s (65.5 MB/s)');
		expect(throughputLine(1, 1e6, 0)).toBe('1 file, 1.0 MB in 0.00 s (1,000.0 MB/s)');
		expect(throughputLine(1, 165, 70)).toBe('1 file, 165 B in 0.07 s');
	});
});

describe('what a file gave', () => {
	const text = ['{"model":"claude-haiku-4-5","usage":{"input_tokens":1,"output_tokens":2}}', 'not json', '{"model":"claude-haiku-4-5","usage":{"input_tokens":1}}'].join('\n');
	const report = importTexts([{ name: 'bad\u202Efile.jsonl', text }]).files[0]!;

	it('a sentence per file, and the reasons most frequent first', () => {
		expect(fileLine(report)).toBe('Messages API responses: 1 record read, 2 skipped');
		expect(reasonLines({ 'not valid JSON': 1, 'missing usage.output_tokens': 2 })).toEqual(['missing usage.output_tokens: 2', 'not valid JSON: 1']);
	});

	it('each problem with its file, line and field; invisible characters escaped', () => {
		const places = report.issues.map(issuePlace);
		expect(places).toContain('bad\\u202efile.jsonl, line 2');
		expect(places).toContain('bad\\u202efile.jsonl, line 3, field usage.output_tokens');
		expect(shown('a\u200Bb')).toBe('a\\u200bb');
	});
});
