// Command release builds the release archives of budgetpress:
// go run ./internal/release/cmd/release VERSION (scripts/release runs it).
// They are written into dist/, or the folder $OUT names.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"budgetpress/internal/release"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: scripts/release VERSION   (like scripts/release 1.2.0; archives go to dist/ or $OUT)")
		os.Exit(2)
	}
	out := os.Getenv("OUT")
	if out == "" {
		out = "dist"
	}
	mod, err := sourceTime()
	if err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
	_, err = release.Build(release.Options{Version: os.Args[1], Root: ".", Out: out, Time: mod, Log: os.Stdout})
	if err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
	fmt.Printf("%s/SHA256SUMS\n", out)
}

// sourceTime is the time stamped on the files of the archives:
// $SOURCE_DATE_EPOCH when set, else the time of the last commit, so
// that a build of the same commit gives the same archives.
func sourceTime() (time.Time, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		b, err := exec.Command("git", "log", "-1", "--format=%ct").Output()
		if err != nil {
			return time.Time{}, fmt.Errorf("cannot read the time of the last commit (set SOURCE_DATE_EPOCH): %v", err)
		}
		s = strings.TrimSpace(string(b))
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
	}
	return time.Unix(sec, 0).UTC(), nil
}
