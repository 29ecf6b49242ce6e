// The dynamic-import target of the chart attachment, so it lands in a chunk of its own that
// loads after the first paint: Chart.js with only the parts the three charts use (line charts
// on linear axes, a horizontal bar chart on a category axis, legend, tooltip; no Filler,
// Title, Colors or Decimation: the charts set their own colours, and the labelled markers are
// an inline plugin, ./pointLabels), plus the configuration builders, which only Chart.js needs.
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
} from 'chart.js';

Chart.register(LineController, BarController, LineElement, PointElement, BarElement, LinearScale, CategoryScale, Tooltip, Legend);

// Canvas text cannot inherit CSS: use a system font stack like the page's.
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export { Chart };
export { hitRatioChart, sharedContextChart, waterfallChart } from './configs';
