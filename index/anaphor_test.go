package index

import (
	"slices"
	"strings"
	"testing"

	"github.com/disputebot/disputebot/knowledge"
)

// TestRoles: the noun an apposition gives a name, after it or before it,
// is the name's role; a date, a clause or a phrase with a preposition is
// none.
func TestRoles(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"TOKYO — Rikidozan, the professional wrestler whose karate chops made him famous, died on Sunday.", []string{"Rikidozan\x1fwrestler"}},
		{"Many Japanese first read of him in an essay by the poet Noriko Ibaragi.", []string{"Noriko Ibaragi\x1fpoet"}},
		{"His bouts with the judo champion Masahiko Kimura were carried live.", []string{"Masahiko Kimura\x1fchampion"}},
		{"In January, the court ruled against Japan.", nil},
		{"He was stabbed in a basement nightclub in Akasaka.", nil},
		{"He died at a hospital in Akasaka, a week after he was stabbed.", nil},
		{"However, the ministry said nothing.", nil},
		{"No article at all here.", nil},
	} {
		if got := roles(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("roles(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestRoleHeads: a question naming a person ranks higher the passages of
// the person's article that refer to them by the noun an apposition gave
// them: "The wrestler had been stabbed late on Dec. 8" for Rikidozan
// (articles/dev7.jsonl 1: third, now second), "the poet" for Noriko
// Ibaragi, "the brewer" for Asahi. A date is no name: "In January, the
// court ruled" gives January no role.
func TestRoleHeads(t *testing.T) {
	en := article("rikidozan", "", "1963-12-16",
		"TOKYO — Rikidozan, the professional wrestler whose karate chops made him famous, died on Sunday night at a hospital in Akasaka, a week after he was stabbed in a nightclub there.",
		"Rikidozan was born in 1924 in South Hamgyong Province and came to Japan in 1940 to wrestle in the sumo ring.",
		"Doctors said he died of peritonitis. The wrestler had been stabbed late on Dec. 8 during a quarrel over a trodden foot.",
		"Asahi, the brewer whose sales fell most, lost money in 2019.",
		"The brewer said its sales in South Korea had fallen by half in a year.",
		"In January, the court ruled against Japan in the case.")
	idx, _ := openTest(t, append(defaultCorpus(t), en))
	for _, tt := range []struct{ q, name, role string }{
		{"On what date was Rikidozan stabbed?", "rikidozan", "wrestler"},
		{"how much did asahi's sales in korea fall", "Asahi", "brewer"},
	} {
		c := findConcept(analyzeQuestion(t, idx, tt.q), tt.name)
		if c == nil || !slices.ContainsFunc(c.heads, func(a alt) bool { return a.anaphor == tt.role }) {
			t.Errorf("%q: %s has no role %s: %s", tt.q, tt.name, tt.role, describeConcepts(analyzeQuestion(t, idx, tt.q)))
		}
	}
	rank := func(q, want string) func() int {
		return func() int {
			idx.cache.invalidate()
			for i, h := range ask(t, idx, knowledge.Query{Text: q, Limit: 5}).Hits {
				if strings.Contains(h.Text, want) {
					return i + 1
				}
			}
			return 6
		}
	}
	with, without := ablated(idx, func(r *ranking) { r.Anaphor = 0 }, rank("On what date was Rikidozan stabbed?", "stabbed late on Dec. 8"))
	t.Logf("rank with the roles %d, without %d", with, without)
	if with >= without {
		t.Errorf("rank with the roles %d, without %d", with, without)
	}
	if q := analyzeQuestion(t, idx, "what did the court rule in january"); strings.Contains(describeConcepts(q), "the court(") {
		t.Errorf("january has the role court: %s", describeConcepts(q))
	}
}

// describeConcepts is a question's concepts as --explain writes them.
func describeConcepts(q question) string {
	var b strings.Builder
	q.describe(&b)
	return b.String()
}

// FuzzRoles: any text gives a bounded number of pairs, each of a name
// and a role of letters.
func FuzzRoles(f *testing.F) {
	for _, s := range []string{"Rikidozan, the professional wrestler whose chops", "the poet Noriko Ibaragi", "", ", the", "The A, a b c d e F G H I J,", "the\u00a0x Y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := roles(text)
		if len(got) > 2*maxAcronymsPerPassage {
			t.Fatalf("roles(%q) gives %d pairs", text, len(got))
		}
		for _, p := range got {
			name, role, ok := strings.Cut(p, "\x1f")
			if !ok || name == "" || !lowerWord(role) {
				t.Fatalf("roles(%q) gives %q", text, p)
			}
		}
	})
}
