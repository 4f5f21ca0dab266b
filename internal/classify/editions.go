package classify

import (
	"bytes"
	_ "embed"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed data/editions.yaml
var editionsYAML []byte

// Edition is one budget year's edition of the classification
// (政府收支分类科目) as the bundled dictionary has it.
type Edition struct {
	Year int
	// Basis names the publication the edition rests on, such as
	// 财政部《2024年政府收支分类科目》.
	Basis Name
	// Note says how far the dictionary follows that publication.
	Note Name
	// Counts are the numbers of 类, 款 and 项 of each scheme that have a
	// name in Year.
	Counts map[Scheme]Counts
}

type editionFile struct {
	Editions []struct {
		Year  int
		Basis struct{ ZH, EN string }
		Note  struct{ ZH, EN string }
	}
}

var loadEditions = sync.OnceValue(func() []Edition {
	var f editionFile
	dec := yaml.NewDecoder(bytes.NewReader(editionsYAML))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		// The bundled file is tested; this is a build mistake.
		panic("classify: data/editions.yaml: " + err.Error())
	}
	d := Default()
	var out []Edition
	for _, e := range f.Editions {
		ed := Edition{
			Year:   e.Year,
			Basis:  Name{ZH: e.Basis.ZH, EN: e.Basis.EN},
			Note:   Name{ZH: e.Note.ZH, EN: e.Note.EN},
			Counts: map[Scheme]Counts{},
		}
		for _, s := range schemes {
			ed.Counts[s] = d.Count(s, e.Year)
		}
		out = append(out, ed)
	}
	return out
})

// Editions returns the editions the bundled dictionary covers, oldest
// first, with what each rests on and how many codes it has.
func Editions() []Edition {
	src := loadEditions()
	out := make([]Edition, len(src))
	for i, e := range src {
		out[i] = e
		out[i].Counts = map[Scheme]Counts{}
		for s, c := range e.Counts {
			out[i].Counts[s] = c
		}
	}
	return out
}
