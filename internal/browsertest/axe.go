package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Violation is a failed axe-core rule, with the elements that fail it.
type Violation struct {
	ID      string          `json:"id"`     // the rule, such as "color-contrast"
	Impact  string          `json:"impact"` // minor, moderate, serious or critical
	Help    string          `json:"help"`
	HelpURL string          `json:"helpUrl"`
	Nodes   []ViolationNode `json:"nodes"`
}

// ViolationNode is one element that fails a rule.
type ViolationNode struct {
	Target  string `json:"target"`  // a CSS selector of the element
	HTML    string `json:"html"`    // the start of its markup
	Summary string `json:"summary"` // what to fix
}

func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s\n    %s", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    - %s\n      %s", n.Target, n.HTML)
		if n.Summary != "" {
			fmt.Fprintf(&b, "\n      %s", strings.ReplaceAll(n.Summary, "\n", "\n      "))
		}
	}
	return b.String()
}

// Audit runs axe-core on the page as it is now, with the WCAG 2.0 and 2.1
// rules of levels A and AA, and returns the violations. axe-core comes
// from internal/browsertest/axe/node_modules; when it is not installed
// there, the test is skipped, or fails under CI=true.
//
// The script is evaluated through the DevTools protocol, not added as a
// <script> element, so the page's Content-Security-Policy does not stop it.
func Audit(p *Page) []Violation {
	p.t.Helper()
	script := axeScript(p)
	var loaded bool
	p.Eval(`typeof window.axe === "object"`, &loaded)
	if !loaded {
		p.Eval(script+"\n;true", nil)
	}
	var vs []Violation
	p.Eval(`axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
		resultTypes: ["violations"]
	}).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({
			target: n.target.map(t => [].concat(t).join(" >>> ")).join(" "),
			html: n.html, summary: n.failureSummary || ""
		}))
	})))`, &vs)
	return vs
}

// axeScript reads axe.min.js from beside this source file.
func axeScript(p *Page) string {
	p.t.Helper()
	_, self, _, ok := runtime.Caller(0)
	name := filepath.Join(filepath.Dir(self), "axe", "node_modules", "axe-core", "axe.min.js")
	if !ok {
		missing(p.t, "cannot locate axe-core: the source of package browsertest is not on disk")
	}
	src, err := os.ReadFile(name)
	if err != nil {
		missing(p.t, fmt.Sprintf("axe-core is not installed (%v): run npm ci in internal/browsertest/axe", err))
	}
	return string(src)
}
