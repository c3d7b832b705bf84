package wordvec

import (
	"strings"
	"testing"

	"github.com/disputebot/disputebot/knowledge/internal/sorted"
)

func TestTablesAgree(t *testing.T) {
	if k := sorted.Unsorted(wordList); k != "" {
		t.Fatalf("words.txt is not sorted at %q: regenerate it", k)
	}
	lines := strings.Split(strings.TrimSuffix(wordList, "\n"), "\n")
	if len(lines)*dims != len(vectorBytes) {
		t.Fatalf("%d words, %d bytes of vectors: regenerate them", len(lines), len(vectorBytes))
	}
	seen := make([]bool, len(lines))
	for _, line := range lines {
		w, _, _ := strings.Cut(line, "\t")
		r, ok := Lookup(w)
		if !ok || seen[r] {
			t.Fatalf("%q: rank %d, %v (seen before: %v)", w, r, ok, ok && seen[r])
		}
		seen[r] = true
	}
	if w, ok := Lookup("the"); !ok || w != 0 {
		t.Errorf("Lookup(the) = %d, %v: the commonest word is not first", w, ok)
	}
}

// similarity is the cosine of two words' vectors, and whether both are
// known.
func similarity(a, b string) (float64, bool) {
	i, ok := Lookup(a)
	j, ok2 := Lookup(b)
	if !ok || !ok2 {
		return 0, false
	}
	return Cosine(i, j), true
}

// TestSimilarity checks that words news uses of the same thing stand
// nearer than words that are not: what a soft match relies on.
func TestSimilarity(t *testing.T) {
	tests := []struct {
		word, near, far string
	}{
		{"pact", "treaty", "banana"},
		{"european", "germany", "shrine"},
		{"patterned", "modelled", "tariff"},
		{"curbs", "restrictions", "festival"},
		{"compensation", "damages", "island"},
	}
	for _, tt := range tests {
		near, ok := similarity(tt.word, tt.near)
		far, ok2 := similarity(tt.word, tt.far)
		if !ok || !ok2 || near <= far {
			t.Errorf("%s: %s %.2f (%v), %s %.2f (%v)", tt.word, tt.near, near, ok, tt.far, far, ok2)
		}
	}
	if s, ok := similarity("agreement", "agreement"); !ok || s < 0.999 || s > 1.0001 {
		t.Errorf("a word with itself: %v %v", s, ok)
	}
	for _, w := range []string{"", "zzzqx", "Pact", "a b", "gsomia"} {
		if _, ok := similarity("agreement", w); ok {
			t.Errorf("similarity(agreement, %q) is known", w)
		}
	}
}

func FuzzSimilarity(f *testing.F) {
	f.Add("pact", "treaty")
	f.Add("", "\xff")
	f.Fuzz(func(t *testing.T, a, b string) {
		s, ok := similarity(a, b)
		if ok && (s < -1.0001 || s > 1.0001) {
			t.Errorf("similarity(%q, %q) = %v", a, b, s)
		}
		if !ok && s != 0 {
			t.Errorf("unknown words with similarity %v", s)
		}
	})
}

func BenchmarkCosine(b *testing.B) {
	x, _ := Lookup("compensation")
	y, _ := Lookup("damages")
	for b.Loop() {
		Cosine(x, y)
	}
}
