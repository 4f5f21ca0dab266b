package build

import (
	"os"
	"runtime/pprof"
	"strings"
	"testing"
	"time"
)

func TestZZWarmProfile(t *testing.T) {
	dir := os.Getenv("ZZ_SITE")
	if dir == "" {
		t.Skip()
	}
	opt := Options{Dir: dir, Out: "/tmp/profout", Fingerprint: true, Cache: true}
	Run(opt)
	file := dir + "/data/2024/changji-egov.yaml"
	src, _ := os.ReadFile(file)
	defer os.WriteFile(file, src, 0o644)
	for _, kind := range []string{"name", "figure"} {
		f, _ := os.Create("/tmp/warm-" + kind + ".prof")
		pprof.StartCPUProfile(f)
		for i := 0; i < 3; i++ {
			var s string
			if kind == "name" {
				s = strings.Replace(string(src), "电子政务办公室", "电子政务办公室"+strings.Repeat("x", i+1), 1)
			} else {
				s = strings.Replace(string(src), "general: 2,007.84", "general: 2,007.8"+string(rune('5'+i)), 1)
			}
			os.WriteFile(file, []byte(s), 0o644)
			t0 := time.Now()
			res := Run(opt)
			t.Log(kind, res.Cache, time.Since(t0), res.Diags.HasErrors())
		}
		pprof.StopCPUProfile()
		f.Close()
	}
}
