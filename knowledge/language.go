package knowledge

import (
	"strings"

	"github.com/disputebot/disputebot/knowledge/lang"
)

// Languages the corpus is searched in: each has its own analysis in the
// index. Text in another language is searched as English, by its words.
const (
	English  = "en"
	Korean   = "ko"
	Japanese = "ja"
)

// minScriptShare is the share of a text's letters that must be Hangul, or
// kana and kanji, for it to be taken for Korean or Japanese: an English
// report quoting a name in Hangul is still English.
const minScriptShare = 0.3

// DetectLanguage tells English, Korean and Japanese text apart by script:
// Hangul is Korean, kana or kanji Japanese, when they make up a good share
// of the letters.
func DetectLanguage(text string) string {
	var letters, hangul, japanese int
	for _, r := range text {
		switch lang.ScriptOf(r) {
		case lang.Hangul:
			hangul++
		case lang.Kanji, lang.Katakana, lang.Hiragana:
			japanese++
		case lang.Latin:
		default:
			continue
		}
		letters++
	}
	switch {
	case letters == 0:
		return English
	case float64(hangul) >= minScriptShare*float64(letters) && hangul >= japanese:
		return Korean
	case float64(japanese) >= minScriptShare*float64(letters):
		return Japanese
	}
	return English
}

// SearchLanguage is the language an article's text is analyzed in: its
// declared language when that is Korean or Japanese, what its script says
// otherwise. (An article declared English whose text is Korean is Korean
// to the index.)
func (a *Article) SearchLanguage() string {
	switch base := baseLanguage(a.Language); base {
	case Korean, Japanese:
		return base
	}
	var b strings.Builder
	for _, p := range a.Body {
		if !p.Caption && !p.Heading {
			b.WriteString(p.Text)
			b.WriteByte(' ')
		}
		if b.Len() > 4000 {
			break
		}
	}
	return DetectLanguage(b.String())
}

// baseLanguage is the language of a BCP 47 tag, lowercased ("ko" for
// "ko-KR").
func baseLanguage(tag string) string {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	return base
}
