// @vitest-environment jsdom
// The Add model to mix list: grouped by family, statuses in words, retired models only when
// asked for or in use (the page's Show older models), custom models last.
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import MixControl from '$lib/components/MixControl.svelte';
import type { ModelPrice } from '$lib/pricing/schema';
import { getSheet } from '$lib/pricing/sheets';

const november = getSheet('anthropic-2026-11');
const mythos: ModelPrice = {
	id: 'custom-1',
	name: 'Mythos 5.2',
	family: 'custom',
	status: 'active',
	contextWindow: 1_000_000,
	inputPerMTok: 8,
	cacheWrite5mPerMTok: 10,
	cacheWrite1hPerMTok: 16,
	cacheReadPerMTok: 0.2,
	outputPerMTok: 40,
	minCacheTokens: 512,
	usOnlyInference: true,
	tokenizer: '2026'
};

function groups(props: Record<string, unknown>): string[] {
	const state = $state({ mix: { 'opus-5-5': 5, 'sonnet-5-5': 25, 'haiku-5-5': 70 }, sheet: november, ...props });
	render(MixControl, { props: state });
	const add = screen.getByRole('combobox', { name: 'Add model to mix' });
	return Array.from(add.querySelectorAll('optgroup')).map(
		(g) => `${g.label}: ${Array.from(g.querySelectorAll('option')).map((o) => o.textContent?.trim()).join(', ')}`
	);
}

describe('MixControl model list', () => {
	it('hides retired models unless showOlder, and lists the rest by family without the mix', () => {
		expect(groups({ showOlder: false })).toEqual([
			'Fable: Fable 5.2 (latest), Fable 5.1 (legacy), Fable 5 (legacy)',
			'Opus: Opus 5 (legacy), Opus 4.8 (legacy), Opus 4.7 (legacy), Opus 4.6 (legacy), Opus 4.5 (deprecated, retires 2027-01-22)',
			'Sonnet: Sonnet 5 (legacy), Sonnet 4.6 (legacy), Sonnet 4.5 (deprecated, retires 2026-11-30)',
			'Haiku: Haiku 4.5 (legacy)'
		]);
	});

	it('keeps a retired baseline in the list', () => {
		expect(groups({ showOlder: false, baseline: 'opus-4-1' })[1]).toMatch(/Opus 4\.1 \(retired 2026-08-05\)$/);
	});

	it('lists every model when showOlder, custom models last', () => {
		const sheet = { ...november, models: [...november.models, mythos] };
		const shown = groups({ showOlder: true, sheet, customModels: [mythos] });
		expect(shown.at(-1)).toBe('Custom: Mythos 5.2 (latest)');
		expect(shown[3]).toBe('Haiku: Haiku 4.5 (legacy), Haiku 3.5 (retired 2026-02-19), Haiku 3 (retired 2026-04)');
	});
});
