package model

import (
	"fmt"
	"regexp"
	"strings"
)

// IndicatorLevels are the standard names of 一级指标 and 二级指标 in the
// performance-target tables, with their English names.
var IndicatorLevels = map[string]string{
	"产出指标":      "Output",
	"效益指标":      "Outcome",
	"满意度指标":     "Satisfaction",
	"成本指标":      "Cost",
	"履职效能":      "Effectiveness in performing duties",
	"管理效率":      "Management efficiency",
	"运行成本":      "Running costs",
	"社会效应":      "Social effect",
	"数量指标":      "Quantity",
	"质量指标":      "Quality",
	"时效指标":      "Timeliness",
	"经济成本指标":    "Economic cost",
	"社会成本指标":    "Social cost",
	"生态环境成本指标":  "Environmental cost",
	"经济效益指标":    "Economic benefit",
	"社会效益指标":    "Social benefit",
	"生态效益指标":    "Ecological benefit",
	"可持续影响指标":   "Sustainable impact",
	"服务对象满意度指标": "Satisfaction of service users",
}

var targetForm = regexp.MustCompile(`^(>=|<=|=|>|<)?\s*([0-9]+(?:\.[0-9]+)?)\s*(.*)$`)

// ParseTarget reads an indicator's target value as tables print it:
// "≥90%", ">=2 个", "＜=10%", "1500 台", "有效保障". A number without an
// operator means "=". Text without a number is a qualitative target.
func ParseTarget(s string) (Target, error) {
	norm := strings.TrimSpace(s)
	for _, p := range [][2]string{
		{"≥", ">="}, {"≤", "<="}, {"＞", ">"}, {"＜", "<"}, {"＝", "="}, {"％", "%"},
		{"> =", ">="}, {"< =", "<="},
	} {
		norm = strings.ReplaceAll(norm, p[0], p[1])
	}
	if norm == "" {
		return Target{}, fmt.Errorf("the target value is empty")
	}
	m := targetForm.FindStringSubmatch(norm)
	if m == nil {
		if strings.ContainsAny(norm[:1], "<>=") {
			return Target{}, fmt.Errorf("%q has a comparison but no number after it, like ≥90%%", s)
		}
		return Target{Text: T(s)}, nil
	}
	op, implicit := m[1], m[1] == ""
	if implicit {
		op = "="
	}
	return Target{Op: op, Implicit: implicit, Value: m[2], Unit: strings.TrimSpace(m[3]), Text: T(s)}, nil
}

// String returns the target as pages show it: "≥ 90%", "= 1 套".
func (t Target) String() string {
	if t.Op == "" {
		return t.Text.ZH()
	}
	if t.Implicit {
		// Printed as the table prints it: "1500 台", not "= 1500 台".
		return strings.TrimPrefix(Target{Op: "=", Value: t.Value, Unit: t.Unit}.String(), "= ")
	}
	op := map[string]string{">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<"}[t.Op]
	v := t.Value
	if t.Unit != "" {
		if t.Unit == "%" {
			v += t.Unit
		} else {
			v += " " + t.Unit
		}
	}
	return op + " " + v
}
