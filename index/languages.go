package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/lang"
)

// Each language of the corpus is analyzed in its own fields with its own
// analyzer, and a question is analyzed for each language it may match:
//
//   - English: Unicode words, possessives dropped, lowercased, English
//     stop words removed, Snowball stems.
//   - Korean: the same, and Korean words without their particles and
//     endings (knowledge/lang: 수출규제를 is 수출규제), Korean words of
//     grammar and asking dropped. Words are what Korean writes between
//     spaces, so no bigrams are needed.
//   - Japanese: overlapping pairs of kana and kanji (bleve's CJK bigrams:
//     輸出規制 is 輸出 出規 規制), those of hiragana alone, which are
//     grammar, dropped. Bigrams need no dictionary: a morphological
//     analyzer's (kagome's IPA dictionary) costs a second and over 100 MB
//     to load, more than a question may.
//
// Latin words inside Korean and Japanese text ("GSOMIA", "WTO") are
// analyzed as English, so that an English spelling finds them there too.
const (
	analyzerKo = "ko_news"
	analyzerJa = "ja_news"
	koStemName = "ko_stem"
	jaGramName = "ja_content"
	// spellingName is the filter that writes English words the American
	// way (lang.AmericanSpelling): "defence" and "defense" are one term.
	spellingName = "en_spelling"
	// tokenizerName is the Unicode tokenizer that reads "US$" as one
	// word, usd (see dollarTokenizer).
	tokenizerName = "unicode_usd"
)

// Fields of each language's text.
var (
	bodyFields  = map[string]string{knowledge.English: fieldBody, knowledge.Korean: fieldBodyKo, knowledge.Japanese: fieldBodyJa}
	titleFields = map[string]string{knowledge.English: fieldTitle, knowledge.Korean: fieldTitleKo, knowledge.Japanese: fieldTitleJa}
	analyzerOf  = map[string]string{knowledge.English: analyzerName, knowledge.Korean: analyzerKo, knowledge.Japanese: analyzerJa}
)

// corpusLanguages are the languages of the corpus, English first.
var corpusLanguages = []string{knowledge.English, knowledge.Korean, knowledge.Japanese}

func init() {
	if err := registry.RegisterTokenizer(tokenizerName, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return dollarTokenizer{asciiTokenizer{unicode.NewUnicodeTokenizer()}}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(koStemName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return koStemFilter{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(spellingName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return spellingFilter{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(jaGramName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return jaContentFilter{}, nil
	}); err != nil {
		panic(err)
	}
}

// addAnalyzers defines the analyzers of the three languages in a mapping.
func addAnalyzers(m *mapping.IndexMappingImpl) error {
	// bleve's "en" analyzer stems with Porter, which turns "used" into
	// "us" (and so matches "US$"); Snowball (Porter2) does not. No char
	// filters: they would shift the offsets that excerpts are cut by.
	english := []any{en.PossessiveName, lowercase.Name, spellingName, en.StopName, en.SnowballStemmerName}
	for name, filters := range map[string][]any{
		analyzerName: english,
		analyzerKo:   {en.PossessiveName, lowercase.Name, spellingName, koStemName, en.StopName, en.SnowballStemmerName},
		analyzerJa:   {cjk.WidthName, en.PossessiveName, lowercase.Name, spellingName, cjk.BigramName, jaGramName, en.StopName, en.SnowballStemmerName},
	} {
		if err := m.AddCustomAnalyzer(name, map[string]any{
			"type": custom.Name, "tokenizer": tokenizerName, "token_filters": filters,
		}); err != nil {
			return err
		}
	}
	return nil
}

// dollarTokenizer is the Unicode tokenizer, with "US" written before a
// dollar sign read as "usd": a figure in US dollars (US$87,720) is not
// the United States, and without this every such figure made a passage
// about "the US" (and about "us"). The sign itself is no word.
type dollarTokenizer struct{ analysis.Tokenizer }

func (d dollarTokenizer) Tokenize(input []byte) analysis.TokenStream {
	toks := d.Tokenizer.Tokenize(input)
	for _, t := range toks {
		if t.End < len(input) && input[t.End] == '$' && strings.EqualFold(string(t.Term), "us") {
			t.Term = []byte("usd")
		}
	}
	return toks
}

// spellingFilter writes English words the American way: news and
// questions spell them both ways ("defence minister", "labour"), and
// stemming does not join the two.
type spellingFilter struct{}

func (spellingFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if a := lang.AmericanSpelling(string(t.Term)); a != string(t.Term) {
			t.Term = []byte(a)
		}
	}
	return input
}

// koStemFilter takes Korean words back to their stems and drops the words
// of grammar and asking (see lang.KoreanForms).
type koStemFilter struct{}

func (koStemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input))
	shift := 0 // positions added by numbers parted from their counters
	for _, t := range input {
		t.Position += shift
		if w := string(t.Term); hasHangul(w) {
			// Unicode word breaking keeps an apostrophe inside a word,
			// and Korean quotes with one: ‘백색국가’에서 is one token.
			w = strings.Trim(strings.NewReplacer("’", "", "‘", "").Replace(w), `'"`)
			if w == "" || lang.KoreanFunctionWord(w) {
				continue
			}
			// A number and its counter are one word in Korean (1인당,
			// 90일, 2019년): the number apart is the figure English and
			// Japanese text write, and the counter the word a question
			// or the lexicon writes ("인당").
			if n := leadingDigits(w); n > 0 && n < len(w) && strings.HasPrefix(string(t.Term), w[:n]) && t.Start+n <= t.End {
				num := *t
				num.Term, num.End, num.Type = []byte(w[:n]), t.Start+n, analysis.Numeric
				out = append(out, &num)
				shift++
				t.Position++
				t.Start += n
				w = w[n:]
			}
			t.Term = []byte(lang.KoreanStem(w))
		}
		out = append(out, t)
	}
	return out
}

// leadingDigits returns the length of the ASCII digits a word starts with.
func leadingDigits(w string) int {
	n := 0
	for n < len(w) && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	return n
}

// jaContentFilter drops the bigrams of hiragana alone: particles and
// endings ("した", "には"), which every Japanese passage holds.
type jaContentFilter struct{}

func (jaContentFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0]
	for _, t := range input {
		if t.Type == analysis.Ideographic && allHiragana(string(t.Term)) {
			continue
		}
		out = append(out, t)
	}
	return out
}

func hasHangul(s string) bool {
	for _, r := range s {
		if lang.ScriptOf(r) == lang.Hangul {
			return true
		}
	}
	return false
}

func allHiragana(s string) bool {
	for _, r := range s {
		if lang.ScriptOf(r) != lang.Hiragana {
			return false
		}
	}
	return s != ""
}

// scriptLanguage is the language whose analysis a spelling needs: Korean
// for Hangul, Japanese for kana and kanji, English otherwise.
func scriptLanguage(s string) string {
	for _, r := range s {
		switch lang.ScriptOf(r) {
		case lang.Hangul:
			return knowledge.Korean
		case lang.Kanji, lang.Katakana, lang.Hiragana:
			return knowledge.Japanese
		}
	}
	return knowledge.English
}

// searchLanguage is the language of the index an article's text goes to.
func searchLanguage(a *knowledge.Article) string {
	l := a.SearchLanguage()
	if _, ok := bodyFields[l]; ok {
		return l
	}
	return knowledge.English
}
