package index

import (
	"strings"
	"testing"

	"github.com/disputebot/disputebot/knowledge"
)

func TestFollowsUp(t *testing.T) {
	for q, want := range map[string]bool{
		"and how did the us react":               true,
		"ok and what did suga call it":           true,
		"what about the white list":              true,
		"so what happened to the bill after":     true,
		"was his idea copied from somewhere":     true,
		"그럼 미국은 뭐라고 했어?":                         true,
		"근데 거기 강제동원된 한국인이 몇 명이라는 거임":             true,
		"じゃあそれはいつ解除されたの？":                        true,
		"岸田外相はその表現をどう説明したの？":                     true,
		"when did japan tighten export controls": false,
		"who won the world cup":                  false,
		"지소미아 종료 언제":                             false,
		"輸出規制はいつ始まった？":                           false,
		"Andrew asked about GSOMIA":              false, // "and" is a word, not the start of one
	} {
		if got := followsUp(q); got != want {
			t.Errorf("followsUp(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestFollowUpsReadWithTheQuestionBefore: a follow-up names what it asks
// and leaves what about to the question before it. Three of dev2's
// (lines 3, 15 and 46) and two of my own in Korean and Japanese find their
// answer when read with the question before, fewer alone; an off-topic
// follow-up still gets none.
func TestFollowUpsReadWithTheQuestionBefore(t *testing.T) {
	idx := defaultIndex(t)
	cases := []struct{ after, q, want string }{
		{"Who signed the GSOMIA agreement, and where was it signed?", "and how did the us react", `the Pentagon expressed "strong concern"`},
		{"how long was the madrid chat between the 2 FMs lol", "and what did tokyo say about it after", `"unwavering" stance`},
		{"which plaintiff was still alive for the nippon steel verdict", "and what did abe say abt it", "impossible in light of international law"},
		{"지소미아 왜 종료한다고 했어?", "그럼 미국은 뭐라고 했어?", `"strong concern"`},
		{"輸出規制っていつ始まったの？", "じゃあそれはいつ解除されたの？", "23 March 2023"},
	}
	found := func() (n int) {
		idx.cache.invalidate()
		for _, c := range cases {
			for _, h := range ask(t, idx, knowledge.Query{Text: c.q, After: c.after, Limit: 3}).Hits {
				if strings.Contains(h.Text, c.want) {
					n++
					break
				}
			}
		}
		return n
	}
	with, without := ablated(idx, func(r *ranking) { r.FollowUp = 0 }, found)
	t.Logf("in the top three: %d of %d, %d alone", with, len(cases), without)
	if with < len(cases)-1 || with <= without {
		t.Errorf("in the top three: %d of %d, %d alone", with, len(cases), without)
	}
	for _, c := range []struct{ after, q string }{
		{"why did seoul decide to end gsomia", "and who won the world cup"},
		{"when did japan tighten export controls", "and what did samsung say about its profits"},
		{"지소미아 왜 종료한다고 했어?", "그럼 그 사람 고향은 어디야?"},
	} {
		if hits := ask(t, idx, knowledge.Query{Text: c.q, After: c.after, Limit: 3}).Hits; len(hits) > 0 {
			t.Errorf("%q after %q: answered with %s", c.q, c.after, hits[0].ArticleID)
		}
	}
	// A question that does not follow up is read alone.
	alone := ask(t, idx, knowledge.Query{Text: "when did japan tighten export controls", Limit: 3})
	after := ask(t, idx, knowledge.Query{Text: "when did japan tighten export controls", After: "why did seoul end gsomia", Limit: 3})
	if len(alone.Hits) == 0 || len(after.Hits) == 0 || alone.Hits[0].Text != after.Hits[0].Text {
		t.Errorf("a question that does not follow up is read with the one before it")
	}
}

func FuzzFollowsUp(f *testing.F) {
	for _, s := range []string{"and how did the us react", "그럼 미국은?", "じゃあそれは", "", "\xff and", "ok ok ok so and"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Punctuation at the end of a question changes nothing.
		if a, b := followsUp(s), followsUp(s+"?"); a != b {
			t.Errorf("followsUp(%q) = %v, with a question mark %v", s, a, b)
		}
	})
}
