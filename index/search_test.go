package index

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/disputebot/disputebot/bot/markdown"
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

// TestShortYears: a year chat writes in two digits after an apostrophe or
// a preposition of time ending a clause (articles/dev13.jsonl 2: "back in
// 68"; dev7 27: "at the peak in 85?") is read in four; a count is not
// ("in 68 minutes"), nor a year in four digits.
func TestShortYears(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"how many ppl did he keep locked up at that onsen inn back in 68", "back in 1968"},
		{"how many refused at the peak in 85?", "in 1985?"},
		{"the '88 olympics", "the 1988 olympics"},
		{"what changed since 19, anything", "since 2019,"},
		{"did it end in 68 minutes", "in 68 minutes"},
		{"what happened in 1985", "in 1985"},
	} {
		if got := normalize(tc.in); !strings.Contains(got, tc.want) {
			t.Errorf("normalize(%q) = %q, want %q in it", tc.in, got, tc.want)
		}
	}
}

func FuzzShortYears(f *testing.F) {
	for _, s := range []string{"back in 68", "'88", "in 85?", "since 19, x", "in 68 minutes", "'''99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := shortYears.ReplaceAllStringFunc(s, fullYear)
		if len(got) > len(s)+2*len(shortYears.FindAllString(s, -1)) {
			t.Fatalf("%q grew to %q", s, got)
		}
	})
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
		md := markdown.Excerpt(h.Excerpt)
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
// questions, rendered as the bot renders them (package bot/markdown, which
// only the test imports: the index produces excerpts as marked spans); run
// with -update after a deliberate change.
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
			b.WriteString("  " + knowledge.PassageID(h.ArticleID, h.Passage) + "  " + markdown.Excerpt(h.Excerpt) + "\n")
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
		"ふくしまで", "は", "ーのー", "あいちトリエンナーレ", "고시엔이", "훔쳤는데 졌다 ㅋ", "buddha statue of", "명이었냐",
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

// TestSearchRandomScripts asks questions of random pieces of the scripts
// members write (Latin, Hangul, kana, kanji, digits, marks), as the fuzz
// test would on a machine where it runs: none may fail or be slow. A
// fixed seed keeps it repeatable.
func TestSearchRandomScripts(t *testing.T) {
	idx := defaultIndex(t)
	pieces := []string{"the", "when", "japan", "export", "kang", "2019", "ふくしま", "の", "で", "は", "あいち", "ー", "トリエンナーレ", "輸出", "規制", "판결", "훔쳤는데", "고시엔", "이었냐", "에서", "ㅋㅋ", "?", "、", " ", "\u200b", "1+1", "%", "“", "」", "ﾃｽﾄ"}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 300 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		q := b.String()
		start := time.Now()
		ans, err := idx.Search(context.Background(), knowledge.Query{Text: q})
		if d := time.Since(start); d > time.Second {
			t.Errorf("%q: slow: %v", q, d)
		}
		if err != nil {
			if knowledge.ErrorCode(err) != knowledge.EINVALID {
				t.Fatalf("%q: %v", q, err)
			}
			continue
		}
		checkAnswer(t, q, ans)
	}
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
	for _, q := range []string{"would", "what happened while they talked"} {
		for _, c := range analyzeQuestion(t, idx, q).concepts {
			if c.label == "world" || c.label == "white" {
				t.Errorf("%q: searched for %q", q, c.label)
			}
		}
	}
	// Nor are names the corpus writes in Hangul or katakana: daiso (다이소,
	// articles/dev10.jsonl 15 and 16) was "corrected" to haiso, a spelling
	// of 敗訴 ("lost the case"); nexon (ネクソン) and kakao (카카오) too.
	ko := articleIn(knowledge.Korean, "chain", "2023-12-13", "다이소는 전국에 1500여 개 매장을 두고 있다. 카카오 주가가 올랐다.")
	en := article("suit", knowledge.Global, "2023-12-14", "The company lost the case in the first instance and appealed.")
	ja := articleIn(knowledge.Japanese, "listing", "2011-12-14", "ネクソンが東証1部に上場した。")
	idx, _ = openTest(t, append(defaultCorpus(t), ko, ja, en))
	for _, tc := range []struct{ q, name string }{
		{"how many daiso stores r there in korea rn", "daiso"},
		{"when did nexon list in tokyo", "nexon"},
	} {
		found := false
		for _, c := range analyzeQuestion(t, idx, tc.q).concepts {
			found = found || c.label == tc.name
			if c.label == "lost the case" {
				t.Errorf("%q: %s read as %q", tc.q, tc.name, c.label)
			}
		}
		if !found {
			t.Errorf("%q: no concept %q", tc.q, tc.name)
		}
	}
}

// analyzeQuestion analyzes a question against the index's current
// snapshot.
func analyzeQuestion(t testing.TB, idx *Index, q string) question {
	t.Helper()
	return idx.analyze(testStats(t, idx), normalizeForTest(q), idx.ranking)
}

// testStats returns the statistics of the index's current snapshot, its
// reader closed when the test ends.
func testStats(t testing.TB, idx *Index) *snapshotStats {
	t.Helper()
	adv, err := idx.cur.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return idx.counts.stats(r)
}

func normalizeForTest(q string) string { return knowledge.CleanQuestion(q) }

// TestCorpusWideNames: a question whose only subject is a name the whole
// corpus is about, under a spelling few passages use ("tokyo" for Japan),
// is not one the corpus answers ("what time is it in tokyo" of dev), while
// the same name with what is asked of it still is.
func TestCorpusWideNames(t *testing.T) {
	idx := defaultIndex(t)
	for _, q := range []string{"what time is it in tokyo", "how big is tokyo", "whats happening in tokyo rn"} {
		if ans := ask(t, idx, knowledge.Query{Text: q}); len(ans.Hits) > 0 {
			t.Errorf("%q is off topic but got %d hits, first: %.80s", q, len(ans.Hits), ans.Hits[0].Text)
		}
	}
	for _, q := range []string{"when did tokyo tighten the export controls", "seoul reaction to the ruling", "what did tokyo say about gsomia"} {
		if ans := ask(t, idx, knowledge.Query{Text: q}); len(ans.Hits) == 0 {
			t.Errorf("%q got no hits", q)
		}
	}
	idx.ranking.ConceptSpecific = 0
	defer func() { idx.ranking = defaultRanking }()
	if ans := ask(t, idx, knowledge.Query{Text: "what time is it in tokyo"}); len(ans.Hits) == 0 {
		t.Errorf("without the concept's specificity the question is abstained from as well: the test shows nothing")
	}
}

// TestUSDollarsAreNotTheUS: "US$87,720" is an amount, not the United
// States: a question about what the US said must not find every passage
// with a figure in dollars, as it did when the tokenizer read "US" there.
func TestUSDollarsAreNotTheUS(t *testing.T) {
	articles := []*knowledge.Article{
		article("usd-1", knowledge.Global, "2025-02-01", "The US said it was concerned about the dispute between its two allies and urged both governments to keep talking."),
		article("usd-2", knowledge.Global, "2025-02-02", "Each plaintiff was awarded US$87,720, the court said, and the company said it would appeal the ruling within a week."),
	}
	idx, _ := openTest(t, articles)
	for _, tc := range []struct{ text, want string }{{"US$87,720", "usd"}, {"the US", "us"}, {"us$5", "usd"}} {
		if got := idx.analyze1(tc.text); len(got) == 0 || got[0] != tc.want {
			t.Errorf("%q is analyzed %q, want %q first", tc.text, got, tc.want)
		}
	}
	got := ids(ask(t, idx, knowledge.Query{Text: "what did the US say about the dispute", Limit: 3}))
	if len(got) == 0 || got[0] != "usd-1#1" || slices.Contains(got, "usd-2#1") {
		t.Errorf("what did the US say: %v, want usd-1#1 alone", got)
	}
	got = ids(ask(t, idx, knowledge.Query{Text: "how many US dollars was each plaintiff awarded", Limit: 3}))
	if len(got) == 0 || got[0] != "usd-2#1" {
		t.Errorf("how many US dollars: %v, want usd-2#1 first", got)
	}
}

// TestCorrectionsByFrequency: a misspelling one edit from several words
// of the corpus most likely means the one the corpus uses most — the class
// of chat questions with a typo ("chengdu sumit when": summit, not submit
// or suit). Each question's other words are also in the passage of the
// rarer word.
func TestCorrectionsByFrequency(t *testing.T) {
	port := articlesOf("port", "2025-05-20",
		// The rarer words first: with corrections weighed alike, a tie
		// goes to the first article.
		"Plans to submit to the mayors opened in Busan on Monday with twelve offices.",
		"The harbour's older cranes still stand where they were built by a Korean firm.",
		"The port's plant for cleaner harbours puts filters on every ship.",
		"The summit of port cities opened in Busan on Monday with twelve mayors.",
		"Mayors at the summit agreed on a shared plan for cleaner harbours.",
		"The summit's host said the next summit would be held in Fukuoka.",
		"The harbour's steel cranes were built in 2010 by a Korean firm.",
		"Steel prices have doubled since the cranes were built, and steel imports fell.",
		"The mayors' plan for cleaner harbours puts filters on every quay.",
		"A plan for the port's quays was drawn up in March.",
	)
	idx, _ := openTest(t, append(defaultCorpus(t), port...))
	cases := []struct{ q, want string }{
		{"when did the sumit open in busan", "summit of port cities opened"},
		{"when were the stell cranes built", "harbour's steel cranes were built"},
		{"what does the plann for cleaner harbours put on", "puts filters on every quay"},
	}
	with, without := ablated(idx, func(r *ranking) { r.CorrectionPrior = 0 }, func() int { return firstHits(t, idx, cases) })
	t.Logf("first: %d of %d with the prior, %d without", with, len(cases), without)
	if with != len(cases) || with <= without {
		t.Errorf("with the prior %d of %d, without %d", with, len(cases), without)
	}
}

// TestNamesReferredToByTheirHeadNoun: a report names an organization in
// full once and calls it "the organization" after; a question naming it
// (by its initials here, which only the full name spells) finds the later
// paragraph too, in that article only.
func TestNamesReferredToByTheirHeadNoun(t *testing.T) {
	idx, _ := openTest(t, append(defaultCorpus(t), fixture(t, "en-sea-name.md")))
	cases := []struct{ q, want string }{
		{"where is the iho based", "The organization, based in Monaco"},
		{"who first proposed numbering the seas at the iho", "The organization, based in Monaco"},
		{"how many maps did the nahf examine", "examined 320 maps"},
		{"when were the maps nahf studied printed", "printed between 1700 and 1900"},
	}
	with, without := ablated(idx, func(r *ranking) { r.Anaphor = 0 }, func() int { return inTopThree(t, idx, cases) })
	t.Logf("in the top three: %d of %d with head nouns, %d without", with, len(cases), without)
	if with < len(cases) || with <= without {
		t.Errorf("with head nouns %d of %d, without %d", with, len(cases), without)
	}
	// Elsewhere "the organization" is some other organization.
	for _, q := range []string{"where is the iho based", "how many maps did the nahf examine"} {
		for _, h := range ask(t, idx, knowledge.Query{Text: q, Limit: 3}).Hits {
			if !strings.HasPrefix(h.ArticleID, "en-sea-name") {
				t.Errorf("%q: a passage of another article, %s", q, h.ArticleID)
			}
		}
	}
}

func TestNameHead(t *testing.T) {
	for _, tc := range []struct{ name, head string }{
		{"International Hydrographic Organization", "organization"},
		{"Reconciliation and Healing Foundation", "foundation"},
		{"Ministry of Gender Equality and Family", "ministry"},
		{"International Court of Justice", "court"},
		{"Kang Kyung-wha", ""},
		{"export controls", ""},
		{"Group A", ""},
		{"Seoul", ""},
		{"ASEAN Plus Three", ""},
		{"Japan Times", "times"},
		{"World Trade Organization", "organization"},
	} {
		if got := nameHead(tc.name); got != tc.head {
			t.Errorf("nameHead(%q) = %q, want %q", tc.name, got, tc.head)
		}
	}
}

func TestDefinite(t *testing.T) {
	for _, tc := range []struct {
		text, head string
		want       bool
	}{
		{"The organization, based in Monaco, has 94 member states.", "organization", true},
		{"It said the foundations were laid.", "foundation", true},
		{"The Organization of American States met.", "organization", false},
		{"A new organization was set up.", "organization", false},
		{"the organizational chart", "organization", false},
	} {
		if got := definite(tc.text, tc.head); got != tc.want {
			t.Errorf("definite(%q, %q) = %v", tc.text, tc.head, got)
		}
	}
}

// TestReferringPassagesFound: in a large corpus the passage that calls
// the IHO "the organization" may not be among the candidates the
// question's other words bring ("based" is in thousands of passages); the
// article that names it brings it.
func TestReferringPassagesFound(t *testing.T) {
	idx, _ := openTest(t, append(defaultCorpus(t), fixture(t, "en-sea-name.md")))
	q := analyzeQuestion(t, idx, "where is the iho based")
	ctx := context.Background()
	cands, err := idx.passages(ctx, idx.cur, []string{"en-sea-name#1", "note-gsomia#1"})
	if err != nil {
		t.Fatal(err)
	}
	ids, err := idx.referring(ctx, idx.cur, &q, cands, knowledge.Query{}, false)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(ids, "en-sea-name#5") || slices.Contains(ids, "en-sea-name#1") {
		t.Errorf("referring passages %v, want en-sea-name#5 and not the candidate #1", ids)
	}
	// Without the article among the candidates, nothing.
	if ids, _ := idx.referring(ctx, idx.cur, &q, cands[1:], knowledge.Query{}, false); len(ids) > 0 {
		t.Errorf("referring passages %v of an article no candidate is from", ids)
	}
}

// TestIrregularForms: stemming joins "leads" and "leading" to "lead" but
// not "led"; a question in one form finds a passage in another — the
// class of the dev questions "when he become gaisho again" (became) and
// "what justification did Japan's trade ministry give" (gave).
func TestIrregularForms(t *testing.T) {
	arts := articlesOf("fish", "2025-03-04",
		// Each answer follows a passage with the question's other words.
		"The fisheries talks in Tokyo will cover quotas, licences and the waters near the islets.",
		"The fisheries talks in Tokyo were led by Park Sung-hoon of the oceans ministry, officials said.",
		"Tanaka Hiroshi was named a candidate for head of the fisheries agency last year.",
		"Tanaka Hiroshi became head of the fisheries agency in April, after two years as its deputy.",
		"The agency has not explained the reason for cutting the quotas, fishermen say.",
		"The agency gave falling catches as the reason for cutting the quotas.",
		"Fishermen in Busan said the new quotas would hurt them.",
		"Fishermen in Busan fought the new quotas in court.",
	)
	idx, _ := openTest(t, append(defaultCorpus(t), arts...))
	cases := []struct{ q, want string }{
		{"who is leading the fisheries talks in tokyo", "were led by Park Sung-hoon"},
		{"when did tanaka hiroshi become head of the fisheries agency", "became head of the fisheries agency"},
		{"what reason does the agency give for cutting the quotas", "gave falling catches"},
		{"did fishermen in busan fight the new quotas", "fought the new quotas"},
	}
	with, without := ablated(idx, func(r *ranking) { r.Irregular = 0 }, func() int { return firstHits(t, idx, cases) })
	t.Logf("first: %d of %d with irregular forms, %d without", with, len(cases), without)
	if with < len(cases) || with <= without {
		t.Errorf("with irregular forms %d of %d first, without %d", with, len(cases), without)
	}
}

// TestExcerptHoldsTheAnswer: of a passage's sentences, the excerpt is the
// one that holds what the question asks for as well as some of its words
// ("when did japan's export curbs end"), when a shorter one says as many
// of its words alone.
func TestExcerptHoldsTheAnswer(t *testing.T) {
	text := "The export-control dispute ended at the same time. " +
		"After a policy dialogue in Tokyo on 14–16 March 2023, Japan decided on 16 March to return the three materials to bulk export licences, as before July 2019, and South Korea said it would withdraw its WTO complaint, a step its industry minister called the first in establishing trust between the two governments. " +
		"The two countries' export categories were left for further talks."
	var marks []mark
	for _, w := range []struct {
		word    string
		concept int
	}{{"export-control", 0}, {"ended", 1}, {"Japan", 2}} {
		i := strings.Index(text, w.word)
		marks = append(marks, mark{i, i + len(w.word), w.concept})
	}
	i := strings.LastIndex(text, "export licences")
	marks = append(marks, mark{i, i + len("export"), 0})
	plain := func(ex knowledge.Excerpt) string {
		var b strings.Builder
		for _, s := range ex.Spans {
			b.WriteString(s.Text)
		}
		return b.String()
	}
	when := plain(excerpt(text, marks, 200, answersIn([]string{cueDate}, knowledge.English)))
	if !strings.Contains(when, "16 March") {
		t.Errorf("a when question's excerpt %q has no date", when)
	}
	if what := plain(excerpt(text, marks, 200, nil)); !strings.HasPrefix(what, "The export-control dispute ended") {
		t.Errorf("a question asking for no kind of answer got %q", what)
	}
}

// TestLongQuestionsAnswered: a question that names many things the corpus
// has is put in more words than its answer repeats, and its evidence
// threshold is lower (ranking.LongQuestion). Dev questions of the class
// are answered; long questions whose focus no passage says ("which
// restaurant", "what color", "which hotel": my own, off topic) still
// abstain.
func TestLongQuestionsAnswered(t *testing.T) {
	idx := defaultIndex(t)
	cases := []struct{ q, want string }{
		{"What was the official full-year tally of South Korean arrivals in Japan for 2019 according to the national tourism body?", "5,584,600"},
		{"What financial damage did the brewer Asahi attribute to the Korean consumer backlash in 2019?", "3 billion yen"},
		{"How long had Seoul enjoyed its preferred-buyer standing before Tokyo revoked it?", "since 2004"},
	}
	with, without := ablated(idx, func(r *ranking) { r.LongQuestion = 0 }, func() int { return inTopThree(t, idx, cases) })
	t.Logf("in the top three: %d of %d, %d without", with, len(cases), without)
	if with < len(cases) || with <= without {
		t.Errorf("in the top three: %d of %d, %d without", with, len(cases), without)
	}
	for _, q := range []string{
		"Which restaurant did Motegi and Kang choose for dinner after their talks in Madrid in December 2019?",
		"What color was the tie President Moon wore at the Chengdu summit with Abe in December 2019?",
		"Which hotel did Abe and Moon stay at during the Chengdu summit in December 2019?",
	} {
		if hits := ask(t, idx, knowledge.Query{Text: q, Limit: 3}).Hits; len(hits) > 0 {
			t.Errorf("%q: answered with %s", q, hits[0].ArticleID)
		}
	}
}

// TestNamedThingWithAnAbsentAttribute: a question that names what the
// corpus knows and asks what it does not say of it ("where did kang kyung
// wha go to university?", "삼성전자 주가 지금 얼마야?", "who is the president
// of the US": dev) is not answered by passages that only name it: a
// passage must say some of the question besides its heaviest concept
// (ranking.MinRest). On an article of my own, on a subject the default
// corpus does not mention, the same holds, and its questions are still
// answered. A name the lexicon lacks is as many concepts as it has words
// ("park jong-hoon"), of which the rest of the question is made in part:
// the rule does not see it as one name.
func TestNamedThingWithAnAbsentAttribute(t *testing.T) {
	idx, _ := openTest(t, append(defaultCorpus(t), fixture(t, "en-fisheries-deal.md")))
	off := []string{
		"where did kang kyung wha go to university?",
		"삼성전자 주가 지금 얼마야?",
		"who is the president of the US",
		"where did sakamoto go to university?",
		"how tall is sakamoto",
	}
	with, without := ablated(idx, func(r *ranking) { r.MinRest = 0 }, func() int { return answered(t, idx, off) })
	t.Logf("off-topic answered: %d of %d, %d without", with, len(off), without)
	if with > 1 || with >= without {
		t.Errorf("off-topic answered: %d of %d, %d without", with, len(off), without)
	}
	on := []struct{ q, want string }{
		{"when did park and sakamoto sign the catch agreement", "signed a new catch agreement"},
		{"how much squid can each side catch", "60,000 tonnes"},
		{"how many rounds did the fisheries talks take", "eleven rounds"},
	}
	if n := inTopThree(t, idx, on); n != len(on) {
		t.Errorf("on-topic: %d of %d in the top three", n, len(on))
	}
}

// TestAttributeFocus: a question that asks a property of something it
// names ("what was Samsung's operating profit", "what's the weather like
// in Madrid", "how much revenue did Uniqlo report": dev2 questions off
// topic), or what someone said of a thing ("what did abe say about the
// tokyo olympics getting postponed": dev2), has that property or thing as
// its focus (see attributePatterns): a
// passage that names the thing but not the property does not answer.
// Questions of the same forms whose property the corpus reports are
// answered.
func TestAttributeFocus(t *testing.T) {
	idx := defaultIndex(t)
	for _, tc := range []struct{ q, focus string }{
		{"What was Samsung's operating profit for 2019?", "profit"},
		{"What are Toshimitsu Motegi's hobbies outside politics?", "hobbies"},
		{"whats the weather like in madrid in december", "weather"},
		{"How much revenue did Uniqlo report in South Korea in 2022?", "revenue"},
		{"What is the deadline for renewing GSOMIA?", "deadline"},
		{"what are the restricted materials used for", ""}, // a clause, not a property
		{"what did abe say about the tokyo olympics getting postponed", "olympics"},
		{"what did 河野太郎 say about the mitsubshi rulings", "ruling"},
	} {
		q := analyzeQuestion(t, idx, tc.q)
		if got := focusLabel(q); got != tc.focus {
			t.Errorf("%q: focus %q, want %q (concepts %q)", tc.q, got, tc.focus, conceptLabels(q))
		}
	}
	off := []string{
		"What was Samsung's operating profit for 2019?",
		"whats the weather like in madrid in december",
		"How much revenue did Uniqlo report in South Korea in 2022?",
		"What was Nippon Steel's share price on the day of the October 2018 ruling?",
		"what did abe say about the tokyo olympics getting postponed",
		"What did Moon Jae-in say about the Pyeongchang Olympics?",
	}
	checkOffAndOn(t, idx, off, []struct{ q, want string }{
		{"What was Asahi's loss from the boycott?", "Asahi"},
		{"What is the deadline for renewing GSOMIA?", "renews itself every year"},
		{"How much compensation did the Supreme Court award each plaintiff?", "100 million won"},
		{"what did 河野太郎 say about the mitsubshi rulings", "Kono"},
		{"What did Suga say about the foreign ministers' meeting?", "Suga"},
	})
}

// TestCJKAttributeFocus: a Korean or Japanese question whose predicate
// asks a property of what it names ("강경화 장관 고향 어디임?", "菅さんの出身地
// ってどこ？": dev2) has that property as its focus when the corpus lacks
// the word and the dictionary has it (see cjkAttribute): it is not
// answered by passages that only name the person. A question word that
// is not the predicate, a noun of an answer type, and a property the
// corpus says are no such focus, and questions of the same forms are
// answered.
func TestCJKAttributeFocus(t *testing.T) {
	idx := defaultIndex(t)
	for _, tc := range []struct{ q, focus string }{
		{"강경화 장관 고향 어디임?", "고향"},
		{"이용수 할머니 고향이 어디셔?", "고향"},
		{"菅さんの出身地ってどこ？", "出身地"},
		{"아베 전 총리는 어디서 사망했어?", ""},
		{"한일 지소미아 협정에 서명한 사람은 누구입니까?", ""},
		{"이시바 총리 야스쿠니 공물 보낸 거에 한국 정부 반응 어땠어?", ""},
		{"노재팬 운동 슬로건이 뭐였지?", ""},
	} {
		q := analyzeQuestion(t, idx, tc.q)
		if got := focusLabel(q); got != tc.focus {
			t.Errorf("%q: focus %q, want %q (concepts %q)", tc.q, got, tc.focus, conceptLabels(q))
		}
	}
	off := []string{"강경화 장관 고향 어디임?", "菅さんの出身地ってどこ？", "모테기 외무상 고향이 어디예요?"}
	checkOffAndOn(t, idx, off, []struct{ q, want string }{
		{"노재팬 운동 슬로건이 뭐였지?", "I Will Not Buy"},
		{"不買運動でアサヒの損失っていくら？", "Asahi"},
		{"한일 지소미아 협정에 서명한 사람은 누구입니까?", "signed"},
	})
}

// TestAgeFocus: a question asking how old someone is ("모테기 외무상은 올해
// 나이가 몇 살입니까?", "洪楠基さんは何歳ですか。", "how old is kang kyung wha
// rn": dev2) has the age as its focus (see asksAge), which a passage says
// only in a spelling of its own ("94 years old"), not by a part of one
// ("year" of "end of the year", see alt.part): passages that only name the
// person do not answer. An age the corpus gives is still answered.
func TestAgeFocus(t *testing.T) {
	for text, want := range map[string]bool{"이춘식 씨는 94세다.": true, "94歳の原告": true, "그는 당시 94세였다": true,
		"21세기 한일 관계": false, "재일 1세대": false, "2019년": false} {
		if got := statesAge.MatchString(text); got != want {
			t.Errorf("statesAge(%q) = %v, want %v", text, got, want)
		}
	}
	idx := defaultIndex(t)
	off := []string{
		"모테기 외무상은 올해 나이가 몇 살입니까?",
		"洪楠基さんは何歳ですか。",
		"how old is kang kyung wha rn",
		"how old was motegi when he became foreign minister",
	}
	checkOffAndOn(t, idx, off, []struct{ q, want string }{
		{"how old was lee chun-sik when the supreme court ruled", "94 years old"},
		{"신일철주금 판결 나올때 살아있던 원고 누구임? 몇살이었냐", "94 years old"},
		{"新日鉄住金の判決を聞いた原告は何歳でしたか", "94 years old"},
	})
	// A Korean article gives the age with the counter of age (94세),
	// not in any spelling of the concept (see statesFocus).
	ko, _ := openTest(t, langArticles(t))
	if n := inTopThree(t, ko, []struct{ q, want string }{{"대법원 판결 나올 때 살아 있던 원고는 몇 살이었어?", "94세"}}); n != 1 {
		t.Error("the Korean article's 94세 does not answer how old the plaintiff was")
	}
}

// TestAnswerTypeInTheSentence: the date a "when" question asks for, or the
// words a "what did X say" question asks for, stand in the sentence that
// says the question, or beside it; a passage whose only date is elsewhere
// reports something else. Three dev questions (dev.jsonl 8 and 412 and
// dev2.jsonl 50: the start of the director-general talks, when the Nippon
// Steel plaintiffs sued in Korea, the date of the Chengdu summit) rank
// their passage first with the dev articles indexed, and lower without
// the rule (ranking.SentenceType). dev.jsonl 115 (what Kono said of the
// Mitsubishi verdicts) was the third until stop 32 weighed an article's
// subject more (ranking.Clumping): the "aircraft" of its paraphrase then
// ranks a passage on the military pact first.
func TestAnswerTypeInTheSentence(t *testing.T) {
	idx, _ := loadDev(t)
	cases := []struct{ q, want string }{
		{"When did the director-general level export control talks start?", "Monday"}, // "started in Tokyo Monday morning", "On Monday 16 December 2019"
		{"when was the chengdu summit", "met in Chengdu, China, on Tuesday 24 December 2019"},
		{"신일철주금 강제징용 소송의 원고들은 언제 한국 법원에 소송을 제기했습니까?", "filed suit in South Korea in 2005"},
	}
	with, without := ablated(idx, func(r *ranking) { r.SentenceType = 1 }, func() int { return firstHits(t, idx, cases) })
	t.Logf("first: %d of %d, %d without", with, len(cases), without)
	if with < len(cases) || with <= without {
		t.Errorf("first: %d of %d, %d without", with, len(cases), without)
	}
}

// TestYearsSaid: a question that names a year asks about that year, which
// a passage answering it says, or its title, its neighbours or its date
// do: "did kyoto international win koshien again in 2025?" is not
// answered by the report of the 2024 final, nor "고이케 지사 2024년엔
// 추도문 보냈음?" by the 2023 one (articles/dev3.jsonl 37 and 48, near off
// topic); a question on the 2025 ceremony is answered by a 2025 report
// that does not repeat the year.
func TestYearsSaid(t *testing.T) {
	koshien := article("koshien", "", "2024-08-24",
		"Kyoto International High School won the National High School Baseball Championship at Koshien Stadium, beating Kanto Daiichi 2-1 in ten innings.")
	koike := articleIn(knowledge.Japanese, "koike", "2023-09-01",
		"東京都の小池百合子知事は今年も朝鮮人犠牲者の追悼式典に追悼文を送らなかった。")
	day := article("takeshima", "", "2025-02-22",
		"Shimane Prefecture marked Takeshima Day on Saturday; the ceremony in Matsue drew about 500 people.")
	idx, _ := openTest(t, append(defaultCorpus(t), koshien, koike, day))
	off := []string{"did kyoto international win koshien again in 2025?", "고이케 지사 2024년엔 추도문 보냈음?"}
	if n := answered(t, idx, off); n > 0 {
		t.Errorf("questions on a year no passage says: %d of %d answered", n, len(off))
	}
	on := []struct{ q, want string }{
		{"how many people attended takeshima day in 2025", "drew about 500 people"},
		{"did kyoto international win koshien in 2024?", "beating Kanto Daiichi"},
	}
	if n := firstHits(t, idx, on); n != len(on) {
		t.Errorf("questions on a year their passage or its date says: %d of %d answered first", n, len(on))
	}
}

// TestCountedNounInPassage: a question asking how many of something is
// answered by a passage that says the thing counted, not by one whose
// neighbours do: of the Koshien article of articles/dev3,
// "京都国際って生徒何人しかいないの？" (how many students, articles/dev3.jsonl
// 11, which it brought into the top three), and the same asked in English
// and Korean, find the passage giving the school's 160 students.
func TestCountedNounInPassage(t *testing.T) {
	arts := fixtureArticles(t, filepath.Join("..", "testdata", "eval", "articles", "dev3"))
	idx, _ := openTest(t, append(defaultCorpus(t), arts...))
	on := []struct{ q, want string }{
		{"京都国際って生徒何人しかいないの？w", "about 160 students"},
		{"how many students does kyoto international have", "about 160 students"},
		{"교토국제고 학생 몇 명이야?", "about 160 students"},
	}
	// The Korean question's passage is fourth, close behind one that
	// names Kyoto International beside each other (score 0.366 and 0.374),
	// since names in another script count fully (Romanized 1).
	if n := inTopThree(t, idx, on); n < len(on)-1 {
		t.Errorf("the passage with 160 students in the top three for %d of %d questions", n, len(on))
	}
}

// TestRetrieveSameInEveryCopy: passages that score alike are cut by their
// ids, not by bleve's internal numbering, which differs between two
// indexes of the same articles built in another order: a question gets
// the same candidates from every copy (articles/dev6.jsonl 35 found its
// answer among them in some test runs and not in others).
func TestRetrieveSameInEveryCopy(t *testing.T) {
	var arts []*knowledge.Article
	for i := range 6 {
		arts = append(arts, article(fmt.Sprintf("tie-%d", i), knowledge.Global, "2020-01-01", "The tariff ruling on the shipyard was appealed."))
	}
	first, _ := openTest(t, arts)
	second, _ := openTest(t, []*knowledge.Article{arts[5], arts[4], arts[3]})
	if err := second.Sync(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	candidates := func(idx *Index) []string {
		q := analyzeQuestion(t, idx, "tariff ruling shipyard")
		n, err := idx.Count()
		if err != nil {
			t.Fatal(err)
		}
		ids, err := idx.retrieve(context.Background(), idx.cur, &q, knowledge.Query{}, false, uint64(n), 4)
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	if a, b := candidates(first), candidates(second); !slices.Equal(a, b) {
		t.Errorf("the same articles give other candidates: %q and %q", a, b)
	}
}
