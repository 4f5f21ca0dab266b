package load

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/diag"
	"budgetpress/internal/model"
	"budgetpress/internal/parallel"
)

// Site is everything read from a site directory.
type Site struct {
	Dir    string
	Config *model.Site
	Dict   *classify.Dictionary
	// Templates are the table sets department files may follow, by id:
	// the built-in ones and the site's templates/*.yaml.
	Templates map[string]*model.Template
	Files     []*model.File
	// DataFiles holds the path of every department file found, relative
	// to Dir, whether or not it loaded.
	DataFiles []string
	// Content holds the Markdown files under content/, by path relative
	// to Dir, in path order.
	Content []Source
}

// Source is a text file of the site.
type Source struct {
	Path string
	Text string
	// Bad is set when the file could not be read or is not UTF-8 text;
	// the loader has said why, and Text is empty.
	Bad bool
}

// Content reads a Markdown file of content/ as UTF-8 text without a
// byte-order mark. A file saved as GBK or UTF-16 is an error, as for
// the YAML files, and comes back Bad.
func Content(path string, src []byte) (Source, diag.List) {
	text, diags := utf8Text(path, src)
	return Source{Path: path, Text: string(text), Bad: diags.HasErrors()}, diags
}

// ReadSite reads site.yaml, the classification extensions and every
// department file of dir. Paths in diagnostics are relative to dir.
func ReadSite(dir string) (*Site, diag.List) {
	var diags diag.List
	s := &Site{Dir: dir, Dict: classify.Default()}
	src, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			diags.Errorf(diag.Pos{File: "site.yaml"}, "no site.yaml in %s: is this a budgetpress site folder?", dir)
		} else {
			diags.Errorf(diag.Pos{File: "site.yaml"}, "cannot read site.yaml: %v", err)
		}
		return s, diags
	}
	cfg, ds := SiteConfig("site.yaml", src)
	diags = append(diags, ds...)
	s.Config = cfg
	if cfg == nil {
		return s, diags
	}
	const ext = "data/classification.yaml"
	if src, err := os.ReadFile(filepath.Join(dir, ext)); err == nil {
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
	paths, _ := filepath.Glob(filepath.Join(dir, "data", "*", "*.yaml"))
	sort.Strings(paths)
	// Files are read and parsed on every core; the results are gathered
	// in path order, so the outcome does not depend on scheduling.
	type result struct {
		f     *model.File
		diags diag.List
	}
	results := make([]result, len(paths))
	parallel.Each(len(paths), func(i int) {
		rel := filepath.ToSlash(mustRel(dir, paths[i]))
		src, err := os.ReadFile(paths[i])
		if err != nil {
			results[i].diags.Errorf(diag.Pos{File: rel}, "cannot read: %v", err)
			return
		}
		results[i].f, results[i].diags = File(rel, src, Options{Dict: s.Dict, Langs: cfg.Languages, Templates: templates, Template: cfg.Template})
	})
	for _, p := range paths {
		s.DataFiles = append(s.DataFiles, filepath.ToSlash(mustRel(dir, p)))
	}
	for _, r := range results {
		diags = append(diags, r.diags...)
		if r.f != nil {
			s.Files = append(s.Files, r.f)
		}
	}
	if len(paths) == 0 {
		diags.Errorf(diag.Pos{File: "data"}, "no department files found: put them in data/<year>/<department>.yaml")
	}
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".md") {
			rel := filepath.ToSlash(mustRel(dir, p))
			src, err := os.ReadFile(p)
			if err != nil {
				diags.Errorf(diag.Pos{File: rel}, "cannot read: %v", err)
				s.Content = append(s.Content, Source{Path: rel, Bad: true})
				return nil
			}
			c, ds := Content(rel, src)
			diags = append(diags, ds...)
			s.Content = append(s.Content, c)
		}
		return nil
	})
	return s, diags
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

// SiteConfig reads site.yaml. It returns no settings when the languages
// are not language codes: every department file names things in them.
func SiteConfig(file string, src []byte) (*model.Site, diag.List) {
	root, diags := parseYAML(file, src)
	if root == nil {
		return nil, diags
	}
	d := &decoder{file: file}
	cfg := &model.Site{Languages: []string{"zh", "en"}, BasePath: "/", Template: model.TemplateNational}
	o := d.object(root, "site.yaml", "title", "languages", "check", "base_url", "base_path", "portal", "template")
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
			if !languageCodes[s] {
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
	cfg.Title = d.text(o.get("title"), "title", cfg.Languages)
	if v := o.get("base_url"); v != nil {
		cfg.BaseURL = d.str(v, "base_url")
		if err := CheckBaseURL(cfg.BaseURL); err != nil {
			d.errorf(v, "%v", err)
		}
	}
	if v := o.get("base_path"); v != nil {
		cfg.BasePath = NormalizeBasePath(d.str(v, "base_path"))
	}
	if v := o.get("template"); v != nil {
		cfg.Template = d.str(v, "template")
		cfg.TemplatePos = d.pos(v)
	}
	if v := o.get("portal"); v != nil {
		p := d.object(v, "portal", "site_name", "site_domain", "site_id_code", "column_name", "column_type")
		if p != nil {
			cfg.Portal.SiteName = d.text(p.get("site_name"), "site_name", cfg.Languages)
			cfg.Portal.ColumnName = d.text(p.get("column_name"), "column_name", cfg.Languages)
			if s := p.get("site_domain"); s != nil {
				cfg.Portal.SiteDomain = d.str(s, "site_domain")
			}
			if s := p.get("site_id_code"); s != nil {
				cfg.Portal.SiteIDCode = d.str(s, "site_id_code")
			}
			if s := p.get("column_type"); s != nil {
				cfg.Portal.ColumnType = d.str(s, "column_type")
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

// languageCodes are the ISO 639-1 codes of the languages a site may be
// published in: those of China's peoples, of its neighbours and of the
// United Nations, and a few more.
var languageCodes = map[string]bool{
	"zh": true, "en": true, "ug": true, "kk": true, "ky": true, "mn": true, "bo": true, "ii": true, "za": true,
	"ko": true, "ja": true, "ru": true, "fr": true, "de": true, "es": true, "ar": true, "pt": true, "it": true,
	"vi": true, "th": true, "lo": true, "my": true, "km": true, "ms": true, "id": true, "ne": true, "hi": true,
	"ur": true, "fa": true, "tr": true, "uz": true, "tg": true, "nl": true, "pl": true,
}

// languageAliases are the other ways editors name those languages
// (ISO 639-2 and 639-3 codes, country codes, names, capitals), with the
// code meant.
var languageAliases = map[string]string{
	"eng": "en", "english": "en", "chi": "zh", "zho": "zh", "cn": "zh", "zh-cn": "zh", "zh_cn": "zh",
	"zh-hans": "zh", "chinese": "zh", "中文": "zh", "uig": "ug", "uyg": "ug", "kaz": "kk", "kir": "ky",
	"mon": "mn", "tib": "bo", "bod": "bo", "kor": "ko", "jpn": "ja", "jp": "ja", "rus": "ru", "fre": "fr",
	"fra": "fr", "ger": "de", "deu": "de", "spa": "es", "ara": "ar", "por": "pt", "vie": "vi", "tha": "th",
	"uyghur": "ug", "kazakh": "kk", "mongolian": "mn", "tibetan": "bo", "korean": "ko", "japanese": "ja",
	"russian": "ru", "french": "fr", "german": "de", "spanish": "es", "arabic": "ar",
}

// meantLanguage returns the code of languageCodes that s names another
// way ("eng", "EN"), or "".
func meantLanguage(s string) string {
	lower := strings.ToLower(s)
	if languageCodes[lower] {
		return lower
	}
	return languageAliases[lower]
}

// unknownLanguage explains a language code that is not in languageCodes.
func unknownLanguage(s string) string {
	msg := fmt.Sprintf("%q is not a language code budgetpress knows; use a two-letter code such as ", s)
	if code := meantLanguage(s); code != "" {
		return msg + code
	}
	known := make([]string, 0, len(languageCodes))
	for c := range languageCodes {
		known = append(known, c)
	}
	sort.Strings(known)
	return msg + "en (budgetpress knows " + strings.Join(known, ", ") + ")"
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

// NormalizeBasePath makes a base path start and end with a slash:
// "zwgk/czyjs" becomes "/zwgk/czyjs/".
func NormalizeBasePath(p string) string {
	p = strings.Trim(strings.TrimSpace(p), "/")
	if p == "" {
		return "/"
	}
	return "/" + p + "/"
}
