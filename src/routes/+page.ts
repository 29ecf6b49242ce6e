import { browser } from '$app/environment';
import type { PageLoad } from './$types';

/**
 * The calculator is an island (Island.svelte): rendered here at prerender, its code loads after
 * the first paint. So are the link-preview tags (Open Graph, Twitter card: the example's
 * headline, computed by the engine; previewers run no JavaScript). In the browser both are
 * already in the page: nothing to load, and neither the engine nor svelte/server is fetched.
 */
export const load: PageLoad = async () => {
	if (browser) return { calculator: undefined, previewTags: undefined };
	const [{ renderIsland }, { default: CalculatorPage }, { previewTags, socialPreview }, { exampleScenarioV2 }, { workloadAsV1 }] = await Promise.all([
		import('$lib/components/island'),
		import('$lib/components/CalculatorPage.svelte'),
		import('$lib/meta/socialPreview'),
		import('$lib/scenario/defaults'),
		import('$lib/scenario/views')
	]);
	// The example a first visit shows has one workload: its version-1 view has the same Today and Planned.
	const example = exampleScenarioV2();
	return {
		calculator: await renderIsland(CalculatorPage, 'calc'),
		previewTags: previewTags(socialPreview(workloadAsV1(example, example.workloads[0]!)))
	};
};
