package classify

import (
	"embed"
	"io/fs"
	"slices"
	"sync"
)

// Scheme names one of the classifications a code can belong to.
type Scheme string

const (
	// Function is the functional classification of expenditure (支出功能分类):
	// what the money is for, such as 201 一般公共服务支出.
	Function Scheme = "function"
	// Economic is the economic classification of department expenditure
	// (部门预算支出经济分类): what the money buys, such as 301 工资福利支出.
	Economic Scheme = "economic"
	// GovEconomic is the economic classification of government budget
	// expenditure (政府预算支出经济分类): what a government's budget buys,
	// such as 501 机关工资福利支出.
	GovEconomic Scheme = "gov-economic"
)

// schemes lists every scheme, in the order sections are named in messages.
var schemes = []Scheme{Function, Economic, GovEconomic}

// Schemes returns every classification scheme: Function, Economic and
// GovEconomic.
func Schemes() []Scheme { return slices.Clone(schemes) }

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

// bundled holds the dictionary files: the functional classification one
// file per 类, and the two economic classifications.
//
//go:embed data/function/*.yaml data/economic.yaml data/gov-economic.yaml
var bundled embed.FS

// bundledFiles returns the names of the bundled dictionary files, in the
// order they are read.
func bundledFiles() []string {
	names, _ := fs.Glob(bundled, "data/function/*.yaml")
	return append(names, "data/economic.yaml", "data/gov-economic.yaml")
}

var loadDefault = sync.OnceValue(func() *Dictionary {
	d := &Dictionary{}
	for _, name := range bundledFiles() {
		src, err := bundled.ReadFile(name)
		if err == nil {
			d, err = d.Extend(name, src)
		}
		if err != nil {
			// The bundled files are tested; this is a build mistake.
			panic("classify: bundled dictionary: " + err.Error())
		}
	}
	return d
})

// Default returns the bundled dictionary: the classifications of the
// editions Editions lists, with earlier names where they are known to
// differ. It is parsed once.
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
	return d.codesAt(s, year, 1)
}

// Codes returns every code of scheme s at the given level (1 for 类, 2 for
// 款, 3 for 项) that has a name in the budget year, in code order.
func (d *Dictionary) Codes(s Scheme, year, level int) []Code {
	return d.codesAt(s, year, level)
}

func (d *Dictionary) codesAt(s Scheme, year, level int) []Code {
	var out []Code
	if d == nil {
		return out
	}
	for c := range d.codes[s] {
		if c.Level() != level {
			continue
		}
		if _, ok := d.Lookup(s, c, year); ok {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// Counts is how many codes of one scheme have a name in one budget year,
// level by level.
type Counts struct {
	Classes    int // 类
	Categories int // 款
	Items      int // 项
}

// Count returns how many 类, 款 and 项 of scheme s have a name in the
// budget year.
func (d *Dictionary) Count(s Scheme, year int) Counts {
	return Counts{
		Classes:    len(d.codesAt(s, year, 1)),
		Categories: len(d.codesAt(s, year, 2)),
		Items:      len(d.codesAt(s, year, 3)),
	}
}

// clone returns a copy of d that can be changed without changing d.
// The entry slices are shared: they are replaced, never modified.
func (d *Dictionary) clone() *Dictionary {
	nd := &Dictionary{codes: map[Scheme]map[Code][]entry{}}
	for _, s := range schemes {
		nd.codes[s] = map[Code][]entry{}
		if d != nil {
			for c, es := range d.codes[s] {
				nd.codes[s][c] = es
			}
		}
	}
	return nd
}
