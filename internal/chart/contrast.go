package chart

import (
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// palette is the Okabe–Ito set of colours, which readers with any common
// form of colour blindness can tell apart, drawn on the page's white.
var palette = opts.Colors{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"}

// The high-contrast reading mode draws on black, as the page is then
// (layouts/assets/site.css), in colours that stand at 7 : 1 or more
// against it; the decal patterns tell them apart without colour vision.
const (
	hcBackground = "#000000"
	hcText       = "#ffffff"
	hcAccent     = "#ffff00"
)

var hcPalette = opts.Colors{"#ffff00", "#00ffff", "#ff99ff", "#66ff66", "#ffffff", "#ffb000", "#aab4ff", "#ff8080"}

func (c Context) palette() opts.Colors {
	if c.hc {
		return hcPalette
	}
	return palette
}

// tileColor is the colour of the i-th tile of a chart.
func (c Context) tileColor(i int) string {
	p := c.palette()
	return p[i%len(p)]
}

// textOn returns the colour of text on a background: black or white,
// whichever has the higher contrast ratio with it. On every colour of
// both palettes that is 4.5 : 1 or more (TestContrast).
func textOn(bg string) string {
	if contrast(bg, "#000000") >= contrast(bg, "#ffffff") {
		return "#000000"
	}
	return "#ffffff"
}

// contrast is the WCAG 2 contrast ratio of two colours "#rrggbb", from
// 1 to 21.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is the relative luminance of a colour "#rrggbb" (WCAG 2).
func luminance(hex string) float64 {
	if len(hex) != 7 || hex[0] != '#' {
		return 0
	}
	l := 0.0
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return 0
		}
		s := float64(v) / 255
		if s <= 0.04045 {
			s /= 12.92
		} else {
			s = math.Pow((s+0.055)/1.055, 2.4)
		}
		l += w * s
	}
	return l
}
