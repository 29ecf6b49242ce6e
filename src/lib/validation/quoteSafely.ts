import { quote } from './describeIssues';

/** How many characters of a user's string a message quotes. */
const QUOTED_CHARACTERS = 32;

/** Invisible or direction-changing characters: controls, format (zero-width, RTL override), separators, unassigned, lone surrogates. */
const INVISIBLE = /[\p{C}\p{Zl}\p{Zp}]/gu;

/**
 * Quotes a value from outside (a URL, a file) for a plain-text message: briefly (at most
 * 32 characters of a string, then "..."), as JSON, with every invisible or bidi-control
 * character written as a visible \u escape so it cannot disguise the message. Never throws.
 * Example: quoteSafely('50\u202E') -> `"50\u202e"` (a visible backslash escape, 11 characters).
 */
export function quoteSafely(value: unknown): string {
	let text: string;
	try {
		text = quoteBriefly(value);
	} catch {
		text = '(an unreadable value)';
	}
	return escapeInvisible(text);
}

/**
 * A text with every invisible or bidi-control character written as a visible \u escape, for
 * plain-text messages that quote a file or a link. Example: escapeInvisible('a\u200Bb') -> 'a\\u200bb'.
 */
export function escapeInvisible(text: string): string {
	return text.replace(INVISIBLE, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

function quoteBriefly(value: unknown): string {
	if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return quote(value);
	const head = Array.from(value.slice(0, QUOTED_CHARACTERS * 2))
		.slice(0, QUOTED_CHARACTERS)
		.join('');
	const text = JSON.stringify(head);
	return head.length < value.length ? `${text.slice(0, -1)}..."` : text;
}
