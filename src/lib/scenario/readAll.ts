/**
 * Reads every field of a value, deeply, and builds nothing. Inside a Svelte effect this
 * subscribes the effect to each field of a $state proxy (and to fields being added or
 * removed), so it re-runs on any change at the cost of the reads alone: the page's address
 * bar writer uses it to learn that the scenario changed without encoding it on every
 * keystroke (it encodes once per interval, when it writes).
 * Example: $effect(() => { readAll(scenario); schedule(); }).
 */
export function readAll(value: unknown): void {
	if (typeof value !== 'object' || value === null) return;
	if (Array.isArray(value)) {
		for (const item of value) readAll(item);
		return;
	}
	for (const key in value) readAll((value as Record<string, unknown>)[key]);
}
