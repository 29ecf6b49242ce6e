#!/usr/bin/env node
/**
 * Lighthouse on the built site, mobile and desktop, in Debian's Chromium (never a
 * downloaded browser): prints the four category scores (Performance, Accessibility,
 * Best Practices, SEO) with LCP, TBT and CLS, and fails when a category scores below
 * the minimum.
 *
 *   npm run build && node scripts/lighthouse.mjs [--dir build] [--path /] [--runs 1]
 *                                                [--min 95] [--json out.json] [--markdown]
 *
 * The site is served from --dir by scripts/serve-static.mjs on a free loopback port, with
 * the response headers of static-headers.json (what docs/security.md recommends a host
 * sends). Nothing leaves the machine: the page makes no request to another origin, and
 * Chromium runs with background networking, component updates and sync off.
 *
 * --runs N audits each form factor N times and reports the run with the median
 * Performance score (Lighthouse's own advice against a single noisy run).
 * --markdown also prints the table as Markdown (for docs/performance.md).
 * Exit status: 0 all categories >= --min, 1 a category below it, 2 cannot run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const CHROME_FLAGS = [
	'--headless=new',
	...CHROMIUM_ARGS,
	'--no-default-browser-check',
	'--disable-default-apps',
	'--disable-extensions',
	'--mute-audio'
];
const CATEGORIES = /** @type {const} */ (['performance', 'accessibility', 'best-practices', 'seo']);
const CATEGORY_LABELS = { performance: 'Performance', accessibility: 'Accessibility', 'best-practices': 'Best Practices', seo: 'SEO' };

const { values: args } = parseArgs({
	options: {
		dir: { type: 'string', default: 'build' },
		path: { type: 'string', default: '/' },
		runs: { type: 'string', default: '1' },
		min: { type: 'string', default: '95' },
		json: { type: 'string' },
		markdown: { type: 'boolean', default: false }
	},
	strict: true
});
const runs = Number(args.runs);
const minimum = Number(args.min);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive integer, got ${args.runs}`);
if (!Number.isFinite(minimum)) fail(`--min must be a number, got ${args.min}`);
if (!existsSync(join(args.dir, 'index.html'))) fail(`${args.dir}/index.html not found: run \`npm run build\` first (or pass --dir)`);
if (!existsSync(CHROMIUM_PATH)) fail(`${CHROMIUM_PATH} not found: apt-get install -y chromium (or set CHROME_PATH)`);

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
/** @type {string[]} */
const tempDirs = [];
/** Stops Chromium and the server, then removes the temporary profile (best effort). */
function cleanUp() {
	for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	for (const dir of tempDirs) {
		try {
			rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
		} catch {
			// Chromium may still be writing to its profile: a temporary directory is left behind.
		}
	}
}
/** Lets the processes exit before their files are removed. */
async function shutDown() {
	const exited = children.map(
		(child) =>
			new Promise((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
				child.once('exit', resolve);
				child.kill('SIGTERM');
			})
	);
	await Promise.race([Promise.all(exited), sleep(5_000)]);
	cleanUp();
}
process.on('exit', cleanUp);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => process.exit(130));
}

/** The browser's user agent and the machine's benchmark index, from the last run; the browser's full version. */
let hostUserAgent = '';
let benchmarkIndex = Number.NaN;
let browserVersion = '';

const origin = await startServer();
const url = new URL(args.path, origin).href;
const chrome = await startChrome();

/** Trace-recording errors Lighthouse itself says to retry ("Please run Lighthouse again"). */
const RETRYABLE = new Set(['NO_NAVSTART', 'NO_FCP', 'NO_TRACING_STARTED', 'NO_RESOURCE_REQUEST']);
class RetryableRun extends Error {}

/** @type {{ formFactor: string, scores: Record<string, number>, lcp: number, tbt: number, cls: number, warnings: string[], failedAudits: string[] }[]} */
const results = [];
try {
	for (const formFactor of /** @type {const} */ (['mobile', 'desktop'])) {
		/** @type {typeof results} */
		const attempts = [];
		for (let i = 0; i < runs; i++) attempts.push(await auditWithRetry(formFactor));
		attempts.sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
		results.push(/** @type {(typeof results)[number]} */ (attempts[Math.floor(attempts.length / 2)]));
	}
} catch (err) {
	await shutDown();
	fail(`Lighthouse could not run: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
} finally {
	await shutDown();
}

printTable();
if (args.json) writeFileSync(args.json, JSON.stringify({ url: args.path, results }, null, 2) + '\n');

const below = results.flatMap((r) =>
	CATEGORIES.filter((c) => (r.scores[c] ?? 0) < minimum).map((c) => `${r.formFactor} ${CATEGORY_LABELS[c]} ${r.scores[c]}`)
);
if (below.length) {
	console.error(`\nlighthouse: below ${minimum}: ${below.join(', ')}`);
	for (const r of results) {
		if (r.failedAudits.length) console.error(`  ${r.formFactor}, audits not passed:\n    ${r.failedAudits.join('\n    ')}`);
	}
	process.exit(1);
}
console.log(`\nlighthouse: every category at or above ${minimum} (${args.path}, mobile and desktop)`);
process.exit(0);

// ---------------------------------------------------------------------------------------

/**
 * A run, tried up to three times when Lighthouse fails to record the trace (a flaky error on
 * a busy machine, not a finding about the page); any other error fails at once.
 * @param {'mobile' | 'desktop'} formFactor
 */
async function auditWithRetry(formFactor) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await audit(formFactor);
		} catch (err) {
			if (!(err instanceof RetryableRun) || attempt === 3) throw err;
			console.log(`lighthouse: ${formFactor} run could not record its trace (${err.message}); trying again`);
		}
	}
}

/**
 * One Lighthouse run; its scores as 0..100 and the three metrics.
 * @param {'mobile' | 'desktop'} formFactor
 */
async function audit(formFactor) {
	const started = Date.now();
	const result = await lighthouse(
		url,
		{ port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
		formFactor === 'desktop' ? desktopConfig : undefined
	);
	if (!result) fail(`Lighthouse returned no result for ${url} (${formFactor})`);
	const { lhr } = result;
	if (lhr.runtimeError) {
		if (RETRYABLE.has(lhr.runtimeError.code)) throw new RetryableRun(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
		fail(`Lighthouse ${formFactor}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
	}
	hostUserAgent = lhr.environment.hostUserAgent;
	benchmarkIndex = lhr.environment.benchmarkIndex;
	/** @type {Record<string, number>} */
	const scores = {};
	for (const c of CATEGORIES) scores[c] = Math.round((lhr.categories[c]?.score ?? 0) * 100);
	const metric = (/** @type {string} */ id) => lhr.audits[id]?.numericValue ?? Number.NaN;
	// Audits that count towards a score and did not pass, for the failure message.
	const failedAudits = CATEGORIES.flatMap((c) =>
		(lhr.categories[c]?.auditRefs ?? [])
			.filter((ref) => ref.weight > 0)
			.map((ref) => lhr.audits[ref.id])
			.filter((a) => a && a.score !== null && a.score < 0.9)
			.map((a) => `[${CATEGORY_LABELS[c]}] ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''} score ${a.score}`)
	);
	console.error(`lighthouse: ${formFactor} run done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return {
		formFactor,
		scores,
		lcp: metric('largest-contentful-paint'),
		tbt: metric('total-blocking-time'),
		cls: metric('cumulative-layout-shift'),
		warnings: lhr.runWarnings,
		failedAudits
	};
}

function printTable() {
	const header = ['', ...CATEGORIES.map((c) => CATEGORY_LABELS[c]), 'LCP', 'TBT', 'CLS'];
	const rows = results.map((r) => [
		r.formFactor,
		...CATEGORIES.map((c) => String(r.scores[c])),
		`${(r.lcp / 1000).toFixed(2)} s`,
		`${Math.round(r.tbt)} ms`,
		r.cls.toFixed(3)
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
	const line = (/** @type {string[]} */ cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
	console.log(`\nLighthouse ${lighthouseVersion()} on ${args.path}: ${CHROMIUM_PATH} ${chromeVersion()}, benchmark index ${Math.round(benchmarkIndex)}`);
	console.log(line(header));
	for (const row of rows) console.log(line(row));
	for (const r of results) for (const w of r.warnings) console.log(`warning (${r.formFactor}): ${w}`);
	if (args.markdown) {
		console.log('\n| form factor | ' + header.slice(1).join(' | ') + ' |');
		console.log('| --- |' + header.slice(1).map(() => ' ---: |').join(''));
		for (const row of rows) console.log(`| ${row.join(' | ')} |`);
	}
}

/** Serves --dir on a free loopback port; resolves to its origin. */
async function startServer() {
	const serveArgs = ['scripts/serve-static.mjs', '--dir', args.dir, '--port', '0', '--host', '127.0.0.1', '--quiet'];
	if (existsSync('static-headers.json')) serveArgs.push('--headers', 'static-headers.json');
	const server = spawn(process.execPath, serveArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
	children.push(server);
	return new Promise((resolve, reject) => {
		let output = '';
		server.stdout?.on('data', (chunk) => {
			output += chunk;
			const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match?.[1]) resolve(match[1]);
		});
		server.on('exit', (code) => reject(new Error(`serve-static exited with ${code}`)));
	}).catch((err) => fail(err.message));
}

/** Starts Chromium with a DevTools port of its choosing; resolves to that port. */
async function startChrome() {
	const profile = mkdtempSync(join(tmpdir(), 'lighthouse-chromium-'));
	tempDirs.push(profile);
	const child = spawn(CHROMIUM_PATH, [...CHROME_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	children.push(child);
	let stderr = '';
	child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	const portFile = join(profile, 'DevToolsActivePort');
	for (let waited = 0; waited < 20_000; waited += 100) {
		if (child.exitCode !== null) fail(`Chromium exited with ${child.exitCode}:\n${stderr}`);
		if (existsSync(portFile)) {
			const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
			if (port > 0) {
				// The full version (the user agent reports a reduced one, 156.0.0.0).
				browserVersion = await fetch(`http://127.0.0.1:${port}/json/version`)
					.then((r) => r.json())
					.then((v) => String(v.Browser ?? ''))
					.catch(() => '');
				return { port };
			}
		}
		await sleep(100);
	}
	return fail(`Chromium did not open a DevTools port within 20 s:\n${stderr}`);
}

function lighthouseVersion() {
	try {
		return JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version;
	} catch {
		return '?';
	}
}

function chromeVersion() {
	return /Chrome\/([\d.]+)/.exec(browserVersion || hostUserAgent)?.[1] ?? '?';
}

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
	console.error(`lighthouse: ${message}`);
	process.exit(2);
}
