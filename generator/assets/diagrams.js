/*
 * salesplan: Mermaid (several megabytes) loaded only when a page shows a diagram.
 *
 * Material for MkDocs draws `pre.mermaid` blocks with the global `mermaid` when there is one,
 * and otherwise fetches Mermaid from a CDN, which corporate networks block and the site's
 * Content-Security-Policy forbids. So this script, on every page, sets a small stand-in as the
 * global `mermaid`: Material calls its `initialize` and `render` only on a page with a diagram
 * (also after instant navigation), and the first `render` loads mermaid.min.js from beside this
 * script. That script replaces the stand-in with the real Mermaid, which then draws the diagram
 * with the settings Material gave.
 */
(function () {
  "use strict";

  if (typeof window.mermaid !== "undefined") {
    return; // Mermaid is already on the page
  }
  var MERMAID_URL = (document.currentScript && document.currentScript.src || "").replace(
    /diagrams\.js(?:[?#].*)?$/,
    "mermaid.min.js"
  );
  var settings = null;
  var loading = null;

  function load() {
    if (loading === null) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = MERMAID_URL;
        script.onload = function () {
          var mermaid = window.mermaid;
          if (settings !== null) {
            mermaid.initialize(settings);
          }
          resolve(mermaid);
        };
        script.onerror = function () {
          loading = null;
          reject(new Error("salesplan: " + MERMAID_URL + " could not be loaded"));
        };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  window.mermaid = {
    initialize: function (options) {
      settings = options;
    },
    render: function (id, text) {
      return load().then(function (mermaid) {
        return mermaid.render(id, text);
      });
    }
  };
})();
