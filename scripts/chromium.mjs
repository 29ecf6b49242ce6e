// The system Chromium every browser tool here drives (Playwright tests, the latency script,
// Lighthouse): Debian's /usr/bin/chromium, never a downloaded browser. The flags keep it
// headless-friendly as root and off the network (this machine has none beyond localhost).
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];
