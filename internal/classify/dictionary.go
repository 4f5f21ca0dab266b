package classify

import (
	_ "embed"
	"slices"
	"sync"
)

// Scheme names one of the two classifications a code can belong to.
type Scheme string

const (
	// Function is the functional classification of expenditure (支出功能分类):
	// what the money is for, such as 201 一般公共服务支出.
	Function Scheme = "function"
	// Economic is the economic classification of department expenditure
	// (部门预算支出经济分类): what the money buys, such as 301 工资福利支出.
	Economic Scheme = "economic"
)

// Name is the Chinese and English name of a code. EN may be empty when a
// site has not yet supplied a translation.
type Name struct{ ZH, EN string }

// entry is one name of a code and the budget years it applies to; a zero
// from or until leaves that end open.
type entry struct {
	Name
	from, until int
}

func (e entry) validIn(year int) bool {
	return (e.from == 0 || year >= e.from) && (e.until == 0 || year <= e.until)
}

// Dictionary maps codes to names, year by year. A Dictionary is never
// changed after it is built, so it is safe for concurrent use.
type Dictionary struct {
	codes map[Scheme]map[Code][]entry
}

var (
	//go:embed data/function.yaml
	functionYAML []byte
	//go:embed data/economic.yaml
	economicYAML []byte
)

var loadDefault = sync.OnceValue(func() *Dictionary {
	d := &Dictionary{}
	for _, f := range []struct {
		name string
		src  []byte
	}{{"data/function.yaml", functionYAML}, {"data/economic.yaml", economicYAML}} {
		var err error
		if d, err = d.Extend(f.name, f.src); err != nil {
			// The bundled files are tested; this is a build mistake.
			panic("classify: bundled dictionary: " + err.Error())
		}
	}
	return d
})

// Default returns the bundled dictionary of the 2024 classification, with
// earlier names where they are known to differ. It is parsed once.
func Default() *Dictionary { return loadDefault() }

// Lookup returns the name of code c in scheme s for the budget year, and
// false when the dictionary has no name for that code in that year.
func (d *Dictionary) Lookup(s Scheme, c Code, year int) (Name, bool) {
	if d == nil {
		return Name{}, false
	}
	for _, e := range d.codes[s][c] {
		if e.validIn(year) {
			return e.Name, true
		}
	}
	return Name{}, false
}

// Classes returns every 类 of scheme s that has a name in the budget year,
// in code order.
func (d *Dictionary) Classes(s Scheme, year int) []Code {
	var out []Code
	if d == nil {
		return out
	}
	for c := range d.codes[s] {
		if c.Level() != 1 {
			continue
		}
		if _, ok := d.Lookup(s, c, year); ok {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// clone returns a copy of d that can be changed without changing d.
// The entry slices are shared: they are replaced, never modified.
func (d *Dictionary) clone() *Dictionary {
	nd := &Dictionary{codes: map[Scheme]map[Code][]entry{}}
	for _, s := range []Scheme{Function, Economic} {
		nd.codes[s] = map[Code][]entry{}
		if d != nil {
			for c, es := range d.codes[s] {
				nd.codes[s][c] = es
			}
		}
	}
	return nd
}
