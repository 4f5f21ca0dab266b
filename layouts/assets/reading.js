// budgetpress default theme: applies the reader's stored reading options
// (larger text, high contrast) before the page is drawn, so that they do
// not flash in after it has loaded. site.js offers the buttons.
(function () {
  "use strict";
  // Scripts run: the tables may collapse their empty rows and columns,
  // since site.js offers the button that shows them (site.css).
  document.documentElement.classList.add("js");
  try {
    ["large", "contrast"].forEach(function (mode) {
      if (localStorage.getItem("budgetpress." + mode) === "on") {
        document.documentElement.classList.add(mode);
      }
    });
  } catch (e) { /* storage off: the page keeps its defaults */ }
})();
