import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The hashes of the inline scripts in src/app.html (SvelteKit hashes only its own). Read from
 * the template itself, so an edit to a script there cannot leave a stale hash behind.
 */
const appHtmlScriptHashes = [...readFileSync(new URL('./src/app.html', import.meta.url), 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
	(match) => /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}`)
);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { discloseVersion: false },
	kit: {
		// Every page prerenders to static files in build/; nothing runs on a server.
		// build/404.html is the fallback page static hosts serve, with status 404, for any
		// path without a file: it starts the app, which finds no route and shows
		// src/routes/+error.svelte. Its asset paths are absolute, so it works at any depth.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		// Content Security Policy (docs/security.md). With adapter-static it is a
		// <meta http-equiv="content-security-policy"> in every prerendered page; SvelteKit
		// adds the sha256 hash of its own inline start-up script to script-src.
		// frame-ancestors cannot be set in a meta tag: it is a response header
		// (static-headers.json, docs/security.md).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', ...appHtmlScriptHashes],
				// Style attributes (style:aspect-ratio, app.html's wrapper) need 'unsafe-inline';
				// only scripts are held to hashes.
				'style-src': ['self', 'unsafe-inline'],
				// Scenario files download through blob: URLs; data: for any image made in the page.
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'frame-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
