package check_test

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"budgetpress/internal/check"
	"budgetpress/internal/diag"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
)

// To write a new case, leave want empty and run
//
//	go test ./internal/check -run TestRules/name -dump
//
// then check every printed finding against the figures before pasting it.
var dump = flag.Bool("dump", false, "print the findings each case adds and removes")

// The example site: the tests break it on purpose, one substring at a time.
const (
	siteFile = "site.yaml"
	dataFile = "data/2024/changji-egov.yaml"
)

// readExample reads site.yaml of the example site, or for the department
// file a frozen copy of it in testdata (the Chinese-only version), so that
// the pinned positions do not move when the example is edited;
// TestRealDocumentToday checks the example as it is now.
func readExample(t *testing.T, name string) []byte {
	t.Helper()
	p := filepath.Join("..", "..", filepath.FromSlash(name))
	if name == dataFile {
		p = filepath.Join("testdata", "changji-egov-2024.yaml")
	}
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// mutate replaces old by new in src. old must occur exactly once, so that
// a change to the example file breaks the test loudly instead of silently
// testing something else; new keeps the line count, so that the positions
// of the other findings stay put.
func mutate(t *testing.T, name string, src []byte, old, new string) []byte {
	t.Helper()
	if n := bytes.Count(src, []byte(old)); n != 1 {
		t.Fatalf("%q occurs %d times in %s; want exactly once", old, n, name)
	}
	if strings.Count(old, "\n") != strings.Count(new, "\n") {
		t.Fatalf("replacing %q by %q changes the number of lines", old, new)
	}
	return bytes.Replace(src, []byte(old), []byte(new), 1)
}

// checkExample loads site.yaml and the department file and returns the
// checker's findings as printed, in order. Loading must succeed cleanly.
func checkExample(t *testing.T, site, data []byte) []string {
	t.Helper()
	cfg, ds := load.SiteConfig(siteFile, site)
	if len(ds) > 0 || cfg == nil {
		t.Fatalf("loading %s: %v", siteFile, ds)
	}
	f, ds := load.File(dataFile, data, load.Options{Langs: cfg.Languages, Template: cfg.Template})
	if len(ds) > 0 || f == nil {
		t.Fatalf("loading %s: %v", dataFile, ds)
	}
	diags := check.File(f, cfg, nil)
	diags.Sort()
	out := make([]string, len(diags))
	for i, d := range diags {
		out[i] = d.String()
	}
	return out
}

// difference returns the lines of after that are not in before, and those
// of before that are not in after, counting repeated lines.
func difference(before, after []string) (added, gone []string) {
	count := map[string]int{}
	for _, s := range before {
		count[s]++
	}
	for _, s := range after {
		if count[s] > 0 {
			count[s]--
		} else {
			added = append(added, s)
		}
	}
	seen := map[string]int{}
	for _, s := range after {
		seen[s]++
	}
	for _, s := range before {
		if seen[s] > 0 {
			seen[s]--
		} else {
			gone = append(gone, s)
		}
	}
	return added, gone
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") == strings.Join(want, "\n") {
		return
	}
	t.Errorf("%s:\ngot:\n%swant:\n%s", what, quoteLines(got), quoteLines(want))
}

func quoteLines(lines []string) string {
	if len(lines) == 0 {
		return "\t(none)\n"
	}
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "\t%q,\n", l)
	}
	return b.String()
}

// mutation is one break of the example: old replaced by new in the
// department file (and more replacements, and one in site.yaml, when a
// case needs them), the findings it adds (want) and the findings of the
// real document it makes disappear (gone).
type mutation struct {
	name             string
	old, new         string
	more             [][2]string
	siteOld, siteNew string
	want, gone       []string
}

func runMutations(t *testing.T, cases []mutation) {
	site, data := readExample(t, siteFile), readExample(t, dataFile)
	baseline := checkExample(t, site, data)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, d := site, data
			for _, e := range append([][2]string{{tc.old, tc.new}}, tc.more...) {
				if e[0] != "" {
					d = mutate(t, dataFile, d, e[0], e[1])
				}
			}
			if tc.siteOld != "" {
				s = mutate(t, siteFile, s, tc.siteOld, tc.siteNew)
			}
			added, gone := difference(baseline, checkExample(t, s, d))
			if *dump {
				fmt.Printf("== %s\nadded:\n%sgone:\n%s", tc.name, quoteLines(added), quoteLines(gone))
			}
			sameLines(t, "new findings", added, tc.want)
			sameLines(t, "findings of the real document that disappeared", gone, tc.gone)
		})
	}
}

// Tables 3 and 5 have the same rows; these make a mutation of table 5
// unique: its heading, and the rows that end it.
const (
	table5Head = "# 一般公共预算支出情况表: 合计, 基本支出, 项目支出\n    rows:\n"
	table5Tail = "\n      - [221,        29.42,  29.42]\n      - [221 02,     29.42,  29.42]\n      - [221 02 01,  29.42,  29.42]\n\n  - no: 6"
)

// TestRealDocument pins the report on the published document: rounding
// differences in four tables, the allocation kept as published, and two
// project names that the performance tables print differently.
func TestRealDocument(t *testing.T) {
	got := checkExample(t, readExample(t, siteFile), readExample(t, dataFile))
	want := []string{
		"data/2024/changji-egov.yaml:123:22: warning: in table 2 (部门收入总体情况表), 210 11 行政事业单位医疗 does not equal the sum of its items: 总计: 19.41 stated, 19.40 added up (difference 0.01); 财政拨款（补助）小计: 19.41 stated, 19.40 added up (difference 0.01); 一般公共预算: 19.41 stated, 19.40 added up (difference 0.01); within rounding [hierarchy: table 2 210 11]",
		"data/2024/changji-egov.yaml:145:22: warning: in table 3 (部门支出总体情况表), 210 11 行政事业单位医疗 does not equal the sum of its items: 合计: 19.41 stated, 19.40 added up (difference 0.01); 基本支出: 19.41 stated, 19.40 added up (difference 0.01); within rounding [hierarchy: table 3 210 11]",
		"data/2024/changji-egov.yaml:180:22: warning: in table 5 (一般公共预算支出情况表), 210 11 行政事业单位医疗 does not equal the sum of its items: 合计: 19.41 stated, 19.40 added up (difference 0.01); 基本支出: 19.41 stated, 19.40 added up (difference 0.01); within rounding [hierarchy: table 5 210 11]",
		"data/2024/changji-egov.yaml:192:18: warning: in table 6 (一般公共预算基本支出情况表), 301 工资福利支出 does not equal the sum of its items: 合计: 332.85 stated, 332.83 added up (difference 0.02); 人员经费: 332.85 stated, 332.83 added up (difference 0.02); within rounding [hierarchy: table 6 301]",
		"data/2024/changji-egov.yaml:203:19: warning: in table 6 (一般公共预算基本支出情况表), 302 商品和服务支出 does not equal the sum of its items: 合计: 31.02 stated, 31.04 added up (difference 0.02); 公用经费: 31.02 stated, 31.04 added up (difference 0.02); within rounding [hierarchy: table 6 302]",
		"data/2024/changji-egov.yaml:233:9: warning: project crypto-ops (昌吉州统一政务云密码服务支撑系统平台运行维护费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 35 万元, the table 60.00 万元; 310 资本性支出: the allocation has 25 万元, the table 0 万元 (accepted: 第三部分资金分配列专用设备购置费 25 万元（资本性支出），表 7 将 60.00 万元全部列入商品和服务支出；按公开文件原样保留) [allocation-class: crypto-ops]",
		"data/2024/changji-egov.yaml:289:31: warning: the overall performance targets (部门整体绩效目标表) count 604.12 万元 of funds (上级安排 + 本级安排 + 其他), but the budget's total income is 604.13 万元 (difference 0.01) (accepted: 部门整体绩效目标表“本级安排”和第三部分（四）均为 604.12 万元，而收支总预算为 604.13 万元；按公开文件原样保留) [performance: overall]",
		"data/2024/changji-egov.yaml:327:14: warning: the performance targets of project cloud-ops call it \"昌吉州政府网站和云平台运维项目经费\", but the project list and the tables call it \"昌吉州政府网站和云平台运维经费\" [project-name: cloud-ops]",
		"data/2024/changji-egov.yaml:353:14: warning: the performance targets of project media-security call it \"昌吉州政府网站媒体互联交互安全维护项目\", but the project list and the tables call it \"昌吉州政府网站媒体互联交互安全维护经费\" [project-name: media-security]",
	}
	sameLines(t, "findings", got, want)
}

// TestRealDocumentToday checks the example site as it is now, with its
// translations: the same findings as TestRealDocument, wherever they
// have moved in the file.
func TestRealDocumentToday(t *testing.T) {
	site, err := os.ReadFile(filepath.Join("..", "..", siteFile))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(dataFile)))
	if err != nil {
		t.Fatal(err)
	}
	frozen := checkExample(t, readExample(t, siteFile), readExample(t, dataFile))
	today := checkExample(t, site, data)
	sameLines(t, "findings without positions", withoutPositions(today), withoutPositions(frozen))
}

var position = regexp.MustCompile(`^[^:]+:\d+:\d+: `)

func withoutPositions(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = position.ReplaceAllString(l, "")
	}
	return out
}

// TestRules breaks the example once per case and expects exactly the
// findings a budget editor would then read.
func TestRules(t *testing.T) {
	runMutations(t, []mutation{
		{name: "hierarchy within rounding",
			old: "[303 02,   0.10,   0.10]", new: "[303 02,   0.11,   0.11]",
			want: []string{
				"data/2024/changji-egov.yaml:218:20: warning: in table 6 (一般公共预算基本支出情况表), 303 对个人和家庭的补助 does not equal the sum of its items: 合计: 0.26 stated, 0.27 added up (difference 0.01); 人员经费: 0.26 stated, 0.27 added up (difference 0.01); within rounding [hierarchy: table 6 303]",
			}},
		{name: "hierarchy beyond rounding",
			old: "[303 02,   0.10,   0.10]", new: "[303 02,   0.20,   0.20]",
			want: []string{
				"data/2024/changji-egov.yaml:218:20: error: in table 6 (一般公共预算基本支出情况表), 303 对个人和家庭的补助 does not equal the sum of its items: 合计: 0.26 stated, 0.36 added up (difference 0.10); 人员经费: 0.26 stated, 0.36 added up (difference 0.10) [hierarchy: table 6 303]",
			}},
		{name: "columns",
			old: "[303 09,   0.16,   0.16]", new: "[303 09,   0.26,   0.16]",
			want: []string{
				"data/2024/changji-egov.yaml:218:20: error: in table 6 (一般公共预算基本支出情况表), 303 对个人和家庭的补助 does not equal the sum of its items: 合计: 0.26 stated, 0.36 added up (difference 0.10) [hierarchy: table 6 303]",
				"data/2024/changji-egov.yaml:220:20: error: in table 6 (一般公共预算基本支出情况表), 303 09 奖励金: 合计 0.26 does not equal 人员经费 + 公用经费 = 0.16 (difference 0.10) [columns: table 6 303 09]",
			}},
		{name: "balance of table 1",
			old: "[total, 604.13]              # 支出总计", new: "[total, 604.23]              # 支出总计",
			want: []string{
				"data/2024/changji-egov.yaml:103:17: error: in table 1 (部门收支总体情况表), the total row does not equal the sum of the top-level rows: 预算数: 604.23 stated, 604.13 added up (difference 0.10) [hierarchy: table 1 total]",
				"data/2024/changji-egov.yaml:103:17: error: in table 1 (部门收支总体情况表), total expenditure 604.23 万元 does not equal total income 604.13 万元 (difference 0.10) [balance: table 1]",
				"data/2024/changji-egov.yaml:103:17: error: the total: table 1 (部门收支总体情况表) 预算数 says 604.23 万元, but table 3 (部门支出总体情况表) 合计 says 604.13 万元 (difference 0.10) [tables: table 1 total amount]",
			}},
		{name: "balance of table 4",
			old: "[total, 604.13, 604.13]      # 支出总计", new: "[total, 604.23, 604.13]      # 支出总计",
			want: []string{
				"data/2024/changji-egov.yaml:164:17: error: in table 4 (财政拨款收支预算总体情况表), the total row does not equal the sum of the top-level rows: 合计: 604.23 stated, 604.13 added up (difference 0.10) [hierarchy: table 4 total]",
				"data/2024/changji-egov.yaml:164:17: error: in table 4 (财政拨款收支预算总体情况表), the total row: 合计 604.23 does not equal 一般公共预算 + 政府性基金预算 + 国有资本经营预算 = 604.13 (difference 0.10) [columns: table 4 total]",
				"data/2024/changji-egov.yaml:164:17: error: in table 4 (财政拨款收支预算总体情况表), total expenditure 604.23 万元 does not equal total income 604.13 万元 (difference 0.10) [balance: table 4]",
			}},
		{name: "tables 1 vs 2",
			old: "[general.own, 604.13]", new: "[general.own, 604.03]",
			want: []string{
				"data/2024/changji-egov.yaml:95:19: error: in table 1 (部门收支总体情况表), general (一般公共预算拨款) does not equal the sum of its items: 预算数: 604.13 stated, 604.03 added up (difference 0.10) [hierarchy: table 1 general]",
				"data/2024/changji-egov.yaml:96:23: error: table 1 (部门收支总体情况表) says general.own (一般财力) is 604.03 万元, but the total row of table 2 (部门收入总体情况表) says 604.13 万元 (一般公共预算) (difference 0.10) [tables: table 1 general.own]",
			}},
		{name: "tables 1 vs 3",
			old: "[208, 54.50]\n      - [210, 19.41]", new: "[208, 54.40]\n      - [210, 19.51]",
			want: []string{
				"data/2024/changji-egov.yaml:100:15: error: 208 社会保障和就业支出: table 1 (部门收支总体情况表) 预算数 says 54.40 万元, but table 3 (部门支出总体情况表) 合计 says 54.50 万元 (difference 0.10) [tables: table 1 208 amount]",
				"data/2024/changji-egov.yaml:101:15: error: 210 卫生健康支出: table 1 (部门收支总体情况表) 预算数 says 19.51 万元, but table 3 (部门支出总体情况表) 合计 says 19.41 万元 (difference 0.10) [tables: table 1 210 amount]",
			}},
		{name: "tables 4 vs 1",
			old: "[general, 604.13]            # 一般公共预算", new: "[general, 604.03]            # 一般公共预算",
			want: []string{
				"data/2024/changji-egov.yaml:156:18: error: in table 4 (财政拨款收支预算总体情况表), fiscal (财政拨款（补助）) does not equal the sum of its items: 合计: 604.13 stated, 604.03 added up (difference 0.10) [hierarchy: table 4 fiscal]",
				"data/2024/changji-egov.yaml:157:19: error: table 4 (财政拨款收支预算总体情况表) says general (一般公共预算) is 604.03 万元, but table 1 (部门收支总体情况表) says 604.13 万元 (difference 0.10) [tables: table 4 general]",
			}},
		{name: "tables 4 vs 5",
			old: "[208,  54.50,  54.50]\n      - [210,  19.41,  19.41]", new: "[208,  54.40,  54.40]\n      - [210,  19.51,  19.51]",
			want: []string{
				"data/2024/changji-egov.yaml:161:24: error: 208 社会保障和就业支出: table 4 (财政拨款收支预算总体情况表) 一般公共预算 says 54.40 万元, but table 5 (一般公共预算支出情况表) 合计 says 54.50 万元 (difference 0.10) [tables: table 4 208 general]",
				"data/2024/changji-egov.yaml:162:24: error: 210 卫生健康支出: table 4 (财政拨款收支预算总体情况表) 一般公共预算 says 19.51 万元, but table 5 (一般公共预算支出情况表) 合计 says 19.41 万元 (difference 0.10) [tables: table 4 210 general]",
			}},
		{name: "tables 4 vs 8 and 5 via a fund row",
			old: "[221,  29.42,  29.42]\n      - [total, 604.13, 604.13]",
			new: "[221,  29.42,  29.32, 0.10]\n      - [total, 604.13, 604.03, 0.10]",
			want: []string{
				"data/2024/changji-egov.yaml:163:24: error: 221 住房保障支出: table 4 (财政拨款收支预算总体情况表) 一般公共预算 says 29.32 万元, but table 5 (一般公共预算支出情况表) 合计 says 29.42 万元 (difference 0.10) [tables: table 4 221 general]",
				"data/2024/changji-egov.yaml:163:31: error: 221 住房保障支出: table 4 (财政拨款收支预算总体情况表) 政府性基金预算 says 0.10 万元, but table 8 (政府性基金预算支出情况表) 合计 says 0 万元 (difference 0.10) [tables: table 4 221 fund]",
				"data/2024/changji-egov.yaml:164:25: error: the total: table 4 (财政拨款收支预算总体情况表) 一般公共预算 says 604.03 万元, but table 5 (一般公共预算支出情况表) 合计 says 604.13 万元 (difference 0.10) [tables: table 4 total general]",
				"data/2024/changji-egov.yaml:164:33: error: the total: table 4 (财政拨款收支预算总体情况表) 政府性基金预算 says 0.10 万元, but table 8 (政府性基金预算支出情况表) 合计 says 0 万元 (difference 0.10) [tables: table 4 total fund]",
			}},
		{name: "tables 2 vs 3 and 2 vs 5 row by row",
			old: "[208 05 05,  36.27,  36.27,  36.27]\n      - [208 05 06,  18.13,  18.13,  18.13]",
			new: "[208 05 05,  36.37,  36.37,  36.37]\n      - [208 05 06,  18.03,  18.03,  18.03]",
			want: []string{
				"data/2024/changji-egov.yaml:120:22: error: 208 05 05 机关事业单位基本养老保险缴费支出: table 2 (部门收入总体情况表) 总计 says 36.37 万元, but table 3 (部门支出总体情况表) 合计 says 36.27 万元 (difference 0.10) [tables: table 2 208 05 05 total]",
				"data/2024/changji-egov.yaml:120:38: error: 208 05 05 机关事业单位基本养老保险缴费支出: table 2 (部门收入总体情况表) 一般公共预算 + 上级一般公共预算安排的转移支付 says 36.37 万元, but table 5 (一般公共预算支出情况表) 合计 says 36.27 万元 (difference 0.10) [tables: table 2 208 05 05 general+general_transfer]",
				"data/2024/changji-egov.yaml:121:22: error: 208 05 06 机关事业单位职业年金缴费支出: table 2 (部门收入总体情况表) 总计 says 18.03 万元, but table 3 (部门支出总体情况表) 合计 says 18.13 万元 (difference 0.10) [tables: table 2 208 05 06 total]",
				"data/2024/changji-egov.yaml:121:38: error: 208 05 06 机关事业单位职业年金缴费支出: table 2 (部门收入总体情况表) 一般公共预算 + 上级一般公共预算安排的转移支付 says 18.03 万元, but table 5 (一般公共预算支出情况表) 合计 says 18.13 万元 (difference 0.10) [tables: table 2 208 05 06 general+general_transfer]",
			}},
		{name: "tables 5 vs 6 and 5 vs 7",
			old: table5Head + "      - [total,     604.13, 364.13, 240.00]",
			new: table5Head + "      - [total,     604.13, 364.23, 239.90]",
			want: []string{
				"data/2024/changji-egov.yaml:134:29: error: the total: table 3 (部门支出总体情况表) 基本支出 says 364.13 万元, less than table 5 (一般公共预算支出情况表) 基本支出, which says 364.23 万元 and is part of it [part-of: table 3 total basic]",
				"data/2024/changji-egov.yaml:169:29: error: in table 5 (一般公共预算支出情况表), the total row does not equal the sum of the top-level rows: 基本支出: 364.23 stated, 364.13 added up (difference 0.10); 项目支出: 239.90 stated, 240.00 added up (difference 0.10) [hierarchy: table 5 total]",
				"data/2024/changji-egov.yaml:169:29: error: basic expenditure in table 5 (一般公共预算支出情况表) is 364.23 万元, but the total of table 6 (一般公共预算基本支出情况表) is 364.13 万元 (difference 0.10) [tables: table 5 basic]",
				"data/2024/changji-egov.yaml:169:37: error: project expenditure in table 5 (一般公共预算支出情况表) is 239.90 万元, but the total of table 7 (一般公共预算项目支出情况表) is 240.00 万元 (difference 0.10) [tables: table 5 project]",
			}},
		{name: "part-of: table 5 larger than table 3",
			old: "[210 11 03,   1.13,   1.13]\n      - [210 11 99,   0.14,   0.14]" + table5Tail,
			new: "[210 11 03,   1.23,   1.23]\n      - [210 11 99,   0.04,   0.04]" + table5Tail,
			want: []string{
				"data/2024/changji-egov.yaml:125:39: error: 210 11 03 公务员医疗补助: table 2 (部门收入总体情况表) 一般公共预算 + 上级一般公共预算安排的转移支付 says 1.13 万元, but table 5 (一般公共预算支出情况表) 合计 says 1.23 万元 (difference 0.10) [tables: table 2 210 11 03 general+general_transfer]",
				"data/2024/changji-egov.yaml:126:39: error: 210 11 99 其他行政事业单位医疗支出: table 2 (部门收入总体情况表) 一般公共预算 + 上级一般公共预算安排的转移支付 says 0.14 万元, but table 5 (一般公共预算支出情况表) 合计 says 0.04 万元 (difference 0.10) [tables: table 2 210 11 99 general+general_transfer]",
				"data/2024/changji-egov.yaml:147:31: error: 210 11 03 公务员医疗补助: table 3 (部门支出总体情况表) 基本支出 says 1.13 万元, less than table 5 (一般公共预算支出情况表) 基本支出, which says 1.23 万元 and is part of it [part-of: table 3 210 11 03 basic]",
			}},
		{name: "three-public: reception less than 302 17",
			old: "[302 17,   0.17, ~,  0.17]\n      - [302 26,   2.50, ~,  2.50]",
			new: "[302 17,   0.27, ~,  0.27]\n      - [302 26,   2.40, ~,  2.40]",
			want: []string{
				"data/2024/changji-egov.yaml:248:36: error: table 10 (财政拨款“三公”经费支出情况表) gives 公务接待费 from the general public budget as 0.17 万元, less than the 302 17 line 公务接待费 0.27 万元 of table 6 (一般公共预算基本支出情况表); that line is part of it, so it cannot be smaller [three-public: reception]",
			}},
		{name: "three-public: vehicle operation less than 302 31",
			old: "[302 29,   3.88, ~,  3.88]\n      - [302 31,   1.99, ~,  1.99]",
			new: "[302 29,   3.78, ~,  3.78]\n      - [302 31,   2.09, ~,  2.09]",
			want: []string{
				"data/2024/changji-egov.yaml:251:36: error: table 10 (财政拨款“三公”经费支出情况表) gives 公务用车运行费 from the general public budget as 1.99 万元, less than the 302 31 line 公务用车运行维护费 2.09 万元 of table 6 (一般公共预算基本支出情况表); that line is part of it, so it cannot be smaller [three-public: vehicles.operation]",
			}},
		{name: "three-public: more than the 302 17 line is fine",
			old: "[302 17,   0.17, ~,  0.17]\n      - [302 26,   2.50, ~,  2.50]",
			new: "[302 17,   0.07, ~,  0.07]\n      - [302 26,   2.60, ~,  2.60]"},
		{name: "allocation",
			old: "- [302 99, 25]", new: "- [302 99, 26]",
			want: []string{
				"data/2024/changji-egov.yaml:44:13: error: project cloud-ops is 140.00 万元, but its allocation (资金分配) adds up to 141 万元 (difference 1.00) [allocation: cloud-ops]",
				"data/2024/changji-egov.yaml:230:9: error: project cloud-ops (昌吉州政府网站和云平台运维经费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 141 万元, the table 140.00 万元 [allocation-class: cloud-ops]",
			}},
		{name: "allocation-class",
			old: "- [302 01, 10]", new: "- [310 03, 10]",
			want: []string{
				"data/2024/changji-egov.yaml:230:9: error: project cloud-ops (昌吉州政府网站和云平台运维经费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 130 万元, the table 140.00 万元; 310 资本性支出: the allocation has 10 万元, the table 0 万元 [allocation-class: cloud-ops]",
			}},
		{name: "project-table: project missing",
			old: "[media-security,      20.00, ~,  20.00]", new: "[201 03 50,           20.00, ~,  20.00]",
			want: []string{
				"data/2024/changji-egov.yaml:55:5: error: project media-security (昌吉州政府网站媒体互联交互安全维护经费) is paid from the general public budget (一般公共预算), but it is not in table 7 (一般公共预算项目支出情况表); add a row [media-security, …] [project-table: media-security]",
			}},
		{name: "project-table: amounts differ",
			old: "[media-security,      20.00, ~,  20.00]\n      - [web-security-audit,  20.00, ~,  20.00]",
			new: "[media-security,      25.00, ~,  25.00]\n      - [web-security-audit,  15.00, ~,  15.00]",
			want: []string{
				"data/2024/changji-egov.yaml:231:9: error: project media-security (昌吉州政府网站媒体互联交互安全维护经费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 20 万元, the table 25.00 万元 [allocation-class: media-security]",
				"data/2024/changji-egov.yaml:231:31: error: table 7 (一般公共预算项目支出情况表) shows project media-security as 25.00 万元, but the project says 20.00 万元 (difference 5.00) [project-table: media-security]",
				"data/2024/changji-egov.yaml:232:9: error: project web-security-audit (政府网站等保测评和运维经费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 20 万元, the table 15.00 万元 [allocation-class: web-security-audit]",
				"data/2024/changji-egov.yaml:232:31: error: table 7 (一般公共预算项目支出情况表) shows project web-security-audit as 15.00 万元, but the project says 20.00 万元 (difference 5.00) [project-table: web-security-audit]",
			}},
		{name: "performance: project total",
			old: "{total: 60.00, fiscal: 60.00, other: 0.00}", new: "{total: 60.10, fiscal: 60.10, other: 0.00}",
			want: []string{
				"data/2024/changji-egov.yaml:304:22: error: the performance targets of project crypto-ops give a budget of 60.10 万元, but the project is 60.00 万元 (difference 0.10) [performance: crypto-ops]",
			}},
		{name: "performance: fiscal plus other",
			old: "{total: 60.00, fiscal: 60.00, other: 0.00}", new: "{total: 60.00, fiscal: 50.00, other: 0.00}",
			want: []string{
				"data/2024/changji-egov.yaml:304:22: error: the performance targets of project crypto-ops give a budget of 60.00 万元, but 财政拨款 50.00 + 其他资金 0.00 = 50.00 万元 (difference 10.00) [performance: crypto-ops]",
			}},
		{name: "performance: two tables for one project",
			old: "- project: web-security-audit", new: "- project: media-security",
			want: []string{
				"data/2024/changji-egov.yaml:381:7: error: project media-security has two performance-target tables [performance: media-security]",
			}},
		{name: "performance: overall funds agree",
			old: "own: 604.12", new: "own: 604.13",
			want: []string{
				"data/2024/changji-egov.yaml:470:5: warning: nothing was found for rule \"performance\" about \"overall\", so this acceptance is not needed; remove it [accept]",
			},
			gone: []string{
				"data/2024/changji-egov.yaml:289:31: warning: the overall performance targets (部门整体绩效目标表) count 604.12 万元 of funds (上级安排 + 本级安排 + 其他), but the budget's total income is 604.13 万元 (difference 0.01) (accepted: 部门整体绩效目标表“本级安排”和第三部分（四）均为 604.12 万元，而收支总预算为 604.13 万元；按公开文件原样保留) [performance: overall]",
			}},
		{name: "performance: overall funds far off",
			old: "own: 604.12", new: "own: 600.00",
			want: []string{
				"data/2024/changji-egov.yaml:289:31: error: the overall performance targets (部门整体绩效目标表) count 600.00 万元 of funds (上级安排 + 本级安排 + 其他), but the budget's total income is 604.13 万元 (difference 4.13) (the acceptance at line 470 is for the figures [604.12, 604.13, 0.01], but the finding now has [600.00, 604.13, 4.13]: if the published document really prints these, write figures: [600.00, 604.13, 4.13] there) [performance: overall]",
			},
			gone: []string{
				"data/2024/changji-egov.yaml:289:31: warning: the overall performance targets (部门整体绩效目标表) count 604.12 万元 of funds (上级安排 + 本级安排 + 其他), but the budget's total income is 604.13 万元 (difference 0.01) (accepted: 部门整体绩效目标表“本级安排”和第三部分（四）均为 604.12 万元，而收支总预算为 604.13 万元；按公开文件原样保留) [performance: overall]",
			}},
		{name: "project-name: same name",
			old: "title: 昌吉州政府网站媒体互联交互安全维护项目", new: "title: 昌吉州政府网站媒体互联交互安全维护经费",
			gone: []string{
				"data/2024/changji-egov.yaml:353:14: warning: the performance targets of project media-security call it \"昌吉州政府网站媒体互联交互安全维护项目\", but the project list and the tables call it \"昌吉州政府网站媒体互联交互安全维护经费\" [project-name: media-security]",
			}},
		{name: "project-name: another name",
			old: "- project: web-security-audit\n      manager: 田涛", new: "- project: web-security-audit\n      title: 政府网站等保测评项目",
			want: []string{
				"data/2024/changji-egov.yaml:382:14: warning: the performance targets of project web-security-audit call it \"政府网站等保测评项目\", but the project list and the tables call it \"政府网站等保测评和运维经费\" [project-name: web-security-audit]",
			}},
		{name: "weights of a project",
			old: "{name: 系统开发维护数量, target: =1 套, prior: 1套, weight: 10}",
			new: "{name: 系统开发维护数量, target: =1 套, prior: 1套, weight: 15}",
			want: []string{
				"data/2024/changji-egov.yaml:302:7: error: the weights (分值权重) of the performance targets of project crypto-ops add up to 95, but they should add up to 90 (check.indicator_weights in site.yaml) [weights: crypto-ops]",
			}},
		{name: "weights of the department",
			old: "{name: 维护政府网站个数, target: ≥2 个, basis: 政府网站等保测评和运维工作计划, weight: 15}",
			new: "{name: 维护政府网站个数, target: ≥2 个, basis: 政府网站等保测评和运维工作计划, weight: 10}",
			want: []string{
				"data/2024/changji-egov.yaml:287:5: error: the weights (分值权重) of the overall performance targets add up to 85, but they should add up to 90 (check.indicator_weights in site.yaml) [weights: overall]",
			}},
		{name: "staffing",
			old: "actual: 23", new: "actual: 24",
			want: []string{
				"data/2024/changji-egov.yaml:31:5: error: 实有人数 is 24, but 在职 22 + 退休 1 + 离休 0 = 23 [staffing: actual]",
			}},
		{name: "procurement: parts",
			old: "goods: 55.54", new: "goods: 55.64",
			want: []string{
				"data/2024/changji-egov.yaml:261:10: error: government procurement (政府采购) is 229.27 万元, but goods 55.64 + works 0 + services 173.73 = 229.37 万元 (difference 0.10) [procurement: total]",
			}},
		{name: "procurement: small and medium enterprises",
			old: "sme: 229.27", new: "sme: 230.00",
			want: []string{
				"data/2024/changji-egov.yaml:265:8: error: the amount reserved for small and medium enterprises 230.00 万元 is more than all procurement 229.27 万元 [procurement: sme]",
			}},
		{name: "procurement: small and micro enterprises",
			old: "small_micro: 229.27", new: "small_micro: 229.37",
			want: []string{
				"data/2024/changji-egov.yaml:266:16: error: the amount reserved for small and micro enterprises 229.37 万元 is more than that for small and medium enterprises 229.27 万元 [procurement: small_micro]",
			}},
		{name: "procurement: more than the budget",
			old: "total: 229.27\n  goods: 55.54", new: "total: 700.00\n  goods: 526.27",
			want: []string{
				"data/2024/changji-egov.yaml:261:10: error: government procurement 700.00 万元 is more than the whole budget 604.13 万元 [procurement: budget]",
			}},
		{name: "assets: vehicle count",
			old: "vehicles: [1, 28.96]               # 车辆", new: "vehicles: [2, 28.96]               # 车辆",
			want: []string{
				"data/2024/changji-egov.yaml:271:13: error: 2 vehicles in all, but general 1 + enforcement 0 + other 0 = 1 [assets: vehicles]",
			}},
		{name: "assets: vehicle value within rounding",
			old: "vehicles: [1, 28.96]               # 车辆", new: "vehicles: [1, 28.97]               # 车辆",
			want: []string{
				"data/2024/changji-egov.yaml:271:17: warning: the vehicles are worth 28.97 万元 in all, but their kinds add up to 28.96 万元 (difference 0.01, within rounding) [assets: vehicles]",
			}},
		{name: "prior: expenditure vs income",
			old: "basic: 139.44", new: "basic: 139.54",
			want: []string{
				"data/2024/changji-egov.yaml:439:12: error: last year's expenditure (basic + project) comes to 2,068.27 万元, but last year's income comes to 2,068.17 万元 (difference 0.10) [prior: expenditure]",
			}},
		{name: "prior: general by kind",
			old: "basic: 137.84", new: "basic: 137.94",
			want: []string{
				"data/2024/changji-egov.yaml:442:12: error: last year's general public budget by kind (basic + project) comes to 2,007.94 万元, but its income line says 2,007.84 万元 (difference 0.10) [prior: general]",
				"data/2024/changji-egov.yaml:442:12: error: last year's general public budget by function comes to 2,007.84 万元, but by kind (basic + project) to 2,007.94 万元 (difference 0.10) [prior: functions]",
			}},
		{name: "prior: general by function",
			old: "201 03 50: 99.56", new: "201 03 50: 99.66",
			want: []string{
				"data/2024/changji-egov.yaml:442:12: error: last year's general public budget by function comes to 2,007.94 万元, but by kind (basic + project) to 2,007.84 万元 (difference 0.10) [prior: functions]",
			}},
		{name: "prior: three-public",
			old: "total: 2.16", new: "total: 2.26",
			want: []string{
				"data/2024/changji-egov.yaml:455:12: error: last year's 三公 total is 2.26 万元, but its items add up to 2.16 万元 (difference 0.10) [prior: three_public]",
			}},
		{name: "empty-table: no rows and no statement",
			old: "    empty: 昌吉回族自治州人民政府电子政务办公室 2024 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。",
			new: "    # the statement is missing",
			want: []string{
				"data/2024/changji-egov.yaml:235:5: error: table 8 (政府性基金预算支出情况表) has no rows and no statement: a table without figures must say why, with \"empty:\" (空表说明), like \"本部门 2024 年没有…，政府性基金预算支出情况表为空表。\" [empty-table: table 8]",
			}},
		{name: "empty-table: rows and a statement",
			old: "60.00]\n\n  - no: 8\n    kind: fund             # 政府性基金预算支出情况表",
			new: "60.00]\n  - no: 8\n    kind: fund\n    rows: [[total, 0.00]]",
			want: []string{
				"data/2024/changji-egov.yaml:237:12: error: table 8 (政府性基金预算支出情况表) has rows but also says it is empty; remove the \"empty:\" statement or the rows [empty-table: table 8]",
			}},
		{name: "year: published",
			old: "published: 2024-02-23", new: "published: 2025-02-23",
			want: []string{
				"data/2024/changji-egov.yaml:11:12: error: published on 2025-02-23, which does not fit the budget of 2024; check the date or the year folder [year: published]",
			}},
		{name: "year: project dates",
			old: "from: 2024-01-01       # 资金执行时间", new: "from: 2023-01-01       # 资金执行时间",
			want: []string{
				"data/2024/changji-egov.yaml:46:11: error: project cloud-ops starts on 2023-01-01, outside 2024, the year of this budget [year: cloud-ops]",
			}},
		{name: "year: project ends before it starts",
			old: "from: 2024-01-01       # 资金执行时间\n    to: 2024-12-31",
			new: "from: 2024-12-31       # 资金执行时间\n    to: 2024-01-01",
			want: []string{
				"data/2024/changji-egov.yaml:47:9: error: project cloud-ops ends (2024-01-01) before it starts (2024-12-31) [year: cloud-ops]",
			}},
		{name: "year: assets as of",
			old: "as_of: 2023-12-31", new: "as_of: 2024-12-31",
			want: []string{
				"data/2024/changji-egov.yaml:269:10: error: a 2024 budget reports assets at the end of 2023, not on 2024-12-31 [year: assets]",
			}},
		{name: "year: empty statement",
			old: "2024 年没有使用政府性基金", new: "2023 年没有使用政府性基金",
			want: []string{
				"data/2024/changji-egov.yaml:237:12: error: the empty-table statement of table 8 (政府性基金预算支出情况表) speaks of 2023 年, but this file is for 2024 [year: table 8]",
			}},
		{name: "year: carry-over statement may name the prior year",
			old: "2024 年没有上年结转结余", new: "2023 年没有上年结转结余"},
		{name: "year: carry-over statement two years back",
			old: "2024 年没有上年结转结余", new: "2022 年没有上年结转结余",
			want: []string{
				"data/2024/changji-egov.yaml:255:12: error: the empty-table statement of table 11 (上年结转结余情况明细表) speaks of 2022 年, but this file is for 2024 [year: table 11]",
			}},
		{name: "placeholder",
			old: "name: 聂亚楠", new: "name: 待填写",
			want: []string{
				"data/2024/changji-egov.yaml:36:19: error: \"待填写\" is a placeholder left in the text \"待填写\"; write the real text [placeholder]",
			}},
		{name: "terms: an avoided English wording in the data",
			old: "en: Publicity Section}", new: "en: Section for official reception and national defense}",
			want: []string{
				`data/2024/changji-egov.yaml:27:21: warning: "official reception" is not the site's English for 公务接待: write "official hospitality", as the tables and the other pages do (Not "reception": the cost of receiving official visitors (meals, accommodation)) [terms: official reception]`,
				`data/2024/changji-egov.yaml:27:21: warning: "national defense" is not the site's English for 国防: write "national defence", as the tables and the other pages do [terms: national defense]`,
			}},
		{name: "decimals: too few",
			old: "[302 05,   0.20, ~,  0.20]", new: "[302 05,   0.2, ~,  0.2]",
			want: []string{
				"data/2024/changji-egov.yaml:206:20: warning: 0.2 is written with 1 decimal place, but the other amounts in 万元 have 2 decimal places; write it as 0.20 [decimals]",
				"data/2024/changji-egov.yaml:206:29: warning: 0.2 is written with 1 decimal place, but the other amounts in 万元 have 2 decimal places; write it as 0.20 [decimals]",
			}},
		{name: "decimals: too many",
			old: "[302 06,   0.10, ~,  0.10]", new: "[302 06,   0.100, ~,  0.100]",
			want: []string{
				"data/2024/changji-egov.yaml:203:19: warning: in table 6 (一般公共预算基本支出情况表), 302 商品和服务支出 does not equal the sum of its items: 合计: 31.02 stated, 31.040 added up (difference 0.020); 公用经费: 31.02 stated, 31.040 added up (difference 0.020); within rounding [hierarchy: table 6 302]",
				"data/2024/changji-egov.yaml:207:20: warning: 0.100 is written with 3 decimal places, but the other amounts in 万元 have 2 decimal places; write it as 0.10 [decimals]",
				"data/2024/changji-egov.yaml:207:31: warning: 0.100 is written with 3 decimal places, but the other amounts in 万元 have 2 decimal places; write it as 0.10 [decimals]",
			},
			gone: []string{
				"data/2024/changji-egov.yaml:203:19: warning: in table 6 (一般公共预算基本支出情况表), 302 商品和服务支出 does not equal the sum of its items: 合计: 31.02 stated, 31.04 added up (difference 0.02); 公用经费: 31.02 stated, 31.04 added up (difference 0.02); within rounding [hierarchy: table 6 302]",
			}},
		{name: "accept: unused, and the finding is an error again",
			old: "rule: allocation-class", new: "rule: allocation",
			want: []string{
				"data/2024/changji-egov.yaml:233:9: error: project crypto-ops (昌吉州统一政务云密码服务支撑系统平台运行维护费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 35 万元, the table 60.00 万元; 310 资本性支出: the allocation has 25 万元, the table 0 万元 [allocation-class: crypto-ops]",
				"data/2024/changji-egov.yaml:466:5: warning: nothing was found for rule \"allocation\" about \"crypto-ops\", so this acceptance is not needed; remove it [accept]",
			},
			gone: []string{
				"data/2024/changji-egov.yaml:233:9: warning: project crypto-ops (昌吉州统一政务云密码服务支撑系统平台运行维护费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 35 万元, the table 60.00 万元; 310 资本性支出: the allocation has 25 万元, the table 0 万元 (accepted: 第三部分资金分配列专用设备购置费 25 万元（资本性支出），表 7 将 60.00 万元全部列入商品和服务支出；按公开文件原样保留) [allocation-class: crypto-ops]",
			}},
		{name: "a subject is matched with or without spaces in its code",
			old: "[303 02,   0.10,   0.10]", new: "[303 02,   0.61,   0.61]",
			more: [][2]string{{
				"    subject: crypto-ops\n",
				"    subject: table 6 303\n",
			}, {
				"    figures: [35, 60.00, 25, 0]   # 302: allocation 35, table 60.00; 310: allocation 25, table 0\n",
				"    figures: [0.26, 0.77, 0.51]\n",
			}, {
				"  - rule: allocation-class\n",
				"  - rule: hierarchy\n",
			}},
			want: []string{
				"data/2024/changji-egov.yaml:218:20: warning: in table 6 (一般公共预算基本支出情况表), 303 对个人和家庭的补助 does not equal the sum of its items: 合计: 0.26 stated, 0.77 added up (difference 0.51); 人员经费: 0.26 stated, 0.77 added up (difference 0.51) (accepted: 第三部分资金分配列专用设备购置费 25 万元（资本性支出），表 7 将 60.00 万元全部列入商品和服务支出；按公开文件原样保留) [hierarchy: table 6 303]",
				"data/2024/changji-egov.yaml:233:9: error: project crypto-ops (昌吉州统一政务云密码服务支撑系统平台运行维护费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 35 万元, the table 60.00 万元; 310 资本性支出: the allocation has 25 万元, the table 0 万元 [allocation-class: crypto-ops]",
			},
			gone: []string{
				"data/2024/changji-egov.yaml:233:9: warning: project crypto-ops (昌吉州统一政务云密码服务支撑系统平台运行维护费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 35 万元, the table 60.00 万元; 310 资本性支出: the allocation has 25 万元, the table 0 万元 (accepted: 第三部分资金分配列专用设备购置费 25 万元（资本性支出），表 7 将 60.00 万元全部列入商品和服务支出；按公开文件原样保留) [allocation-class: crypto-ops]",
			},
		},
	})
}

// TestTolerance checks where rounding ends: a sum of n figures published
// with 2 decimals may be off by (n+1) × 0.005, and site.yaml may set the
// tolerance instead.
func TestTolerance(t *testing.T) {
	runMutations(t, []mutation{
		{name: "3 rows off by 0.02 is rounding",
			old: "[total,              2.16, 2.16]", new: "[total,              2.18, 2.18]",
			want: []string{
				"data/2024/changji-egov.yaml:246:30: warning: in table 10 (财政拨款“三公”经费支出情况表), the total row does not equal the sum of the top-level rows: 合计: 2.18 stated, 2.16 added up (difference 0.02); 一般公共预算: 2.18 stated, 2.16 added up (difference 0.02); within rounding [hierarchy: table 10 total]",
			}},
		{name: "3 rows off by 0.03 is an error",
			old: "[total,              2.16, 2.16]", new: "[total,              2.19, 2.19]",
			want: []string{
				"data/2024/changji-egov.yaml:246:30: error: in table 10 (财政拨款“三公”经费支出情况表), the total row does not equal the sum of the top-level rows: 合计: 2.19 stated, 2.16 added up (difference 0.03); 一般公共预算: 2.19 stated, 2.16 added up (difference 0.03) [hierarchy: table 10 total]",
			}},
		// One figure printed in two places is the same number: no rounding.
		{name: "1 figure printed twice may not differ by 0.01",
			old: "- [general, 604.13]            # 一般公共预算", new: "- [general, 604.12]            # 一般公共预算",
			want: []string{
				"data/2024/changji-egov.yaml:156:18: error: in table 4 (财政拨款收支预算总体情况表), fiscal (财政拨款（补助）) does not equal the sum of its items: 合计: 604.13 stated, 604.12 added up (difference 0.01) [hierarchy: table 4 fiscal]",
				"data/2024/changji-egov.yaml:157:19: error: table 4 (财政拨款收支预算总体情况表) says general (一般公共预算) is 604.12 万元, but table 1 (部门收支总体情况表) says 604.13 万元 (difference 0.01) [tables: table 4 general]",
			},
		},
		{name: "tolerance 0.001 turns the rounding warnings into errors",
			siteOld: "tolerance: auto", siteNew: "tolerance: 0.001",
			want: []string{
				"data/2024/changji-egov.yaml:123:22: error: in table 2 (部门收入总体情况表), 210 11 行政事业单位医疗 does not equal the sum of its items: 总计: 19.41 stated, 19.40 added up (difference 0.01); 财政拨款（补助）小计: 19.41 stated, 19.40 added up (difference 0.01); 一般公共预算: 19.41 stated, 19.40 added up (difference 0.01) [hierarchy: table 2 210 11]",
				"data/2024/changji-egov.yaml:145:22: error: in table 3 (部门支出总体情况表), 210 11 行政事业单位医疗 does not equal the sum of its items: 合计: 19.41 stated, 19.40 added up (difference 0.01); 基本支出: 19.41 stated, 19.40 added up (difference 0.01) [hierarchy: table 3 210 11]",
				"data/2024/changji-egov.yaml:180:22: error: in table 5 (一般公共预算支出情况表), 210 11 行政事业单位医疗 does not equal the sum of its items: 合计: 19.41 stated, 19.40 added up (difference 0.01); 基本支出: 19.41 stated, 19.40 added up (difference 0.01) [hierarchy: table 5 210 11]",
				"data/2024/changji-egov.yaml:192:18: error: in table 6 (一般公共预算基本支出情况表), 301 工资福利支出 does not equal the sum of its items: 合计: 332.85 stated, 332.83 added up (difference 0.02); 人员经费: 332.85 stated, 332.83 added up (difference 0.02) [hierarchy: table 6 301]",
				"data/2024/changji-egov.yaml:203:19: error: in table 6 (一般公共预算基本支出情况表), 302 商品和服务支出 does not equal the sum of its items: 合计: 31.02 stated, 31.04 added up (difference 0.02); 公用经费: 31.02 stated, 31.04 added up (difference 0.02) [hierarchy: table 6 302]",
			},
			gone: []string{
				"data/2024/changji-egov.yaml:123:22: warning: in table 2 (部门收入总体情况表), 210 11 行政事业单位医疗 does not equal the sum of its items: 总计: 19.41 stated, 19.40 added up (difference 0.01); 财政拨款（补助）小计: 19.41 stated, 19.40 added up (difference 0.01); 一般公共预算: 19.41 stated, 19.40 added up (difference 0.01); within rounding [hierarchy: table 2 210 11]",
				"data/2024/changji-egov.yaml:145:22: warning: in table 3 (部门支出总体情况表), 210 11 行政事业单位医疗 does not equal the sum of its items: 合计: 19.41 stated, 19.40 added up (difference 0.01); 基本支出: 19.41 stated, 19.40 added up (difference 0.01); within rounding [hierarchy: table 3 210 11]",
				"data/2024/changji-egov.yaml:180:22: warning: in table 5 (一般公共预算支出情况表), 210 11 行政事业单位医疗 does not equal the sum of its items: 合计: 19.41 stated, 19.40 added up (difference 0.01); 基本支出: 19.41 stated, 19.40 added up (difference 0.01); within rounding [hierarchy: table 5 210 11]",
				"data/2024/changji-egov.yaml:192:18: warning: in table 6 (一般公共预算基本支出情况表), 301 工资福利支出 does not equal the sum of its items: 合计: 332.85 stated, 332.83 added up (difference 0.02); 人员经费: 332.85 stated, 332.83 added up (difference 0.02); within rounding [hierarchy: table 6 301]",
				"data/2024/changji-egov.yaml:203:19: warning: in table 6 (一般公共预算基本支出情况表), 302 商品和服务支出 does not equal the sum of its items: 合计: 31.02 stated, 31.04 added up (difference 0.02); 公用经费: 31.02 stated, 31.04 added up (difference 0.02); within rounding [hierarchy: table 6 302]",
			}},
		{name: "tolerance 0.05 takes more for rounding",
			old: "[total,              2.16, 2.16]", new: "[total,              2.19, 2.19]",
			siteOld: "tolerance: auto", siteNew: "tolerance: 0.05",
			want: []string{
				"data/2024/changji-egov.yaml:246:30: warning: in table 10 (财政拨款“三公”经费支出情况表), the total row does not equal the sum of the top-level rows: 合计: 2.19 stated, 2.16 added up (difference 0.03); 一般公共预算: 2.19 stated, 2.16 added up (difference 0.03); within rounding [hierarchy: table 10 total]",
				"data/2024/changji-egov.yaml:289:31: warning: the overall performance targets (部门整体绩效目标表) count 604.12 万元 of funds (上级安排 + 本级安排 + 其他), but the budget's total income is 604.13 万元 (difference 0.01, within rounding) [performance: overall]",
			},
			gone: []string{
				"data/2024/changji-egov.yaml:289:31: warning: the overall performance targets (部门整体绩效目标表) count 604.12 万元 of funds (上级安排 + 本级安排 + 其他), but the budget's total income is 604.13 万元 (difference 0.01) (accepted: 部门整体绩效目标表“本级安排”和第三部分（四）均为 604.12 万元，而收支总预算为 604.13 万元；按公开文件原样保留) [performance: overall]",
			}},
	})
}

// TestMissingTable compares table 4 with a table the file does not have.
func TestMissingTable(t *testing.T) {
	runMutations(t, []mutation{
		{name: "table 4 has funds, and there is no table 8",
			old: "[221,  29.42,  29.42]\n      - [total, 604.13, 604.13]",
			new: "[221,  29.52,  29.42, 0.10]\n      - [total, 604.23, 604.13, 0.10]",
			more: [][2]string{
				{"[fiscal, 604.13]             # 一、财政拨款（补助）\n      - [general, 604.13]            # 一般公共预算\n      - [total, 604.13]",
					"[fiscal, 604.23]             # 一、财政拨款（补助）\n      - [general, 604.13]            # 一般公共预算\n      - [total, 604.23]"},
				{"  - no: 8\n    kind: fund             # 政府性基金预算支出情况表\n    empty: 昌吉回族自治州人民政府电子政务办公室 2024 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。",
					"  # no table 8\n  #\n  #"},
			},
			want: []string{
				"data/2024/changji-egov.yaml:91:5: error: the template national (部门预算公开表（十一张表）) has table 8, 政府性基金预算支出情况表 (kind: fund), but this file does not: add it under tables:, with its rows, or with an \"empty:\" statement (空表说明) when it has no figures [template: table 8]",
				"data/2024/changji-egov.yaml:156:18: error: in table 4 (财政拨款收支预算总体情况表), fiscal (财政拨款（补助）) does not equal the sum of its items: 合计: 604.23 stated, 604.13 added up (difference 0.10) [hierarchy: table 4 fiscal]",
				"data/2024/changji-egov.yaml:163:31: error: 221 住房保障支出: table 4 (财政拨款收支预算总体情况表) 政府性基金预算 says 0.10 万元, but 政府性基金预算支出情况表 (kind: fund, which this file does not have) says 0 万元 (difference 0.10) [tables: table 4 221 fund]",
				"data/2024/changji-egov.yaml:164:33: error: the total: table 4 (财政拨款收支预算总体情况表) 政府性基金预算 says 0.10 万元, but 政府性基金预算支出情况表 (kind: fund, which this file does not have) says 0 万元 (difference 0.10) [tables: table 4 total fund]",
			}},
	})
}

// TestAccept accepts a finding: the error becomes a warning that gives
// the reason.
func TestAccept(t *testing.T) {
	runMutations(t, []mutation{
		{name: "an accepted error is a warning with the reason",
			old: "actual: 23", new: "actual: 24",
			more: [][2]string{{
				"  - rule: allocation-class\n    subject: crypto-ops\n    figures: [35, 60.00, 25, 0]   # 302: allocation 35, table 60.00; 310: allocation 25, table 0\n    reason: 第三部分资金分配列专用设备购置费 25 万元（资本性支出），表 7 将 60.00 万元全部列入商品和服务支出；按公开文件原样保留",
				"  - rule: staffing\n    subject: actual\n    figures: [23]\n    reason: 公开文件原样",
			}},
			want: []string{
				"data/2024/changji-egov.yaml:31:5: warning: 实有人数 is 24, but 在职 22 + 退休 1 + 离休 0 = 23 (accepted: 公开文件原样) [staffing: actual]",
				"data/2024/changji-egov.yaml:233:9: error: project crypto-ops (昌吉州统一政务云密码服务支撑系统平台运行维护费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 35 万元, the table 60.00 万元; 310 资本性支出: the allocation has 25 万元, the table 0 万元 [allocation-class: crypto-ops]",
			},
			gone: []string{
				"data/2024/changji-egov.yaml:233:9: warning: project crypto-ops (昌吉州统一政务云密码服务支撑系统平台运行维护费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 35 万元, the table 60.00 万元; 310 资本性支出: the allocation has 25 万元, the table 0 万元 (accepted: 第三部分资金分配列专用设备购置费 25 万元（资本性支出），表 7 将 60.00 万元全部列入商品和服务支出；按公开文件原样保留) [allocation-class: crypto-ops]",
			}},
		{name: "a subject is matched with or without spaces in its code",
			old: "[303 02,   0.10,   0.10]", new: "[303 02,   0.61,   0.61]",
			more: [][2]string{{
				"    subject: crypto-ops\n",
				"    subject: table 6 303\n",
			}, {
				"    figures: [35, 60.00, 25, 0]   # 302: allocation 35, table 60.00; 310: allocation 25, table 0\n",
				"    figures: [0.26, 0.77, 0.51]\n",
			}, {
				"  - rule: allocation-class\n",
				"  - rule: hierarchy\n",
			}},
			want: []string{
				"data/2024/changji-egov.yaml:218:20: warning: in table 6 (一般公共预算基本支出情况表), 303 对个人和家庭的补助 does not equal the sum of its items: 合计: 0.26 stated, 0.77 added up (difference 0.51); 人员经费: 0.26 stated, 0.77 added up (difference 0.51) (accepted: 第三部分资金分配列专用设备购置费 25 万元（资本性支出），表 7 将 60.00 万元全部列入商品和服务支出；按公开文件原样保留) [hierarchy: table 6 303]",
				"data/2024/changji-egov.yaml:233:9: error: project crypto-ops (昌吉州统一政务云密码服务支撑系统平台运行维护费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 35 万元, the table 60.00 万元; 310 资本性支出: the allocation has 25 万元, the table 0 万元 [allocation-class: crypto-ops]",
			},
			gone: []string{
				"data/2024/changji-egov.yaml:233:9: warning: project crypto-ops (昌吉州统一政务云密码服务支撑系统平台运行维护费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 35 万元, the table 60.00 万元; 310 资本性支出: the allocation has 25 万元, the table 0 万元 (accepted: 第三部分资金分配列专用设备购置费 25 万元（资本性支出），表 7 将 60.00 万元全部列入商品和服务支出；按公开文件原样保留) [allocation-class: crypto-ops]",
			},
		},
	})
}

// TestAcceptPinsFigures changes a figure of an accepted finding: the
// finding is an error again, and says which figures to look at.
func TestAcceptPinsFigures(t *testing.T) {
	runMutations(t, []mutation{
		{name: "the accepted figures changed",
			old: "      - [302 27, 35]       # 委托业务费", new: "      - [302 27, 34]       # 委托业务费",
			more: [][2]string{{"      - [310 03, 25]       # 专用设备购置费", "      - [310 03, 26]       # 专用设备购置费"}},
			want: []string{
				"data/2024/changji-egov.yaml:233:9: error: project crypto-ops (昌吉州统一政务云密码服务支撑系统平台运行维护费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 34 万元, the table 60.00 万元; 310 资本性支出: the allocation has 26 万元, the table 0 万元 (the acceptance at line 466 is for the figures [35, 60.00, 25, 0], but the finding now has [34, 60.00, 26, 0]: if the published document really prints these, write figures: [34, 60.00, 26, 0] there) [allocation-class: crypto-ops]",
			},
			gone: []string{
				"data/2024/changji-egov.yaml:233:9: warning: project crypto-ops (昌吉州统一政务云密码服务支撑系统平台运行维护费) is split by economic class differently in its allocation (资金分配) and in table 7 (一般公共预算项目支出情况表): 302 商品和服务支出: the allocation has 35 万元, the table 60.00 万元; 310 资本性支出: the allocation has 25 万元, the table 0 万元 (accepted: 第三部分资金分配列专用设备购置费 25 万元（资本性支出），表 7 将 60.00 万元全部列入商品和服务支出；按公开文件原样保留) [allocation-class: crypto-ops]",
			}},
	})
}

// TestPlaceholdersInMarkdown looks for placeholders in the explanations.
func TestPlaceholdersInMarkdown(t *testing.T) {
	cfg, ds := load.SiteConfig(siteFile, readExample(t, siteFile))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	site := &model.Site{Config: cfg, Content: []model.Source{
		{Path: "content/zh/about.md", Text: "# 部门概况\n\n本部门共有 XX 个内设机构。\n"},
		{Path: "content/en/about.md", Text: "# About\n\nThe office has four sections.\nTODO: translate the rest, 待补充\n"},
		{Path: "content/en/terms.md", Text: "# 三公\n\n经费 Official receptions fell;\nthe defense of *performance-based pay*.\n"},
	}}
	diags := check.Site(site)
	diags.Sort()
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	sameLines(t, "findings", got, []string{
		`content/en/about.md:4:1: error: "TODO" is a placeholder left in the text; write the real text [placeholder]`,
		`content/en/about.md:4:27: error: "待补充" is a placeholder left in the text; write the real text [placeholder]`,
		`content/en/terms.md:3:4: warning: "Official receptions" is not the site's English for 公务接待: write "official hospitality", as the tables and the other pages do (Not "reception": the cost of receiving official visitors (meals, accommodation)) [terms: Official receptions]`,
		`content/en/terms.md:4:5: warning: "defense" is American spelling; the English pages are in British English: write "defence" [terms: defense]`,
		`content/en/terms.md:4:17: warning: "performance-based pay" is not the site's English for 绩效工资: write "performance-related pay", as the tables and the other pages do [terms: performance-based pay]`,
		`content/zh/about.md:3:7: error: "XX" is a placeholder left in the text; write the real text [placeholder]`,
	})
}

// TestEveryRuleIsTested finds the rule names in the checker's source and
// wants each in an expected finding above, so a new rule comes with a test.
func TestEveryRuleIsTested(t *testing.T) {
	names, _ := filepath.Glob("*.go")
	rules := map[string]bool{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			var lit ast.Expr
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					break
				}
				switch sel.Sel.Name {
				case "errorf", "warnf", "compare":
					lit = n.Args[0]
				case "report":
					lit = n.Args[1]
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Rule" {
					lit = n.Value
				}
			}
			if b, ok := lit.(*ast.BasicLit); ok && b.Kind == token.STRING {
				rules[strings.Trim(b.Value, "\"")] = true
			}
			return true
		})
	}
	if len(rules) < 10 {
		t.Fatalf("found only %d rules in the source: %v", len(rules), rules)
	}
	src, err := os.ReadFile("check_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for r := range rules {
		if !bytes.Contains(src, []byte(" ["+r+"]\"")) && !bytes.Contains(src, []byte(" ["+r+": ")) {
			t.Errorf("no test expects a finding of rule %q", r)
		}
	}
}

// TestMissingTables removes whole tables: the figures that refer to them
// can no longer be proven, and check says which table is missing.
func TestMissingTables(t *testing.T) {
	cfg, ds := load.SiteConfig(siteFile, readExample(t, siteFile))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	for _, tc := range []struct {
		kind string
		want []string
	}{
		{model.KindGeneralBasic, []string{
			"data/2024/changji-egov.yaml:169:29: error: basic expenditure in table 5 (一般公共预算支出情况表) is 364.13 万元, but there is no 一般公共预算基本支出情况表 (kind: general-basic) to show it (difference 364.13) [tables: table 5 basic]",
			"data/2024/changji-egov.yaml:91:5: error: the template national (部门预算公开表（十一张表）) has table 6, 一般公共预算基本支出情况表 (kind: general-basic), but this file does not: add it under tables:, with its rows, or with an \"empty:\" statement (空表说明) when it has no figures [template: table 6]",
		}},
		{model.KindGeneralProj, []string{
			"data/2024/changji-egov.yaml:169:37: error: project expenditure in table 5 (一般公共预算支出情况表) is 240.00 万元, but there is no 一般公共预算项目支出情况表 (kind: general-project) to show it (difference 240.00) [tables: table 5 project]",
			"data/2024/changji-egov.yaml:91:5: error: the template national (部门预算公开表（十一张表）) has table 7, 一般公共预算项目支出情况表 (kind: general-project), but this file does not: add it under tables:, with its rows, or with an \"empty:\" statement (空表说明) when it has no figures [template: table 7]",
		}},
		{model.KindIncome, []string{
			"data/2024/changji-egov.yaml:91:5: error: the template national (部门预算公开表（十一张表）) has table 2, 部门收入总体情况表 (kind: income), but this file does not: add it under tables:, with its rows, or with an \"empty:\" statement (空表说明) when it has no figures [template: table 2]",
			"data/2024/changji-egov.yaml:97:17: error: table 1 (部门收支总体情况表) says total income is 604.13 万元, but there is no 部门收入总体情况表 (kind: income) to show it [tables: table 1 total]",
		}},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			f, ds := load.File(dataFile, readExample(t, dataFile), load.Options{Langs: cfg.Languages})
			if len(ds) > 0 {
				t.Fatal(ds)
			}
			var kept []*model.Table
			for _, tb := range f.Tables {
				if tb.Kind.ID != tc.kind {
					kept = append(kept, tb)
				}
			}
			f.Tables = kept
			var got []string
			for _, d := range check.File(f, cfg, nil) {
				if d.Severity == diag.Error {
					got = append(got, d.String())
				}
			}
			sort.Strings(got)
			sameLines(t, "errors", got, tc.want)
		})
	}
}

// TestIncompleteFileIsNotCompared: a row that does not load would make
// its subtotal and the other tables look wrong; the checker waits for
// the loading error to be fixed instead of piling up follow-on errors.
func TestIncompleteFileIsNotCompared(t *testing.T) {
	cfg, ds := load.SiteConfig(siteFile, readExample(t, siteFile))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	src := mutate(t, dataFile, readExample(t, dataFile), "- [general.own, 604.13]", "- [general.owm, 604.13]")
	f, ds := load.File(dataFile, src, load.Options{Langs: cfg.Languages})
	if !ds.HasErrors() || f == nil {
		t.Fatalf("the broken row loaded: %v", ds)
	}
	var got []string
	for _, d := range check.File(f, cfg, nil) {
		got = append(got, d.String())
	}
	sameLines(t, "findings", got, []string{
		"data/2024/changji-egov.yaml:1:1: warning: this file has loading errors, so its tables are not checked against each other until those are fixed",
	})
}

// TestTemplatesAndNames changes the template and the printed names of
// rows: tables a template does not have, or has under another number,
// and names that differ from the national classification.
func TestTemplatesAndNames(t *testing.T) {
	runMutations(t, []mutation{
		{name: "name: the printed name differs from the dictionary",
			old: "[201 03 50, 260.80, 260.80, 260.80]", new: "[201 03 50 事业运营, 260.80, 260.80, 260.80]",
			want: []string{
				"data/2024/changji-egov.yaml:115:9: warning: table 2 (部门收入总体情况表) prints 201 03 50 as \"事业运营\", but in the 2024 national classification 201 03 50 is \"事业运行\"; check the code, or the name [name: table 2 201 03 50]",
			}},
		{name: "name: the same name, written with other brackets, is the same",
			old: "[201 03 99, 240.00, 240.00, 240.00]", new: "[201 03 99 其他政府办公厅(室)及相关机构事务支出, 240.00, 240.00, 240.00]",
			want: []string{}},
		{name: "code: a 项 the dictionary does not have, with its printed name",
			old: "[201 03 99, 240.00, 240.00, 240.00]", new: "[201 03 77 信息化建设, 240.00, 240.00, 240.00]",
			want: []string{
				"data/2024/changji-egov.yaml:105:5: error: 201 03 99 其他政府办公厅（室）及相关机构事务支出: table 2 (部门收入总体情况表) 总计 says 0 万元, but table 3 (部门支出总体情况表) 合计 says 240.00 万元 (difference 240.00) [tables: table 2 201 03 99 total]",
				"data/2024/changji-egov.yaml:105:5: error: 201 03 99 其他政府办公厅（室）及相关机构事务支出: table 2 (部门收入总体情况表) 一般公共预算 + 上级一般公共预算安排的转移支付 says 0 万元, but table 5 (一般公共预算支出情况表) 合计 says 240.00 万元 (difference 240.00) [tables: table 2 201 03 99 general+general_transfer]",
				"data/2024/changji-egov.yaml:116:9: warning: 201 03 77 信息化建设 is not in the 2024 national classification; check the code against the published table (it is published with the name as printed; a code your province adds for good goes in data/classification.yaml) [code: table 2 201 03 77]",
				"data/2024/changji-egov.yaml:116:27: error: 201 03 77 信息化建设: table 2 (部门收入总体情况表) 总计 says 240.00 万元, but table 3 (部门支出总体情况表) 合计 says 0 万元 (difference 240.00) [tables: table 2 201 03 77 total]",
				"data/2024/changji-egov.yaml:116:43: error: 201 03 77 信息化建设: table 2 (部门收入总体情况表) 一般公共预算 + 上级一般公共预算安排的转移支付 says 240.00 万元, but table 5 (一般公共预算支出情况表) 合计 says 0 万元 (difference 240.00) [tables: table 2 201 03 77 general+general_transfer]",
			}},
		{name: "template: the eight tables of 财预〔2016〕143号",
			old: "# 2024 年昌吉回族自治州人民政府电子政务办公室部门预算\n", new: "template: mof-2016\n",
			want: []string{
				"data/2024/changji-egov.yaml:222:5: error: table 7 (一般公共预算项目支出情况表) is not one of the tables of the template mof-2016 (部门预算公开表（八张表）); remove it, or name the template that has it (template: in site.yaml or at the top of this file) [template: table 7]",
				"data/2024/changji-egov.yaml:239:5: error: table 9 (国有资本经营预算支出情况表) is not one of the tables of the template mof-2016 (部门预算公开表（八张表）); remove it, or name the template that has it (template: in site.yaml or at the top of this file) [template: table 9]",
				"data/2024/changji-egov.yaml:243:5: error: table 10 (财政拨款“三公”经费支出情况表) is table 7 in the template mof-2016 (部门预算公开表（八张表）); write no: 7, or leave the number out [template: table 10]",
				"data/2024/changji-egov.yaml:253:5: error: table 11 (上年结转结余情况明细表) is not one of the tables of the template mof-2016 (部门预算公开表（八张表）); remove it, or name the template that has it (template: in site.yaml or at the top of this file) [template: table 11]",
			}},
	})
}

// TestOperatingCosts makes 机关运行经费 larger than the 公用经费 it is
// part of.
func TestOperatingCosts(t *testing.T) {
	runMutations(t, []mutation{
		{name: "operating-costs: more than 公用经费",
			old: "operating_costs: 31.02     # (一) 机关运行经费财政拨款预算", new: "operating_costs: 31.03     # (一) 机关运行经费财政拨款预算",
			want: []string{
				"data/2024/changji-egov.yaml:258:18: error: 机关运行经费 is 31.03 万元, more than the operating expenses (公用经费) of table 6 (一般公共预算基本支出情况表) 公用经费, 31.02 万元; it is part of them [operating-costs: operating_costs]",
			}},
	})
}

// TestPriorTotals gives last year's totals: they must add up.
func TestPriorTotals(t *testing.T) {
	runMutations(t, []mutation{
		{name: "prior: last year's income total is its lines",
			old: "    fund: 0.00\n", new: "    total: 2,068.17\n"},
		{name: "prior: last year's income total differs",
			old: "    fund: 0.00\n", new: "    total: 2,069.17\n",
			want: []string{
				"data/2024/changji-egov.yaml:434:12: error: last year's total income is 2,069.17 万元, but its lines add up to 2,068.17 万元 (difference 1.00) [prior: income total]",
			}},
	})
}
