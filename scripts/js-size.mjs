#!/usr/bin/env node
/**
 * The gzipped JavaScript of one built page, per chunk, from Vite's build manifest: what the
 * first paint fetches, what the page loads by itself after it, what loads only on a reader's
 * action, and the error page's own files; checked against the budgets below. Node built-ins only.
 *
 *   npm run build && node scripts/js-size.mjs [--dir build] [--page index.html] [--manifest PATH] [--json]
 *
 * Where the figures come from:
 * - The manifest (`.vite/manifest.json`: Vite writes it to .svelte-kit/output/client/, which
 *   adapter-static copies to build/ without the .vite folder) lists every chunk with its
 *   static `imports`, its `dynamicImports` and its CSS. It is looked for in --manifest, then
 *   <dir>/.vite/manifest.json, then .svelte-kit/output/client/.vite/manifest.json, and must
 *   describe the same build as <dir>: every file the page names must be in it and every file
 *   it names must be in <dir> (else exit 2: rebuild).
 * - The page (<dir>/<page>) names its entry points: the <link rel="modulepreload"> files,
 *   SvelteKit's start and app entries (imported by its inline script) and the route nodes it
 *   starts with (`node_ids: [0, 2]`: the root layout and the page). A page without node_ids
 *   (404.html, the fallback static hosts serve for unknown paths) renders in the browser: the
 *   root layout (node 0) and the root error page (node 1, SvelteKit's numbering).
 *
 * Groups (each chunk counted once, in the first group that reaches it):
 *   first paint  the entries and everything they import statically (Vite also preloads those);
 *   after paint  dynamic import() targets reachable from there that the page loads by itself,
 *                without a reader's action (Chart.js, the link codec, the forecast and report
 *                extras), with their static imports, recursively;
 *   on demand    dynamic targets listed in ON_DEMAND below: loaded only when a reader acts (a
 *                dialog, a data table, a download) or when a scenario uses a feature the
 *                plain page does not; listed, not in the budgets;
 *   error node   the root error page (nodes/1): SvelteKit's client fetches it at start on every
 *                page, so it is part of a plain visit, but it is reported on its own line, and
 *                404.html (the error page itself: its first paint plus this node) apart;
 *   other routes nodes of other pages (/embed): listed, never counted.
 * A dynamic import the list does not name counts as after paint: a new lazy module is in the
 * budget until someone decides it waits for a reader's action and adds it to ON_DEMAND.
 * CSS is not counted (it is not JavaScript). Sizes: gzip level 9 of each file; 1 kB = 1,000 bytes.
 *
 * Exit status: 0 within both budgets (or over them in report-only mode), 1 over a budget,
 * 2 when the build or the manifest is missing, out of date or unreadable, or an option is bad.
 * JS_SIZE_ENFORCE: unset or 1 enforces the budgets (as .ci/run does); 0 reports only (prints
 * the verdicts, exits 0 over budget), to look at a page over budget locally.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

/** First paint of `/`: at most 40 kB of gzipped JavaScript (docs/performance.md, "Budgets"). */
const BUDGET_FIRST_PAINT = 40_000;
/** A plain visit of `/`: first paint + what the page loads after it by itself, at most 110 kB gzip. */
const BUDGET_PLAIN_VISIT = 110_000;

/**
 * Dynamic imports that wait for a reader's action (or for a scenario the plain page does not
 * have), by source path as the manifest names it (`src`), or by chunk name when Vite gives the
 * chunk no `src`. Not in the budgets; reported as "on demand".
 */
const ON_DEMAND = new Map([
	['src/lib/components/import/ImportDialog.svelte', 'Import usage… button'],
	['src/lib/components/EmbedDialog.svelte', 'Embed button'],
	['src/lib/charts/register.ts', 'a chart near the viewport, a print, Download PNG'],
	['src/lib/charts/tables.ts', 'Show data table'],
	['src/lib/export/actions.ts', 'Download CSV, Copy table'],
	['src/lib/export/chartImage.ts', 'Download PNG'],
	['src/lib/components/PriceEditor.svelte', 'Edit prices (or a link with price overrides)'],
	['src/lib/scenario/priceSheetIo.ts', 'price sheet files (in Edit prices)'],
	['src/lib/scenario/priceSheetFile.ts', 'price sheet files (in Edit prices)'],
	['src/lib/scenario/file.ts', 'Open / Save scenario file'],
	['src/lib/components/caching/CachingResults.svelte', 'a workload with traffic or conversations'],
	['src/lib/components/caching/TrafficDetails.svelte', "'Estimate hit ratio from traffic' on"],
	['.svelte-kit/generated/shared/error-template.js', 'a failed load']
]);

const USAGE = 'usage: node scripts/js-size.mjs [--dir build] [--page index.html] [--manifest PATH] [--json]';

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(`js-size: ${message}`);
	process.exit(2);
}

const args = (() => {
	try {
		return parseArgs({
			options: {
				dir: { type: 'string', default: 'build' },
				page: { type: 'string', default: 'index.html' },
				manifest: { type: 'string' },
				json: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			},
			strict: true
		}).values;
	} catch (err) {
		return fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
	}
})();
if (args.help) {
	console.log(USAGE);
	process.exit(0);
}

const enforce = (() => {
	const value = (process.env.JS_SIZE_ENFORCE ?? '').trim().toLowerCase();
	if (value === '' || value === '1' || value === 'true') return true;
	if (value === '0' || value === 'false') return false;
	return fail(`JS_SIZE_ENFORCE must be 1 (enforce the budgets, the default) or 0 (report only), got ${JSON.stringify(process.env.JS_SIZE_ENFORCE)}.`);
})();

const root = resolve(args.dir);
const shown = (/** @type {string} */ path) => relative(process.cwd(), path) || '.';

// --- the manifest ---------------------------------------------------------------------------

/** @typedef {{ file: string, name?: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[] }} ManifestChunk */

const manifestPath = [args.manifest, join(root, '.vite/manifest.json'), '.svelte-kit/output/client/.vite/manifest.json']
	.filter((p) => typeof p === 'string')
	.map((p) => resolve(/** @type {string} */ (p)))
	.find((p) => existsSync(p));
if (!manifestPath) fail(`no Vite manifest (.svelte-kit/output/client/.vite/manifest.json); run \`npm run build\` first (or pass --manifest).`);
/** @type {Record<string, ManifestChunk>} */
const manifest = (() => {
	try {
		return JSON.parse(readFileSync(manifestPath, 'utf8'));
	} catch (err) {
		return fail(`${shown(manifestPath)} is not readable JSON: ${err instanceof Error ? err.message : String(err)}`);
	}
})();
/** Manifest key by output file (`_app/immutable/chunks/X.js`). */
const keyOfFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
const isJs = (/** @type {string} */ key) => manifest[key]?.file.endsWith('.js') ?? false;
const nodeId = (/** @type {string} */ key) => /^nodes\/(\d+)$/.exec(manifest[key]?.name ?? '')?.[1];
const keyOfNode = (/** @type {number} */ id) => Object.keys(manifest).find((k) => nodeId(k) === String(id));
/** The root error page is node 1 in every SvelteKit app (node 0 is the root layout). */
const ERROR_NODE = 1;

/** @param {string} key */
function label(key) {
	const chunk = manifest[key];
	return chunk?.src?.startsWith('src/') ? chunk.src : (chunk?.name ?? key);
}
/** @param {string} key @returns {string | undefined} why a dynamic import waits for the reader */
function onDemand(key) {
	const chunk = manifest[key];
	if (!chunk) return undefined;
	if (chunk.src && ON_DEMAND.has(chunk.src)) return ON_DEMAND.get(chunk.src);
	for (const [src, why] of ON_DEMAND) if (!chunk.src && chunk.name === posix.basename(src).replace(/\.[^.]+$/, '')) return why;
	return undefined;
}

// --- a page's entry points ------------------------------------------------------------------

/** @param {string} tag @param {string} name */
function attribute(tag, name) {
	const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
	return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/**
 * The page's entry chunks (manifest keys) and its route nodes.
 * @param {string} page file name under root
 */
function pageEntries(page) {
	const pagePath = join(root, page);
	if (!existsSync(pagePath)) fail(`${shown(pagePath)} not found; run \`npm run build\` first (or pass --dir/--page).`);
	const html = readFileSync(pagePath, 'utf8');
	/** @type {string[]} */
	const urls = [];
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
		const href = attribute(tag, 'href');
		if (rel.includes('modulepreload') && href) urls.push(href);
	}
	/** @type {number[] | null} */
	let nodeIds = null;
	for (const [, open, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const src = attribute(open ?? '', 'src');
		if (src) urls.push(src);
		for (const m of (body ?? '').matchAll(/(?:^|[^\w$.])import\s*\(\s*["'`]([^"'`\n$]+)["'`]\s*\)/g)) if (m[1]) urls.push(m[1]);
		const ids = /node_ids\s*:\s*\[([\d\s,]*)\]/.exec(body ?? '');
		if (ids) nodeIds = (ids[1] ?? '').split(',').filter((s) => s.trim()).map(Number);
	}
	const keys = new Set();
	for (const url of urls) {
		if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) continue; // another origin
		const path = (url.split(/[?#]/)[0] ?? '').replace(/^\//, '');
		const file = posix.normalize(url.startsWith('/') ? path : posix.join(posix.dirname(page), path));
		if (!file.endsWith('.js')) continue;
		const key = keyOfFile.get(file);
		if (!key) fail(`${page} loads ${file}, which ${shown(manifestPath)} does not list: the manifest is from another build. Run \`npm run build\` again.`);
		keys.add(key);
	}
	// No node_ids: the page renders in the browser (404.html): the root layout and the error page.
	const nodes = nodeIds ?? [0, ERROR_NODE];
	for (const id of nodes) {
		const key = keyOfNode(id);
		if (!key) fail(`${page} starts route node ${id}, which ${shown(manifestPath)} does not list. Run \`npm run build\` again.`);
		if (id !== ERROR_NODE || nodeIds) keys.add(key);
	}
	return { keys, nodeIds: nodes };
}

// --- the chunk graph --------------------------------------------------------------------------

/** Adds the static closure of `start` to `into`, skipping chunks already in `skip`. */
function staticClosure(/** @type {Iterable<string>} */ start, /** @type {Set<string>} */ into, /** @type {Set<string>[]} */ skip) {
	const stack = [...start];
	while (stack.length) {
		const key = /** @type {string} */ (stack.pop());
		if (into.has(key) || skip.some((s) => s.has(key))) continue;
		if (!manifest[key]) fail(`${shown(manifestPath)} names ${key} but has no entry for it.`);
		into.add(key);
		stack.push(...(manifest[key]?.imports ?? []));
	}
}

/**
 * Everything reachable from `seed` through dynamic imports, the targets `accept` takes, with
 * their static closures, recursively; the targets it refuses are returned as `refused`.
 * @param {Set<string>} seed
 * @param {(target: string) => boolean} accept
 * @param {Set<string>[]} skip
 */
function dynamicClosure(seed, accept, skip) {
	const reached = new Set();
	const refused = new Set();
	let frontier = [...seed];
	while (frontier.length) {
		const before = new Set(reached);
		for (const key of frontier) {
			for (const target of manifest[key]?.dynamicImports ?? []) {
				if (reached.has(target) || skip.some((s) => s.has(target))) continue;
				if (accept(target)) staticClosure([target], reached, skip);
				else refused.add(target);
			}
		}
		frontier = [...reached].filter((k) => !before.has(k));
	}
	for (const key of reached) refused.delete(key);
	return { reached, refused };
}

/** @param {string} page */
function analyse(page) {
	const { keys, nodeIds } = pageEntries(page);
	const errorKey = keyOfNode(ERROR_NODE);
	const isOtherNode = (/** @type {string} */ k) => nodeId(k) !== undefined;
	const firstPaint = new Set();
	staticClosure(keys, firstPaint, []);
	const after = dynamicClosure(firstPaint, (t) => !isOtherNode(t) && !onDemand(t), [firstPaint]);
	const afterPaint = after.reached;
	const seen = [firstPaint, afterPaint];
	const errorNode = new Set();
	if (errorKey) staticClosure([errorKey], errorNode, seen);
	const demandRoots = [...after.refused].filter((t) => !isOtherNode(t));
	const demand = new Set();
	staticClosure(demandRoots, demand, [...seen, errorNode]);
	const more = dynamicClosure(demand, (t) => !isOtherNode(t), [...seen, errorNode, demand]);
	for (const k of more.reached) demand.add(k);
	const otherRoutes = new Set(
		[...firstPaint, ...afterPaint, ...demand].flatMap((k) => manifest[k]?.dynamicImports ?? []).filter((t) => isOtherNode(t) && t !== errorKey && !firstPaint.has(t))
	);
	return { page, nodeIds, firstPaint, afterPaint, demand, errorNode, otherRoutes };
}

// --- sizes ------------------------------------------------------------------------------------

/** @type {Map<string, { raw: number, gzip: number }>} */
const sizes = new Map();
/** @param {string} key */
function size(key) {
	let s = sizes.get(key);
	if (!s) {
		const file = /** @type {ManifestChunk} */ (manifest[key]).file;
		const path = join(root, file);
		if (!existsSync(path)) fail(`${file} is in ${shown(manifestPath)} but not in ${shown(root)}: the manifest is from another build. Run \`npm run build\` again.`);
		const code = readFileSync(path);
		s = { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
		sizes.set(key, s);
	}
	return s;
}

/** @param {string} group @param {Set<string>} keys */
function rowsOf(group, keys) {
	return [...keys]
		.filter(isJs)
		.map((key) => ({ group, chunk: label(key), file: /** @type {ManifestChunk} */ (manifest[key]).file, ...size(key), ...(group === 'on demand' ? { loadsOn: onDemand(key) ?? null } : {}) }))
		.sort((a, b) => b.gzip - a.gzip);
}
const sum = (/** @type {{ gzip: number }[]} */ rows) => rows.reduce((t, r) => t + r.gzip, 0);

const main = analyse(args.page);
const rows = [
	...rowsOf('first paint', main.firstPaint),
	...rowsOf('after paint', main.afterPaint),
	...rowsOf('on demand', main.demand),
	...rowsOf('error node', main.errorNode)
];
const totals = {
	firstPaint: sum(rows.filter((r) => r.group === 'first paint')),
	afterPaint: sum(rows.filter((r) => r.group === 'after paint')),
	plainVisit: 0,
	onDemand: sum(rows.filter((r) => r.group === 'on demand')),
	errorNode: sum(rows.filter((r) => r.group === 'error node'))
};
totals.plainVisit = totals.firstPaint + totals.afterPaint + totals.errorNode;
const over = { firstPaint: totals.firstPaint > BUDGET_FIRST_PAINT, plainVisit: totals.plainVisit > BUDGET_PLAIN_VISIT };

// The error page as its own page: 404.html's first paint plus the error node it renders.
const errorPageName = '404.html';
const errorPage =
	args.page !== errorPageName && existsSync(join(root, errorPageName))
		? (() => {
				const e = analyse(errorPageName);
				const firstPaint = sum(rowsOf('first paint', e.firstPaint));
				const errorNode = sum(rowsOf('error node', e.errorNode));
				return { page: errorPageName, firstPaint, errorNode, total: firstPaint + errorNode };
			})()
		: null;
const otherRoutes = [...main.otherRoutes].map((k) => `${manifest[k]?.name} (${manifest[k]?.file})`).sort();
const failed = enforce && (over.firstPaint || over.plainVisit);

if (args.json) {
	console.log(
		JSON.stringify(
			{
				page: args.page,
				dir: shown(root),
				manifest: shown(manifestPath),
				nodeIds: main.nodeIds,
				chunks: rows,
				totals,
				budget: { firstPaint: BUDGET_FIRST_PAINT, plainVisit: BUDGET_PLAIN_VISIT },
				over,
				enforced: enforce,
				errorPage,
				otherRoutes
			},
			null,
			2
		)
	);
} else {
	const kB = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} kB`;
	const chunkWidth = Math.max(30, ...rows.map((r) => r.chunk.length));
	const fileWidth = Math.max(30, ...rows.map((r) => r.file.length));
	const line = (/** @type {string[]} */ c) =>
		`${(c[0] ?? '').padEnd(12)} ${(c[1] ?? '').padEnd(chunkWidth)} ${(c[2] ?? '').padEnd(fileWidth)} ${(c[3] ?? '').padStart(9)} ${(c[4] ?? '').padStart(9)}${c[5] ? `  ${c[5]}` : ''}`;
	const rule = '-'.repeat(12 + chunkWidth + fileWidth + 23);
	console.log(`JavaScript of ${args.page} (${shown(root)}; manifest ${shown(manifestPath)}), gzip -9, 1 kB = 1,000 bytes\n`);
	console.log(line(['group', 'chunk (source or name)', 'file', 'raw', 'gzip', '']));
	console.log(rule);
	for (const r of rows) console.log(line([r.group, r.chunk, r.file, kB(r.raw), kB(r.gzip), 'loadsOn' in r && r.loadsOn ? `on: ${r.loadsOn}` : '']));
	console.log(rule);
	const verdict = (/** @type {boolean} */ isOver) => (isOver ? 'OVER BUDGET' : 'ok');
	console.log(`first paint              ${kB(totals.firstPaint).padStart(9)}   budget ${kB(BUDGET_FIRST_PAINT).padStart(8)}   ${verdict(over.firstPaint)}`);
	console.log(`after paint (by itself)  ${kB(totals.afterPaint).padStart(9)}`);
	console.log(`error node (nodes/${ERROR_NODE})     ${kB(totals.errorNode).padStart(9)}   SvelteKit fetches it at start`);
	console.log(`plain visit              ${kB(totals.plainVisit).padStart(9)}   budget ${kB(BUDGET_PLAIN_VISIT).padStart(8)}   ${verdict(over.plainVisit)}   (first paint + after paint + error node)`);
	console.log(`on demand                ${kB(totals.onDemand).padStart(9)}   not budgeted: loads on a reader's action`);
	if (errorPage) {
		console.log(
			`error page (${errorPage.page})   ${kB(errorPage.total).padStart(9)}   its first paint ${kB(errorPage.firstPaint)} + the error node ${kB(errorPage.errorNode)}, rendered in the browser`
		);
	}
	if (otherRoutes.length) console.log(`\nnot counted (other routes' nodes, never loaded on this page): ${otherRoutes.join(', ')}`);
	if (!enforce && (over.firstPaint || over.plainVisit)) {
		console.log(`\nreport only (JS_SIZE_ENFORCE=${process.env.JS_SIZE_ENFORCE}): over budget, exit status 0`);
	}
}

process.exit(failed ? 1 : 0);
