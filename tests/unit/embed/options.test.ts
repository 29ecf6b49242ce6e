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
});

describe('encodeEmbedOptions', () => {
	it('writes only what differs from the defaults, and round-trips', () => {
		expect(encodeEmbedOptions(DEFAULT_EMBED_OPTIONS)).toBe('');
		const o: EmbedOptions = { show: ['waterfall-chart', 'table'], readonly: true, theme: 'dark' };
		expect(encodeEmbedOptions(o)).toBe('show=table,waterfall-chart&readonly=1&theme=dark');
		expect(parse(encodeEmbedOptions(o)).options).toEqual({ ...o, show: ['table', 'waterfall-chart'] });
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
