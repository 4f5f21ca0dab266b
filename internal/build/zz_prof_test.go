package build

import (
	"os"
	"runtime/pprof"
	"strings"
	"testing"
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
	f, _ := os.Create("/tmp/warmonly.prof")
	pprof.StartCPUProfile(f)
	for i := 0; i < 3; i++ {
		os.WriteFile(file, []byte(strings.Replace(string(src), "电子政务办公室", "电子政务办公室"+strings.Repeat("x", i+1), 1)), 0o644)
		res := Run(opt)
		t.Log(res.Cache, res.Duration)
	}
	pprof.StopCPUProfile()
	f.Close()
}
