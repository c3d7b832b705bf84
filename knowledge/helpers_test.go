package knowledge

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// checkGolden compares got with testdata/name, or rewrites the file with
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update if intended):\n%s", path, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the first lines that differ between want and got.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(wl), len(gl)) && shown < 10; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, w, g)
			shown++
		}
	}
	return b.String()
}

// corpusFile builds a corpus file from a valid default front matter. Values
// in over replace the defaults (raw YAML); an empty value removes the key.
// Keys not among the defaults are added in sorted order.
func corpusFile(over map[string]string, body string) string {
	defaults := [][2]string{
		{"id", "test-article"},
		{"title", "Japan and South Korea hold talks"},
		{"publisher", "Test News"},
		{"published", "2019-12-16"},
	}
	var b strings.Builder
	b.WriteString("---\n")
	used := map[string]bool{}
	for _, kv := range defaults {
		v, ok := over[kv[0]]
		used[kv[0]] = true
		if !ok {
			v = kv[1]
		}
		if v != "" {
			fmt.Fprintf(&b, "%s: %s\n", kv[0], v)
		}
	}
	var extra []string
	for k := range over {
		if !used[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		if over[k] != "" {
			fmt.Fprintf(&b, "%s: %s\n", k, over[k])
		}
	}
	b.WriteString("---\n")
	b.WriteString(body)
	return b.String()
}

const testBody = "The foreign ministers of Japan and South Korea met in Madrid.\n"

// normalized returns a copy of a with empty slices as nil and times in UTC,
// so that articles that mean the same compare equal with reflect.DeepEqual.
func normalized(a *Article) Article {
	c := *a
	if len(c.Topics) == 0 {
		c.Topics = nil
	}
	if len(c.Body) == 0 {
		c.Body = nil
	}
	if len(c.Related) == 0 {
		c.Related = nil
	}
	if len(c.Reprints) == 0 {
		c.Reprints = nil
	}
	if len(c.Sources) == 0 {
		c.Sources = nil
	}
	c.AddedAt = c.AddedAt.UTC()
	c.Published = c.Published.UTC()
	c.Events = append([]Event(nil), c.Events...)
	for i := range c.Events {
		c.Events[i].Date = c.Events[i].Date.UTC()
	}
	if len(c.Events) == 0 {
		c.Events = nil
	}
	return c
}

func sameArticle(a, b *Article) bool {
	x, y := normalized(a), normalized(b)
	return reflect.DeepEqual(x, y)
}
