// Cutting chunked text into lines and JSON documents into values: every split point of the
// same text gives the same lines and values.
import { describe, expect, it } from 'vitest';
import { createJsonValueReader } from '$lib/import/jsonValues';
import { createLineSplitter } from '$lib/import/lineSplitter';

function splitLines(chunks: string[]): [string, number][] {
	const out: [string, number][] = [];
	const s = createLineSplitter((line, n) => out.push([line, n]));
	for (const c of chunks) s.push(c);
	s.end();
	return out;
}

describe('createLineSplitter', () => {
	const text = '{"a":1}\r\n{"b":"é"}\n\n{"c":3}';
	const expected: [string, number][] = [
		['{"a":1}', 1],
		['{"b":"é"}', 2],
		['', 3],
		['{"c":3}', 4]
	];

	it('gives lines numbered from 1, without \\r, the last one without a newline too', () => {
		expect(splitLines([text])).toEqual(expected);
	});

	it('gives the same lines wherever the chunks are cut (every two-piece split, and one character at a time)', () => {
		for (let i = 0; i <= text.length; i++) expect(splitLines([text.slice(0, i), text.slice(i)])).toEqual(expected);
		expect(splitLines([...text])).toEqual(expected);
	});

	it('reports a line longer than the limit once and drops it, keeping the lines after it', () => {
		const lines: string[] = [];
		const tooLong: number[] = [];
		const s = createLineSplitter((l) => lines.push(l), (n) => tooLong.push(n), 10);
		s.push('short\n0123456');
		s.push('789abcdef');
		s.push('ghij\nafter\n');
		s.end();
		expect(lines).toEqual(['short', 'after']);
		expect(tooLong).toEqual([2]);
	});
});

function readValues(chunks: string[]) {
	const values: [string, number, number | null][] = [];
	const problems: [number, string][] = [];
	const r = createJsonValueReader({ value: (t, l, i) => values.push([t, l, i]), problem: (l, m) => problems.push([l, m]) });
	for (const c of chunks) r.push(c);
	r.end();
	return { values, problems };
}

describe('createJsonValueReader', () => {
	it('delivers the elements of a top-level array one by one, with their line and index', () => {
		const doc = '[\n  {"a": "}]"},\n  {"b": [1, {"c": "\\"{"}]}\n]\n';
		const expected = {
			values: [
				['{"a": "}]"}', 2, 0],
				['{"b": [1, {"c": "\\"{"}]}', 3, 1]
			],
			problems: []
		};
		expect(readValues([doc])).toEqual(expected);
		for (let i = 0; i <= doc.length; i++) expect(readValues([doc.slice(0, i), doc.slice(i)])).toEqual(expected);
	});

	it('delivers a pretty-printed object whole, and objects one after another', () => {
		expect(readValues(['{\n "data": [],\n "has_more": false\n}\n{"x": 1}']).values).toEqual([
			['{\n "data": [],\n "has_more": false\n}', 1, null],
			['{"x": 1}', 5, null]
		]);
	});

	it('reports stray text and a value the file ends inside', () => {
		expect(readValues(['[{"a":1}, 42, {"b":']).problems).toEqual([
			[1, 'text outside any JSON object or array'],
			[1, 'the file ends in the middle of a JSON value']
		]);
	});

	it('gives up on a value longer than the limit instead of holding it', () => {
		const problems: number[] = [];
		const r = createJsonValueReader({ value: () => {}, problem: (l) => problems.push(l) }, 16);
		r.push('{"a": "0123456789');
		r.push('0123456789"}\n{"b":1}');
		r.end();
		expect(problems).toEqual([1]);
	});
});
