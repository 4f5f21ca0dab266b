package load

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/diag"
	"budgetpress/internal/i18n"
	"budgetpress/internal/model"
	"budgetpress/internal/parallel"
	"budgetpress/internal/sitepath"
	"budgetpress/internal/yamlsrc"
)

// Content reads a Markdown file of content/ as UTF-8 text without a
// byte-order mark. A file saved as GBK or UTF-16 is an error, as for
// the YAML files, and comes back Bad.
func Content(path string, src []byte) (model.Source, diag.List) {
	text, diags := yamlsrc.Text(path, src)
	return model.Source{Path: path, Text: string(text), Bad: diags.HasErrors()}, diags
}

// ReadSite reads site.yaml, the classification extensions and every
// department file of dir. Paths in diagnostics are relative to dir.
func ReadSite(dir string) (*model.Site, diag.List) {
	s, diags := ReadSettings(dir)
	if s.Config == nil {
		return s, diags
	}
	s.DataFiles = sitepath.DataFiles(dir, "*")
	// Files are read and parsed on every core; the results are gathered
	// in path order, so the outcome does not depend on scheduling.
	type result struct {
		f     *model.File
		diags diag.List
	}
	results := make([]result, len(s.DataFiles))
	parallel.Each(len(s.DataFiles), func(i int) {
		results[i].f, results[i].diags = readDepartment(s, s.DataFiles[i])
	})
	for _, r := range results {
		diags = append(diags, r.diags...)
		if r.f != nil {
			s.Files = append(s.Files, r.f)
		}
	}
	if len(s.DataFiles) == 0 {
		diags.Errorf(diag.Pos{File: "data"}, "no department files found: put them in data/<year>/<department>.yaml")
	}
	var md []string
	filepath.WalkDir(filepath.Join(dir, sitepath.Content), func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".md") {
			md = append(md, filepath.ToSlash(mustRel(dir, p)))
		}
		return nil
	})
	// The explanations too are read on every core, and gathered in order.
	type text struct {
		c     model.Source
		found bool
		diags diag.List
	}
	texts := make([]text, len(md))
	parallel.Each(len(md), func(i int) {
		texts[i].c, texts[i].found, texts[i].diags = readText(s, md[i])
	})
	for _, t := range texts {
		diags = append(diags, t.diags...)
		if t.found {
			addContent(s, t.c)
		}
	}
	return s, diags
}

// ReadSettings reads site.yaml and the classification extensions of dir:
// a Site without department files or explanations, to which
// ReadDepartment adds them. Config is nil when site.yaml is missing or
// wrong, as the diagnostics say.
func ReadSettings(dir string) (*model.Site, diag.List) {
	s := &model.Site{Dir: dir, Dict: classify.Default()}
	src, found, diags := ReadFile(dir, "site.yaml")
	switch {
	case !found:
		diags.Errorf(diag.Pos{File: "site.yaml"}, "no site.yaml in %s: is this a budgetpress site folder?", dir)
		return s, diags
	case src == nil:
		return s, diags
	}
	cfg, ds := SiteConfig("site.yaml", src)
	diags = append(diags, ds...)
	s.Config = cfg
	if cfg == nil {
		return s, diags
	}
	const ext = "data/classification.yaml"
	src, _, ds = ReadFile(dir, ext)
	diags = append(diags, ds...)
	if src != nil {
		d, err := s.Dict.Extend(ext, src)
		if err != nil {
			diags = append(diags, asDiagnostics(err)...)
		} else {
			s.Dict = d
		}
	}
	templates, ds := readTemplates(dir, cfg.Languages)
	diags = append(diags, ds...)
	s.Templates = templates
	if _, ok := templates[cfg.Template]; !ok {
		diags.Errorf(cfg.TemplatePos, "%s", unknownTemplate(cfg.Template, templates))
	}
	return s, diags
}

// ReadDepartment reads one department file of a site read by
// ReadSettings, rel being data/<year>/<department>.yaml (see
// DepartmentFile), and its explanations in the languages of the site,
// content/<lang>/<year>/<department>.md, those there are; it adds them
// to s. A file already read is not read again.
func ReadDepartment(s *model.Site, rel string) diag.List {
	if s.Config == nil || slices.Contains(s.DataFiles, rel) {
		return nil
	}
	f, diags := readDepartment(s, rel)
	i, _ := slices.BinarySearch(s.DataFiles, rel)
	s.DataFiles = slices.Insert(s.DataFiles, i, rel)
	if f != nil {
		i := sort.Search(len(s.Files), func(i int) bool { return s.Files[i].Path >= rel })
		s.Files = slices.Insert(s.Files, i, f)
	}
	year, id := path.Base(path.Dir(rel)), strings.TrimSuffix(path.Base(rel), ".yaml")
	for _, lang := range s.Config.Languages {
		diags = append(diags, readContent(s, sitepath.Content+"/"+lang+"/"+year+"/"+id+".md")...)
	}
	return diags
}

// Neighbours reads, on every core and without their explanations, the
// department files of the year folders of s's department files that s
// does not hold, and returns those that load, in the order of paths.
// What is wrong in them is left out: each is told when that file is
// checked. A check of some files sees through them what lies between
// departments (two files naming one department).
func Neighbours(s *model.Site) []*model.File {
	if s.Config == nil {
		return nil
	}
	var rels []string
	seen := map[string]bool{}
	for _, rel := range s.DataFiles {
		year, _, ok := sitepath.ParseDataFile(rel)
		if !ok || seen[year] {
			continue
		}
		seen[year] = true
		for _, r := range sitepath.DataFiles(s.Dir, year) {
			if _, held := slices.BinarySearch(s.DataFiles, r); !held {
				rels = append(rels, r)
			}
		}
	}
	sort.Strings(rels)
	files := make([]*model.File, len(rels))
	parallel.Each(len(rels), func(i int) {
		files[i], _ = readDepartment(s, rels[i])
	})
	return slices.DeleteFunc(files, func(f *model.File) bool { return f == nil })
}

// DepartmentFile reports whether rel, a slash-separated path relative to
// the site folder, is where a department file lives:
// data/<year>/<department>.yaml. The loader itself says when the year
// or the name is not one.
func DepartmentFile(rel string) bool {
	_, _, ok := sitepath.ParseDataFile(rel)
	return ok
}

// MaxDiagnostics is the most findings kept about one department file.
// Beyond it, what the editor needs is the first ones: a file with more
// is usually broken in one way many times over, and keeping every
// finding of a huge file would take more memory than the file itself.
const MaxDiagnostics = 1000

// readDepartment reads and loads one department file.
func readDepartment(s *model.Site, rel string) (*model.File, diag.List) {
	src, _, diags := ReadFile(s.Dir, rel)
	if src == nil {
		if diags == nil { // gone since it was found
			diags.Errorf(diag.Pos{File: rel}, "cannot read: the file is gone")
		}
		return nil, diags
	}
	f, diags := File(rel, src, OptionsOf(s))
	return f, diags.Capped(MaxDiagnostics)
}

// OptionsOf returns what the site's department files are read against:
// its dictionary, languages and templates. s must have its settings.
func OptionsOf(s *model.Site) Options {
	return Options{Dict: s.Dict, Langs: s.Config.Languages, Templates: s.Templates, Template: s.Config.Template}
}

// readContent reads an explanation into s.Content, keeping it in path
// order; one that does not exist is left out.
func readContent(s *model.Site, rel string) diag.List {
	c, found, diags := readText(s, rel)
	if found {
		addContent(s, c)
	}
	return diags
}

// readText reads an explanation; found is false when it does not exist.
func readText(s *model.Site, rel string) (c model.Source, found bool, diags diag.List) {
	src, found, diags := ReadFile(s.Dir, rel)
	if !found {
		return model.Source{}, false, nil
	}
	c = model.Source{Path: rel, Bad: true}
	if src != nil {
		var ds diag.List
		c, ds = Content(rel, src)
		diags = append(diags, ds...)
	}
	return c, true, diags
}

// addContent puts an explanation into s.Content, in path order.
func addContent(s *model.Site, c model.Source) {
	i := sort.Search(len(s.Content), func(i int) bool { return s.Content[i].Path >= c.Path })
	s.Content = slices.Insert(s.Content, i, c)
}

func mustRel(dir, p string) string {
	r, err := filepath.Rel(dir, p)
	if err != nil {
		return p
	}
	return r
}

// asDiagnostics converts an error from the classification dictionary.
func asDiagnostics(err error) diag.List {
	var ce *classify.Error
	if errors.As(err, &ce) {
		return diag.List{{Pos: diag.Pos{File: ce.File, Line: ce.Line, Col: ce.Col}, Severity: diag.Error, Message: ce.Msg}}
	}
	return diag.List{{Pos: diag.Pos{File: "data/classification.yaml"}, Severity: diag.Error, Message: err.Error()}}
}

// SiteConfig reads site.yaml. It returns no settings when languages:
// lists one that budgetpress cannot publish (see i18n.Languages): every
// department file names things in them, and the pages would be wrong.
func SiteConfig(file string, src []byte) (*model.Settings, diag.List) {
	root, diags := yamlsrc.Parse(file, src, "the settings of one site")
	if root == nil {
		return nil, diags
	}
	d := &decoder{file: file}
	cfg := &model.Settings{Languages: i18n.Languages(), BasePath: "/", Template: model.TemplateNational}
	o := d.object(root, "site.yaml", "title", "languages", "check", "base_url", "base_path", "portal", "template", "archive", "deploy")
	if o == nil {
		return nil, append(diags, d.diags...)
	}
	badLanguage := false
	if v := o.get("languages"); v != nil {
		cfg.Languages = nil
		for _, l := range d.list(v, "languages") {
			s := d.str(l, "a language")
			if s == "" {
				continue
			}
			if !i18n.Publishable(s) {
				badLanguage = true
				d.errorf(l, "%s", unknownLanguage(s))
				if code := meantLanguage(s); code != "" {
					s = code // so that the rest of site.yaml reads as meant
				}
			}
			if !contains(cfg.Languages, s) {
				cfg.Languages = append(cfg.Languages, s)
			}
		}
		if len(cfg.Languages) == 0 || cfg.Languages[0] != "zh" {
			d.errorf(v, "languages must start with zh (Chinese is the language of the published document), like [zh, en]")
		}
	}
	// The texts of site.yaml are read in the languages listed; after a
	// language budgetpress cannot publish, in those it can as well, so
	// that the one mistake is reported once, not at every text.
	langs := cfg.Languages
	if badLanguage {
		langs = slices.Clone(i18n.Languages())
		for _, l := range cfg.Languages {
			if !slices.Contains(langs, l) {
				langs = append(langs, l)
			}
		}
	}
	cfg.Title = d.text(o.get("title"), "title", langs)
	if v := o.get("base_url"); v != nil {
		cfg.BaseURL = d.str(v, "base_url")
		if err := CheckBaseURL(cfg.BaseURL); err != nil {
			d.errorf(v, "%v", err)
		}
	}
	if v := o.get("base_path"); v != nil {
		cfg.BasePath = NormalizeBasePath(d.str(v, "base_path"))
	}
	if v := o.get("archive"); v != nil {
		cfg.Archive = d.str(v, "archive")
	}
	if v := o.get("deploy"); v != nil {
		cfg.Deploy = d.str(v, "deploy")
	}
	if v := o.get("template"); v != nil {
		cfg.Template = d.str(v, "template")
		cfg.TemplatePos = d.pos(v)
	}
	if v := o.get("portal"); v != nil {
		p := d.object(v, "portal", "site_name", "site_domain", "site_id_code", "column_name", "column_type",
			"url", "organizer", "icp", "police", "contact", "correction", "mark")
		if p != nil {
			cfg.Portal.SiteName = d.text(p.get("site_name"), "site_name", langs)
			cfg.Portal.ColumnName = d.text(p.get("column_name"), "column_name", langs)
			if s := p.get("site_domain"); s != nil {
				cfg.Portal.SiteDomain = d.str(s, "site_domain")
			}
			if s := p.get("site_id_code"); s != nil {
				cfg.Portal.SiteIDCode = d.str(s, "site_id_code")
			}
			if s := p.get("column_type"); s != nil {
				cfg.Portal.ColumnType = d.str(s, "column_type")
			}
			// The header and footer of an official website.
			for _, l := range []struct {
				key   string
				field *string
			}{{"url", &cfg.Portal.URL}, {"correction", &cfg.Portal.Correction}, {"mark", &cfg.Portal.Mark}} {
				key, field := l.key, l.field
				if s := p.get(key); s != nil {
					*field = d.str(s, key)
					if err := checkLink(key, *field); err != nil {
						d.errorf(s, "%v", err)
						*field = ""
					}
				}
			}
			if s := p.get("organizer"); s != nil {
				cfg.Portal.Organizer = d.text(s, "organizer", langs)
			}
			if s := p.get("contact"); s != nil {
				cfg.Portal.Contact = d.text(s, "contact", langs)
			}
			if s := p.get("icp"); s != nil {
				cfg.Portal.ICP = d.str(s, "icp")
			}
			if s := p.get("police"); s != nil {
				cfg.Portal.Police = d.str(s, "police")
			}
		}
	}
	if v := o.get("check"); v != nil {
		c := d.object(v, "check", "tolerance", "indicator_weights")
		if t := c.get("tolerance"); t != nil {
			if s, _ := d.scalar(t, "tolerance"); s != "auto" {
				a, err := amount.Parse(s)
				if err != nil || a.Sign() < 0 {
					d.errorf(t, "tolerance is auto, or an amount such as 0.05 in the unit of each file")
				} else {
					cfg.Tolerance = &a
				}
			}
		}
		if w := c.get("indicator_weights"); w != nil {
			cfg.IndicatorWeights = d.integer(w, "indicator_weights")
		}
	}
	if badLanguage {
		return nil, append(diags, d.diags...)
	}
	return cfg, append(diags, d.diags...)
}

// languageAliases are the other ways editors name the languages
// budgetpress publishes (ISO 639-2 and 639-3 codes, a country code,
// regional tags, names), with the code meant. Capitals are ignored.
var languageAliases = map[string]string{
	"eng": "en", "english": "en", "en-us": "en", "en-gb": "en", "en_us": "en", "en_gb": "en",
	"chi": "zh", "zho": "zh", "cn": "zh", "zh-cn": "zh", "zh_cn": "zh", "zh-hans": "zh", "chinese": "zh", "中文": "zh",
}

// meantLanguage returns the publishable language that s names another
// way ("eng", "EN"), or "".
func meantLanguage(s string) string {
	lower := strings.ToLower(s)
	if i18n.Publishable(lower) {
		return lower
	}
	return languageAliases[lower]
}

// unknownLanguage explains an entry of languages: that budgetpress
// cannot publish in: another name of a language it can, or another
// language.
func unknownLanguage(s string) string {
	var list []string
	for _, l := range i18n.Languages() {
		list = append(list, fmt.Sprintf("%s (%s)", l, i18n.Name(l)))
	}
	known := strings.Join(list, ", ")
	if i := strings.LastIndex(known, ", "); i >= 0 {
		known = known[:i] + " and " + known[i+2:]
	}
	if code := meantLanguage(s); code != "" {
		return fmt.Sprintf("write %s instead of %q: budgetpress names its languages %s", code, s, known)
	}
	return fmt.Sprintf("budgetpress cannot publish in %q: it publishes only %s; remove %q "+
		"(another language needs its own way of writing amounts and units, and its interface texts, added to budgetpress first)", s, known, s)
}

// CheckBaseURL accepts an http or https address with a host and no path.
func CheckBaseURL(s string) error {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return fmt.Errorf("base_url %q is not a web address; write it like https://www.cj.gov.cn", s)
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("base_url %q must start with http:// or https://, like https://www.cj.gov.cn", s)
	case u.Host == "":
		return fmt.Errorf("base_url %q has no host name; write it like https://www.cj.gov.cn", s)
	case u.Path != "" && u.Path != "/":
		return fmt.Errorf("base_url %q has a path (%s); give only the website's address, like https://www.cj.gov.cn, and put the path in base_path", s, u.Path)
	case u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		return fmt.Errorf("base_url %q has more than a website's address; give only the address, like https://www.cj.gov.cn", s)
	}
	return nil
}

// checkLink accepts the address of a page elsewhere, for the links of
// portal: in site.yaml: http or https, with a host.
func checkLink(key, s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("portal %s %q is not a web address; write the whole address, starting with https:// or http://, like https://www.cj.gov.cn/", key, s)
	}
	return nil
}

// NormalizeBasePath makes a base path start and end with a slash:
// "zwgk/czyjs" becomes "/zwgk/czyjs/".
func NormalizeBasePath(p string) string {
	p = strings.Trim(strings.TrimSpace(p), "/")
	if p == "" {
		return "/"
	}
	return "/" + p + "/"
}
