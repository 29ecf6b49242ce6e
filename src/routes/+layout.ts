// The whole site is static: every route prerenders at build time.
export const prerender = true;
export const trailingSlash = 'never';
