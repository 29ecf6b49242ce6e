// The model lists of the page (Baseline model, Add model to mix). Expected lists are typed
// here from docs/pricing-model.md §1.3 and §1.4, never read from the sheets.
import { describe, expect, it } from 'vitest';
import { hiddenOlderCount, modelGroups, optionLabel, statusWords } from '$lib/pricing/modelOptions';
import { getSheet } from '$lib/pricing/sheets';
import { customModel } from '../customModel';

const november = getSheet('anthropic-2026-11');
const march = getSheet('anthropic-2026-03');


/** Each group as `Label: option label, option label`. */
const shown = (groups: ReturnType<typeof modelGroups>) => groups.map((g) => `${g.label}: ${g.options.map((o) => o.label).join(', ')}`);

describe('statusWords', () => {
	it.each([
		[{ status: 'active' }, 'latest'],
		[{ status: 'legacy' }, 'legacy'],
		[{ status: 'deprecated', retires: '2026-11-30' }, 'deprecated, retires 2026-11-30'],
		[{ status: 'deprecated' }, 'deprecated'],
		[{ status: 'retired', retires: '2026-08-05' }, 'retired 2026-08-05'],
		[{ status: 'retired', retires: '2026-04' }, 'retired 2026-04'],
		[{ status: 'retired' }, 'retired']
	] as const)('%j -> %s', (model, words) => {
		expect(statusWords(model)).toBe(words);
	});

	it('labels an option with its name and status', () => {
		expect(optionLabel({ name: 'Sonnet 4.5', status: 'deprecated', retires: '2026-11-30' })).toBe('Sonnet 4.5 (deprecated, retires 2026-11-30)');
	});
});

describe('modelGroups', () => {
	it('groups the November sheet Fable, Opus, Sonnet, Haiku, newest first, without retired models', () => {
		const before = structuredClone(november.models);
		expect(shown(modelGroups(november.models))).toEqual([
			'Fable: Fable 5.2 (latest), Fable 5.1 (legacy), Fable 5 (legacy)',
			'Opus: Opus 5.5 (latest), Opus 5 (legacy), Opus 4.8 (legacy), Opus 4.7 (legacy), Opus 4.6 (legacy), Opus 4.5 (deprecated, retires 2027-01-22)',
			'Sonnet: Sonnet 5.5 (latest), Sonnet 5 (legacy), Sonnet 4.6 (legacy), Sonnet 4.5 (deprecated, retires 2026-11-30)',
			'Haiku: Haiku 5.5 (latest), Haiku 4.5 (legacy)'
		]);
		expect(november.models).toEqual(before);
	});

	it('lists retired models too with showOlder, each with its retirement date', () => {
		const groups = modelGroups(november.models, [], { showOlder: true });
		expect(shown(groups).slice(1)).toEqual([
			'Opus: Opus 5.5 (latest), Opus 5 (legacy), Opus 4.8 (legacy), Opus 4.7 (legacy), Opus 4.6 (legacy), Opus 4.5 (deprecated, retires 2027-01-22), Opus 4.1 (retired 2026-08-05), Opus 4 (retired 2026-06-15)',
			'Sonnet: Sonnet 5.5 (latest), Sonnet 5 (legacy), Sonnet 4.6 (legacy), Sonnet 4.5 (deprecated, retires 2026-11-30), Sonnet 4 (retired 2026-06-15)',
			'Haiku: Haiku 5.5 (latest), Haiku 4.5 (legacy), Haiku 3.5 (retired 2026-02-19), Haiku 3 (retired 2026-04)'
		]);
		expect(groups.flatMap((g) => g.options)).toHaveLength(20);
	});

	it('always lists a retired model in use, and only that one', () => {
		const opus = modelGroups(november.models, [], { keep: ['opus-4-1', 'sonnet-5-5'] }).find((g) => g.family === 'opus');
		expect(opus?.options.map((o) => o.id)).toEqual(['opus-5-5', 'opus-5', 'opus-4-8', 'opus-4-7', 'opus-4-6', 'opus-4-5', 'opus-4-1']);
		const all = modelGroups(november.models, [], { keep: ['opus-4-1'] }).flatMap((g) => g.options.map((o) => o.id));
		expect(all).not.toContain('opus-4');
		expect(all).not.toContain('haiku-3');
	});

	it('leaves out excluded ids and drops empty groups (the March sheet has no Fable)', () => {
		const groups = modelGroups(march.models, [], { exclude: ['opus-4-6', 'sonnet-4-6', 'haiku-4-5'] });
		expect(shown(groups)).toEqual(['Opus: Opus 4.5 (deprecated, retires 2027-01-22)', 'Sonnet: Sonnet 4.5 (deprecated, retires 2026-11-30)']);
	});

	it('puts custom models last, in the order they were added, whatever their family', () => {
		const mine = [customModel('custom-2', 'Mythos 5.2'), customModel('custom-1', 'In-house Opus', { family: 'opus' })];
		// The page passes the sheet with the custom models appended (scenarioSheet).
		const groups = modelGroups([...march.models, ...mine], mine);
		expect(groups.map((g) => g.label)).toEqual(['Opus', 'Sonnet', 'Haiku', 'Custom']);
		expect(groups.at(-1)?.options.map((o) => o.label)).toEqual(['Mythos 5.2 (latest)', 'In-house Opus (latest)']);
		expect(groups[0]?.options.map((o) => o.id)).toEqual(['opus-4-6', 'opus-4-5']);
	});

	it('places an unknown family after Haiku, in the order it appears', () => {
		const odd = customModel('nova-1', 'Nova 1', { family: 'nova' });
		const groups = modelGroups([odd, ...march.models]);
		expect(groups.map((g) => g.label)).toEqual(['Opus', 'Sonnet', 'Haiku', 'Nova']);
	});

	it('hides a retired custom model unless showOlder or in use', () => {
		const old = [customModel('custom-1', 'Old one', { status: 'retired', retires: '2026-01-01' })];
		expect(modelGroups(old, old)).toEqual([]);
		expect(shown(modelGroups(old, old, { keep: ['custom-1'] }))).toEqual(['Custom: Old one (retired 2026-01-01)']);
		expect(shown(modelGroups(old, old, { showOlder: true }))).toEqual(['Custom: Old one (retired 2026-01-01)']);
	});
});

describe('hiddenOlderCount', () => {
	it('counts the retired models Show older models would add', () => {
		// Opus 4.1, Opus 4, Sonnet 4, Haiku 3.5, Haiku 3.
		expect(hiddenOlderCount(november.models)).toBe(5);
		expect(hiddenOlderCount(november.models, ['opus-4-1'])).toBe(4);
		// Haiku 3.5 is retired on the March sheet too.
		expect(hiddenOlderCount(march.models)).toBe(2);
	});
});
