// budgetpress default theme: the search page. It reads the index that
// the build writes beside the page (internal/search documents its
// format), loading only the files a query needs, each as a script, so
// that it works from a web server and from file:// under the pages'
// Content-Security-Policy. Results are built with DOM calls: no text of
// the index is ever parsed as HTML.
(function () {
  "use strict";
  var PAGE = 10;                          // results shown at a time
  var WEIGHTS = [0, 2, 8, 20, 40, 80];    // by field, as Query in Go
  var CONTEXT = 1;                        // a term in the department's name only
  var MAX_WORD = 32;
  var CHUNK = 16;                         // documents in a doc file
  var MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";
  var LAST = "0123456789abcdefghijklmnopqrstuv";
  var QUOTES = "“”‘’「」『』《》〈〉\"";
  var HAN = /\p{Script=Han}/u;
  var WORD = /[\p{L}\p{Nd}\p{M}]/u;

  // The index files call these as they load.
  var loaded = {};
  function store(name) { return function (a, b) { loaded[name(a)] = b === undefined ? a : b; }; }
  window.bpsearch = {
    meta: store(function () { return "meta"; }),
    terms: store(function (k) { return "t/" + k; }),
    docs: store(function (p) { return "d/" + p; })
  };

  var base = "i/";
  var pending = {};
  var opened = Date.now();
  // version is the query that names the content of an index file: the
  // meta file lists the version of every other, so that a browser that
  // keeps them never mixes files of two builds; the meta file itself is
  // asked for anew each time the page opens.
  function version(name) {
    var m = loaded.meta, k = name.split("/");
    if (name === "meta") { return "?" + opened; }
    if (k[0] === "t" && m && m.shards) { return "?v=" + m.shards[k[1]]; }
    if (k[0] === "d" && m && m.docs) { return "?v=" + m.docs[k[1].split("-")[0]]; }
    return "";
  }
  // load adds the script of an index file once, and resolves with what
  // it handed over.
  function load(name) {
    if (loaded[name] !== undefined) { return Promise.resolve(loaded[name]); }
    if (pending[name]) { return pending[name]; }
    pending[name] = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = base + name + ".js" + version(name);
      s.async = true;
      s.onload = function () {
        if (loaded[name] === undefined) { reject(new Error(name)); } else { resolve(loaded[name]); }
      };
      s.onerror = function () { delete pending[name]; s.remove(); reject(new Error(name)); };
      document.head.appendChild(s);
    });
    return pending[name];
  }

  function fold(c) {
    var n = c.codePointAt(0);
    if (n >= 0xFF01 && n <= 0xFF5E) { c = String.fromCodePoint(n - 0xFEE0); }
    else if (n === 0x3000) { c = " "; }
    var l = c.toLowerCase();
    return Array.from(l).length === 1 ? l : c;
  }

  // runs cuts text into words and runs of Chinese characters, as the
  // index does (internal/search, terms.go).
  function runs(s) {
    var out = [], cur = null;
    function flush() { if (cur && cur.chars.length) { out.push(cur); } cur = null; }
    Array.from(s).forEach(function (c) {
      c = fold(c);
      if (HAN.test(c)) {
        if (!cur || !cur.han) { flush(); cur = { han: true, chars: [] }; }
        cur.chars.push(c);
      } else if (cur && cur.han && QUOTES.indexOf(c) >= 0) {
        // skipped: the run goes on
      } else if (WORD.test(c)) {
        if (!cur || cur.han) { flush(); cur = { han: false, chars: [] }; }
        if (cur.chars.length < MAX_WORD) { cur.chars.push(c); }
      } else {
        flush();
      }
    });
    flush();
    return out;
  }

  function queryTerms(q) {
    var out = [], seen = {};
    function add(text, prefix) { if (!seen[text]) { seen[text] = true; out.push({ text: text, prefix: prefix }); } }
    runs(q).forEach(function (r) {
      if (!r.han) { add(r.chars.join(""), true); }
      else if (r.chars.length === 1) { add(r.chars[0], false); }
      else { for (var i = 0; i + 1 < r.chars.length; i++) { add(r.chars[i] + r.chars[i + 1], false); } }
    });
    return out;
  }

  function shard(term, n) {
    var key = Array.from(term).slice(0, 3).join("");
    var bytes = new TextEncoder().encode(key);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 16777619) >>> 0; }
    return h % n;
  }

  function decode(s, fn) {
    var i = 0;
    function next() {
      var n = 0;
      while (i < s.length) {
        var c = s.charAt(i++), d = LAST.indexOf(c);
        if (d >= 0) { return n * 32 + d; }
        d = MORE.indexOf(c);
        if (d < 0) { throw new Error("postings"); }
        n = n * 32 + d;
      }
      throw new Error("postings");
    }
    var page = 0;
    while (i < s.length) {
      page += next();
      var count = next(), doc = 0;
      for (var j = 0; j < count; j++) {
        var v = next();
        doc += Math.floor(v / 8);
        fn(page, doc, v % 8);
      }
    }
  }

  // query finds the hits of q, best first, as Query in Go.
  function query(q, filter) {
    var terms = queryTerms(q);
    if (!terms.length) { return Promise.resolve(null); }
    return load("meta").then(function (meta) {
      var ks = {};
      terms.forEach(function (t) { ks[shard(t.text, meta.terms)] = true; });
      return Promise.all(Object.keys(ks).map(function (k) { return load("t/" + k); })).then(function () {
        var direct = [], ctx = [];
        terms.forEach(function (t) {
          var d = new Map(), c = {}, m = loaded["t/" + shard(t.text, meta.terms)];
          Object.keys(m).forEach(function (term) {
            var exact = term === t.text;
            if (!exact && !(t.prefix && term.lastIndexOf(t.text, 0) === 0)) { return; }
            decode(m[term], function (page, doc, field) {
              var s = WEIGHTS[field] || 0;
              if (!exact) { s = Math.floor(s / 2); }
              var k = page * 65536 + doc;
              if (!(d.get(k) >= s)) { d.set(k, s); }
              if (doc === 0 && field === 5) { c[page] = true; }
            });
          });
          if (d.size) { direct.push(d); ctx.push(c); }
        });
        function keep(page) {
          var p = meta.pages[page];
          if (!p) { return false; }
          if (filter.year && String(p[0]) !== filter.year) { return false; }
          return !filter.dept || meta.depts[p[1]][0] === filter.dept;
        }
        var best = 0, hits = [], seen = new Set();
        direct.forEach(function (d) {
          d.forEach(function (_, k) {
            var page = Math.floor(k / 65536);
            if (seen.has(k) || !keep(page)) { return; }
            seen.add(k);
            var h = { page: page, doc: k % 65536, score: 0 }, cov = 0;
            direct.forEach(function (d2, i) {
              if (d2.has(k)) { cov++; h.score += d2.get(k); }
              else if (ctx[i][page]) { cov++; h.score += CONTEXT; }
            });
            h.partial = cov < direct.length;
            if (cov > best) { best = cov; hits = [h]; } else if (cov === best) { hits.push(h); }
          });
        });
        hits.sort(function (a, b) { return b.score - a.score || a.page - b.page || a.doc - b.doc; });
        hits.forEach(function (h) {
          var p = meta.pages[h.page];
          h.year = p[0]; h.dept = meta.depts[p[1]][0]; h.deptName = meta.depts[p[1]][1];
        });
        return hits;
      });
    });
  }

  // matches returns the stretches of text that a query's words match,
  // as [start, end) in characters, merged and in order.
  function matches(chars, q) {
    var folded = chars.map(fold), found = [];
    function find(needle, wordStart) {
      var n = needle.length, any = false;
      for (var i = 0; i + n <= folded.length; i++) {
        if (wordStart && i > 0 && WORD.test(folded[i - 1]) && !HAN.test(folded[i - 1])) { continue; }
        var j = 0;
        while (j < n && folded[i + j] === needle[j]) { j++; }
        if (j === n) { found.push([i, i + n]); any = true; }
      }
      return any;
    }
    runs(q).forEach(function (r) {
      if (!r.han) { find(r.chars, true); return; }
      if (find(r.chars, false) || r.chars.length === 1) { return; }
      for (var i = 0; i + 1 < r.chars.length; i++) { find(r.chars.slice(i, i + 2), false); }
    });
    found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var out = [];
    found.forEach(function (m) {
      var l = out[out.length - 1];
      if (l && m[0] <= l[1]) { l[1] = Math.max(l[1], m[1]); } else { out.push(m.slice()); }
    });
    return out;
  }

  // marked appends chars[from:to] to el, the matches in <mark>.
  function marked(el, chars, ms, from, to) {
    var at = from;
    ms.forEach(function (m) {
      var s = Math.max(m[0], from), e = Math.min(m[1], to);
      if (s >= e) { return; }
      if (s > at) { el.appendChild(document.createTextNode(chars.slice(at, s).join(""))); }
      var mk = document.createElement("mark");
      mk.textContent = chars.slice(s, e).join("");
      el.appendChild(mk);
      at = e;
    });
    if (at < to) { el.appendChild(document.createTextNode(chars.slice(at, to).join(""))); }
  }

  function snippet(el, text, q) {
    var chars = Array.from(text), ms = matches(chars, q);
    var start = ms.length ? Math.max(0, ms[0][0] - 30) : 0, end = Math.min(chars.length, start + 120);
    if (start > 0) { el.appendChild(document.createTextNode("…")); }
    marked(el, chars, ms, start, end);
    if (end < chars.length) { el.appendChild(document.createTextNode("…")); }
  }

  function format(tpl) {
    var args = Array.prototype.slice.call(arguments, 1), i = 0;
    return tpl.replace(/%[sd]/g, function () { return String(args[i++]); }).replace(/%%/g, "%");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var status = document.getElementById("search-status");
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    var year = document.getElementById("search-year");
    var dept = document.getElementById("search-dept");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    if (!status || !form || !input || !list) { return; }
    base = status.getAttribute("data-index") || base;
    var texts = status.dataset;
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    if (year) { year.value = params.get("year") || ""; }
    if (dept) { dept.value = params.get("dept") || ""; }
    status.textContent = texts.empty;

    var hits = [], shown = 0, current = "", run = 0;
    function say(text) { status.textContent = text; }

    function show(n) {
      var batch = hits.slice(shown, shown + n), q = current;
      shown += batch.length;
      more.hidden = true;
      var files = {};
      function file(h) { return "d/" + h.page + "-" + Math.floor(h.doc / CHUNK); }
      batch.forEach(function (h) { files[file(h)] = true; });
      var mine = run;
      return Promise.all(Object.keys(files).map(load)).then(function () {
        if (mine !== run) { return; }
        batch.forEach(function (h) {
          var d = loaded[file(h)][h.doc % CHUNK] || ["s", "", "", ""];
          var li = document.createElement("li");
          li.className = "search-result";
          var meta = document.createElement("p");
          meta.className = "result-meta";
          meta.textContent = [texts["kind" + d[0].toUpperCase()] || "", format(texts.year, h.year), h.deptName].filter(Boolean).join(" · ");
          var head = document.createElement("h2");
          var a = document.createElement("a");
          a.href = "../" + h.year + "/" + h.dept + "/index.html" + (d[1] ? "#" + d[1] : "");
          var title = Array.from(d[2]);
          marked(a, title, matches(title, q), 0, title.length);
          head.appendChild(a);
          li.appendChild(head);
          li.appendChild(meta);
          if (d[3]) {
            var p = document.createElement("p");
            p.className = "snippet";
            snippet(p, d[3], q);
            li.appendChild(p);
          }
          list.appendChild(li);
        });
        more.hidden = shown >= hits.length;
      });
    }

    function search(push) {
      var q = input.value.trim();
      var filter = { year: year ? year.value : "", dept: dept ? dept.value : "" };
      var mine = ++run;
      current = q;
      if (push) {
        var u = new URLSearchParams();
        if (q) { u.set("q", q); }
        if (filter.year) { u.set("year", filter.year); }
        if (filter.dept) { u.set("dept", filter.dept); }
        try { history.replaceState(null, "", "?" + u.toString()); } catch (e) { /* file:// in some browsers */ }
      }
      if (!q) { list.textContent = ""; more.hidden = true; say(texts.empty); return; }
      say(texts.loading);
      query(q, filter).then(function (found) {
        if (mine !== run) { return; }
        hits = found || [];
        shown = 0;
        list.textContent = "";
        return show(PAGE).then(function () {
          if (mine !== run) { return; }
          var n = hits.length, msg;
          if (!n) { msg = format(texts.none, q); }
          else if (n === 1) { msg = format(texts.one, q); }
          else { msg = format(texts.many, n, q); }
          if (n && hits[0].partial) { msg += " " + texts.partial; }
          say(msg);
        });
      }).catch(function () {
        if (mine === run) { list.textContent = ""; more.hidden = true; say(texts.failed); }
      });
    }

    var timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { search(true); }, 200);
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); search(true); });
    [year, dept].forEach(function (s) { if (s) { s.addEventListener("change", function () { search(true); }); } });
    more.addEventListener("click", function () {
      var first = shown;
      show(PAGE).then(function () {
        var next = list.children[first];
        var link = next && next.querySelector("a");
        if (link) { link.focus(); }
      });
    });
    if (input.value) { search(false); }
  });
})();
