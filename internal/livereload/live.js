// budgetpress serve: keeps this page in step with the files on disk.
// Reloads it after a good build that changed it (keeping the scroll
// position), swaps the stylesheets when only they changed, and shows the
// findings of a failed build over the page. Served by `budgetpress serve`
// only.
(function () {
  "use strict";
  var self = document.currentScript;
  var src = self ? new URL(self.src, location.href) : new URL("/__budgetpress/live.js", location.href);
  // The script's own folder: the page links it relatively, so that the
  // preview also works behind a proxy under a sub-path.
  var PREFIX = new URL(".", src).pathname;
  var params = src.searchParams;
  // The page's file in the build: the server sends this page the reloads
  // of the builds that changed it only.
  var page = params.get("page") || "";
  var server = params.get("server") || "";
  var build = Number(params.get("build") || 0);
  var pages = Number(params.get("pages") || build);
  var scrollKey = "budgetpress.scroll:" + location.pathname;

  var TEXTS = {
    zh: {
      title: "无法更新预览",
      intro: "保存的文件有错误，页面仍显示上一次成功构建的内容。改正后页面会自动更新。",
      introNone: "网站的文件有错误，还没有成功构建过，所以没有可显示的页面。改正后页面会自动显示。",
      error: "错误",
      warning: "警告",
      close: "关闭"
    },
    en: {
      title: "The preview cannot be updated",
      intro: "The saved files have errors; the page still shows the last good build. It updates by itself once they are fixed.",
      introNone: "The site's files have errors, and it has not built yet, so there is no page to show. It appears by itself once they are fixed.",
      error: "error",
      warning: "warning",
      close: "Close"
    }
  };

  function lang() {
    var l = (document.documentElement.lang || "").toLowerCase();
    return l.indexOf("zh") === 0 ? "zh" : "en";
  }

  // Scroll position: saved before a reload, restored once after it.
  function reload() {
    try { sessionStorage.setItem(scrollKey, String(window.scrollY)); } catch (e) { /* storage off */ }
    location.reload();
  }
  (function restore() {
    var y = null;
    try {
      y = sessionStorage.getItem(scrollKey);
      sessionStorage.removeItem(scrollKey);
    } catch (e) { return; }
    if (y === null) return;
    if ("scrollRestoration" in history) history.scrollRestoration = "manual";
    var go = function () { window.scrollTo(0, Number(y)); };
    if (document.readyState === "complete") go(); else window.addEventListener("load", go);
  })();

  function swapStyles() {
    var stamp = String(Date.now());
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (old) {
      if (old.hasAttribute("data-budgetpress")) return;
      var url = new URL(old.href, location.href);
      if (url.origin !== location.origin) return;
      url.searchParams.set("budgetpress", stamp);
      var fresh = old.cloneNode();
      fresh.href = url.href;
      var drop = function () { old.remove(); };
      fresh.addEventListener("load", drop);
      fresh.addEventListener("error", drop);
      old.after(fresh);
    });
  }

  var overlay = null;

  function hideErrors() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // rule names a finding of the checker as the terminal does,
  // "[hierarchy: table 6 302]": what an accept: entry in the data needs.
  function rule(d) {
    if (!d.rule) return "";
    return "[" + d.rule + (d.subject ? ": " + d.subject : "") + "]";
  }

  function showErrors(list, good) {
    hideErrors();
    if (!document.querySelector("link[data-budgetpress]")) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = PREFIX + "live.css";
      css.setAttribute("data-budgetpress", "");
      document.head.appendChild(css);
    }
    var l = lang(), t = TEXTS[l];
    overlay = el("div", "budgetpress-overlay");
    overlay.id = "budgetpress-overlay";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-labelledby", "budgetpress-overlay-title");
    overlay.setAttribute("lang", l === "zh" ? "zh-CN" : "en");
    var box = el("div", "budgetpress-box");
    var h = el("h2", "budgetpress-title", t.title);
    h.id = "budgetpress-overlay-title";
    var close = el("button", "budgetpress-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", t.close);
    close.addEventListener("click", hideErrors);
    box.appendChild(close);
    box.appendChild(h);
    box.appendChild(el("p", "budgetpress-intro", good ? t.intro : t.introNone));
    var ul = el("ul", "budgetpress-list");
    list.forEach(function (d) {
      var li = el("li", "budgetpress-" + d.severity);
      // The messages are in English, as the terminal prints them.
      li.setAttribute("lang", "en");
      li.appendChild(el("code", "budgetpress-pos", d.pos));
      li.appendChild(document.createTextNode(" "));
      var sev = el("strong", "budgetpress-severity", t[d.severity] || d.severity);
      sev.setAttribute("lang", l === "zh" ? "zh-CN" : "en");
      li.appendChild(sev);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "budgetpress-message", d.message));
      if (d.rule) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("code", "budgetpress-rule", rule(d)));
      }
      ul.appendChild(li);
    });
    box.appendChild(ul);
    overlay.appendChild(box);
    (document.body || document.documentElement).appendChild(overlay);
  }

  function state(m) {
    if (m.diagnostics && m.diagnostics.length) showErrors(m.diagnostics, m.good); else hideErrors();
  }

  function on(name, f) {
    events.addEventListener(name, function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (err) { return; }
      f(m);
    });
  }

  var events = new EventSource(PREFIX + "events" + (page ? "?page=" + encodeURIComponent(page) : ""));
  on("hello", function (m) {
    // A page served before a rebuild it did not hear of, or by an
    // earlier run of the server, is out of date; one that missed only
    // stylesheet changes swaps them.
    if (m.server !== server || m.pages > pages) { reload(); return; }
    if (m.build > build) { build = m.build; swapStyles(); }
    state(m);
  });
  on("reload", reload);
  on("css", function (m) {
    build = m.build;
    hideErrors();
    swapStyles();
  });
  on("errors", state);
})();
