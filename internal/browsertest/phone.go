package browsertest

import "github.com/chromedp/chromedp"

// Fit is what [Page.Fit] measures: whether every figure of every table
// can be brought fully into view past the columns that stay in view,
// and whether the page scrolls sideways.
type Fit struct {
	Figures int // the table cells shown whose text is a number
	// Hidden lists the figures that cannot be shown whole: the text,
	// the room it has and the room it needs, in CSS pixels.
	Hidden []HiddenFigure
	// Overflow is how far the page scrolls sideways, in CSS pixels;
	// Wide names the texts that reach beyond the window when it does.
	Overflow float64
	Wide     []string
	// Captions lists the tables' titles shown that reach beyond what
	// their scrolling box shows while the table is scrolled to its
	// start: a reader would have to scroll the figures to read them.
	Captions []string
}

// HiddenFigure is a figure that cannot be shown whole.
type HiddenFigure struct {
	Text       string
	Room, Need float64
}

// fitProbe finds the figures of the tables (cells whose text is a
// number, not in a column that stays in view, and shown) and measures,
// for each, the room its scrolling box leaves beside the cells of its
// row that stay in view; a figure in no scrolling box must already lie
// within the window.
const fitProbe = `(() => {
  const num = /^[-+−]?[\d,，.]+%?$|^[≤≥<>=＜＞]=?\s*[\d,.]+/;
  const docW = document.documentElement.clientWidth;
  const out = {Figures: 0, Hidden: [], Overflow: document.documentElement.scrollWidth - docW, Wide: [], Captions: []};
  const scroller = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if ((s.overflowX === "auto" || s.overflowX === "scroll") && p.scrollWidth > p.clientWidth) return p;
    }
    return null;
  };
  for (const td of document.querySelectorAll("table td, table th")) {
    const t = td.textContent.trim();
    if (!t || !num.test(t)) continue;
    if (getComputedStyle(td).position === "sticky") continue;
    if (td.offsetParent === null) continue;
    out.Figures++;
    const range = document.createRange();
    range.selectNodeContents(td);
    const r = range.getBoundingClientRect();
    const sc = scroller(td);
    let room;
    if (sc) {
      const cr = sc.getBoundingClientRect();
      let frozen = 0;
      for (const c of td.parentElement.children) {
        if (getComputedStyle(c).position === "sticky") frozen = Math.max(frozen, c.getBoundingClientRect().right - cr.left);
      }
      room = Math.min(sc.clientWidth, docW - Math.max(cr.left, 0)) - frozen;
    } else {
      room = r.right <= docW + 0.5 && r.left >= -0.5 ? r.width : -1;
    }
    if (room + 0.5 < r.width) out.Hidden.push({Text: t, Room: Math.round(room), Need: Math.round(r.width)});
  }
  for (const cap of document.querySelectorAll("table > caption")) {
    if (cap.offsetParent === null || cap.getBoundingClientRect().height < 2) continue;
    const sc = scroller(cap);
    const saved = sc ? sc.scrollLeft : 0;
    if (sc) sc.scrollLeft = 0;
    const right = sc ? Math.min(sc.getBoundingClientRect().left + sc.clientWidth, docW) : docW;
    const range = document.createRange();
    range.selectNodeContents(cap);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.right > right + 1) {
        out.Captions.push(cap.textContent.trim().slice(0, 60) + " (" + Math.round(r.right - right) + " px out of view)");
        break;
      }
    }
    if (sc) sc.scrollLeft = saved;
  }
  if (out.Overflow > 1) {
    // The texts that reach beyond the window, and not because a box
    // that scrolls or clips holds them.
    const free = el => {
      for (let p = el; p && p !== document.documentElement; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== "visible") return false;
      }
      return true;
    };
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n; (n = walk.nextNode()) && out.Wide.length < 10; ) {
      const g = document.createRange();
      g.selectNodeContents(n);
      if (g.getBoundingClientRect().right > docW + 1 && free(n.parentElement)) {
        out.Wide.push(n.parentElement.tagName.toLowerCase() + "." + n.parentElement.className + ": " + n.data.trim().slice(0, 60));
      }
    }
    // No text: a box (a canvas, a control) is too wide; the innermost.
    if (!out.Wide.length) {
      for (const el of document.body.querySelectorAll("*")) {
        if (out.Wide.length >= 10) break;
        if (el.getBoundingClientRect().right > docW + 1 && free(el) &&
            ![...el.children].some(c => c.getBoundingClientRect().right > docW + 1)) {
          out.Wide.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "." + el.className + " (" + Math.round(el.getBoundingClientRect().width) + " px wide)");
        }
      }
    }
  }
  return out;
})()`

// Fit measures the page as it is now, at the window's width; see
// [Fit].
func (p *Page) Fit() Fit {
	p.t.Helper()
	var f Fit
	p.Eval(fitProbe, &f)
	return f
}

// Resize sets the window's width and height in CSS pixels, as a phone's
// screen would be.
func (p *Page) Resize(width, height int) {
	p.t.Helper()
	do(p, "resize", chromedp.EmulateViewport(int64(width), int64(height)))
}
