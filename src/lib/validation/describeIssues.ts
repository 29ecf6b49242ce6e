import type * as z from 'zod/mini';

/** Reads the value at `path` inside `data`, for quoting it back in a message. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let v: unknown = data;
	for (const key of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<PropertyKey, unknown>)[key];
	}
	return v;
}

/** Quotes a user value briefly and safely (never more than 40 characters). */
export function quote(value: unknown): string {
	let text: string;
	if (value === undefined) return 'nothing';
	try {
		text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
	} catch {
		text = String(value);
	}
	return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Turns zod issues into `field: what is allowed, got value` sentences. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], data: unknown): string[] {
	return issues.map((issue) => {
		const field = issue.path.length ? issue.path.map(String).join('.') : '(root)';
		let allowed: string = issue.message;
		if (issue.code === 'too_small') allowed = `expected a number ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}`;
		if (issue.code === 'too_big') allowed = `expected a number ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}`;
		if (issue.code === 'invalid_type') allowed = `expected ${issue.expected}`;
		if (issue.code === 'invalid_value') allowed = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
		if (issue.code === 'too_small' && issue.origin === 'array') allowed = `expected at least ${String(issue.minimum)} item(s)`;
		return `${field}: ${allowed}, got ${quote(valueAt(data, issue.path))}`;
	});
}
