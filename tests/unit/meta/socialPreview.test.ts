// Reference figures typed by hand, not recomputed with the engine (docs/pricing-model.md,
// March 2026 sheet). The default scenario: 100,000 requests of 6,000 input and 500 output tokens.
//   Baseline, all on Opus 4.6 ($5 / $25): 100,000 x (6,000 x 5 + 500 x 25) / 1M = $4,250.
//   Optimized: trimmed to 5,400 input (4,500 prefix) and 400 output; per $1 of input price the
//   input costs 900 + 4,500 x (0.8 x 0.1 + 0.2 x 1.25) = 2,385 tokens' worth; half in batches
//   at half price: x 0.75.
//     Opus 4.6   (2,385 x 5 + 400 x 25) / 1M = 0.021925   x 5 %
//     Sonnet 4.6 (2,385 x 3 + 400 x 15) / 1M = 0.013155   x 25 %
//     Haiku 4.5  (2,385 x 1 + 400 x 5)  / 1M = 0.004385   x 70 %
//   = 0.0074545 x 0.75 x 100,000 = $559.0875; saved 3,690.9125 / 4,250 = 86.845 %.
import { describe, expect, it } from 'vitest';
import { previewTags, socialPreview } from '$lib/meta/socialPreview';
import { DEFAULT_SCENARIO, defaultScenario } from '$lib/scenario/defaults';

describe('socialPreview', () => {
	it("states the default scenario's headline: $4,250 → $559 a month, 86.8 % saved", () => {
		const { title, description } = socialPreview(DEFAULT_SCENARIO);
		expect(title).toBe('Claude API bill: $4,250 → $559 a month (86.8 % saved)');
		expect(description).toBe(
			'Example: 100,000 requests a month cost $4,250 all on the baseline model, ' +
				'$559 with model routing, prompt caching, the Batch API and token trimming stacked. ' +
				'Enter your own workload: every figure is computed in your browser.'
		);
	});

	it('follows the scenario it is given: 1,000 requests cost a hundredth, $42.50 → $5.59', () => {
		const small = { ...defaultScenario(), requestsPerMonth: 1000 };
		expect(socialPreview(small).title).toBe('Claude API bill: $42.50 → $5.59 a month (86.8 % saved)');
		expect(socialPreview(small).description).toContain('Example: 1,000 requests a month cost $42.50 all on the baseline model, $5.59 with');
	});

	it('says "n/a" instead of a percentage of a baseline that rounds to $0.00', () => {
		// 1 request of 10 input tokens on Opus 4.6: 10 x $5 / 1M = $0.00005.
		const tiny = { ...defaultScenario(), requestsPerMonth: 1, inputTokens: 10, cachedPrefixTokens: 0, outputTokens: 0 };
		expect(socialPreview(tiny).title).toBe('Claude API bill: $0.00 → $0.00 a month (n/a saved)');
	});

	it('stays short enough for link previews', () => {
		const { title, description } = socialPreview(DEFAULT_SCENARIO);
		expect(title.length).toBeLessThanOrEqual(70);
		expect(description.length).toBeLessThanOrEqual(300);
	});
});

describe('previewTags', () => {
	it('writes the Open Graph and Twitter tags, escaping what an attribute cannot hold', () => {
		const tags = previewTags({ title: 'A "quoted" <b>bill</b> & co', description: 'd' });
		expect(tags).toBe(
			'<meta property="og:type" content="website" />' +
				'<meta property="og:site_name" content="Claude Cost Levers" />' +
				'<meta property="og:title" content="A &quot;quoted&quot; &lt;b&gt;bill&lt;/b&gt; &amp; co" />' +
				'<meta property="og:description" content="d" />' +
				'<meta name="twitter:card" content="summary" />' +
				'<meta name="twitter:title" content="A &quot;quoted&quot; &lt;b&gt;bill&lt;/b&gt; &amp; co" />' +
				'<meta name="twitter:description" content="d" />'
		);
	});
});
