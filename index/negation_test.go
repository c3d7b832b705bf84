package index

import (
	"testing"

	"github.com/disputebot/disputebot/knowledge"
)

// TestNegatedEventsHaveNoDate: a passage saying that something did not
// happen shares the words of "when did it happen" without answering it.
// Articles of my own, on subjects the default corpus does not mention;
// the class is the "수출규제 언제 풀렸어?", which ranked the Tokyo
// talks that "brought no real rollback" first.
func TestNegatedEventsHaveNoDate(t *testing.T) {
	arts := articlesOf("neg", "2025-01-10",
		"Fisheries talks in Geneva on 3 May 2024 brought no settlement of the quota dispute, and officials left without a date for the next round.",
		"The two governments settled the quota dispute on 9 October 2024, when fisheries ministers signed a new catch agreement in Busan.",
		"At the 12 March 2023 meeting the rice import ban was not lifted, to the anger of exporters who had expected relief.",
		"Seoul lifted the ban on rice imports on 1 June 2024 after inspectors cleared the last shipments.",
		"Leaders did not sign the tariff accord at the 5 April 2022 summit, citing unresolved rules of origin.",
		"Trade ministers finally signed the tariff accord on 30 November 2022 in Hanoi.",
		"No foreign minister has visited the lighthouse island since 14 August 2015, when a storm closed its harbour.",
		"Ministers used to visit the lighthouse island every summer in the 1990s.",
	)
	idx, _ := openTest(t, append(defaultCorpus(t), arts...))
	cases := []struct{ q, want string }{
		{"when was the quota dispute settled", "settled the quota dispute on 9 October 2024"},
		{"when did they lift the rice import ban?", "lifted the ban on rice imports on 1 June 2024"},
		{"tariff accord signed when", "signed the tariff accord on 30 November 2022"},
		// A negation dated by "since" tells when it last happened.
		{"when did a foreign minister last visit the lighthouse island", "since 14 August 2015"},
	}
	with, without := ablated(idx, func(r *ranking) { r.Negated = 1 }, func() int { return firstHits(t, idx, cases) })
	t.Logf("first: %d of %d with negation read, %d without", with, len(cases), without)
	if with < len(cases) || with <= without {
		t.Errorf("first with negation read %d of %d, without %d", with, len(cases), without)
	}
	// Asked whether it happened, the negation is the answer.
	yesNo := []struct{ q, want string }{
		{"did the geneva fisheries talks settle the quota dispute?", "brought no settlement"},
	}
	if n := firstHits(t, idx, yesNo); n != len(yesNo) {
		t.Errorf("yes/no questions: %d of %d first", n, len(yesNo))
	}
}

func TestNegatedPositions(t *testing.T) {
	idx, _ := openTest(t, nil)
	for _, tc := range []struct {
		text    string
		negated []string // analyzed terms a negation governs
		free    []string // and terms it does not
	}{
		{"The talks brought no real rollback of the curbs.", []string{"real", "rollback"}, []string{"curb", "talk"}},
		{"The ban was not lifted, officials said.", []string{"lift"}, []string{"offici", "ban"}},
		{"Tokyo hasn't withdrawn the measures.", []string{"withdrawn"}, []string{"tokyo"}},
		{"No prime minister has visited since 2013.", nil, []string{"prime", "visit"}},
		{"Seoul lifted the ban in June.", nil, []string{"lift", "ban"}},
	} {
		toks := idx.analyzerFor(knowledge.English).Analyze([]byte(tc.text))
		neg := negatedPositions(tc.text, toks)
		at := map[string]bool{}
		for _, tk := range toks {
			if neg[tk.Position] {
				at[string(tk.Term)] = true
			}
		}
		for _, w := range tc.negated {
			if !at[w] {
				t.Errorf("%q: %q not negated (negated: %v)", tc.text, w, at)
			}
		}
		for _, w := range tc.free {
			if at[w] {
				t.Errorf("%q: %q negated", tc.text, w)
			}
		}
		if tc.negated == nil && len(neg) > 0 {
			t.Errorf("%q: negated positions %v, want none", tc.text, neg)
		}
	}
}

// FuzzNegatedPositions: any text a moderator's article holds is read
// without panicking, and only the analyzed tokens' positions are marked.
func FuzzNegatedPositions(f *testing.F) {
	for _, s := range []string{"The talks brought no real rollback.", "It wasn’t lifted, since 2013.", "not", "n't", "no, no. No!", "没有 not 아니 ない"} {
		f.Add(s)
	}
	idx, _ := openTest(f, nil)
	analyzer := idx.analyzerFor(knowledge.English)
	f.Fuzz(func(t *testing.T, text string) {
		toks := analyzer.Analyze([]byte(text))
		valid := map[int]bool{}
		for _, tk := range toks {
			valid[tk.Position] = true
		}
		for pos := range negatedPositions(text, toks) {
			if !valid[pos] {
				t.Errorf("%q: position %d is no token's", text, pos)
			}
		}
		timedNegation(text)
	})
}
