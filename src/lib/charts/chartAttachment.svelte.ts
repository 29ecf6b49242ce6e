// A Svelte attachment that draws a Chart.js chart on a <canvas>:
//
//   <canvas {@attach chart((c) => c.hitRatioChart(series, points, hit, preferredTheme()), () => visible)}></canvas>
//
// - Chart.js and the configuration builders (./configs) are one chunk (./register), imported
//   once for every chart (loadCharts) when the first chart comes near the viewport, before a
//   print, or for a Download PNG. A visit that never scrolls to a chart never fetches it: the
//   page, its inputs, the captions and the data tables work without it. `getConfig` receives
//   the builders once they have arrived.
// - Work only for what the reader sees: while `isVisible()` is false (ChartFigure: the figure
//   is outside the viewport, $lib/inView) getConfig is not even called, so nothing the chart
//   reads is tracked and a slider step costs this chart nothing. It keeps its last picture
//   and updates once when it scrolls in. Once Chart.js is there, a chart out of view is built
//   when the browser is idle, so it is there (a picture to print or download) without
//   delaying the one in view.
// - A chart in view draws in the task after the frame that shows the step's figures, tables
//   and captions (afterPaint): the reader sees the numbers move at once, the chart a frame
//   later; steps that come faster than that draw once, the latest.
// - The chart is created once. A later configuration is compared with the one shown
//   (./chartUpdate's showConfig, which travels with Chart.js in ./register): nothing visible
//   changed, nothing is done; otherwise only the datasets that changed are replaced, in place
//   (a moving marker swaps its own two points and the lines keep theirs), the options are
//   replaced (their callbacks close over the new figures), and update('none') redraws once,
//   without animation.
// - The attachment body reads no reactive state (getConfig and isVisible run only inside the
//   nested $effect), so Svelte never re-runs the attachment, which would recreate the chart.
// - Printing brings a chart that was out of view up to date before the page is laid out for
//   paper, and redraws every chart at twice the pixel density. A print started before Chart.js
//   has arrived cannot wait for it (the browser lays the page out right after `beforeprint`):
//   Ctrl+P / Cmd+P is held until Chart.js is there (printWithCharts); a print from the browser's
//   menu prints the charts not yet drawn as their title and caption, without an empty box.
//
// getConfig must return plain objects (the builders do), not $state proxies: Chart.js
// annotates the data arrays it is given.
import type { Chart as ChartJs, ChartConfiguration, ChartType, DefaultDataPoint } from 'chart.js';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { whenIdle } from '$lib/idle';
import type { AnyConfig, ShownChart } from './chartUpdate';

type ChartModule = typeof import('./register');

/** What `getConfig` receives: the pure configuration builders of ./configs. */
export type ChartBuilders = Pick<ChartModule, 'hitRatioChart' | 'sharedContextChart' | 'waterfallChart' | 'ttlAdviceChart' | 'conversationChart'>;

/** How long an out-of-view chart may wait for an idle moment before it is built anyway. */
const IDLE_TIMEOUT_MS = 2_000;

/** Chart.js and the builders, once they have arrived (shared by every chart on the page). */
let charts = $state.raw<ChartModule | null>(null);
let loading: Promise<ChartModule> | undefined;

/** Imports Chart.js and the builders once; every chart on the page draws when they arrive. */
export function loadCharts(): Promise<ChartModule> {
	loading ??= import('./register').then(
		(module) => (charts = module),
		(error: unknown) => {
			loading = undefined; // a later chart in view tries again
			// The caption and the data table still carry the figures.
			console.error('Chart.js failed to load; the charts fall back to their captions and data tables.', error);
			throw error;
		}
	);
	return loading;
}

/** Draws the chart of each canvas now, up to date (Download PNG, printing). */
const drawNow = new WeakMap<HTMLCanvasElement, () => void>();

/** Resolves once Chart.js is there and `canvas` shows its chart, up to date (Download PNG). */
export async function chartDrawn(canvas: HTMLCanvasElement): Promise<void> {
	await loadCharts();
	drawNow.get(canvas)?.();
}

/**
 * Prints the page with every chart drawn: loads Chart.js first when it has not arrived yet
 * (the charts then draw in `beforeprint`). Ctrl+P / Cmd+P come here (see `chart`).
 */
async function printWithCharts(): Promise<void> {
	await loadCharts().catch(() => undefined);
	window.print();
}

let printKeyHeld = false;
/** Ctrl+P / Cmd+P before Chart.js has arrived: held until it has, then the browser's print. */
function holdPrintKey() {
	if (printKeyHeld) return;
	printKeyHeld = true;
	window.addEventListener('keydown', (event) => {
		if (charts || event.key.toLowerCase() !== 'p' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
		event.preventDefault();
		void printWithCharts();
	});
}

export function chart<TType extends ChartType = ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>(
	getConfig: (builders: ChartBuilders) => ChartConfiguration<TType, TData, TLabel>,
	isVisible: () => boolean = () => true
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		/** The chart, and the print of the configuration it shows (./chartUpdate). */
		const held: ShownChart = {};
		const instance = () => held.chart as ChartJs<TType, TData, TLabel> | undefined;
		let destroyed = false;
		let idle: (() => void) | undefined;
		/** The configuration to draw after the frame being prepared (the latest one wins). */
		let queued: ChartConfiguration<TType, TData, TLabel> | undefined;
		holdPrintKey();

		const apply = (module: ChartModule, config: ChartConfiguration<TType, TData, TLabel>) => {
			queued = undefined;
			module.showConfig((c) => new module.Chart(canvas, c as ChartConfiguration), held, config as AnyConfig);
			if (!('drawn' in canvas.dataset)) canvas.dataset.drawn = '';
		};
		const now = () => {
			const module = charts;
			if (module && !destroyed) untrack(() => apply(module, getConfig(module)));
		};
		drawNow.set(canvas, now);

		// Runs when a chart comes in view (the first one loads Chart.js), when Chart.js has
		// arrived, then whenever the chart is visible and what getConfig reads changes.
		$effect(() => {
			const module = charts;
			if (!module) {
				if (isVisible()) loadCharts().catch(() => undefined);
				return;
			}
			if (!isVisible()) {
				if (!held.chart && !idle) idle = whenIdle(() => !held.chart && now(), IDLE_TIMEOUT_MS);
				return;
			}
			const config = getConfig(module);
			if (!queued) afterPaint(() => queued && !destroyed && untrack(() => apply(module, queued!)));
			queued = config;
		});

		// Printing: bring a chart that was out of view up to date, redraw at twice the pixel
		// density (the print stylesheet scales the canvas to the paper), and back at the
		// screen's afterwards.
		const print = (event: Event) => {
			if (event.type === 'beforeprint') now();
			const chart = instance();
			const options = chart?.options as { devicePixelRatio?: number } | undefined;
			if (!chart || !options) return;
			options.devicePixelRatio = event.type === 'beforeprint' ? Math.max(2, window.devicePixelRatio) : window.devicePixelRatio;
			chart.resize();
		};
		window.addEventListener('beforeprint', print);
		window.addEventListener('afterprint', print);

		return () => {
			window.removeEventListener('beforeprint', print);
			window.removeEventListener('afterprint', print);
			destroyed = true;
			drawNow.delete(canvas);
			idle?.();
			held.chart?.destroy();
			held.chart = undefined;
		};
	};
}

/** Tasks waiting for the frame being prepared to be painted (afterPaint). */
let painting: (() => void)[] = [];
let channel: MessageChannel | undefined;

/**
 * Runs `task` once the frame being prepared has been painted: a slider step paints the figures,
 * tables and captions it changed at once, and the charts in the frame after (Chart.js takes
 * longer than the rest of a step; docs/performance.md). A message posted from a frame callback
 * is delivered after that frame, without a timer's minimum delay; one frame callback and one
 * message serve every chart.
 */
function afterPaint(task: () => void): void {
	painting.push(task);
	if (painting.length > 1) return;
	if (!channel) {
		channel = new MessageChannel();
		channel.port1.onmessage = () => {
			const tasks = painting;
			painting = [];
			for (const t of tasks) t();
		};
	}
	const post = () => channel?.port2.postMessage(null);
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(post);
	else post();
}
