/**
 * The site's root address for a page of it: the calculator's pages (/, /embed) sit at the
 * root, so this is the folder of the page's address, without file name, query or fragment
 * ("https://calc.example/index.html?v=1" -> "https://calc.example/"). The Embed dialog builds
 * its addresses from here. A module of its own: `/` needs it at first paint, and nothing else
 * of the embed options.
 */
export function siteRoot(pageHref: string): string {
	return new URL('./', pageHref).href;
}
