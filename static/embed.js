/*
 * Claude Cost Levers: optional host script for embedded calculators (docs/embedding.md).
 * Include it once on a page that embeds /embed in iframes; each iframe then grows and shrinks
 * to fit its content. Without it, an iframe keeps its fixed height and scrolls inside.
 *
 * It only trusts messages from the iframes on this page (event.source is the iframe's
 * window) that have the documented shape { type: "claude-cost-levers:resize", height }.
 */
(function () {
	'use strict';
	if (window.__claudeCostLeversEmbed) return;
	window.__claudeCostLeversEmbed = true;
	var MAX_HEIGHT = 20000;
	window.addEventListener('message', function (event) {
		var data = event.data;
		if (!data || data.type !== 'claude-cost-levers:resize') return;
		var height = Number(data.height);
		if (!isFinite(height) || height <= 0) return;
		var frames = document.getElementsByTagName('iframe');
		for (var i = 0; i < frames.length; i++) {
			if (frames[i].contentWindow === event.source) {
				frames[i].style.height = Math.min(Math.ceil(height), MAX_HEIGHT) + 'px';
			}
		}
	});
})();
