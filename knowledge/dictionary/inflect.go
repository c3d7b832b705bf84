package dictionary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Japanese verbs and adjectives are written with a kanji stem and a
// hiragana ending that changes as they conjugate: a question says
// 祀られています ("are enshrined") or 持ち込もう ("try to bring"), the
// dictionary 祀る and 持ち込む. Inflected undoes the conjugation the way
// Japanese learners' dictionaries do: it tries the stem with each
// dictionary ending and keeps a word whose ending may turn into the kana
// that the text goes on with.

// continuations are, for each dictionary ending, the first kana of its
// conjugated forms: the ending's row of the syllabary (払わない, 払います),
// the sound changes of the past and te forms (払った, 書いた, 読んだ), and for
// る also the forms of the verbs that drop it (命じられた, 認めて).
var continuations = map[rune]string{
	'う': "わいうえおっ",
	'く': "かきくけこい",
	'ぐ': "がぎぐげごい",
	'す': "さしすせそ",
	'つ': "たちつてとっ",
	'ぬ': "なにぬねのん",
	'ぶ': "ばびぶべぼん",
	'む': "まみむめもん",
	'る': "らりるれろったてまなよさずろ",
	'い': "いくかけさ", // adjectives: 高い, 高く, 高かった, 高ければ, 高さ
}

// endings are the dictionary endings in the order tried.
const endings = "るうくぐすつぬぶむい"

// maxStem bounds the stems tried, in characters.
const maxStem = 8

// Inflected finds the verb or adjective that Japanese text starts with
// in a conjugated form (祀られて: 祀る; 持ち込もう: 持ち込む; 命じられた:
// 命じる) and returns its dictionary form, its English and the length in
// bytes of its stem in text; "" when text does not start with a kanji
// stem followed by a conjugation of a dictionary word. The longest stem
// wins: 持ち込 (持ち込む, bring in) over 持 (持つ, have).
func Inflected(text string) (word string, english []string, stem int) {
	first, _ := utf8.DecodeRuneInString(text)
	if !unicode.Is(unicode.Han, first) {
		return "", nil, 0
	}
	var runes []rune
	for _, r := range text {
		if len(runes) > maxStem || !unicode.Is(unicode.Han, r) && !unicode.Is(unicode.Hiragana, r) && r != '々' {
			break
		}
		runes = append(runes, r)
	}
	for n := min(len(runes)-1, maxStem); n >= 1; n-- {
		next := runes[n]
		if !unicode.Is(unicode.Hiragana, next) {
			continue // a conjugation is in hiragana
		}
		stem := string(runes[:n])
		for _, e := range endings {
			if !strings.ContainsRune(continuations[e], next) {
				continue
			}
			w := stem + string(e)
			if rest, ok := lookup(japaneseTable, w); ok {
				return w, strings.Split(rest, "|"), len(stem)
			}
		}
	}
	return "", nil, 0
}
