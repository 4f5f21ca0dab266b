// budgetpress default theme: draws the charts of a page with the vendored
// ECharts. Each chart box (.chart-box) has its ECharts option beside it
// as JSON, in <script type="application/json" id="<box id>-data">, written
// by the build in the page's language and unit: this script only draws.
// Without it, or without ECharts, the figure captions and the tables
// carry every figure.
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".chart-box[id]"));
  if (!boxes.length) {
    return;
  }
  var echarts = window.echarts;
  if (!echarts) {
    boxes.forEach(function (b) { b.hidden = true; });
    return;
  }
  var locale = /^zh/i.test(document.documentElement.lang) ? "ZH" : "EN";
  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function optionOf(box) {
    var el = document.getElementById(box.id + "-data");
    if (!el) {
      return null;
    }
    try {
      return JSON.parse(el.textContent);
    } catch (e) {
      return null;
    }
  }

  function draw(box) {
    var option = optionOf(box);
    if (!option) {
      box.hidden = true;
      return;
    }
    if (still) {
      (option.baseOption || option).animation = false;
    }
    var chart = echarts.init(box, null, { renderer: "canvas", locale: locale });
    chart.setOption(option);
    // Redraw when the box changes width: a rotated phone, a resized
    // window, larger text. Media rules in the option adapt the layout.
    if (window.ResizeObserver) {
      new ResizeObserver(function () { chart.resize(); }).observe(box);
    } else {
      window.addEventListener("resize", function () { chart.resize(); });
    }
  }

  boxes.forEach(function (box) {
    // Set through the CSSOM, which the pages' Content-Security-Policy
    // allows (style attributes it does not).
    var height = parseInt(box.getAttribute("data-height"), 10);
    if (height > 0) {
      box.style.height = height + "px";
    }
    draw(box);
  });
})();
