// Small progressive enhancements; the site works without JavaScript.
// Loaded in <head> without defer so that the reader's saved text size and
// contrast apply before the first paint (no flash of the default look).
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZE_KEY = "portal.textSize";
  var CONTRAST_KEY = "portal.contrast";
  var MIN_SIZE = -2;
  var MAX_SIZE = 4;

  // localStorage may be unavailable (private mode, blocked storage).
  function load(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }
  function save(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (e) {
      // The setting still applies to this page.
    }
  }

  function currentSize() {
    var size = parseInt(root.getAttribute("data-text-scale") || "0", 10);
    return isNaN(size) ? 0 : size;
  }
  function applySize(size) {
    size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, size));
    if (size === 0) {
      root.removeAttribute("data-text-scale");
    } else {
      root.setAttribute("data-text-scale", String(size));
    }
    return size;
  }
  function applyContrast(on) {
    if (on) {
      root.setAttribute("data-high-contrast", "");
    } else {
      root.removeAttribute("data-high-contrast");
    }
    var button = document.querySelector("button[data-contrast]");
    if (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  applySize(parseInt(load(SIZE_KEY) || "0", 10) || 0);
  if (load(CONTRAST_KEY) === "high") {
    root.setAttribute("data-high-contrast", "");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var tools = document.querySelector("[data-a11y-tools]");
    if (tools) {
      tools.hidden = false;
    }
    var copyButtons = document.querySelectorAll("button[data-copy-link]");
    for (var i = 0; i < copyButtons.length; i++) {
      copyButtons[i].hidden = false;
    }
    applyContrast(root.hasAttribute("data-high-contrast"));
    enhanceMenu(document.querySelector("details[data-menu]"));
  });

  // The menu is a <details>: a full list behind a toggle on narrow screens,
  // a bar on wide ones (CSS ::details-content). Browsers without that
  // selector get the bar by opening the <details>; Escape and a tap
  // elsewhere close the list.
  function enhanceMenu(menu) {
    if (!menu) {
      return;
    }
    var wide = window.matchMedia("(min-width: 960px)");
    var supported = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
    if (!supported && wide.matches) {
      var groups = menu.querySelectorAll("details");
      menu.open = true;
      for (var i = 0; i < groups.length; i++) {
        groups[i].open = true;
      }
    }
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open && !wide.matches) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (menu.open && !wide.matches && !menu.contains(event.target)) {
        menu.open = false;
      }
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) {
      return;
    }
    var sizeButton = target.closest("button[data-text-size]");
    if (sizeButton) {
      var step = parseInt(sizeButton.getAttribute("data-text-size"), 10);
      var size = applySize(step === 0 ? 0 : currentSize() + step);
      save(SIZE_KEY, String(size));
      return;
    }
    if (target.closest("button[data-contrast]")) {
      var on = !root.hasAttribute("data-high-contrast");
      applyContrast(on);
      save(CONTRAST_KEY, on ? "high" : "normal");
      return;
    }
    if (target.closest("[data-print]")) {
      window.print();
      return;
    }
    var copy = target.closest("button[data-copy-link]");
    if (copy) {
      copyLink(copy.getAttribute("data-copy-link"));
    }
  });

  // "Sao chép liên kết": the Clipboard API where allowed (HTTPS), otherwise
  // a selected text field and execCommand, otherwise the link to copy by hand.
  function copyLink(url) {
    var status = document.querySelector("[data-copy-status]");
    function say(text) {
      if (status) {
        status.textContent = text;
      }
    }
    function fallback() {
      var field = document.createElement("textarea");
      field.value = url;
      field.setAttribute("readonly", "");
      field.className = "visually-hidden";
      document.body.appendChild(field);
      field.select();
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (e) {
        done = false;
      }
      document.body.removeChild(field);
      say(done ? "Đã sao chép liên kết." : "Hãy sao chép liên kết này: " + url);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () {
        say("Đã sao chép liên kết.");
      }, fallback);
    } else {
      fallback();
    }
  }
})();
