package narrative

import (
	"strings"
	"testing"
)

// TestKeep checks that what the check rendered and kept is what the
// page shows, that an edited explanation is rendered anew rather than
// shown as kept, and that a kept error is still reported by the page.
func TestKeep(t *testing.T) {
	f := example(t)
	const path = "content/zh/2024/changji-egov.md"
	src := []byte("## 收入\n\n收入 {{amount income.total}}。\n")
	edited := []byte("## 收入\n\n收入 {{amount income.general}}，{{amount income.nothing}}。\n")
	fresh, _ := New(f, nil).Markdown(path, src, "zh")

	set := NewSet(nil)
	r := set.For(f)
	kept, _ := r.Keep(path, src, "zh")
	if got, _ := set.For(f).Markdown(path, src, "zh"); got != fresh || kept != fresh {
		t.Errorf("kept rendering differs from a fresh one:\nkept  %s\npage  %s\nfresh %s", kept, got, fresh)
	}

	r.Keep(path, src, "zh")
	got, diags := r.Markdown(path, edited, "zh")
	if strings.Contains(string(got), "604.13 万元。") || !strings.Contains(string(got), "604.13 万元，") {
		t.Errorf("the edited explanation shows the kept one: %s", got)
	}
	const wantErr = `content/zh/2024/changji-egov.md:3:30: error: unknown income item "nothing" in income.nothing: the items are current, general, general.own, general.transfer, fund, fund.own, fund.transfer, soe, soe.own, soe.transfer, special, unit, unit.business, unit.grant, unit.affiliated, unit.operating, unit.other, carryover, carryover.fiscal, carryover.fiscal.general, carryover.fiscal.fund, carryover.fiscal.soe, carryover.nonfiscal, carryover.nonfiscal.special, carryover.nonfiscal.unit, total`
	if len(diags) != 1 || diags[0].String() != wantErr {
		t.Errorf("the edited explanation's error: got %v", diags)
	}

	r.Keep(path, edited, "zh")
	if _, diags := r.Markdown(path, edited, "zh"); len(diags) != 1 || diags[0].String() != wantErr {
		t.Errorf("a kept error is not reported by the page: %v", diags)
	}
	if _, diags := r.Markdown(path, edited, "en"); len(diags) != 1 {
		t.Errorf("the English rendering: %v", diags)
	}
}

// TestSetFor checks that a Set gives a file's Renderer, and a new one
// when the file is read again: a reloaded file's figures are shown.
func TestSetFor(t *testing.T) {
	set := NewSet(nil)
	a := example(t)
	if set.For(a) != set.For(a) {
		t.Error("two Renderers for one file")
	}
	b := example(t)
	if set.For(b) == set.For(a) || set.For(b).f != b {
		t.Error("the file read again got the Renderer of its earlier version")
	}
}
