/**
 * Keyboard only: Tab reaches every input of the calculator in reading order, each focused
 * element shows a focus indicator, every slider moves with the arrow keys and Page Up /
 * Page Down (its number field following), and the Cache TTL radios switch with arrows.
 * The page opens on the example: one workload, Today in one closed line, Planned with
 * prompt caching and the Batch API switched on.
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
async function tabUntil(page: Page, last: string, limit = 160): Promise<Focused[]> {
	const seen: Focused[] = [];
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		// Each element Tab reaches is numbered, to check the order against the document's.
		await page.evaluate((n) => document.activeElement?.setAttribute('data-tab-stop', String(n)), i);
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

		// The presets are read from the page; the rest is the layout of the example's workload.
		const presets = await page.getByRole('region', { name: 'Start from an example' }).getByRole('button').allTextContents();
		expect(presets.length, 'preset buttons').toBeGreaterThanOrEqual(2);

		// In this order (other controls may come between them: the check below that Tab follows
		// the document and misses no input covers those).
		const expected: (string | RegExp)[] = [
			...presets.map((p) => `button ${p.trim()}`),
			'button Reset',
			'combobox Price sheet',
			'checkbox US-only inference',
			'checkbox Adjust for tokenizer',
			'checkbox Show older models',
			'summary Edit prices',
			// A radio group is one Tab stop: the checked radio.
			'radio Requests',
			...pair('Requests per month'),
			...pair('Input tokens per request'),
			...pair('Cached prefix tokens'),
			...pair('Output tokens per request'),
			...pair('Web searches per request'),
			'combobox Token counts measured on',
			// Today in one line, opened with Enter.
			/^summary Today: all traffic on Sonnet 4\.6, no caching, no batch/,
			'checkbox Model routing',
			'checkbox Prompt caching',
			...pair('Cache hit ratio'),
			'radio 5 minutes',
			'checkbox Batch API',
			...pair('Batch share'),
			'checkbox Fast mode',
			'checkbox Token optimization',
			'button Add workload'
		];

		const seen = await tabUntil(page, 'button Add workload');
		const labels = seen.map((f) => f.label);

		// The header's sharing buttons come first, then the inputs in reading order.
		const firstPreset = labels.indexOf(expected[0] as string);
		expect(firstPreset, `Tab reaches the first preset; focus went through ${labels.join(' | ')}`).toBeGreaterThan(0);
		expect(labels.slice(0, firstPreset), 'before the presets: the sharing buttons').toEqual(
			expect.arrayContaining(['button Copy link', 'button Download scenario', 'button Open scenario…'])
		);
		let at = firstPreset;
		for (const want of expected) {
			const found = labels.findIndex((l, i) => i >= at && (typeof want === 'string' ? l === want : want.test(l)));
			expect(found, `Tab reaches ${String(want)} after ${labels[at - 1] ?? 'the start'}; focus went through ${labels.join(' | ')}`).toBeGreaterThanOrEqual(at);
			at = found + 1;
		}
		expect(new Set(labels).size, 'no control is reached twice').toBe(labels.length);

		// Tab follows the document (reading) order, and reaches every control of the inputs column.
		const order = await page.evaluate(() => {
			const stops = Array.from(document.querySelectorAll<HTMLElement>('[data-tab-stop]')).sort((a, b) => Number(a.dataset.tabStop) - Number(b.dataset.tabStop));
			const backwards = stops.filter((el, i) => i > 0 && !(stops[i - 1]!.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
			const column = document.querySelector('.inputs');
			const missed = Array.from(column?.querySelectorAll<HTMLInputElement>('input, select, textarea, button, summary') ?? []).filter((el) => {
				if (el.dataset.tabStop !== undefined || el.tabIndex < 0 || el.disabled) return false;
				if (el.tagName !== 'SUMMARY' && el.closest('details:not([open])')) return false;
				if (el.getBoundingClientRect().width === 0) return false;
				// Of a radio group, only the checked radio is a Tab stop.
				return !(el.type === 'radio' && !el.checked);
			});
			const describe = (el: Element) =>
				`${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
			return { backwards: backwards.map(describe), missed: missed.map(describe) };
		});
		expect(order.backwards, 'elements Tab reached before one that comes earlier in the document').toEqual([]);
		expect(order.missed, 'controls of the inputs column that Tab skipped').toEqual([]);

		const noIndicator = seen.filter((f) => !f.indicator).map((f) => `${f.label} (${f.style})`);
		expect(noIndicator, 'focused elements without a visible outline or box shadow').toEqual([]);
		const hidden = seen.filter((f) => !f.visible).map((f) => f.label);
		expect(hidden, 'focused elements with no visible box').toEqual([]);

		// Shift+Tab walks back the same way.
		await page.keyboard.press('Shift+Tab');
		expect((await focused(page))?.label).toBe('checkbox Token optimization');
		await page.keyboard.press('Shift+Tab');
		expect((await focused(page))?.label).toBe('checkbox Fast mode');
	});

	test('the results after the inputs: every focusable control shows a focus indicator', async ({ page }) => {
		await gotoCalculator(page);
		await tabUntil(page, 'button Add workload');
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
		// Every visible slider: the workload's five numbers, Cache hit ratio and Batch share.
		const sliders = await page.locator('input[type="range"]:not([disabled]):visible').count();
		expect(sliders, 'sliders on the page').toBeGreaterThanOrEqual(7);

		const moved: string[] = [];
		let ttlChecked = false;
		for (let i = 0; i < 120 && moved.length < sliders; i++) {
			await page.keyboard.press('Tab');
			const state = await page.evaluate(() => {
				const el = document.activeElement as HTMLInputElement | null;
				if (!el || el.tagName !== 'INPUT') return null;
				const field = el.type === 'range' ? el.parentElement?.querySelector<HTMLInputElement>('input[role="spinbutton"]') : null;
				return {
					type: el.type,
					name: document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? el.labels?.[0]?.textContent?.trim() ?? '',
					value: Number(el.value),
					min: Number(el.min),
					max: Number(el.max),
					// The field shows thousands separators.
					field: field ? Number(field.value.replace(/,/g, '')) : null
				};
			});
			if (!state) continue;

			if (state.type === 'radio' && state.name !== '5 minutes') {
				// Kind of workload: arrows would switch it to conversations (and its fields with it); left alone.
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
					const field = el.parentElement?.querySelector<HTMLInputElement>('input[role="spinbutton"]');
					return { value: Number(el.value), field: Number(field?.value.replace(/,/g, '')) };
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
			// On a logarithmic slider a thumb position stands for a value rounded to it (one of
			// 1,000 steps), so the field shows the value of the position it is back at.
			const home = (await read()).field;
			if (state.field !== null) expect(Math.abs(home - state.field), `${where}: the number field is back near ${state.field}`).toBeLessThanOrEqual(0.02 * state.field);

			await page.keyboard.press(bigForward as string);
			const big = await read();
			expect(sign * (big.value - state.value), `${where}: ${bigForward} moves further than ${forward}`).toBeGreaterThan(
				sign * (small.value - state.value)
			);
			if (state.field !== null) expect(sign * (big.field - state.field), `${where}: the number field follows ${bigForward}`).toBeGreaterThan(0);

			await page.keyboard.press(bigBack as string);
			await expect.poll(async () => (await read()).value, { message: `${where}: ${bigBack} moves it back` }).toBe(state.value);
			if (state.field !== null) {
				await expect.poll(async () => (await read()).field, { message: `${where}: the number field is back` }).toBeCloseTo(home, 6);
			}
			moved.push(state.name);
		}
		expect(moved.length, `sliders moved by keyboard: ${moved.join(', ')}`).toBe(sliders);
		expect(ttlChecked, 'the Cache TTL radios were reached by Tab').toBe(true);
	});

	// The parts of the page paint on their own (paint containment, src/lib/components/plan/Planner.svelte),
	// which clips what they hold to their box widened by overflow-clip-margin.
	for (const width of [360, 1280]) {
		test(`${width} px: no focus ring is cut off by a part of the page that paints on its own`, async ({ page }) => {
			await page.setViewportSize({ width, height: 800 });
			await gotoCalculator(page);
			// Every disclosure and data table open, so their controls are reached too.
			await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
			const show = page.getByRole('button', { name: 'Show data table' });
			for (let n = await show.count(); n > 0; n--) await show.first().click();
			await expect(show).toHaveCount(0);
			// Tab on from the top of the page (a click on the heading moves the starting point there).
			await page.getByRole('heading', { level: 1 }).click();
			const cut: string[] = [];
			let reached = 0;
			for (let i = 0; i < 200; i++) {
				await page.keyboard.press('Tab');
				const found = await page.evaluate(() => {
					const el = document.activeElement as HTMLElement | null;
					if (!el || el === document.body) return null;
					const style = getComputedStyle(el);
					const ring = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
					const box = el.getBoundingClientRect();
					const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
					for (let part = el.parentElement; part; part = part.parentElement) {
						const s = getComputedStyle(part);
						// A scroll box clips its content whatever it contains; only paint containment is checked.
						if (!/paint|strict|content/.test(s.contain) || s.overflowX !== 'visible' || s.overflowY !== 'visible') continue;
						const margin = parseFloat(/[\d.]+px/.exec(s.overflowClipMargin)?.[0] ?? '0');
						const clip = part.getBoundingClientRect();
						const inside =
							box.left - ring >= clip.left + parseFloat(s.borderLeftWidth) - margin - 0.5 &&
							box.right + ring <= clip.right - parseFloat(s.borderRightWidth) + margin + 0.5 &&
							box.top - ring >= clip.top + parseFloat(s.borderTopWidth) - margin - 0.5 &&
							box.bottom + ring <= clip.bottom - parseFloat(s.borderBottomWidth) + margin + 0.5;
						if (!inside) return { name, cut: `${name} (ring ${ring} px) by ${part.tagName.toLowerCase()}.${part.className}` };
					}
					return { name, cut: null };
				});
				if (!found) break;
				reached++;
				if (found.cut) cut.push(found.cut);
			}
			expect(reached, 'focusable elements reached').toBeGreaterThan(40);
			expect(cut, 'focus rings cut off').toEqual([]);
		});
	}
});
