package chart

import (
	"math"
	"strconv"
	"strings"
)

// ring is one ring of a sunburst: its inner and outer radius as shares
// of the chart's radius, and whether its labels run along the ring
// (tangential) or across it (radial).
type ring struct {
	r0, r      float64
	tangential bool
}

// rings are the sunburst's rings, innermost first: basic and project
// expenditure; personnel and operating costs, and the projects; the
// lines of the economic classification.
var rings = []ring{{0.10, 0.34, true}, {0.34, 0.58, true}, {0.58, 0.96, false}}

// sunburstLevel is an entry of series-sunburst.levels, for which
// go-echarts has no type. Level 0 is the centre, where the node a
// reader drills into goes.
type sunburstLevel struct {
	R0    string     `json:"r0,omitempty"`
	R     string     `json:"r,omitempty"`
	Label *nodeLabel `json:"label,omitempty"`
}

func sunburstLevels() []sunburstLevel {
	out := []sunburstLevel{{}}
	for _, r := range rings {
		rotate := "radial"
		if r.tangential {
			rotate = "tangential"
		}
		out = append(out, sunburstLevel{R0: pct(r.r0), R: pct(r.r), Label: &nodeLabel{Rotate: rotate}})
	}
	return out
}

func pct(f float64) string { return strconv.FormatFloat(f*100, 'f', -1, 64) + "%" }

// Labels are fitted to a chart of this radius in CSS pixels, between
// that of a phone (about 160) and of a wide screen (about 200), at
// ECharts' default font size.
const (
	fitRadius   = 175.0
	fitFontSize = 12.0
	fitLine     = 15.0
)

// sectorLabel returns the label of a sector at depth (1 is the innermost
// ring) spanning share of the circle (0–1), on one line or broken into
// two, and false when neither fits: the tooltip then names the sector.
func sectorLabel(name string, depth int, share float64) (string, bool) {
	if depth < 1 || depth > len(rings) {
		return "", false
	}
	r := rings[depth-1]
	thickness := (r.r - r.r0) * fitRadius
	arc := 2 * math.Pi * (r.r0 + r.r) / 2 * fitRadius * share
	along, across := thickness, arc // room for a line's length, and for the lines
	if r.tangential {
		along, across = arc, thickness
	}
	for _, lines := range [][]string{{name}, halves(name)} {
		if lines == nil {
			continue
		}
		width := 0.0
		for _, l := range lines {
			width = math.Max(width, textWidth(l))
		}
		if width <= 0.9*along && float64(len(lines))*fitLine <= 0.9*across {
			return strings.Join(lines, "\n"), true
		}
	}
	return "", false
}

// halves breaks a name into two lines near its middle: at a space when it
// has one, else between characters; nil when it is too short to break.
func halves(s string) []string {
	if strings.Contains(s, " ") {
		best := -1
		for i, r := range s {
			if r == ' ' && (best < 0 || math.Abs(float64(i)-float64(len(s))/2) < math.Abs(float64(best)-float64(len(s))/2)) {
				best = i
			}
		}
		return []string{s[:best], s[best+1:]}
	}
	runes := []rune(s)
	if len(runes) < 4 {
		return nil
	}
	return []string{string(runes[:(len(runes)+1)/2]), string(runes[(len(runes)+1)/2:])}
}

// textWidth estimates the width of a line in pixels: a Chinese character
// is as wide as the font is high, a Latin letter about 0.6 of that.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x2E80 {
			w += 0.6 * fitFontSize
		} else {
			w += fitFontSize
		}
	}
	return w
}
