// Streaming: the same summary however the text (or the bytes) arrives, including chunks cut
// in the middle of a line, of a quoted CSV field and of a multi-byte UTF-8 character.
import { describe, expect, it } from 'vitest';
import { importByteChunks, importTexts } from '$lib/import/importer';
import { fixture } from './helpers';

const whole = (name: string, text: string, detectChars?: number) => importTexts([{ name, text }], { detectChars });
const split = (name: string, text: string, at: number, detectChars?: number) => importTexts([{ name, text: [text.slice(0, at), text.slice(at)] }], { detectChars });

describe('text chunks', () => {
	it.each([
		// JSON Lines: the format is decided once the first 1,000 characters (whole first lines) are in.
		['messages.jsonl', 1000],
		['claude-code.jsonl', 1000],
		// A pretty-printed array and a CSV: decided from a first chunk that ends mid-line.
		['messages-array.json', 30],
		['console-usage.csv', 50]
	])('%s: every two-piece split gives the summary of the whole file', (name, detectChars) => {
		const text = fixture(name);
		const expected = whole(name, text, detectChars);
		expect(expected.recordsRead).toBeGreaterThan(0);
		for (let at = 1; at < text.length; at++) expect(split(name, text, at, detectChars)).toEqual(expected);
	});

	it('gives the same summary from 7-character chunks', () => {
		const text = fixture('messages.jsonl');
		const chunks = text.match(/[\s\S]{1,7}/g) as string[];
		expect(importTexts([{ name: 'messages.jsonl', text: chunks }], { detectChars: 1000 })).toEqual(whole('messages.jsonl', text, 1000));
	});
});

describe('byte chunks (UTF-8 decoded across chunk boundaries)', () => {
	const encoder = new TextEncoder();
	const jsonl = [
		JSON.stringify({ model: 'modèle-privé-🎉', usage: { input_tokens: 1, output_tokens: 2 } }),
		JSON.stringify({ model: 'claude-sonnet-4-6', content: [{ type: 'text', text: '日本語 — ça va' }], usage: { input_tokens: 3, output_tokens: 4 } })
	].join('\n');
	const csv = 'model,input tokens,Коммент 日本\nclaude-haiku-4-5,5,ünïcödé 🎉\n';

	it.each([
		['names.jsonl', jsonl],
		['names.csv', csv]
	])('%s: every byte split, inside multi-byte characters too, reads the same names', (name, text) => {
		const bytes = encoder.encode(text);
		const expected = importByteChunks([{ name, chunks: [bytes] }]);
		for (let at = 1; at < bytes.length; at++) {
			expect(importByteChunks([{ name, chunks: [bytes.subarray(0, at), bytes.subarray(at)] }])).toEqual(expected);
		}
		const oneByOne = Array.from(bytes, (b) => Uint8Array.of(b));
		expect(importByteChunks([{ name, chunks: oneByOne }])).toEqual(expected);
	});

	it('keeps the characters whole', () => {
		const bytes = encoder.encode(jsonl);
		const cut = bytes.indexOf(0xf0); // the first byte of 🎉
		const s = importByteChunks([{ name: 'names.jsonl', chunks: [bytes.subarray(0, cut + 2), bytes.subarray(cut + 2)] }]);
		expect(s.unrecognizedNames).toEqual(['modèle-privé-🎉']);
		const c = importByteChunks([{ name: 'names.csv', chunks: Array.from(encoder.encode(csv), (b) => Uint8Array.of(b)) }]);
		expect(c.files[0]!.csv?.unmapped).toEqual(['Коммент 日本']);
	});

	it('drops a byte-order mark', () => {
		const bytes = encoder.encode(`\uFEFF${csv}`);
		expect(importByteChunks([{ name: 'bom.csv', chunks: [bytes.subarray(0, 2), bytes.subarray(2)] }]).files[0]!.csv?.header[0]).toBe('model');
	});
});
