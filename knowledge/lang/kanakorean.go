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
// medial index) it renders: e is ㅔ, ㅐ, and after a consonant ㅚ and ㅖ
// too (최, チェ; 혜, ヘ), i is ㅣ and ㅢ (희, ヒ).
var kanaVowel = map[string][]int{
	"a": {0}, "i": {20, 19}, "u": {13, 18}, "e": {5, 1, 11, 7}, "o": {8, 4},
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
	small, sz := utf8.DecodeRuneInString(s[size:])
	if v, ok := kanaSmallY[small]; ok {
		vowel = "y" + v
		if cons == "sh" || cons == "ch" || cons == "j" {
			vowel = v // シャ, チョ, ジュ: the y is the consonant's
		}
		n += sz
	} else if v, ok := kanaSmallVowels[small]; ok {
		switch {
		case r == 'ウ':
			cons, vowel = "", "w"+v
		case r == 'フ' && v != "u":
			vowel = "w" + v // ファン: 환
		default:
			vowel = v // トゥ, ティ, チェ: the consonant with another vowel
		}
		n += sz
	}
	if _, ok := kanaVowel[vowel]; !ok {
		return "", "", 0, false
	}
	return cons, vowel, n, true
}

// kanaSmallY are the small kana that make a y sound of the kana before them
// (キャ, ヒョ), and kanaSmallVowels those that replace its vowel (ウォ, ティ,
// ファ), with the vowels they write.
var (
	kanaSmallY      = map[rune]string{'ャ': "a", 'ュ': "u", 'ョ': "o"}
	kanaSmallVowels = map[rune]string{'ァ': "a", 'ィ': "i", 'ゥ': "u", 'ェ': "e", 'ォ': "o"}
)

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
	maxKanaHangul = 1024
	maxKanaSteps  = 8192
)

// nameMarks are the middle dots and the long-vowel mark, which katakana
// writes and Hangul does not.
var nameMarks = strings.NewReplacer("・", "", "ー", "", "･", "")

// KatakanaHangul returns the Hangul words a katakana word may write by
// sound, as Japanese writes a Korean name (キム・ヨナ: 김여나, 김요나 ...;
// ソンガンホ: 송강호 among others), or nil when it is not all katakana
// that reads so. The middle dot and long-vowel mark are skipped.
func KatakanaHangul(word string) []string {
	word = nameMarks.Replace(word)
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
		for _, ini := range kanaOnset[cons] {
			for _, med := range kanaVowel[vowel] {
				for _, c := range closings {
					walk(c.rest, append(acc, compose(ini, med, c.fin)))
				}
			}
		}
	}
	walk(word, nil)
	return out
}

// The other way, HangulKatakana writes a Korean name in katakana as
// Japanese news does: 성진우 is ソン・ジヌ, 차해인 チャ・ヘイン, 박근혜 パク・クネ.

// kanaRows holds, for a Korean initial (by index), the consonants of the
// kana rows Japanese writes it with: at the start of a name first, then
// inside it, where Japanese hears a plain stop voiced (강 of 송강호: ガン;
// 진 of 성진우: ジ).
var kanaRows = [19][2]string{
	{"k", "g"}, {"k", "k"}, {"n", "n"}, {"t", "d"}, {"t", "t"}, {"r", "r"}, {"m", "m"}, {"p", "b"}, {"p", "p"},
	{"s", "s"}, {"s", "s"}, {"", ""}, {"ch", "j"}, {"ch", "ch"}, {"ch", "ch"}, {"k", "k"}, {"t", "t"}, {"p", "p"}, {"h", "h"},
}

// kanaVowels holds, for a Korean vowel (by medial index), the vowel
// Japanese writes.
var kanaVowels = [21]string{"a", "e", "ya", "ye", "o", "e", "yo", "ye", "o", "wa", "we", "we", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"}

// afterConsonantVowels are the vowels Korean says plainer after a
// consonant, as Japanese writes them: 혜 as 헤 (ヘ), 희 as 히 (ヒ), 최 as
// 체 (チェ).
var afterConsonantVowels = map[string]string{"ye": "e", "ui": "i", "we": "e"}

// liaison holds, for a Korean final (ㄴ, ㄹ, ㅁ, ㄱ by index), the
// initial it is sounded as at the start of the next syllable.
var liaison = map[int]int{4: 2, 8: 5, 16: 6, 1: 0}

// kanaFinals holds, for a Korean final (by index), the kana Japanese
// closes the syllable with: ン for ㄴ and ㅇ, ム, ク, ル, プ, and ッ for the
// stops it doubles.
var kanaFinals = [28]string{"", "ク", "ク", "ク", "ン", "ン", "ン", "ッ", "ル", "ク", "ム", "ル", "ル", "ル", "プ", "ル", "ム", "プ", "プ", "ッ", "ッ", "ン", "ッ", "ッ", "ク", "ッ", "プ", "ッ"}

// kanaTable spells a consonant and a vowel in katakana.
var kanaTable = func() map[string]string {
	m := map[string]string{}
	rows := map[string]string{"": "アイウエオ", "k": "カキクケコ", "g": "ガギグゲゴ", "s": "サシスセソ", "t": "タチツテト", "d": "ダヂヅデド",
		"n": "ナニヌネノ", "h": "ハヒフヘホ", "b": "バビブベボ", "p": "パピプペポ", "m": "マミムメモ", "r": "ラリルレロ"}
	for c, kana := range rows {
		for i, r := range []rune(kana) {
			m[c+string("aiueo"[i])] = string(r)
		}
	}
	for c, base := range map[string]string{"k": "キ", "g": "ギ", "s": "シ", "n": "ニ", "h": "ヒ", "b": "ビ", "p": "ピ", "m": "ミ", "r": "リ", "ch": "チ", "j": "ジ"} {
		m[c+"ya"], m[c+"yu"], m[c+"yo"], m[c+"ye"] = base+"ャ", base+"ュ", base+"ョ", base+"ェ"
	}
	for _, c := range []string{"ch", "j"} {
		base := map[string]string{"ch": "チ", "j": "ジ"}[c]
		m[c+"a"], m[c+"i"], m[c+"u"], m[c+"e"], m[c+"o"] = base+"ャ", base, base+"ュ", base+"ェ", base+"ョ"
	}
	m["ti"], m["tu"], m["di"], m["du"], m["si"] = "ティ", "トゥ", "ディ", "ドゥ", "シ"
	m["ya"], m["yu"], m["yo"], m["ye"] = "ヤ", "ユ", "ヨ", "イェ"
	m["wa"], m["wo"], m["we"], m["wi"], m["ui"] = "ワ", "ウォ", "ウェ", "ウィ", "ウィ"
	for c, base := range map[string]string{"k": "ク", "g": "グ", "h": "フ", "s": "ス", "ch": "チュ", "j": "ジュ", "t": "トゥ", "d": "ドゥ", "n": "ヌ", "m": "ム", "r": "ル", "b": "ブ", "p": "プ"} {
		small := map[string]string{"a": "ァ", "e": "ェ", "o": "ォ", "i": "ィ"}
		for v, sm := range small {
			m[c+"w"+v] = base + sm
		}
		m[c+"ui"] = base + "ィ"
	}
	m["hwa"] = "ファ"
	return m
}()

// HangulKatakana returns the katakana a Korean name of Hangul syllables
// is written with in Japanese news, surname and given name apart by a
// middle dot when it reads as a name (see KoreanName), or nil. A final
// ㄴ, ㄹ or ㄱ before a syllable without an initial is sounded as its
// initial (진우, ジヌ), as Japanese hears it.
func HangulKatakana(word string) []string {
	syls := []rune(word)
	if len(syls) < 2 || len(syls) > 4 {
		return nil
	}
	type jamo struct{ ini, med, fin int }
	js := make([]jamo, len(syls))
	for i, r := range syls {
		ini, med, fin, ok := syllable(r)
		if !ok {
			return nil
		}
		js[i] = jamo{ini, med, fin}
	}
	// Liaison: a final sounded as the next syllable's initial, as
	// Japanese hears it: ㄴ, ㄹ and ㄱ before a silent initial (진우: ジヌ),
	// ㄴ, ㄹ and ㅁ before ㅎ, which Korean drops there (준호: ジュノ;
	// 근혜: クネ); not from a surname to its given name, which Japanese
	// writes apart (문은희: ムン・ウニ).
	_, _, name := KoreanName(word)
	for i := 0; i+1 < len(js); i++ {
		if i == 0 && name {
			continue
		}
		ini, ok := liaison[js[i].fin]
		if ok && (js[i+1].ini == 11 && js[i].fin != 16 || js[i+1].ini == 18 && js[i].fin != 1) {
			js[i].fin, js[i+1].ini = 0, ini
		}
	}
	// Each syllable's kana, then the name's: surname and given name
	// apart by a middle dot, as Japanese news writes a Korean name, and
	// together, as chat does.
	dot := ""
	if name {
		dot = "・"
	}
	// A stop after a stop is not voiced (박근혜: パク・クネ; 박정희: パク・
	// チョンヒ), but news writes some such names voiced all the same (박진영:
	// パク・ジニョン as often as パク・チニョン): both are given.
	var out []string
	for _, voiced := range []bool{false, true} {
		unvoiced := false
		var b strings.Builder
		for i, j := range js {
			c := kanaRows[j.ini][min(i, 1)]
			if i > 0 {
				switch kanaFinals[js[i-1].fin] {
				case "ク", "ッ", "プ":
					if !voiced {
						unvoiced = unvoiced || c != kanaRows[j.ini][0]
						c = kanaRows[j.ini][0]
					}
				}
			}
			v := kanaVowels[j.med]
			if plain, ok := afterConsonantVowels[v]; ok && c != "" {
				v = plain
			}
			k, ok := kanaTable[c+v]
			if !ok {
				return nil
			}
			if i == 1 {
				b.WriteString(dot)
			}
			b.WriteString(k + kanaFinals[j.fin])
		}
		kana := b.String()
		out = append(out, kana)
		if dot != "" {
			out = append(out, strings.ReplaceAll(kana, dot, ""))
		}
		if !unvoiced {
			break // no stop was unvoiced: the voiced spelling is the same
		}
	}
	return out
}
