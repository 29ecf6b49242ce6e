// Reading fields out of parsed JSON, with the first problem named by its path. Pure.

/** Why a record could not be read: the field and the words for it. */
export interface Problem {
	field: string;
	/** Plain words for the user, e.g. `usage.output_tokens is missing`. */
	message: string;
	/** The kind of problem, to count records by (`missing usage.output_tokens`). */
	reason: string;
}

/** Collects the first problem met while reading one record. */
export interface Reading {
	problem: Problem | null;
}

export function newReading(): Reading {
	return { problem: null };
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `prefix.key`, or `key` without a prefix. */
export function joinPath(prefix: string, key: string): string {
	return prefix ? `${prefix}.${key}` : key;
}

export function fail(reading: Reading, field: string, message: string, reason: string): void {
	reading.problem ??= { field, message, reason };
}

/** A value as the message quotes it: short, on one line. */
export function quoteValue(value: unknown): string {
	let text: string;
	try {
		text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
	} catch {
		text = String(value);
	}
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * A count (tokens, searches, requests) at obj[key]: a whole number from 0 to `max`. Missing
 * or null gives 0, unless `required`, which is a problem; any other value is a problem.
 * Example: readCount(r, { input_tokens: 12 }, 'input_tokens', 'usage', true) -> 12.
 */
export function readCount(
	reading: Reading,
	obj: Record<string, unknown>,
	key: string,
	prefix: string,
	required = false,
	max = Number.MAX_SAFE_INTEGER
): number {
	const value = obj[key];
	const field = joinPath(prefix, key);
	if (value === undefined || value === null) {
		if (required) fail(reading, field, `${field} is missing`, `missing ${field}`);
		return 0;
	}
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
		fail(reading, field, `${field} is ${quoteValue(value)}, not a whole number of 0 or more`, `${field} not a whole number`);
		return 0;
	}
	if (value > max) {
		fail(reading, field, `${field} is ${value}, more than the ${max.toLocaleString('en-US')} one request can hold`, `${field} too large`);
		return 0;
	}
	return value;
}

/** A string at obj[key], or null when it is missing, null or not a string. */
export function readString(obj: Record<string, unknown>, key: string): string | null {
	const value = obj[key];
	return typeof value === 'string' ? value : null;
}

/**
 * A date-time in ms since 1970 (RFC 3339 / ISO 8601), or null when missing or unreadable.
 * Example: readTime('2026-11-01T00:00:00Z') -> 1793491200000.
 */
export function readTime(value: unknown): number | null {
	if (typeof value !== 'string' || value.length < 10) return null;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms : null;
}
