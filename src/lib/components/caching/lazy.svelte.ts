// A component loaded on first use, without Svelte's {#await} block (whose runtime would join
// the first-paint JavaScript): `current` is null until the module has arrived, and reading
// it starts the import.
//
//   const Details = lazy(() => import('./TrafficDetails.svelte'));
//   {#if Details.current}<Details.current ... />{/if}
import type { Component } from 'svelte';

export function lazy<T extends Component<never>>(load: () => Promise<{ default: T }>): { readonly current: T | null } {
	let loaded = $state.raw<T | null>(null);
	let started = false;
	return {
		get current() {
			if (!started) {
				started = true;
				load().then(
					(module) => (loaded = module.default),
					(error: unknown) => console.error('A part of the page failed to load.', error)
				);
			}
			return loaded;
		}
	};
}
