package load

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestPortalFooter reads the optional header and footer particulars of
// portal: in site.yaml, and says where a link is not a web address.
func TestPortalFooter(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "portal", "full.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, ds := SiteConfig("site.yaml", src)
	if len(ds) > 0 || cfg == nil {
		t.Fatalf("full.yaml: %v", ds)
	}
	p := cfg.Portal
	got := []string{p.URL, p.Organizer.ZH(), p.Organizer.ByLang["en"], p.ICP, p.Police, p.Contact.ZH(), p.Contact.ByLang["en"], p.Correction, p.Mark}
	want := []string{"https://www.example.gov.cn/", "州政府办公室", "General Office", "新ICP备05000001号-1", "新公网安备 65230102000001号",
		"联系电话：0994-1234567", "Telephone: +86 994 123 4567", "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=6523000001",
		"https://bszs.conac.cn/sitename?method=show&id=1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}

	src, err = os.ReadFile(filepath.Join("testdata", "portal", "bad.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, ds = SiteConfig("site.yaml", src)
	const whole = " is not a web address; write the whole address, starting with https:// or http://, like https://www.cj.gov.cn/"
	wantDiags := []string{
		`site.yaml:2:8: error: portal url "www.example.gov.cn"` + whole,
		`site.yaml:3:15: error: portal correction "ftp://example.gov.cn/jiucuo"` + whole,
		`site.yaml:4:9: error: portal mark "https://"` + whole,
	}
	if got := lines(ds); !reflect.DeepEqual(got, wantDiags) {
		t.Errorf("bad.yaml:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(wantDiags, "\n\t"))
	}
	if cfg != nil && (cfg.Portal.URL != "" || cfg.Portal.Correction != "" || cfg.Portal.Mark != "") {
		t.Errorf("a wrong link is kept: %+v", cfg.Portal)
	}
}
