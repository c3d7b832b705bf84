package lang

import (
	"strings"
	"unicode/utf8"
)

// Japanese writes a Korean person's name by its sound, in katakana: 김연아
// is キム・ヨナ, 송강호 ソン・ガンホ, 배두나 ペ・ドゥナ, 박지성 パク・チソン.
// Japanese has fewer sounds than Korean (no ㅓ apart from ㅗ, no ㅐ apart
// from ㅔ, no final consonants but ン and what a small ッ doubles), so a
// katakana name may be one of several Hangul ones; KatakanaHangul gives
// them all and the corpus, or the table of surnames, decides.

// kanaOnset holds, for the consonant Japanese writes, the Korean initials
// it renders: Japanese voices a Korean initial inside a word (강 of 송강호
// is ガン) and writes ㅂ at the start of a name as パ (박, パク).
var kanaOnset = map[string][]int{
	"": {11}, "k": {0, 15}, "g": {0}, "s": {9, 10}, "z": {12}, "j": {12}, "t": {3, 16}, "d": {3},
	"ch": {14, 12}, "ts": {13}, "n": {2}, "h": {18}, "b": {7}, "p": {7, 17}, "m": {6}, "r": {5}, "sh": {9},
}

// kanaVowel holds, for the vowel Japanese writes, the Korean vowels (by
// medial index) it renders.
var kanaVowel = map[string][]int{
	"a": {0}, "i": {20}, "u": {13, 18}, "e": {5, 1}, "o": {8, 4},
	"ya": {2}, "yu": {17}, "yo": {12, 6}, "wa": {9}, "wo": {14}, "wi": {16, 19}, "we": {15, 10},
}

// kanaCoda holds, for a kana that may close the syllable before it, the
// Korean finals (by final index) it renders: ン is ㄴ, ㅇ or ㅁ; ム ㅁ
// (김, キム); ク ㄱ (박, パク); ル ㄹ (철, チョル); プ ㅂ (합, ハプ); ッ
// what the next consonant doubles.
var kanaCoda = map[rune][]int{
	'ン': {4, 21, 16}, 'ム': {16}, 'ク': {1}, 'ル': {8}, 'プ': {17}, 'ッ': {1, 19, 17},
}

// kanaMora reads one mora of katakana at the start of s: its consonant,
// its vowel and its length in bytes; ok is false for a kana it does not
// read as a Korean syllable.
func kanaMora(s string) (cons, vowel string, n int, ok bool) {
	r, size := utf8.DecodeRuneInString(s)
	base, found := kanaSounds[r]
	if !found {
		return "", "", 0, false
	}
	cons, vowel = base[0], base[1]
	n = size
	if small, sz := utf8.DecodeRuneInString(s[size:]); sz > 0 {
		switch small {
		case 'ャ', 'ュ', 'ョ':
			v := map[rune]string{'ャ': "a", 'ュ': "u", 'ョ': "o"}[small]
			switch cons {
			case "sh", "ch", "j":
				vowel = v
			default:
				vowel = "y" + v
			}
			n += sz
		case 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ':
			v := map[rune]string{'ァ': "a", 'ィ': "i", 'ゥ': "u", 'ェ': "e", 'ォ': "o"}[small]
			switch {
			case r == 'ウ':
				cons, vowel = "", "w"+v
			case r == 'フ' && v != "u":
				vowel = "w" + v // ファン: 환
			case r == 'ト' || r == 'ド' || r == 'テ' || r == 'デ':
				vowel = v // トゥ, ドゥ, ティ: the consonant with another vowel
			default:
				vowel = v
			}
			n += sz
		}
	}
	if _, ok := kanaVowel[vowel]; !ok {
		return "", "", 0, false
	}
	return cons, vowel, n, true
}

// kanaSounds is the consonant and vowel of each katakana.
var kanaSounds = func() map[rune][2]string {
	rows := []struct {
		cons string
		kana string
	}{
		{"", "アイウエオ"}, {"k", "カキクケコ"}, {"g", "ガギグゲゴ"}, {"s", "サシスセソ"}, {"z", "ザジズゼゾ"},
		{"t", "タチツテト"}, {"d", "ダヂヅデド"}, {"n", "ナニヌネノ"}, {"h", "ハヒフヘホ"}, {"b", "バビブベボ"},
		{"p", "パピプペポ"}, {"m", "マミムメモ"}, {"r", "ラリルレロ"},
	}
	vowels := []string{"a", "i", "u", "e", "o"}
	out := map[rune][2]string{'ヤ': {"", "ya"}, 'ユ': {"", "yu"}, 'ヨ': {"", "yo"}, 'ワ': {"", "wa"}, 'ヲ': {"", "o"}}
	for _, row := range rows {
		for i, r := range []rune(row.kana) {
			out[r] = [2]string{row.cons, vowels[i]}
		}
	}
	// The kana whose consonant is another before i or u.
	out['シ'] = [2]string{"sh", "i"}
	out['ジ'] = [2]string{"j", "i"}
	out['チ'] = [2]string{"ch", "i"}
	out['ヂ'] = [2]string{"j", "i"}
	out['ツ'] = [2]string{"ts", "u"}
	out['ズ'] = [2]string{"j", "u"}
	return out
}()

// maxKanaHangul bounds the Hangul readings of one katakana word, and
// maxKanaSteps the syllables tried for them.
const (
	maxKanaHangul = 512
	maxKanaSteps  = 4096
)

// KatakanaHangul returns the Hangul words a katakana word may write by
// sound, as Japanese writes a Korean name (キム・ヨナ: 김여나, 김요나 ...;
// ソンガンホ: 송강호 among others), or nil when it is not all katakana
// that reads so. The middle dot and long-vowel mark are skipped.
func KatakanaHangul(word string) []string {
	word = strings.NewReplacer("・", "", "ー", "", "･", "").Replace(word)
	if word == "" || utf8.RuneCountInString(word) > 12 {
		return nil
	}
	for _, r := range word {
		if _, ok := kanaSounds[r]; !ok && !strings.ContainsRune("ャュョァィゥェォンッ", r) {
			return nil
		}
	}
	var out []string
	steps := 0 // a word that reads only in part would be walked in full
	var walk func(rest string, acc []rune)
	walk = func(rest string, acc []rune) {
		if steps++; len(out) >= maxKanaHangul || steps > maxKanaSteps {
			return
		}
		if rest == "" {
			if len(acc) > 0 {
				out = append(out, string(acc))
			}
			return
		}
		cons, vowel, n, ok := kanaMora(rest)
		if !ok {
			return
		}
		after := rest[n:]
		// The finals the next kana may be: none, or one of kanaCoda's,
		// which then is no syllable of its own.
		type closing struct {
			fin  int
			rest string
		}
		closings := []closing{{0, after}}
		if r, size := utf8.DecodeRuneInString(after); size > 0 {
			for _, fin := range kanaCoda[r] {
				closings = append(closings, closing{fin, after[size:]})
			}
		}
		onsets := kanaOnset[cons]
		if vowel[0] == 'y' || vowel[0] == 'w' {
			if cons == "" {
				onsets = []int{11}
			}
		}
		for _, ini := range onsets {
			for _, med := range kanaVowel[vowel] {
				for _, c := range closings {
					syl := rune(hangulBase + (ini*numMedials+med)*numFinals + c.fin)
					walk(c.rest, append(acc, syl))
				}
			}
		}
	}
	walk(word, nil)
	return out
}
