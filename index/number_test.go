package index

import (
	"slices"
	"testing"

	"github.com/disputebot/disputebot/knowledge"
)

// TestFiguresAsWritten: a figure is one number whether the question
// writes it as news does ("1,200", "5,584,600") or plainly ("1200"); split
// at its comma, "1" and "200" found neither the passage nor any other.
func TestFiguresAsWritten(t *testing.T) {
	idx := defaultIndex(t)
	cases := []struct{ q, want string }{
		{"what were the 1,200 items", "about 1,200 items could be hit"},
		{"which 1200 items could be hit", "about 1,200 items could be hit"},
		{"5,584,600 visitors in 2019 per who?", "5,584,600"},
		{"is 5584600 the right number of korean visitors", "5,584,600"},
	}
	if n := firstHits(t, idx, cases); n != len(cases) {
		t.Errorf("%d of %d first", n, len(cases))
	}
	for _, tc := range []struct{ in, want string }{
		{"1200", "1,200"}, {"5584600", "5,584,600"}, {"2019", ""}, {"1965", ""}, {"123", ""}, {"3000", "3,000"}, {"12a", ""},
	} {
		if got := grouped(tc.in); got != tc.want {
			t.Errorf("grouped(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestBareNumbersTellNoTopic: every article has numbers, in its dates, sums
// and counts; a question whose only words the corpus has are numbers or
// currencies (dev: "What is 17 times 23?") is not about it. A number still counts
// where the rest of the question is (the figure an answer repeats).
func TestBareNumbersTellNoTopic(t *testing.T) {
	idx := defaultIndex(t)
	for _, q := range []string{"What is 17 times 23?", "what is 45 times 3", "16 x 17 = ?",
		// Currencies are no topic either (dev: "how much is 1000 yen in
		// won rn"; the issue's "is the won going up against the yen").
		"how much is 1000 yen in won rn", "is the won going up against the yen", "whats the yen to dollar rate today"} {
		if hits := ask(t, idx, knowledge.Query{Text: q, Limit: 3}).Hits; len(hits) > 0 {
			t.Errorf("%q: answered with %s", q, hits[0].ArticleID)
		}
	}
	cases := []struct{ q, want string }{
		{"who were the 4 plaintiffs in the nippon steel case", "four"},
		{"what happened on 23 march 2023", "23 March 2023"},
		{"how many won did nippon steel have to pay each victim", "100 million won"},
	}
	if n := inTopThree(t, idx, cases); n != len(cases) {
		t.Errorf("questions with numbers: %d of %d in the top three", n, len(cases))
	}
	for _, tc := range []struct {
		label string
		want  bool
	}{{"17", true}, {"1,200", true}, {"2019", false}, {"g20", false}, {"times", false}, {"yen", true}, {"Won", true}} {
		if got := (concept{label: tc.label}).bareNumber(); got != tc.want {
			t.Errorf("bareNumber(%q) = %v", tc.label, got)
		}
	}
}

// TestSmallNumbersInWords: news spells out small numbers ("the three
// materials", "four plaintiffs"), chat and Korean and Japanese write
// digits: "the 3 chemicals" (dev 350, dev2 37), 품목 3개 (dev2 111), 3つの
// 判決 (dev 141). A number from 2 to 12 is also its word.
func TestSmallNumbersInWords(t *testing.T) {
	idx := defaultIndex(t)
	for _, q := range []string{"what were the 3 chemicals jp restricted again", "which 3 chemicals did jp restrict", "일본 수출규재 품목 3개 뭐였지", "2018年の3つの判決で勝訴した原告は全部で何人ですか？"} {
		qq := analyzeQuestion(t, idx, q)
		found := false
		for _, c := range qq.concepts {
			for _, a := range c.alts {
				found = found || slices.Equal(a.terms, []string{"three"})
			}
		}
		if !found {
			t.Errorf("%q: no concept spells 3 as three", q)
		}
	}
	// 1 is more often "per" (1인당, 1人) than "one".
	for _, c := range analyzeQuestion(t, idx, "三菱重工の広島の徴用工裁判って1人いくらなの？").concepts {
		for _, a := range c.alts {
			if slices.Equal(a.terms, []string{"one"}) {
				t.Errorf("1 is read as one")
			}
		}
	}
	cases := []struct{ q, want string }{
		{"what were the 3 chemicals jp restricted again", "three materials"},
	}
	if n := inTopThree(t, idx, cases); n != len(cases) {
		t.Errorf("the three materials are not in the top three")
	}
}
