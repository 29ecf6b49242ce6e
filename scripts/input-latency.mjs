#!/usr/bin/env node
/**
 * Input-to-paint latency of the calculator page: how long after a key press on a slider the
 * browser has painted the frame that shows its effect, at full speed and with the CPU slowed
 * down four times (a mid-range phone), for three of the page's controls and, as the floor, a
 * bare <input type=range> injected into the same page. A benchmark: it prints figures only
 * and exits 0 whatever they are (machines are noisy); 1 when the page or a control cannot be
 * loaded or driven, 2 on a bad option.
 *
 *   npm run build && node scripts/input-latency.mjs [--steps 60] [--warmup 10] [--gap 50]
 *       [--rates 1,4] [--control "Cache hit ratio"]... [--url http://127.0.0.1:4173/]
 *       [--dir build] [--json]
 *
 * Without --url it starts scripts/serve-static.mjs on a free port serving --dir (build/), and
 * stops it at the end. The browser is the system Chromium (/usr/bin/chromium, or CHROME_PATH),
 * headless, driven by playwright-core; nothing is downloaded. Viewport 1280 x 800, device
 * pixel ratio 1.
 *
 * The controls (found by role and exact accessible name, as a reader's screen reader does):
 *   Cache hit ratio      Planned's, of the first workload (the example on / has caching on);
 *   Requests per month   the first workload's (a logarithmic slider);
 *   <model> share        Planned's model mix: the script switches Planned `Model routing` on,
 *                        adds a second model when the mix has one, and moves the first share;
 *   floor                a bare <input type=range> (no handlers) injected at the top of the
 *                        page: what the browser alone needs for a key press on a range input.
 * --control LABEL (repeatable) times the sliders so labelled instead of the first three.
 *
 * One step: the slider has keyboard focus and Playwright presses ArrowRight (ArrowLeft on the
 * way back from the maximum), through Chromium's real input pipeline (CDP
 * Input.dispatchKeyEvent), so the page gets trusted keydown, input and change events. Steps
 * run one at a time, each --gap ms (default 50) after the previous step's frame was painted:
 * Chromium starts the frame for an input at once when idle, but never sooner than one frame
 * interval after the previous frame, so back-to-back presses would measure that interval.
 * The first --warmup steps (default 10) per control are not counted.
 *
 * Timing, inside the page: from the keydown event's timeStamp (when the browser created the
 * event, so queueing counts) to a MessageChannel task posted from the first
 * requestAnimationFrame callback after it, i.e. once that frame's style, layout and paint are
 * done (the same point a double requestAnimationFrame reaches, one frame sooner). The
 * handlers, Svelte's flush and Chart.js's update('none') (which draws synchronously) all run
 * before that frame. Rasterisation and display by the compositor are left out (the page
 * cannot see them). A step that fires no input event is reported as missed, not counted.
 * Cross-check: Event Timing entries (PerformanceObserver type 'event', durationThreshold 16):
 * per control and slow-down, how many counted keydown events lasted 16 ms or more to the
 * presented frame (the figure INP uses, in 8 ms steps; the compositor's share included).
 *
 * CPU slow-down: CDP Emulation.setCPUThrottlingRate with each rate of --rates (default 1,4),
 * control by control (each at every rate before the next, so a control's scenario is the
 * same at every rate; the share comes last as it switches routing on), all in one page.
 * Percentiles are nearest-rank.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

/**
 * One timed key press, in ms: keydown -> end of the next frame, split at that frame's
 * requestAnimationFrame callback.
 * @typedef {{ total: number, beforeFrame: number, frame: number, charts: number | null }} Sample
 * @typedef {{ name: string, label: string, floor?: boolean, prepare?: (page: import('playwright-core').Page) => Promise<string> }} Control
 * @typedef {{ rate: number, control: string, floor: boolean, samples: Sample[], missed: number, slowKeydowns: number[] }} Result
 */
const LOAD_TIMEOUT_MS = 30_000;
/** A step whose frame has not been painted after this long (at any slow-down) is counted as missed. */
const STEP_TIMEOUT_MS = 5_000;
const FLOOR_LABEL = 'Latency floor (bare range input)';

const USAGE =
	'usage: node scripts/input-latency.mjs [--steps N] [--warmup N] [--gap MS] [--rates 1,4] [--control LABEL]... [--url URL] [--dir build] [--json]';

const options = parseCommandLine();

/** @type {import('node:child_process').ChildProcess | null} */
let server = null;
/** @type {import('playwright-core').Browser | null} */
let browser = null;

let cleaningUp = false;
async function cleanUp() {
	if (cleaningUp) return;
	cleaningUp = true;
	await browser?.close().catch(() => {});
	if (server && server.exitCode === null && server.signalCode === null) {
		const exited = new Promise((done) => server?.once('exit', done));
		server.kill('SIGTERM');
		await Promise.race([exited, new Promise((done) => setTimeout(done, 2_000))]);
		if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
	}
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => {
		cleanUp().finally(() => process.exit(130));
	});
}

let exitCode = 0;
try {
	exitCode = await main();
} catch (err) {
	console.error(`input-latency: ${err instanceof Error ? err.message : String(err)}`);
	exitCode = 1;
} finally {
	await cleanUp();
}
process.exit(exitCode);

async function main() {
	const url = options.url ?? (await startServer(options.dir));
	browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
	const page = await context.newPage();
	/** @type {string[]} */
	const pageErrors = [];
	page.on('pageerror', (err) => pageErrors.push(err.message));
	page.on('console', (msg) => {
		if (msg.type() === 'error') pageErrors.push(msg.text());
	});

	try {
		const response = await page.goto(url, { timeout: LOAD_TIMEOUT_MS });
		if (!response?.ok()) throw new Error(`HTTP ${response?.status() ?? 'no response'}`);
		// SvelteKit sets this as its last start-up step, once the page has hydrated.
		await page.waitForFunction(() => history.scrollRestoration === 'manual', undefined, { timeout: LOAD_TIMEOUT_MS });
		// The calculator is an island: its own code hydrates it after that (Island.svelte).
		await page.waitForFunction(() => [...document.querySelectorAll('[data-island]')].every((el) => el.getAttribute('data-island') === 'ready'), undefined, {
			timeout: LOAD_TIMEOUT_MS
		});
		// What loads after the first paint (Chart.js, the link codec, the forecast) has arrived.
		await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS });
		await waitForVisibleCharts(page);
	} catch (err) {
		console.error(`input-latency: the page at ${url} did not load: ${err instanceof Error ? err.message : String(err)}`);
		if (pageErrors.length) console.error(`page errors:\n  ${pageErrors.join('\n  ')}`);
		return 1;
	}

	await page.evaluate(instrument, { stepTimeoutMs: STEP_TIMEOUT_MS, floorLabel: FLOOR_LABEL });

	// Control by control (each found, and where needed switched on, at full speed), at each
	// slow-down in turn: a control's figures at 1x and 4x come from the same scenario.
	const cdp = await context.newCDPSession(page);
	/** @type {Result[]} */
	const results = [];
	for (const control of controls()) {
		const name = control.prepare ? await control.prepare(page) : control.label;
		const range = page.getByRole('slider', { name, exact: true }).first();
		if ((await range.count()) === 0) throw new Error(`no slider named '${name}' on the page`);
		if (await range.isDisabled()) throw new Error(`the slider '${name}' is disabled`);
		await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS });
		for (const rate of options.rates) {
			await cdp.send('Emulation.setCPUThrottlingRate', { rate });
			const { samples, missed, slowKeydowns } = await timeSlider(page, name);
			results.push({ rate, control: control.floor ? 'floor (bare range input)' : name, floor: Boolean(control.floor), samples, missed, slowKeydowns });
		}
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	}
	results.sort((a, b) => a.rate - b.rate);

	report(url, browser.version(), results, pageErrors);
	return 0;
}

/** @returns {Control[]} */
function controls() {
	const floor = { name: 'floor', label: FLOOR_LABEL, floor: true };
	if (options.controls.length) return [...options.controls.map((label) => ({ name: label, label })), floor];
	return [
		{ name: 'hit', label: 'Cache hit ratio' },
		{ name: 'requests', label: 'Requests per month' },
		{ name: 'share', label: '<model> share', prepare: prepareModelShare },
		floor
	];
}

/**
 * Switches Planned `Model routing` on (first workload), adds a second model when the mix has
 * only one (a lone share cannot move), and returns the first share slider's name.
 * @param {import('playwright-core').Page} page
 */
async function prepareModelShare(page) {
	const routing = page.getByRole('checkbox', { name: 'Model routing', exact: true }).first();
	if ((await routing.count()) === 0) throw new Error("no 'Model routing' switch on the page");
	if (!(await routing.isChecked())) await routing.check();
	const mix = page.getByRole('group', { name: 'Planned model mix', exact: true }).first();
	await mix.waitFor({ timeout: 5_000 });
	const shares = () => mix.getByRole('slider', { name: / share$/ });
	if ((await shares().count()) < 2) {
		const add = mix.getByRole('combobox', { name: 'Add model to mix', exact: true });
		const values = await add.locator('option').evaluateAll((els) => els.map((el) => /** @type {HTMLOptionElement} */ (el).value).filter(Boolean));
		if (!values[0]) throw new Error('no model to add to the Planned mix');
		await add.selectOption(values[0]);
		await mix.getByRole('button', { name: 'Add', exact: true }).click();
		for (let wait = 0; wait < 50 && (await shares().count()) < 2; wait++) await page.waitForTimeout(100);
	}
	const first = shares().first();
	const name = await first.evaluate((el) => {
		const id = el.getAttribute('aria-labelledby');
		return (id && document.getElementById(id)?.textContent?.trim()) || '';
	});
	if (!name) throw new Error('the first share slider of the Planned mix has no name');
	return name;
}

/**
 * Presses ArrowRight (ArrowLeft on the way back) on the slider --warmup + --steps times.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function timeSlider(page, name) {
	const range = page.getByRole('slider', { name, exact: true }).first();
	await range.scrollIntoViewIfNeeded();
	await range.focus();
	/** @type {Sample[]} */
	const samples = [];
	let missed = 0;
	let direction = 1;
	let slowSeen = 0;
	for (let step = 0; step < options.warmup + options.steps; step++) {
		// Turn round at either end, so every press changes the value.
		const { value, min, max } = await range.evaluate((el) => {
			const input = /** @type {HTMLInputElement} */ (el);
			return { value: Number(input.value), min: Number(input.min || 0), max: Number(input.max || 100) };
		});
		if (direction > 0 && value >= max) direction = -1;
		if (direction < 0 && value <= min) direction = 1;

		await page.evaluate(() => /** @type {any} */ (window).__inputLatency.arm());
		await page.keyboard.press(direction > 0 ? 'ArrowRight' : 'ArrowLeft');
		/** @type {Sample | null} */
		const sample = await page.evaluate(async (gap) => {
			const result = await /** @type {any} */ (window).__inputLatency.done;
			await new Promise((idle) => setTimeout(idle, gap));
			return result;
		}, options.gap);
		if (step < options.warmup) {
			slowSeen = await page.evaluate(() => /** @type {any} */ (window).__inputLatency.slowEvents.length);
			continue;
		}
		if (sample === null) missed++;
		else samples.push(sample);
	}
	// Event Timing durations (>= 16 ms) of the counted steps' keydown events.
	/** @type {number[]} */
	const slowKeydowns = await page.evaluate(
		(from) => /** @type {any} */ (window).__inputLatency.slowEvents.slice(from).filter((/** @type {any} */ e) => e.name === 'keydown').map((/** @type {any} */ e) => e.duration),
		slowSeen
	);
	return { samples, missed, slowKeydowns };
}

/**
 * Runs in the page: injects the floor slider, times each armed key press from its keydown to
 * the end of the next frame, and counts slow events with the Event Timing API.
 * @param {{ stepTimeoutMs: number, floorLabel: string }} settings
 */
function instrument({ stepTimeoutMs, floorLabel }) {
	const floor = document.createElement('input');
	floor.type = 'range';
	floor.min = '0';
	floor.max = '100';
	floor.value = '0';
	floor.setAttribute('aria-label', floorLabel);
	// In view wherever the page is scrolled, and out of the page's flow.
	floor.style.cssText = 'position:fixed;left:8px;bottom:8px;width:200px;z-index:2147483647;margin:0';
	document.body.append(floor);

	/** @type {{ start: number, inputs: number, resolve: (sample: Sample | null) => void } | null} */
	let armed = null;
	// Chart.js clears a canvas at the start of every draw: the time of the last one.
	let lastChartDraw = Number.NEGATIVE_INFINITY;
	const clearRect = CanvasRenderingContext2D.prototype.clearRect;
	CanvasRenderingContext2D.prototype.clearRect = function (...args) {
		if (this.canvas instanceof HTMLCanvasElement && this.canvas.isConnected) lastChartDraw = performance.now();
		return clearRect.apply(this, args);
	};
	const state = {
		/** @type {Promise<Sample | null>} */
		done: Promise.resolve(null),
		/** @type {{ name: string, duration: number }[]} */
		slowEvents: [],
		arm() {
			state.done = new Promise((resolve) => {
				const timer = setTimeout(() => {
					if (armed?.resolve === finish) armed = null;
					resolve(null);
				}, stepTimeoutMs);
				/** @param {Sample | null} sample */
				function finish(sample) {
					clearTimeout(timer);
					resolve(sample);
				}
				armed = { start: Number.NaN, inputs: 0, resolve: finish };
			});
		}
	};
	window.addEventListener(
		'keydown',
		(event) => {
			const step = armed;
			if (!step || !Number.isNaN(step.start)) return;
			step.start = event.timeStamp;
			/** Runs `then` at the end of the next frame: a message posted from its frame callback. */
			const afterNextFrame = (/** @type {(frame: number) => void} */ then) =>
				requestAnimationFrame(() => {
					const frame = performance.now();
					const channel = new MessageChannel();
					channel.port1.onmessage = () => then(frame);
					channel.port2.postMessage(null);
				});
			afterNextFrame((frame) => {
				const end = performance.now();
				// The charts in view draw in the task after this frame, and show in the next one.
				afterNextFrame(() => {
					if (armed === step) armed = null;
					const charts = lastChartDraw > step.start ? performance.now() - step.start : null;
					step.resolve(step.inputs > 0 ? { total: end - step.start, beforeFrame: frame - step.start, frame: end - frame, charts } : null);
				});
			});
		},
		{ capture: true }
	);
	window.addEventListener(
		'input',
		() => {
			if (armed) armed.inputs++;
		},
		{ capture: true }
	);
	try {
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) {
				if (entry.name === 'keydown' && entry.duration >= 16) {
					state.slowEvents.push({ name: entry.name, duration: entry.duration });
				}
			}
			// durationThreshold is part of the Event Timing API; TypeScript's DOM types lag.
		}).observe(/** @type {PerformanceObserverInit} */ ({ type: 'event', durationThreshold: 16 }));
	} catch {
		// No Event Timing API: the cross-check reports nothing.
	}
	Object.assign(window, { __inputLatency: state });
}

/**
 * Waits until Chart.js has drawn on every chart canvas inside the viewport (charts below it
 * are drawn when they scroll in).
 * @param {import('playwright-core').Page} page
 */
async function waitForVisibleCharts(page) {
	await page.waitForFunction(
		() => {
			const canvases = Array.from(document.querySelectorAll('figure canvas')).filter((el) => {
				const r = el.getBoundingClientRect();
				return r.bottom > 0 && r.top < innerHeight && r.width > 0;
			});
			return canvases.every((el) => {
				const canvas = /** @type {HTMLCanvasElement} */ (el);
				if (canvas.width === 0 || canvas.height === 0) return false;
				const scratch = document.createElement('canvas');
				scratch.width = canvas.width;
				scratch.height = canvas.height;
				const ctx = scratch.getContext('2d', { willReadFrequently: true });
				if (!ctx) return false;
				ctx.drawImage(canvas, 0, 0);
				const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
				for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
				return false;
			});
		},
		undefined,
		{ timeout: LOAD_TIMEOUT_MS, polling: 100 }
	);
}

/**
 * Starts scripts/serve-static.mjs on a free port (it listens on port 0 and prints the port
 * the system chose) and returns the page's URL.
 * @param {string} dir
 * @returns {Promise<string>}
 */
function startServer(dir) {
	const script = join(dirname(fileURLToPath(import.meta.url)), 'serve-static.mjs');
	const root = resolve(dir);
	if (!existsSync(join(root, 'index.html'))) {
		throw new Error(`${join(dir, 'index.html')} not found: run \`npm run build\` first (or pass --dir or --url).`);
	}
	const child = spawn(process.execPath, [script, '--dir', root, '--port', '0', '--host', '127.0.0.1', '--quiet'], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	server = child;
	return new Promise((resolveUrl, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error('the static server did not start within 10 s')), 10_000);
		child.stdout?.setEncoding('utf8');
		child.stdout?.on('data', (chunk) => {
			output += chunk;
			const match = /on (http:\/\/[^\s]+)/.exec(output);
			if (match?.[1]) {
				clearTimeout(timer);
				resolveUrl(`${match[1].replace(/\/$/, '')}/`);
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`the static server exited with code ${code}`));
		});
	});
}

/**
 * @param {number[]} sorted ascending
 * @param {number} p 0..100
 */
function percentile(sorted, p) {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return /** @type {number} */ (sorted[Math.min(sorted.length, rank) - 1]);
}

/**
 * p50, p95 (nearest rank) and max of some values, in ms rounded to 0.01.
 * @param {number[]} values
 */
function summary(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted[sorted.length - 1] ?? Number.NaN) };
}

/**
 * @param {string} url
 * @param {string} version
 * @param {Result[]} results
 * @param {string[]} pageErrors
 */
function report(url, version, results, pageErrors) {
	const rows = results.map(({ rate, control, floor, samples, missed, slowKeydowns }) => ({
		cpuSlowdown: rate,
		control,
		floor,
		steps: samples.length,
		missed,
		totalMs: summary(samples.map((s) => s.total)),
		beforeFrameMs: summary(samples.map((s) => s.beforeFrame)),
		frameMs: summary(samples.map((s) => s.frame)),
		/** Keydown to the end of the frame that shows the charts in view redrawn (the steps where a chart drew). */
		chartsMs: summary(samples.flatMap((s) => (s.charts === null ? [] : [s.charts]))),
		chartSteps: samples.filter((s) => s.charts !== null).length,
		/** Event Timing: keydown events of the counted steps that lasted >= 16 ms, and the longest. */
		eventTiming: { atLeast16Ms: slowKeydowns.length, maxMs: slowKeydowns.length ? Math.max(...slowKeydowns) : null },
		/** This control's p50 and p95 over the floor's at the same slow-down. */
		toFloor: { p50: Number.NaN, p95: Number.NaN }
	}));
	for (const row of rows) {
		const floor = rows.find((r) => r.floor && r.cpuSlowdown === row.cpuSlowdown);
		if (floor) row.toFloor = { p50: round(row.totalMs.p50 / floor.totalMs.p50), p95: round(row.totalMs.p95 / floor.totalMs.p95) };
	}
	const environment = {
		url,
		browser: `Chromium ${version}`,
		cpus: availableParallelism(),
		loadAverage: round(loadavg()[0] ?? Number.NaN),
		viewport: '1280x800',
		steps: options.steps,
		warmup: options.warmup,
		gapMs: options.gap,
		cpuSlowdowns: options.rates
	};

	if (options.json) {
		console.log(JSON.stringify({ ...environment, results: rows, pageErrors }, null, 2));
		return;
	}

	const ms = (/** @type {number} */ n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
	const times = (/** @type {number} */ n) => (Number.isFinite(n) ? `${n.toFixed(1)}x` : '—');
	const width = Math.max(24, ...rows.map((r) => r.control.length));
	console.log(`Input-to-paint latency of ${url}: keydown -> end of the next painted frame`);
	console.log(
		`Chromium ${version}, headless, 1280 x 800, ${environment.cpus} CPUs (load ${environment.loadAverage}); ${options.steps} steps per control ` +
			`(+${options.warmup} warm-up), ${options.gap} ms apart\n`
	);
	console.log(
		`${'CPU'.padEnd(4)} ${'control'.padEnd(width)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ` +
			`${'p50/floor'.padStart(10)} ${'p95/floor'.padStart(10)} ${'ET>=16ms'.padStart(9)}   p50 split: before frame + frame   charts p50 / p95 (steps)`
	);
	for (const r of rows) {
		const missed = r.missed ? `  (${r.missed} of ${r.steps + r.missed} steps missed)` : '';
		console.log(
			`${`${r.cpuSlowdown}x`.padEnd(4)} ${r.control.padEnd(width)} ${ms(r.totalMs.p50).padStart(8)} ${ms(r.totalMs.p95).padStart(8)} ${ms(r.totalMs.max).padStart(8)} ` +
				`${(r.floor ? '' : times(r.toFloor.p50)).padStart(10)} ${(r.floor ? '' : times(r.toFloor.p95)).padStart(10)} ` +
				`${`${r.eventTiming.atLeast16Ms}/${r.steps + r.missed}`.padStart(9)}   ` +
				`${ms(r.beforeFrameMs.p50)} + ${ms(r.frameMs.p50)}`.padEnd(18) +
				`${r.chartSteps ? `   ${ms(r.chartsMs.p50)} / ${ms(r.chartsMs.p95)} (${r.chartSteps})` : ''}${missed}`
		);
	}
	console.log(
		'\nET>=16ms: keydown events whose Event Timing duration (to the presented frame, 8 ms steps, compositor included) reached 16 ms, of the counted steps.'
	);
	console.log(
		'charts: keydown to the end of the frame that shows the charts in view redrawn (they draw in the task after the first frame), over the steps where a chart drew.'
	);
	if (pageErrors.length) console.log(`\nPage errors:\n  ${pageErrors.join('\n  ')}`);
}

/** @param {number} n */
function round(n) {
	return Math.round(n * 100) / 100;
}

function parseCommandLine() {
	try {
		const { values } = parseArgs({
			options: {
				steps: { type: 'string', default: '60' },
				warmup: { type: 'string', default: '10' },
				gap: { type: 'string', default: '50' },
				rates: { type: 'string', default: '1,4' },
				control: { type: 'string', multiple: true },
				url: { type: 'string' },
				dir: { type: 'string', default: 'build' },
				json: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			},
			strict: true
		});
		if (values.help) {
			console.log(USAGE);
			process.exit(0);
		}
		const steps = Number(values.steps);
		const warmup = Number(values.warmup);
		if (!Number.isInteger(steps) || steps < 1) throw new Error(`--steps must be a positive integer, got ${JSON.stringify(values.steps)}`);
		if (!Number.isInteger(warmup) || warmup < 0) throw new Error(`--warmup must be a whole number, got ${JSON.stringify(values.warmup)}`);
		const gap = Number(values.gap);
		if (!Number.isFinite(gap) || gap < 0) throw new Error(`--gap must be a number of ms >= 0, got ${JSON.stringify(values.gap)}`);
		const rates = values.rates.split(',').map((s) => Number(s.trim()));
		if (rates.length === 0 || rates.some((r) => !Number.isFinite(r) || r < 1)) {
			throw new Error(`--rates must be CPU slow-down factors >= 1, separated by commas, got ${JSON.stringify(values.rates)}`);
		}
		return { steps, warmup, gap, rates, controls: values.control ?? [], url: values.url, dir: values.dir, json: values.json };
	} catch (err) {
		console.error(`input-latency: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
		process.exit(2);
	}
}
