// Progressive enhancement only: every page works without this file.
// - button[data-copy]: copies the attribute's text; button[data-copy-target]: copies the text of
//   the element with that id. Buttons ship hidden and are shown here, once copying can work.
// - [data-tabs]: turns its .sample children (each with data-tab-label) into tabs.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      document.body.removeChild(area);
      if (ok) {
        resolve();
      } else {
        reject(new Error("copy failed"));
      }
    });
  }

  function textFor(button) {
    if (button.hasAttribute("data-copy")) {
      return button.getAttribute("data-copy");
    }
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    return target ? target.textContent : null;
  }

  // Shows the outcome on the button for a moment; the aria-label changes too, since it is what
  // screen readers announce instead of the text.
  function flash(button, label) {
    if (!button.hasAttribute("data-text")) {
      button.setAttribute("data-text", button.textContent);
      button.setAttribute("data-aria", button.getAttribute("aria-label") || "");
    }
    button.textContent = label;
    button.setAttribute("aria-label", label);
    button.classList.toggle("copied", label === "Copied");
    clearTimeout(button.copyTimer);
    button.copyTimer = setTimeout(function () {
      button.textContent = button.getAttribute("data-text");
      var aria = button.getAttribute("data-aria");
      if (aria) {
        button.setAttribute("aria-label", aria);
      } else {
        button.removeAttribute("aria-label");
      }
      button.classList.remove("copied");
    }, 1600);
  }

  function setUpCopy() {
    var buttons = document.querySelectorAll("button[data-copy], button[data-copy-target]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.setAttribute("aria-live", "polite");
      button.addEventListener("click", function () {
        var text = textFor(button);
        if (text === null) {
          return;
        }
        copyText(text).then(
          function () { flash(button, "Copied"); },
          function () { flash(button, "Press Ctrl+C"); }
        );
      });
    });
  }

  function select(tabs, panels, index, focus) {
    tabs.forEach(function (tab, i) {
      var active = i === index;
      tab.setAttribute("aria-selected", active ? "true" : "false");
      tab.tabIndex = active ? 0 : -1;
      panels[i].hidden = !active;
    });
    if (focus) {
      tabs[index].focus();
    }
  }

  function onKey(tabs, panels, event) {
    var current = tabs.indexOf(document.activeElement);
    var next = -1;
    if (event.key === "ArrowRight") next = (current + 1) % tabs.length;
    if (event.key === "ArrowLeft") next = (current - 1 + tabs.length) % tabs.length;
    if (event.key === "Home") next = 0;
    if (event.key === "End") next = tabs.length - 1;
    if (next >= 0) {
      event.preventDefault();
      select(tabs, panels, next, true);
    }
  }

  function makeTabs(container) {
    var panels = Array.prototype.slice.call(container.querySelectorAll(":scope > [data-tab-label]"));
    if (panels.length < 2) {
      return;
    }
    var list = document.createElement("div");
    list.className = "tablist";
    list.setAttribute("role", "tablist");
    var tabs = panels.map(function (panel, i) {
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = panel.id + "-tab";
      tab.textContent = panel.getAttribute("data-tab-label");
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      tab.addEventListener("click", function () { select(tabs, panels, i, false); });
      list.appendChild(tab);
      return tab;
    });
    list.addEventListener("keydown", function (event) { onKey(tabs, panels, event); });
    container.insertBefore(list, container.firstChild);
    container.classList.add("tabbed");
    select(tabs, panels, 0, false);
  }

  // The live banner: progressive enhancement over the Server-Sent Events feed of new models.
  function setUpLiveBanner() {
    var banner = document.getElementById("live-banner");
    if (!banner || typeof window.EventSource !== "function") {
      return;
    }
    var count = 0;
    var source = new window.EventSource(banner.getAttribute("data-events"));
    source.addEventListener("models.added", function (event) {
      var data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      count += typeof data.count === "number" && data.count > 0 ? data.count : 1;
      banner.querySelector("a").textContent =
        count + (count === 1 ? " new model" : " new models") + " \u2014 show";
      banner.hidden = false;
    });
  }

  function start() {
    setUpLiveBanner();
    setUpCopy();
    Array.prototype.forEach.call(document.querySelectorAll("[data-tabs]"), makeTabs);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
