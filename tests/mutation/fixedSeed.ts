// Loaded before every test file in mutation runs only (stryker.vitest.config.ts): the property
// tests draw the same cases on every run, so a mutant's verdict never depends on luck and a
// rare counterexample cannot fail Stryker's initial run. `npm test` keeps random seeds.
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261129 });
