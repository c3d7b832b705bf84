// Package lang holds what retrieval needs to know about the languages
// members ask in: which script a piece of text is written in, the
// particles and endings that Korean attaches to its words, and how
// Japanese, written without spaces, divides into words of content and
// words of grammar.
//
// The rules are the grammar of each language, not lists of questions: a
// Korean noun takes the same particles whatever it names, and Japanese
// writes its content words in kanji and katakana and its grammar in
// hiragana.
package lang

import (
	"strings"
	"unicode"
)

// Script is the writing system of a word.
type Script int

// Scripts told apart.
const (
	Other    Script = iota
	Latin           // English, romanized Korean or Japanese
	Hangul          // Korean
	Kanji           // Han characters: Japanese (or Chinese) content words
	Katakana        // Japanese loanwords and foreign names
	Hiragana        // Japanese grammar: particles, endings, auxiliaries
	Digit
)

// ScriptOf returns the script of a rune.
func ScriptOf(r rune) Script {
	switch {
	case unicode.Is(unicode.Hangul, r):
		return Hangul
	case unicode.Is(unicode.Han, r) || r == '々' || r == '〆':
		return Kanji
	case unicode.Is(unicode.Katakana, r) || r == 'ー' || r == '・':
		return Katakana
	case unicode.Is(unicode.Hiragana, r):
		return Hiragana
	case unicode.IsDigit(r):
		return Digit
	case unicode.IsLetter(r):
		return Latin
	}
	return Other
}

// IsCJK reports whether s holds Hangul, kanji or kana.
func IsCJK(s string) bool {
	for _, r := range s {
		switch ScriptOf(r) {
		case Hangul, Kanji, Katakana, Hiragana:
			return true
		}
	}
	return false
}

// Run is a stretch of text in one script, with its byte offsets.
type Run struct {
	Text       string
	Script     Script
	Start, End int
}

// Runs cuts text into runs of one script each; spaces and punctuation end
// a run and are left out.
func Runs(text string) []Run {
	var out []Run
	start, cur := -1, Other
	flush := func(end int) {
		if start >= 0 {
			out = append(out, Run{Text: text[start:end], Script: cur, Start: start, End: end})
		}
		start = -1
	}
	for i, r := range text {
		s := ScriptOf(r)
		if s == Other {
			flush(i)
			cur = Other
			continue
		}
		if s != cur || start < 0 {
			flush(i)
			start, cur = i, s
		}
	}
	flush(len(text))
	return out
}

// Language guesses the language of a question or text from its scripts:
// "ko" when it has Hangul, "ja" when it has kana (or kanji without
// Hangul), "en" otherwise.
func Language(text string) string {
	var hangul, kana, kanji int
	for _, r := range text {
		switch ScriptOf(r) {
		case Hangul:
			hangul++
		case Hiragana, Katakana:
			kana++
		case Kanji:
			kanji++
		}
	}
	switch {
	case hangul > 0 && hangul >= kana:
		return "ko"
	case kana > 0 || kanji > 0:
		return "ja"
	}
	return "en"
}

// hasAny reports whether s ends with one of the suffixes, returning the
// longest.
func longestSuffix(s string, suffixes []string) string {
	best := ""
	for _, x := range suffixes {
		if len(x) > len(best) && strings.HasSuffix(s, x) {
			best = x
		}
	}
	return best
}
