// budgetpress default theme: applies the reader's stored reading options
// (larger text, high contrast) before the page is drawn, so that they do
// not flash in after it has loaded. site.js offers the buttons.
(function () {
  "use strict";
  try {
    ["large", "contrast"].forEach(function (mode) {
      if (localStorage.getItem("budgetpress." + mode) === "on") {
        document.documentElement.classList.add(mode);
      }
    });
  } catch (e) { /* storage off: the page keeps its defaults */ }
})();
