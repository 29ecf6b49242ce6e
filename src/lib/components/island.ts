// Build-time half of ./Island.svelte: renders a component to the HTML the island starts with.
import type { Component } from 'svelte';
import { renderPartsWith } from './later';

/**
 * The component's server-rendered HTML, with the markers Svelte's hydrate() expects. Call it
 * only while prerendering (svelte/server is imported here, never in the browser's bundle).
 * `idPrefix` keeps the island's `$props.id()` values apart from the page around it.
 */
export async function renderIsland(component: Component, idPrefix: string): Promise<string> {
	const { render } = await import('svelte/server');
	renderPartsWith(render, idPrefix);
	return render(component, { idPrefix }).body;
}
