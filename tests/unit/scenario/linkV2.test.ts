// Link format 4 (src/lib/scenario/linkV2.ts): golden links, what encoding writes, what
// decoding reads and corrects, hostile links, the size budgets, links of formats 1 and 3
// opened as version 2, and the page's own address. The golden file is the frozen contract.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import golden1 from '../../fixtures/golden-urls.json';
import golden3 from '../../fixtures/golden-urls-v3.json';
import golden4 from '../../fixtures/golden-urls-v4.json';
import { computePlan, computeStack } from '$lib/engine';
import { emptyScenarioV2, exampleScenarioV2, neutralWorkload } from '$lib/scenario/defaults';
import { REQUEST_FIELDS, TEXT_LIMITS } from '$lib/scenario/fields';
import { fromV1 } from '$lib/scenario/fromV1';
import { LINK_FORMAT, decodeLink, decodePageAddress, encodeLink, encodePageAddress } from '$lib/scenario/linkV2';
import { parseScenario } from '$lib/scenario/parse';
import { repairScenarioV2 } from '$lib/scenario/repairV2';
import type { ConversationWorkload, RequestWorkload, ScenarioV2 } from '$lib/scenario/types';
import { MAX_PAIRS, MAX_VALUE_LENGTH, decodeScenario } from '$lib/scenario/urlCodec';

interface GoldenCase {
	description: string;
	query: string;
	scenario: ScenarioV2;
	corrections: number;
	canonical: boolean;
}
const cases = golden4.cases as unknown as GoldenCase[];

/** A scenario on the version-2 defaults with some fields changed. */
const scenario = (patch: Partial<ScenarioV2>): ScenarioV2 => ({ ...emptyScenarioV2(), ...patch });

/** A request workload (Opus 5.5 unless told) with some fields changed; Planned follows Today unless given. */
function requests(patch: Partial<Omit<RequestWorkload, 'today' | 'planned'>> & { today?: Partial<RequestWorkload['today']>; planned?: Partial<RequestWorkload['planned']> } = {}): RequestWorkload {
	const w = neutralWorkload(patch.name ?? 'Workload 1');
	const today = { ...w.today, ...patch.today };
	return { ...w, ...patch, today, planned: { ...structuredClone(today), inputTrimPercent: 0, outputTrimPercent: 0, ...patch.planned } } as RequestWorkload;
}

/** Every number inside a value. */
function numbersIn(value: unknown): number[] {
	if (typeof value === 'number') return [value];
	if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
	return [];
}

function expectValid(s: ScenarioV2): void {
	expect(repairScenarioV2(s)).toStrictEqual({ scenario: s, corrections: [] });
	expect(parseScenario(s)).toStrictEqual({ ok: true, scenario: s });
	expect(numbersIn(s).every(Number.isFinite)).toBe(true);
}

/** One request workload with every field changed from its default: the size budget's case. */
const everyField = (name = 'Support triage'): RequestWorkload => ({
	name,
	kind: 'requests',
	requestsPerMonth: 300_000,
	inputTokens: 13_500,
	cachedPrefixTokens: 12_000,
	outputTokens: 800,
	webSearchesPerRequest: 0.5,
	tokensCountedOn: 'legacy',
	traffic: { distinctPrefixes: 5, activeHoursPerDay: 10, activeDaysPerMonth: 22 },
	today: { mixPercent: { 'sonnet-4-6': 100 }, caching: { ttl: '5m', hitPercent: 50 }, batchPercent: 10, fastMode: true },
	planned: { mixPercent: { 'sonnet-5-5': 70, 'haiku-5-5': 30 }, caching: { ttl: '1h', hitPercent: 90 }, batchPercent: 40, fastMode: false, inputTrimPercent: 10, outputTrimPercent: 20 }
});

/** The example of docs/pricing-model.md §7, as a complete scenario. */
const specExample: ScenarioV2 = scenario({
	name: 'Acme support',
	workloads: [
		requests({
			name: 'Support triage',
			requestsPerMonth: 300_000,
			inputTokens: 13_500,
			cachedPrefixTokens: 12_000,
			outputTokens: 800,
			tokensCountedOn: 'legacy',
			today: { mixPercent: { 'sonnet-4-6': 100 } },
			planned: { mixPercent: { 'sonnet-5-5': 70, 'haiku-5-5': 30 }, caching: { ttl: '1h', hitPercent: 90 }, batchPercent: 40, inputTrimPercent: 10, outputTrimPercent: 20 }
		}),
		{
			name: 'Coding agent',
			kind: 'conversations',
			conversationsPerMonth: 10_000,
			turnsPerConversation: 20,
			systemTokens: 5000,
			inputTokensPerTurn: 800,
			outputTokensPerTurn: 400,
			secondsBetweenTurns: 30,
			webSearchesPerTurn: 0,
			tokensCountedOn: 'legacy',
			traffic: { distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 30 },
			today: { mixPercent: { 'sonnet-4-6': 100 }, caching: null, fastMode: false },
			planned: { mixPercent: { 'sonnet-4-6': 100 }, caching: { ttl: '5m', systemHitPercent: 90 }, fastMode: false, inputTrimPercent: 0, outputTrimPercent: 0 }
		}
	]
});

describe('golden links of format 4 (tests/fixtures/golden-urls-v4.json)', () => {
	it('holds at least 12 cases and covers every key', () => {
		expect(golden4.formatVersion).toBe(4);
		expect(cases.length).toBeGreaterThanOrEqual(12);
		const keys = new Set(cases.flatMap((c) => [...new URLSearchParams(c.query).keys()]));
		for (const key of ['v', 'name', 'notes', 'sheet', 'us', 'adj', 'order', 'w']) expect(keys, key).toContain(key);
		const workloadKeys = new Set([...keys].filter((k) => /^w[0-9]+\./.test(k)).map((k) => k.replace(/^w[0-9]+\./, '')));
		for (const key of [
			'n',
			'k',
			'req',
			'in',
			'pre',
			'out',
			'ws',
			'conv',
			'turns',
			'sys',
			'tin',
			'tout',
			'gap',
			'tok',
			'tr',
			'mix',
			'cache',
			'batch',
			'fast',
			'pmix',
			'pcache',
			'pbatch',
			'pfast',
			'trimin',
			'trimout'
		]) {
			expect(workloadKeys, key).toContain(key);
		}
		expect([...keys].some((k) => k.startsWith('cm.'))).toBe(true);
		expect([...keys].some((k) => k.startsWith('p.'))).toBe(true);
		const values = cases.flatMap((c) => [...new URLSearchParams(c.query)]);
		expect(values).toContainEqual(['w1.k', 'conversations']);
		expect(values.some(([k, v]) => k.endsWith('.pcache') && v === 'off')).toBe(true);
	});

	it.each(cases)('$description: $query', (c) => {
		const decoded = decodeLink(c.query);
		expect(decoded.scenario).toStrictEqual(c.scenario);
		expect(decoded.corrections).toHaveLength(c.corrections);
		expectValid(decoded.scenario);
	});

	it.each(cases)('$description: the scenario encodes and decodes back to itself', (c) => {
		const query = encodeLink(c.scenario);
		expect(decodeLink(query)).toStrictEqual({ scenario: c.scenario, corrections: [] });
		if (c.canonical) expect(query).toBe(c.query);
	});

	it('opens the §7 example with its figures: Today $15,750 + the conversations', () => {
		const c = cases.find((x) => x.scenario.name === 'Acme support')!;
		expect(c.scenario).toStrictEqual(specExample);
		// The request workload's Today: 300,000 x (13,500 x 3 + 800 x 15) / 1e6 = 15,750 (§11.5).
		expect(computePlan(c.scenario).workloads[0]!.today.total).toBeCloseTo(15_750, 9);
		// The conversation workload's Today: $11,520.00 (§11.10).
		expect(computePlan(c.scenario).workloads[1]!.today.total).toBeCloseTo(11_520, 9);
	});
});

describe('links of formats 1 and 3 open as version 2 (docs/pricing-model.md §9)', () => {
	const older = [
		...(golden1.cases as { description: string; query: string }[]).map((c) => ({ ...c, format: 1 })),
		...(golden3.cases as { description: string; query: string }[]).map((c) => ({ ...c, format: 3 }))
	];

	it.each(older)('format $format, $description: fromV1 of what decodeScenario reads', ({ query }) => {
		const v1 = decodeScenario(query);
		const decoded = decodeLink(query);
		expect(decoded).toStrictEqual({ scenario: fromV1(v1.scenario), corrections: v1.corrections });
		expect(decoded.scenario.priceSheet).toBe(v1.scenario.priceSheet);
		// With version 1's figures: the stack, and a fast-mode row that saves nothing.
		const rows = computePlan(decoded.scenario).rows;
		const stack = computeStack(v1.scenario);
		expect(rows.filter((r) => r.key !== 'fast').map((r) => r.monthlyCost)).toEqual(stack.map((r) => expect.closeTo(r.monthlyCost, 6)));
		expect(rows[4]!.monthlyCost).toBe(rows[3]!.monthlyCost);
	});

	it('a link without v, or with v=1 or v=3, is not read as format 4', () => {
		expect(decodeLink('hit=90').scenario.priceSheet).toBe('anthropic-2026-03');
		expect(decodeLink('v=1&hit=90').scenario.workloads[0]!.planned.caching).toEqual({ ttl: '5m', hitPercent: 90 });
		expect(decodeLink('v=3').scenario.workloads[0]!.today.mixPercent).toEqual({ 'opus-5-5': 100 });
	});
});

describe('encodeLink', () => {
	it('writes only the format marker for a scenario of one neutral workload', () => {
		expect(LINK_FORMAT).toBe(4);
		expect(encodeLink(emptyScenarioV2())).toBe('v=4');
	});

	it('writes the first-visit example in full', () => {
		expect(encodeLink(exampleScenarioV2())).toBe(
			'v=4&name=Example:%20support%20triage&w1.n=Support%20triage&w1.req=300000&w1.in=13500&w1.pre=12000&w1.out=800&w1.tok=legacy&w1.mix=sonnet-4-6:100&w1.pcache=5m:90&w1.pbatch=40'
		);
	});

	it.each<[string, Partial<ScenarioV2>, string]>([
		['a name', { name: 'Acme & Co. 50%+' }, 'v=4&name=Acme%20%26%20Co.%2050%25%2B'],
		['notes with a newline', { notes: 'a\nb' }, 'v=4&notes=a%0Ab'],
		['another sheet (whose first default model is the neutral workload’s)', { priceSheet: 'anthropic-2026-03', workloads: [requests({ today: { mixPercent: { 'opus-4-6': 100 } } })] }, 'v=4&sheet=anthropic-2026-03'],
		['US-only and no tokenizer adjustment', { usOnlyInference: true, adjustForTokenizer: false }, 'v=4&us=1&adj=0'],
		['a lever order', { leverOrder: ['trimming', 'fast', 'batch', 'caching', 'routing'] }, 'v=4&order=trimming,fast,batch,caching,routing'],
		['two neutral workloads: only the count', { workloads: [requests(), requests({ name: 'Workload 2' })] }, 'v=4&w=2'],
		['a workload named like another position', { workloads: [requests({ name: 'Workload 2' })] }, 'v=4&w1.n=Workload%202'],
		['Today’s caching: Planned follows, so no Planned key', { workloads: [requests({ today: { caching: { ttl: '1h', hitPercent: 75 } } })] }, 'v=4&w1.cache=1h:75'],
		['caching switched off in the plan', { workloads: [requests({ today: { caching: { ttl: '5m', hitPercent: 80 } }, planned: { caching: null } })] }, 'v=4&w1.cache=5m:80&w1.pcache=off'],
		['fast mode on today, off in the plan', { workloads: [requests({ today: { fastMode: true }, planned: { fastMode: false } })] }, 'v=4&w1.fast=1&w1.pfast=0'],
		['batch on today, more in the plan', { workloads: [requests({ today: { batchPercent: 10 }, planned: { batchPercent: 40 } })] }, 'v=4&w1.batch=10&w1.pbatch=40'],
		['the same mix in another order is not a change', { workloads: [requests({ today: { mixPercent: { 'opus-5-5': 50, 'haiku-5-5': 50 } }, planned: { mixPercent: { 'haiku-5-5': 50, 'opus-5-5': 50 } } })] }, 'v=4&w1.mix=opus-5-5:50,haiku-5-5:50'],
		['trims', { workloads: [requests({ planned: { inputTrimPercent: 100 / 3, outputTrimPercent: 1e-7 } })] }, 'v=4&w1.trimin=33.333333333333336&w1.trimout=1e-7'],
		['traffic, even at its defaults', { workloads: [requests({ traffic: { distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 30 } })] }, 'v=4&w1.tr=1,24,30'],
		['a price override', { prices: { 'opus-5-5': { inputPerMTok: 3, outputPerMTok: 15 }, 'haiku-5-5': { cacheReadPerMTok: 0.02 } } }, 'v=4&p.opus-5-5=3,15&p.haiku-5-5=,,,,,0.02']
	])('%s', (_name, patch, query) => {
		const s = scenario(patch);
		expectValid(s);
		expect(encodeLink(s)).toBe(query);
		expect(decodeLink(query)).toStrictEqual({ scenario: s, corrections: [] });
	});

	it('writes a conversation workload’s own numbers, kind second and caching as its system prompt hit ratio', () => {
		const query = encodeLink(specExample);
		expect(query).toBe(
			'v=4&name=Acme%20support&w=2&w1.n=Support%20triage&w1.req=300000&w1.in=13500&w1.pre=12000&w1.out=800&w1.tok=legacy&w1.mix=sonnet-4-6:100' +
				'&w1.pmix=sonnet-5-5:70,haiku-5-5:30&w1.pcache=1h:90&w1.pbatch=40&w1.trimin=10&w1.trimout=20' +
				'&w2.n=Coding%20agent&w2.k=conversations&w2.turns=20&w2.tok=legacy&w2.tr=1,24,30&w2.mix=sonnet-4-6:100&w2.pcache=5m:90'
		);
		expect(decodeLink(query)).toStrictEqual({ scenario: specExample, corrections: [] });
	});

	it('writes no key for a number at its field’s default', () => {
		for (const f of REQUEST_FIELDS) {
			const w = requests({ [f.key]: f.default, cachedPrefixTokens: 0 });
			expect(encodeLink(scenario({ workloads: [w] }))).not.toContain(`w1.${f.url}=${f.default}`);
		}
	});

	it('does not mutate the scenario', () => {
		const copy = structuredClone(specExample);
		encodeLink(specExample);
		expect(specExample).toStrictEqual(copy);
	});
});

describe('size budgets', () => {
	it('one request workload with every field changed fits in 300 characters', () => {
		const s = scenario({ workloads: [everyField()] });
		expectValid(s);
		const query = encodeLink(s);
		// Every workload key is present: nothing is at its default.
		for (const key of ['n', 'req', 'in', 'pre', 'out', 'ws', 'tok', 'tr', 'mix', 'cache', 'batch', 'fast', 'pmix', 'pcache', 'pbatch', 'pfast', 'trimin', 'trimout']) {
			expect(query).toContain(`w1.${key}=`);
		}
		// Measured when written: 274 characters.
		expect(query.length).toBeLessThanOrEqual(300);
		expect(decodeLink(query)).toStrictEqual({ scenario: s, corrections: [] });
	});

	it('five such workloads fit in 1,500 characters', () => {
		const s = scenario({ workloads: [1, 2, 3, 4, 5].map((i) => everyField(`Support triage ${i}`)) });
		const query = encodeLink(s);
		// Measured when written: 1,382 characters.
		expect(query.length).toBeLessThanOrEqual(1500);
		expect(decodeLink(query)).toStrictEqual({ scenario: s, corrections: [] });
	});

	it('the §7 example (two workloads) fits in 600 characters', () => {
		// Measured when written: 343 characters.
		expect(encodeLink(specExample).length).toBeLessThanOrEqual(600);
	});
});

describe('decodeLink', () => {
	it('accepts a leading "?", a URLSearchParams, percent-encoding and "+" as a space', () => {
		const expected = scenario({ name: 'A b', workloads: [requests({ requestsPerMonth: 5 })] });
		expect(decodeLink('?v=4&name=A+b&w1.req=5')).toStrictEqual({ scenario: expected, corrections: [] });
		expect(decodeLink(new URLSearchParams('v=4&name=A%20b&w1.req=%35'))).toStrictEqual({ scenario: expected, corrections: [] });
	});

	it('keeps notes up to their limit of 2,000 characters', () => {
		const notes = 'x'.repeat(TEXT_LIMITS.notes);
		expect(notes.length).toBeGreaterThan(MAX_VALUE_LENGTH);
		expect(decodeLink(`v=4&notes=${notes}`)).toStrictEqual({ scenario: scenario({ notes }), corrections: [] });
		expect(decodeLink(`v=4&notes=${notes}y`).corrections).toEqual(['"notes": the value in the link is 2,001 characters long; ignored it']);
		expect(decodeLink(`v=4&name=${'x'.repeat(MAX_VALUE_LENGTH + 1)}`).corrections).toEqual(['"name": the value in the link is 1,001 characters long; ignored it']);
	});

	it.each<[string, string, (s: ScenarioV2) => unknown, unknown, string[]]>([
		['a count in w', 'v=4&w=3', (s) => s.workloads.map((w) => w.name), ['Workload 1', 'Workload 2', 'Workload 3'], []],
		['w above 12', 'v=4&w=13', (s) => s.workloads.length, 12, ['Workloads: 13 is not a count from 1 to 12; read 12']],
		['w of 0', 'v=4&w=0', (s) => s.workloads.length, 1, ['Workloads: 0 is not a count from 1 to 12; read 1']],
		['w as text', 'v=4&w=two', (s) => s.workloads.length, 1, ['Workloads: "two" is not a count from 1 to 12; read 1']],
		['w fractional', 'v=4&w=2.5', (s) => s.workloads.length, 1, ['Workloads: 2.5 is not a count from 1 to 12; read 1']],
		['a workload key past w', 'v=4&w3.req=5', (s) => s.workloads.map((w) => (w as RequestWorkload).requestsPerMonth), [100_000, 100_000, 5], []],
		['w0, w13 and w01 are unknown keys', 'v=4&w0.req=1&w13.req=2&w01.req=3', (s) => s.workloads.length, 1, ['Ignored 3 unknown settings in the link: "w0.req", "w13.req", "w01.req"']],
		['a number as text', 'v=4&w1.req=many', (s) => (s.workloads[0] as RequestWorkload).requestsPerMonth, 100_000, ['Workload 1: Requests per month "many" is not a number; used 100,000']],
		['1e309', 'v=4&w1.req=1e309', (s) => (s.workloads[0] as RequestWorkload).requestsPerMonth, 1e12, ['Workload 1: Requests per month 1e309 was above 1,000,000,000,000; used 1,000,000,000,000']],
		['a negative count', 'v=4&w1.out=-1', (s) => (s.workloads[0] as RequestWorkload).outputTokens, 0, ['Workload 1: Output tokens per request -1 was below 0; used 0']],
		['a fractional token count', 'v=4&w1.out=12.5', (s) => (s.workloads[0] as RequestWorkload).outputTokens, 13, ['Workload 1: Output tokens per request 12.5 was not a whole number; used 13']],
		[
			'a prefix above the input',
			'v=4&w1.in=3000',
			(s) => [(s.workloads[0] as RequestWorkload).inputTokens, (s.workloads[0] as RequestWorkload).cachedPrefixTokens],
			[3000, 3000],
			['Workload 1: Cached prefix tokens 5,000 was above the input tokens per request (3,000); used 3,000']
		],
		[
			'an unknown model today',
			'v=4&w1.mix=gpt-5:100',
			(s) => s.workloads[0]!.today.mixPercent,
			{ 'opus-5-5': 100 },
			['Workload 1: Today: "gpt-5" is not on Anthropic list prices 2026-11; left it out', 'Workload 1: Today has no usable shares; used the default mix']
		],
		['a planned mix short of 100', 'v=4&w1.pmix=sonnet-5-5:20,haiku-5-5:20', (s) => s.workloads[0]!.planned.mixPercent, { 'sonnet-5-5': 50, 'haiku-5-5': 50 }, ['Workload 1: Planned shares add up to 40, not 100; scaled them to 100']],
		['a model of another sheet', 'v=4&sheet=guide-2026-03&w1.pmix=opus-5-5:100', (s) => s.workloads[0]!.planned.mixPercent, { 'opus-4-6': 100 }, ['Workload 1: Planned: "opus-5-5" is not on Cost-optimisation guide table (March 2026); left it out', 'Workload 1: Planned has no usable shares; used Today\'s mix']],
		['caching without a colon', 'v=4&w1.cache=on', (s) => s.workloads[0]!.today.caching, null, ['Workload 1: Caching today "on" is not caching settings (or null for off); used off']],
		['an unknown TTL', 'v=4&w1.pcache=2h:90', (s) => s.workloads[0]!.planned.caching, { ttl: '5m', hitPercent: 90 }, ['Workload 1: Prompt caching: TTL "2h" is not 5m or 1h; used 5m']],
		['a hit ratio above 100', 'v=4&w1.cache=1h:150', (s) => s.workloads[0]!.today.caching, { ttl: '1h', hitPercent: 100 }, ['Workload 1: Caching today: hit ratio 150 was above 100; used 100']],
		['planned caching off', 'v=4&w1.cache=5m:90&w1.pcache=off', (s) => [s.workloads[0]!.today.caching, s.workloads[0]!.planned.caching], [{ ttl: '5m', hitPercent: 90 }, null], []],
		['a batch share above 100', 'v=4&w1.pbatch=101', (s) => (s.workloads[0] as RequestWorkload).planned.batchPercent, 100, ['Workload 1: Batch share 101 was above 100; used 100']],
		['fast mode as yes', 'v=4&w1.fast=yes', (s) => s.workloads[0]!.today.fastMode, false, ['Workload 1: Fast mode today "yes" is not true or false; used off']],
		['trims out of range', 'v=4&w1.trimin=-5&w1.trimout=250', (s) => [s.workloads[0]!.planned.inputTrimPercent, s.workloads[0]!.planned.outputTrimPercent], [0, 100], ['Workload 1: Input trimmed -5 was below 0; used 0', 'Workload 1: Output trimmed 250 was above 100; used 100']],
		['traffic with a slot missing', 'v=4&w1.tr=10,8', (s) => s.workloads[0]!.traffic, { distinctPrefixes: 10, activeHoursPerDay: 8, activeDaysPerMonth: 30 }, ['Workload 1: Active days per month "" is not a number; used 30']],
		['traffic out of range', 'v=4&w1.tr=0,25,0.5', (s) => s.workloads[0]!.traffic, { distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 1 }, ['Workload 1: Distinct prefixes 0 was below 1; used 1', 'Workload 1: Active hours per day 25 was above 24; used 24', 'Workload 1: Active days per month 0.5 was below 1; used 1']],
		['an unknown tokenizer', 'v=4&w1.tok=2027', (s) => s.workloads[0]!.tokensCountedOn, '2026', ['Workload 1: Token counts measured on "2027" is not legacy or 2026; used 2026']],
		['an unknown kind', 'v=4&w1.k=chat', (s) => s.workloads[0]!.kind, 'requests', ['Workload 1: kind "chat" is not requests or conversations; used requests']],
		['conversations', 'v=4&w1.k=conversations&w1.turns=5&w1.cache=5m:70', (s) => [(s.workloads[0] as ConversationWorkload).turnsPerConversation, s.workloads[0]!.today.caching], [5, { ttl: '5m', systemHitPercent: 70 }], []],
		['conversations: the kind after the caching', 'v=4&w1.cache=5m:70&w1.k=conversations', (s) => s.workloads[0]!.today.caching, { ttl: '5m', systemHitPercent: 70 }, []],
		['a lever order with a lever missing', 'v=4&order=batch,caching', (s) => s.leverOrder, ['routing', 'caching', 'batch', 'fast', 'trimming'], ['Lever order ["batch","caching"] does not name each of routing, caching, batch, fast, trimming once; used the default order']],
		['a lever order with a repeat', 'v=4&order=batch,batch,routing,fast,trimming', (s) => s.leverOrder, ['routing', 'caching', 'batch', 'fast', 'trimming'], ['Lever order ["batch","batch","routing","fast","tr... does not name each of routing, caching, batch, fast, trimming once; used the default order']],
		['a lever order with spaces', 'v=4&order=%20fast,%20trimming,batch,caching,routing', (s) => s.leverOrder, ['fast', 'trimming', 'batch', 'caching', 'routing'], []],
		['a direction override in the name', 'v=4&name=Acme%E2%80%AE%20evil', (s) => s.name, 'Acme evil', ['Scenario name: removed control or direction-changing characters']],
		['an isolate and a control character in a workload name', 'v=4&w1.n=%E2%81%A6Triage%07', (s) => s.workloads[0]!.name, 'Triage', ['Workload 1 name: removed control or direction-changing characters']],
		['values with spaces around them', 'v=4&sheet=%20anthropic-2026-03%20&w1.k=%20conversations&w1.tok=%20legacy&w1.cache=%205m:70', (s) => [s.priceSheet, s.workloads[0]!.kind, s.workloads[0]!.tokensCountedOn, s.workloads[0]!.today.caching], ['anthropic-2026-03', 'conversations', 'legacy', { ttl: '5m', systemHitPercent: 70 }], []],
		['caching with no TTL before the colon', 'v=4&w1.cache=:90', (s) => s.workloads[0]!.today.caching, { ttl: '5m', hitPercent: 90 }, ['Workload 1: Caching today: TTL "" is not 5m or 1h; used 5m']],
		['a request workload named as such after its caching', 'v=4&w1.cache=1h:90&w1.k=requests', (s) => s.workloads[0]!.today.caching, { ttl: '1h', hitPercent: 90 }, []],
		['keys that only look like workload keys', 'v=4&xw1.req=5&w1.req.x=6&w1.req=7', (s) => (s.workloads[0] as RequestWorkload).requestsPerMonth, 7, ['Ignored 2 unknown settings in the link: "xw1.req", "w1.req.x"']],
		['a mix entry without a share', 'v=4&w1.mix=sonnet-4-6', (s) => s.workloads[0]!.today.mixPercent, { 'opus-5-5': 100 }, ['Workload 1, Today: "sonnet-4-6" is not model:share; left it out', 'Workload 1: Today is empty; used the default mix']],
		['a planned mix entry without a share: Today’s mix', 'v=4&w1.mix=sonnet-4-6:100&w1.pmix=sonnet-4-6', (s) => s.workloads[0]!.planned.mixPercent, { 'sonnet-4-6': 100 }, ['Workload 1, Planned: "sonnet-4-6" is not model:share; left it out', 'Workload 1: Planned is empty; used Today\'s mix']],
		['a price that is not a number', 'v=4&p.opus-5-5=abc', (s) => s.prices, { 'opus-5-5': {} }, ['Opus 5.5 input price "abc" is not a number; used the sheet\'s 4']],
		['a request key on a conversation workload (the kind after it)', 'v=4&w1.req=5&w1.k=conversations', (s) => s.workloads[0]!.kind, 'conversations', ['Workload 1: "w1.req" is a setting of request workloads; ignored it']],
		['input tokens and a batch share on a conversation workload', 'v=4&w1.k=conversations&w1.in=100&w1.batch=50', (s) => s.workloads[0]!.kind, 'conversations', ['Workload 1: "w1.in", "w1.batch" are settings of request workloads; ignored them']],
		['turns on a request workload', 'v=4&w=2&w2.turns=5', (s) => s.workloads[1]!.kind, 'requests', ['Workload 2: "w2.turns" is a setting of conversation workloads; ignored it']],
		['web searches belong to both kinds', 'v=4&w1.k=conversations&w1.ws=2', (s) => (s.workloads[0] as { webSearchesPerTurn: number }).webSearchesPerTurn, 2, []],
		['an empty workload name', 'v=4&w1.n=', (s) => s.workloads[0]!.name, 'Workload 1', ['Workload 1 name is empty; used "Workload 1"']],
		['a blank second workload name', 'v=4&w=2&w2.n=%20%20', (s) => s.workloads[1]!.name, 'Workload 2', ['Workload 2 name is empty; used "Workload 2"']],
		['a workload name over 60 characters', `v=4&w1.n=${'y'.repeat(70)}`, (s) => s.workloads[0]!.name, 'y'.repeat(60), ['Workload 1 name is 70 characters long; kept the first 60']],
		['a name cut inside an emoji', `v=4&name=a${'%F0%9F%98%80'.repeat(40)}`, (s) => s.name, `a${'\u{1F600}'.repeat(39)}`, ['Scenario name is 81 characters long; kept the first 80']],
		['tabs and newlines in notes', 'v=4&notes=a%09b%0D%0Ac%E2%80%8F', (s) => s.notes, 'a\tb\r\nc', ['Notes: removed control or direction-changing characters']],
		['an unknown sheet', 'v=4&sheet=nope', (s) => s.priceSheet, 'anthropic-2026-11', ['Price sheet "nope" is not known; used Anthropic list prices 2026-11']],
		['US-only as yes', 'v=4&us=yes', (s) => s.usOnlyInference, false, ['US-only inference "yes" is not true or false; used off']],
		['a price for an unknown model', 'v=4&p.gpt-5=1', (s) => s.prices, {}, ['Price override for "gpt-5": it is not on Anthropic list prices 2026-11; left it out']],
		['a repeated key', 'v=4&w1.req=5&w1.req=6', (s) => (s.workloads[0] as RequestWorkload).requestsPerMonth, 5, ['"w1.req": set 2 times in the link; used the first, "5"']],
		['an unknown key', 'v=4&foo=1&w1.zzz=2', (s) => s, emptyScenarioV2(), ['Ignored 2 unknown settings in the link: "foo", "w1.zzz"']],
		['tracking and ignored keys', 'v=4&utm_source=x&gclid=y&theme=dark', (s) => s, emptyScenarioV2(), ['Ignored an unknown setting in the link: "theme"']]
	])('%s: %s', (_name, query, pick, value, corrections) => {
		const decoded = decodeLink(query);
		expect(pick(decoded.scenario)).toStrictEqual(value);
		expect(decoded.corrections).toEqual(corrections);
		expectValid(decoded.scenario);
	});

	it('ignores the caller’s own keys silently', () => {
		expect(decodeLink('v=4&theme=dark&w1.req=5', { ignoreKeys: ['theme'] })).toStrictEqual({ scenario: scenario({ workloads: [requests({ requestsPerMonth: 5 })] }), corrections: [] });
	});

	it('keeps what it can read next to what it corrects', () => {
		const decoded = decodeLink('v=4&w1.req=abc&w1.in=7000&w1.pcache=1h:95&future=yes');
		expect(decoded.scenario).toStrictEqual(scenario({ workloads: [requests({ inputTokens: 7000, planned: { caching: { ttl: '1h', hitPercent: 95 } } })] }));
		expect(decoded.corrections).toHaveLength(2);
	});

	it('reads only the first MAX_PAIRS pairs', () => {
		const query = `v=4&${Array.from({ length: MAX_PAIRS }, (_, i) => `x${i}=1`).join('&')}&w1.req=5`;
		const decoded = decodeLink(query);
		expect((decoded.scenario.workloads[0] as RequestWorkload).requestsPerMonth).toBe(100_000);
		expect(decoded.corrections[0]).toBe(`The link has more than ${MAX_PAIRS} settings; read the first ${MAX_PAIRS}`);
	});

	it('ends a long list of corrections with a count', () => {
		const query = `v=4&${Array.from({ length: 40 }, (_, i) => `p.gpt-${i}=1`).join('&')}`;
		const { corrections } = decodeLink(query);
		expect(corrections).toHaveLength(25);
		expect(corrections.at(-1)).toBe('...and 16 more corrections');
	});
});

describe('decodeLink against hostile links', () => {
	const consoleSpies: ReturnType<typeof vi.spyOn>[] = [];
	beforeEach(() => {
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			consoleSpies.push(vi.spyOn(console, method).mockImplementation(() => undefined));
		}
	});
	afterEach(() => {
		for (const spy of consoleSpies.splice(0)) {
			expect(spy).not.toHaveBeenCalled();
			spy.mockRestore();
		}
	});

	const huge = 'x'.repeat(100_000);
	it.each([
		['a script tag', 'v=4&name=<script>alert(1)</script>&w1.req=<script>'],
		['a javascript: URL', 'v=4&sheet=javascript:alert(1)'],
		['a 100 KB value', `v=4&w1.req=${huge}`],
		['a 100 KB key', `v=4&${huge}=1`],
		['a 100 KB mix', `v=4&w1.mix=${'opus-5-5:1,'.repeat(10_000)}`],
		['broken percent-encoding', 'v=4&%E0%A4%A=1&w1.req=%E0%A4%A&w1.mix=opus-5-5%3A%ZZ'],
		['a lone surrogate', 'v=4&w1.req=%ED%A0%80&name=\uD800'],
		['NaN and Infinity', 'v=4&w1.req=NaN&w1.in=Infinity&w1.out=-Infinity'],
		['hex and exotic numbers', 'v=4&w1.req=0x10&w1.in=1_000&w1.out=1e3.5&w1.ws=.5.'],
		['prototype keys', 'v=4&__proto__=1&w1.__proto__=1&constructor.prototype=1&__proto__[polluted]=1&w1.constructor=1'],
		['prototype model ids', 'v=4&w1.mix=__proto__:100,constructor:5&w1.pmix=toString:100&p.__proto__=1&p.constructor=2&cm.__proto__=x,y'],
		['caching as prototype', 'v=4&w1.cache=__proto__:1&w1.pcache=constructor:polluted'],
		['only separators', 'v=4&&&==&?&='],
		['a whole URL', 'v=4&https://evil.example/?w1.req=1#x']
	])('%s opens a valid scenario with a notice', (_name, query) => {
		const decoded = decodeLink(query);
		expectValid(decoded.scenario);
		expect(decoded.corrections.length).toBeGreaterThan(0);
		expect(decodeLink(encodeLink(decoded.scenario))).toStrictEqual({ scenario: decoded.scenario, corrections: [] });
	});

	it('never lets a key or value reach Object.prototype', () => {
		decodeLink('v=4&__proto__=1&w1.__proto__=1&constructor.prototype=1&__proto__[polluted]=1&w1.mix=__proto__:100&p.__proto__=1,2,3&cm.__proto__=x');
		decodeLink('v=4&w1.pcache=__proto__:1&w1.tr=__proto__&p.constructor=1&w1.pmix=constructor:1,prototype:2');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.keys(Object.prototype)).toEqual([]);
		const s = decodeLink('v=4&w1.mix=__proto__:100').scenario;
		expect(Object.getPrototypeOf(s.workloads[0]!.today.mixPercent)).toBe(Object.prototype);
		expect(Object.getPrototypeOf(s.workloads[0]!)).toBe(Object.prototype);
		expect(Object.getPrototypeOf(s.prices)).toBe(Object.prototype);
	});

	it('quotes user values briefly, with invisible characters escaped', () => {
		const [long] = decodeLink(`v=4&sheet=${'a'.repeat(500)}`).corrections;
		expect(long).toBe(`Price sheet "${'a'.repeat(32)}..." is not known; used Anthropic list prices 2026-11`);
		const [rtl] = decodeLink('v=4&w1.req=5%E2%80%AE0').corrections;
		expect(rtl).toBe('Workload 1: Requests per month "5\\u202e0" is not a number; used 100,000');
	});

	it('never throws, whatever it is given', () => {
		for (const value of [undefined, null, 42, {}, [], Symbol('x')] as unknown[]) {
			const decoded = decodeLink(value as string);
			expectValid(decoded.scenario);
		}
	});
});

describe('decodePageAddress and encodePageAddress (the page’s own address)', () => {
	it('opens a bare address, or one with only tracking and page keys, on the first-visit example', () => {
		for (const query of ['', '?', 'utm_source=x&gclid=y', new URLSearchParams()]) {
			expect(decodePageAddress(query)).toStrictEqual({ scenario: exampleScenarioV2(), corrections: [] });
		}
		expect(decodePageAddress('theme=dark', { ignoreKeys: ['theme'] })).toStrictEqual({ scenario: exampleScenarioV2(), corrections: [] });
		// The example is labelled as one, on §11.5's figures.
		expect(exampleScenarioV2().name).toBe('Example: support triage');
		expect(computePlan(exampleScenarioV2()).rows.map((r) => r.monthlyCost)).toEqual([15_750, 15_750, 7272, 5817.6, 5817.6, 5817.6].map((x) => expect.closeTo(x, 9)));
	});

	it('writes a bare address for the example, and the link otherwise', () => {
		expect(encodePageAddress(exampleScenarioV2())).toBe('');
		expect(encodePageAddress(emptyScenarioV2())).toBe('v=4');
		expect(encodePageAddress(specExample)).toBe(encodeLink(specExample));
	});

	it('reads back what it writes', () => {
		for (const s of [exampleScenarioV2(), emptyScenarioV2(), specExample, scenario({ workloads: [everyField()] })]) {
			expect(decodePageAddress(encodePageAddress(s))).toStrictEqual({ scenario: s, corrections: [] });
		}
		// A bare v=4 is a link, not the home page: it opens one neutral workload.
		expect(decodePageAddress('v=4')).toStrictEqual({ scenario: emptyScenarioV2(), corrections: [] });
	});

	it('reads links of formats 1 and 3 as decodeLink does', () => {
		expect(decodePageAddress('hit=90')).toStrictEqual(decodeLink('hit=90'));
		expect(decodePageAddress('v=3&hit=90').scenario).toStrictEqual(fromV1(decodeScenario('v=3&hit=90').scenario));
	});
});
