// Hydration in parts (./Later.svelte). The calculator's HTML is prerendered; in the browser
// Svelte's hydrate() takes it over in one task, about 200 ms on a slow phone (4x CPU), which
// blocks a tap for that long (Lighthouse's Total Blocking Time). Each <Later> part is a root
// of its own, taken over in a task of its own right after, so no task blocks for long.
import { tick, type Component } from 'svelte';

type RenderOptions = { props: Record<string, unknown>; context: Map<unknown, unknown>; idPrefix: string };
type ServerRender = (component: Component<any>, options: RenderOptions) => { body: string };

let serverRender: ServerRender | undefined;
let idPrefix = '';
let rendered = 0;

/** Build time (./island.ts): parts render with svelte/server's `render`, their ids apart from the island's. */
export function renderPartsWith(render: ServerRender, islandIdPrefix: string): void {
	serverRender = render;
	idPrefix = islandIdPrefix;
	rendered = 0;
}

/** Build time: a part's HTML, as a root of its own (hydrate() takes over roots only). */
export function renderPart(component: Component<any>, props: Record<string, unknown>, context: Map<unknown, unknown>): string {
	if (!serverRender) throw new Error('A <Later> part is prerendered only inside an island (renderIsland in src/lib/components/island.ts).');
	return serverRender(component, { props, context, idPrefix: `${idPrefix}-p${++rendered}` }).body;
}

const waiting: (() => void)[] = [];
let drained: (() => void)[] = [];
let scheduled = false;

/** Runs `hydratePart` in a task of its own, after the parts queued before it; returns a cancel function. */
export function hydrateSoon(hydratePart: () => void): () => void {
	waiting.push(hydratePart);
	if (!scheduled) {
		scheduled = true;
		setTimeout(next);
	}
	return () => {
		const at = waiting.indexOf(hydratePart);
		if (at >= 0) waiting.splice(at, 1);
	};
}

async function next() {
	try {
		waiting.shift()?.();
	} catch (error) {
		// Reported as any uncaught error; the other parts still hydrate and the page gets ready.
		setTimeout(() => {
			throw error;
		});
	}
	// A part mounts (and queues the parts inside it) once the hydration's effects have run.
	await tick();
	if (waiting.length) return void setTimeout(next);
	scheduled = false;
	for (const resolve of drained) resolve();
	drained = [];
}

/** Resolves once every part on the page has hydrated (parts queue as the component that holds them mounts). */
export async function partsHydrated(): Promise<void> {
	await tick();
	if (scheduled) await new Promise<void>((resolve) => drained.push(resolve));
}
