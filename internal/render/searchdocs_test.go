package render

import (
	"html/template"
	"testing"
)

// TestPlainText: the text the search index takes from a page's HTML.
func TestPlainText(t *testing.T) {
	for _, c := range []struct{ html, want string }{
		{"a<p>b</p>c", "a b c"},
		{"<P CLASS=x>A</P>B", "A B"},
		{"<br/>x<hr>y<li>z", "x y z"},
		{"一般<strong>公共</strong>服务", "一般公共服务"},
		{"<param>z<pre>w", "z w"},
		{"a&amp;b<span>c</span> &lt;d&gt;", "a&bc <d>"},
		{"x<small class=\"untranslated-mark\">(中文)</small>y", "xy"},
		{"<small class=\"untranslated-mark\">a\nb</small>c", "a bc"},
		{"a < b > c", "a c"},
		{"a <b", "a <b"},
		{"<>q", "q"},
		{"  spaced \n\t out  ", "spaced out"},
	} {
		if got := plainText(template.HTML(c.html)); got != c.want {
			t.Errorf("plainText(%q) = %q, want %q", c.html, got, c.want)
		}
	}
}

// TestExplanationSections: the explanations are cut at the headings
// with an id, each with the text up to the next.
func TestExplanationSections(t *testing.T) {
	h := template.HTML(`<p>lead</p><h3 id="s-1">一、<em>职责</em></h3><p>text one</p>` +
		`<h4 id="a&amp;b">sub</h4><p>two</p><h3>no id</h3><p>three</p>` +
		`<h3 id="broken">split` + "\n" + `title</h3><h5 id="last">end</h5><p>four</p>`)
	want := []section{
		{id: "s-1", title: "一、职责", text: "text one"},
		{id: "a&b", title: "sub", text: "two no id three split title"},
		{id: "last", title: "end", text: "four"},
	}
	got := explanationSections(h)
	if len(got) != len(want) {
		t.Fatalf("sections %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
