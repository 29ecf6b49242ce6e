// fast-check as mutation runs see it (stryker.vitest.config.ts aliases "fast-check" here): the
// real library, except that a property runs at most MAX_RUNS cases. A mutant runs every test
// that covers it, and the fuzz tests' thousands of cases would make a run of urlCodec.ts take
// hours; the fixed seed (fixedSeed.ts) keeps the cases the same for every mutant.
import real from 'fast-check-real';

export * from 'fast-check-real';

/** The most cases one property runs in a mutation run. */
export const MAX_RUNS = 100;

/** fc.assert with numRuns capped at MAX_RUNS. */
export function assert(property, params = {}) {
	return real.assert(property, { ...params, numRuns: Math.min(params.numRuns ?? 100, MAX_RUNS) });
}

/** fc.check with numRuns capped at MAX_RUNS. */
export function check(property, params = {}) {
	return real.check(property, { ...params, numRuns: Math.min(params.numRuns ?? 100, MAX_RUNS) });
}

export default { ...real, assert, check };
