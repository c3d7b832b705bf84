package index

import (
	"testing"

	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/lang"
)

// TestSkeleton: an English word and its Japanese and Korean borrowings
// have the same consonants (articles/dev.jsonl 139 and 142: Triennale;
// 89: centre), or the borrowing lacks a final r.
func TestSkeleton(t *testing.T) {
	for _, tt := range []struct {
		english, borrowed string
		finalR            bool
	}{
		{"triennale", lang.RomanizeKana("トリエンナーレ"), false},
		{"triennal", lang.RomanizeKoreanLinked("트리엔날레"), false}, // the stem the index keeps
		{"photoresist", lang.RomanizeKoreanLinked("포토레지스트"), false},
		{"unesco", lang.RomanizeKana("ユネスコ"), false},
		{"centre", lang.RomanizeKana("センター"), true},
		{"center", lang.RomanizeKoreanLinked("센터"), true},
	} {
		e, b := skeleton(tt.english), skeleton(tt.borrowed)
		if tt.finalR {
			b += "r"
		}
		if e != b || e == "" {
			t.Errorf("skeleton(%q) = %q, skeleton(%q) = %q", tt.english, e, tt.borrowed, b)
		}
	}
	for _, w := range []string{"", "aeiou", "한국"} {
		if got := skeleton(w); got != "" {
			t.Errorf("skeleton(%q) = %q, want nothing", w, got)
		}
	}
}

func TestLoanwordLike(t *testing.T) {
	for w, want := range map[string]bool{"트리엔날레": true, "유네스코": true, "포토레지스트": true, "내준게": false, "수출규제": false, "센터": false} {
		if got := lang.LoanwordLike(w); got != want {
			t.Errorf("LoanwordLike(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestLoanwordFindsEnglish: a Japanese or Korean question naming an
// event by its borrowed name finds the English article a moderator added.
func TestLoanwordFindsEnglish(t *testing.T) {
	idx, _ := openTest(t, append(defaultCorpus(t),
		article("aichi", "", "2019-08-04",
			"The Aichi Triennale, one of Japan's largest art festivals, closed an exhibit on Saturday after threats.",
			"The rest of the Triennale runs until Oct. 14 at venues in Nagoya and Toyota."),
	))
	for _, q := range []string{"トリエンナーレって何？", "트리엔날레가 뭐야?"} {
		ans := ask(t, idx, knowledge.Query{Text: q, Limit: 3})
		if len(ans.Hits) == 0 || ans.Hits[0].ArticleID != "aichi" {
			t.Errorf("%q: hits %+v, want the aichi article first", q, ans.Hits)
		}
	}
}

func FuzzSkeleton(f *testing.F) {
	for _, s := range []string{"triennale", "torienare", "Ph-th", "\xff", "センター"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := skeleton(s)
		for i := 0; i < len(k); i++ {
			if i > 0 && k[i] == k[i-1] || !(k[i] >= 'a' && k[i] <= 'z') {
				t.Fatalf("skeleton(%q) = %q", s, k)
			}
		}
	})
}
