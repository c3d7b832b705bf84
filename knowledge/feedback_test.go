package knowledge

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

func TestParseVote(t *testing.T) {
	for _, v := range []Vote{Helpful, NotHelpful} {
		got, err := ParseVote(v.String())
		if err != nil || got != v {
			t.Errorf("ParseVote(%q) = %v, %v; want %v", v.String(), got, err, v)
		}
	}
	for _, s := range []string{"", "Helpful", "not helpful", "0", "1", "helpful ", "yes"} {
		if v, err := ParseVote(s); err == nil || ErrorCode(err) != EINVALID {
			t.Errorf("ParseVote(%q) = %v, %v; want an EINVALID error", s, v, err)
		}
	}
	if Vote(0).Valid() || Vote(3).Valid() || !Helpful.Valid() || !NotHelpful.Valid() {
		t.Error("Valid is wrong")
	}
}

func TestAskedNormalize(t *testing.T) {
	ok := func() Asked {
		return Asked{Answer: "1187654321098765432", Guild: "81384788765712384", Question: "  When did Japan\u200b lift   export controls?\n",
			Answered: true, Passages: []string{"note-2019-export-controls#3", "kyodo-2019-12-16-madrid#12"}}
	}
	long := strings.Repeat("輸", MaxQuestionRunes+50)
	tests := []struct {
		name   string
		edit   func(*Asked)
		want   string // the question after Normalize, when valid
		reject string // a word of the error, when not
	}{
		{"valid", func(*Asked) {}, "When did Japan lift export controls?", ""},
		{"random answer id", func(a *Asked) { a.Answer = NewAnswerID() }, "When did Japan lift export controls?", ""},
		{"mentions go", func(a *Asked) { a.Question = "<@123456789012345678> @everyone who owns dokdo" }, "who owns dokdo", ""},
		{"capped", func(a *Asked) { a.Question = long }, long[:MaxQuestionRunes*len("輸")], ""},
		{"no passages", func(a *Asked) { a.Passages = nil; a.Answered = false }, "When did Japan lift export controls?", ""},
		{"empty question", func(a *Asked) { a.Question = " \u200b\t" }, "", "empty"},
		{"only a mention", func(a *Asked) { a.Question = "<@!123456789012345678>" }, "", "empty"},
		{"answer id missing", func(a *Asked) { a.Answer = "" }, "", "answer"},
		{"answer id too long", func(a *Asked) { a.Answer = strings.Repeat("a", MaxAnswerIDLen+1) }, "", "answer"},
		{"answer id with a colon", func(a *Asked) { a.Answer = "ask:1" }, "", "answer"},
		{"guild with letters", func(a *Asked) { a.Guild = "8138478876571238x" }, "", "server"},
		{"guild of 21 digits", func(a *Asked) { a.Guild = strings.Repeat("1", 21) }, "", "server"},
		{"guild empty", func(a *Asked) { a.Guild = "" }, "", "server"},
		{"guild with a sign", func(a *Asked) { a.Guild = "-1" }, "", "server"},
		{"too many passages", func(a *Asked) { a.Passages = slices.Repeat([]string{"a#1"}, MaxAskedPassages+1) }, "", "passages"},
		{"passage without number", func(a *Asked) { a.Passages = []string{"note-gsomia"} }, "", "passage"},
		{"passage number zero-led", func(a *Asked) { a.Passages = []string{"note-gsomia#01"} }, "", "passage"},
		{"passage with spaces", func(a *Asked) { a.Passages = []string{"note gsomia#1"} }, "", "passage"},
		{"passage too long", func(a *Asked) { a.Passages = []string{strings.Repeat("a", 129) + "#1"} }, "", "passage"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := ok()
			tc.edit(&a)
			err := a.Normalize()
			if tc.reject != "" {
				if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), tc.reject) {
					t.Fatalf("Normalize = %v, want EINVALID about %q", err, tc.reject)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Question != tc.want {
				t.Errorf("question %q, want %q", a.Question, tc.want)
			}
		})
	}
}

func TestBallotValidate(t *testing.T) {
	good := Ballot{Guild: "81384788765712384", Answer: "1187654321098765432", Member: "80351110224678912", Vote: NotHelpful}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(*Ballot){
		"no vote":         func(b *Ballot) { b.Vote = 0 },
		"unknown vote":    func(b *Ballot) { b.Vote = 7 },
		"member name":     func(b *Ballot) { b.Member = "Sakura" },
		"member too long": func(b *Ballot) { b.Member = strings.Repeat("9", 21) },
		"no member":       func(b *Ballot) { b.Member = "" },
		"answer forged":   func(b *Ballot) { b.Answer = "../../etc" },
		"guild forged":    func(b *Ballot) { b.Guild = "1 OR 1=1" },
	} {
		b := good
		edit(&b)
		if err := b.Validate(); ErrorCode(err) != EINVALID {
			t.Errorf("%s: Validate = %v, want EINVALID", name, err)
		}
	}
}

func TestNewAnswerID(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		id := NewAnswerID()
		if !ValidAnswerID(id) || len(id) != 16 {
			t.Fatalf("NewAnswerID = %q: not a valid 16-character id", id)
		}
		if seen[id] {
			t.Fatalf("NewAnswerID repeated %q", id)
		}
		seen[id] = true
	}
}

func TestNormalizeQuestion(t *testing.T) {
	same := []struct{ rule, a, b string }{
		{"case", "When did Japan lift the export controls", "when did japan lift the EXPORT CONTROLS"},
		{"case", "WHAT IS GSOMIA", "what is gsomia"},
		{"case", "Who Is Moon Hee-Sang", "who is moon hee-sang"},
		{"punctuation", "when did japan lift the export controls?!", "when did japan lift the export controls"},
		{"punctuation", "what's the 1965 treaty...", "what s the 1965 treaty"},
		{"punctuation", "moon hee-sang bill — passed?", "moon hee sang bill passed"},
		{"white space", "who\town   dokdo \n", "who own dokdo"},
		{"white space", "\u00a0gsomia\u2003extended", "gsomia extended"},
		{"white space", "輸出規制は　いつ", "輸出規制は いつ"},
		{"width", "ＧＳＯＭＩＡは延長された？", "GSOMIAは延長された?"},
		{"width", "ﾎﾜｲﾄ国除外はいつ", "ホワイト国除外はいつ"},
		{"width", "ｶﾞｲﾑｼｮｳ ﾊﾟﾝ ｳﾞｨｰﾅｽ", "ガイムショウ パン ヴィーナス"},
		{"width", "ｗｗｗ 2019年", "www 2019年"},
		{"drawn out", "whyyy did japan do thattt", "why did japan do that"},
		{"drawn out", "sooo who owns dokdo", "so who owns dokdo"},
		{"markup", "<@80351110224678912> what is gsomia", "what is gsomia"},
		{"markup", "what is\u200b gsomia\u202e", "what is gsomia"},
	}
	for _, tc := range same {
		if a, b := NormalizeQuestion(tc.a), NormalizeQuestion(tc.b); a != b {
			t.Errorf("%s: %q → %q but %q → %q", tc.rule, tc.a, a, tc.b, b)
		}
	}
	differ := [][2]string{
		{"when did japan lift the export controls", "when did korea lift the export controls"},
		{"who won in 2018", "who won in 2019"},
		{"1000 workers", "100 workers"},          // digits are not drawn out
		{"하하하 what", "하 what"},                   // nor other scripts
		{"ガ", "カ"},                               // voiced kana stay voiced
		{"good", "god"},                          // two letters in a row are English
		{"gsomia extended", "gsomia extended 2"}, // a digit is a word
	}
	for _, p := range differ {
		if a, b := NormalizeQuestion(p[0]), NormalizeQuestion(p[1]); a == b {
			t.Errorf("%q and %q both normalize to %q", p[0], p[1], a)
		}
	}
	for in, want := range map[string]string{
		"  When did JAPAN lift its Export-Controls?? lol ": "when did japan lift its export controls lol",
		"ＧＳＯＭＩＡは延長された？ｗｗｗ":                                 "gsomia は延長された w",
		"수출규제는 언제 해제됐어?ㅋㅋㅋ":                                "수출규제는 언제 해제됐어 ㅋㅋㅋ",
		"":    "",
		"?!…": "",
	} {
		if got := NormalizeQuestion(in); got != want {
			t.Errorf("NormalizeQuestion(%q) = %q, want %q", in, got, want)
		}
	}
}

// gapBackground is what a server asked and got answered: it tells
// common words from informative ones, as a real server's questions do.
var gapBackground = []string{
	"what is gsomia", "when did japan remove south korea from the white list", "what did the supreme court rule in 2018",
	"who is moon hee-sang", "what is the 1965 treaty", "how did the boycott affect uniqlo", "what happened at the wto",
	"when was the compensation plan announced", "what did japan say about the 2023 plan", "did korea drop the wto case",
	"what is the third-party compensation plan", "why did japan restrict exports of photoresist", "what are the three chemicals",
	"who won the nippon steel case", "when did the boycott start", "what did abe say about the rulings",
	"what was the december 2019 summit about", "how many companies had assets seized", "when did the export controls start",
	"what is the claims agreement", "is the no japan movement still going", "what did moon say about gsomia",
	"why did korea threaten to end gsomia", "what did the wto panel decide", "how much did beer imports fall",
	"when did the compensation plan start", "who pays the victims", "what is the foundation for victims",
	"지소미아가 뭐야", "백색국가 제외는 언제였어", "불매운동은 언제 시작됐어", "제3자 변제안이 뭐야", "대법원 판결 내용이 뭐야",
	"日韓請求権協定とは何ですか", "ホワイト国除外はいつ？", "不買運動はいつ始まった？", "第三者弁済とは", "輸出管理の見直しとは何ですか",
}

// gapsOf runs FindGaps on the background and the questions, each asked
// once as "not covered", an hour apart.
func gapsOf(questions ...string) []Gap {
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var asks []Asked
	for i, q := range gapBackground {
		asks = append(asks, Asked{Question: q, Answered: true, Time: t0.Add(time.Duration(i) * time.Minute)})
	}
	for i, q := range questions {
		asks = append(asks, Asked{Question: q, Time: t0.Add(time.Duration(i+1) * time.Hour)})
	}
	return FindGaps(asks)
}

// describeGaps is a failure message: every group and its count.
func describeGaps(gaps []Gap) string {
	var b strings.Builder
	for _, g := range gaps {
		fmt.Fprintf(&b, "\n  %d × %q (%d phrasings)", g.Count, g.Text, g.Phrasings)
	}
	return b.String()
}

// TestFindGapsGroups shows each grouping rule on questions phrased as
// members phrase them: every phrasing of a case lands in one gap, and a
// question that shares most of its words but asks something else stays
// apart.
func TestFindGapsGroups(t *testing.T) {
	tests := []struct {
		rule  string
		same  []string
		other string
	}{
		{"misspelling", []string{"what did the supreme court rule about compensation", "what did the suprme court rule about compensaton", "what did the supreme cuort rule about compensation"},
			"what did the supreme court rule about the asset seizures"},
		{"misspelling", []string{"did the boycott of japanese products end", "did the boycot of japanese prodcuts end"},
			"did the boycott hurt toyota"},
		{"misspelling", []string{"how did the sanctions affect samsung", "how did the sanctoins affect samsung", "how did the sanctions affect samsnug"},
			"how did the sanctions affect sk hynix"},
		{"word order", []string{"why was gsomia extended", "gsomia, why was it extended?", "extended gsomia why"},
			"when was gsomia signed"},
		{"word order", []string{"is the white list removal still in place", "still in place, the white list removal?", "the white list removal is still in place?"},
			"what is the white list"},
		{"word order", []string{"when did japan lift the export controls", "japan lifted the export controls when?", "the export controls, when did japan lift them"},
			"why did japan impose export controls"},
		{"chat words", []string{"who owns dokdo", "pls who owns dokdo", "who owns dokdo lol", "who owns dokdo rn tbh"},
			"who owns tsushima"},
		{"chat words", []string{"did the wto rule on the export controls", "bruh did the wto rule on the export controls yet", "ok so did the wto rule on the export controls"},
			"did the wto rule on the beer tariffs"},
		{"chat words", []string{"what is the moon hee-sang bill", "ngl what is the moon hee-sang bill tbh", "yo what is the moon hee-sang bill lmao"},
			"who is moon jae-in"},
		{"Korean", []string{"수출규제 언제 해제됐어?", "수출 규제는 언제 해제되었나요?", "일본 수출규제 해제 언제야 ㅋㅋ"},
			"수출규제 언제 시작했어"},
		{"Korean", []string{"지소미아 연장됐나요", "지소미아는 연장되었어?", "지소미아 연장 됐어?"},
			"지소미아 언제 체결됐어"},
		{"Korean", []string{"강제징용 배상 판결 내용 알려줘", "강제 징용 배상 판결은?", "징용 배상 판결 뭐였지"},
			"강제징용 피해자 몇 명이야"},
		{"Japanese", []string{"輸出規制はいつ解除されたの？", "輸出規制っていつ解除されたんですか", "いつ輸出規制が解除された？ｗ"},
			"輸出規制はいつ始まった"},
		{"Japanese", []string{"ＧＳＯＭＩＡは延長されたの？", "GSOMIAは延長されましたか", "ジーソミアって延長された？"},
			"GSOMIAはいつ締結されたの"},
		{"Japanese", []string{"徴用工の賠償はどうなった？", "徴用工への賠償はどうなりましたか", "徴用工賠償どうなったの"},
			"徴用工は何人いますか"},
	}
	for _, tc := range tests {
		t.Run(tc.rule+"/"+tc.same[0], func(t *testing.T) {
			gaps := gapsOf(append(slices.Clone(tc.same), tc.other)...)
			if len(gaps) != 2 {
				t.Fatalf("%d gaps, want 2:%s", len(gaps), describeGaps(gaps))
			}
			g := gaps[0]
			if g.Count != len(tc.same) || !slices.Contains(tc.same, g.Text) || g.Phrasings != len(tc.same) {
				t.Errorf("first gap %d × %q, want the %d phrasings:%s", g.Count, g.Text, len(tc.same), describeGaps(gaps))
			}
			if o := gaps[1]; o.Count != 1 || o.Text != tc.other {
				t.Errorf("second gap %d × %q, want %q alone:%s", o.Count, o.Text, tc.other, describeGaps(gaps))
			}
		})
	}
}

// TestFindGapsApart lists questions that share most of their words but
// ask different things: no two are grouped.
func TestFindGapsApart(t *testing.T) {
	for _, pair := range [][2]string{
		{"when did the boycott start?", "when did the boycott end?"},
		{"how much did the boycott cost japan", "how much did the boycott cost korea"},
		{"who won the nippon steel case", "who won the mitsubishi case"},
		{"when did japan lift export controls", "why did japan impose export controls"},
		{"what is gsomia?", "why was gsomia extended"},
		{"what is the white list", "when was korea removed from the white list"},
		{"수출규제 언제 시작했어", "수출규제 언제 해제됐어"},
		{"輸出規制はいつ始まった", "輸出規制はいつ解除された"},
		{"지소미아 연장됐나요", "지소미아 종료됐나요"},
		{"lol", "what is gsomia lol"},
	} {
		if gaps := gapsOf(pair[0], pair[1]); len(gaps) != 2 {
			t.Errorf("%q and %q are grouped:%s", pair[0], pair[1], describeGaps(gaps))
		}
	}
}

// TestFindGapsLanguages: the glossary makes the same question in
// English, Korean and Japanese one gap.
func TestFindGapsLanguages(t *testing.T) {
	same := []string{"when did japan lift the export controls", "수출규제 언제 해제됐어?", "輸出規制はいつ解除されたの？", "When did Japan lift its export curbs?"}
	gaps := gapsOf(same...)
	if len(gaps) != 1 || gaps[0].Count != len(same) {
		t.Fatalf("want one gap of %d:%s", len(same), describeGaps(gaps))
	}
}

// TestFindGapsCounts checks what a gap says: which asks count, the
// counts by reason, the last date, the text shown and the order.
func TestFindGapsCounts(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 12, 0, 0, 0, time.UTC) }
	asks := []Asked{
		// Gaps: not covered, or voted Not helpful at least as much.
		{Question: "who owns dokdo", Time: day(1)},
		{Question: "Who owns Dokdo?", Time: day(2)},
		{Question: "Who owns Dokdo?", Time: day(3)},
		{Question: "who owns dokdo lol", Answered: true, NotHelpful: 2, Helpful: 1, Time: day(9)},
		{Question: "what is gsomia", Answered: true, NotHelpful: 1, Helpful: 1, Time: day(4)},
		{Question: "when did the boycott start", Time: day(5)},
		{Question: "when did the boycott start", Time: day(6)},
		{Question: "how did the sanctions affect samsung", Time: day(7)},
		{Question: "what did moon say about gsomia", Time: day(7)},
		// Not gaps: answered, and not voted down.
		{Question: "who owns dokdo", Answered: true, Time: day(20)},
		{Question: "who owns dokdo", Answered: true, Helpful: 3, NotHelpful: 1, Time: day(21)},
		{Question: "what is the 1965 treaty", Answered: true, Helpful: 1, Time: day(8)},
	}
	got := FindGaps(asks)
	want := []Gap{
		{Text: "Who owns Dokdo?", Count: 4, NotCovered: 3, NotHelpful: 1, Last: day(9), Phrasings: 2},
		{Text: "when did the boycott start", Count: 2, NotCovered: 2, Last: day(6), Phrasings: 1},
		// One each: the latest first, then by text.
		{Text: "how did the sanctions affect samsung", Count: 1, NotCovered: 1, Last: day(7), Phrasings: 1},
		{Text: "what did moon say about gsomia", Count: 1, NotCovered: 1, Last: day(7), Phrasings: 1},
		{Text: "what is gsomia", Count: 1, NotHelpful: 1, Last: day(4), Phrasings: 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("FindGaps =%s\nwant%s", describeGaps(got), describeGaps(want))
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("gap %d: %+v, want %+v", i, got[i], want[i])
			}
		}
	}
	if gaps := FindGaps(nil); len(gaps) != 0 {
		t.Errorf("FindGaps(nil) = %v", gaps)
	}
	if gaps := FindGaps([]Asked{{Question: "?!", Time: day(1)}}); len(gaps) != 0 {
		t.Errorf("a question of punctuation is a gap: %v", gaps)
	}
}

// TestFindGapsLimits: only the newest MaxGapAsks asks are read, and at
// most MaxGaps groups returned.
func TestFindGapsLimits(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var asks []Asked
	for i := range MaxGapAsks + 100 {
		// Distinct questions: numbers are words.
		asks = append(asks, Asked{Question: fmt.Sprintf("what happened on day %d of month %d", i, i*7+1), Time: t0.Add(time.Duration(i) * time.Minute)})
	}
	// The oldest ask, asked many times, is past the limit.
	slices.Reverse(asks)
	for range 50 {
		asks = append(asks, Asked{Question: "an old question asked often", Time: t0.Add(-time.Hour)})
	}
	gaps := FindGaps(asks)
	if len(gaps) != MaxGaps {
		t.Fatalf("%d gaps, want %d", len(gaps), MaxGaps)
	}
	for _, g := range gaps {
		if g.Text == "an old question asked often" {
			t.Fatal("an ask older than the newest MaxGapAsks was read")
		}
	}
	if want := t0.Add(time.Duration(MaxGapAsks+99) * time.Minute); !gaps[0].Last.Equal(want) {
		t.Errorf("first gap last asked %v, want the newest %v", gaps[0].Last, want)
	}
}

func TestSpellings(t *testing.T) {
	df := map[string]int{
		"sanction": 5, "sanctoin": 1, // one swap
		"samsung": 4, "samsnug": 1,
		"compensation": 6, "compnesaton": 1, // two edits in a long word
		"hurt": 3, "hunt": 1, // too short
		"treaty": 2, "treats": 2, // as common: the first alphabetically wins
		"photoresist": 1, "gsomia": 9, "§export controls": 3, "§export contorls": 1, "輸出規制": 2, "輸出規則": 1,
	}
	got := spellings(df)
	want := map[string]string{"sanctoin": "sanction", "samsnug": "samsung", "compnesaton": "compensation", "treaty": "treats"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("spellings = %v, want %v", got, want)
	}
}

func TestFeedbackReport(t *testing.T) {
	var r FeedbackReport
	if r.AnsweredShare() != 0 || r.HelpfulShare() != 0 {
		t.Fatal("an empty report has shares")
	}
	for _, a := range []Asked{
		{Answered: true, Helpful: 2, NotHelpful: 1},
		{Answered: true},
		{Answered: false, NotHelpful: 1},
		{Answered: true, Helpful: 1},
	} {
		r.Add(&a)
	}
	if r.Questions != 4 || r.Answered != 3 || r.Votes != 5 || r.Helpful != 3 {
		t.Errorf("report %+v", r)
	}
	if r.AnsweredShare() != 0.75 || r.HelpfulShare() != 0.6 {
		t.Errorf("shares %v %v, want 0.75 0.6", r.AnsweredShare(), r.HelpfulShare())
	}
}

func FuzzNormalizeQuestion(f *testing.F) {
	for _, q := range []string{
		"When did Japan lift the export controls?", "ＧＳＯＭＩＡは延長された？ｗｗｗ", "ﾊﾟﾝﾞﾞﾟ", "ﾞ", "수출규제 언제 해제됐어?ㅋㅋㅋ",
		"<@123> lol", "İSTANBUL", "\xff\xfe", "aaa\u0301\u0301", "whyyyy", "ǅungla", "Σ ς", "ﬃ",
	} {
		f.Add(q, "who owns dokdo")
	}
	g := DefaultGlossary()
	f.Fuzz(func(t *testing.T, q, other string) {
		n := NormalizeQuestion(q)
		if !utf8.ValidString(n) {
			t.Fatalf("invalid UTF-8 %q", n)
		}
		if n != strings.TrimSpace(n) || strings.Contains(n, "  ") {
			t.Fatalf("%q has stray spaces", n)
		}
		for _, r := range n {
			if r != ' ' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
				t.Fatalf("%q keeps %q", n, r)
			}
		}
		if again := NormalizeQuestion(n); again != n {
			t.Fatalf("not idempotent: %q → %q → %q", q, n, again)
		}
		terms := questionTerms(g, n, nil)
		if !slices.IsSorted(terms) || len(slices.Compact(slices.Clone(terms))) != len(terms) {
			t.Fatalf("terms %q are not sorted and unique", terms)
		}
		ot := questionTerms(g, NormalizeQuestion(other), nil)
		df := map[string]int{}
		for _, t := range append(slices.Clone(terms), ot...) {
			df[t]++
		}
		v := newVocabulary(df, 2)
		a, b := v.numbers(terms), v.numbers(ot)
		if len(a) > 0 {
			if s := v.similarity(a, a); math.Abs(s-1) > 1e-9 {
				t.Fatalf("a question is %v similar to itself", s)
			}
		}
		s1, s2 := v.similarity(a, b), v.similarity(b, a)
		if math.Abs(s1-s2) > 1e-9 || s1 < 0 || s1 > 1+1e-9 {
			t.Fatalf("similarity %v one way, %v the other", s1, s2)
		}
		// The bound FindGaps skips light terms by.
		var wa, wb, shared float64
		for _, x := range a {
			wa += v.weight[x]
			if slices.Contains(b, x) {
				shared += v.weight[x]
			}
		}
		for _, x := range b {
			wb += v.weight[x]
		}
		if s1 >= sameQuestion && shared < minShared*(wa+wb)-1e-9 {
			t.Fatalf("similarity %v with shared weight %v of %v+%v, below the bound", s1, shared, wa, wb)
		}
	})
}

func FuzzFindGaps(f *testing.F) {
	f.Add("who owns dokdo", "who owns dokdo lol", "수출규제 언제 해제됐어?", uint8(5))
	f.Add("", "?!", "ｗ", uint8(0))
	f.Add("輸出規制はいつ解除されたの", "ﾎﾜｲﾄ国", "sanctoins sanctions", uint8(255))
	f.Fuzz(func(t *testing.T, a, b, c string, flags uint8) {
		t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		var asks []Asked
		for i, q := range []string{a, b, c, a, b} {
			bit := flags >> i
			asks = append(asks, Asked{Question: q, Answered: bit&1 == 1, NotHelpful: int(bit>>1) & 1, Time: t0.Add(time.Duration(i) * time.Hour)})
		}
		gaps := FindGaps(asks)
		total := 0
		for _, g := range gaps {
			if g.Count < 1 || g.NotCovered+g.NotHelpful != g.Count || g.Phrasings < 1 || g.Phrasings > g.Count {
				t.Fatalf("inconsistent gap %+v", g)
			}
			total += g.Count
		}
		want := 0
		for i := range asks {
			if asks[i].IsGap() && NormalizeQuestion(asks[i].Question) != "" {
				want++
			}
		}
		if total != want {
			t.Fatalf("gaps count %d asks, want %d:%s", total, want, describeGaps(gaps))
		}
	})
}

func FuzzParseVote(f *testing.F) {
	for _, s := range []string{"helpful", "not_helpful", "", "\x00", "helpful\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseVote(s)
		if err != nil {
			return
		}
		if !v.Valid() || v.String() != s {
			t.Fatalf("ParseVote(%q) = %v", s, v)
		}
	})
}
