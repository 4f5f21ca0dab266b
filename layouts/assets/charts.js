// budgetpress default theme: draws the charts of a page with the vendored
// ECharts. Each chart box (.chart-box) has its ECharts option beside it
// as JSON, in <script type="application/json" id="<box id>-data">, written
// by the build in the page's language and unit: this script only draws.
// Without it, or without ECharts, the figure captions and the tables
// carry every figure.
//
// A chart may show one of several choices (the home page's departments
// across the years): a <select data-box="<box id>"> chooses, and
// <script type="application/json" id="<box id>-choices"> holds, in the
// order of its options, each choice's "option" (what setOption merges
// into the drawn one) and "summary" (the caption's sentence).
//
// Each option carries, under "budgetpress", the option to draw in the
// high-contrast reading mode instead ("contrast") and the table of its
// figures, as the page prints them ("table"), which the chart's "view
// data" button shows as an HTML table below it; a choice may carry its
// own "table". The toolbox of the option names the buttons; it is not
// drawn, as the keyboard cannot reach what is drawn on a canvas.
//
// Text on the canvas follows the page's text: its sizes are ECharts'
// defaults scaled by the root font size (the reader's own setting, and
// site.css's larger text), its font is the box's font (which follows the
// language). When the reading options change, the charts are drawn anew;
// for print, they are redrawn at the width of the page.
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".chart-box[id]"));
  if (!boxes.length) {
    return;
  }
  var pickers = Array.prototype.slice.call(document.querySelectorAll("select[data-box]"));
  // hide hides a chart box, and the select that chooses what it shows.
  function hide(box) {
    box.hidden = true;
    pickers.forEach(function (s) {
      if (s.getAttribute("data-box") === box.id && s.parentNode) {
        s.parentNode.hidden = true;
      }
    });
  }
  var echarts = window.echarts;
  if (!echarts) {
    boxes.forEach(hide);
    return;
  }
  var root = document.documentElement;
  var locale = /^zh/i.test(root.lang) ? "ZH" : "EN";
  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var charts = []; // the drawn charts, in the order of boxes
  var tables = []; // the view-data table of each chart
  var scale = 1;
  var contrast = false;

  function isContrast() {
    return root.classList.contains("contrast");
  }

  // rootScale is the root font size against the browsers' default, 16px.
  function rootScale() {
    var px = parseFloat(window.getComputedStyle(root).fontSize);
    return px > 0 ? px / 16 : 1;
  }

  function data(id) {
    var el = document.getElementById(id);
    if (!el) {
      return null;
    }
    try {
      return JSON.parse(el.textContent);
    } catch (e) {
      return null;
    }
  }

  function optionOf(box) {
    return data(box.id + "-data");
  }

  // choices maps the id of a box that has a select to the select and
  // its choices.
  var choices = {};
  pickers.forEach(function (s) {
    var id = s.getAttribute("data-box");
    var list = data(id + "-choices");
    if (Array.isArray(list) && list.length === s.options.length) {
      choices[id] = { select: s, list: list };
    } else if (s.parentNode) {
      s.parentNode.hidden = true;
    }
  });

  // choose shows the choice selected for a box, if it has a select: the
  // choice's series (the rest of the option, aria and decals among it,
  // stays) and its sentence in the caption, which screen readers hear.
  function choose(box, chart) {
    var c = choices[box.id];
    var choice = c && c.list[c.select.selectedIndex];
    if (!chart || !choice) {
      return;
    }
    chart.setOption(choice.option);
    var i = boxes.indexOf(box);
    if (choice.table) {
      tables[i] = choice.table;
    }
    if (actions[i] && !actions[i].panel.hidden) {
      fillTable(i);
    }
    var summary = document.getElementById(box.id + "-summary");
    if (summary && summary.textContent !== choice.summary) {
      summary.textContent = choice.summary;
    }
  }

  function list(v) {
    if (!v) {
      return [];
    }
    return Array.isArray(v) ? v : [v];
  }

  // px scales a distance of the option given in pixels ("8", 26) and
  // leaves percentages and keywords alone.
  function px(v, s) {
    if (typeof v === "number" || (typeof v === "string" && /^\d+(\.\d+)?$/.test(v))) {
      return Math.round(Number(v) * s);
    }
    return v;
  }

  // withFont sets the size and the family of a text style: ECharts
  // measures some texts (axis labels, for the room they need) with the
  // family of their own style, not the global one.
  function withFont(obj, size, family) {
    obj = obj || {};
    obj.fontSize = size;
    if (family) {
      obj.fontFamily = family;
    }
    return obj;
  }

  // scaleOption sets the font and the text sizes (ECharts' defaults: 12px,
  // 14px in tooltips) of an option, and scales the room the option keeps
  // for text.
  function scaleOption(option, s, family) {
    var base = option.baseOption || option;
    var small = Math.round(12 * s);
    base.textStyle = base.textStyle || {};
    base.textStyle.fontFamily = family || base.textStyle.fontFamily;
    base.textStyle.fontSize = small;
    if (base.legend) {
      base.legend.textStyle = withFont(base.legend.textStyle, small, family);
      base.legend.itemWidth = Math.round(25 * s);
      base.legend.itemHeight = Math.round(14 * s);
    }
    if (base.toolbox) {
      base.toolbox.itemSize = Math.round(15 * s);
    }
    // The option's media rules are for text of 16px: at larger text a
    // box holds fewer words, as CSS breakpoints in em would have it.
    list(option.media).forEach(function (m) {
      if (m.query && m.query.maxWidth) {
        m.query.maxWidth = Math.round(m.query.maxWidth * s);
      }
    });
    if (base.tooltip) {
      base.tooltip.textStyle = withFont(base.tooltip.textStyle, Math.round(14 * s), family);
    }
    list(base.xAxis).concat(list(base.yAxis)).forEach(function (axis) {
      axis.axisLabel = withFont(axis.axisLabel, small, family);
      axis.nameTextStyle = withFont(axis.nameTextStyle, small, family);
      if (axis.nameGap !== undefined) {
        axis.nameGap = px(axis.nameGap, s);
      }
    });
    list(base.grid).forEach(function (g) {
      ["left", "right", "top", "bottom"].forEach(function (k) { g[k] = px(g[k], s); });
    });
    list(base.series).forEach(function (series) {
      series.label = withFont(series.label, small, family);
      ["left", "right", "top", "bottom"].forEach(function (k) {
        if (series[k] !== undefined) {
          series[k] = px(series[k], s);
        }
      });
      list(series.levels).forEach(function (level) {
        if (level.label) {
          withFont(level.label, small, family);
        }
      });
      if (series.type === "treemap") {
        series.breadcrumb = series.breadcrumb || {};
        series.breadcrumb.height = Math.round(22 * s);
        series.breadcrumb.itemStyle = series.breadcrumb.itemStyle || {};
        series.breadcrumb.itemStyle.textStyle = withFont(series.breadcrumb.itemStyle.textStyle, small, family);
      }
    });
    return option;
  }

  // viewTable makes the HTML table of a chart's figures for its "view
  // data" button: elements, not markup, so no text of the data
  // is read as HTML.
  function viewTable(t) {
    var wrap = document.createElement("div");
    wrap.className = "chart-data";
    wrap.tabIndex = -1;
    if (!t) {
      return wrap;
    }
    var table = document.createElement("table");
    var caption = document.createElement("caption");
    caption.textContent = t.caption || "";
    table.appendChild(caption);
    var head = document.createElement("thead");
    var tr = document.createElement("tr");
    list(t.head).forEach(function (h) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = h;
      tr.appendChild(th);
    });
    head.appendChild(tr);
    table.appendChild(head);
    var body = document.createElement("tbody");
    list(t.rows).forEach(function (r) {
      var row = document.createElement("tr");
      list(r.cells).forEach(function (c, j) {
        var cell = document.createElement(j ? "td" : "th");
        if (!j) {
          cell.scope = "row";
          if (r.level) {
            cell.className = "level-" + Math.min(r.level, 3);
          }
        }
        cell.textContent = c;
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    if (t.note) {
      var note = document.createElement("p");
      note.textContent = t.note;
      wrap.appendChild(note);
    }
    return wrap;
  }

  // The canvas toolbox cannot take the keyboard's focus, and screen
  // readers do not see it: each chart offers its two actions as buttons
  // below it instead, named in the page's language by the toolbox's
  // titles (which the build writes) and by the chart's title. "View
  // data" shows, below the chart, the table of its figures as the page
  // prints them, and hides it again (aria-expanded); "save as image"
  // downloads the chart as drawn, as a PNG.
  var actions = []; // the buttons and the table's box of each chart
  function offerActions(box, i, toolbox) {
    var f = toolbox && toolbox.feature;
    if (actions[i] || !f || !f.dataView || !f.saveAsImage) {
      return;
    }
    var figure = box.parentNode;
    var titleEl = figure && figure.querySelector(".chart-title");
    var title = titleEl ? titleEl.textContent : "";
    // The name screen readers hear says which chart: "查看数据：收入构成".
    function button(cls, label) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = cls;
      b.textContent = label;
      if (title) {
        b.setAttribute("aria-label", label + (locale === "ZH" ? "：" : ": ") + title);
      }
      return b;
    }
    var bar = document.createElement("p");
    bar.className = "chart-actions";
    var view = button("chart-view", f.dataView.title);
    var save = button("chart-save", f.saveAsImage.title);
    var file = (f.saveAsImage.name || box.id) + ".png";
    var panel = document.createElement("div");
    panel.className = "chart-table";
    panel.id = box.id + "-table";
    panel.hidden = true;
    view.setAttribute("aria-expanded", "false");
    view.setAttribute("aria-controls", panel.id);
    bar.appendChild(view);
    bar.appendChild(document.createTextNode(" "));
    bar.appendChild(save);
    box.parentNode.insertBefore(bar, box.nextSibling);
    bar.parentNode.insertBefore(panel, bar.nextSibling);
    actions[i] = { view: view, panel: panel };
    view.addEventListener("click", function () {
      var open = panel.hidden;
      if (open) {
        fillTable(i);
      }
      panel.hidden = !open;
      view.setAttribute("aria-expanded", String(open));
    });
    save.addEventListener("click", function () {
      var chart = charts[i];
      if (!chart) {
        return;
      }
      var a = document.createElement("a");
      a.href = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: contrast ? "#000000" : "#ffffff" });
      a.download = file;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
    });
  }

  // fillTable puts the table of a chart's figures into its box below
  // the chart: a box that scrolls sideways as the page's tables do.
  function fillTable(i) {
    var a = actions[i];
    if (!a) {
      return;
    }
    while (a.panel.firstChild) {
      a.panel.removeChild(a.panel.firstChild);
    }
    var t = viewTable(tables[i]);
    var table = t.querySelector("table");
    if (table) {
      var wrap = document.createElement("div");
      wrap.className = "table-wrap";
      wrap.setAttribute("role", "region");
      wrap.tabIndex = 0;
      var cap = table.querySelector("caption");
      if (cap) {
        cap.id = a.panel.id + "-caption";
        wrap.setAttribute("aria-labelledby", cap.id);
      }
      t.insertBefore(wrap, table);
      wrap.appendChild(table);
    }
    t.removeAttribute("tabindex");
    a.panel.appendChild(t);
  }

  // fitNames lays out horizontal bars for their box. Where the box is
  // narrow for its text (a phone, larger text), names beside the bars
  // would leave the bars no room: each name then stands above its bars,
  // across the box, wrapped at spaces (Chinese at any character), never
  // cut; the box grows to hold them. Elsewhere the names stay beside the
  // bars, held to a share of the box.
  var widths = []; // the width of each box when drawn
  var measure = document.createElement("canvas").getContext("2d");
  // lineCount is how many lines a name takes at the width: broken at
  // spaces, or at any character in a name without spaces (Chinese).
  function lineCount(text, width, font) {
    if (!measure) {
      return 2;
    }
    if (text.indexOf("\n") >= 0) {
      return text.split("\n").reduce(function (n, t) { return n + lineCount(t, width, font); }, 0);
    }
    measure.font = font;
    var spaced = text.indexOf(" ") >= 0;
    var n = 1, line = "";
    (spaced ? text.split(" ") : text.split("")).forEach(function (w) {
      var next = line ? line + (spaced ? " " : "") + w : w;
      if (line && measure.measureText(next).width > width) {
        n++;
        line = w;
      } else {
        line = next;
      }
    });
    return n;
  }
  function fitNames(option, box, s, family) {
    var width = box.clientWidth;
    var base = option.baseOption || option;
    var axis = list(base.yAxis)[0];
    if (!axis || axis.type !== "category" || !(width > 0)) {
      return;
    }
    axis.axisLabel = axis.axisLabel || {};
    if (width / s >= 300) {
      axis.axisLabel.width = Math.round(width * 0.36);
      axis.axisLabel.overflow = "break";
      return;
    }
    var size = Math.round(12 * s), lh = Math.round(size * 1.3);
    var font = size + "px " + (family || "sans-serif");
    var series = list(base.series).filter(function (x) { return x.type === "bar"; });
    // One bar a name (one series, or stacked ones): its value joins the
    // name above it, as a bar's value right of the bar may not fit.
    var stacked = series.length > 1 && series.every(function (x) { return x.stack && x.stack === series[0].stack; });
    var perName = stacked ? 1 : Math.max(series.length, 1);
    var bar = Math.round(9 * s), group = perName * bar + (perName - 1) * Math.round(3 * s);
    var nameWidth = width - Math.round(16 * s);
    // The build wraps the names for beside the bars: joined again.
    var names = list(axis.data).map(function (d) {
      var t = String(d && d.value !== undefined ? d.value : d);
      return t.replace(/\n/g, /[\u3400-\u9fff]/.test(t) ? "" : " ");
    });
    function valueText(x, i) {
      var d = list(x.data)[i];
      return d && d.value !== "-" && d.label && typeof d.label.formatter === "string" ? d.label.formatter : "";
    }
    var right = Math.round(30 * s); // half the last tick's label
    if (perName === 1) {
      // On the name's last line if it fits there, else on a line of its
      // own: a figure is never broken.
      names = names.map(function (n, i) {
        var v = series.map(function (x) { return valueText(x, i); }).filter(Boolean).join("  ");
        if (!v) {
          return n;
        }
        return lineCount(n + "  " + v, nameWidth, font) > lineCount(n, nameWidth, font) ? n + "\n" + v : n + "  " + v;
      });
      series.forEach(function (x) {
        x.label = x.label || {};
        x.label.show = false;
      });
    } else if (measure) {
      measure.font = font;
      series.forEach(function (x) {
        list(x.data).forEach(function (d, i) {
          right = Math.max(right, Math.round(measure.measureText(valueText(x, i)).width + 10 * s));
        });
      });
    }
    var lines = names.map(function (n) { return lineCount(n, nameWidth, font); });
    axis.data = names;
    axis.axisTick = { show: false };
    axis.axisLabel.inside = true;
    axis.axisLabel.align = "left";
    axis.axisLabel.verticalAlign = "bottom";
    axis.axisLabel.width = nameWidth;
    axis.axisLabel.overflow = "break";
    axis.axisLabel.lineHeight = lh;
    axis.axisLabel.margin = 0;
    axis.axisLabel.padding = [0, 0, Math.round(group / 2 + 3 * s), 0];
    axis.z = 10;
    series.forEach(function (x) {
      x.barWidth = bar;
      x.barGap = "30%";
    });
    // Each band holds its bars, centred, and the tallest name: a name
    // reaches above its band into the room below the bars of the band
    // before it, and the first above the bars' area.
    var most = Math.max.apply(null, lines.concat([1]));
    var band = most * lh + group + Math.round(10 * s);
    var top = 0, bottom = 0;
    // The grid no longer makes room for the names (they stand inside
    // it), only for the values right of the bars and the axis below.
    list(base.grid).forEach(function (g) {
      g.containLabel = false;
      g.left = Math.round(12 * s);
      g.right = right;
      g.top = (Number(g.top) || 0) + Math.ceil(most * lh / 2);
      g.bottom = Math.round(30 * s) + lh;
      top = g.top;
      bottom = g.bottom;
    });
    box.style.height = (names.length * band + top + bottom) + "px";
  }

  function draw(box, i) {
    var option = optionOf(box);
    if (!option) {
      hide(box);
      return;
    }
    var extra = option.budgetpress || {};
    delete option.budgetpress;
    if (contrast && extra.contrast) {
      option = extra.contrast;
    }
    tables[i] = extra.table;
    var base = option.baseOption || option;
    offerActions(box, i, base.toolbox);
    if (base.toolbox) {
      base.toolbox = { show: false };
    }
    if (still) {
      (option.baseOption || option).animation = false;
    }
    // Set through the CSSOM, which the pages' Content-Security-Policy
    // allows (style attributes it does not).
    var height = parseInt(box.getAttribute("data-height"), 10);
    if (height > 0) {
      box.style.height = Math.round(height * scale) + "px";
    }
    scaleOption(option, scale, window.getComputedStyle(box).fontFamily);
    fitNames(option, box, scale, window.getComputedStyle(box).fontFamily);
    widths[i] = box.clientWidth;
    var chart = echarts.init(box, null, { renderer: "canvas", locale: locale });
    chart.setOption(option);
    charts[i] = chart;
    // The browser may have kept an earlier choice (back, reload).
    choose(box, chart);
  }

  function drawAll() {
    scale = rootScale();
    contrast = isContrast();
    boxes.forEach(function (box, i) {
      if (charts[i]) {
        charts[i].dispose();
        charts[i] = null;
      }
      draw(box, i);
    });
  }

  function resizeAll() {
    charts.forEach(function (c) {
      if (c) {
        c.resize({ animation: { duration: 0 } });
      }
    });
  }

  drawAll();

  Object.keys(choices).forEach(function (id) {
    choices[id].select.addEventListener("change", function () {
      var box = document.getElementById(id);
      choose(box, charts[boxes.indexOf(box)]);
    });
  });

  // Redraw when a box changes width: a rotated phone, a resized window,
  // larger text. Media rules in the option adapt the layout.
  if (window.ResizeObserver) {
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (e) {
        var i = boxes.indexOf(e.target), c = charts[i];
        if (!c) {
          return;
        }
        // A box much wider or narrower than when drawn (a rotated phone)
        // holds its names to another width: drawn anew.
        var w = e.target.clientWidth;
        if (Math.abs(w - widths[i]) > widths[i] / 4) {
          c.dispose();
          charts[i] = null;
          draw(e.target, i);
          return;
        }
        c.resize();
      });
    });
    boxes.forEach(function (box) { observer.observe(box); });
  } else {
    window.addEventListener("resize", resizeAll);
  }

  // The reading options (site.js) set classes on the root: draw again
  // when they change the root font size or the contrast.
  if (window.MutationObserver) {
    new MutationObserver(function () {
      if (rootScale() !== scale || isContrast() !== contrast) {
        drawAll();
      }
    }).observe(root, { attributes: true, attributeFilter: ["class", "style"] });
  }

  // Print: the page is narrower than the screen. Browsers lay out for
  // print when the print media query starts to match, then fire
  // beforeprint; either way the charts take the width of the page, and
  // take the screen's again afterwards.
  window.addEventListener("beforeprint", resizeAll);
  window.addEventListener("afterprint", resizeAll);
  if (window.matchMedia) {
    var print = window.matchMedia("print");
    if (print.addEventListener) {
      print.addEventListener("change", resizeAll);
    } else if (print.addListener) {
      print.addListener(resizeAll);
    }
  }
})();
