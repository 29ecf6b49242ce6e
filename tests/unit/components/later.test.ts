// Hydration in parts (src/lib/components/later.ts, used by Later.svelte): each part of the
// calculator is taken over in a task of its own, in the order the parts were queued, and the
// page is ready once every part has been, the parts those queue while hydrating included.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hydrateSoon, partsHydrated, renderPart, renderPartsWith } from '$lib/components/later';

/** Resumes in a task of its own, after the tasks queued before it (timers run in order). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

// Every test leaves the queue empty.
afterEach(() => partsHydrated());

describe('hydrateSoon', () => {
	it('hydrates one part per task, in the order they were queued, never in the queuing task', async () => {
		const ran: string[] = [];
		for (const part of ['headline', 'prices', 'tables']) hydrateSoon(() => ran.push(part));
		expect(ran).toEqual([]);
		await nextTask();
		expect(ran).toEqual(['headline']);
		await nextTask();
		expect(ran).toEqual(['headline', 'prices']);
		await nextTask();
		expect(ran).toEqual(['headline', 'prices', 'tables']);
	});

	it('a part removed before its turn (its component destroyed) is never hydrated', async () => {
		const ran: string[] = [];
		hydrateSoon(() => ran.push('a'));
		const cancel = hydrateSoon(() => ran.push('b'));
		hydrateSoon(() => ran.push('c'));
		cancel();
		await partsHydrated();
		expect(ran).toEqual(['a', 'c']);
	});

	it('a part that fails to hydrate is reported, and the parts after it still hydrate', async () => {
		const ran: string[] = [];
		const reported: unknown[] = [];
		const onUncaught = (error: unknown) => reported.push(error);
		process.on('uncaughtException', onUncaught);
		try {
			hydrateSoon(() => {
				throw new Error('a broken part');
			});
			hydrateSoon(() => ran.push('after it'));
			await partsHydrated();
			await nextTask();
		} finally {
			process.off('uncaughtException', onUncaught);
		}
		expect(ran).toEqual(['after it']);
		expect(reported).toEqual([new Error('a broken part')]);
	});
});

describe('partsHydrated', () => {
	it('resolves without waiting for a task when no part waits', async () => {
		const order: string[] = [];
		void partsHydrated().then(() => order.push('ready'));
		await nextTask();
		order.push('next task');
		expect(order).toEqual(['ready', 'next task']);
	});

	it('resolves once the last part has hydrated, the parts it queued while hydrating included', async () => {
		const ran: string[] = [];
		let ready = false;
		hydrateSoon(() => ran.push('first'));
		hydrateSoon(() => {
			ran.push('last');
			// A part inside this one queues as it mounts: once hydrate() has returned.
			queueMicrotask(() => hydrateSoon(() => ran.push('inside the last')));
		});
		void partsHydrated().then(() => (ready = true));
		await nextTask();
		await nextTask();
		expect(ran).toEqual(['first', 'last']);
		expect(ready).toBe(false);
		await nextTask();
		expect(ran).toEqual(['first', 'last', 'inside the last']);
		expect(ready).toBe(true);
	});
});

describe('renderPart (build time)', () => {
	it('renders each part as a root of its own, with ids apart from the island and from each other', () => {
		const render = vi.fn((_component: unknown, options: { idPrefix: string }) => ({ body: `<!--[-->${options.idPrefix}<!--]-->` }));
		const component = (() => {}) as never;
		renderPartsWith(render, 'calc');
		expect(renderPart(component, {}, new Map())).toBe('<!--[-->calc-p1<!--]-->');
		expect(renderPart(component, {}, new Map())).toBe('<!--[-->calc-p2<!--]-->');
		// The next island (another page) numbers its parts from 1 again: the same build gives the same HTML.
		renderPartsWith(render, 'embed');
		expect(renderPart(component, {}, new Map())).toBe('<!--[-->embed-p1<!--]-->');
	});
});
