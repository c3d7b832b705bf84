package index

import "testing"

// TestAgeAsWritten: a question asking an age ("how old", 몇 살, 何歳) is
// answered by a passage that gives it as Korean and Japanese write it,
// a number with the counter of age (67세, 16歳), which no spelling of
// "years old" matches — the class of the dev article question "Who is
// the youngest of the nine, and how old is she?" (最年少のニナは15歳).
func TestAgeAsWritten(t *testing.T) {
	idx, _ := openTest(t, append(defaultCorpus(t), fixture(t, "ja-osaka-theatre.md"), fixture(t, "ko-shipyard.md")))
	cases := []struct{ q, want string }{
		{"how old is the youngest actor in the osaka show", "出演者の最年少は16歳"},
		{"the welder kim man-seok, how old is he?", "김만석(67세)"},
		{"金万石さんって何歳？", "김만석(67세)"},
	}
	if n := inTopThree(t, idx, cases); n < 2 {
		t.Errorf("%d of %d in the top three", n, len(cases))
	}
}
