package bot

import (
	"strings"
	"testing"
)

// problemLibrary is a Library with corpus files it had to leave out.
type problemLibrary struct {
	library
	problems []string
}

func (l problemLibrary) CorpusProblems() []string { return l.problems }

// TestAboutShowsCorpusProblems checks the Discord side of issue 10's second
// failure: a corpus file left out because it does not parse is shown by
// /about to the server's moderators, privately, with where and what is
// wrong, and to nobody else.
func TestAboutShowsCorpusProblems(t *testing.T) {
	_, arts := realCorpus(t)
	problem := `edited.md:5: published: "2024-5-14" is not written YYYY-MM-DD; write 2024-05-14`
	many := []string{problem}
	for range 7 {
		many = append(many, problem)
	}
	tests := []struct {
		name     string
		problems []string
		perms    string // the member's permissions: 32 is Manage Server
		want     []string
	}{
		{"moderator", []string{problem}, "32", []string{"1 corpus file(s) left out", "edited.md:5: published:", "write 2024-05-14"}},
		{"moderator, many problems", many, "32", []string{"8 corpus file(s) left out", "and 3 more", "disputebot corpus check"}},
		{"member", []string{problem}, "0", nil},
		{"moderator, no problem", nil, "32", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newTestBot(t, Config{Library: problemLibrary{library(arts), tt.problems}})
			in, err := readInteraction(t, "about", map[string]string{`"permissions": "2248473465835073",
    "premium_since"`: `"permissions": "` + tt.perms + `",
    "premium_since"`})
			if err != nil {
				t.Fatal(err)
			}
			rec := &recorder{}
			b.Handle(rec, in)
			calls := rec.replies()
			checkReplies(t, calls)
			replies(1)(t, calls)
			_, embeds, _, _, _ := message(calls)
			all := strings.Join(embedTexts(embeds[0]), "\n")
			if tt.want == nil {
				ephemeral(false)(t, calls)
				if strings.Contains(all, "left out") {
					t.Errorf("the problems are shown:\n%s", all)
				}
				return
			}
			ephemeral(true)(t, calls)
			for _, w := range tt.want {
				if !strings.Contains(strings.ReplaceAll(all, `\`, ""), w) {
					t.Errorf("the reply lacks %q:\n%s", w, all)
				}
			}
		})
	}
}
