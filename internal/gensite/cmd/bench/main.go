// Command bench measures budgetpress builds on generated sites of
// growing size (scripts/bench runs it): for each site, the wall time, the
// CPU time (user + system) and the peak memory (maximum resident set
// size, from the kernel's accounting of the child process, what
// /usr/bin/time -v reports) of a cold build into an empty output folder
// without a build cache, then of two warm ones: after an edit to one
// department file (the example department's name in the latest year),
// and with nothing changed. Each figure is the median of -runs runs. The
// cold build's system time is shown apart: it is mostly the kernel
// creating some 36,000 files, which on some virtual disks costs ten times
// what it does on others, and varies from run to run. With -serve it then
// runs the serve benchmark (save to reload) on the largest site.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"time"

	"budgetpress/internal/gensite"
)

// sizes are the sites measured: departments × years.
var sizes = [][2]int{{10, 3}, {30, 3}, {100, 3}, {300, 3}, {100, 10}}

type sample struct {
	wall, cpu time.Duration
	sys       time.Duration // of cpu, in the kernel: mostly creating files
	rssMB     float64
}

func main() {
	runs := flag.Int("runs", 3, "runs of each build; the medians are printed")
	seed := flag.Uint64("seed", 1, "seed of the generated sites")
	serve := flag.Bool("serve", true, "run the serve benchmark on the 100 × 10 site")
	hugo := flag.Bool("hugo", true, "compare with hugo writing the same pages, when hugo is installed")
	root := flag.String("root", ".", "the repository")
	flag.Parse()
	if err := run(*root, *runs, *seed, *serve, *hugo); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(root string, runs int, seed uint64, serve, hugo bool) error {
	tmp, err := os.MkdirTemp("", "budgetpress-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "budgetpress")
	build := exec.Command("go", "build", "-o", bin, "./cmd/budgetpress")
	build.Dir, build.Stderr = root, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go build: %v", err)
	}
	fmt.Printf("budgetpress build, %s, %d CPUs (%s/%s), %s, median of %d runs\n\n", time.Now().Format("2006-01-02"), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, cpuModel(), runs)
	fmt.Println("| site | department files | pages | output | cold: wall | CPU (of it system) | peak RSS | one file changed: wall | CPU | peak RSS | nothing changed: wall | CPU | peak RSS |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	var big string
	for _, sz := range sizes {
		site := filepath.Join(tmp, fmt.Sprintf("site-%dx%d", sz[0], sz[1]))
		sum, err := gensite.Generate(gensite.Options{Root: root, Dir: site, Departments: sz[0], Years: sz[1], Seed: seed})
		if err != nil {
			return err
		}
		out := filepath.Join(tmp, "public")
		var cold, one, none []sample
		var summary string
		for i := range runs {
			os.RemoveAll(out)
			os.RemoveAll(filepath.Join(site, ".budgetpress"))
			c, line, err := measure(bin, site, out)
			if err != nil {
				return err
			}
			if err := editOne(site, i); err != nil {
				return err
			}
			o, _, err := measure(bin, site, out)
			if err != nil {
				return err
			}
			n, _, err := measure(bin, site, out)
			if err != nil {
				return err
			}
			cold, one, none, summary = append(cold, c), append(one, o), append(none, n), line
		}
		pages, size := parseSummary(summary)
		c, o, n := median(cold), median(one), median(none)
		fmt.Printf("| %d × %d | %d | %s | %s | %s | %s (%s) | %.0f MB | %s | %s | %.0f MB | %s | %s | %.0f MB |\n",
			sz[0], sz[1], sum.Files, pages, size, secs(c.wall), secs(c.cpu), secs(c.sys), c.rssMB, secs(o.wall), secs(o.cpu), o.rssMB, secs(n.wall), secs(n.cpu), n.rssMB)
		big = site
	}
	out := filepath.Join(tmp, "public")
	if bin, err := exec.LookPath("hugo"); hugo && err == nil {
		if err := compareHugo(bin, tmp, out, runs); err != nil {
			return err
		}
	}
	// The .gz copies for servers that send them cost a build of their own.
	var gz []sample
	var summary string
	for range runs {
		os.RemoveAll(out)
		os.RemoveAll(filepath.Join(big, ".budgetpress"))
		g, line, err := measure(bin, big, out, "--gzip")
		if err != nil {
			return err
		}
		gz, summary = append(gz, g), line
	}
	g := median(gz)
	_, size := parseSummary(summary)
	fmt.Printf("\nwith --gzip (a .gz copy of every page, stylesheet and script), cold, the last site: %s wall, %s CPU, %.0f MB peak, %s written\n", secs(g.wall), secs(g.cpu), g.rssMB, size)
	if !serve {
		return nil
	}
	fmt.Printf("\nserve, save to reload on the 100 × 10 site (go test -bench EditToReload):\n\n")
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "EditToReload", "-benchtime", "20x", "-count", "3", "./internal/serve")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "BUDGETPRESS_BENCH_SITE="+big)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, os.Stderr
	if err := cmd.Run(); err != nil {
		os.Stdout.Write(buf.Bytes())
		return fmt.Errorf("the serve benchmark: %v", err)
	}
	// Each run's line gives the time to the first reload, and after a
	// data edit to the second.
	line := regexp.MustCompile(`(?m)^BenchmarkEditToReload/(\w+)\S*\s.*$`)
	metric := func(s, unit string) (float64, bool) {
		m := regexp.MustCompile(`([\d.]+) ` + regexp.QuoteMeta(unit)).FindStringSubmatch(s)
		if m == nil {
			return 0, false
		}
		var v float64
		fmt.Sscan(m[1], &v)
		return v, true
	}
	first, second := map[string][]float64{}, map[string][]float64{}
	for _, m := range line.FindAllStringSubmatch(buf.String(), -1) {
		if v, ok := metric(m[0], "ms-to-first-reload"); ok {
			first[m[1]] = append(first[m[1]], v)
		}
		if v, ok := metric(m[0], "ms-to-second-reload"); ok {
			second[m[1]] = append(second[m[1]], v)
		}
	}
	if len(first) == 0 {
		os.Stdout.Write(buf.Bytes())
		return fmt.Errorf("the serve benchmark printed no timings")
	}
	mid := func(vs []float64) float64 { slices.Sort(vs); return vs[len(vs)/2] }
	for _, kind := range []string{"yaml", "markdown"} {
		if vs := first[kind]; len(vs) > 0 {
			fmt.Printf("- %s edit: %.1f ms to the reload of the department's pages", kind, mid(vs))
			if ws := second[kind]; len(ws) > 0 {
				fmt.Printf(", %.0f ms to that of the pages that gather department-years", mid(ws))
			}
			fmt.Printf(" (median of %d runs of 20 saves)\n", len(vs))
		}
	}
	return nil
}

// deptName is the Chinese name of a department file's department.
var deptName = regexp.MustCompile(`(?m)^(  name:\n    zh: [^\n改]*)改*$`)

// editOne changes one department file as an editor would: the name of
// the example department in the latest year, a different one each run.
func editOne(site string, run int) error {
	files, _ := filepath.Glob(filepath.Join(site, "data", "*", "changji-egov.yaml"))
	if len(files) == 0 {
		return fmt.Errorf("%s: no example department", site)
	}
	slices.Sort(files)
	file := files[len(files)-1]
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if !deptName.Match(data) {
		return fmt.Errorf("%s: no department name", file)
	}
	return os.WriteFile(file, deptName.ReplaceAll(data, []byte("${1}"+strings.Repeat("改", run+1))), 0o644)
}

// measure runs one build and returns its times and peak memory, and the
// summary line it printed.
func measure(bin, site, out string, flags ...string) (sample, string, error) {
	cmd := exec.Command(bin, append(append([]string{"build", "--quiet", "--out", out}, flags...), site)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, "", fmt.Errorf("budgetpress build %s: %v\n%s%s", site, err, stdout.String(), stderr.String())
	}
	st := cmd.ProcessState
	s := sample{wall: wall, cpu: st.UserTime() + st.SystemTime(), sys: st.SystemTime()}
	s.rssMB = peakMB(st)
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	return s, lines[len(lines)-1], nil
}

// parseSummary reads the pages and the size from "built 1809 pages,
// 1819 files, 203.1 MB in 11.164s (27 warnings)".
func parseSummary(line string) (pages, size string) {
	m := regexp.MustCompile(`built (\d+) pages, \d+ files, ([\d.]+ [kMG]?B)`).FindStringSubmatch(line)
	if m == nil {
		return "?", "?"
	}
	return m[1], m[2]
}

func median(ss []sample) sample {
	pick := func(f func(sample) float64) float64 {
		v := make([]float64, len(ss))
		for i, s := range ss {
			v[i] = f(s)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	return sample{
		wall:  time.Duration(pick(func(s sample) float64 { return float64(s.wall) })),
		cpu:   time.Duration(pick(func(s sample) float64 { return float64(s.cpu) })),
		sys:   time.Duration(pick(func(s sample) float64 { return float64(s.sys) })),
		rssMB: pick(func(s sample) float64 { return s.rssMB }),
	}
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

// cpuModel names the processor, from /proc/cpuinfo where there is one.
func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}
