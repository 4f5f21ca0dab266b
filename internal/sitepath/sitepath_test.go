package sitepath

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

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

// TestDataFiles lists the department files of one year folder and of
// all, in order, and nothing else of data/.
func TestDataFiles(t *testing.T) {
	dir := t.TempDir()
	for _, rel := range []string{"data/2024/b.yaml", "data/2024/a.yaml", "data/2023/c.yaml", "data/classification.yaml", "data/2024/notes.txt"} {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		year string
		want []string
	}{
		{"*", []string{"data/2023/c.yaml", "data/2024/a.yaml", "data/2024/b.yaml"}},
		{"2024", []string{"data/2024/a.yaml", "data/2024/b.yaml"}},
		{"2025", []string{}},
	}
	for _, tc := range tests {
		if got := DataFiles(dir, tc.year); !slices.Equal(got, tc.want) {
			t.Errorf("DataFiles(%q) = %q, want %q", tc.year, got, tc.want)
		}
	}
}
