package index

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"github.com/disputebot/disputebot/index/internal/newsgen"
	"github.com/disputebot/disputebot/knowledge"
)

// sameTokens returns how two token streams differ, or "".
func sameTokens(want, got analysis.TokenStream) string {
	show := func(ts analysis.TokenStream) string {
		var b strings.Builder
		for _, t := range ts {
			fmt.Fprintf(&b, "%q@%d[%d:%d]%d ", t.Term, t.Position, t.Start, t.End, t.Type)
		}
		return b.String()
	}
	if a, b := show(want), show(got); a != b {
		return fmt.Sprintf("unicode: %s\nascii:   %s", a, b)
	}
	return ""
}

// TestASCIITokenizerIsUnicode: the hand-read ASCII gives the Unicode
// tokenizer's tokens on every text of the corpus, of the articles of the
// tests and of the benchmarks' generated news, and on the hard cases of
// the rules (numbers, abbreviations, underscores, marks after spaces).
func TestASCIITokenizerIsUnicode(t *testing.T) {
	var texts []string
	for _, glob := range []string{"../knowledge/corpus/*", "../testdata/eval/articles/*/*", "testdata/*/*"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				texts = append(texts, string(b))
			}
		}
	}
	if len(texts) < 20 {
		t.Fatalf("only %d texts read", len(texts))
	}
	for _, a := range newsgen.Articles(1, 2000) {
		texts = append(texts, a.Title)
		for _, p := range a.Body {
			texts = append(texts, p.Text)
		}
	}
	texts = append(texts, "U.S. $1,200.50 3.5% don't 'quoted' a:b a::b 1:2 1.2.3 a.1 1.a _a a_ __ _1_ a_b.c 1,a a,1 ,1 1, US$87,720",
		"tab\there\nline\r\nend\v\f", " \u0301abc", "x \u0301abc", "café résumé – naïve “quotes” ‘single’ 100円 ₩1,000 서울에서 東京で", "a\u200db", "e\u0301 x", "...", "", "'", "a'", "'a")
	// And short random texts of the characters the rules turn on,
	// and of any bytes.
	alphabet := []string{"a", "Z", "0", "9", "_", ".", ":", "'", ",", ";", " ", "\n", "\t", "\r", "$", "é", "\u0301",
		"서", "東", "ア", "ー", "\u200d", "–", "😀", "\u00a0", "\xcc"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 50_000 {
		var b strings.Builder
		for k := rng.IntN(24); k >= 0; k-- {
			if rng.IntN(10) == 0 {
				b.WriteByte(byte(rng.IntN(256)))
			} else {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
		}
		texts = append(texts, b.String())
	}
	u := unicode.NewUnicodeTokenizer()
	fast := asciiTokenizer{u}
	for _, text := range texts {
		if diff := sameTokens(u.Tokenize([]byte(text)), fast.Tokenize([]byte(text))); diff != "" {
			t.Fatalf("%.80q:\n%s", text, diff)
		}
	}
}

// FuzzASCIITokenizer compares the two tokenizers on any text.
func FuzzASCIITokenizer(f *testing.F) {
	for _, s := range []string{"U.S. $1,200.50 don't a:b _1_", "a \u0301b", "café 1,2 ó.a", "서울 a.b 東京", knowledge.English} {
		f.Add(s)
	}
	u := unicode.NewUnicodeTokenizer()
	fast := asciiTokenizer{u}
	f.Fuzz(func(t *testing.T, text string) {
		if diff := sameTokens(u.Tokenize([]byte(text)), fast.Tokenize([]byte(text))); diff != "" {
			t.Fatalf("%q:\n%s", text, diff)
		}
	})
}
