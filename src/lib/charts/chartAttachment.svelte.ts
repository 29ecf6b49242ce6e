// A Svelte attachment that draws a Chart.js chart on a <canvas>:
//
//   <canvas {@attach chart((c) => c.hitRatioChart(series, points, hit, preferredTheme()))}></canvas>
//
// - Chart.js and the configuration builders (./configs) are imported dynamically
//   (./register): a chunk of their own that loads after the first paint. The page, its
//   inputs, the captions and the data tables work without it. `getConfig` receives the
//   builders once they have arrived.
// - The chart is created once. Each later configuration replaces chart.data and
//   chart.options and calls update('none'): no animation, and no destroy/recreate while a
//   slider is dragged.
// - The attachment body reads no reactive state (getConfig runs only inside the nested
//   $effect), so Svelte never re-runs the attachment, which would recreate the chart.
//
// getConfig must return plain objects (the builders do), not $state proxies: Chart.js
// annotates the data arrays it is given.
import type { Chart as ChartJs, ChartConfiguration, ChartType, DefaultDataPoint } from 'chart.js';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

type ChartModule = typeof import('./register');

/** What `getConfig` receives: the pure configuration builders of ./configs. */
export type ChartBuilders = Pick<ChartModule, 'hitRatioChart' | 'sharedContextChart' | 'waterfallChart' | 'ttlAdviceChart' | 'conversationChart'>;

export function chart<TType extends ChartType = ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>(
	getConfig: (builders: ChartBuilders) => ChartConfiguration<TType, TData, TLabel>
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let loaded = $state.raw<ChartModule | null>(null);
		let instance: ChartJs<TType, TData, TLabel> | undefined;
		let destroyed = false;

		import('./register').then(
			(module) => {
				if (!destroyed) loaded = module;
			},
			(error: unknown) => {
				// The caption and the data table still carry the figures.
				console.error('Chart.js failed to load; the charts fall back to their data tables.', error);
			}
		);

		// Runs once Chart.js is there, then whenever what getConfig reads changes.
		$effect(() => {
			const module = loaded;
			if (!module) return;
			const config = getConfig(module);
			untrack(() => {
				if (!instance) {
					instance = new module.Chart<TType, TData, TLabel>(canvas, config);
					return;
				}
				instance.data = config.data;
				// Replaced on every change, not only with the theme: tick and tooltip callbacks
				// close over the current data. Chart.js re-resolves its options on update anyway.
				if (config.options) instance.options = config.options;
				instance.update('none');
			});
		});

		// Printing: redraw at twice the pixel density (the print stylesheet scales the canvas to
		// the paper), and back at the screen's afterwards.
		const print = (event: Event) => {
			const options = instance?.options as { devicePixelRatio?: number } | undefined;
			if (!instance || !options) return;
			options.devicePixelRatio = event.type === 'beforeprint' ? Math.max(2, window.devicePixelRatio) : window.devicePixelRatio;
			instance.resize();
		};
		window.addEventListener('beforeprint', print);
		window.addEventListener('afterprint', print);

		return () => {
			window.removeEventListener('beforeprint', print);
			window.removeEventListener('afterprint', print);
			destroyed = true;
			instance?.destroy();
			instance = undefined;
		};
	};
}
