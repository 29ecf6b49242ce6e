import { describe, expect, it } from 'vitest';
import { PARTS } from '$lib/components/parts';
import {
	DEFAULT_EMBED_OPTIONS,
	embedSnippet,
	encodeEmbedOptions,
	parseEmbedOptions,
	visibleParts,
	type EmbedOptions
} from '$lib/embed/options';
import { siteRoot } from '$lib/embed/siteRoot';

const parse = (q: string) => parseEmbedOptions(new URLSearchParams(q));

describe('parseEmbedOptions', () => {
	it('defaults to every part, editable, auto theme', () => {
		expect(parse('')).toEqual({ options: DEFAULT_EMBED_OPTIONS, corrections: [] });
		expect(parse('hit=80&req=5')).toEqual({ options: DEFAULT_EMBED_OPTIONS, corrections: [] });
	});

	it.each([
		['show=table,headline', { show: ['headline', 'table'], readonly: false, theme: 'auto' }],
		['show=table&readonly=1&theme=dark', { show: ['table'], readonly: true, theme: 'dark' }],
		['readonly=true&theme=light', { show: [...PARTS], readonly: true, theme: 'light' }],
		['readonly=0', { show: [...PARTS], readonly: false, theme: 'auto' }]
	])('%s', (query, options) => {
		expect(parse(query)).toEqual({ options, corrections: [] });
	});

	it('drops unknown parts and themes with a correction, never echoing the value', () => {
		const { options, corrections } = parse('show=table,<script>&theme=javascript:alert(1)');
		expect(options).toEqual({ show: ['table'], readonly: false, theme: 'auto' });
		expect(corrections).toHaveLength(2);
		expect(corrections.join(' ')).not.toContain('<script>');
	});

	it('shows everything when no listed part is known', () => {
		expect(parse('show=nothing').options.show).toEqual([...PARTS]);
	});

	it.each([
		['readonly=maybe', 'readonly='],
		['readonly=<script>alert(1)</script>', 'readonly='],
		['readonly=', 'readonly='],
		['readonly=TRUE', 'readonly=']
	])('%s: not read-only, with a notice', (query, says) => {
		const { options, corrections } = parse(query);
		expect(options.readonly).toBe(false);
		expect(corrections).toHaveLength(1);
		expect(corrections[0]).toContain(says);
		expect(corrections.join(' ')).not.toMatch(/maybe|script|TRUE/);
	});

	it.each(['readonly=0', 'readonly=false', 'readonly=no'])('%s: not read-only, no notice', (query) => {
		expect(parse(query)).toEqual({ options: DEFAULT_EMBED_OPTIONS, corrections: [] });
	});

	it.each([
		['show=table&show=headline', { show: ['table'] }, 'show='],
		['readonly=1&readonly=0', { readonly: true }, 'readonly='],
		['theme=dark&theme=light', { theme: 'dark' }, 'theme=']
	])('%s: a key given twice uses the first value, with a notice', (query, expected, says) => {
		const { options, corrections } = parse(query);
		expect(options).toMatchObject(expected);
		expect(corrections.some((c) => c.startsWith(says) && c.includes('2 times'))).toBe(true);
	});

	it('a read-only embed whose only part is the inputs says so and shows the figures instead', () => {
		for (const query of ['show=inputs&readonly=1', 'show=inputs,bogus&readonly=yes']) {
			const { options, corrections } = parse(query);
			expect(visibleParts(options).size, query).toBeGreaterThan(0);
			expect(options.show, query).toEqual(PARTS.filter((p) => p !== 'inputs'));
			expect(corrections.some((c) => c.includes('read-only')), query).toBe(true);
		}
		// Inputs with other parts: read-only simply hides the inputs, no notice.
		expect(parse('show=inputs,table&readonly=1')).toEqual({ options: { show: ['inputs', 'table'], readonly: true, theme: 'auto' }, corrections: [] });
	});

	it.each(['theme=', 'theme=Dark', 'theme=javascript:alert(1)'])('%s: auto theme, with a notice', (query) => {
		const { options, corrections } = parse(query);
		expect(options.theme).toBe('auto');
		expect(corrections).toHaveLength(1);
	});
});

describe('encodeEmbedOptions', () => {
	it('writes only what differs from the defaults, and round-trips', () => {
		expect(encodeEmbedOptions(DEFAULT_EMBED_OPTIONS)).toBe('');
		const o: EmbedOptions = { show: ['waterfall-chart', 'table'], readonly: true, theme: 'dark' };
		expect(encodeEmbedOptions(o)).toBe('show=table,waterfall-chart&readonly=1&theme=dark');
		expect(parse(encodeEmbedOptions(o)).options).toEqual({ ...o, show: ['table', 'waterfall-chart'] });
	});

	it('leaves the inputs out of show= when read-only hides them', () => {
		expect(encodeEmbedOptions({ show: [...PARTS], readonly: true, theme: 'auto' })).toBe('readonly=1');
		expect(encodeEmbedOptions({ show: PARTS.filter((p) => p !== 'inputs'), readonly: true, theme: 'auto' })).toBe('readonly=1');
		expect(encodeEmbedOptions({ show: ['inputs', 'table'], readonly: true, theme: 'auto' })).toBe('show=table&readonly=1');
		// Every encoding parses back without a notice.
		for (const show of [['inputs'], ['inputs', 'headline'], [...PARTS]] as EmbedOptions['show'][]) {
			expect(parse(encodeEmbedOptions({ show, readonly: true, theme: 'dark' })).corrections).toEqual([]);
		}
	});
});

describe('siteRoot', () => {
	it.each([
		['https://calc.example/', 'https://calc.example/'],
		['https://calc.example/index.html', 'https://calc.example/'],
		['https://calc.example/index.html?v=1&hit=90#top', 'https://calc.example/'],
		['https://calc.example/?v=1', 'https://calc.example/'],
		['https://calc.example/embed?v=1', 'https://calc.example/'],
		['https://example.com/tools/calc/index.html', 'https://example.com/tools/calc/'],
		['http://127.0.0.1:4273/embed', 'http://127.0.0.1:4273/']
	])('%s -> %s', (page, root) => {
		expect(siteRoot(page)).toBe(root);
		expect(embedSnippet(siteRoot(page), '', DEFAULT_EMBED_OPTIONS)).toContain(`src="${root}embed"`);
	});
});

describe('visibleParts', () => {
	it('read-only mode drops the inputs', () => {
		expect(visibleParts({ ...DEFAULT_EMBED_OPTIONS, readonly: true }).has('inputs')).toBe(false);
		expect(visibleParts(DEFAULT_EMBED_OPTIONS).has('inputs')).toBe(true);
	});
});

describe('embedSnippet', () => {
	it('gives the iframe and the optional host script, attributes escaped', () => {
		const snippet = embedSnippet('https://calc.example/', 'v=1&hit=90', { show: ['table'], readonly: true, theme: 'auto' });
		expect(snippet).toBe(
			'<iframe src="https://calc.example/embed?v=1&amp;hit=90&amp;show=table&amp;readonly=1" title="Claude API cost calculator" width="100%" height="900" style="border:0;width:100%" loading="lazy"></iframe>\n' +
				'<script src="https://calc.example/embed.js" async></script>'
		);
	});

	it('has a bare /embed for the default scenario and options', () => {
		expect(embedSnippet('https://calc.example', '', DEFAULT_EMBED_OPTIONS)).toContain('src="https://calc.example/embed"');
	});
});
