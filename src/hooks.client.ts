import type { HandleClientError } from '@sveltejs/kit';

/**
 * Errors in the browser. A path with no page (build/404.html starts the app, which finds no
 * route) is an expected outcome shown by src/routes/+error.svelte, not a fault: it is not
 * logged. Anything else is logged to the console, as SvelteKit's default does.
 */
export const handleError: HandleClientError = ({ error, status, message }) => {
	if (status !== 404) console.error(error);
	return { message };
};
