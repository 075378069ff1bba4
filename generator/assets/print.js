/*
 * salesplan print support: the header of every printed page, and charts at print width.
 *
 * print.css shows var(--sp-print-header) in the top margin of each printed page; this script
 * sets it from the page's .sp-print-header (team, period, as-of date) on every page Material
 * shows, instant navigation included. Before printing, charts are redrawn at the width of an
 * A4 portrait page, and given back their own width afterwards.
 */
(function () {
  "use strict";

  var PRINT_WIDTH = 680; // px: A4 portrait (210 mm) less 2 × 14 mm margins, at 96 px per inch

  function cssString(text) {
    return '"' + String(text).replace(/[\u0000-\u001f\u007f]/g, " ").replace(/["\\]/g, "\\$&") + '"';
  }

  function setHeader() {
    var source = document.querySelector(".sp-print-header");
    var style = document.documentElement.style;
    if (source) {
      style.setProperty("--sp-print-header", cssString(source.getAttribute("data-print-header")));
    } else {
      style.removeProperty("--sp-print-header");
    }
  }

  function drawnCharts() {
    return Array.prototype.filter.call(document.querySelectorAll(".salesplan-chart"), function (div) {
      return div._fullLayout && window.Plotly;
    });
  }

  window.addEventListener("beforeprint", function () {
    drawnCharts().forEach(function (div) {
      window.Plotly.relayout(div, { width: Math.min(PRINT_WIDTH, div.clientWidth || PRINT_WIDTH) });
    });
  });

  window.addEventListener("afterprint", function () {
    drawnCharts().forEach(function (div) {
      window.Plotly.relayout(div, { width: null, autosize: true });
    });
  });

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(setHeader);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setHeader);
  } else {
    setHeader();
  }
})();
