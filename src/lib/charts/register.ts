// The dynamic-import target of the chart attachment, so it lands in a chunk of its own that
// loads after the first paint: Chart.js with only the parts the charts use (line charts on
// linear axes, and logarithmic ones for the TTL advice; a horizontal bar chart on a category
// axis; legend, tooltip; no Filler, Title, Colors or Decimation: the charts set their own
// colours, and the labelled markers are an inline plugin, ./pointLabels), plus the
// configuration builders, which only Chart.js needs.
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	LogarithmicScale,
	PointElement,
	Tooltip
} from 'chart.js';

Chart.register(LineController, BarController, LineElement, PointElement, BarElement, LinearScale, CategoryScale, Tooltip, Legend);
// The TTL advice chart's axes are logarithmic (traffic rates and monthly costs span decades).
if (!Chart.registry.scales.get('logarithmic')) Chart.register(LogarithmicScale);

// Canvas text cannot inherit CSS: use a system font stack like the page's.
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export { Chart };
// What the attachment compares configurations with (./chartUpdate): needed only once there is a chart.
export { showConfig } from './chartUpdate';
export { hitRatioChart, sharedContextChart, waterfallChart } from './configs';
export { conversationChart, ttlAdviceChart } from './cachingConfigs';
