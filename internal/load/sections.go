package load

import (
	"gopkg.in/yaml.v3"

	"budgetpress/internal/classify"
	"budgetpress/internal/model"
)

func (r *fileReader) performance(n *yaml.Node) {
	o := r.object(n, "performance", "overall", "projects")
	if o == nil {
		return
	}
	if v := o.get("overall"); v != nil {
		ov := r.object(v, "the overall performance targets (部门整体绩效目标表)", "goal", "funds", "defaults", "indicators")
		if ov != nil {
			t := &model.OverallTargets{Pos: r.pos(v)}
			t.Goal = r.text(ov.get("goal"), "goal (年度绩效目标)")
			if fv := ov.require("funds", "年度预算: upper, own and other"); fv != nil {
				fo := r.object(fv, "funds", "upper", "own", "other")
				if fo != nil {
					t.Upper = r.optMoney(fo.get("upper"), "upper (上级安排)")
					t.Own = r.optMoney(fo.get("own"), "own (本级安排)")
					t.Other = r.optMoney(fo.get("other"), "other (其他资金)")
				}
			}
			t.Indicators = r.indicators(ov.get("indicators"), ov.get("defaults"))
			r.f.Performance.Overall = t
		}
	}
	for _, pv := range r.list(o.get("projects"), "performance projects") {
		po := r.object(pv, "a project's performance targets (项目支出绩效目标表)",
			"project", "title", "manager", "funds", "goal", "defaults", "indicators")
		if po == nil {
			continue
		}
		t := model.ProjectTargets{Pos: r.pos(pv)}
		if idn := po.require("project", "the id of the project under projects:"); idn != nil {
			t.Project = r.str(idn, "project")
			if r.f.Project(t.Project) == nil {
				r.unknownProject(idn, t.Project)
			}
		}
		t.Title = r.text(po.get("title"), "title")
		t.Manager = r.text(po.get("manager"), "manager (项目负责人)")
		if fv := po.require("funds", "项目资金: total, fiscal and other"); fv != nil {
			fo := r.object(fv, "funds", "total", "fiscal", "other")
			if fo != nil {
				t.Total = r.money(fo.require("total", "年度预算总额"), "total")
				t.Fiscal = r.optMoney(fo.get("fiscal"), "fiscal (财政拨款)")
				t.Other = r.optMoney(fo.get("other"), "other (其他资金)")
			}
		}
		t.Goal = r.text(po.get("goal"), "goal (项目总体目标)")
		t.Indicators = r.indicators(po.get("indicators"), po.get("defaults"))
		r.f.Performance.Projects = append(r.f.Performance.Projects, t)
	}
}

// optMoney reads an amount that may be left out (then it is zero).
func (r *fileReader) optMoney(n *yaml.Node, what string) model.Money {
	if n == nil {
		return model.Money{}
	}
	return r.money(n, what)
}

var indicatorKeys = []string{"name", "target", "basis", "prior", "weight", "scoring", "evidence"}

// indicators reads level1 → level2 → list of indicators; defaults gives
// values for basis, scoring and evidence that indicators may leave out.
func (r *fileReader) indicators(n, defaults *yaml.Node) []model.Indicator {
	var def map[string]model.Text
	if defaults != nil {
		do := r.object(defaults, "defaults", "basis", "scoring", "evidence")
		if do != nil {
			def = map[string]model.Text{}
			for _, k := range []string{"basis", "scoring", "evidence"} {
				def[k] = r.text(do.get(k), k)
			}
		}
	}
	var out []model.Indicator
	for _, l1 := range r.pairs(n, "indicators") {
		level1 := l1[0].Value
		r.level(l1[0])
		for _, l2 := range r.pairs(l1[1], "indicators of "+level1) {
			level2 := l2[0].Value
			r.level(l2[0])
			for _, in := range r.list(l2[1], "indicators of "+level2) {
				io := r.object(in, "an indicator", indicatorKeys...)
				if io == nil {
					continue
				}
				ind := model.Indicator{Level1: level1, Level2: level2, Pos: r.pos(in)}
				ind.Name = r.text(io.require("name", "三级指标"), "indicator name")
				if tv := io.require("target", "指标值, like ≥90%"); tv != nil {
					// A qualitative target (有效保障) may carry its translation:
					// {zh: 有效保障, en: Effectively ensured}.
					text := r.text(tv, "target")
					t, err := model.ParseTarget(text.ZH())
					if err != nil {
						r.errorf(tv, "target: %v", err)
					}
					t.Text = text
					ind.Target = t
				}
				pick := func(key string) model.Text {
					if v := io.get(key); v != nil {
						return r.text(v, key)
					}
					return def[key]
				}
				ind.Basis = pick("basis")
				ind.Prior = r.text(io.get("prior"), "prior (上年完成值)")
				if wv := io.require("weight", "分值权重"); wv != nil {
					ind.Weight = r.integer(wv, "weight")
				}
				ind.Scoring = pick("scoring")
				ind.Evidence = pick("evidence")
				out = append(out, ind)
			}
		}
	}
	return out
}

// level checks an indicator level name against the standard ones.
func (r *fileReader) level(n *yaml.Node) {
	if _, ok := model.IndicatorLevels[n.Value]; ok {
		return
	}
	var names []string
	for k := range model.IndicatorLevels {
		names = append(names, k)
	}
	r.errorf(n, "%q is not a standard indicator level%s", n.Value, suggest(n.Value, names))
}

func (r *fileReader) procurement(n *yaml.Node) {
	o := r.object(n, "procurement (政府采购)", "total", "goods", "works", "services", "sme", "small_micro")
	if o == nil {
		return
	}
	r.f.Procurement = &model.Procurement{
		Total:      r.money(o.require("total", "政府采购预算"), "total"),
		Goods:      r.optMoney(o.get("goods"), "goods (货物)"),
		Works:      r.optMoney(o.get("works"), "works (工程)"),
		Services:   r.optMoney(o.get("services"), "services (服务)"),
		SME:        r.optMoney(o.get("sme"), "sme (面向中小企业预留)"),
		SmallMicro: r.optMoney(o.get("small_micro"), "small_micro (小微企业预留)"),
		Pos:        r.pos(n),
	}
}

func (r *fileReader) holding(n *yaml.Node, what string) model.Holding {
	if n == nil {
		return model.Holding{}
	}
	if n.Kind == yaml.SequenceNode && r.splitAmount(n.Content) {
		return model.Holding{}
	}
	if n.Kind != yaml.SequenceNode || len(n.Content) != 2 {
		r.errorf(n, "%s is [count, value], like [1, 28.96]", what)
		return model.Holding{}
	}
	return model.Holding{Count: r.integer(n.Content[0], what+" count"), Value: r.money(n.Content[1], what+" value"), Pos: r.pos(n)}
}

func (r *fileReader) assets(n *yaml.Node) {
	o := r.object(n, "assets (国有资产占用使用情况)", "as_of", "buildings", "vehicles", "general_vehicles",
		"enforcement_vehicles", "other_vehicles", "furniture", "other", "equipment_50", "equipment_100",
		"new_vehicles", "new_equipment_50", "new_equipment_100")
	if o == nil {
		return
	}
	a := &model.Assets{Pos: r.pos(n)}
	if v := o.get("as_of"); v != nil {
		a.AsOf = r.date(v, "as_of")
	}
	if v := o.get("buildings"); v != nil {
		if v.Kind != yaml.SequenceNode || len(v.Content) != 2 {
			r.errorf(v, "buildings is [area in m², value], like [0.00, 0.00]")
		} else {
			a.BuildingArea = r.str(v.Content[0], "building area")
			a.BuildingValue = r.money(v.Content[1], "building value")
		}
	}
	a.Vehicles = r.holding(o.get("vehicles"), "vehicles")
	a.GeneralVehicles = r.holding(o.get("general_vehicles"), "general_vehicles")
	a.EnforcementVehicles = r.holding(o.get("enforcement_vehicles"), "enforcement_vehicles")
	a.OtherVehicles = r.holding(o.get("other_vehicles"), "other_vehicles")
	a.Furniture = r.optMoney(o.get("furniture"), "furniture")
	a.Other = r.optMoney(o.get("other"), "other")
	ints := []struct {
		key string
		p   *int
	}{{"equipment_50", &a.Equipment50}, {"equipment_100", &a.Equipment100},
		{"new_vehicles", &a.NewVehicles}, {"new_equipment_50", &a.NewEquipment50}, {"new_equipment_100", &a.NewEquipment100}}
	for _, in := range ints {
		if v := o.get(in.key); v != nil {
			*in.p = r.integer(v, in.key)
		}
	}
	r.f.Assets = a
}

func (r *fileReader) prior(n *yaml.Node) {
	o := r.object(n, "prior (上年预算数)", "income", "expenditure", "general", "functions", "three_public", "operating_costs")
	if o == nil {
		return
	}
	p := &r.f.Prior
	p.Pos = r.pos(n)
	incomeKeys := []string{"total"}
	for _, it := range model.IncomeItems {
		incomeKeys = append(incomeKeys, it.Key)
	}
	p.Income = r.moneyMap(o.get("income"), "prior income", incomeKeys)
	p.Expenditure = r.moneyMap(o.get("expenditure"), "prior expenditure", []string{"total", "basic", "project"})
	p.General = r.moneyMap(o.get("general"), "prior general", []string{"basic", "project"})
	tpKeys := []string{"total"}
	for _, it := range model.ThreePublicItems {
		tpKeys = append(tpKeys, it.Key)
	}
	p.ThreePublic = r.moneyMap(o.get("three_public"), "prior three_public", tpKeys)
	if fv := o.get("functions"); fv != nil {
		p.Functions = map[classify.Code]model.Money{}
		for _, kv := range r.pairs(fv, "prior functions") {
			c, ok := r.code(kv[0], classify.Function, "prior functions code")
			if ok {
				p.Functions[c] = r.money(kv[1], "prior amount")
			}
		}
	}
	if v := o.get("operating_costs"); v != nil {
		m := r.money(v, "prior operating_costs")
		p.OperatingCosts = &m
	}
}

// moneyMap reads key: amount lines whose keys come from a fixed list.
func (r *fileReader) moneyMap(n *yaml.Node, what string, keys []string) map[string]model.Money {
	if n == nil {
		return nil
	}
	o := r.object(n, what, keys...)
	if o == nil {
		return nil
	}
	m := map[string]model.Money{}
	for _, k := range keys { // in a fixed order, so diagnostics are too
		if v := o.get(k); v != nil {
			m[k] = r.money(v, what+" "+k)
		}
	}
	return m
}
