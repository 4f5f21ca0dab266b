package narrative

import (
	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/model"
)

// priorHelp says which figures have a prior year's budget.
const priorHelp = "prior-year figures exist for income.<item>, expenditure.*, general.total|basic|project, general.<code>, three_public.<item> and operating_costs, as given under prior: in the data file"

// priorOf returns the prior year's budget for a cell, when the data file
// gives one: File.Prior is keyed like the rows it belongs to.
func (r *Renderer) priorOf(kind, part, row, col string) (amount.Amount, bool) {
	p := r.f.Prior
	switch {
	case kind == model.KindSummary && part == "income":
		return model.PriorOfItem(p.Income, model.IncomeItems, row)
	case kind == model.KindExpenditure && row == "total":
		return priorKinds(p.Expenditure, col)
	case kind == model.KindGeneral && row == "total":
		return priorKinds(p.General, col)
	case kind == model.KindGeneral && col == "total":
		return model.PriorOfCode(p.Functions, classify.Code(row))
	case kind == model.KindThreePublic && col == "total":
		return model.PriorOfItem(p.ThreePublic, model.ThreePublicItems, row)
	}
	return amount.Amount{}, false
}

// priorKinds reads basic, project or total, or for a total not given
// the sum of basic and project.
func priorKinds(m map[string]model.Money, col string) (amount.Amount, bool) {
	if v, ok := m[col]; ok || col != "total" {
		return v.Amount, ok
	}
	return sumPresent(m, "basic", "project")
}

func sumPresent(m map[string]model.Money, keys ...string) (amount.Amount, bool) {
	sum, found := amount.Zero(0), false
	for _, k := range keys {
		if v, ok := m[k]; ok {
			sum, found = sum.Add(v.Amount), true
		}
	}
	return sum, found
}
