import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
				'script-src': ['self'],
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
