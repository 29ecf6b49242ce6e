#!/usr/bin/env node
/**
 * The gzipped JavaScript of one built page, per chunk, split into what the first paint
 * needs and what loads after it, checked against the budgets. Node built-ins only.
 *
 *   npm run build && node scripts/js-size.mjs [--dir build] [--page index.html] [--json]
 *
 * First paint: the page's <script src> and <link rel="modulepreload"> files, the modules
 * its inline scripts import (SvelteKit's start/app entries), and everything those import
 * statically, recursively.
 * After paint: the targets of dynamic import("…") reachable from there (Chart.js, loaded
 * by the chart attachment), with their own static imports, recursively. SvelteKit route
 * nodes (…/nodes/N.*.js) that the page does not preload belong to other routes: listed,
 * never counted.
 * Sizes: gzip level 9 (zlib.gzipSync) of each file; 1 kB = 1,000 bytes.
 * Exit status: 0 within budget, 1 over budget, 2 when the build is missing or unreadable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

/** Budgets in gzipped bytes (issue 5). */
const BUDGET = { firstPaint: 50_000, total: 130_000 };

const { values: args } = parseArgs({
	options: {
		dir: { type: 'string', default: 'build' },
		page: { type: 'string', default: 'index.html' },
		json: { type: 'boolean', default: false }
	}
});

const root = resolve(args.dir);
const pagePath = join(root, args.page);
if (!existsSync(pagePath)) {
	console.error(`js-size: ${relative(process.cwd(), pagePath)} not found; run \`npm run build\` first (or pass --dir/--page).`);
	process.exit(2);
}
const html = readFileSync(pagePath, 'utf8');

// --- the page's entry points ------------------------------------------------------------

/** @param {string} tag @param {string} name */
function attribute(tag, name) {
	const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
	return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** A URL of the page, as a file under the build directory (null for other origins). @param {string} url */
function pageUrlToFile(url) {
	if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return null;
	const path = url.split(/[?#]/)[0] ?? '';
	return path.startsWith('/') ? join(root, path) : resolve(dirname(pagePath), path);
}

/** @type {Set<string>} */
const entries = new Set();
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
	const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
	const href = attribute(tag, 'href');
	if (rel.includes('modulepreload') && href) addEntry(href);
}
for (const [, open, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
	const src = attribute(open ?? '', 'src');
	if (src) addEntry(src);
	for (const specifier of dynamicImports(body ?? '')) addEntry(specifier);
}
/** @param {string} url */
function addEntry(url) {
	const file = pageUrlToFile(url);
	if (file && file.endsWith('.js')) entries.add(file);
}

// --- the chunk graph ----------------------------------------------------------------------

/** Static `import … from "x"`, `import "x"` and `export … from "x"` specifiers (minified ESM). @param {string} code */
function staticImports(code) {
	const found = [];
	const re = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+)["']/g;
	for (const m of code.matchAll(re)) if (m[1]) found.push(m[1]);
	return found;
}

/** Literal dynamic `import("x")` specifiers. @param {string} code */
function dynamicImports(code) {
	const found = [];
	for (const m of code.matchAll(/(?:^|[^\w$.])import\s*\(\s*["'`]([^"'`\n$]+)["'`]\s*\)/g)) if (m[1]) found.push(m[1]);
	return found;
}

/** @type {Map<string, { code: string, static: string[], dynamic: string[] }>} */
const modules = new Map();
/** @param {string} file */
function load(file) {
	let mod = modules.get(file);
	if (!mod) {
		if (!existsSync(file)) {
			console.error(`js-size: ${relative(root, file)} is referenced but missing from ${relative(process.cwd(), root) || '.'}.`);
			process.exit(2);
		}
		const code = readFileSync(file, 'utf8');
		const near = (/** @type {string} */ s) => (s.startsWith('.') || s.startsWith('/') ? resolveSpecifier(file, s) : null);
		mod = {
			code,
			static: staticImports(code).map(near).filter(isJs),
			dynamic: dynamicImports(code).map(near).filter(isJs)
		};
		modules.set(file, mod);
	}
	return mod;
}
/** @param {string} from @param {string} specifier */
function resolveSpecifier(from, specifier) {
	return specifier.startsWith('/') ? join(root, specifier) : resolve(dirname(from), specifier);
}
/** @param {string | null} f @returns {f is string} */
function isJs(f) {
	return typeof f === 'string' && f.endsWith('.js');
}

/** Adds `start` and its static imports, recursively, to `into` (skipping those in `skip`). */
function staticClosure(/** @type {Iterable<string>} */ start, /** @type {Set<string>} */ into, /** @type {Set<string>} */ skip) {
	const stack = [...start];
	while (stack.length) {
		const file = /** @type {string} */ (stack.pop());
		if (into.has(file) || skip.has(file)) continue;
		into.add(file);
		stack.push(...load(file).static);
	}
}

const isRouteNode = (/** @type {string} */ f) => /[\\/]nodes[\\/]\d+\.[^\\/]*\.js$/.test(f);

/** @type {Set<string>} */
const firstPaint = new Set();
staticClosure(entries, firstPaint, new Set());

/** @type {Set<string>} */
const afterPaint = new Set();
/** @type {Set<string>} */
const otherRoutes = new Set();
/** @type {string[]} */
let frontier = [...firstPaint];
while (frontier.length) {
	const targets = frontier.flatMap((f) => load(f).dynamic).filter((f) => !firstPaint.has(f) && !afterPaint.has(f));
	const added = new Set();
	for (const target of targets) {
		if (isRouteNode(target)) {
			otherRoutes.add(target);
			continue;
		}
		const before = new Set(afterPaint);
		staticClosure([target], afterPaint, firstPaint);
		for (const f of afterPaint) if (!before.has(f)) added.add(f);
	}
	frontier = [...added];
}

// --- report ---------------------------------------------------------------------------------

const gzip = (/** @type {string} */ file) => gzipSync(load(file).code, { level: 9 }).length;
const rows = [
	...[...firstPaint].map((file) => ({ group: 'first paint', file })),
	...[...afterPaint].map((file) => ({ group: 'after paint', file }))
].map((r) => ({ ...r, file: relative(root, r.file).split(sep).join('/'), bytes: Buffer.byteLength(load(r.file).code), gzip: gzip(r.file) }));
rows.sort((a, b) => (a.group === b.group ? b.gzip - a.gzip : a.group === 'first paint' ? -1 : 1));

const sum = (/** @type {string} */ group) => rows.filter((r) => r.group === group).reduce((t, r) => t + r.gzip, 0);
const totals = { firstPaint: sum('first paint'), afterPaint: sum('after paint') };
const total = totals.firstPaint + totals.afterPaint;
const over = { firstPaint: totals.firstPaint > BUDGET.firstPaint, total: total > BUDGET.total };

if (args.json) {
	console.log(JSON.stringify({ page: args.page, chunks: rows, totals: { ...totals, total }, budget: BUDGET, over }, null, 2));
} else {
	const kB = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} kB`;
	const width = Math.max(40, ...rows.map((r) => r.file.length));
	const line = (/** @type {string[]} */ cells) => `${cells[0]?.padEnd(12)} ${cells[1]?.padEnd(width)} ${cells[2]?.padStart(10)} ${cells[3]?.padStart(10)}`;
	console.log(`JavaScript of ${args.page} (${relative(process.cwd(), root) || '.'}), gzip -9, 1 kB = 1,000 bytes\n`);
	console.log(line(['group', 'file', 'raw', 'gzip']));
	console.log('-'.repeat(width + 36));
	for (const r of rows) console.log(line([r.group, r.file, kB(r.bytes), kB(r.gzip)]));
	console.log('-'.repeat(width + 36));
	const verdict = (/** @type {boolean} */ isOver) => (isOver ? 'OVER BUDGET' : 'ok');
	console.log(`first paint  ${kB(totals.firstPaint).padStart(10)}  budget ${kB(BUDGET.firstPaint)}  ${verdict(over.firstPaint)}`);
	console.log(`after paint  ${kB(totals.afterPaint).padStart(10)}`);
	console.log(`total        ${kB(total).padStart(10)}  budget ${kB(BUDGET.total)}  ${verdict(over.total)}`);
	if (otherRoutes.size) {
		const names = [...otherRoutes].map((f) => relative(root, f).split(sep).join('/')).sort();
		console.log(`\nnot counted (other routes' nodes, never loaded on this page): ${names.join(', ')}`);
	}
}

process.exit(over.firstPaint || over.total ? 1 : 0);
