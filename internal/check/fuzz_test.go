package check_test

import (
	"os"
	"path/filepath"
	"testing"

	"budgetpress/internal/check"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
)

// FuzzCheck loads any department file, under the built-in templates and
// one that prints some columns only, and checks it: the checker never
// panics, whatever the file holds.
func FuzzCheck(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/corpus/*/data/*/*.yaml")
	files = append(files, "../../data/2024/changji-egov.yaml", "testdata/changji-egov-2024.yaml")
	for _, name := range files {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src, uint8(0))
			f.Add(src, uint8(2))
		}
	}
	narrow := map[string]*model.Template{}
	for id, t := range model.BuiltinTemplates() {
		narrow[id] = t
	}
	// Every kind with its first column only.
	few := &model.Template{ID: "few"}
	for _, t := range model.BuiltinTemplates()[model.TemplateNational].Tables {
		k := t.Kind
		for _, p := range k.Parts {
			if nk, err := k.WithColumns(p.Key, []string{p.Columns[0].Key}); err == nil {
				k = nk
			}
		}
		few.Tables = append(few.Tables, model.TemplateTable{No: t.No, Kind: k})
	}
	narrow["few"] = few
	ids := []string{model.TemplateNational, model.TemplateMOF2016, "few"}
	cfg := &model.Settings{Languages: []string{"zh", "en"}, Template: model.TemplateNational, IndicatorWeights: 90}
	f.Fuzz(func(t *testing.T, src []byte, which uint8) {
		id := ids[int(which)%len(ids)]
		file, _ := load.File("data/2024/fuzz.yaml", src, load.Options{Templates: narrow, Template: id})
		if file == nil {
			return
		}
		check.File(file, cfg, nil)
	})
}
