package check

import (
	"slices"
	"testing"
)

// TestFiguresOf reads the amounts of findings as an acceptance pins them:
// decimals, grouped thousands, amounts with their unit, and whole numbers
// where only an amount can stand; never table numbers, codes or years.
func TestFiguresOf(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		want []string
	}{
		{"in table 6 (一般公共预算基本支出情况表), 302 05 水费: 合计 800 does not equal 人员经费 + 公用经费 = 700 (difference 100)",
			[]string{"700", "100"}},
		{"in table 6 (一般公共预算基本支出情况表), 303 对个人和家庭的补助 does not equal the sum of its items: 合计: 26 stated, 77 added up (difference 51)",
			[]string{"26", "77", "51"}},
		{"the overall performance targets count 604.12 万元 of funds, but the budget's total income is 604.13 万元 (difference 0.01)",
			[]string{"604.12", "604.13", "0.01"}},
		{"302 商品和服务支出: the allocation has 35 万元, the table 60.00 万元", []string{"35", "60.00"}},
		{"table 1 says total income is 1,234,567.80 元, but table 2 says 486,300 元 in 2024", []string{"1,234,567.80", "486,300"}},
	} {
		if got := figuresOf(tc.msg); !slices.Equal(got, tc.want) {
			t.Errorf("figuresOf(%q) = %q, want %q", tc.msg, got, tc.want)
		}
	}
	if !sameFigures([]string{"1403.71", "0.01"}, []string{"0.01", "1,403.71"}) {
		t.Error("the same figures, grouped and in another order, are not the same")
	}
	if sameFigures([]string{"700", "100"}, []string{"600", "300"}) {
		t.Error("other figures are taken for the accepted ones")
	}
}
