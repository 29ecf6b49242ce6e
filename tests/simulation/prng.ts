// A seeded pseudo-random generator for the simulations, so every run draws the same numbers.

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): uniform numbers in [0, 1) from a seed.
 * Example: mulberry32(1)() is the same number on every run and every machine.
 */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An exponentially distributed draw with this mean (mean 0 gives 0). */
export function exponential(random: () => number, mean: number): number {
	return -Math.log(1 - random()) * mean;
}
