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

// adjectiveFirst is endings with い first, the order tried before a さ
// that no せ follows: a kanji stem and さ is the noun of an adjective's
// degree (重さ, "weight", of 重い; 高さ of 高い), where a verb in る takes
// さ only in its causative, させ (見させる).
var adjectiveFirst = "い" + strings.Replace(endings, "い", "", 1)

// maxStem bounds the stems tried, in characters.
const maxStem = 8

// Inflected finds the verb or adjective that Japanese text starts with
// in a conjugated form (祀られて: 祀る; 持ち込もう: 持ち込む; 命じられた:
// 命じる), or else the noun written with kana that it starts with (重みを:
// 重み), and returns its dictionary form, its English and the length in
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
	for n := min(len(runes), maxStem); n >= 1; n-- {
		if w, english, ok := nominal(runes, n); ok {
			return w, english, len(string(runes[:n]))
		}
		if n == len(runes) {
			continue
		}
		next := runes[n]
		if !unicode.Is(unicode.Hiragana, next) {
			continue // a conjugation is in hiragana
		}
		stem := string(runes[:n])
		order := endings
		if next == 'さ' && (n+1 == len(runes) || runes[n+1] != 'せ') {
			order = adjectiveFirst
		}
		for _, e := range order {
			if !strings.ContainsRune(continuations[e], next) {
				continue
			}
			w := stem + string(e)
			if rest, ok := lookup(japaneseTable, w); ok {
				return w, strings.Split(rest, "|"), len(stem)
			}
		}
	}
	// A noun written with kana in or after its kanji, which is no form
	// of a verb or an adjective (重み, "weight"; 見通し, "outlook"; 手続き,
	// "procedure"), before a particle, chat's って or the end.
	for n := min(len(runes), maxStem); n >= 2; n-- {
		if !unicode.Is(unicode.Hiragana, runes[n-1]) || n < len(runes) && !strings.ContainsRune(particles+"っ", runes[n]) {
			continue
		}
		noun := string(runes[:n])
		if rest, ok := lookup(kanaNounTable, noun); ok {
			return noun, strings.Split(rest, "|"), len(noun)
		}
	}
	return "", nil, 0
}

// particles are the hiragana that follow a noun: の, は, が, を, ….
const particles = "のはがをにでともへやか"

// uRow turns the i-row kana that ends a godan verb's stem into the
// u-row one of its dictionary form (話し合い: 話し合う).
var uRow = map[rune]rune{'い': 'う', 'き': 'く', 'ぎ': 'ぐ', 'し': 'す', 'ち': 'つ', 'に': 'ぬ', 'び': 'ぶ', 'み': 'む', 'り': 'る'}

// nominal reports whether runes[:n] is the noun form of a compound verb
// written with kana inside it (割り当て of 割り当てる, "allocation"; 話し合い
// of 話し合う, "talks"; 取り消し of 取り消す), standing before a particle
// or at the end of the text, and returns the verb and its English. News
// names acts by these nouns (見直し, 受け入れ, 引き上げ), which the
// dictionary lists under their verbs. A stem of kanji alone is a noun of
// its own (上 of 上は is not 上る).
func nominal(runes []rune, n int) (string, []string, bool) {
	last := runes[n-1]
	if n < 2 || !unicode.Is(unicode.Hiragana, last) || !unicode.Is(unicode.Han, runes[0]) {
		return "", nil, false
	}
	if n < len(runes) && !strings.ContainsRune(particles, runes[n]) {
		return "", nil, false
	}
	stem := string(runes[:n])
	candidates := []string{stem + "る"} // ichidan: 割り当て, 受け入れ
	if u, ok := uRow[last]; ok {
		candidates = append(candidates, string(runes[:n-1])+string(u)) // godan: 話し合い, 取り消し
	}
	for _, w := range candidates {
		if rest, ok := lookup(japaneseTable, w); ok {
			return w, strings.Split(rest, "|"), true
		}
	}
	return "", nil, false
}
