package index

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge"
)

// TestQuestionActor: who a question asks about, when it names both
// countries. The first rows are dev questions on the mirrored measures
// (testdata/eval/dev.jsonl 76, 201, 359, 74) and testdata/lang (40).
func TestQuestionActor(t *testing.T) {
	tests := []struct {
		q    string
		want side
	}{
		{"when did seoul remove japan from its own white list", koreaSide},
		{"한국이 일본을 수출 우대국에서 뺀 조치는 언제 시행됐나요?", koreaSide},
		{"When was South Korea reinstated on Japan's preferential trade list?", japanSide},
		{"when was south korea actually taken off japan's whitelsit", japanSide},
		{"한국이 일본을 화이트리스트에 다시 넣은 게 언제야?", koreaSide},
		{"韓国が日本をホワイト国から外すって発表したの、いつ？", koreaSide},
		{"日本は韓国をいつホワイト国に戻した？", japanSide},
		{"일본을 화이트리스트에서 뺀 건 한국 정부 맞지?", koreaSide}, // the object says it
		{"when did japan put korea back on the white list", japanSide},
		{"what did tokyo say about exports to seoul", japanSide},
		// Both named as a pair, one country, North Korea: no direction.
		{"what made ties between tokyo and seoul sour", noSide},
		{"한국과 일본은 왜 싸웠어?", noSide},
		{"日本と韓国の関係は", noSide},
		{"when did japan warn north korea", noSide},
		{"일본은 북한을 어떻게 봐?", noSide},
		{"日本は北朝鮮をどう見ている？", noSide},
		{"when did japan tighten export controls", noSide},
		{"what did the koreans think of the japanese", noSide},
		{"", noSide},
	}
	for _, tt := range tests {
		if got := questionActor(tt.q); got != tt.want {
			t.Errorf("questionActor(%q) = %d, want %d", tt.q, got, tt.want)
		}
	}
}

func TestPassageActor(t *testing.T) {
	tests := []struct {
		text string
		want side
	}{
		{"Japan started to remove South Korea on 1 July 2019. It drew more than 40,000 comments.", japanSide},
		{"South Korea answered in kind. On 12 August 2019 its trade minister split Group A, with Japan alone in A2.", koreaSide},
		{"Exports to South Korea fell. Japan said the step was not an embargo.", japanSide},
		{"정부가 일본을 전략물자 수출 우대국에서 빼기로 했다. 성윤모 장관은 브리핑을 열었다.", koreaSide},
		{"日本は2019年8月2日の閣議で韓国をホワイト国から外すことを決めた。", japanSide},
		{"Japan's white list named trusted partners. South Korea had held that status since 2004.", noSide},
		{"The ministers met in Madrid.", noSide},
	}
	for _, tt := range tests {
		if got := passageActor(tt.text); got != tt.want {
			t.Errorf("passageActor(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestActorRanks: of two passages that share every word of the question,
// the one on the direction it asks about comes first, both ways.
func TestActorRanks(t *testing.T) {
	idx, _ := openTest(t, []*knowledge.Article{
		article("tokyo-list", "", "2019-08-03",
			"Japan removed South Korea from its white list of trusted trading partners, with effect from 28 August 2019."),
		article("seoul-list", "", "2019-09-19",
			"South Korea removed Japan from its own white list of trusted trading partners, with effect from 18 September 2019."),
		article("other", "", "2019-09-20", "The ministers met in Madrid to talk about the dispute."),
	})
	for _, tt := range []struct{ q, first string }{
		{"when did seoul remove japan from its white list", "seoul-list"},
		{"when did tokyo remove seoul from its white list", "tokyo-list"},
		{"한국이 일본을 화이트리스트에서 뺀 게 언제야?", "seoul-list"},
	} {
		ans := ask(t, idx, knowledge.Query{Text: tt.q, Limit: 3})
		if len(ans.Hits) == 0 || ans.Hits[0].ArticleID != tt.first {
			var got []string
			for _, r := range ans.Hits {
				got = append(got, r.ArticleID)
			}
			t.Errorf("%q ranks %v, want %s first", tt.q, got, tt.first)
		}
	}
}

func FuzzActor(f *testing.F) {
	for _, s := range []string{"when did seoul remove japan", "한국이 일본을", "韓国が日本を", "japan's korea", "Japan. Korea.", "\xff한국"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		for _, sd := range []side{questionActor(s), passageActor(s)} {
			if sd != noSide && sd != japanSide && sd != koreaSide {
				t.Fatalf("side %d", sd)
			}
		}
		for _, m := range mentions(s) {
			if m.start < 0 || m.start > len(s) || (utf8.ValidString(s) && !utf8.RuneStart(s[m.start])) {
				t.Fatalf("mention at %d of %q", m.start, s)
			}
			_ = strings.ToLower(wordBefore(s, m.start))
		}
	})
}
