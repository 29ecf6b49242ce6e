import { browser } from '$app/environment';
import type { PageLoad } from './$types';

// The embedded calculator is an island (Island.svelte), rendered here at prerender; in the
// browser its HTML is already in the page.
export const load: PageLoad = async () => {
	if (browser) return { calculator: undefined };
	const [{ renderIsland }, { default: EmbedPage }] = await Promise.all([import('$lib/components/island'), import('$lib/components/EmbedPage.svelte')]);
	return { calculator: await renderIsland(EmbedPage, 'embed') };
};
