// budgetpress default theme: the reading options (larger text, high
// contrast) that persist across pages. The site works without it.
(function () {
  "use strict";
  var root = document.documentElement;
  // The body starts as "no-js", which hides the boxes that scripts fill
  // (charts); the class is swapped here, as pages carry no inline script.
  // (Deferred, this runs once the body is there.)
  document.body.classList.remove("no-js");
  document.body.classList.add("js");
  var modes = ["large", "contrast"];
  function stored(mode) {
    try { return localStorage.getItem("budgetpress." + mode) === "on"; } catch (e) { return false; }
  }
  function store(mode, on) {
    try { localStorage.setItem("budgetpress." + mode, on ? "on" : "off"); } catch (e) { /* private mode */ }
  }
  modes.forEach(function (m) { root.classList.toggle(m, stored(m)); });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button.toggle[data-mode]").forEach(function (b) {
      var mode = b.getAttribute("data-mode");
      b.hidden = false;
      b.setAttribute("aria-pressed", String(root.classList.contains(mode)));
      b.addEventListener("click", function () {
        var on = !root.classList.contains(mode);
        root.classList.toggle(mode, on);
        b.setAttribute("aria-pressed", String(on));
        store(mode, on);
      });
    });
    // One control, repeated at each table that collapses rows or
    // columns without figures: it shows the full layout of the document
    // in every table, or collapses them again.
    var full = document.querySelectorAll("button.show-full");
    full.forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () {
        var on = !root.classList.contains("full-layout");
        root.classList.toggle("full-layout", on);
        full.forEach(function (o) { o.setAttribute("aria-pressed", String(on)); });
      });
    });
    // The contents are folded on small screens, open on large ones.
    var toc = document.querySelector("details.toc");
    if (toc && window.matchMedia && window.matchMedia("(min-width: 64em)").matches) { toc.open = true; }
    // A table of an explanation scrolls in a box of its own, as the
    // budget tables do, named by the heading above it.
    document.querySelectorAll(".narrative table").forEach(function (t, i) {
      if (t.parentElement.classList.contains("table-wrap")) { return; }
      var w = document.createElement("div");
      w.className = "table-wrap";
      w.setAttribute("role", "region");
      w.setAttribute("tabindex", "0");
      var h = t.previousElementSibling;
      while (h && !/^H[2-6]$/.test(h.tagName)) { h = h.previousElementSibling; }
      if (h) {
        if (!h.id) { h.id = "narrative-table-" + (i + 1); }
        w.setAttribute("aria-labelledby", h.id);
      } else {
        w.setAttribute("aria-label", t.textContent.trim().slice(0, 40));
      }
      t.parentElement.insertBefore(w, t);
      w.appendChild(t);
    });
    // A table scrolled sideways shows a shadow beside the columns that
    // stay in view (site.css).
    document.querySelectorAll(".table-wrap").forEach(function (w) {
      w.addEventListener("scroll", function () {
        w.classList.toggle("scrolled", w.scrollLeft > 0);
      }, { passive: true });
    });
  });
})();
