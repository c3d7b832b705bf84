package index

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge"
)

var update = flag.Bool("update", false, "rewrite golden files")

// defaultIndex returns an on-disk index of the default corpus.
func defaultIndex(t testing.TB) *Index {
	t.Helper()
	idx, _ := openTest(t, defaultCorpus(t))
	return idx
}

// TestBadInput feeds hostile and odd questions: each is treated as text,
// answers quickly, and never panics or errors.
func TestBadInput(t *testing.T) {
	idx := defaultIndex(t)
	for _, q := range []string{
		`GSOMIA?`, `Motegi: trade talks`, `-Japan +Korea export^100`, `Japan's "white list`, `price >5`,
		`/.*/`, `body:*`, `kang*`, `gsomia~2`, `* ? : " / + - ~ ^ ( ) [ ] { }`, `(((((((((((`, `\`, `"`,
		`.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*=`, `[a-z]+@[a-z]+\.com`, `^(a+)+$`,
		`🇯🇵🇰🇷 export controls 🔥🔥`, "white\u200blist", "\u202eslortnoc tropxe\u202c", "export\x00controls",
		"Motegi \xff\xfe Kang", "\u05e9\u05dc\u05d5\u05dd Motegi", strings.Repeat("a", 1000),
		strings.Repeat("Motegi Kang ", 83), strings.Repeat("あ", 1000), strings.Repeat("강경화 ", 300),
		"@everyone what did Suga say", "<@123456789012345678> Madrid", "***bold*** __under__ ||spoiler||",
	} {
		start := time.Now()
		ans, err := idx.Search(context.Background(), knowledge.Query{Text: q})
		if d := time.Since(start); d > 500*time.Millisecond {
			t.Errorf("%.40q took %v", q, d)
		}
		if err != nil && knowledge.ErrorCode(err) != knowledge.EINVALID {
			t.Errorf("%.40q: %v", q, err)
		}
		if err == nil {
			checkAnswer(t, q, ans)
		}
	}
}

func TestQuestionLimits(t *testing.T) {
	idx := defaultIndex(t)
	for _, tc := range []struct {
		q    string
		code string
	}{
		{"", knowledge.EINVALID},
		{"  \t\n ", knowledge.EINVALID},
		{"\u200b\u200b", knowledge.EINVALID},
		{strings.Repeat("x", knowledge.MaxQuestionRunes+1), knowledge.EINVALID},
		{strings.Repeat("x", knowledge.MaxQuestionRunes), ""},
	} {
		_, err := idx.Search(context.Background(), knowledge.Query{Text: tc.q})
		if got := knowledge.ErrorCode(err); got != tc.code {
			t.Errorf("%.20q: code %q, want %q (%v)", tc.q, got, tc.code, err)
		}
	}
}

// TestAbstains checks questions outside the corpus beyond those of the eval
// file: the engine must return nothing rather than the least bad passage.
func TestAbstains(t *testing.T) {
	idx := defaultIndex(t)
	for _, q := range []string{
		"Who won the 2022 World Cup final?",
		"How many calories are in a banana?",
		"what is the best programming language",
		"Explain quantum computing in simple terms",
		"who is the president of france",
		"How do I reset my Discord password?",
		"What's a good recipe for kimchi fried rice?",
		"when is the next solar eclipse",
		"lol",
		"?",
		"What did Taylor Swift say about her new album?",
		"how much does a flight from tokyo to new york cost",
		"what is the population of seoul",
		"Who is the Japanese emperor's favourite footballer?",
	} {
		ans, err := idx.Search(context.Background(), knowledge.Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(ans.Hits) > 0 {
			t.Errorf("%q is off topic but got %d hits, first: %.80s", q, len(ans.Hits), ans.Hits[0].Text)
		}
	}
}

// TestKoreanAndJapaneseQuestions: questions written wholly in Korean or
// Japanese, as members of a Korean or Japanese server ask them, are
// answered from the English corpus: the glossary turns their names and
// terms into English, their question words say what kind of answer they
// want, and the single characters bleve cuts Japanese into, which once
// matched a Japanese quotation instead, count for nothing.
func TestKoreanAndJapaneseQuestions(t *testing.T) {
	idx := defaultIndex(t)
	for _, tc := range []struct {
		q      string
		intent string // the cue the question must ask for
		want   string // text of one of the top three passages
	}{
		{"輸出規制はいつ始まった", cueDate, "July 2019"},
		{"강경화 장관은 모테기 외무상과 몇 분 동안 회담했나요?", cueDuration, "10 minutes"},
		{"茂木外相と康京和外相はどこで会談した?", cuePlace, "Madrid"},
		{"왜 일본은 수출규제를 했나요?", cueReason, "export"},
		{"지소미아는 언제 종료 통보됐나?", cueDate, "GSOMIA"},
		{"대법원은 신일철주금에 얼마를 배상하라고 했나?", cueAmount, "Nippon Steel"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			adv, err := idx.cur.Advanced()
			if err != nil {
				t.Fatal(err)
			}
			r, err := adv.Reader()
			if err != nil {
				t.Fatal(err)
			}
			p := idx.plan(r, tc.q)
			r.Close()
			if !slices.Contains(p.intents, tc.intent) {
				t.Errorf("intents %v, want %s among them", p.intents, tc.intent)
			}
			for _, c := range p.concepts {
				if len([]rune(c.label)) == 1 || slices.ContainsFunc(c.parts, func(w string) bool { return len([]rune(w)) == 1 }) {
					t.Errorf("concept %q (parts %q) stands on a single character", c.label, c.parts)
				}
			}
			ans, err := idx.Search(context.Background(), knowledge.Query{Text: tc.q})
			if err != nil {
				t.Fatal(err)
			}
			checkAnswer(t, tc.q, ans)
			var top []string
			for _, h := range ans.Hits {
				top = append(top, h.Text)
			}
			if !slices.ContainsFunc(top, func(s string) bool { return strings.Contains(s, tc.want) }) {
				t.Errorf("no %q in the top %d:\n%s", tc.want, len(top), strings.Join(top, "\n"))
			}
		})
	}
}

// TestEverydayPhrasing: turns of phrase that ask rather than say what a
// question is about ("in the first place", "what's the deal with", "how
// did they react", "yo", "like I'm 5", "tell us", "I read that", "quick
// question") are not searched as its subject, and the words people use for
// a term ("restrict exports", "trade war", "SK Hynix", 복원 for restored)
// and dates in digits (8/28/2019) find it. "us" is a pronoun, not the
// country, whose "US" would match every "US$" amount.
func TestEverydayPhrasing(t *testing.T) {
	idx := defaultIndex(t)
	for _, tc := range []struct {
		q        string
		concepts []string // labels of the concepts the question must have, in order
		intent   string   // a cue the question must ask for, if any
		want     string   // text of the first passage
	}{
		{"what's the deal with the 1+1 proposal", []string{"1+1 plan"}, "", `"1+1" idea`},
		{"why did japan restrict exports to korea in the first place", []string{"export controls", "South Korea", "Japan"}, cueReason, "export"},
		{"what was korea's response to japan's export controls", []string{"export controls", "South Korea", "Japan"}, cueStatement, "Japan"},
		{"how did japan react to the supreme court ruling", []string{"Supreme Court", "ruling", "Japan"}, cueStatement, "Japan"},
		{"yo what happened with the japan korea trade war", []string{"Japan–South Korea trade dispute"}, "", "trade"},
		{"explain the white list thing like im 5", []string{"white list"}, "", "white list"},
		{"can you tell us about gsomia", []string{"GSOMIA"}, "", "GSOMIA"},
		{"what happened on 8/28/2019", []string{"August", "28", "2019"}, "", "28 August 2019"},
		{"2019.9.18 수출", []string{"September", "18", "2019"}, "", "18 September 2019"},
		{"I read that Japan and Korea met in Madrid. How long was it and what did they discuss?",
			[]string{"Madrid", "South Korea", "Japan", "meeting"}, cueDuration, "ten minutes"},
		{"hi! quick question: when did the export controls start? thanks", []string{"export controls"}, cueStart, "July 2019"},
		{"what did the U.S. say about GSOMIA", []string{"GSOMIA", "United States"}, cueStatement, "Pompeo"},
		{"화이트리스트 복원 언제", []string{"white list", "restore"}, cueDate, "restored South Korea to its white list"},
		{"what were the chemicals that japan restricted and why do they matter for samsung and sk hynix",
			[]string{"restriction", "SK Hynix", "Samsung Electronics", "Japan", "chemic"}, cueReason, "three chemicals"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			r := snapshot(t, idx.cur)
			p := idx.plan(r, tc.q)
			r.Close()
			var labels []string
			for _, c := range p.concepts {
				labels = append(labels, c.label)
			}
			if !slices.Equal(labels, tc.concepts) {
				t.Errorf("concepts %q, want %q", labels, tc.concepts)
			}
			if tc.intent != "" && !slices.Contains(p.intents, tc.intent) {
				t.Errorf("intents %v, want %s among them", p.intents, tc.intent)
			}
			ans, err := idx.Search(context.Background(), knowledge.Query{Text: tc.q, Limit: 3})
			if err != nil {
				t.Fatal(err)
			}
			checkAnswer(t, tc.q, ans)
			if len(ans.Hits) == 0 || !strings.Contains(ans.Hits[0].Text, tc.want) {
				t.Errorf("first passage does not hold %q: %+v", tc.want, ans.Hits)
			}
		})
	}
}

// TestSpellDate: dates in digits are spelt out as passages write them,
// whichever order their parts come in; what is not a date is left alone.
func TestSpellDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"8/28/2019", "28 August 2019"},
		{"28/8/2019", "28 August 2019"},
		{"8/2/2019", "2 August 2019"}, // month first when both could be
		{"2019-08-02", "2 August 2019"},
		{"2019/9/18", "18 September 2019"},
		{"2019.12.24", "24 December 2019"},
		{"13/13/2019", "13/13/2019"},
		{"2019-00-10", "2019-00-10"},
		{"1/1", "1/1"},
	} {
		if got := numericDates.ReplaceAllStringFunc(tc.in, spellDate); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

// checkAnswer checks what every answer must satisfy: excerpts come from
// their passage, their bold pairs are balanced, and they are bounded.
func checkAnswer(t testing.TB, q string, ans *knowledge.Answer) {
	t.Helper()
	for _, h := range ans.Hits {
		plain := h.Excerpt.Plain()
		core := strings.TrimSuffix(strings.TrimPrefix(plain, knowledge.Ellipsis), knowledge.Ellipsis)
		if !strings.Contains(h.Text, core) {
			t.Errorf("%.40q: excerpt %q is not from its passage", q, plain)
		}
		md := h.Excerpt.Markdown()
		if strings.Count(strings.ReplaceAll(md, `\*`, ""), "**")%2 != 0 {
			t.Errorf("%.40q: unbalanced bold in %q", q, md)
		}
		if n := utf8.RuneCountInString(plain); n > excerptRunes+2 {
			t.Errorf("%.40q: excerpt of %d runes", q, n)
		}
		if !utf8.ValidString(md) || strings.Contains(md, "@everyone") {
			t.Errorf("%.40q: unsafe excerpt %q", q, md)
		}
	}
}

// TestExcerptsGolden keeps a record of what people see for typical
// questions; run with -update after a deliberate change.
func TestExcerptsGolden(t *testing.T) {
	idx := defaultIndex(t)
	var b strings.Builder
	for _, q := range []string{
		"How long did Motegi and Kang talk in Madrid?",
		"What did 강경화 demand from Japan?",
		"Who is Moon Hee-sang?",
		"When did Japan tighten export controls on South Korea?",
		"What is GSOMIA?",
		"What did Suga say?",
	} {
		ans, err := idx.Search(context.Background(), knowledge.Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("Q: " + q + "\n")
		for _, h := range ans.Hits {
			b.WriteString("  " + knowledge.PassageID(h.ArticleID, h.Passage) + "  " + h.Excerpt.Markdown() + "\n")
		}
		checkAnswer(t, q, ans)
	}
	golden := filepath.Join("testdata", "excerpts.golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("excerpts differ from %s (run with -update if intended):\n%s", golden, got)
	}
}

func FuzzSearch(f *testing.F) {
	for _, s := range []string{
		"How long did Motegi and Kang talk in Madrid?", "강경화 茂木敏充 회담", "whitelsit", "body:*", `"unclosed`,
		"won't can't", "S. Korea's U.S. ties", "\x00\xff", "1+1+α", "export\u200bcontrols",
		"8/28/2019 2019-99-99 99/99/9999 0/0/0000", "quick question: I read that, like im 5, in the first place",
	} {
		f.Add(s)
	}
	idx := defaultIndex(f)
	f.Fuzz(func(t *testing.T, q string) {
		start := time.Now()
		ans, err := idx.Search(context.Background(), knowledge.Query{Text: q})
		if d := time.Since(start); d > time.Second {
			t.Errorf("slow: %v", d)
		}
		if err != nil {
			if knowledge.ErrorCode(err) != knowledge.EINVALID {
				t.Fatalf("error: %v", err)
			}
			return
		}
		checkAnswer(t, q, ans)
	})
}

// TestMisspelledWords: a word the corpus lacks is searched as the corpus
// words one or two edits away, so that a typo still finds its passage.
func TestMisspelledWords(t *testing.T) {
	articles := append(defaultCorpus(t),
		article("typo-1", knowledge.Global, "2019-07-10", "Because of Japan's export controls, the warehouse near Busan was emptied within a month."),
		article("typo-2", knowledge.Global, "2019-08-02", "During the boycott of Japanese goods, a bakery chain in Seoul stopped selling Japanese confectionery."))
	idx, _ := openTest(t, articles)
	for _, tc := range []struct{ q, want string }{
		{"export controls warehuose", "typo-1#1"},
		{"boycott confectionary", "typo-2#1"},
		// Real words close to the glossary's are not typos: "would" once
		// became "world" (World Trade Organization), and this question
		// went to a passage on world market shares.
		{"when did seoul say it would end the intelligence pact", "note-gsomia#3"},
	} {
		got := ids(ask(t, idx, knowledge.Query{Text: tc.q, Limit: 3}))
		if len(got) == 0 || got[0] != tc.want {
			t.Errorf("%q: got %v, want %s first", tc.q, got, tc.want)
		}
	}
	r := snapshot(t, idx.cur)
	defer r.Close()
	for _, q := range []string{"would", "what happened while they talked"} {
		for _, c := range idx.plan(r, q).concepts {
			if c.label == "world" || c.label == "white" {
				t.Errorf("%q: searched for %q", q, c.label)
			}
		}
	}
}
