package render

import (
	"strings"
	"testing"

	"budgetpress/internal/model"
)

// TestOfficialFooter: the particulars of an official website that
// site.yaml gives are shown at the top and the foot of every page, in
// the page's language, with their links; those it leaves out are not
// shown at all.
func TestOfficialFooter(t *testing.T) {
	s := exampleSite(t)
	bare := renderText(t, s, "2024/changji-egov/index.html")
	for _, absent := range []string{"主办单位", "备案", "纠错", "党政机关网站标识", "联系方式"} {
		if strings.Contains(bare, absent) {
			t.Errorf("site.yaml gives no %s, but the page shows it", absent)
		}
	}
	p := &s.Config.Portal
	p.URL = "https://www.example.gov.cn/"
	p.Organizer = model.Bi("州政府办公室", "General Office")
	p.ICP = "新ICP备05000001号-1"
	p.Police = "新公网安备 65230102000001号"
	p.Contact = model.Bi("联系电话：0994-1234567", "Telephone: +86 994 123 4567")
	p.Correction = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=6523000001"
	p.Mark = "https://bszs.conac.cn/sitename?method=show&id=1"
	for _, c := range []struct {
		path string
		want []string
	}{
		{"2024/changji-egov/index.html", []string{
			`<div class="portal-bar"><div class="wrap"><a href="https://www.example.gov.cn/" rel="noopener external">昌吉回族自治州人民政府<span class="sr-only">（外部网站）</span></a>`,
			`<li>主办单位：州政府办公室</li>`,
			`<li>网站标识码：<span class="nowrap">6523000001</span></li>`,
			`<li><a href="https://beian.miit.gov.cn/" rel="noopener external"><span lang="zh-CN">新ICP备05000001号-1</span><span class="sr-only">（外部网站）</span></a></li>`,
			`<li><a href="https://beian.mps.gov.cn/#/query/webSearch?code=65230102000001" rel="noopener external"><span lang="zh-CN">新公网安备 65230102000001号</span><span class="sr-only">（外部网站）</span></a></li>`,
			`<li>联系方式：联系电话：0994-1234567</li>`,
			`<li><a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=6523000001" rel="noopener external">我要纠错<span class="sr-only">（外部网站）</span></a></li>`,
			`<li><a class="conac" href="https://bszs.conac.cn/sitename?method=show&amp;id=1" rel="noopener external">党政机关网站标识<span class="sr-only">（外部网站）</span></a></li>`,
		}},
		{"en/index.html", []string{
			`<a href="https://www.example.gov.cn/" rel="noopener external">Changji Hui Autonomous Prefecture People&#39;s Government<span class="sr-only"> (external website)</span></a>`,
			`<li>Run by: General Office</li>`,
			`<li>Website code: <span class="nowrap">6523000001</span></li>`,
			`<li>Contact: Telephone: +86 994 123 4567</li>`,
			`>Report an error on this website<span class="sr-only"> (external website)</span></a></li>`,
		}},
	} {
		html := page(t, s, c.path)
		for _, w := range c.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %s", c.path, w)
			}
		}
	}
}
