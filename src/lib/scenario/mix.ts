/**
 * Rules of the model-mix control, as pure functions. A mix maps model ids to shares in
 * percent; every function here returns a new mix summing to exactly 100 (to 0.1 %) and
 * never mutates its input.
 *
 * Shares are kept in tenths of a percent internally so the sum stays exact.
 */
export type Mix = Record<string, number>;

const TENTHS = 10;
const FULL = 100 * TENTHS;

const toTenths = (v: number) => Math.round(v * TENTHS);
const fromTenths = (t: number) => t / TENTHS;

/**
 * Splits `total` tenths among `ids` in proportion to `weights` (equally when they are all
 * zero), in whole tenths, handing rounding leftovers to the largest remainders.
 */
function apportion(ids: readonly string[], weights: readonly number[], total: number): number[] {
	const weightSum = weights.reduce((a, b) => a + b, 0);
	const exact = ids.map((_, i) => (weightSum > 0 ? ((weights[i] as number) / weightSum) * total : total / ids.length));
	const floors = exact.map(Math.floor);
	let left = total - floors.reduce((a, b) => a + b, 0);
	const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
	for (const [, i] of order) {
		if (left <= 0) break;
		floors[i] = (floors[i] as number) + 1;
		left -= 1;
	}
	return floors;
}

/**
 * Sets one model's share and rescales the other unlocked shares in proportion so the mix
 * still sums to 100. Locked shares stay put; the new value is clamped to what they leave.
 * Example: setShare({ a: 50, b: 30, c: 20 }, 'a', 80) -> { a: 80, b: 12, c: 8 }.
 */
export function setShare(mix: Mix, id: string, value: number, locked: ReadonlySet<string> = new Set()): Mix {
	const ids = Object.keys(mix);
	if (!ids.includes(id)) return { ...mix };
	const free = ids.filter((k) => k !== id && !locked.has(k));
	const lockedTotal = ids.filter((k) => k !== id && locked.has(k)).reduce((s, k) => s + toTenths(mix[k] as number), 0);
	const available = Math.max(0, FULL - lockedTotal);
	// With nothing free to absorb the change, the share cannot move.
	const target = free.length === 0 ? available : Math.min(available, Math.max(0, toTenths(Number.isFinite(value) ? value : 0)));
	const rest = apportion(
		free,
		free.map((k) => toTenths(mix[k] as number)),
		available - target
	);
	const next: Mix = {};
	for (const k of ids) {
		if (k === id) next[k] = fromTenths(target);
		else if (locked.has(k)) next[k] = mix[k] as number;
		else next[k] = fromTenths(rest[free.indexOf(k)] as number);
	}
	return next;
}

/** Adds a model to the mix at 0 %. */
export function addModel(mix: Mix, id: string): Mix {
	return id in mix ? { ...mix } : { ...mix, [id]: 0 };
}

/**
 * Removes a model and hands its share to the unlocked others in proportion (to all others
 * when every one is locked). The last model cannot be removed.
 */
export function removeModel(mix: Mix, id: string, locked: ReadonlySet<string> = new Set()): Mix {
	const others = Object.keys(mix).filter((k) => k !== id);
	if (!(id in mix) || others.length === 0) return { ...mix };
	const free = others.filter((k) => !locked.has(k));
	const receivers = free.length ? free : others;
	const extra = apportion(
		receivers,
		receivers.map((k) => toTenths(mix[k] as number)),
		toTenths(mix[id] as number)
	);
	const next: Mix = {};
	for (const k of others) {
		const i = receivers.indexOf(k);
		next[k] = i < 0 ? (mix[k] as number) : fromTenths(toTenths(mix[k] as number) + (extra[i] as number));
	}
	return next;
}

/**
 * Scales any mix of non-negative shares to sum to 100 (equal shares when all are zero), in
 * tenths, leftovers to the largest remainders (the earlier model on a tie).
 * Part of the link contract: decoding a link whose mix is off 100 uses it, so the golden
 * URLs (tests/fixtures/golden-urls.json) pin its results.
 * Example: normalizeMix({ a: 1, b: 3 }) -> { a: 25, b: 75 }.
 */
export function normalizeMix(mix: Mix): Mix {
	const ids = Object.keys(mix);
	const tenths = apportion(
		ids,
		ids.map((k) => Math.max(0, mix[k] as number)),
		FULL
	);
	return Object.fromEntries(ids.map((k, i) => [k, fromTenths(tenths[i] as number)]));
}
