// Package scaffold starts new sites and new department-years: it writes
// a site.yaml, a department file from a commented template that checks
// clean, and the skeletons of its explanations, or a department-year
// made from another one with its figures emptied. It never overwrites a
// file.
package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"budgetpress/internal/classify"
	"budgetpress/internal/sitepath"
)

//go:embed files
var files embed.FS

// DefaultID is the id of the department a new site starts with.
const DefaultID = "example-bureau"

// ExistsError is returned when a file to write is there already.
type ExistsError struct {
	Path string // as the editor gave it, with the OS's separators
}

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s exists already; budgetpress never overwrites a file: choose another name, or move the file away first", e.Path)
}

// Years returns the first and last budget years the bundled
// classification dictionary has an edition for.
func Years() (first, last int) {
	for i, e := range classify.Editions() {
		if i == 0 || e.Year < first {
			first = e.Year
		}
		if e.Year > last {
			last = e.Year
		}
	}
	return first, last
}

// DefaultYear returns the budget year a new site starts with: year (the
// current one) when the dictionary has it, else the nearest it has.
func DefaultYear(year int) int {
	first, last := Years()
	return min(max(year, first), last)
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// CheckID returns an error saying what to do when id cannot name a
// department file (and so a page address).
func CheckID(id string) error {
	if !idPattern.MatchString(id) {
		return fmt.Errorf("%q cannot be a department id: use lower-case letters, digits and hyphens, like changji-egov (it becomes the page address)", id)
	}
	if sitepath.ReservedID(id) {
		return fmt.Errorf("%q cannot be a department id: it is the address of the year's comparison of all departments; choose another, like %s-office", id, id)
	}
	return nil
}

// CheckYear returns an error saying what to do when the bundled
// dictionary has no edition for year.
func CheckYear(year int) error {
	first, last := Years()
	if year < first || year > last {
		return fmt.Errorf("%d is not a budget year budgetpress knows the classification of: use %d to %d", year, first, last)
	}
	return nil
}

// A file is one file to write: its path inside the site, with slashes,
// and its contents.
type file struct {
	rel  string
	data []byte
}

// Site writes a new site into dir (created when missing): site.yaml,
// a .gitignore for what builds make (public/, the build cache), the
// department id of year from the template and its explanations. It
// returns the paths written, relative to dir, with slashes.
func Site(dir, id string, year int) ([]string, error) {
	if err := CheckID(id); err != nil {
		return nil, err
	}
	if err := CheckYear(year); err != nil {
		return nil, err
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("%s is a file; give the name of a new folder", dir)
	}
	site, err := files.ReadFile("files/site/site.yaml")
	if err != nil {
		return nil, err
	}
	ignore, err := files.ReadFile("files/site/gitignore")
	if err != nil {
		return nil, err
	}
	out := append([]file{{"site.yaml", site}, {".gitignore", ignore}}, template(id, year)...)
	return write(dir, out)
}

// Department adds the department id of year to the site in dir, from
// the template, with the skeletons of its explanations. It returns the
// paths written, relative to dir, with slashes.
func Department(dir, id string, year int) ([]string, error) {
	if err := checkDepartment(dir, id, year); err != nil {
		return nil, err
	}
	return write(dir, template(id, year))
}

// checkDepartment checks what the new department's files need: a site
// folder, a usable id and a known year.
func checkDepartment(dir, id string, year int) error {
	if err := CheckID(id); err != nil {
		return err
	}
	if err := CheckYear(year); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "site.yaml")); err != nil {
		return fmt.Errorf("no site.yaml in %s: give the site folder (start one with budgetpress new site <folder>)", dir)
	}
	return nil
}

// template returns the department file and the explanations of id in
// year, from the embedded template.
func template(id string, year int) []file {
	r := strings.NewReplacer("@YEAR@", strconv.Itoa(year), "@PRIOR@", strconv.Itoa(year-1), "@ID@", id)
	var out []file
	for _, f := range []struct{ src, dst string }{
		{"data.yaml", DataPath(year, id)},
		{"zh.md", ContentPath("zh", year, id)},
		{"en.md", ContentPath("en", year, id)},
	} {
		src, err := files.ReadFile("files/department/" + f.src)
		if err != nil {
			panic("scaffold: template missing: " + err.Error()) // embedded at build time
		}
		out = append(out, file{f.dst, []byte(r.Replace(string(src)))})
	}
	return out
}

// skeletons returns the explanations of id in year, from the template.
func skeletons(id string, year int) []file {
	return template(id, year)[1:]
}

// DataPath returns the path of a department file inside its site.
func DataPath(year int, id string) string {
	return path.Join("data", strconv.Itoa(year), id+".yaml")
}

// ContentPath returns the path of a department's explanation in lang.
func ContentPath(lang string, year int, id string) string {
	return path.Join("content", lang, strconv.Itoa(year), id+".md")
}

// write writes files into dir. When one exists already, it writes none
// and says which.
func write(dir string, out []file) ([]string, error) {
	for _, f := range out {
		p := filepath.Join(dir, filepath.FromSlash(f.rel))
		if _, err := os.Lstat(p); err == nil {
			return nil, &ExistsError{Path: p}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("cannot write %s: %v", p, reason(err))
		}
	}
	var done []string
	for _, f := range out {
		p := filepath.Join(dir, filepath.FromSlash(f.rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			return done, fmt.Errorf("cannot create the folder %s: %v", filepath.Dir(p), reason(err))
		}
		// O_EXCL: a file that appeared since the check is not overwritten.
		w, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			return done, &ExistsError{Path: p}
		} else if err != nil {
			return done, fmt.Errorf("cannot write %s: %v", p, reason(err))
		}
		_, err = w.Write(f.data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return done, fmt.Errorf("cannot write %s: %v", p, reason(err))
		}
		done = append(done, f.rel)
	}
	return done, nil
}

// reason returns the cause of a file system error without its path.
func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
