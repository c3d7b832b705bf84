package lang

import "strings"

// An English article writes Korean and Japanese names in Latin letters
// (Dokdo, Takeshima, Ishiba), and a Korean or Japanese member writes them
// in Hangul or katakana (독도, 다케시마, イシバ). Romanizing the member's
// spelling finds the article's, where no lexicon lists the name: the
// Revised Romanization of Korean for Korean names, and for Japanese names
// written in Hangul the sounds Korean uses for Japanese ones (시 for shi,
// 쓰 for tsu, a voiced first consonant for a voiceless one: 다케시마 is
// Takeshima); Hepburn for katakana.

// Hangul syllables are composed of an initial consonant, a vowel and an
// optional final consonant (Unicode 3.12, "Conjoining Jamo Behavior").
const (
	hangulBase  = 0xAC00
	hangulLast  = 0xD7A3
	numMedials  = 21
	numFinals   = 28
	initialNone = 11 // ㅇ: no sound as an initial
)

var (
	rrInitials = [...]string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	rrMedials  = [...]string{"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"}
	rrFinals   = [...]string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}
)

// jamo indexes of the sounds the Japanese readings of Hangul treat apart.
const (
	jS, jSS, jJ, jCh, jH, jD, jG, jB     = 9, 10, 12, 14, 18, 3, 0, 7
	vEu, vI, vU, vYo, vYa, vYu, vEo, vAe = 18, 20, 13, 12, 2, 17, 4, 1
	finalL, finalN                       = 8, 4
	initialR                             = 5
)

// RomanizeKorean returns Latin spellings of a Hangul word: its Revised
// Romanization ("dokdo" for 독도), and the spelling of a Japanese name
// written in Hangul ("takeshima" for 다케시마), or nothing when the word
// has no Hangul syllables.
func RomanizeKorean(word string) []string {
	ja := japaneseReading(word, true)
	if ja == "" {
		return nil
	}
	out := []string{revised(word, false)}
	if ja != out[0] {
		out = append(out, ja)
	}
	return out
}

// RomanizeJapaneseVoiced returns the spelling of a Japanese name written
// in Hangul read with a voiced first sound, or "" when it is the reading
// RomanizeKorean gives. Korean writes a Japanese word's first t or k as ㄷ
// or ㄱ (다나카, Tanaka), and its first d or g the same way (다이스케,
// Daisuke): a word that starts so has both readings.
func RomanizeJapaneseVoiced(word string) string {
	if voiced := japaneseReading(word, false); voiced != japaneseReading(word, true) {
		return voiced
	}
	return ""
}

// japaneseReading reads the Hangul syllables of word as Korean writes
// Japanese sounds (see japaneseSyllable), its first sound voiceless when
// devoice is set; "" when it has none.
func japaneseReading(word string, devoice bool) string {
	var b strings.Builder
	for i, r := range word {
		if ini, med, fin, ok := syllable(r); ok {
			b.WriteString(japaneseSyllable(ini, med, devoice && i == 0) + rrFinals[fin])
		}
	}
	return b.String()
}

// syllable splits a Hangul syllable into the indexes of its initial,
// medial and final jamo; ok is false for any other rune.
func syllable(r rune) (ini, med, fin int, ok bool) {
	if r < hangulBase || r > hangulLast {
		return 0, 0, 0, false
	}
	s := int(r - hangulBase)
	return s / (numMedials * numFinals), s % (numMedials * numFinals) / numFinals, s % numFinals, true
}

// linkedFinals are the finals as the Revised Romanization writes them
// before a syllable without an initial sound, where they are sounded as
// its initial (법원: beobwon, 합의: habui).
var linkedFinals = [...]string{"", "g", "kk", "ks", "n", "nj", "n", "d", "r", "lg", "lm", "lb", "ls", "lt", "lp", "r", "m", "b", "ps", "s", "ss", "ng", "j", "ch", "k", "t", "p", ""}

// RomanizeKoreanLinked returns the Revised Romanization of a Hangul word
// with a final consonant carried over to a following syllable that has no
// initial sound (대법원: daebeobwon, where RomanizeKorean gives daebeopwon),
// as the standard and many members write it; the other sound changes are
// not applied. It returns "" when the word has no Hangul syllables.
func RomanizeKoreanLinked(word string) string { return revised(word, true) }

// revised is the Revised Romanization of the Hangul syllables of word,
// letter by letter but for ㄹ after ㄹ or ㄴ, read "l" (울릉도, Ulleungdo),
// and, when linked, finals before a syllable without an initial sound.
func revised(word string, linked bool) string {
	var b strings.Builder
	runes := []rune(word)
	for i, r := range runes {
		ini, med, fin, ok := syllable(r)
		if !ok {
			continue
		}
		in := rrInitials[ini]
		if ini == initialR && i > 0 && (prevFinal(runes[i-1]) == finalL || prevFinal(runes[i-1]) == finalN) {
			in = "l"
		}
		f := rrFinals[fin]
		if linked && i+1 < len(runes) {
			if next, _, _, ok := syllable(runes[i+1]); ok && next == initialNone {
				f = linkedFinals[fin]
			}
		}
		b.WriteString(in + rrMedials[med] + f)
	}
	return b.String()
}

// prevFinal returns the final consonant of a Hangul syllable, or 0.
func prevFinal(r rune) int {
	_, _, fin, _ := syllable(r)
	return fin
}

// japaneseSyllable reads a Hangul syllable as Korean writes Japanese
// sounds: 시 shi, 쓰 tsu, 지 ji, 치 chi, 후 fu, 으 u; word-initial 다, 가,
// 바, 자 are Japanese ta, ka, pa... only for ta and ka, which Korean writes
// voiced because its voiceless letters sound aspirated.
func japaneseSyllable(ini, med int, first bool) string {
	switch {
	case ini == jS && med == vI:
		return "shi"
	case ini == jS && med == vYo:
		return "sho"
	case ini == jS && med == vYa:
		return "sha"
	case ini == jS && med == vYu:
		return "shu"
	case (ini == jSS || ini == jCh) && med == vEu:
		return "tsu"
	case ini == jJ && med == vI:
		return "ji"
	case ini == jCh && med == vI:
		return "chi"
	case ini == jH && med == vU:
		return "fu"
	}
	in, v := rrInitials[ini], rrMedials[med]
	switch med {
	case vEu:
		v = "u"
	case vEo:
		v = "o"
	case vAe:
		v = "e"
	}
	if first {
		switch ini {
		case jD:
			in = "t"
		case jG:
			in = "k"
		}
	}
	switch ini {
	case jSS:
		in = "s"
	case jJ:
		in = "z"
		if med != vEu && med != vU {
			in = "j"
		}
	}
	return in + v
}

// RomanizeKana returns the Hepburn spelling of a word in katakana or
// hiragana ("yasukuni" for ヤスクニ), or "" when it has other characters.
// Long-vowel marks are dropped, as English spellings of names drop them
// (トーキョー, Tokyo).
func RomanizeKana(word string) string {
	runes := []rune(word)
	var b strings.Builder
	double := false
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if r >= 'ァ' && r <= 'ヶ' {
			r -= 'ァ' - 'ぁ' // katakana to hiragana: the sounds are the same
		}
		if r == 'ー' || r == '・' {
			continue
		}
		if r == 'っ' {
			double = true
			continue
		}
		syl, ok := kana[r]
		if !ok {
			return ""
		}
		// A small ya, yu, yo joins the syllable before: き+ょ is kyo.
		if i+1 < len(runes) {
			next := runes[i+1]
			if next >= 'ァ' && next <= 'ヶ' {
				next -= 'ァ' - 'ぁ'
			}
			if y, ok := smallY[next]; ok && strings.HasSuffix(syl, "i") {
				base := strings.TrimSuffix(syl, "i")
				switch base {
				case "sh", "ch", "j":
					syl = base + y[1:]
				default:
					syl = base + y
				}
				i++
			}
		}
		if double && syl != "" {
			if strings.HasPrefix(syl, "ch") {
				b.WriteByte('t')
			} else {
				b.WriteByte(syl[0])
			}
		}
		double = false
		b.WriteString(syl)
	}
	return b.String()
}

var smallY = map[rune]string{'ゃ': "ya", 'ゅ': "yu", 'ょ': "yo"}

var kana = map[rune]string{
	'あ': "a", 'い': "i", 'う': "u", 'え': "e", 'お': "o",
	'か': "ka", 'き': "ki", 'く': "ku", 'け': "ke", 'こ': "ko",
	'が': "ga", 'ぎ': "gi", 'ぐ': "gu", 'げ': "ge", 'ご': "go",
	'さ': "sa", 'し': "shi", 'す': "su", 'せ': "se", 'そ': "so",
	'ざ': "za", 'じ': "ji", 'ず': "zu", 'ぜ': "ze", 'ぞ': "zo",
	'た': "ta", 'ち': "chi", 'つ': "tsu", 'て': "te", 'と': "to",
	'だ': "da", 'ぢ': "ji", 'づ': "zu", 'で': "de", 'ど': "do",
	'な': "na", 'に': "ni", 'ぬ': "nu", 'ね': "ne", 'の': "no",
	'は': "ha", 'ひ': "hi", 'ふ': "fu", 'へ': "he", 'ほ': "ho",
	'ば': "ba", 'び': "bi", 'ぶ': "bu", 'べ': "be", 'ぼ': "bo",
	'ぱ': "pa", 'ぴ': "pi", 'ぷ': "pu", 'ぺ': "pe", 'ぽ': "po",
	'ま': "ma", 'み': "mi", 'む': "mu", 'め': "me", 'も': "mo",
	'や': "ya", 'ゆ': "yu", 'よ': "yo",
	'ら': "ra", 'り': "ri", 'る': "ru", 'れ': "re", 'ろ': "ro",
	'わ': "wa", 'ゐ': "i", 'ゑ': "e", 'を': "o", 'ん': "n", 'ゔ': "vu",
	'ぁ': "a", 'ぃ': "i", 'ぅ': "u", 'ぇ': "e", 'ぉ': "o", 'ゃ': "ya", 'ゅ': "yu", 'ょ': "yo",
}

// LoanwordLike reports whether a Hangul word looks borrowed: it has a
// syllable of a consonant and ㅡ alone (트, 스, 프, 르), the vowel Korean
// puts after a consonant that ends an English syllable (트리엔날레,
// Triennale; 유네스코, UNESCO), which its own words seldom have.
func LoanwordLike(word string) bool {
	for _, r := range word {
		if ini, med, fin, ok := syllable(r); ok && med == vEu && fin == 0 && ini != initialNone {
			return true
		}
	}
	return false
}

// WithoutDoubling takes out the final ㅅ that Korean writes in a borrowed
// word before a consonant, where Japanese doubles it (롯데, ロッテ, Lotte;
// 다르빗슈, ダルビッシュ, Darvish): it is no sound of its own, but makes
// the consonant after it voiceless (롯데's ㄷ is the t of ロッテ).
func WithoutDoubling(word string) string {
	const finalS = 19
	voiceless := map[int]int{0: 15, 3: 16, 7: 17, 12: 14} // ㄱ ㄷ ㅂ ㅈ: ㅋ ㅌ ㅍ ㅊ
	runes := []rune(word)
	for i := 0; i+1 < len(runes); i++ {
		ini, med, fin, ok := syllable(runes[i])
		nextIni, nextMed, nextFin, nextOK := syllable(runes[i+1])
		if !ok || !nextOK || fin != finalS || nextIni == initialNone {
			continue
		}
		runes[i] = compose(ini, med, 0)
		if v, ok := voiceless[nextIni]; ok {
			runes[i+1] = compose(v, nextMed, nextFin)
		}
	}
	return string(runes)
}

// compose is the Hangul syllable of an initial, a medial and a final,
// the inverse of syllable.
func compose(ini, med, fin int) rune {
	return hangulBase + rune((ini*numMedials+med)*numFinals+fin)
}

// LoanwordSpelling reports whether a word is all Hangul spelt as Korean
// writes borrowed words (외래어 표기법): no tense consonants (ㄲ, ㄸ, ㅃ,
// ㅆ, ㅉ) but the 쓰 of Japanese つ, no ㅚ or ㅢ, no final but ㄱ, ㄴ, ㄹ,
// ㅁ, ㅂ, ㅅ and ㅇ, and no final but ㅇ before a syllable without an initial sound (a borrowed word
// is written as it is heard, the consonant opening the next syllable:
// 글로벌, not 글롭얼; 싱어, since ㅇ opens none). Most Korean verbs and their endings fail it (되는거,
// 했다, 없어, 팔아), and so does a noun with its particle (만에), which a
// match by sound with a foreign word must not take for one.
func LoanwordSpelling(word string) bool {
	if word == "" {
		return false
	}
	final := false // the syllable before has a final
	for _, r := range word {
		ini, med, fin, ok := syllable(r)
		if !ok {
			return false
		}
		if final && ini == initialNone {
			return false
		}
		final = fin != 0 && fin != 21 // ㅇ cannot open a syllable: 싱어, singer
		switch {
		case ini == 10 && med == 18 && fin == 0:
			// 쓰, which the rules write for Japanese つ (쓰시마, ツシマ).
		case ini == 1 || ini == 4 || ini == 8 || ini == 10 || ini == 13: // ㄲ ㄸ ㅃ ㅆ ㅉ
			return false
		}
		if med == 11 || med == 19 { // ㅚ ㅢ
			return false
		}
		switch fin {
		case 0, 1, 4, 8, 16, 17, 19, 21: // none ㄱ ㄴ ㄹ ㅁ ㅂ ㅅ ㅇ
		default:
			return false
		}
	}
	return true
}
