/*
 * Claude Cost Levers: optional host script for embedded calculators (docs/embedding.md).
 * Include it once on a page that embeds /embed in iframes; each iframe then grows and shrinks
 * to fit its content. Without it, an iframe keeps its fixed height and scrolls inside.
 *
 * What it trusts: a message of the documented shape { type: "claude-cost-levers:resize",
 * height } whose sender (event.source) is an iframe on this page whose src is on the
 * calculator's origin (the origin this script was loaded from), and that comes from that
 * origin (or from "null" when the iframe is sandboxed without allow-same-origin). Anything
 * else is ignored: another frame on the page (an ad, a widget, a frame that navigated the
 * calculator's iframe elsewhere) cannot resize anything. Heights are clamped to 100..10000 px.
 *
 * What it reads: nothing a named element can shadow. The host page may hold markup it does
 * not control; `<img name="getElementsByTagName">` or `<form id="…">` shadows properties of
 * `document` and `window` (DOM clobbering), so document methods are taken from
 * Document.prototype, and the run-once mark is a Symbol (no element name can be one).
 */
(function () {
	'use strict';
	var MIN_HEIGHT = 100;
	var MAX_HEIGHT = 10000;
	var RESIZE = 'claude-cost-levers:resize';
	var ONCE = Symbol.for('claude-cost-levers.embed');

	var doc = window.document; // [LegacyUnforgeable]: no element can shadow it
	var proto = Document.prototype;
	var getElementsByTagName = proto.getElementsByTagName;
	var currentScript = Object.getOwnPropertyDescriptor(proto, 'currentScript');
	var iframeSrc = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'src');
	var iframeWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
	var scriptSrc = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src');
	var hasAttribute = Element.prototype.hasAttribute;
	var getAttribute = Element.prototype.getAttribute;
	var listen = EventTarget.prototype.addEventListener;

	// The calculator's origin: where this script came from (read while it runs; an async
	// script has its currentScript too). Without it, nothing can be checked: do nothing.
	var script = currentScript && currentScript.get ? currentScript.get.call(doc) : null;
	var calculator = originOf(script instanceof HTMLScriptElement ? scriptSrc.get.call(script) : '');
	if (!calculator) return;

	// Once per calculator origin, however many times the page includes this script.
	var started = window[ONCE] || Object.create(null);
	if (started[calculator]) return;
	started[calculator] = true;
	if (!window[ONCE]) Object.defineProperty(window, ONCE, { value: started });

	listen.call(window, 'message', function (event) {
		var data = event.data;
		if (!data || typeof data !== 'object' || data.type !== RESIZE) return;
		var height = typeof data.height === 'number' ? data.height : NaN;
		if (!isFinite(height) || height <= 0 || !event.source) return;
		var frames = getElementsByTagName.call(doc, 'iframe');
		for (var i = 0; i < frames.length; i++) {
			var frame = frames[i];
			if (iframeWindow.get.call(frame) !== event.source) continue;
			// The frame must be the calculator's: its src on that origin, and no srcdoc replacing it.
			if (originOf(iframeSrc.get.call(frame)) !== calculator || hasAttribute.call(frame, 'srcdoc')) return;
			// A sandboxed frame (no allow-same-origin) posts from the origin "null".
			var sandboxed = hasAttribute.call(frame, 'sandbox') && !/(^|\s)allow-same-origin(\s|$)/i.test(getAttribute.call(frame, 'sandbox') || '');
			if (event.origin !== calculator && !(sandboxed && event.origin === 'null')) return;
			frame.style.height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height))) + 'px';
			return;
		}
	});

	/** The origin of an http(s) address, or '' for anything else. */
	function originOf(href) {
		try {
			var url = new URL(href);
			return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : '';
		} catch (e) {
			return '';
		}
	}
})();
