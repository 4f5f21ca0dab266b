package opendata

import (
	"bytes"
	"encoding/json"
	"strconv"

	"budgetpress/internal/classify"
	"budgetpress/internal/model"
)

// File is one file of a set, by its name inside the set's folder.
type File struct {
	Name string
	Data []byte
}

// fdpColumns are the columns of the data package's CSV files, the same
// in each: one row per figure of a table.
var fdpColumns = []string{
	"fiscal_year", "table", "table_title_zh", "table_title_en", "part", "row_kind",
	"administrative_code", "administrative_label_zh", "administrative_label_en",
	"functional_code", "functional_label_zh", "functional_label_en",
	"economic_code", "economic_label_zh", "economic_label_en",
	"project_id", "project_label_zh", "project_label_en",
	"item_key", "item_label_zh", "item_label_en",
	"column_key", "column_label_zh", "column_label_en",
	"amount",
}

// Package is a department-year's Fiscal Data Package: datapackage.json
// and its resources revenue.csv and expenditure.csv (the figures of
// the tables' revenue sides and of the rest), each row one figure with
// its classifications. A resource without rows is left out.
func Package(f *model.File, dict *classify.Dictionary) []File {
	n := Names{Dict: dict}
	sides := map[string]*bytes.Buffer{"revenue": {}, "expenditure": {}}
	for _, b := range sides {
		writeRecord(b, fdpColumns)
	}
	counts := map[string]int{}
	admin := textOrEmpty(f.Department.Name)
	for _, t := range f.Tables {
		title := t.Title
		if title.IsZero() {
			title = t.Kind.Title
		}
		tt := textOrEmpty(title)
		for i := range t.Kind.Parts {
			part := &t.Kind.Parts[i]
			side := "expenditure"
			if part.Key == "income" || t.Kind.ID == model.KindIncome {
				side = "revenue"
			}
			for _, r := range t.Parts[part.Key] {
				var fn, ec, pr, it Coded
				kind := rowKind(part, r)
				switch kind {
				case "functional":
					fn = Coded{Code: r.Code.String(), Name: n.of(f, classify.Function, r.Code)}
				case "economic":
					ec = Coded{Code: r.Code.String(), Name: n.of(f, classify.Economic, r.Code)}
				case "project":
					code := r.Code
					p := f.Project(r.Project)
					if code == "" && p != nil {
						code = p.Function
					}
					if code != "" {
						fn = Coded{Code: code.String(), Name: n.of(f, classify.Function, code)}
					}
					pr = Coded{Code: r.Project, Name: Text{ZH: r.Project}}
					if p != nil {
						pr.Name = textOrEmpty(p.Name)
					}
				case "item":
					item, _ := part.Item(r.Key)
					it = Coded{Code: r.Key, Name: textOrEmpty(item.Title)}
				case "total":
					it = Coded{Code: "total", Name: textOrEmpty(part.Total)}
				}
				for j, c := range part.Columns {
					cell := r.Cell(j)
					if cell.Empty {
						continue
					}
					colEc := ec
					if t.Kind.ID == model.KindGeneralProj && c.Key != "total" {
						// The columns of the project table are economic classes.
						code := classify.Code(c.Key)
						colEc = Coded{Code: code.String(), Name: n.of(f, classify.Economic, code)}
					}
					ct := textOrEmpty(c.Title)
					writeRecord(sides[side], defused([]string{
						strconv.Itoa(f.Year), t.No, tt.ZH, tt.EN, part.Key, kind,
						f.ID, admin.ZH, admin.EN,
						fn.Code, fn.Name.ZH, fn.Name.EN,
						colEc.Code, colEc.Name.ZH, colEc.Name.EN,
						pr.Code, pr.Name.ZH, pr.Name.EN,
						it.Code, it.Name.ZH, it.Name.EN,
						c.Key, ct.ZH, ct.EN,
						cell.Value.String(),
					}))
					counts[side]++
				}
			}
		}
	}
	phase := "approved"
	if f.Type == "final" {
		phase = "executed"
	}
	desc := fdpDescriptor(f, phase)
	var out []File
	for _, side := range []string{"revenue", "expenditure"} {
		if counts[side] == 0 {
			delete(desc.Model.Measures, side)
			continue
		}
		desc.Resources = append(desc.Resources, fdpResource(side))
		out = append(out, File{Name: side + ".csv", Data: sides[side].Bytes()})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	enc.Encode(desc)
	return append([]File{{Name: "datapackage.json", Data: b.Bytes()}}, out...)
}

// defused makes every text of a record safe for spreadsheets; the
// amount, last, is a number.
func defused(rec []string) []string {
	for i := range rec[:len(rec)-1] {
		rec[i] = Defuse(rec[i])
	}
	return rec
}

// rowKind says what a row of a table is, for the data package's
// row_kind column: total, unit (the department's subtotal), item,
// functional, economic or project.
func rowKind(part *model.Part, r model.Row) string {
	switch {
	case r.Key == "total":
		return "total"
	case r.Key == "unit":
		return "unit"
	case part.Rows == model.Items:
		return "item"
	case r.Project != "":
		return "project"
	case part.Rows == model.EconomicCodes:
		return "economic"
	}
	return "functional"
}

type fdpDesc struct {
	Profile      string            `json:"profile"`
	Name         string            `json:"name"`
	Title        string            `json:"title"`
	Description  string            `json:"description"`
	CountryCode  string            `json:"countryCode"`
	Granularity  string            `json:"granularity"`
	FiscalPeriod map[string]string `json:"fiscalPeriod"`
	Model        fdpModel          `json:"model"`
	Resources    []fdpRes          `json:"resources"`
}

type fdpModel struct {
	Measures   map[string]fdpMeasure `json:"measures"`
	Dimensions map[string]fdpDim     `json:"dimensions"`
}

type fdpMeasure struct {
	Source    string `json:"source"`
	Resource  string `json:"resource"`
	Currency  string `json:"currency"`
	Factor    int    `json:"factor"`
	Direction string `json:"direction"`
	Phase     string `json:"phase"`
}

type fdpDim struct {
	Attributes         map[string]fdpAttr `json:"attributes"`
	PrimaryKey         []string           `json:"primaryKey"`
	DimensionType      string             `json:"dimensionType"`
	ClassificationType string             `json:"classificationType,omitempty"`
}

type fdpAttr struct {
	Source   string `json:"source"`
	LabelFor string `json:"labelfor,omitempty"`
	Parent   string `json:"parent,omitempty"`
}

type fdpRes struct {
	Profile   string    `json:"profile"`
	Name      string    `json:"name"`
	Path      string    `json:"path"`
	Format    string    `json:"format"`
	Mediatype string    `json:"mediatype"`
	Encoding  string    `json:"encoding"`
	Schema    fdpSchema `json:"schema"`
}

type fdpSchema struct {
	Fields []fdpField `json:"fields"`
}

type fdpField struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// labelled is a dimension of a code and its labels in both languages.
func labelled(prefix, dimType, classType string) fdpDim {
	return fdpDim{Attributes: map[string]fdpAttr{
		"code":     {Source: prefix + "_code"},
		"label_zh": {Source: prefix + "_label_zh", LabelFor: "code"},
		"label_en": {Source: prefix + "_label_en", LabelFor: "code"},
	}, PrimaryKey: []string{"code"}, DimensionType: dimType, ClassificationType: classType}
}

func fdpDescriptor(f *model.File, phase string) fdpDesc {
	y := strconv.Itoa(f.Year)
	measure := func(side string) fdpMeasure {
		return fdpMeasure{Source: "amount", Resource: side, Currency: "CNY", Factor: Factor(f.Unit), Direction: side, Phase: phase}
	}
	name := textOrEmpty(f.Department.Name)
	kind := map[string]string{"budget": "部门预算 department budget", "final": "部门决算 final accounts"}[f.Type]
	return fdpDesc{
		Profile: "tabular-data-package", Name: f.ID + "-" + y, Title: y + " " + name.ZH + " " + kind,
		Description: "Every figure of the published tables of " + name.EN + " (" + name.ZH + "), " + y + ", one row per figure, in " + f.Unit + "; factor gives yuan per unit. Totals and subtotals are rows too (row_kind): add up only rows of one level.",
		CountryCode: "CN", Granularity: "aggregated",
		FiscalPeriod: map[string]string{"start": y + "-01-01", "end": y + "-12-31"},
		Model: fdpModel{
			Measures: map[string]fdpMeasure{"revenue": measure("revenue"), "expenditure": measure("expenditure")},
			Dimensions: map[string]fdpDim{
				"administrative": labelled("administrative", "classification", "administrative"),
				"functional":     labelled("functional", "classification", "functional"),
				"economic":       labelled("economic", "classification", "economic"),
				"project":        labelled("project", "activity", ""),
				"item":           {Attributes: map[string]fdpAttr{"key": {Source: "item_key"}, "label_zh": {Source: "item_label_zh", LabelFor: "key"}, "label_en": {Source: "item_label_en", LabelFor: "key"}}, PrimaryKey: []string{"key"}, DimensionType: "other"},
				"column":         {Attributes: map[string]fdpAttr{"key": {Source: "column_key"}, "label_zh": {Source: "column_label_zh", LabelFor: "key"}, "label_en": {Source: "column_label_en", LabelFor: "key"}}, PrimaryKey: []string{"key"}, DimensionType: "other"},
				"table": {Attributes: map[string]fdpAttr{"no": {Source: "table"}, "title_zh": {Source: "table_title_zh", LabelFor: "no"}, "title_en": {Source: "table_title_en", LabelFor: "no"},
					"part": {Source: "part"}, "row_kind": {Source: "row_kind"}}, PrimaryKey: []string{"no", "part", "row_kind"}, DimensionType: "other"},
				"fiscal_year": {Attributes: map[string]fdpAttr{"year": {Source: "fiscal_year"}}, PrimaryKey: []string{"year"}, DimensionType: "datetime"},
			},
		},
	}
}

func fdpResource(side string) fdpRes {
	r := fdpRes{Profile: "tabular-data-resource", Name: side, Path: side + ".csv", Format: "csv", Mediatype: "text/csv", Encoding: "utf-8"}
	for _, c := range fdpColumns {
		typ := "string"
		switch c {
		case "amount":
			typ = "number"
		case "fiscal_year":
			typ = "integer"
		}
		r.Schema.Fields = append(r.Schema.Fields, fdpField{Name: c, Type: typ})
	}
	return r
}
