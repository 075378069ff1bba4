/*
 * salesplan chart renderer: the one script that draws every chart of the site.
 *
 * Charts are <div class="salesplan-chart" data-figure='{"data": …, "layout": …}'>. Material's
 * instant navigation swaps the page content without reloading scripts, so drawing is driven by
 * Material's document$ observable (emitted on every page load), not by per-page scripts.
 * The palette (light "default" / dark "slate") is applied at draw time and on every toggle.
 *
 * plotly.js (over a megabyte) is loaded only when a page has a chart: this script is on every
 * page, and fetches plotly.min.js from beside itself (the site's own folder, which the page's
 * Content-Security-Policy allows) the first time a page with charts is shown.
 */
(function () {
  "use strict";

  var DRAWN = "data-salesplan-drawn";
  var CONFIG = { responsive: true, displaylogo: false };
  var CLEAR = "rgba(0, 0, 0, 0)";
  var THEMES = {
    light: { font: "rgba(0, 0, 0, 0.87)", grid: "rgba(0, 0, 0, 0.1)", line: "rgba(0, 0, 0, 0.35)" },
    slate: {
      font: "rgba(226, 228, 243, 0.87)",
      grid: "rgba(226, 228, 243, 0.14)",
      line: "rgba(226, 228, 243, 0.4)"
    }
  };
  var charts = []; // chart divs drawn and not purged yet
  var PLOTLY_URL = (document.currentScript && document.currentScript.src || "").replace(
    /charts\.js(?:[?#].*)?$/,
    "plotly.min.js"
  );
  var plotlyLoading = null; // a Promise once plotly.min.js was asked for

  // plotly.js, loaded once, on the first page that has a chart.
  function plotly() {
    if (typeof window.Plotly !== "undefined") {
      return Promise.resolve(window.Plotly);
    }
    if (plotlyLoading === null) {
      plotlyLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = PLOTLY_URL;
        script.onload = function () {
          resolve(window.Plotly);
        };
        script.onerror = function () {
          plotlyLoading = null; // the next page may try again
          reject(new Error("salesplan: " + PLOTLY_URL + " could not be loaded"));
        };
        document.head.appendChild(script);
      });
    }
    return plotlyLoading;
  }

  function isDark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  // The palette as a Plotly.relayout update ("a.b" paths) for the axes the layout has.
  function themeUpdate(layout) {
    var theme = isDark() ? THEMES.slate : THEMES.light;
    var update = {
      paper_bgcolor: CLEAR,
      plot_bgcolor: CLEAR,
      "font.color": theme.font,
      "font.family": window.getComputedStyle(document.body).fontFamily,
      "legend.bgcolor": CLEAR
    };
    Object.keys(layout || {})
      .concat(["xaxis", "yaxis"])
      .forEach(function (key) {
        if (/^[xy]axis[0-9]*$/.test(key)) {
          update[key + ".gridcolor"] = theme.grid;
          update[key + ".zerolinecolor"] = theme.line;
          update[key + ".linecolor"] = theme.line;
        }
      });
    return update;
  }

  function setPath(target, path, value) {
    var keys = path.split(".");
    var node = target;
    for (var i = 0; i < keys.length - 1; i++) {
      if (typeof node[keys[i]] !== "object" || node[keys[i]] === null) {
        node[keys[i]] = {};
      }
      node = node[keys[i]];
    }
    node[keys[keys.length - 1]] = value;
  }

  // plotly.js inserts its base CSS as CSSOM rules into a <style> of <head>; Material's instant
  // navigation removes the head elements the next page does not have. So the rules are kept
  // as the element's text (re-parsed when it is put back) and the element is put back.
  var plotlyStyle = null;
  var plotlyRules = 0;

  function keepPlotlyStyle() {
    plotlyStyle = plotlyStyle || document.getElementById("plotly.js-style-global");
    if (plotlyStyle === null) {
      return;
    }
    if (!plotlyStyle.isConnected) {
      document.head.appendChild(plotlyStyle);
    } else if (plotlyStyle.sheet && plotlyStyle.sheet.cssRules.length !== plotlyRules) {
      var rules = Array.prototype.map.call(plotlyStyle.sheet.cssRules, function (rule) {
        return rule.cssText;
      });
      plotlyStyle.textContent = rules.join("\n");
      plotlyRules = rules.length;
    }
  }

  // Charts of a page left by instant navigation: free their listeners and WebGL/SVG state.
  function purgeDetached() {
    charts = charts.filter(function (div) {
      if (div.isConnected) {
        return true;
      }
      window.Plotly.purge(div);
      return false;
    });
  }

  function draw() {
    if (typeof window.Plotly !== "undefined") {
      purgeDetached();
    }
    if (document.querySelector(".salesplan-chart:not([" + DRAWN + "])") === null) {
      return; // a page without charts loads no plotly.js
    }
    plotly().then(drawAll, function (error) {
      console.warn(error.message);
    });
  }

  function drawAll() {
    keepPlotlyStyle();
    var divs = document.querySelectorAll(".salesplan-chart:not([" + DRAWN + "])");
    Array.prototype.forEach.call(divs, function (div) {
      var figure;
      try {
        figure = JSON.parse(div.getAttribute("data-figure"));
      } catch (error) {
        console.warn("salesplan: chart " + div.id + " has no readable figure");
        return;
      }
      div.setAttribute(DRAWN, "");
      var layout = figure.layout || {};
      var update = themeUpdate(layout);
      Object.keys(update).forEach(function (path) {
        setPath(layout, path, update[path]);
      });
      charts.push(div);
      window.Plotly.newPlot(div, figure.data || [], layout, CONFIG).then(keepPlotlyStyle);
    });
  }

  function retheme() {
    if (typeof window.Plotly === "undefined") {
      return;
    }
    charts.forEach(function (div) {
      if (div.isConnected && div.layout) {
        window.Plotly.relayout(div, themeUpdate(div.layout));
      }
    });
  }

  function start() {
    new MutationObserver(retheme).observe(document.body, {
      attributes: true,
      attributeFilter: ["data-md-color-scheme"]
    });
    if (typeof window.document$ === "undefined") {
      draw(); // not Material, or instant navigation unavailable: one page, one draw
    } else {
      // A ReplaySubject: emits the current page at once, then each page instant navigation shows.
      window.document$.subscribe(draw);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
