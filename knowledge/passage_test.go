package knowledge

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func kyodoArticle(t testing.TB) *Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("corpus", "kyodo-2019-12-16-madrid.md"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseArticle("kyodo-2019-12-16-madrid.md", data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestKyodoPassagesGolden(t *testing.T) {
	a := kyodoArticle(t)
	ps := a.Passages()
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "#%d %s %v\n%s\n\n", p.N, p.Kind, p.Topics, p.Text)
	}
	checkGolden(t, "kyodo-passages.golden", []byte(b.String()))

	// Properties the golden file must keep.
	if len(ps) == 0 {
		t.Fatal("no passages")
	}
	captions := 0
	for i, p := range ps {
		if p.N != i+1 || p.ArticleID != a.ID || p.ID() != fmt.Sprintf("%s#%d", a.ID, i+1) {
			t.Errorf("passage %d: N=%d ArticleID=%q ID=%q", i, p.N, p.ArticleID, p.ID())
		}
		// The photo caption is not answer text: it is read as the context
		// of the passage it follows.
		if p.Kind != KindArticle {
			t.Errorf("passage %d has kind %q", p.N, p.Kind)
		}
		if strings.Contains(p.Context, "Japanese Foreign Minister Toshimitsu Motegi (R)") {
			captions++
		}
		if strings.Contains(p.Text, "(R)") {
			t.Errorf("passage %d holds the caption: %q", p.N, p.Text)
		}
		// The dateline opens every passage's context, and no passage's
		// text.
		if !strings.HasPrefix(p.Context, "MADRID") || strings.HasPrefix(p.Text, "MADRID") {
			t.Errorf("passage %d: dateline misplaced: text %.40q context %.40q", p.N, p.Text, p.Context)
		}
		for _, r := range a.Related {
			if strings.Contains(p.Text, r) || strings.Contains(p.Context, r) {
				t.Errorf("passage %d contains the related headline %q", p.N, r)
			}
		}
	}
	if captions != 1 {
		t.Errorf("the caption is in the context of %d passages, want 1", captions)
	}
	// The short quote by Suga joins the paragraph before it.
	for _, p := range ps {
		if strings.HasPrefix(p.Text, `"We will continue`) {
			t.Errorf("the short quote starts passage %d instead of joining the previous one", p.N)
		}
		if strings.Contains(p.Text, `"We will continue`) && !strings.HasPrefix(p.Text, "In Tokyo, Chief Cabinet Secretary") {
			t.Errorf("the short quote joined the wrong passage: %q", p.Text)
		}
	}
	// Every word of the body's text is in exactly one passage.
	if got, want := sortedWords(passageTexts(ps)), sortedWords(answerTexts(a)); !reflect.DeepEqual(got, want) {
		t.Errorf("passages do not hold the body's words: %d words, want %d", len(got), len(want))
	}
}

// answerTexts returns the paragraphs of an article that passages quote:
// all but captions, bylines and site furniture, without the dateline.
func answerTexts(a *Article) []string {
	var out []string
	for i, p := range a.Body {
		text := CleanText(p.Text)
		if p.Caption || isByline(text, a.Byline) || isFurniture(text) {
			continue
		}
		if i < 3 {
			_, text = cutDateline(text)
		}
		out = append(out, text)
	}
	return out
}

func passageTexts(ps []Passage) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
	}
	return out
}

// captionsOnly reports whether an article's text is all captions, which
// are then its passages.
func captionsOnly(a *Article) bool {
	return len(answerTexts(a)) == 0 || strings.TrimSpace(strings.Join(answerTexts(a), "")) == ""
}

func sortedWords(texts []string) []string {
	var w []string
	for _, t := range texts {
		w = append(w, strings.Fields(t)...)
	}
	slices.Sort(w)
	return w
}

func words(n int, word string) string {
	return strings.TrimSpace(strings.Repeat(word+" ", n))
}

// sentence returns a sentence of n words.
func sentence(n int) string { return words(n-1, "word") + " end." }

func TestPassages(t *testing.T) {
	long := strings.Repeat(sentence(30)+" ", 20) // 600 words in sentences of 30
	tests := []struct {
		name string
		body []Paragraph
		want []string // passage texts, abbreviated by wordCount when prefixed with "#"
		kind []Kind
	}{
		{
			name: "one paragraph per passage",
			body: []Paragraph{{Text: sentence(30)}, {Text: sentence(40)}},
			want: []string{sentence(30), sentence(40)},
		},
		{
			name: "short quote joins the paragraph before",
			body: []Paragraph{{Text: sentence(30)}, {Text: `"Short quote," he said.`}, {Text: sentence(30)}},
			want: []string{sentence(30) + ` "Short quote," he said.`, sentence(30)},
		},
		{
			name: "curly quote joins too",
			body: []Paragraph{{Text: sentence(30)}, {Text: "“Short quote,” he said."}},
			want: []string{sentence(30) + " “Short quote,” he said."},
		},
		{
			name: "short paragraph opens the next passage",
			body: []Paragraph{{Text: sentence(30)}, {Text: "In Tokyo:"}, {Text: sentence(30)}},
			want: []string{sentence(30), "In Tokyo: " + sentence(30)},
		},
		{
			name: "short paragraph at the end joins the last passage",
			body: []Paragraph{{Text: sentence(30)}, {Text: "The end."}},
			want: []string{sentence(30) + " The end."},
		},
		{
			name: "only a short paragraph",
			body: []Paragraph{{Text: "Hello."}},
			want: []string{"Hello."},
		},
		{
			name: "short quote first stands alone",
			body: []Paragraph{{Text: `"Quote."`}},
			want: []string{`"Quote."`},
		},
		{
			name: "caption is not a passage",
			body: []Paragraph{{Text: sentence(30)}, {Text: "A photo.", Caption: true}, {Text: `"Quote."`}},
			want: []string{sentence(30) + ` "Quote."`},
		},
		{
			name: "byline, dateline and furniture are not passage text",
			body: []Paragraph{
				{Text: "By Jane Doe, Staff Reporter"},
				{Text: "SEOUL (Yonhap) -- " + sentence(30)},
				{Text: "Sign up for our newsletter"},
				{Text: "© 2024 Example News. All rights reserved."},
			},
			want: []string{sentence(30)},
		},
		{
			name: "a menu row, a dateline on its own line and a related headline are not passage text",
			body: []Paragraph{
				{Text: "World | Asia | Business | Sport"},
				{Text: "By Daniel Ortiz and Yuki Sato"},
				{Text: "SEOUL, March 4, 2025"},
				{Text: sentence(30)},
				{Text: "Related: Japan and South Korea mark 60 years of diplomatic ties"},
			},
			want: []string{sentence(30)},
		},
		{
			name: "long paragraph cut at sentence ends",
			body: []Paragraph{{Text: long}},
			want: []string{
				strings.TrimSpace(strings.Repeat(sentence(30)+" ", 7)),
				strings.TrimSpace(strings.Repeat(sentence(30)+" ", 7)),
				strings.TrimSpace(strings.Repeat(sentence(30)+" ", 6)),
			},
		},
		{
			name: "one overlong sentence cut at words",
			body: []Paragraph{{Text: words(500, "w")}},
			want: []string{words(220, "w"), words(220, "w"), words(60, "w")},
		},
		{
			name: "short paragraph before a full one stays within the limit",
			body: []Paragraph{{Text: sentence(100)}, {Text: "Meanwhile:"}, {Text: sentence(220)}},
			want: []string{sentence(100) + " Meanwhile:", sentence(220)},
		},
		{
			name: "short paragraph first before a full one",
			body: []Paragraph{{Text: "Meanwhile:"}, {Text: sentence(220)}},
			want: []string{"Meanwhile:", sentence(220)},
		},
		{
			name: "an article of captions only is its captions",
			body: []Paragraph{{Text: "A photo.", Caption: true}, {Text: "Another.", Caption: true}},
			want: []string{"A photo.", "Another."},
			kind: []Kind{KindCaption, KindCaption},
		},
		{
			name: "white space folded",
			body: []Paragraph{{Text: "  a \n b  "}, {Text: "   "}},
			want: []string{"a b"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{ID: "x", Title: "Title", Kind: KindArticle, Body: tt.body}
			ps := a.Passages()
			got := passageTexts(ps)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("passages:\n got  %q\n want %q", got, tt.want)
			}
			for i, p := range ps {
				if n := wordCount(p.Text); n > MaxPassageWords {
					t.Errorf("passage %d has %d words", p.N, n)
				}
				if len(p.Topics) == 0 {
					t.Errorf("passage %d has no topics", p.N)
				}
				want := KindArticle
				if tt.kind != nil && i < len(tt.kind) {
					want = tt.kind[i]
				}
				if p.Kind != want {
					t.Errorf("passage %d kind %q, want %q", p.N, p.Kind, want)
				}
			}
		})
	}
}

func TestPassageContextAndTopics(t *testing.T) {
	a := &Article{ID: "x", Title: "Japan, S. Korea hold talks on export controls", Kind: KindNote, Body: []Paragraph{
		{Text: "The Supreme Court ordered Nippon Steel to compensate four plaintiffs for forced labor."},
		{Text: "Then they had lunch together, which lasted an hour."},
		{Text: "North Korea fired a ballistic missile into the sea."},
	}}
	ps := a.Passages()
	if len(ps) != 1 {
		// All three are short: they form one passage.
		t.Fatalf("%d passages: %q", len(ps), passageTexts(ps))
	}
	a.Body = []Paragraph{
		{Text: "The Supreme Court ordered Nippon Steel to compensate four plaintiffs for forced labor. " + sentence(20)},
		{Text: "Then they had lunch together, which lasted an hour. " + sentence(20)},
		{Text: "North Korea fired a ballistic missile into the sea. " + sentence(20)},
	}
	ps = a.Passages()
	if len(ps) != 3 {
		t.Fatalf("%d passages", len(ps))
	}
	wantTopics := [][]Topic{
		{TopicLaborRuling},
		// Nothing in the text: the title decides, not the neighbours,
		// whose topics would otherwise spread through the article.
		{TopicTalks, TopicExportControls},
		{TopicNorthKorea},
	}
	for i, p := range ps {
		if !reflect.DeepEqual(p.Topics, wantTopics[i]) {
			t.Errorf("passage %d topics %v, want %v", p.N, p.Topics, wantTopics[i])
		}
		if p.Kind != KindNote {
			t.Errorf("passage %d kind %q", p.N, p.Kind)
		}
	}
	if want := firstWords(ps[1].Text, contextWords); ps[0].Context != want {
		t.Errorf("context of the first passage:\n got  %q\n want %q", ps[0].Context, want)
	}
	if !strings.Contains(ps[1].Context, "Supreme Court") || !strings.Contains(ps[1].Context, "North Korea") {
		t.Errorf("context of the middle passage lacks its neighbours: %q", ps[1].Context)
	}
}

func TestDefaultCorpusPassageSizes(t *testing.T) {
	arts, err := DefaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		for _, p := range a.Passages() {
			if n := wordCount(p.Text); n > MaxPassageWords || n == 0 {
				t.Errorf("%s: %d words", p.ID(), n)
			}
			if startsWithQuote(p.Text) && wordCount(p.Text) < MinPassageWords && p.N > 1 {
				t.Errorf("%s: short quote not joined to the passage before: %q", p.ID(), p.Text)
			}
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"one", "One sentence.", []string{"One sentence."}},
		{"two", "One. Two.", []string{"One. ", "Two."}},
		{"no final punctuation", "One. Two without end", []string{"One. ", "Two without end"}},
		{"question and exclamation", "Why? Because! Yes.", []string{"Why? ", "Because! ", "Yes."}},
		{"S. Korea", "Japan and S. Korea met. They talked.", []string{"Japan and S. Korea met. ", "They talked."}},
		{"U.S.", "The U.S. position is clear. Next.", []string{"The U.S. position is clear. ", "Next."}},
		{"Nov. 23, 2019", "They met on Nov. 23, 2019. Then left.", []string{"They met on Nov. 23, 2019. ", "Then left."}},
		{"3.5%", "Exports fell 3.5% in July. Imports rose.", []string{"Exports fell 3.5% in July. ", "Imports rose."}},
		{"Mr.", "Mr. Suga spoke. He left.", []string{"Mr. Suga spoke. ", "He left."}},
		{"quote after period", `He said, "We will continue." Then he left.`, []string{`He said, "We will continue." `, "Then he left."}},
		{"curly quote after period", "He said “No.” Then left.", []string{"He said “No.” ", "Then left."}},
		{"bracket after period", "(See above.) Next.", []string{"(See above.) ", "Next."}},
		{"quote opening a sentence", `Done. "Quote," he said.`, []string{"Done. ", `"Quote," he said.`}},
		{"Japanese full stop", "日本と韓国。外相会談が開かれた。", []string{"日本と韓国。", "外相会談が開かれた。"}},
		{"full stop then space", "会談。 Next.", []string{"会談。", " Next."}},
		{"white space kept", "One.  \n Two.", []string{"One.  \n ", "Two."}},
		{"period without space", "example.com is a site. Yes.", []string{"example.com is a site. ", "Yes."}},
		{"only periods", "...", []string{"..."}},
		{"leading space", " One. Two.", []string{" One. ", "Two."}},
		{"single initial", "Written by J. Smith. Done.", []string{"Written by J. Smith. ", "Done."}},
		{"trailing space", "A. ", []string{"A. "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range Sentences(tt.text) {
				got = append(got, tt.text[sp[0]:sp[1]])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q):\n got  %q\n want %q", tt.text, got, tt.want)
			}
		})
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"", "One. Two.", "S. Korea and the U.S. met on Nov. 23, 2019.", "3.5% rise", `He said "yes." Then.`,
		"日本。韓国！中国？", "a.\u3000b", "No end", ". . .", "?!", "“Quote.” ‘Single.’", "\xff. \xfe.", "(a.) [b.] 「c。」",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := Sentences(text)
		pos := 0
		for i, sp := range spans {
			if sp[0] != pos {
				t.Fatalf("span %d starts at %d, want %d: %v", i, sp[0], pos, spans)
			}
			if sp[1] <= sp[0] {
				t.Fatalf("span %d is empty: %v", i, spans)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[sp[0]]) || sp[1] < len(text) && !utf8.RuneStart(text[sp[1]])) {
				t.Fatalf("span %d cuts a rune: %v", i, spans)
			}
			pos = sp[1]
		}
		if pos != len(text) {
			t.Fatalf("spans end at %d, text has %d bytes", pos, len(text))
		}
	})
}

func FuzzPassages(f *testing.F) {
	// Small seeds keep the fuzzer fast: MaxPassageWords is large, so the
	// mutator grows them.
	f.Add(sentence(30)+"\n\n\"Quote.\"\n\nShort.\n\n"+words(230, "w"), uint8(0))
	f.Add("Short.\n\n"+sentence(220)+"\n\n[caption] "+words(225, "c"), uint8(3))
	f.Add(strings.Repeat("S. Korea met. ", 80), uint8(1))
	f.Add("a\n\n\"b\"\n\n'c'\n\n“d”", uint8(2))
	f.Fuzz(func(t *testing.T, body string, kind uint8) {
		a := &Article{ID: "x", Title: "Title", Kind: []Kind{KindArticle, KindNote}[kind%2], Body: ParseBody(body)}
		ps := a.Passages()
		for i, p := range ps {
			if p.N != i+1 {
				t.Fatalf("passage %d numbered %d", i+1, p.N)
			}
			if n := wordCount(p.Text); n == 0 || n > MaxPassageWords {
				t.Fatalf("passage %d has %d words", p.N, n)
			}
			if len(p.Topics) == 0 {
				t.Fatalf("passage %d has no topics", p.N)
			}
		}
		if got, want := sortedWords(passageTexts(ps)), sortedWords(answerTexts(a)); !reflect.DeepEqual(got, want) && !captionsOnly(a) {
			t.Fatalf("passages lose or add words:\n got  %q\n want %q", got, want)
		}
	})
}

// FuzzWordCount: the counting loop agrees with strings.Fields, which it
// stands in for, on any text.
func FuzzWordCount(f *testing.F) {
	for _, s := range []string{"", " ", "a", " two  words\n", "\u3000全角\u00a0nbsp\u2003", "\xff\xfe bad", "tab\tand\vvertical"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		japanese := 0
		for _, r := range s {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				japanese++
			}
		}
		if got, want := wordCount(s), len(strings.Fields(s))+japanese/2; got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestJapaneseWordCount: Japanese, written without spaces, is sized as
// two kana or kanji a word, so that its paragraphs are passages of their
// own rather than one passage for a whole article.
func TestJapaneseWordCount(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"two words", 2},
		{"日本政府は輸出規制を解除した。", 1 + 7},
		{"GSOMIAの延長", 1 + 1},
		{"수출규제를 해제했다", 2},
	} {
		if got := wordCount(tc.text); got != tc.want {
			t.Errorf("wordCount(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// TestDeclaredTopics: topics declared in front matter are the article's;
// each passage keeps those its text is classified with, or all of them.
func TestDeclaredTopics(t *testing.T) {
	talks := "The foreign ministers held talks at the summit. " + sentence(20)
	plain := "The weather was fine and the harbour was busy. " + sentence(20)
	tests := []struct {
		name     string
		declared []Topic
		want     [][]Topic
	}{
		{"none declared: classified", nil, [][]Topic{{TopicTalks}, {TopicOther}}},
		{"declared other wins", []Topic{TopicOther}, [][]Topic{{TopicOther}, {TopicOther}}},
		{"declared and classified agree", []Topic{TopicTalks, TopicExportControls}, [][]Topic{{TopicTalks}, {TopicTalks, TopicExportControls}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{ID: "x", Title: "A day in port", Kind: KindArticle, Topics: tt.declared,
				Body: []Paragraph{{Text: talks}, {Text: plain}}}
			ps := a.Passages()
			for i, p := range ps {
				if !reflect.DeepEqual(p.Topics, tt.want[i]) {
					t.Errorf("passage %d: topics %v, want %v", p.N, p.Topics, tt.want[i])
				}
			}
		})
	}
}

// TestPassageTopics: an article's topics are those of its passages, each
// once, in the order they first appear, and not those it declares but no
// passage keeps.
func TestPassageTopics(t *testing.T) {
	a := &Article{ID: "x", Title: "A day in port", Kind: KindArticle, Topics: []Topic{TopicExportControls, TopicNorthKorea},
		Body: []Paragraph{
			{Text: "Japan tightened the export controls on three chemicals. " + sentence(20)},
			{Text: "The export controls were lifted in 2023. " + sentence(20)},
		}}
	if got, want := a.PassageTopics(), []Topic{TopicExportControls}; !reflect.DeepEqual(got, want) {
		for _, p := range a.Passages() {
			t.Logf("passage %d: %v", p.N, p.Topics)
		}
		t.Errorf("PassageTopics() = %v, want %v", got, want)
	}
}

// TestHeadingsAreContext: a section heading is not passage text, but the
// context of every passage of its section.
func TestHeadingsAreContext(t *testing.T) {
	a := &Article{ID: "x", Title: "T", Kind: KindArticle, Body: ParseBody(
		"# Reaction in Seoul\n\n" + sentence(30) + "\n\n" + sentence(30) + "\n\n## The ferry deal\n\n" + sentence(30))}
	ps := a.Passages()
	if len(ps) != 3 {
		t.Fatalf("%d passages: %q", len(ps), passageTexts(ps))
	}
	for i, want := range []string{"Reaction in Seoul", "Reaction in Seoul", "The ferry deal"} {
		if strings.Contains(ps[i].Text, "Reaction") || strings.Contains(ps[i].Text, "ferry") {
			t.Errorf("passage %d holds a heading: %q", ps[i].N, ps[i].Text)
		}
		if want != "" && !strings.HasPrefix(ps[i].Context, want) {
			t.Errorf("passage %d: context %.60q, want it to start with %q", ps[i].N, ps[i].Context, want)
		}
	}
	if strings.Contains(ps[2].Context, "Reaction in Seoul") {
		t.Errorf("a heading is the context of its own section only: %q", ps[2].Context)
	}
	// The file format keeps headings.
	data, err := FormatArticle(a)
	if err != nil || !strings.Contains(string(data), "\n## The ferry deal\n") && !strings.Contains(string(data), "\n# The ferry deal\n") {
		t.Errorf("headings not written back (%v):\n%s", err, data)
	}
}

// TestKoreanAndJapaneseTopics: Korean and Japanese passages are classified
// through the lexicon's English names for their terms, and get readable
// ids.
func TestKoreanAndJapaneseTopics(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Topic
	}{
		{"일본 경제산업성은 2019년 7월 4일부터 반도체 소재 3개 품목에 대한 수출규제를 시행했다.", TopicExportControls},
		{"대법원은 신일철주금이 강제징용 피해자들에게 배상하라고 판결했다.", TopicLaborRuling},
		{"日本政府は韓国をホワイト国から除外し、輸出管理を強化した。", TopicExportControls},
	} {
		if got := Classify(inEnglish(tc.text)); !slices.Contains(got, tc.want) {
			t.Errorf("Classify(inEnglish(%q)) = %v, want %s among them", tc.text, got, tc.want)
		}
	}
	for _, tc := range []struct{ title, url, want string }{
		{"일본 수출규제 1년", "https://example.com/a", "ilbon suchulgyuje 1 nyeon "},
		{"ホワイト国 復帰", "https://example.com/a", "howaito "},
		{"輸出管理の見直し", "https://example.com/news/export-review.html", "export-review"},
		// Mostly kanji, with a little katakana: the link says more
		// (articles/test4's Japanese article).
		{"日韓国交正常化60年、東京とソウルで記念行事", "https://example.com/ja-normalization-60th-2025", "ja-normalization-60th-2025"},
		{"日韓国交正常化60年、東京とソウルで記念行事", "", "60 souru "},
	} {
		if got := idTitle(&Article{Title: tc.title, URL: tc.url}); got != tc.want {
			t.Errorf("idTitle(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}
