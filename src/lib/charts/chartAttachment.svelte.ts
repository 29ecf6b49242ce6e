// A Svelte attachment that draws a Chart.js chart on a <canvas>:
//
//   <canvas {@attach chart((c) => c.hitRatioChart(series, points, hit, preferredTheme()), () => visible)}></canvas>
//
// - Chart.js and the configuration builders (./configs) are imported dynamically
//   (./register): a chunk of their own that loads after the first paint. The page, its
//   inputs, the captions and the data tables work without it. `getConfig` receives the
//   builders once they have arrived.
// - Work only for what the reader sees: while `isVisible()` is false (ChartFigure: the figure
//   is outside the viewport, ./inView) getConfig is not even called, so nothing the chart
//   reads is tracked and a slider step costs this chart nothing. It keeps its last picture
//   and updates once when it scrolls in. A chart first out of view is built when the browser
//   is idle, so it is there (a picture to print or download) without delaying the first one.
// - The chart is created once. A later configuration is compared with the one shown
//   (./chartUpdate's showConfig, which travels with Chart.js in ./register): nothing visible
//   changed, nothing is done; otherwise only the datasets that changed are replaced, in place
//   (a moving marker swaps its own two points and the lines keep theirs), the options are
//   replaced (their callbacks close over the new figures), and update('none') redraws once,
//   without animation.
// - The attachment body reads no reactive state (getConfig and isVisible run only inside the
//   nested $effect), so Svelte never re-runs the attachment, which would recreate the chart.
// - Printing brings a chart that was out of view up to date before the page is laid out for
//   paper, and redraws every chart at twice the pixel density.
//
// getConfig must return plain objects (the builders do), not $state proxies: Chart.js
// annotates the data arrays it is given.
import type { Chart as ChartJs, ChartConfiguration, ChartType, DefaultDataPoint } from 'chart.js';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { AnyConfig, ShownChart } from './chartUpdate';

type ChartModule = typeof import('./register');

/** What `getConfig` receives: the pure configuration builders of ./configs. */
export type ChartBuilders = Pick<ChartModule, 'hitRatioChart' | 'sharedContextChart' | 'waterfallChart' | 'ttlAdviceChart' | 'conversationChart'>;

/** How long an out-of-view chart may wait for an idle moment before it is built anyway. */
const IDLE_TIMEOUT_MS = 2_000;

export function chart<TType extends ChartType = ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>(
	getConfig: (builders: ChartBuilders) => ChartConfiguration<TType, TData, TLabel>,
	isVisible: () => boolean = () => true
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let loaded = $state.raw<ChartModule | null>(null);
		/** The chart, and the print of the configuration it shows (./chartUpdate). */
		const held: ShownChart = {};
		const instance = () => held.chart as ChartJs<TType, TData, TLabel> | undefined;
		let destroyed = false;
		let idle: (() => void) | undefined;

		import('./register').then(
			(module) => {
				if (!destroyed) loaded = module;
			},
			(error: unknown) => {
				// The caption and the data table still carry the figures.
				console.error('Chart.js failed to load; the charts fall back to their data tables.', error);
			}
		);

		const apply = (module: ChartModule, config: ChartConfiguration<TType, TData, TLabel>) =>
			module.showConfig((c) => new module.Chart(canvas, c as ChartConfiguration), held, config as AnyConfig);

		// Runs once Chart.js is there, then whenever the chart is visible and what getConfig
		// reads changes, and when it scrolls in or out.
		$effect(() => {
			const module = loaded;
			if (!module) return;
			if (!isVisible()) {
				if (!held.chart && !idle) idle = whenIdle(() => untrack(() => !destroyed && !held.chart && apply(module, getConfig(module))));
				return;
			}
			const config = getConfig(module);
			untrack(() => apply(module, config));
		});

		// Printing: bring a chart that was out of view up to date, redraw at twice the pixel
		// density (the print stylesheet scales the canvas to the paper), and back at the
		// screen's afterwards.
		const print = (event: Event) => {
			const module = loaded;
			if (event.type === 'beforeprint' && module) untrack(() => apply(module, getConfig(module)));
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
			idle?.();
			held.chart?.destroy();
			held.chart = undefined;
		};
	};
}

/** Runs `task` when the browser is idle (or after IDLE_TIMEOUT_MS at most); returns a cancel function. */
function whenIdle(task: () => void): () => void {
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
		return () => cancelIdleCallback(handle);
	}
	const handle = setTimeout(task, 200);
	return () => clearTimeout(handle);
}
