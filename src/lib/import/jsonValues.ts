// A JSON document fed in chunks, cut into its values without holding the whole document:
// a pretty-printed object, several objects one after another, or an array whose elements are
// delivered one by one (`[{...}, {...}]`). Each value's text goes to JSON.parse on its own.
// Pure: the caller feeds chunks and receives value texts.

/** The largest single value kept, in characters. A larger (or never closed) value is reported and the rest of the document dropped. */
export const MAX_VALUE_CHARS = 64 * 1024 * 1024;

export interface JsonValueReader {
	push(chunk: string): void;
	end(): void;
}

export interface JsonValueHandlers {
	/** A complete object or array: its text, the line it starts on, and its index in a top-level array (or null). */
	value(text: string, line: number, index: number | null): void;
	/** Text that is not part of any object or array (a stray number, a word, an unclosed value). */
	problem(line: number, message: string): void;
}

const OPEN_BRACE = 123; // {
const CLOSE_BRACE = 125; // }
const OPEN_BRACKET = 91; // [
const CLOSE_BRACKET = 93; // ]
const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;
const COMMA = 44;

function isSpace(c: number): boolean {
	return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

/**
 * Cuts a JSON document into values. A top-level array is opened and its elements delivered
 * one at a time with their index; top-level objects are delivered whole. Brackets inside
 * strings are ignored; whether a value is valid JSON is left to JSON.parse.
 * Example: push('[{"a":'), push('1},\n{"b":2}]') -> value('{"a":1}', 1, 0), value('{"b":2}', 2, 1).
 */
export function createJsonValueReader(handlers: JsonValueHandlers, maxChars = MAX_VALUE_CHARS): JsonValueReader {
	/** Earlier chunks' parts of the value being read, and their length. */
	let parts: string[] = [];
	let partsLength = 0;
	/** Line of the next character to scan. */
	let line = 1;
	/** Depth of the value being read, counted from the value level (0: between values). */
	let depth = 0;
	/** True inside a top-level array: its elements are the values. */
	let inArray = false;
	let index = 0;
	let inString = false;
	let escaped = false;
	let startLine = 0;
	let strayLine = 0;
	let abandoned = false;

	const stray = (at: number) => {
		if (strayLine !== at) handlers.problem(at, 'text outside any JSON object or array');
		strayLine = at;
	};

	return {
		push(text) {
			if (abandoned) return;
			// Where the value being read starts in this chunk (0 when it began in an earlier one).
			let start = 0;
			for (let i = 0; i < text.length; i++) {
				const c = text.charCodeAt(i);
				if (c === NEWLINE) line += 1;
				if (depth > 0) {
					if (inString) {
						if (escaped) escaped = false;
						else if (c === BACKSLASH) escaped = true;
						else if (c === QUOTE) inString = false;
					} else if (c === QUOTE) inString = true;
					else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth += 1;
					else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
						depth -= 1;
						if (depth === 0) {
							const piece = text.slice(start, i + 1);
							const value = parts.length ? parts.join('') + piece : piece;
							parts = [];
							partsLength = 0;
							handlers.value(value, startLine, inArray ? index++ : null);
						}
					}
					continue;
				}
				// Between values.
				if (isSpace(c) || (inArray && c === COMMA)) continue;
				if (c === OPEN_BRACE || (c === OPEN_BRACKET && inArray)) {
					depth = 1;
					start = i;
					startLine = line;
				} else if (c === OPEN_BRACKET) {
					inArray = true;
					index = 0;
				} else if (c === CLOSE_BRACKET && inArray) {
					inArray = false;
				} else stray(line);
			}
			if (depth > 0) {
				const piece = text.slice(start);
				parts.push(piece);
				partsLength += piece.length;
				if (partsLength > maxChars) {
					handlers.problem(startLine, `a JSON value longer than ${Math.round(maxChars / 1024 / 1024)} MB, or one that is never closed: the rest of the file was not read`);
					abandoned = true;
					parts = [];
					partsLength = 0;
				}
			}
		},
		end() {
			if (!abandoned && depth > 0) handlers.problem(startLine, 'the file ends in the middle of a JSON value');
			else if (!abandoned && inArray) handlers.problem(line, 'the file ends before the closing ] of its array');
			parts = [];
			partsLength = 0;
			depth = 0;
			inArray = false;
		}
	};
}
