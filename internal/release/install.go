package release

import "strings"

// install returns the README.txt of the archive for t: how to install
// and start, in Chinese and English.
func install(version string, t Target) string {
	exe, unpack, run := "budgetpress", "tar -xzf budgetpress-*.tar.gz", "./budgetpress"
	if t.OS == "windows" {
		exe, unpack, run = "budgetpress.exe", "右键点击压缩包，选择“全部解压缩” (right-click the zip, Extract All)", "budgetpress"
	}
	r := strings.NewReplacer("@VERSION@", version, "@EXE@", exe, "@UNPACK@", unpack, "@RUN@", run, "@TARGET@", t.String())
	return r.Replace(`budgetpress @VERSION@ (@TARGET@)
================================

budgetpress 把部门预算数据（YAML）和情况说明（Markdown）发布为中英文双语网站，
并检查各张预算公开表之间是否一致。
budgetpress publishes department budgets as a bilingual (Chinese and
English) website, and checks that the tables agree with each other.

安装 (Install)
--------------
1. 解压 (unpack): @UNPACK@
2. 把 @EXE@ 放到一个文件夹里，例如“预算公开”所在的文件夹，或 PATH 中的文件夹。
   Keep @EXE@ in the folder you work in, or in a folder on your PATH.
   Nothing else is needed: the website's theme is built in.

开始 (Start)
------------
在该文件夹打开命令行（Windows：在资源管理器地址栏输入 cmd 后回车），然后输入：
Open a terminal in that folder (Windows: type cmd in Explorer's address
bar and press Enter), then type:

    @RUN@ new site 预算公开
    @RUN@ serve --open 预算公开

第一条命令新建一个可以直接检查和生成的网站（含一个示例部门），第二条命令在浏览器中预览，
保存文件后页面自动更新。按 Ctrl-C 停止预览。
The first command writes a new site with one example department; the
second previews it in the web browser, and the pages update when you
save a file. Ctrl-C stops the preview.

    @RUN@ new department 部门编号 --year 2025 预算公开      (e.g. changji-egov)
    @RUN@ new department changji-egov --year 2025 --like 2024/changji-egov 预算公开
    @RUN@ check 预算公开
    @RUN@ build 预算公开
    @RUN@ version

new department 新增一个部门年度（--like：以上一年的文件为起点，保留结构，清空数字）；
check 检查数据；build 生成网站到 预算公开/public/。
new department adds a department-year (--like starts from last year's
file: its structure kept, its figures emptied); check checks the data;
build writes the website into 预算公开/public/.

licenses/ 中是本程序所含软件的许可证。
licenses/ holds the licences of the software this program contains.
`)
}
