/**
 * Caching that follows the traffic, in the browser: hit ratios derived from a traffic pattern
 * (docs/pricing-model.md §4), the TTL advice, conversation workloads turn by turn (§5), and the
 * round trip of traffic and kind through a link, a file and an embed.
 *
 * The page opens on the example (src/lib/scenario/defaults.ts, exampleScenarioV2): support
 * triage on Sonnet 4.6 ($3 in, $3.75 5-minute write, $6 1-hour write, $0.30 read, $15 out),
 * 13,500 input tokens of which 12,000 a cached prefix, 800 output, counted on the legacy
 * tokenizer (Sonnet 4.6's own, so no scaling); Planned: 5-minute caching and 40 % batch.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, gotoCalculator, numberField, setInput, test, waitForCharts } from './helpers';

const SWITCH = 'Estimate hit ratio from traffic';

/** A table found by its caption, as the text of its body rows (cells joined by " | "). */
async function tableRows(table: Locator): Promise<string[]> {
	await expect(table).toBeVisible();
	return table.locator('tbody tr').evaluateAll((rows) =>
		rows.map((r) =>
			Array.from((r as HTMLTableRowElement).cells)
				.map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())
				.join(' | ')
		)
	);
}

function derivedTable(page: Page, workload = 'Support triage'): Locator {
	return page.getByRole('table', { name: `Hit ratio from traffic: ${workload}`, exact: true });
}

async function typeTraffic(page: Page, requests: number, prefixes: number, hours: number, days: number): Promise<void> {
	await setInput(page, 'Requests per month', requests);
	const toggle = page.getByRole('checkbox', { name: SWITCH, exact: true });
	if (!(await toggle.isChecked())) await toggle.check();
	await expect(toggle).toBeChecked();
	await setInput(page, 'Distinct prefixes', prefixes);
	await setInput(page, 'Active hours per day', hours);
	await setInput(page, 'Active days per month', days);
}

test.describe('hit ratio from traffic', () => {
	test('10,080 requests a month on one prefix around the clock: both TTLs, per model, Today and Planned; the advice', async ({ page }) => {
		await gotoCalculator(page);
		await expect(page.getByRole('spinbutton', { name: 'Distinct prefixes', exact: true })).toHaveCount(0);
		await typeTraffic(page, 10_080, 1, 24, 30);

		// 10,080 / (1 × 24 × 30) = 14 requests an hour per prefix, λ = 14/60 a minute.
		// 5 minutes: 1 − e^(−14 × 5/60) = 1 − e^(−1.16667) = 1 − 0.311403 = 68.86 % -> "68.9 %"
		// 1 hour:    1 − e^(−14) = 1 − 0.00000083153 = 99.99992 % -> "99.9999 %"
		await expect(page.getByText('10,080 requests a month make 14 requests an hour per prefix', { exact: false })).toBeVisible();
		expect(await tableRows(derivedTable(page))).toEqual(['Sonnet 4.6 | 68.9 % | 99.9999 % | 68.9 % (in use) | 99.9999 %']);
		await expect(page.getByText('routing a share of the traffic to another model lowers the hit ratio on both', { exact: false })).toBeVisible();

		// The typed hit ratios give way: Planned's, and Today's once Today caches.
		await expect(numberField(page, 'Cache hit ratio')).toBeDisabled();
		await page.locator('summary', { hasText: 'Today:' }).click();
		await page.getByRole('checkbox', { name: 'Caching today', exact: true }).check();
		await expect(numberField(page, "Today's cache hit ratio")).toBeDisabled();

		// The advice, on the Planned settings (40 % batch: every rate × (0.6 + 0.4 × 0.5) = 0.8):
		//   none:      (13,500 × 3 + 800 × 15) / 1e6 × 0.8 = $0.042;                  × 10,080 = $423.36
		//   5 minutes: 0.0492 at h = 0, 0.01608 at h = 1: 0.0492 − 0.03312 × 0.688597 = 0.026394; × 10,080 = $266.05
		//   1 hour:    0.0708 at h = 0, 0.01608 at h = 1: ≈ 0.01608005;                × 10,080 = $162.09
		// 1 hour is cheapest, by 266.05 − 162.09 = $103.96 a month ("$104": whole dollars from $100).
		const advice = page.getByRole('region', { name: 'Cache TTL advice: Support triage', exact: true });
		expect(await tableRows(advice.getByRole('table', { name: 'Monthly cost at 14 requests an hour per prefix', exact: true }))).toEqual([
			'No cache | — | $423',
			'5-minute caching | 68.9 % | $266',
			'1-hour caching (cheapest) | 99.9999 % | $162'
		]);
		await expect(advice.getByText('Planned uses 5-minute caching: 1-hour caching would cost $104 a month less on Sonnet 4.6.', { exact: false })).toBeVisible();
		await expect(advice.getByText('The cheapest choice changes at 0.75 requests an hour per prefix (538 a month): from no caching to 1-hour caching', { exact: false })).toBeVisible();

		const chart = advice.getByRole('figure', { name: 'Monthly cost vs traffic rate: Support triage', exact: true });
		await expect(chart.locator('.chart-caption')).toContainText('At 14 requests an hour per prefix, 1-hour caching is cheapest: $104 a month less than 5-minute.');
		await expect(chart.locator('.chart-caption')).toContainText('5-minute $266 at a 68.9 % hit ratio, 1-hour $162 at 99.9999 %.');
		// Chart.js drew on the canvas (it keeps a record on every canvas it draws on).
		await chart.scrollIntoViewIfNeeded();
		await expect.poll(() => chart.locator('canvas').evaluate((c) => '$chartjs' in c)).toBe(true);
		await chart.getByRole('button', { name: 'Show data table' }).click();
		await expect(chart.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '14 (your traffic)', exact: true }) })).toContainText('10,080');

		// The assumptions and limits, one click away.
		const limits = advice.locator('details', { hasText: 'Assumptions and limits' });
		await expect(limits.getByText('Poisson process', { exact: false })).toBeHidden();
		await limits.locator('summary').click();
		await expect(limits.getByText('Poisson process', { exact: false })).toBeVisible();
		await expect(limits).toContainText('30 % to 98 %');

		// Turning it off gives the typed ratio back and removes the advice.
		await page.getByRole('checkbox', { name: SWITCH, exact: true }).uncheck();
		await expect(numberField(page, 'Cache hit ratio')).toBeEnabled();
		await expect(advice).toHaveCount(0);
	});

	test('a model carrying half the traffic has a lower hit ratio than one carrying all of it (7 an hour, not 14)', async ({ page }) => {
		await gotoCalculator(page);
		await typeTraffic(page, 10_080, 1, 24, 30);
		// Today splits the traffic half and half with Haiku 4.5; Planned keeps it all on Sonnet 4.6.
		await page.locator('summary', { hasText: 'Today:' }).click();
		await page.getByRole('combobox', { name: "Add a model to Today's mix", exact: true }).selectOption('haiku-4-5');
		await page.getByRole('group', { name: "Today's model mix" }).getByRole('button', { name: 'Add', exact: true }).click();
		await setInput(page, 'Today: Sonnet 4.6 share', 50);
		await expect(numberField(page, 'Today: Haiku 4.5 share')).toHaveValue('50');
		// 7 an hour on each model Today: 5 minutes 1 − e^(−7/12) = 44.2 %, 1 hour 1 − e^(−7) = 99.9 %;
		// Planned, all 14 an hour on Sonnet 4.6: 68.9 % and 99.9999 %.
		expect(await tableRows(derivedTable(page))).toEqual([
			'Sonnet 4.6 | 44.2 % | 99.9 % | 68.9 % (in use) | 99.9999 %',
			'Haiku 4.5 | 44.2 % | 99.9 % | — | —'
		]);
	});
});

test.describe('conversation workloads', () => {
	test('the per-turn table: prompt L_j = S + (j − 1)(u + o) + u, reads, writes and costs by hand', async ({ page }) => {
		await gotoCalculator(page);
		await page.getByRole('radio', { name: 'Conversations (chats, agents)' }).check();

		// The defaults first (S = 5,000, u = 800, o = 400): turn 5 sends 5,000 + 4 × 1,200 + 800 = 10,600.
		const turns = page.getByRole('table', { name: 'Turn by turn on Sonnet 4.6', exact: true });
		expect((await tableRows(turns))[4]).toMatch(/^5 \| 10,600 \| /);

		// §11.9: S = 2,000, u = 100, o = 50, 3 turns, back to back, no system prompt hits.
		await setInput(page, 'System prompt tokens', 2000);
		await setInput(page, 'New input tokens per turn', 100);
		await setInput(page, 'Output tokens per turn', 50);
		await setInput(page, 'Turns per conversation', 3);
		await setInput(page, 'Seconds between turns', 0);
		await setInput(page, 'System prompt hit ratio', 0);
		// L_1 = 2,000 + 100 = 2,100; L_2 = 2,000 + 150 + 100 = 2,250; L_3 = 2,000 + 300 + 100 = 2,400.
		// Turn 1 writes all 2,100: (2,100 × 3.75 + 50 × 15) / 1e6 = (7,875 + 750) / 1e6 = $0.008625.
		// Turn 2 reads L_1 = 2,100 and writes 150; turn 3 reads 2,250 and writes 150.
		// Uncached: L_j × 3 + 750 -> $0.00705, $0.0075, $0.00795.
		expect(await tableRows(turns)).toEqual([
			'1 | 2,100 | 0 | 2,100 | $0.008625 | $0.00705',
			expect.stringMatching(/^2 \| 2,250 \| 2,100 \| 150 \| \$0\.00194\d \| \$0\.0075$/),
			expect.stringMatching(/^3 \| 2,400 \| 2,250 \| 150 \| \$0\.00198\d \| \$0\.00795$/)
		]);

		// The chart: cost against length, uncached turn 3 against turn 1: 7,950 / 7,050 = 1.13.
		const chart = page.getByRole('figure', { name: 'Cost per conversation vs turns: Support triage', exact: true });
		await expect(chart.locator('.chart-caption')).toContainText('Uncached, turn 3 costs 1.13x turn 1, because every turn resends the whole history');
		await chart.scrollIntoViewIfNeeded();
		await expect.poll(() => chart.locator('canvas').evaluate((c) => '$chartjs' in c)).toBe(true);
		await chart.getByRole('button', { name: 'Show data table' }).click();
		// Σ L_j over 20 turns = 20 × 2,000 + 150 × 190 + 20 × 100 = 70,500
		await expect(chart.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '20', exact: true }) })).toContainText('70,500');
		await expect(page.getByText('No Batch API for conversations', { exact: false })).toBeVisible();
	});

	test('Haiku 5.5 across its band: the turn where the band starts is marked', async ({ page }) => {
		await gotoCalculator(page);
		await page.getByRole('radio', { name: 'Conversations (chats, agents)' }).check();
		await page.locator('summary', { hasText: 'Today:' }).click();
		await page.getByRole('combobox', { name: "Today's model", exact: true }).selectOption('haiku-5-5');
		await page.getByRole('combobox', { name: 'Token counts measured on', exact: true }).selectOption('2026');
		await setInput(page, 'System prompt tokens', 20000);
		await setInput(page, 'New input tokens per turn', 3000);
		await setInput(page, 'Output tokens per turn', 1000);
		await setInput(page, 'Turns per conversation', 22);
		// L_j = 23,000 + 4,000 (j − 1): L_20 = 99,000, L_21 = 103,000 > 100,000.
		const rows = await tableRows(page.getByRole('table', { name: 'Turn by turn on Haiku 5.5', exact: true }));
		expect(rows[19]).toMatch(/^20 \| 99,000 \| /);
		expect(rows[20]).toMatch(/^21 \(band starts: prompt above 100,000 tokens\) \| 103,000 \| /);
		await expect(page.getByText("From turn 21 the prompt is above 100,000 tokens, and Haiku 5.5 bills the whole turn at its band's rates.")).toBeVisible();
	});
});

test.describe('round trip', () => {
	test('traffic and kind travel in the link, the scenario file and the embed', async ({ page }, testInfo) => {
		await gotoCalculator(page);
		// §4 check: 10,000 a month on one prefix, 8 hours, 22 days -> 98.91 % (5 minutes) and 99.78 % (1 hour).
		await typeTraffic(page, 10_000, 1, 8, 22);
		const expected = ['Sonnet 4.6 | 98.9 % | 99.8 % | 98.9 % (in use) | 99.8 %'];
		expect(await tableRows(derivedTable(page))).toEqual(expected);

		// The link: the address bar follows the inputs (throttled: wait for the last one typed).
		await expect.poll(() => new URL(page.url()).searchParams.get('w1.tr')).toBe('1,8,22');
		const link = page.url();
		await gotoCalculator(page, link.replace(/^https?:\/\/[^/]+/, ''));
		await expect(page.getByRole('checkbox', { name: SWITCH, exact: true })).toBeChecked();
		await expect(numberField(page, 'Active hours per day')).toHaveValue('8');
		await expect(numberField(page, 'Active days per month')).toHaveValue('22');
		expect(await tableRows(derivedTable(page))).toEqual(expected);

		// The embed: the same calculator from the same query.
		await page.goto(`/embed${new URL(link).search}`);
		await expect(page.getByRole('table', { name: 'Monthly cost at 56.82 requests an hour per prefix', exact: true })).toBeVisible({ timeout: 10_000 });

		// The file: download, go back to the example, open it again (as a conversation workload this time).
		await gotoCalculator(page, link.replace(/^https?:\/\/[^/]+/, ''));
		await expect(page.getByRole('checkbox', { name: SWITCH, exact: true })).toBeChecked();
		await page.getByRole('radio', { name: 'Conversations (chats, agents)' }).check();
		await expect(page.getByRole('table', { name: 'Turn by turn on Sonnet 4.6', exact: true })).toBeVisible();
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download scenario' }).click()]);
		const path = testInfo.outputPath('scenario.json');
		await download.saveAs(path);
		const file = JSON.parse(await readFile(path, 'utf8')) as { workloads: { kind: string; traffic: unknown }[] };
		expect(file.workloads[0]).toMatchObject({ kind: 'conversations', traffic: { distinctPrefixes: 1, activeHoursPerDay: 8, activeDaysPerMonth: 22 } });

		await gotoCalculator(page);
		await expect(page.getByRole('checkbox', { name: SWITCH, exact: true })).not.toBeChecked();
		await page.getByLabel('Open scenario file').setInputFiles(path);
		await expect(page.getByRole('radio', { name: 'Conversations (chats, agents)' })).toBeChecked();
		await expect(page.getByRole('checkbox', { name: SWITCH, exact: true })).toBeChecked();
		await expect(numberField(page, 'Active hours per day')).toHaveValue('8');
		// 10,000 conversations × 10 turns on one system prompt, 8 hours, 22 days: 100,000 turns, one miss a
		// window of 100,000 / 22 = 4,545.5: 1 − 22 / 100,000 = 99.978 % -> "99.98 %" for both TTLs.
		expect(await tableRows(derivedTable(page))).toEqual(['Sonnet 4.6 | 99.98 % | 99.98 % | 99.98 % (in use) | 99.98 %']);
	});
});

test.describe('accessibility', () => {
	test('no axe violations with traffic, TTL advice and a conversation workload on the page', async ({ page }) => {
		test.slow(); // two axe runs over a page with three charts
		await gotoCalculator(page);
		await typeTraffic(page, 10_080, 1, 24, 30);
		await expect(page.getByRole('region', { name: 'Cache TTL advice: Support triage', exact: true })).toBeVisible();
		await page.locator('details', { hasText: 'Assumptions and limits' }).first().locator('summary').click();
		const first = await new AxeBuilder({ page }).include('.traffic').include('.advice').analyze();
		expect(first.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

		await page.getByRole('radio', { name: 'Conversations (chats, agents)' }).check();
		await expect(page.getByRole('table', { name: 'Turn by turn on Sonnet 4.6', exact: true })).toBeVisible();
		const second = await new AxeBuilder({ page }).include('.traffic').include('.conversation').analyze();
		expect(second.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	});
});

test('at 360 px the page never scrolls sideways with the traffic table, the advice and the per-turn table', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 800 });
	await gotoCalculator(page);
	await typeTraffic(page, 10_080, 1, 24, 30);
	await expect(derivedTable(page)).toBeVisible();
	await expect(page.getByRole('region', { name: 'Cache TTL advice: Support triage', exact: true })).toBeVisible();
	const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(await sideways()).toBe(0);
	await page.getByRole('radio', { name: 'Conversations (chats, agents)' }).check();
	await expect(page.getByRole('table', { name: 'Turn by turn on Sonnet 4.6', exact: true })).toBeVisible();
	expect(await sideways()).toBe(0);
});
