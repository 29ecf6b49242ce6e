// repairScenarioV2 and parseScenario (versions 1 and 2 -> version 2): the example of
// docs/pricing-model.md §7, the defaults (a missing Planned setting is Today's), hostile
// values and the corrections they give. Expected values are hand-derived from the rules in
// src/lib/scenario/repairV2.ts, the field tables and the defaults.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, defaultScenario, emptyScenarioV2, neutralConversation, neutralWorkload } from '$lib/scenario/defaults';
import { scenarioV2FromJson, scenarioV2ToJson } from '$lib/scenario/file';
import { fromV1 } from '$lib/scenario/fromV1';
import { decodeLink, encodeLink } from '$lib/scenario/linkV2';
import { parseScenario } from '$lib/scenario/parse';
import { repairScenario } from '$lib/scenario/repair';
import { isVersion2, repairScenarioV2 } from '$lib/scenario/repairV2';
import type { ConversationWorkload, RequestWorkload, ScenarioV2 } from '$lib/scenario/types';

/** The example of docs/pricing-model.md §7, exactly as the spec prints it. */
const SPEC_EXAMPLE = {
	version: 2,
	name: 'Acme support',
	priceSheet: 'anthropic-2026-11',
	usOnlyInference: false,
	adjustForTokenizer: true,
	leverOrder: ['routing', 'caching', 'batch', 'fast', 'trimming'],
	workloads: [
		{
			name: 'Support triage',
			kind: 'requests',
			requestsPerMonth: 300000,
			inputTokens: 13500,
			cachedPrefixTokens: 12000,
			outputTokens: 800,
			webSearchesPerRequest: 0,
			tokensCountedOn: 'legacy',
			traffic: null,
			today: { mixPercent: { 'sonnet-4-6': 100 }, caching: null, batchPercent: 0, fastMode: false },
			planned: {
				mixPercent: { 'sonnet-5-5': 70, 'haiku-5-5': 30 },
				caching: { ttl: '1h', hitPercent: 90 },
				batchPercent: 40,
				fastMode: false,
				inputTrimPercent: 10,
				outputTrimPercent: 20
			}
		},
		{
			name: 'Coding agent',
			kind: 'conversations',
			conversationsPerMonth: 10000,
			turnsPerConversation: 20,
			systemTokens: 5000,
			inputTokensPerTurn: 800,
			outputTokensPerTurn: 400,
			secondsBetweenTurns: 30,
			webSearchesPerTurn: 0,
			tokensCountedOn: 'legacy',
			traffic: { distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 30 },
			today: { mixPercent: { 'sonnet-4-6': 100 }, caching: null, fastMode: false },
			planned: {
				mixPercent: { 'sonnet-4-6': 100 },
				caching: { ttl: '5m', systemHitPercent: 90 },
				fastMode: false,
				inputTrimPercent: 0,
				outputTrimPercent: 0
			}
		}
	]
};

/** The scenario the spec example stands for: its fields plus the defaults it leaves out. */
const specScenario = (): ScenarioV2 => ({ ...(structuredClone(SPEC_EXAMPLE) as unknown as ScenarioV2), notes: '', prices: {}, customModels: [] });

/** One neutral request workload on the November sheet (Opus 5.5), with some fields changed. */
const requests = (patch: Partial<RequestWorkload> = {}): RequestWorkload => ({ ...neutralWorkload(patch.name ?? 'Workload 1'), ...patch });
const withWorkloads = (...workloads: ScenarioV2['workloads']): ScenarioV2 => ({ ...emptyScenarioV2(), workloads });

function expectValid(s: ScenarioV2): void {
	expect(repairScenarioV2(s)).toStrictEqual({ scenario: s, corrections: [] });
	expect(parseScenario(s)).toStrictEqual({ ok: true, scenario: s });
}

describe('the example of docs/pricing-model.md §7', () => {
	it('parses with no problems, both workloads as given and the missing fields at their defaults', () => {
		expect(parseScenario(structuredClone(SPEC_EXAMPLE))).toStrictEqual({ ok: true, scenario: specScenario() });
		expect(repairScenarioV2(structuredClone(SPEC_EXAMPLE))).toStrictEqual({ scenario: specScenario(), corrections: [] });
	});

	it('keeps the conversation workload: its kind, numbers, traffic and system prompt caching', () => {
		const w = repairScenarioV2(structuredClone(SPEC_EXAMPLE)).scenario.workloads[1] as ConversationWorkload;
		expect(w.kind).toBe('conversations');
		expect([w.conversationsPerMonth, w.turnsPerConversation, w.systemTokens, w.inputTokensPerTurn, w.outputTokensPerTurn, w.secondsBetweenTurns]).toEqual([10_000, 20, 5000, 800, 400, 30]);
		expect(w.traffic).toEqual({ distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 30 });
		expect(w.planned.caching).toEqual({ ttl: '5m', systemHitPercent: 90 });
		expect(w.today).toEqual({ mixPercent: { 'sonnet-4-6': 100 }, caching: null, fastMode: false });
		expect('batchPercent' in w.today).toBe(false);
	});

	it('round-trips through a file and a link unchanged', () => {
		const s = specScenario();
		expect(scenarioV2FromJson(scenarioV2ToJson(s))).toStrictEqual({ scenario: s, corrections: [] });
		expect(decodeLink(encodeLink(s))).toStrictEqual({ scenario: s, corrections: [] });
		expect(repairScenarioV2(JSON.parse(JSON.stringify(s)))).toStrictEqual({ scenario: s, corrections: [] });
	});
});

describe('repairScenarioV2: defaults', () => {
	it('needs only version and workloads; every other field has its default, silently', () => {
		expect(repairScenarioV2({ version: 2, workloads: [{}] })).toStrictEqual({ scenario: emptyScenarioV2(), corrections: [] });
		expect(repairScenarioV2({ version: 2, workloads: [{ requestsPerMonth: 1000 }] })).toStrictEqual({
			scenario: withWorkloads(requests({ requestsPerMonth: 1000 })),
			corrections: []
		});
		// A list of workloads is version 2 without the number.
		expect(isVersion2({ workloads: [] })).toBe(true);
		expect(repairScenarioV2({ workloads: [{}] })).toStrictEqual({ scenario: emptyScenarioV2(), corrections: [] });
		// Unknown fields are ignored.
		expect(repairScenarioV2({ version: 2, comment: 'mine', workloads: [{ colour: 'red' }] }).corrections).toEqual([]);
	});

	it('starts a workload on the first model of its sheet’s default mix', () => {
		for (const [sheet, model] of [
			['anthropic-2026-11', 'opus-5-5'],
			['anthropic-2026-03', 'opus-4-6'],
			['guide-2026-03', 'opus-4-6']
		]) {
			const w = repairScenarioV2({ version: 2, priceSheet: sheet, workloads: [{}] }).scenario.workloads[0]!;
			expect(w.today).toEqual({ mixPercent: { [model!]: 100 }, caching: null, batchPercent: 0, fastMode: false });
			expect(w.planned).toEqual({ mixPercent: { [model!]: 100 }, caching: null, batchPercent: 0, fastMode: false, inputTrimPercent: 0, outputTrimPercent: 0 });
		}
	});

	const today = { mixPercent: { 'sonnet-4-6': 60, 'haiku-4-5': 40 }, caching: { ttl: '1h', hitPercent: 70 }, batchPercent: 25, fastMode: true };

	it.each<[string, unknown, RequestWorkload['planned']]>([
		['no Planned at all', undefined, { ...today, caching: { ttl: '1h', hitPercent: 70 }, inputTrimPercent: 0, outputTrimPercent: 0 }],
		['an empty Planned', {}, { ...today, caching: { ttl: '1h', hitPercent: 70 }, inputTrimPercent: 0, outputTrimPercent: 0 }],
		['only a batch share', { batchPercent: 50 }, { ...today, caching: { ttl: '1h', hitPercent: 70 }, batchPercent: 50, inputTrimPercent: 0, outputTrimPercent: 0 }],
		['only trims', { inputTrimPercent: 10, outputTrimPercent: 20 }, { ...today, caching: { ttl: '1h', hitPercent: 70 }, inputTrimPercent: 10, outputTrimPercent: 20 }],
		['caching switched off', { caching: null }, { ...today, caching: null, inputTrimPercent: 0, outputTrimPercent: 0 }],
		['only a mix', { mixPercent: { 'haiku-4-5': 100 } }, { ...today, mixPercent: { 'haiku-4-5': 100 }, caching: { ttl: '1h', hitPercent: 70 }, inputTrimPercent: 0, outputTrimPercent: 0 }],
		['fast mode off', { fastMode: false }, { ...today, caching: { ttl: '1h', hitPercent: 70 }, fastMode: false, inputTrimPercent: 0, outputTrimPercent: 0 }]
	])('a missing Planned setting equals Today’s: %s', (_name, planned, expected) => {
		const data = { version: 2, workloads: [{ today: structuredClone(today), ...(planned === undefined ? {} : { planned }) }] };
		const repaired = repairScenarioV2(data);
		expect(repaired.corrections).toEqual([]);
		expect(repaired.scenario.workloads[0]!.today).toEqual(today);
		expect(repaired.scenario.workloads[0]!.planned).toEqual(expected);
	});

	it('a conversation workload’s missing Planned settings equal Today’s too', () => {
		const repaired = repairScenarioV2({ version: 2, workloads: [{ kind: 'conversations', today: { caching: { ttl: '5m', systemHitPercent: 40 }, fastMode: true } }] });
		expect(repaired.corrections).toEqual([]);
		const w = repaired.scenario.workloads[0] as ConversationWorkload;
		expect(w).toStrictEqual({
			...neutralConversation(),
			today: { mixPercent: { 'opus-5-5': 100 }, caching: { ttl: '5m', systemHitPercent: 40 }, fastMode: true },
			planned: { mixPercent: { 'opus-5-5': 100 }, caching: { ttl: '5m', systemHitPercent: 40 }, fastMode: true, inputTrimPercent: 0, outputTrimPercent: 0 }
		});
	});

	it('gives Planned its own copies of Today’s settings, and shares nothing with the input', () => {
		const data = { version: 2, workloads: [{ today: structuredClone(today) }] };
		const copy = structuredClone(data);
		const w = repairScenarioV2(data).scenario.workloads[0] as RequestWorkload;
		expect(data).toStrictEqual(copy);
		expect(w.planned.mixPercent).not.toBe(w.today.mixPercent);
		expect(w.planned.caching).not.toBe(w.today.caching);
		expect(w.today.mixPercent).not.toBe(data.workloads[0]!.today.mixPercent);
		w.planned.mixPercent['opus-4-6'] = 1;
		w.planned.caching!.hitPercent = 1;
		expect(w.today.mixPercent).toEqual(today.mixPercent);
		expect(w.today.caching).toEqual(today.caching);
	});

	it('returns a valid scenario unchanged, without corrections, and does not mutate it', () => {
		const s = specScenario();
		const copy = structuredClone(s);
		const repaired = repairScenarioV2(s);
		expect(repaired).toStrictEqual({ scenario: copy, corrections: [] });
		expect(s).toStrictEqual(copy);
		expect(repaired.scenario.workloads[0]).not.toBe(s.workloads[0]);
	});
});

describe('repairScenarioV2: hostile values', () => {
	type Case = [string, Record<string, unknown>, (s: ScenarioV2) => unknown, unknown, string[]];
	const w0 = (s: ScenarioV2) => s.workloads[0] as RequestWorkload;
	it.each<Case>([
		['a number as text', { workloads: [{ requestsPerMonth: '1000' }] }, (s) => w0(s).requestsPerMonth, 100_000, ['Workload 1: Requests per month "1000" is not a number; used 100,000']],
		['a hit ratio as text', { workloads: [{ today: { caching: { ttl: '5m', hitPercent: '90' } } }] }, (s) => w0(s).today.caching, { ttl: '5m', hitPercent: 0 }, ['Workload 1: Caching today: hit ratio "90" is not a number; used 0']],
		['1e309 in JSON (Infinity)', JSON.parse('{"workloads":[{"requestsPerMonth":1e309}]}'), (s) => w0(s).requestsPerMonth, 1e12, ['Workload 1: Requests per month Infinity was above 1,000,000,000,000; used 1,000,000,000,000']],
		['-1e309 as a trim', JSON.parse('{"workloads":[{"planned":{"inputTrimPercent":-1e309}}]}'), (s) => w0(s).planned.inputTrimPercent, 0, ['Workload 1: Input trimmed -Infinity was below 0; used 0']],
		['NaN', { workloads: [{ outputTokens: Number.NaN }] }, (s) => w0(s).outputTokens, 500, ['Workload 1: Output tokens per request NaN is not a number; used 500']],
		['a negative token count', { workloads: [{ inputTokens: -5 }] }, (s) => [w0(s).inputTokens, w0(s).cachedPrefixTokens], [0, 0], ['Workload 1: Input tokens per request -5 was below 0; used 0', 'Workload 1: Cached prefix tokens 5,000 was above the input tokens per request (0); used 0']],
		['a fractional request count', { workloads: [{ requestsPerMonth: 2.5 }] }, (s) => w0(s).requestsPerMonth, 3, ['Workload 1: Requests per month 2.5 was not a whole number; used 3']],
		['0 turns', { workloads: [{ kind: 'conversations', turnsPerConversation: 0 }] }, (s) => (s.workloads[0] as ConversationWorkload).turnsPerConversation, 1, ['Workload 1: Turns per conversation 0 was below 1; used 1']],
		['a day longer than 24 hours', { workloads: [{ traffic: { activeHoursPerDay: 25 } }] }, (s) => w0(s).traffic, { distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 30 }, ['Workload 1: Active hours per day 25 was above 24; used 24']],
		['traffic as text', { workloads: [{ traffic: 'busy' }] }, (s) => w0(s).traffic, null, ['Workload 1: Traffic "busy" is not a set of fields; typed hit ratios are used']],
		['13 workloads', { workloads: Array.from({ length: 13 }, (_, i) => ({ name: `W${i + 1}` })) }, (s) => s.workloads.map((w) => w.name), Array.from({ length: 12 }, (_, i) => `W${i + 1}`), ['A scenario holds at most 12 workloads; left out the other 1']],
		['no workloads', { workloads: [] }, (s) => s.workloads, [neutralWorkload()], ['The scenario has no workloads; added one']],
		['version 2 without workloads', { version: 2 }, (s) => s.workloads, [neutralWorkload()], ['The scenario has no workloads; added one']],
		['workloads not a list', { version: 2, workloads: { a: 1 } }, (s) => s.workloads, [neutralWorkload()], ['Workloads {"a":1} are not a list; used one new workload']],
		['a workload that is not a set of fields', { workloads: [{}, 7] }, (s) => s.workloads[1], neutralWorkload('Workload 2'), ['Workload 2 7 is not a set of fields; used a new workload']],
		['an unknown model today', { workloads: [{ today: { mixPercent: { 'gpt-5': 100 } } }] }, (s) => w0(s).today.mixPercent, { 'opus-5-5': 100 }, ['Workload 1: Today: "gpt-5" is not on Anthropic list prices 2026-11; left it out', 'Workload 1: Today has no usable shares; used the default mix']],
		['an unknown model beside a known one', { workloads: [{ today: { mixPercent: { 'gpt-5': 50, 'sonnet-5-5': 50 } } }] }, (s) => [w0(s).today.mixPercent, w0(s).planned.mixPercent], [{ 'sonnet-5-5': 100 }, { 'sonnet-5-5': 100 }], ['Workload 1: Today: "gpt-5" is not on Anthropic list prices 2026-11; left it out', 'Workload 1: Today shares add up to 50, not 100; scaled them to 100']],
		['an unknown model planned: Today’s mix instead', { workloads: [{ today: { mixPercent: { 'sonnet-5-5': 100 } }, planned: { mixPercent: { 'llama-4': 100 } } }] }, (s) => w0(s).planned.mixPercent, { 'sonnet-5-5': 100 }, ['Workload 1: Planned: "llama-4" is not on Anthropic list prices 2026-11; left it out', 'Workload 1: Planned has no usable shares; used Today\'s mix']],
		['a share as text', { workloads: [{ planned: { mixPercent: { 'opus-5-5': 'half', 'haiku-5-5': 100 } } }] }, (s) => w0(s).planned.mixPercent, { 'haiku-5-5': 100 }, ['Workload 1: Opus 5.5 share "half" is not a number; left it out']],
		['a lever order with a repeat', { leverOrder: ['routing', 'routing', 'batch', 'fast', 'trimming'], workloads: [{}] }, (s) => s.leverOrder, ['routing', 'caching', 'batch', 'fast', 'trimming'], ['Lever order ["routing","routing","batch","fast","... does not name each of routing, caching, batch, fast, trimming once; used the default order']],
		['a lever order missing one', { leverOrder: ['routing', 'caching', 'batch', 'fast'], workloads: [{}] }, (s) => s.leverOrder, ['routing', 'caching', 'batch', 'fast', 'trimming'], ['Lever order ["routing","caching","batch","fast"] does not name each of routing, caching, batch, fast, trimming once; used the default order']],
		['a lever order naming an unknown lever', { leverOrder: ['routing', 'caching', 'batch', 'fast', 'magic'], workloads: [{}] }, (s) => s.leverOrder, ['routing', 'caching', 'batch', 'fast', 'trimming'], ['Lever order ["routing","caching","batch","fast","... does not name each of routing, caching, batch, fast, trimming once; used the default order']],
		['a lever order as text', { leverOrder: 'batch first', workloads: [{}] }, (s) => s.leverOrder, ['routing', 'caching', 'batch', 'fast', 'trimming'], ['Lever order "batch first" does not name each of routing, caching, batch, fast, trimming once; used the default order']],
		['a direction override and a bell in the scenario name', { name: 'Acme\u202Eevil\u0007', workloads: [{}] }, (s) => s.name, 'Acmeevil', ['Scenario name: removed control or direction-changing characters']],
		['an isolate and a NUL in a workload name', { workloads: [{ name: 'W\u2066x\u0000' }] }, (s) => s.workloads[0]!.name, 'Wx', ['Workload 1 name: removed control or direction-changing characters']],
		['LRM, RLM and the Arabic letter mark', { name: 'a\u200Eb\u200Fc\u061Cd', workloads: [{}] }, (s) => s.name, 'abcd', ['Scenario name: removed control or direction-changing characters']],
		['a newline in a name (allowed only in notes)', { name: 'two\nlines', notes: 'two\nlines\tand a tab\u202E', workloads: [{}] }, (s) => [s.name, s.notes], ['twolines', 'two\nlines\tand a tab'], ['Scenario name: removed control or direction-changing characters', 'Notes: removed control or direction-changing characters']],
		['a lone surrogate in a name', { name: 'a\uD800b', workloads: [{ name: '\uDC00W' }] }, (s) => [s.name, s.workloads[0]!.name], ['ab', 'W'], ['Scenario name: removed control or direction-changing characters', 'Workload 1 name: removed control or direction-changing characters']],
		['a name of only removed characters', { workloads: [{ name: '\u202E' }] }, (s) => s.workloads[0]!.name, 'Workload 1', ['Workload 1 name: removed control or direction-changing characters', 'Workload 1 name is empty; used "Workload 1"']],
		['an empty and a blank workload name', { workloads: [{ name: '' }, { name: '   ' }] }, (s) => s.workloads.map((w) => w.name), ['Workload 1', 'Workload 2'], ['Workload 1 name is empty; used "Workload 1"', 'Workload 2 name is empty; used "Workload 2"']],
		['a workload name that is not text', { workloads: [{ name: 42 }] }, (s) => s.workloads[0]!.name, 'Workload 1', ['Workload 1 name 42 is not text; used "Workload 1"']],
		['a long name, cut inside an emoji', { name: `a${'\u{1F600}'.repeat(40)}`, workloads: [{}] }, (s) => s.name, `a${'\u{1F600}'.repeat(39)}`, ['Scenario name is 81 characters long; kept the first 80']],
		['notes over 2,000 characters', { notes: 'n'.repeat(2001), workloads: [{}] }, (s) => s.notes.length, 2000, ['Notes is 2001 characters long; kept the first 2000']],
		['a name that is not text', { name: 42, workloads: [{}] }, (s) => s.name, '', ['Scenario name 42 is not text; left it empty']],
		['conversation caching that is not settings', { workloads: [{ kind: 'conversations', today: { caching: 'on' } }] }, (s) => w0(s).today.caching, null, ['Workload 1: Caching today "on" is not caching settings (or null for off); used off']],
		['a planned conversation TTL that is not known, and no ratio: Today’s', { workloads: [{ kind: 'conversations', today: { caching: { ttl: '1h', systemHitPercent: 40 } }, planned: { caching: { ttl: '2h' } } }] }, (s) => w0(s).planned.caching, { ttl: '1h', systemHitPercent: 40 }, ['Workload 1: Prompt caching: TTL "2h" is not 5m or 1h; used 1h']],
		['a system prompt hit ratio above 100', { workloads: [{ kind: 'conversations', today: { caching: { ttl: '5m', systemHitPercent: 150 } } }] }, (s) => w0(s).today.caching, { ttl: '5m', systemHitPercent: 100 }, ['Workload 1: Caching today: system prompt hit ratio 150 was above 100; used 100']],
		['a planned request TTL that is not known: Today’s', { workloads: [{ today: { caching: { ttl: '1h', hitPercent: 40 } }, planned: { caching: { ttl: 'x', hitPercent: 50 } } }] }, (s) => w0(s).planned.caching, { ttl: '1h', hitPercent: 50 }, ['Workload 1: Prompt caching: TTL "x" is not 5m or 1h; used 1h']],
		['caching without a TTL: 5 minutes, as a missing field', { workloads: [{ today: { caching: { hitPercent: 50 } } }] }, (s) => w0(s).today.caching, { ttl: '5m', hitPercent: 50 }, []],
		['planned fast mode and trims mistyped', { workloads: [{ planned: { fastMode: 'no', inputTrimPercent: 'x', outputTrimPercent: -5 } }] }, (s) => [w0(s).planned.fastMode, w0(s).planned.inputTrimPercent, w0(s).planned.outputTrimPercent], [false, 0, 0], ['Workload 1: Fast mode "no" is not true or false; used off', 'Workload 1: Input trimmed "x" is not a number; used 0', 'Workload 1: Output trimmed -5 was below 0; used 0']],
		['planned fast mode mistyped on a conversation', { workloads: [{ kind: 'conversations', planned: { fastMode: 1 } }] }, (s) => w0(s).planned.fastMode, false, ['Workload 1: Fast mode 1 is not true or false; used off']],
		['adjust for tokenizer as text', { adjustForTokenizer: 'yes', workloads: [{}] }, (s) => s.adjustForTokenizer, true, ['Adjust for tokenizer "yes" is not true or false; used on']],
		['a lever order of six', { leverOrder: ['routing', 'caching', 'batch', 'fast', 'trimming', 'batch'], workloads: [{}] }, (s) => s.leverOrder, ['routing', 'caching', 'batch', 'fast', 'trimming'], ['Lever order ["routing","caching","batch","fast","... does not name each of routing, caching, batch, fast, trimming once; used the default order']],
		['a Today share as text', { workloads: [{ today: { mixPercent: { 'opus-5-5': 'half', 'haiku-5-5': 100 } } }] }, (s) => w0(s).today.mixPercent, { 'haiku-5-5': 100 }, ['Workload 1: Today: Opus 5.5 share "half" is not a number; left it out']],
		['an unknown kind', { workloads: [{ kind: 'chat' }] }, (s) => s.workloads[0]!.kind, 'requests', ['Workload 1: kind "chat" is not requests or conversations; used requests']],
		['an unknown TTL and a hit ratio above 100', { workloads: [{ today: { caching: { ttl: '2h', hitPercent: 150 } } }] }, (s) => w0(s).today.caching, { ttl: '5m', hitPercent: 100 }, ['Workload 1: Caching today: TTL "2h" is not 5m or 1h; used 5m', 'Workload 1: Caching today: hit ratio 150 was above 100; used 100']],
		['caching as text', { workloads: [{ today: { caching: 'on' } }] }, (s) => w0(s).today.caching, null, ['Workload 1: Caching today "on" is not caching settings (or null for off); used off']],
		['planned caching as text: Today’s', { workloads: [{ today: { caching: { ttl: '1h', hitPercent: 50 } }, planned: { caching: true } }] }, (s) => w0(s).planned.caching, { ttl: '1h', hitPercent: 50 }, ['Workload 1: Prompt caching true is not caching settings (or null for off); used the other column']],
		['a batch share as true', { workloads: [{ today: { batchPercent: 30 }, planned: { batchPercent: true } }] }, (s) => w0(s).planned.batchPercent, 30, ['Workload 1: Batch share true is not a number; used 30']],
		['fast mode as yes', { workloads: [{ today: { fastMode: 'yes' } }] }, (s) => w0(s).today.fastMode, false, ['Workload 1: Fast mode today "yes" is not true or false; used off']],
		['trims out of range', { workloads: [{ planned: { inputTrimPercent: -1, outputTrimPercent: 101 } }] }, (s) => [w0(s).planned.inputTrimPercent, w0(s).planned.outputTrimPercent], [0, 100], ['Workload 1: Input trimmed -1 was below 0; used 0', 'Workload 1: Output trimmed 101 was above 100; used 100']],
		['Today that is not a set of settings', { workloads: [{ today: [1] }] }, (s) => w0(s).today, neutralWorkload().today, ['Workload 1: Today [1] is not a set of settings; used the defaults']],
		['Planned that is not a set of settings', { workloads: [{ today: { batchPercent: 20 }, planned: 'same' }] }, (s) => w0(s).planned.batchPercent, 20, ['Workload 1: Planned "same" is not a set of settings; used Today\'s']],
		['an unknown tokenizer', { workloads: [{ tokensCountedOn: 'gpt' }] }, (s) => w0(s).tokensCountedOn, '2026', ['Workload 1: Token counts measured on "gpt" is not legacy or 2026; used 2026']],
		['an unknown sheet', { priceSheet: 'acme', workloads: [{}] }, (s) => s.priceSheet, 'anthropic-2026-11', ['Price sheet "acme" is not known; used Anthropic list prices 2026-11']],
		['US-only as text', { usOnlyInference: 'yes', workloads: [{}] }, (s) => s.usOnlyInference, false, ['US-only inference "yes" is not true or false; used off']],
		['version 3 with workloads', { version: 3, workloads: [{}] }, (s) => s.version, 2, ['Format version 3 does not go with a list of workloads; read it as version 2']],
		['a price override for an unknown model', { prices: { 'gpt-5': { inputPerMTok: 1 } }, workloads: [{}] }, (s) => s.prices, {}, ['Price override for "gpt-5": it is not on Anthropic list prices 2026-11; left it out']]
	])('%s', (_name, data, pick, value, corrections) => {
		const repaired = repairScenarioV2({ version: 2, ...data });
		expect(pick(repaired.scenario)).toStrictEqual(value);
		expect(repaired.corrections).toEqual(corrections);
		expectValid(repaired.scenario);
	});

	it('reports every change, in the order of the page: scenario fields, then each workload’s', () => {
		const repaired = repairScenarioV2({ version: 2, priceSheet: 'y', leverOrder: [], workloads: [{ requestsPerMonth: -1 }, { name: 'B', today: { batchPercent: 101 } }] });
		expect(repaired.corrections).toEqual([
			'Price sheet "y" is not known; used Anthropic list prices 2026-11',
			'Lever order [] does not name each of routing, caching, batch, fast, trimming once; used the default order',
			'Workload 1: Requests per month -1 was below 0; used 0',
			"B: Today's batch share 101 was above 100; used 100"
		]);
	});

	it('never throws: a throwing getter or a proxy opens an empty scenario with a correction', () => {
		const getter = { version: 2, get workloads(): unknown { throw new Error('boom'); } };
		const proxy = new Proxy({ version: 2, workloads: [] }, {
			getOwnPropertyDescriptor: () => {
				throw new Error('boom');
			}
		});
		for (const data of [getter, proxy]) {
			const repaired = repairScenarioV2(data);
			expect(repaired.scenario).toStrictEqual(emptyScenarioV2());
			expect(repaired.corrections).toEqual(['The scenario could not be read; opened an empty scenario']);
		}
	});

	it('yields only plain objects: keys such as __proto__ stay data', () => {
		const data = JSON.parse('{"version":2,"__proto__":{"polluted":1},"workloads":[{"today":{"mixPercent":{"__proto__":100,"sonnet-5-5":100}}}]}');
		const repaired = repairScenarioV2(data);
		expect(repaired.scenario.workloads[0]!.today.mixPercent).toEqual({ 'sonnet-5-5': 100 });
		expect(repaired.corrections).toEqual(['Workload 1: Today: "__proto__" is not on Anthropic list prices 2026-11; left it out']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('repairScenarioV2 and parseScenario of version 1 (docs/pricing-model.md §9)', () => {
	it('reads a version-1 scenario as one request workload: Today on the baseline model, Planned the levers', () => {
		const v1 = { ...defaultScenario(), cacheTtl: '1h' as const, cacheHitPercent: 95, webSearchesPerRequest: 1 };
		const s = fromV1(v1);
		expect(s).toStrictEqual({
			version: 2,
			name: '',
			notes: '',
			priceSheet: 'anthropic-2026-03',
			prices: {},
			customModels: [],
			usOnlyInference: false,
			adjustForTokenizer: true,
			leverOrder: ['routing', 'caching', 'batch', 'fast', 'trimming'],
			workloads: [
				{
					name: 'Workload 1',
					kind: 'requests',
					requestsPerMonth: 100_000,
					inputTokens: 6000,
					cachedPrefixTokens: 5000,
					outputTokens: 500,
					webSearchesPerRequest: 1,
					tokensCountedOn: 'legacy',
					traffic: null,
					today: { mixPercent: { 'opus-4-6': 100 }, caching: null, batchPercent: 0, fastMode: false },
					planned: {
						mixPercent: { 'opus-4-6': 5, 'sonnet-4-6': 25, 'haiku-4-5': 70 },
						caching: { ttl: '1h', hitPercent: 95 },
						batchPercent: 50,
						fastMode: false,
						inputTrimPercent: 10,
						outputTrimPercent: 20
					}
				}
			]
		});
		expectValid(s);
		expect(parseScenario(v1)).toStrictEqual({ ok: true, scenario: s });
	});

	it('accepts a version-1 value without a version, on the March sheet, as version 2', () => {
		expect(parseScenario({})).toStrictEqual({ ok: true, scenario: fromV1(defaultScenario()) });
		expect(parseScenario({ cacheHitPercent: 90 })).toStrictEqual({ ok: true, scenario: fromV1({ ...defaultScenario(), cacheHitPercent: 90 }) });
		expect(parseScenario(DEFAULT_SCENARIO)).toStrictEqual({ ok: true, scenario: fromV1(defaultScenario()) });
	});

	it('reports version 1’s problems for an invalid version-1 value', () => {
		expect(parseScenario({ cacheHitPercent: 140 })).toStrictEqual({ ok: false, problems: ['cacheHitPercent: expected a number <= 100, got 140'] });
		expect(parseScenario({ version: 3 })).toStrictEqual({ ok: false, problems: ['version: expected one of 1, got 3'] });
		expect(parseScenario(null)).toStrictEqual({ ok: false, problems: ['(root): expected object, got null'] });
	});

	it('repairs a version-1 value by version 1’s rules and reads it as version 2', () => {
		const data = { cacheHitPercent: 140, baselineModel: 'sonnet-4-6' };
		const v1 = repairScenario(data);
		expect(v1.corrections).toEqual(['Cache hit ratio 140 was above 100; used 100']);
		expect(repairScenarioV2(data)).toStrictEqual({ scenario: fromV1(v1.scenario), corrections: v1.corrections });
		expect(repairScenarioV2(data).scenario.workloads[0]!.today.mixPercent).toEqual({ 'sonnet-4-6': 100 });
	});
});

describe('parseScenario of version 2', () => {
	it('reports every problem of an invalid scenario, and fixes nothing', () => {
		expect(parseScenario({ version: 2, leverOrder: [], workloads: [{ requestsPerMonth: -1, today: { mixPercent: { x: 100 } } }] })).toStrictEqual({
			ok: false,
			problems: [
				'Lever order [] does not name each of routing, caching, batch, fast, trimming once; used the default order',
				'Workload 1: Requests per month -1 was below 0; used 0',
				'Workload 1: Today: "x" is not on Anthropic list prices 2026-11; left it out',
				'Workload 1: Today has no usable shares; used the default mix'
			]
		});
		expect(parseScenario({ version: 2 })).toStrictEqual({ ok: false, problems: ['The scenario has no workloads; added one'] });
		expect(parseScenario({ version: 2, workloads: Array.from({ length: 13 }, () => ({})) })).toStrictEqual({ ok: false, problems: ['A scenario holds at most 12 workloads; left out the other 1'] });
	});

	it('accepts what repairScenarioV2 made, and twelve workloads', () => {
		const twelve = withWorkloads(...Array.from({ length: 12 }, (_, i) => requests({ name: `Workload ${i + 1}` })));
		expectValid(twelve);
		const repaired = repairScenarioV2({ version: 2, name: '\u202E', workloads: [{ inputTokens: 10, cachedPrefixTokens: 20 }] });
		expect(repaired.corrections).toHaveLength(2);
		expectValid(repaired.scenario);
	});
});
