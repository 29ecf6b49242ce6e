// The streaming RFC 4180 tokenizer: quoted delimiters, line breaks and doubled quotes, every
// kind of line end, and the same rows wherever the chunks are cut.
import { describe, expect, it } from 'vitest';
import { createCsvTokenizer } from '$lib/import/csvTokenizer';

function tokenize(chunks: string[], delimiter = ',') {
	const rows: [string[], number][] = [];
	const problems: [number, string, boolean][] = [];
	const t = createCsvTokenizer({ row: (f, l) => rows.push([f, l]), problem: (l, m, fatal) => problems.push([l, m, fatal]) }, delimiter);
	for (const c of chunks) t.push(c);
	t.end();
	return { rows, problems };
}

describe('createCsvTokenizer', () => {
	const text = 'model,note,input\r\n"claude-sonnet-4-6","a, b",1\r\nx,"two\r\nlines, ""quoted""",2\n"",,3\rlast,"",4';
	const expected = {
		rows: [
			[['model', 'note', 'input'], 1],
			[['claude-sonnet-4-6', 'a, b', '1'], 2],
			[['x', 'two\r\nlines, "quoted"', '2'], 3],
			[['', '', '3'], 5],
			[['last', '', '4'], 6]
		],
		problems: []
	};

	it('reads quoted commas, quoted line breaks and doubled quotes; rows start on their own line', () => {
		expect(tokenize([text])).toEqual(expected);
	});

	it('gives the same rows for every two-piece split and one character at a time (\\r\\n cut in two included)', () => {
		for (let i = 0; i <= text.length; i++) expect(tokenize([text.slice(0, i), text.slice(i)])).toEqual(expected);
		expect(tokenize([...text])).toEqual(expected);
	});

	it('reads other delimiters', () => {
		expect(tokenize(['a;"b;c"\t\n1;2\n'], ';').rows).toEqual([
			[['a', 'b;c\t'], 1],
			[['1', '2'], 2]
		]);
	});

	it('keeps stray quotes as text and says so once per row', () => {
		expect(tokenize(['a"b,"c"d,e\n'])).toEqual({
			rows: [[['a"b', 'cd', 'e'], 1]],
			problems: [[1, 'a quote inside an unquoted field was kept as text', false]]
		});
	});

	it('drops a row whose quoted field never closes, and reports it as fatal', () => {
		expect(tokenize(['a,b\n1,"open\n2,3\n'])).toEqual({
			rows: [[['a', 'b'], 1]],
			problems: [[2, 'a quoted field is never closed: its row was not read', true]]
		});
	});

	it('gives no empty last row after a final newline, and an empty row for a blank line', () => {
		expect(tokenize(['a\n\nb\n']).rows).toEqual([
			[['a'], 1],
			[[''], 2],
			[['b'], 3]
		]);
	});
});
