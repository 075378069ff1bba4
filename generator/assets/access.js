/*
 * salesplan: opens the pages of a site built with per-region passwords (docs page "Publishing
 * privately"; generator/site/locks.py and sealing.py seal them).
 *
 * A protected page carries its content sealed in `.salesplan-sealed[data-sealed]`: AES-256-GCM
 * under a key of its own, that key wrapped for each reader (a region, the head office) under a
 * key derived from the reader's password by PBKDF2-SHA-256. All of it is the browser's
 * WebCrypto; nothing here is cryptography of its own.
 *
 * - On every page Material shows (document$, instant navigation included) the keys this tab
 *   remembers are tried on the page's lock: one that opens it shows the page at once. They are
 *   kept in sessionStorage, which the browser forgets when the tab is closed.
 * - Otherwise the lock's form asks for a password; its key is derived with the salt of each
 *   reader the lock names, and remembered only when it opens the page.
 * - The opened content takes the lock's place, and Material is told the page changed
 *   (document$.next), so that it draws the diagrams and charts.js the charts of the content.
 * - A sealed download (`a[data-salesplan-file]`) is fetched, opened and saved under its name.
 * The words shown come from the lock's data attributes, in the site's language.
 */
(function () {
  "use strict";

  var STORE = "salesplan-access";
  var READY = "data-salesplan-ready";
  var subtle = window.crypto && window.crypto.subtle;

  function bytes(text) {
    var binary = window.atob(text);
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      out[i] = binary.charCodeAt(i);
    }
    return out;
  }

  function base64(data) {
    var binary = "";
    for (var i = 0; i < data.length; i++) {
      binary += String.fromCharCode(data[i]);
    }
    return window.btoa(binary);
  }

  function remembered() {
    try {
      var keys = JSON.parse(window.sessionStorage.getItem(STORE) || "[]");
      return Array.isArray(keys) ? keys : [];
    } catch (error) {
      return [];
    }
  }

  function remember(key) {
    var keys = remembered().filter(function (known) {
      return known.salt !== key.salt || known.key !== key.key;
    });
    keys.push(key);
    try {
      window.sessionStorage.setItem(STORE, JSON.stringify(keys));
    } catch (error) {
      // storage refused (a private window's quota): the next page asks again
    }
  }

  async function decrypt(raw, iv, data) {
    var key = await subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]);
    return new Uint8Array(await subtle.decrypt({ name: "AES-GCM", iv: iv }, key, data));
  }

  // What the envelope seals, opened with the first of `keys` that may open it; else null.
  async function open(envelope, keys) {
    for (var i = 0; i < envelope.keys.length; i++) {
      var wrap = envelope.keys[i];
      for (var j = 0; j < keys.length; j++) {
        if (keys[j].salt !== wrap.salt) {
          continue;
        }
        var contentKey;
        try {
          contentKey = await decrypt(bytes(keys[j].key), bytes(wrap.iv), bytes(wrap.key));
        } catch (error) {
          continue; // another key of the same reader (an older password): not this one
        }
        return decrypt(contentKey, bytes(envelope.iv), bytes(envelope.data));
      }
    }
    return null;
  }

  async function derive(password, salt, iterations) {
    var secret = new TextEncoder().encode(password);
    var material = await subtle.importKey("raw", secret, "PBKDF2", false, ["deriveBits"]);
    var bits = await subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-256", salt: bytes(salt), iterations: iterations },
      material,
      256
    );
    return { salt: salt, key: base64(new Uint8Array(bits)) };
  }

  // A typed password: its key for each reader of the envelope, the first that opens it kept.
  async function unlock(envelope, password) {
    var salts = envelope.keys
      .map(function (wrap) {
        return wrap.salt;
      })
      .filter(function (salt, index, all) {
        return all.indexOf(salt) === index;
      });
    var keys = await Promise.all(
      salts.map(function (salt) {
        return derive(password, salt, envelope.iterations);
      })
    );
    for (var i = 0; i < keys.length; i++) {
      var plain = await open(envelope, [keys[i]]);
      if (plain !== null) {
        remember(keys[i]);
        return plain;
      }
    }
    return null;
  }

  function envelopeOf(block) {
    return JSON.parse(block.getAttribute("data-sealed"));
  }

  function retitle(shown, title) {
    if (!title || title === shown) {
      return;
    }
    if (document.title.indexOf(shown) === 0) {
      document.title = title + document.title.slice(shown.length);
    }
    document.querySelectorAll(".md-header__topic .md-ellipsis").forEach(function (topic) {
      if (topic.textContent.trim() === shown) {
        topic.textContent = title;
      }
    });
  }

  function lockBar(block) {
    var bar = document.createElement("p");
    bar.className = "sp-opened";
    bar.textContent = block.getAttribute("data-opened") + " ";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button sp-lock";
    button.textContent = block.getAttribute("data-lock");
    button.addEventListener("click", function () {
      window.sessionStorage.removeItem(STORE);
      window.location.reload();
    });
    bar.appendChild(button);
    return bar;
  }

  // The opened content in place of the lock (our own sanitised markup, sealed at build time).
  function show(block, plain) {
    var payload = JSON.parse(new TextDecoder().decode(plain));
    var template = document.createElement("template");
    template.innerHTML = payload.html;
    template.content.appendChild(lockBar(block));
    retitle(block.getAttribute("data-title"), payload.title);
    block.replaceWith(template.content);
  }

  // Material and charts.js draw what the page now holds, as after a navigation.
  function redraw() {
    if (typeof window.document$ !== "undefined") {
      window.document$.next(document);
    }
  }

  async function openRemembered(blocks) {
    var keys = remembered();
    var opened = false;
    for (var i = 0; i < blocks.length && keys.length > 0; i++) {
      var plain = null;
      try {
        plain = await open(envelopeOf(blocks[i]), keys);
      } catch (error) {
        plain = null;
      }
      if (plain !== null && blocks[i].isConnected) {
        show(blocks[i], plain);
        opened = true;
      }
    }
    return opened;
  }

  function ask(block) {
    var form = block.querySelector("form.sp-unlock");
    var input = form.querySelector("input[type=password]");
    var button = form.querySelector("button");
    var message = form.querySelector(".sp-unlock-message");
    block.querySelector(".sp-sealed-script").hidden = true;
    form.hidden = false;
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      button.disabled = true;
      message.textContent = block.getAttribute("data-opening");
      var plain = null;
      try {
        plain = await unlock(envelopeOf(block), input.value.normalize("NFC").trim());
      } catch (error) {
        plain = null;
      }
      button.disabled = false;
      if (!block.isConnected) {
        return;
      }
      if (plain === null) {
        message.textContent = block.getAttribute("data-wrong");
        input.select();
        return;
      }
      show(block, plain);
      await openRemembered(document.querySelectorAll(".salesplan-sealed"));
      redraw();
    });
  }

  async function onPage() {
    var blocks = Array.prototype.slice.call(
      document.querySelectorAll(".salesplan-sealed:not([" + READY + "])")
    );
    blocks.forEach(function (block) {
      block.setAttribute(READY, "");
    });
    if (blocks.length === 0) {
      return;
    }
    if (!subtle) {
      blocks.forEach(function (block) {
        block.querySelector(".sp-sealed-script").textContent =
          block.getAttribute("data-unsupported");
      });
      return;
    }
    if (await openRemembered(blocks)) {
      redraw();
    }
    blocks.forEach(function (block) {
      if (block.isConnected) {
        ask(block);
      }
    });
  }

  function save(data, name) {
    var url = URL.createObjectURL(new Blob([data], { type: "application/octet-stream" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 10000);
  }

  // Sealed downloads: opened with the keys that opened the page, saved under their own name.
  async function download(link) {
    try {
      var response = await fetch(link.href, { credentials: "same-origin" });
      var plain = await open(await response.json(), remembered());
      if (plain === null) {
        throw new Error("no key of this tab opens it");
      }
      save(plain, link.getAttribute("data-salesplan-file"));
    } catch (error) {
      console.warn("salesplan: " + link.href + " could not be opened: " + error.message);
    }
  }

  function start() {
    window.addEventListener(
      "click",
      function (event) {
        var link = event.target.closest && event.target.closest("a[data-salesplan-file]");
        if (link && subtle) {
          event.preventDefault();
          event.stopPropagation();
          download(link);
        }
      },
      true
    );
    if (typeof window.document$ === "undefined") {
      onPage(); // not Material: one page, one look
    } else {
      window.document$.subscribe(function () {
        onPage();
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
