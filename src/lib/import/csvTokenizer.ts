// A streaming RFC 4180 tokenizer: text chunks in, rows of fields out. Quoted fields may hold
// the delimiter, line breaks and doubled quotes (""), and may be cut anywhere by a chunk
// boundary. Pure.

/** The longest field kept, in characters: a longer one is cut and reported. */
export const MAX_FIELD_CHARS = 1024 * 1024;

export interface CsvTokenizer {
	push(chunk: string): void;
	end(): void;
}

export interface CsvHandlers {
	/** A complete row and the line it starts on (1-based). */
	row(fields: string[], line: number): void;
	/** Something RFC 4180 does not allow, read leniently; or a quoted field never closed. */
	problem(line: number, message: string, fatal: boolean): void;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Tokenizes CSV with the given delimiter (`,` by default). Line ends may be `\r\n`, `\n`
 * or `\r`. Lenient where RFC 4180 is strict: a quote inside an unquoted field, or text after
 * a closing quote, is kept as text (and reported once per row). A quoted field still open at
 * the end of the text is reported and its row dropped.
 * Example: push('a,"b,c"\n1,"x\n'), push('y"\n') -> row(['a', 'b,c'], 1), row(['1', 'x\ny'], 2).
 */
export function createCsvTokenizer(handlers: CsvHandlers, delimiter = ','): CsvTokenizer {
	const delim = delimiter.charCodeAt(0);
	let fields: string[] = [];
	let field = '';
	/** The field began with a quote and it has not closed yet. */
	let quoted = false;
	/** Inside a quoted field, the previous character was a quote (closing, or the first of ""). */
	let quotePending = false;
	/** The current field was quoted and has closed. */
	let closed = false;
	let fieldStarted = false;
	let line = 1;
	let rowLine = 1;
	let previousCR = false;
	/** Inside a quoted field, the previous character was \r (its line is counted; a \n after it is not). */
	let quotedCR = false;
	let rowProblem = false;
	let cut = false;

	const lenient = (message: string) => {
		if (!rowProblem) handlers.problem(rowLine, message, false);
		rowProblem = true;
	};
	const endField = () => {
		fields.push(field);
		field = '';
		quoted = false;
		quotePending = false;
		closed = false;
		fieldStarted = false;
		cut = false;
	};
	const endRow = () => {
		endField();
		handlers.row(fields, rowLine);
		fields = [];
		rowProblem = false;
	};
	const append = (text: string) => {
		if (cut) return;
		if (field.length + text.length > MAX_FIELD_CHARS) {
			field += text.slice(0, Math.max(0, MAX_FIELD_CHARS - field.length));
			lenient(`a field longer than ${MAX_FIELD_CHARS.toLocaleString('en-US')} characters was cut`);
			cut = true;
			return;
		}
		field += text;
	};

	return {
		push(chunk) {
			let runStart = -1;
			const flushRun = (i: number) => {
				if (runStart >= 0) append(chunk.slice(runStart, i));
				runStart = -1;
			};
			for (let i = 0; i < chunk.length; i++) {
				const c = chunk.charCodeAt(i);
				if (previousCR) {
					previousCR = false;
					if (c === LF) continue; // the \n of a \r\n, already counted as the line end
				}
				if (quoted && !quotePending) {
					if (c === QUOTE) {
						flushRun(i);
						quotePending = true;
						quotedCR = false;
					} else {
						if (c === CR) line += 1;
						else if (c === LF && !quotedCR) line += 1;
						quotedCR = c === CR;
						if (runStart < 0) runStart = i;
					}
					continue;
				}
				if (quotePending) {
					quotePending = false;
					if (c === QUOTE) {
						append('"');
						continue;
					}
					quoted = false;
					closed = true;
				}
				if (c === delim) {
					flushRun(i);
					endField();
				} else if (c === LF || c === CR) {
					flushRun(i);
					endRow();
					line += 1;
					rowLine = line;
					if (c === CR) previousCR = true;
				} else if (c === QUOTE && !fieldStarted && !closed) {
					quoted = true;
					fieldStarted = true;
				} else {
					if (closed) lenient('text after a closing quote was kept as part of the field');
					else if (c === QUOTE) lenient('a quote inside an unquoted field was kept as text');
					fieldStarted = true;
					if (runStart < 0) runStart = i;
				}
			}
			flushRun(chunk.length);
		},
		end() {
			if (quoted && !quotePending) {
				handlers.problem(rowLine, 'a quoted field is never closed: its row was not read', true);
				fields = [];
				field = '';
				quoted = false;
				return;
			}
			if (fields.length > 0 || fieldStarted || closed || quotePending || field !== '') endRow();
		}
	};
}
