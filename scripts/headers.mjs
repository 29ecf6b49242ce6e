/**
 * The response-header rules of static-headers.json: read, checked, matched.
 *
 * One source for every host: scripts/serve-static.mjs sends these headers, and
 * scripts/host-configs.mjs turns them into Netlify/Cloudflare Pages `_headers`, `vercel.json`
 * and an nginx snippet (docs/security.md, "Response headers").
 *
 * The file is a JSON object mapping a path pattern to the headers of the paths it matches:
 *   "/embed"     an exact path
 *   "/_app/*"    every path under a folder ("/*" is every path)
 * Every rule that matches a path applies. A header may be set by only one of the rules that
 * can match any one path: hosts disagree on what two matching rules setting the same header
 * mean (Cloudflare Pages joins the values with a comma, which turns two CSP `frame-ancestors`
 * into "deny both"; others let the last or the more specific rule win), so the rules are kept
 * disjoint and mean the same thing everywhere. Loading a file that breaks this fails.
 */
import { readFileSync } from 'node:fs';

/**
 * @typedef {object} HeaderRule
 * @property {string} pattern as written: "/embed" or "/_app/*"
 * @property {string | null} prefix for a folder pattern, the folder with its trailing slash ("/_app/"); null for an exact path
 * @property {Record<string, string>} headers header name -> value, in file order
 */

/** A header name: an HTTP token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A header value every host accepts: visible ASCII and spaces, no line breaks or controls. */
const HEADER_VALUE = /^[\x20-\x7e]*$/;
/**
 * A path pattern: "/", "/a/b.html", "/a/*" or "/*". Segments of letters, digits and "._~-"
 * only: every host's pattern syntax reads those literally (":", "(", "+", "*" are special in some).
 */
const PATTERN = /^\/(?:[A-Za-z0-9._~-]+\/)*(?:[A-Za-z0-9._~-]+|\*)?$/;

/**
 * Checks a parsed headers file and returns its rules.
 * @param {unknown} data
 * @returns {HeaderRule[]}
 * @throws {Error} naming the pattern or header to fix
 */
export function parseHeaderRules(data) {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		throw new Error('expected an object like { "/*": { "X-Content-Type-Options": "nosniff" } }');
	}
	/** @type {HeaderRule[]} */
	const rules = [];
	for (const [pattern, headers] of Object.entries(data)) {
		if (!PATTERN.test(pattern) || /\/\.\.?(\/|$)/.test(pattern)) {
			throw new Error(`pattern ${JSON.stringify(pattern)}: use an exact path ("/embed") or a folder ending in "/*" ("/_app/*")`);
		}
		if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
			throw new Error(`${pattern}: must map to an object of header names and string values`);
		}
		/** @type {Record<string, string>} */
		const checked = {};
		for (const [name, value] of Object.entries(headers)) {
			if (!HEADER_NAME.test(name)) throw new Error(`${pattern}: ${JSON.stringify(name)} is not a header name`);
			if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
				throw new Error(`${pattern}: ${name} must be a one-line string of printable ASCII`);
			}
			checked[name] = value;
		}
		rules.push({ pattern, prefix: pattern.endsWith('*') ? pattern.slice(0, -1) : null, headers: checked });
	}
	for (const [i, a] of rules.entries()) {
		for (const b of rules.slice(i + 1)) {
			if (!overlap(a, b)) continue;
			const names = new Set(Object.keys(a.headers).map((n) => n.toLowerCase()));
			const twice = Object.keys(b.headers).find((n) => names.has(n.toLowerCase()));
			if (twice) {
				throw new Error(
					`${twice} is set by both ${a.pattern} and ${b.pattern}, which match the same paths; hosts merge such rules differently, so set each header in one rule only`
				);
			}
		}
	}
	return rules;
}

/**
 * Reads and checks a headers file.
 * @param {string} path
 * @returns {HeaderRule[]}
 * @throws {Error} with the file name and what to fix
 */
export function loadHeaderRules(path) {
	try {
		return parseHeaderRules(JSON.parse(readFileSync(path, 'utf8')));
	} catch (err) {
		throw new Error(`${path}: ${err instanceof Error ? err.message : String(err)}`);
	}
}

/**
 * Whether a rule applies to a decoded request path.
 * @param {HeaderRule} rule
 * @param {string} pathname
 */
export function matches(rule, pathname) {
	return rule.prefix === null ? pathname === rule.pattern : pathname.startsWith(rule.prefix);
}

/**
 * The headers of a path: those of every matching rule (disjoint, so order does not matter).
 * @param {readonly HeaderRule[]} rules
 * @param {string} pathname
 * @returns {Record<string, string>}
 */
export function headersFor(rules, pathname) {
	/** @type {Record<string, string>} */
	const headers = {};
	for (const rule of rules) if (matches(rule, pathname)) Object.assign(headers, rule.headers);
	return headers;
}

/**
 * Whether two rules can match one path.
 * @param {HeaderRule} a
 * @param {HeaderRule} b
 */
export function overlap(a, b) {
	if (a.prefix === null && b.prefix === null) return a.pattern === b.pattern;
	if (a.prefix === null) return matches(b, a.pattern);
	if (b.prefix === null) return matches(a, b.pattern);
	return a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
}
