// Format detection from the first chunk: every fixture, JSON Lines against one document,
// CSV delimiters, and what is not recognised (the file is then reported, never thrown on).
import { describe, expect, it } from 'vitest';
import { classifyValue, csvDelimiter, detectFormat } from '$lib/import/detect';
import { importTexts } from '$lib/import/importer';
import { fixture } from './helpers';

describe('detectFormat', () => {
	it.each([
		['messages.jsonl', 'messages', 'lines'],
		['messages-array.json', 'messages', 'document'],
		['batch-results.jsonl', 'batch-results', 'lines'],
		['claude-code.jsonl', 'claude-code', 'lines'],
		['usage-report-page1.json', 'usage-report', 'document'],
		['cost-report.json', 'cost-report', 'document'],
		['console-usage.csv', 'csv', 'csv'],
		['custom-columns.csv', 'csv', 'csv']
	])('%s is %s, read as %s', (name, format, mode) => {
		expect(detectFormat(fixture(name), true)).toMatchObject({ ok: true, format, mode });
	});

	it('takes a minified page on one line as JSON Lines, and a first line cut by the chunk as a document', () => {
		const page = JSON.stringify(JSON.parse(fixture('cost-report.json')));
		expect(detectFormat(page, true)).toMatchObject({ ok: true, format: 'cost-report', mode: 'lines' });
		expect(detectFormat(page.slice(0, 300), false)).toMatchObject({ ok: true, format: 'cost-report', mode: 'document' });
	});

	it('recognises a Claude Code log from a summary line alone, and a usage object alone', () => {
		expect(classifyValue({ type: 'summary', summary: 'x', leafUuid: 'u' })).toBe('claude-code');
		expect(classifyValue({ input_tokens: 1, output_tokens: 2 })).toBe('messages');
		expect(classifyValue([{ custom_id: 'a', result: { type: 'expired' } }])).toBe('batch-results');
		expect(classifyValue({ data: [], has_more: false })).toBe('usage-report');
		expect(classifyValue({ hello: 'world' })).toBeNull();
	});

	it('picks the CSV delimiter from the header, ignoring quoted ones', () => {
		expect(csvDelimiter('a;b;"c,d,e"')).toBe(';');
		expect(csvDelimiter('a\tb\tc')).toBe('\t');
		expect(csvDelimiter('a,b')).toBe(',');
	});

	it.each([
		['', 'The file is empty.'],
		['   \n', 'The file is empty.'],
		['{"hello": "world"}\n', 'This JSON is none of the formats the importer reads (Messages API responses, batch results, Claude Code logs, Admin API usage or cost reports).'],
		['just some words\nand more', 'The file is neither JSON nor CSV with a header row of at least two columns.']
	])('refuses %j in plain words', (text, message) => {
		const detection = detectFormat(text, true);
		expect(detection).toMatchObject({ ok: false, message });
		expect(detection.ok === false && detection.needMore).toBeFalsy();
	});

	it('asks for more text when JSON tells nothing yet', () => {
		expect(detectFormat('[\n  {\n    "id": "msg_1",', false)).toMatchObject({ ok: false, needMore: true });
	});
});

describe('files the importer cannot read', () => {
	it('reports them by name and reads the others', () => {
		const s = importTexts([
			{ name: 'notes.txt', text: 'hello' },
			{ name: 'empty.jsonl', text: '' },
			{ name: 'ok.jsonl', text: '{"model":"claude-haiku-4-5","usage":{"input_tokens":1,"output_tokens":1}}' }
		]);
		expect(s.files.map((f) => [f.name, f.format, f.recordsRead, f.issues[0]?.message ?? null])).toEqual([
			['notes.txt', null, 0, 'The file is neither JSON nor CSV with a header row of at least two columns.'],
			['empty.jsonl', null, 0, 'The file is empty.'],
			['ok.jsonl', 'messages', 1, null]
		]);
		expect(s.recordsRead).toBe(1);
		expect(s.skipped).toBe(2);
	});

	it('never throws, whatever the lines hold', () => {
		const lines = ['{"usage": null}', '{"usage": {"input_tokens": 1e400, "output_tokens": 1}}', '{"usage": {"input_tokens": 1.5, "output_tokens": 1}}', '[1, 2]', '{"usage": {"input_tokens": 200000000, "output_tokens": 1}}', '"text"', '{"model": 5, "usage": {"input_tokens": 1, "output_tokens": 1}}'];
		const s = importTexts([{ name: 'odd.jsonl', text: `{"input_tokens":1,"output_tokens":1}\n${lines.join('\n')}` }]);
		const f = s.files[0]!;
		expect(f.recordsRead).toBe(2);
		expect(f.skippedByReason).toEqual({
			'missing usage': 1,
			'usage.input_tokens not a whole number': 2,
			'not an object': 3,
			'usage.input_tokens too large': 1
		});
		expect(f.issues.find((i) => i.line === 6)?.message).toBe('usage.input_tokens is 200000000, more than the 100,000,000 one request can hold');
	});
});
