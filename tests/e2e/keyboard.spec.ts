/**
 * Keyboard only: Tab reaches every input of the calculator in reading order, each focused
 * element shows a focus indicator, every slider moves with the arrow keys and Page Up /
 * Page Down (its number field following), and the Cache TTL radios switch with arrows.
 */
import type { Page } from '@playwright/test';
import { expect, gotoCalculator, test } from './helpers';

/** The focused element, as "role name", plus what its focus indicator looks like. */
interface Focused {
	/** e.g. 'slider Cache hit ratio', 'spinbutton Cache hit ratio', 'button Copy link'. */
	label: string;
	/** A visible focus indicator: an outline (style not none, width > 0) or a box shadow. */
	indicator: boolean;
	/** Its box has an area (not a 1 px visually hidden control). */
	visible: boolean;
	/** What the indicator is, for failure messages. */
	style: string;
}

/** Describes document.activeElement with the names the UI gives its controls. */
async function focused(page: Page): Promise<Focused | null> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return null;
		const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
		const labelledBy = el.getAttribute('aria-labelledby');
		const labels = 'labels' in el ? (el as HTMLInputElement).labels : null;
		const name =
			el.getAttribute('aria-label') ??
			(labelledBy ? labelledBy.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ') : null) ??
			(labels && labels.length ? text(labels[0]) : null) ??
			text(el);
		const tag = el.tagName.toLowerCase();
		const type = (el.getAttribute('type') ?? '').toLowerCase();
		const role =
			el.getAttribute('role') ??
			(tag === 'input'
				? ({ range: 'slider', number: 'spinbutton', radio: 'radio', checkbox: 'checkbox' } as Record<string, string>)[type] ?? 'textbox'
				: tag === 'select'
					? 'combobox'
					: tag === 'a'
						? 'link'
						: tag);
		const style = getComputedStyle(el);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
		const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
		const box = el.getBoundingClientRect();
		return {
			label: `${role} ${name}`,
			indicator: outline || shadow,
			visible: box.width > 2 && box.height > 2,
			style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`
		};
	});
}

/**
 * Presses Tab from the top of the page until `last` is focused (or `limit` presses),
 * returning every element focused on the way.
 */
async function tabUntil(page: Page, last: string, limit = 120): Promise<Focused[]> {
	const seen: Focused[] = [];
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const now = await focused(page);
		if (!now) continue;
		seen.push(now);
		if (now.label === last) return seen;
	}
	throw new Error(`Tab never reached "${last}"; focus went through:\n${seen.map((f) => f.label).join('\n')}`);
}

/** A slider and the number field beside it, in Tab order. */
const pair = (label: string) => [`slider ${label}`, `spinbutton ${label}`];

test.describe('keyboard only', () => {
	test('Tab reaches every input in reading order, each with a visible focus indicator', async ({ page }) => {
		await gotoCalculator(page);

		// The presets and the model mix are read from the page; the rest is the fixed layout.
		const presets = await page.getByRole('region', { name: 'Start from an example' }).getByRole('button').allTextContents();
		expect(presets.length, 'preset buttons').toBeGreaterThanOrEqual(2);
		const mixModels = (await page.getByRole('group', { name: 'Model mix' }).getByRole('slider').evaluateAll((els) =>
			els.map((el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? '')
		)).map((label) => label.replace(/ share$/, ''));
		expect(mixModels.length, 'models in the default mix').toBeGreaterThanOrEqual(2);
		const canAdd = (await page.getByRole('combobox', { name: 'Add model to mix', exact: true }).count()) > 0;

		const expected = [
			...presets.map((p) => `button ${p.trim()}`),
			...pair('Requests per month'),
			...pair('Input tokens per request'),
			...pair('Cached prefix tokens'),
			...pair('Output tokens per request'),
			'combobox Price sheet',
			'combobox Baseline model',
			'checkbox Show older models',
			'summary Edit prices',
			'checkbox US-only inference',
			'checkbox Adjust for tokenizer',
			// The checked radio of Token counts measured on (the default: the 2026 tokenizer).
			'radio Claude 4.7 and later',
			...pair('Web searches per request'),
			...mixModels.flatMap((m) => [`button Lock ${m} share`, `button Remove ${m} from mix`, ...pair(`${m} share`)]),
			...(canAdd ? ['combobox Add model to mix'] : []),
			...pair('Cache hit ratio'),
			// A radio group is one Tab stop: the checked radio.
			'radio 5 minutes',
			...pair('Batch share'),
			...pair('Input trimmed'),
			...pair('Output trimmed')
		];

		const seen = await tabUntil(page, 'spinbutton Output trimmed');
		const labels = seen.map((f) => f.label);

		// The header's sharing buttons come first, then the inputs exactly in reading order.
		const firstPreset = labels.indexOf(expected[0] ?? '');
		expect(firstPreset, `Tab reaches the first preset; focus went through ${labels.join(' | ')}`).toBeGreaterThan(0);
		expect(labels.slice(0, firstPreset), 'before the presets: the sharing buttons').toEqual(
			expect.arrayContaining(['button Copy link', 'button Download scenario', 'button Open scenario…'])
		);
		expect(labels.slice(firstPreset), 'Tab order through the inputs').toEqual(expected);

		const noIndicator = seen.filter((f) => !f.indicator).map((f) => `${f.label} (${f.style})`);
		expect(noIndicator, 'focused elements without a visible outline or box shadow').toEqual([]);
		const hidden = seen.filter((f) => !f.visible).map((f) => f.label);
		expect(hidden, 'focused elements with no visible box').toEqual([]);

		// Shift+Tab walks back the same way.
		await page.keyboard.press('Shift+Tab');
		expect((await focused(page))?.label).toBe('slider Output trimmed');
		await page.keyboard.press('Shift+Tab');
		expect((await focused(page))?.label).toBe('spinbutton Input trimmed');
	});

	test('the results after the inputs: every focusable control shows a focus indicator', async ({ page }) => {
		await gotoCalculator(page);
		await tabUntil(page, 'spinbutton Output trimmed');
		// On through the results (table toggles, links) to the end of the page.
		const rest: Focused[] = [];
		for (let i = 0; i < 40; i++) {
			await page.keyboard.press('Tab');
			const now = await focused(page);
			if (!now) break;
			if (rest.some((f) => f.label === now.label) && now.label === rest[0]?.label) break;
			rest.push(now);
		}
		expect(rest.map((f) => f.label), 'controls after the inputs').toEqual(
			expect.arrayContaining(['button Show data table'])
		);
		const noIndicator = rest.filter((f) => !f.indicator || !f.visible).map((f) => `${f.label} (${f.style})`);
		expect(noIndicator, 'focused elements without a visible focus indicator').toEqual([]);
	});

	test('every slider moves with ArrowRight/ArrowLeft and PageUp/PageDown; the Cache TTL radios with arrows', async ({ page }) => {
		await gotoCalculator(page);
		const sliders = await page.locator('input[type="range"]:not([disabled])').count();
		expect(sliders, 'sliders on the page').toBeGreaterThanOrEqual(10);

		const moved: string[] = [];
		let ttlChecked = false;
		for (let i = 0; i < 120 && moved.length < sliders; i++) {
			await page.keyboard.press('Tab');
			const state = await page.evaluate(() => {
				const el = document.activeElement as HTMLInputElement | null;
				if (!el || el.tagName !== 'INPUT') return null;
				const field = el.type === 'range' ? el.parentElement?.querySelector<HTMLInputElement>('input[type="number"]') : null;
				return {
					type: el.type,
					name: document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? el.labels?.[0]?.textContent?.trim() ?? '',
					value: Number(el.value),
					min: Number(el.min),
					max: Number(el.max),
					field: field ? Number(field.value) : null
				};
			});
			if (!state) continue;

			if (state.type === 'radio' && state.name !== '5 minutes') {
				// Token counts measured on: arrows switch between its two options too.
				const group = page.getByRole('radiogroup', { name: 'Token counts measured on' });
				await expect(group.getByRole('radio', { name: 'Claude 4.7 and later' })).toBeFocused();
				await page.keyboard.press('ArrowLeft');
				await expect(group.getByRole('radio', { name: 'Claude 4.6 and earlier' })).toBeChecked();
				await page.keyboard.press('ArrowRight');
				await expect(group.getByRole('radio', { name: 'Claude 4.7 and later' })).toBeChecked();
				continue;
			}
			if (state.type === 'radio' && !ttlChecked) {
				// Arrow keys move the selection within the Cache TTL group, keeping focus there.
				const group = page.getByRole('radiogroup', { name: 'Cache TTL' });
				await expect(group.getByRole('radio', { name: '5 minutes' })).toBeFocused();
				await page.keyboard.press('ArrowRight');
				await expect(group.getByRole('radio', { name: '1 hour' })).toBeChecked();
				await expect(group.getByRole('radio', { name: '1 hour' })).toBeFocused();
				await page.keyboard.press('ArrowLeft');
				await expect(group.getByRole('radio', { name: '5 minutes' })).toBeChecked();
				ttlChecked = true;
				continue;
			}
			if (state.type !== 'range') continue;

			const read = () =>
				page.evaluate(() => {
					const el = document.activeElement as HTMLInputElement;
					const field = el.parentElement?.querySelector<HTMLInputElement>('input[type="number"]');
					return { value: Number(el.value), field: Number(field?.value) };
				});
			// Move up first, unless the thumb is already at the top.
			const up = state.value < state.max;
			const [forward, back, bigForward, bigBack] = up
				? ['ArrowRight', 'ArrowLeft', 'PageUp', 'PageDown']
				: ['ArrowLeft', 'ArrowRight', 'PageDown', 'PageUp'];
			const sign = up ? 1 : -1;
			const where = `${state.name} (from ${state.value})`;

			await page.keyboard.press(forward as string);
			const small = await read();
			expect(sign * (small.value - state.value), `${where}: ${forward} moves the thumb`).toBeGreaterThan(0);
			if (state.field !== null) expect(sign * (small.field - state.field), `${where}: the number field follows ${forward}`).toBeGreaterThan(0);

			await page.keyboard.press(back as string);
			await expect.poll(async () => (await read()).value, { message: `${where}: ${back} moves it back` }).toBe(state.value);

			await page.keyboard.press(bigForward as string);
			const big = await read();
			expect(sign * (big.value - state.value), `${where}: ${bigForward} moves further than ${forward}`).toBeGreaterThan(
				sign * (small.value - state.value)
			);
			if (state.field !== null) expect(sign * (big.field - state.field), `${where}: the number field follows ${bigForward}`).toBeGreaterThan(0);

			await page.keyboard.press(bigBack as string);
			await expect.poll(async () => (await read()).value, { message: `${where}: ${bigBack} moves it back` }).toBe(state.value);
			if (state.field !== null) {
				await expect.poll(async () => (await read()).field, { message: `${where}: the number field is back` }).toBeCloseTo(state.field, 6);
			}
			moved.push(state.name);
		}
		expect(moved.length, `sliders moved by keyboard: ${moved.join(', ')}`).toBe(sliders);
		expect(ttlChecked, 'the Cache TTL radios were reached by Tab').toBe(true);
	});
});
