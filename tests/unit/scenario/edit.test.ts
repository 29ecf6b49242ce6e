// The page's edits of a version-2 scenario (src/lib/scenario/edit.ts): names, add, duplicate,
// remove, move, switching a workload's kind and the one-line summary of Today. Expected
// values are typed by hand from the example scenario (one "Support triage" workload on
// Sonnet 4.6, a legacy-tokenizer model) and the November sheet (Opus 5.5 first in its mix).
import { describe, expect, it } from 'vitest';
import { getSheet } from '$lib/pricing/sheets';
import { emptyScenarioV2, exampleScenarioV2, neutralWorkload } from '$lib/scenario/defaults';
import { addWorkload, duplicateWorkload, freeName, moveWorkload, removeWorkload, setWorkload, switchKind, todaySummary } from '$lib/scenario/edit';
import type { ConversationWorkload, RequestWorkload, ScenarioV2 } from '$lib/scenario/types';

const sheet = getSheet('anthropic-2026-11');
const names = (s: ScenarioV2) => s.workloads.map((w) => w.name);
const named = (...list: string[]): ScenarioV2 => ({ ...emptyScenarioV2(), workloads: list.map((n) => neutralWorkload(n)) });
const nameOf = (id: string) => ({ 'sonnet-4-6': 'Sonnet 4.6', 'haiku-4-5': 'Haiku 4.5' })[id] ?? id;

describe('freeName', () => {
	it('keeps a free name, numbers a taken one from 2, and replaces a trailing number', () => {
		expect(freeName(named('A'), 'B')).toBe('B');
		expect(freeName(named('A'), 'A')).toBe('A 2');
		expect(freeName(named('A', 'A 2'), 'A')).toBe('A 3');
		expect(freeName(named('Workload 2'), 'Workload 2')).toBe('Workload 3');
		expect(freeName(named('X (copy)'), 'X (copy)')).toBe('X (copy) 2');
	});
});

describe('addWorkload', () => {
	it("adds 'Workload 2' on the first workload's model, its tokens counted on that model's tokenizer", () => {
		const next = addWorkload(exampleScenarioV2(), sheet);
		expect(names(next)).toEqual(['Support triage', 'Workload 2']);
		const added = next.workloads[1] as RequestWorkload;
		expect(added.today.mixPercent).toEqual({ 'sonnet-4-6': 100 });
		expect(added.planned.mixPercent).toEqual({ 'sonnet-4-6': 100 });
		// Sonnet 4.6 counts tokens with the legacy tokenizer: no 1.3x adjustment on a new workload.
		expect(added.tokensCountedOn).toBe('legacy');
		expect(added.requestsPerMonth).toBe(100_000);
	});

	it('keeps the 2026 tokenizer for a 2026 model, and starts from the sheet when there is no workload', () => {
		const onOpus55 = addWorkload(emptyScenarioV2(), sheet);
		expect(onOpus55.workloads[1]!.today.mixPercent).toEqual({ 'opus-5-5': 100 });
		expect(onOpus55.workloads[1]!.tokensCountedOn).toBe('2026');
		const none = addWorkload({ ...emptyScenarioV2(), workloads: [] }, sheet);
		expect(names(none)).toEqual(['Workload 1']);
		expect(none.workloads[0]!.today.mixPercent).toEqual({ 'opus-5-5': 100 });
	});

	it('stops at 12 workloads and never mutates its input', () => {
		const twelve = named(...Array.from({ length: 12 }, (_, i) => `W${i + 1}`));
		expect(addWorkload(twelve, sheet)).toBe(twelve);
		const eleven = named(...Array.from({ length: 11 }, (_, i) => `W${i + 1}`));
		const before = structuredClone(eleven);
		expect(addWorkload(eleven, sheet).workloads).toHaveLength(12);
		expect(eleven).toEqual(before);
	});
});

describe('duplicateWorkload, removeWorkload, moveWorkload, setWorkload', () => {
	it('duplicates right after the original as "<name> (copy)", a deep copy', () => {
		const s = named('A', 'B');
		const next = duplicateWorkload(s, 0);
		expect(names(next)).toEqual(['A', 'A (copy)', 'B']);
		expect(next.workloads[1]!.today).toEqual(s.workloads[0]!.today);
		expect(next.workloads[1]!.today).not.toBe(s.workloads[0]!.today);
		expect(names(duplicateWorkload(next, 0))).toEqual(['A', 'A (copy) 2', 'A (copy)', 'B']);
	});

	it('does not duplicate past 12 workloads or a workload that is not there', () => {
		const twelve = named(...Array.from({ length: 12 }, (_, i) => `W${i + 1}`));
		expect(duplicateWorkload(twelve, 0)).toBe(twelve);
		const s = named('A');
		expect(duplicateWorkload(s, 1)).toBe(s);
	});

	it('removes any workload but the last one left', () => {
		expect(names(removeWorkload(named('A', 'B', 'C'), 1))).toEqual(['A', 'C']);
		const one = named('A');
		expect(removeWorkload(one, 0)).toBe(one);
		const two = named('A', 'B');
		expect(removeWorkload(two, 2)).toBe(two);
	});

	it('moves up and down within the list, and nowhere past its ends', () => {
		const s = named('A', 'B', 'C');
		expect(names(moveWorkload(s, 0, 1))).toEqual(['B', 'A', 'C']);
		expect(names(moveWorkload(s, 2, -1))).toEqual(['A', 'C', 'B']);
		expect(moveWorkload(s, 0, -1)).toBe(s);
		expect(moveWorkload(s, 2, 1)).toBe(s);
		expect(moveWorkload(s, 3, -1)).toBe(s);
		expect(names(s)).toEqual(['A', 'B', 'C']);
	});

	it('replaces one workload', () => {
		const next = setWorkload(named('A', 'B'), 1, neutralWorkload('Z'));
		expect(names(next)).toEqual(['A', 'Z']);
	});
});

describe('switchKind', () => {
	const requests: RequestWorkload = {
		...neutralWorkload('Chat', 'sonnet-4-6'),
		tokensCountedOn: 'legacy',
		growthPercent: 4,
		today: { mixPercent: { 'sonnet-4-6': 100 }, caching: { ttl: '1h', hitPercent: 70 }, batchPercent: 30, fastMode: true },
		planned: { mixPercent: { 'haiku-4-5': 100 }, caching: { ttl: '5m', hitPercent: 90 }, batchPercent: 50, fastMode: false, inputTrimPercent: 10, outputTrimPercent: 20 }
	};

	it('to conversations: keeps name, models, TTL and hit ratio (as the system hit ratio), fast mode, trims, tokenizer and growth; drops batch', () => {
		const c = switchKind(requests, 'conversations') as ConversationWorkload;
		expect(c.kind).toBe('conversations');
		expect(c.name).toBe('Chat');
		expect(c.tokensCountedOn).toBe('legacy');
		expect(c.growthPercent).toBe(4);
		expect(c.today).toEqual({ mixPercent: { 'sonnet-4-6': 100 }, caching: { ttl: '1h', systemHitPercent: 70 }, fastMode: true });
		expect(c.planned).toEqual({
			mixPercent: { 'haiku-4-5': 100 },
			caching: { ttl: '5m', systemHitPercent: 90 },
			fastMode: false,
			inputTrimPercent: 10,
			outputTrimPercent: 20
		});
		expect(c.conversationsPerMonth).toBeGreaterThan(0);
	});

	it('and back: the batch share starts at 0, the system hit ratio becomes the hit ratio', () => {
		const back = switchKind(switchKind(requests, 'conversations'), 'requests') as RequestWorkload;
		expect(back.kind).toBe('requests');
		expect(back.today).toEqual({ mixPercent: { 'sonnet-4-6': 100 }, caching: { ttl: '1h', hitPercent: 70 }, batchPercent: 0, fastMode: true });
		expect(back.planned.batchPercent).toBe(0);
		expect(back.planned.caching).toEqual({ ttl: '5m', hitPercent: 90 });
		expect(back.growthPercent).toBe(4);
		expect(back.requestsPerMonth).toBe(100_000);
	});

	it('without a growth of its own, none is added; the same kind is returned as is', () => {
		const plain = neutralWorkload('P');
		expect('growthPercent' in switchKind(plain, 'conversations')).toBe(false);
		expect(switchKind(plain, 'requests')).toBe(plain);
		expect(switchKind(requests, 'conversations').today.caching).not.toBeNull();
		expect(switchKind({ ...requests, today: { ...requests.today, caching: null } }, 'conversations').today.caching).toBeNull();
	});
});

describe('todaySummary', () => {
	it('one model, no caching, no batch', () => {
		expect(todaySummary(neutralWorkload('A', 'sonnet-4-6'), nameOf)).toBe('all traffic on Sonnet 4.6, no caching, no batch');
	});

	it('a mix with shares, caching at a hit ratio, batch and fast mode', () => {
		const w: RequestWorkload = {
			...neutralWorkload('A'),
			today: { mixPercent: { 'sonnet-4-6': 70, 'haiku-4-5': 30, 'opus-4-6': 0 }, caching: { ttl: '5m', hitPercent: 80 }, batchPercent: 40.5, fastMode: true }
		};
		expect(todaySummary(w, nameOf)).toBe('70 % Sonnet 4.6, 30 % Haiku 4.5, 5-minute caching at 80 %, 40.5 % batch, fast mode');
	});

	it('a hit ratio from traffic, and a conversation (no batch words)', () => {
		const traffic = neutralWorkload('A', 'haiku-4-5');
		const w: RequestWorkload = {
			...traffic,
			traffic: { distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 30 },
			today: { ...traffic.today, caching: { ttl: '1h', hitPercent: 10 } }
		} as RequestWorkload;
		expect(todaySummary(w, nameOf)).toBe('all traffic on Haiku 4.5, 1-hour caching, hit ratio from traffic, no batch');
		const c = switchKind({ ...neutralWorkload('C', 'haiku-4-5'), today: { ...traffic.today, caching: { ttl: '1h', hitPercent: 62.25 } } }, 'conversations');
		expect(todaySummary(c, nameOf)).toBe('all traffic on Haiku 4.5, 1-hour caching at 62.3 %');
	});
});
