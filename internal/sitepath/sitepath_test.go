package sitepath

import "testing"

func TestPaths(t *testing.T) {
	if got := DataFile(2024, "changji-egov"); got != "data/2024/changji-egov.yaml" {
		t.Errorf("DataFile = %q", got)
	}
	if got := Explanation("en", 2024, "changji-egov"); got != "content/en/2024/changji-egov.md" {
		t.Errorf("Explanation = %q", got)
	}
	for _, tc := range []struct {
		rel      string
		year, id string
		ok       bool
	}{
		{"data/2024/changji-egov.yaml", "2024", "changji-egov", true},
		{"data/classification.yaml", "", "", false},
		{"data/2024/.yaml", "", "", false},
		{"data//x.yaml", "", "", false},
		{"data/2024/x.yml", "", "", false},
		{"data/2024/sub/x.yaml", "", "", false},
		{"content/zh/2024/x.md", "", "", false},
	} {
		year, id, ok := ParseDataFile(tc.rel)
		if year != tc.year || id != tc.id || ok != tc.ok {
			t.Errorf("ParseDataFile(%q) = %q, %q, %v", tc.rel, year, id, ok)
		}
	}
	for _, tc := range []struct {
		rel            string
		lang, year, id string
		ok             bool
	}{
		{"content/zh/2024/changji-egov.md", "zh", "2024", "changji-egov", true},
		{"content/zh/2024.md", "", "", "", false},
		{"content/zh/2024/.md", "", "", "", false},
		{"content/zh/2024/x.txt", "", "", "", false},
		{"data/2024/x.yaml", "", "", "", false},
	} {
		lang, year, id, ok := ParseExplanation(tc.rel)
		if lang != tc.lang || year != tc.year || id != tc.id || ok != tc.ok {
			t.Errorf("ParseExplanation(%q) = %q, %q, %q, %v", tc.rel, lang, year, id, ok)
		}
	}
}
