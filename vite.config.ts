import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit(), svelteTesting()],
	server: { port: 5173 },
	preview: { port: 4173 },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts'],
		environment: 'node',
		// A test that asserts nothing is a defect: fail it.
		expect: { requireAssertions: true }
	}
});
