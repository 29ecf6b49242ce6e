// What a name or the notes may hold. Links, files and the inputs clean text the same way, so
// the page never holds text its own link would correct.

/** Characters that would reorder or hide text around them, and C0/C1 controls (newlines and tabs allowed in notes). */
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const UNSAFE_LINE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Half of a surrogate pair: not a character, and no link can carry it (encodeURIComponent throws). */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without control or direction-changing characters and lone surrogates. */
export function safeText(text: string, multiline = false): string {
	return text.replace(multiline ? UNSAFE_TEXT : UNSAFE_LINE, '').replace(LONE_SURROGATE, '');
}
