package model

import "testing"

func TestLabel(t *testing.T) {
	for in, want := range map[string]string{
		"一、本年收入":                                               "本年收入",
		"1、一般公共预算拨款":                                           "一般公共预算拨款",
		"4.财政专户核拨":                                             "财政专户核拨",
		"其中：一般财力":                                              "一般财力",
		"公务用车购置及运行费（小计）":                                       "公务用车购置及运行费",
		"II. Carry-over from the prior year":                   "Carry-over from the prior year",
		"3. State capital operations budget appropriations":    "State capital operations budget appropriations",
		"of which: own general revenue":                        "own general revenue",
		"Official vehicles: purchase and operation (subtotal)": "Official vehicles: purchase and operation",
		"上级补助收入":                                               "上级补助收入",
		"一、":                                                   "一、",
	} {
		if got := Label(in); got != want {
			t.Errorf("Label(%q) = %q, want %q", in, got, want)
		}
	}
}
