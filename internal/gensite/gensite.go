package gensite

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Options say what site Generate writes.
type Options struct {
	// Root is the repository: the corpus under testdata/corpus/, the
	// example department and site.yaml are read from it.
	Root string
	// Dir is the folder the site is written to; it is created, and must
	// not hold a site already.
	Dir string
	// Departments is the number of departments of each year, Years the
	// number of years, ending with LastYear (2025 when 0).
	Departments, Years, LastYear int
	// Seed makes the figures and names: the same seed, the same site.
	Seed uint64
}

// Summary says what Generate wrote.
type Summary struct {
	Files       int // department files (department-years)
	Departments []Department
	Years       []int
}

// Department says how a generated department was made.
type Department struct {
	ID   string
	Base string // the id of the corpus department it copies
	// Mul is 10,000 when a 万元 file is published in 元, else 1; every
	// amount of year i is the base's × Mul × P[i] / Q.
	Mul, Q int64
	P      []int64
}

// A base is a department of the corpus (or the example site) that
// generated departments copy the structure of.
type base struct {
	site, id string // the site folder under Root, the department id
	year     int    // the year folder of its file
	stemZH   string // the place its names and texts begin with, 北庭
	stemEN   string // Beiting
	suffix   string // the id after the place, survey
	template string // the template its site.yaml names, or ""
	// fixed is set for the example department: its published figures
	// have rounding differences, which scaling would turn into errors,
	// so it is published once, under its own id, with its own figures.
	fixed bool
}

// bases are the structures generated departments are drawn from: a
// public institution (事业单位) in 元 with unit funds, a department with
// government-fund projects, one with state-capital spending, one with
// carry-over, one of a province with its own template, a 2025 budget.
var bases = []base{
	{site: "testdata/corpus/shiye-yuan", id: "beiting-survey", year: 2024, stemZH: "北庭", stemEN: "Beiting", suffix: "survey"},
	{site: "testdata/corpus/fund-projects", id: "beiting-housing", year: 2024, stemZH: "北庭", stemEN: "Beiting", suffix: "housing"},
	{site: "testdata/corpus/soe-spending", id: "beiting-sasac", year: 2024, stemZH: "北庭", stemEN: "Beiting", suffix: "sasac"},
	{site: "testdata/corpus/carryover", id: "yunxi-transport", year: 2024, stemZH: "云溪", stemEN: "Yunxi", suffix: "transport"},
	{site: "testdata/corpus/provincial", id: "yunxi-culture", year: 2024, stemZH: "云溪", stemEN: "Yunxi", suffix: "culture"},
	{site: "testdata/corpus/edition-2025", id: "yunxi-market", year: 2025, stemZH: "云溪", stemEN: "Yunxi", suffix: "market"},
}

// example is the department of the example site.
var example = base{site: ".", id: "changji-egov", year: 2024, fixed: true}

// source is a base as read: its department file, its explanations and
// its amounts.
type source struct {
	base
	data         []byte
	content      map[string][]byte // by language
	amounts      *scalable
	templateFile []byte // templates/<template>.yaml, when it names one
}

// department is one generated department: the base it copies, its
// place, and the factors its figures are scaled by, one for each year.
type department struct {
	src    *source
	id     string
	place  county
	toYuan bool    // a 万元 file published in 元 (every amount × 10,000)
	q      int64   // the denominator of the factors
	p      []int64 // the numerator of each year's factor
}

// Generate writes a site of opts.Departments departments for each of
// opts.Years years into opts.Dir: site.yaml, the templates the
// departments follow, data/<year>/<id>.yaml and the explanations in
// content/zh and content/en. The first department is the example one,
// with its own figures; the others copy the corpus departments, in turn,
// each under a place of its own, with every amount of the file scaled by
// a factor of the department and a growth from year to year. A factor is
// p/q with q dividing every amount of the file, so each amount stays
// exact and every sum of the tables still adds up (they are published in
// 元, where a 万元 base allows such factors). Last year's figures of a
// file are scaled with it, so the changes its explanations state keep
// their direction.
func Generate(opts Options) (Summary, error) {
	if opts.Departments < 1 || opts.Years < 1 {
		return Summary{}, fmt.Errorf("a site needs at least 1 department and 1 year, not %d and %d", opts.Departments, opts.Years)
	}
	if opts.LastYear == 0 {
		opts.LastYear = 2025
	}
	if _, err := os.Stat(filepath.Join(opts.Dir, "site.yaml")); err == nil {
		return Summary{}, fmt.Errorf("%s already holds a site (site.yaml); give an empty or new folder", opts.Dir)
	}
	srcs := make([]*source, len(bases))
	for i, b := range bases {
		s, err := readSource(opts.Root, b)
		if err != nil {
			return Summary{}, err
		}
		srcs[i] = s
	}
	ex, err := readSource(opts.Root, example)
	if err != nil {
		return Summary{}, err
	}

	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	places := counties()
	rng.Shuffle(len(places), func(i, j int) { places[i], places[j] = places[j], places[i] })
	if opts.Departments-1 > len(places) {
		return Summary{}, fmt.Errorf("at most %d departments: there are not more fictional counties", len(places)+1)
	}
	order := rng.Perm(len(srcs))
	depts := []department{{src: ex, id: ex.id}}
	for i := 1; i < opts.Departments; i++ {
		src := srcs[order[(i-1)%len(srcs)]]
		d := department{src: src, place: places[i-1], id: places[i-1].id + "-" + src.suffix}
		d.scale(rng, opts.Years)
		depts = append(depts, d)
	}

	var sum Summary
	for _, d := range depts {
		sum.Departments = append(sum.Departments, d.summary(opts.Years))
	}
	for y := opts.LastYear - opts.Years + 1; y <= opts.LastYear; y++ {
		sum.Years = append(sum.Years, y)
	}
	if err := writeSiteFiles(opts, append(srcs, ex), sum.Years); err != nil {
		return sum, err
	}
	for _, d := range depts {
		for i, y := range sum.Years {
			if err := d.write(opts.Dir, y, i); err != nil {
				return sum, err
			}
			sum.Files++
		}
	}
	return sum, nil
}

// readSource reads a base's department file, explanations and template.
func readSource(root string, b base) (*source, error) {
	dir := filepath.Join(root, b.site)
	name := filepath.Join(dir, "data", strconv.Itoa(b.year), b.id+".yaml")
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	s := &source{base: b, data: data, content: map[string][]byte{}}
	for _, lang := range []string{"zh", "en"} {
		md, err := os.ReadFile(filepath.Join(dir, "content", lang, strconv.Itoa(b.year), b.id+".md"))
		if err != nil {
			return nil, err
		}
		s.content[lang] = md
	}
	if s.amounts, err = readScalable(name, data); err != nil {
		return nil, err
	}
	site, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		return nil, err
	}
	var cfg struct {
		Template string `yaml:"template"`
	}
	if err := yaml.Unmarshal(site, &cfg); err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.Join(dir, "site.yaml"), err)
	}
	if s.template = cfg.Template; s.template != "" {
		if s.templateFile, err = os.ReadFile(filepath.Join(dir, "templates", s.template+".yaml")); err != nil {
			return nil, err
		}
	}
	return s, nil
}

var (
	unitWan  = regexp.MustCompile(`(?m)^unit: 万元`)
	unitLine = regexp.MustCompile(`(?m)^unit:`)
)

// scale chooses the factor of each year: a size drawn between 0.3 and 3
// times the base's, and a growth from year to year of +2 % to +10 %, or
// one year in five a cut of 2 % to 6 %, each rounded to a multiple of
// 1/q. A file in 万元 is published in 元 (every amount × 10,000): its
// amounts are whole 0.01 万元, so only in 元 can a factor other than a
// whole number keep them exact.
func (d *department) scale(rng *rand.Rand, years int) {
	d.toYuan = unitWan.Match(d.src.data)
	d.q = gcd64(d.src.amounts.gcd(d.mul()), 1000)
	t := math.Exp(math.Log(0.3) + rng.Float64()*(math.Log(3)-math.Log(0.3)))
	for i := range years {
		if i > 0 {
			g := 0.02 + rng.Float64()*0.08
			if rng.IntN(5) == 0 {
				g = -0.02 - rng.Float64()*0.04
			}
			t *= 1 + g
		}
		p := max(1, int64(math.Round(t*float64(d.q))))
		if i > 0 && p == d.p[i-1] { // a growth too small to show at 1/q
			p++
		}
		d.p = append(d.p, p)
	}
}

// summary says how the department was made, for years years.
func (d *department) summary(years int) Department {
	out := Department{ID: d.id, Base: d.src.id, Mul: d.mul(), Q: d.q, P: d.p}
	if d.src.fixed {
		out.Q, out.P = 1, slices.Repeat([]int64{1}, years)
	}
	return out
}

// mul is what every amount is multiplied by before the factor.
func (d *department) mul() int64 {
	if d.toYuan {
		return 10000
	}
	return 1
}

func gcd64(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// write writes the department's file and explanations for year y, the
// i-th year of the site.
func (d *department) write(dir string, y, i int) error {
	data := d.src.data
	if !d.src.fixed {
		var err error
		if data, err = d.src.amounts.scaled(d.mul(), d.p[i], d.q); err != nil {
			return fmt.Errorf("%s: %v", d.src.id, err)
		}
		if d.toYuan {
			data = unitWan.ReplaceAll(data, []byte("unit: 元"))
		}
	}
	if d.src.template != "" {
		loc := unitLine.FindIndex(data)
		if loc == nil {
			return fmt.Errorf("%s: no unit: line to put the template before", d.src.id)
		}
		data = append(append(append([]byte{}, data[:loc[0]]...), "template: "+d.src.template+"\n"...), data[loc[0]:]...)
	}
	ys := strconv.Itoa(y)
	if err := writeFile(filepath.Join(dir, "data", ys, d.id+".yaml"), d.text(data, y)); err != nil {
		return err
	}
	for _, lang := range []string{"zh", "en"} {
		if err := writeFile(filepath.Join(dir, "content", lang, ys, d.id+".md"), d.text(d.src.content[lang], y)); err != nil {
			return err
		}
	}
	return nil
}

// countyShort is a short name of a county's department, in Chinese and
// in English: 县交通运输局, County Transport Bureau.
var countyShort = regexp.MustCompile(`(short:\n    zh: )县([^\n]*\n    en: )County `)

// text moves a base's text to the department's place and to year y.
func (d *department) text(b []byte, y int) []byte {
	s := string(b)
	if !d.src.fixed {
		s = strings.NewReplacer(
			d.src.stemZH, d.place.zh,
			d.src.stemEN, d.place.en,
			strings.ToLower(d.src.stemEN), d.place.id,
		).Replace(s)
		// The short names say "the county's": on a site of many counties
		// they name the county, as the charts and lists of all
		// departments need.
		s = countyShort.ReplaceAllString(s, "${1}"+d.place.zh+"县${2}"+d.place.en+" County ")
	}
	return []byte(shiftYears(s, d.src.year, y-d.src.year))
}

// shiftYears adds offset to every year near base (three years either
// side) that s writes: in dates, in "2024 年", in titles. A number that
// is part of an amount (2,024.00, 12024, 2024.50) is not a year.
func shiftYears(s string, base, offset int) string {
	if offset == 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+4 <= len(s) && s[i] == '2' && s[i+1] == '0' && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(i == 0 || !(isDigit(s[i-1]) || s[i-1] == '.' || s[i-1] == ',')) &&
			(i+4 == len(s) || !isDigit(s[i+4])) &&
			(i+5 >= len(s) || !((s[i+4] == '.' || s[i+4] == ',') && isDigit(s[i+5]))) {
			if y, _ := strconv.Atoi(s[i : i+4]); y >= base-3 && y <= base+3 {
				b.WriteString(strconv.Itoa(y + offset))
				i += 4
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// writeSiteFiles writes site.yaml (the example site's), the templates
// the bases follow and, for years before the codes of the bases, the
// classification extension that names them.
func writeSiteFiles(opts Options, srcs []*source, years []int) error {
	site, err := os.ReadFile(filepath.Join(opts.Root, "site.yaml"))
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(opts.Dir, "site.yaml"), site); err != nil {
		return err
	}
	if ext := classification(srcs, years); ext != nil {
		if err := writeFile(filepath.Join(opts.Dir, "data", "classification.yaml"), ext); err != nil {
			return err
		}
	}
	for _, s := range srcs {
		if s.template != "" {
			if err := writeFile(filepath.Join(opts.Dir, "templates", s.template+".yaml"), s.templateFile); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}
