// Text chunks to whole lines, for JSON Lines: a line may end in the middle of one chunk and
// go on in the next. Pure: the caller feeds chunks and receives lines.

/** The longest line kept, in characters: a longer one is reported and skipped, never buffered whole. */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

export interface LineSplitter {
	/** Feeds the next chunk of text; calls `onLine` for every line it completes. */
	push(chunk: string): void;
	/** Ends the text: the last line, if it has no newline, is delivered now. */
	end(): void;
	/** Lines delivered so far. */
	readonly lines: number;
}

/**
 * Splits text fed in chunks into lines (`\n` or `\r\n`), numbered from 1. A line longer
 * than `maxChars` is not buffered: `onTooLong(line)` is called once and the rest of it is dropped.
 * Example: push('{"a":1}\n{"b"'), push(':2}\n') -> onLine('{"a":1}', 1), onLine('{"b":2}', 2).
 */
export function createLineSplitter(
	onLine: (line: string, lineNumber: number) => void,
	onTooLong: (lineNumber: number) => void = () => {},
	maxChars = MAX_LINE_CHARS
): LineSplitter {
	let carry = '';
	let lineNumber = 0;
	let dropping = false;

	const deliver = (text: string) => {
		lineNumber += 1;
		if (dropping) {
			dropping = false;
			return;
		}
		onLine(text.endsWith('\r') ? text.slice(0, -1) : text, lineNumber);
	};

	return {
		push(chunk) {
			let from = 0;
			let newline = chunk.indexOf('\n');
			while (newline >= 0) {
				const piece = chunk.slice(from, newline);
				deliver(carry ? carry + piece : piece);
				carry = '';
				from = newline + 1;
				newline = chunk.indexOf('\n', from);
			}
			if (from < chunk.length) {
				if (dropping) return;
				carry += chunk.slice(from);
				if (carry.length > maxChars) {
					onTooLong(lineNumber + 1);
					dropping = true;
					carry = '';
				}
			}
		},
		end() {
			if (carry || dropping) deliver(carry);
			carry = '';
		},
		get lines() {
			return lineNumber;
		}
	};
}
