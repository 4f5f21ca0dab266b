// budgetpress default theme: moving between years, departments and
// languages.
//
// The language switch keeps the reader's place: each link to the page
// in another language carries the anchor of the part of the page in
// view, or of the one the address names, and the search page's query.
// The links of a department page's year picker carry the anchor too,
// as the department's other years have the same parts. Anchors are the
// same in every language: sections, tables, figures and projects have
// ids from the data, and the explanations' headings numbered ids
// (explain-3, explain-3-2).
//
// A table marked sortable (a year's comparison of its departments)
// sorts by a column when the button in its heading is pressed: figures
// largest first, names in the language's order, a second press
// reverses; rows without the figure stay last. Its caption says the
// order, and the heading carries aria-sort.
//
// Without this script the language links lead to the top of the other
// page and the table stands in its printed order.
(function () {
  "use strict";
  var slice = Array.prototype.slice;

  // --- the language switch and the year picker ---
  var links = slice.call(document.querySelectorAll(".lang-switch a[hreflang]"));
  var years = slice.call(document.querySelectorAll(".year-picker .yp-years a[href]"));
  var places = slice.call(document.querySelectorAll(
    "main section[id], main article[id], main figure[id], " +
    "main .narrative h3[id], main .narrative h4[id], main .narrative h5[id], main .narrative h6[id]"));

  // placeOf returns the id of the place an element stands in: itself,
  // or the nearest place around it.
  function placeOf(el) {
    for (; el && el !== document.body; el = el.parentElement) {
      if (places.indexOf(el) >= 0) {
        return el.id;
      }
    }
    return "";
  }

  // inView returns the id of the innermost place at the reading line,
  // a third down the window; "" at the top of the page.
  function inView() {
    if (window.pageYOffset < 1) {
      return "";
    }
    var line = window.innerHeight / 3;
    var found = "";
    places.forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.top > line) {
        return;
      }
      var box = /^H[3-6]$/.test(el.tagName) && el.closest(".narrative");
      if (box) {
        // A heading's place reaches to the end of its explanation.
        if (box.getBoundingClientRect().bottom > line) {
          found = el.id;
        }
      } else if (r.bottom > line) {
        found = el.id;
      }
    });
    return found;
  }

  var place = "";
  // setPlace sets the place the links carry; the language links carry
  // the page's query as well (the search page keeps it in the address).
  function setPlace(id) {
    place = id;
    var hash = id ? "#" + encodeURIComponent(id) : "";
    links.forEach(function (a) {
      a.setAttribute("href", a.getAttribute("href").split("#")[0].split("?")[0] + location.search + hash);
    });
    years.forEach(function (a) {
      a.setAttribute("href", a.getAttribute("href").split("#")[0] + hash);
    });
  }

  function fromHash() {
    var id = "";
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      id = "";
    }
    var el = id && document.getElementById(id);
    return el ? placeOf(el) : "";
  }

  if (links.length || years.length) {
    var pending = false;
    window.addEventListener("scroll", function () {
      if (pending) {
        return;
      }
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        setPlace(inView());
      });
    }, { passive: true });
    window.addEventListener("hashchange", function () { setPlace(fromHash()); });
    // The query may have changed since (a search typed on the page).
    links.forEach(function (a) {
      a.addEventListener("click", function () { setPlace(place); });
    });
    setPlace(fromHash() || inView());
  }

  // --- sortable tables ---
  var collator = window.Intl && Intl.Collator ? new Intl.Collator(document.documentElement.lang) : null;
  function compareText(a, b) {
    return collator ? collator.compare(a, b) : a.localeCompare(b);
  }

  slice.call(document.querySelectorAll("table.sortable")).forEach(function (table) {
    if (!table.tHead || !table.tBodies.length) {
      return;
    }
    var heads = slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    var state = table.querySelector(".sort-order");
    // The printed order breaks ties, so that a sort is the same every time.
    slice.call(body.rows).forEach(function (r, i) { r.setAttribute("data-index", String(i)); });

    function sortBy(col, dir, numeric) {
      var rows = slice.call(body.rows).map(function (r) {
        var k = r.cells[col] ? r.cells[col].getAttribute("data-sort") : null;
        return { row: r, key: k, index: Number(r.getAttribute("data-index")) };
      });
      rows.sort(function (a, b) {
        var am = a.key === null || a.key === "", bm = b.key === null || b.key === "";
        if (am || bm) {
          return am === bm ? a.index - b.index : (am ? 1 : -1);
        }
        var d = numeric ? Number(a.key) - Number(b.key) : compareText(a.key, b.key);
        if (dir === "descending") {
          d = -d;
        }
        return d || a.index - b.index;
      });
      rows.forEach(function (x) { body.appendChild(x.row); });
    }

    heads.forEach(function (th, col) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      while (th.firstChild) {
        b.appendChild(th.firstChild);
      }
      th.appendChild(b);
      b.addEventListener("click", function () {
        var now = th.getAttribute("aria-sort");
        var numeric = th.getAttribute("data-type") === "num";
        var dir = now === "descending" ? "ascending" : now === "ascending" ? "descending" : (numeric ? "descending" : "ascending");
        sortBy(col, dir, numeric);
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var order = (th.getAttribute("data-order") || "").split("|");
        if (state && order.length === 2) {
          state.textContent = dir === "ascending" ? order[0] : order[1];
        }
      });
    });
  });
})();
