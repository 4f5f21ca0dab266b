package gensite

import "strings"

// syllable is one character of a fictional county's name and its pinyin.
type syllable struct{ zh, en string }

// The first and second characters of the fictional counties' names:
// every pair is a distinct name, in Chinese and in pinyin.
var (
	firsts = []syllable{
		{"清", "qing"}, {"安", "an"}, {"丰", "feng"}, {"永", "yong"}, {"长", "chang"},
		{"平", "ping"}, {"和", "he"}, {"泰", "tai"}, {"宁", "ning"}, {"嘉", "jia"},
		{"兴", "xing"}, {"福", "fu"}, {"乐", "le"}, {"康", "kang"}, {"瑞", "rui"},
		{"明", "ming"}, {"新", "xin"}, {"东", "dong"}, {"西", "xi"}, {"南", "nan"},
		{"金", "jin"}, {"玉", "yu"}, {"白", "bai"}, {"石", "shi"},
	}
	seconds = []syllable{
		{"河", "he"}, {"山", "shan"}, {"源", "yuan"}, {"川", "chuan"}, {"阳", "yang"},
		{"林", "lin"}, {"泉", "quan"}, {"城", "cheng"}, {"原", "yuan"}, {"峰", "feng"},
		{"湖", "hu"}, {"岭", "ling"}, {"台", "tai"}, {"塘", "tang"}, {"坪", "ping"},
		{"桥", "qiao"}, {"湾", "wan"}, {"沟", "gou"}, {"滩", "tan"}, {"门", "men"},
		{"渠", "qu"}, {"田", "tian"}, {"溪", "xi"}, {"江", "jiang"},
	}
)

// county is a fictional county: its name without 县 in Chinese, its name
// in pinyin ("Qinghe") and the prefix of its departments' ids ("qinghe").
type county struct{ zh, en, id string }

// counties returns every fictional county whose pinyin is not taken by
// another (清原 and 清源 would both be Qingyuan) or by the corpus
// (北庭, 云溪), in a fixed order.
func counties() []county {
	seen := map[string]bool{"beiting": true, "yunxi": true}
	var out []county
	for _, a := range firsts {
		for _, b := range seconds {
			id := a.en + b.en
			if seen[id] {
				continue
			}
			seen[id] = true
			out = append(out, county{zh: a.zh + b.zh, en: strings.ToUpper(id[:1]) + id[1:], id: id})
		}
	}
	return out
}
