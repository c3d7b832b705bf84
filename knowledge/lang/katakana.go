package lang

import (
	"slices"
	"strings"
	"sync"
)

// Japanese articles write foreign names and words in katakana, by ear:
// Lotte is ロッテ, Hyundai ヒュンダイ, Samsung サムスン. A member asks about
// them in Latin letters, which no dictionary of a Japanese article's new
// names lists; SpellKatakana writes a word the way Japanese would, so that
// the index can be asked whether a Japanese article holds it.

// maxKatakanaSpellings bounds the spellings SpellKatakana returns.
const maxKatakanaSpellings = 4

// SpellKatakana returns katakana spellings of a word in Latin letters,
// read as Hepburn romanization would be, with the sounds Japanese lacks
// replaced as it borrows them (l as r, v as b) and a vowel after a
// consonant that ends a syllable (u, or o after t and d): lotte is ロッテ;
// hyundai ヒュンダイ; darvish ダルビシュ. A long o (Ohtani, Satoh) is tried
// as オウ and as オー, a final e both sounded and silent. Nothing for a
// word with other characters or too short to tell (fewer than four
// letters).
func SpellKatakana(word string) []string {
	w := strings.ToLower(word)
	if len(w) < 4 {
		return nil
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return nil
		}
	}
	w = strings.NewReplacer("ph", "f", "ck", "k", "qu", "kw", "x", "ks", "l", "r", "v", "b", "th", "s").Replace(w)
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == 'c' {
			if i+1 < len(w) && strings.IndexByte("eiy", w[i+1]) >= 0 && (i == 0 || w[i-1] != 's') {
				b.WriteByte('s')
			} else if i+1 < len(w) && w[i+1] == 'h' {
				b.WriteByte('c')
			} else {
				b.WriteByte('k')
			}
			continue
		}
		b.WriteByte(w[i])
	}
	w = b.String()
	variants := []string{w}
	if strings.HasSuffix(w, "e") && len(w) > 4 && !isVowel(w[len(w)-2]) {
		variants = append(variants, w[:len(w)-1]) // a silent e (dome)
	}
	if short := strings.NewReplacer("ou", "o", "oo", "o", "oh", "o").Replace(w); short != w {
		variants = append(variants, short)
	}
	var out []string
	for _, v := range variants {
		k := katakanaOf(v, false)
		if k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
		if l := katakanaOf(v, true); l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
		if len(out) >= maxKatakanaSpellings {
			break
		}
	}
	return out[:min(len(out), maxKatakanaSpellings)]
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// syllableKana maps a Hepburn syllable to katakana, built once from the
// table RomanizeKana reads with.
var syllableKana = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for r, s := range kana {
		if strings.ContainsRune("ぁぃぅぇぉゃゅょゐゑをぢづゔ", r) {
			continue // small kana, old ones and the rare ji and zu are not how a syllable is written
		}
		m[s] = string(r + ('ァ' - 'ぁ'))
	}
	for s, k := range map[string]string{"kya": "キャ", "kyu": "キュ", "kyo": "キョ", "gya": "ギャ", "gyu": "ギュ", "gyo": "ギョ",
		"sha": "シャ", "shu": "シュ", "sho": "ショ", "she": "シェ", "ja": "ジャ", "ju": "ジュ", "jo": "ジョ", "je": "ジェ",
		"cha": "チャ", "chu": "チュ", "cho": "チョ", "che": "チェ", "nya": "ニャ", "nyu": "ニュ", "nyo": "ニョ",
		"hya": "ヒャ", "hyu": "ヒュ", "hyo": "ヒョ", "bya": "ビャ", "byu": "ビュ", "byo": "ビョ", "pya": "ピャ", "pyu": "ピュ", "pyo": "ピョ",
		"mya": "ミャ", "myu": "ミュ", "myo": "ミョ", "rya": "リャ", "ryu": "リュ", "ryo": "リョ",
		"fa": "ファ", "fi": "フィ", "fe": "フェ", "fo": "フォ", "fu": "フ", "wi": "ウィ", "we": "ウェ", "wo": "ウォ",
		"ti": "ティ", "di": "ディ", "tu": "トゥ", "du": "ドゥ", "si": "シ", "zi": "ジ", "ye": "イェ", "yi": "イ", "wu": "ウ",
		"ka": "カ", "ki": "キ", "ku": "ク", "ke": "ケ", "ko": "コ"} {
		m[s] = k
	}
	return m
})

// katakanaOf writes a romanized word in katakana, a long o as ー when
// long is set (ou, oo, oh) and as オウ, ウ otherwise; "" when a letter
// cannot be read.
func katakanaOf(w string, long bool) string {
	table := syllableKana()
	var b strings.Builder
	for i := 0; i < len(w); {
		c := w[i]
		// A consonant written twice is Japanese's doubled sound (tt: ッテ).
		if i+1 < len(w) && w[i+1] == c && !isVowel(c) && c != 'n' {
			b.WriteString("ッ")
			i++
			continue
		}
		// The longest syllable: three letters (sho, kya), then two, one.
		matched := false
		for n := 3; n >= 1 && !matched; n-- {
			if i+n > len(w) {
				continue
			}
			s := w[i : i+n]
			if !isVowel(s[len(s)-1]) {
				continue
			}
			k, ok := table[s]
			if !ok {
				continue
			}
			b.WriteString(k)
			i += n
			matched = true
			// A long o, as English spells it (Ohtani, Satoh, Kouno).
			if s[len(s)-1] == 'o' && i < len(w) && (w[i] == 'u' || w[i] == 'o' || w[i] == 'h' && (i+1 == len(w) || !isVowel(w[i+1]))) {
				if long {
					b.WriteString("ー")
				} else {
					b.WriteString("ウ")
				}
				i++
			}
		}
		if matched {
			continue
		}
		switch {
		case c == 'n' || c == 'm' && i+1 < len(w) && strings.IndexByte("bpm", w[i+1]) >= 0:
			b.WriteString("ン") // n before a consonant or at the end; m before b, p
			if c == 'n' && i+1 < len(w) && w[i+1] == 'g' && (i+2 == len(w) || !isVowel(w[i+2])) {
				i++ // ng: サムスン
			}
		case c == 'y' || c == 'h' || c == 'w':
			// a glide or breath with no vowel after it (Hanyu's y is
			// read with its vowel above): no sound of its own
		case c == 't' || c == 'd':
			b.WriteString(table[string(c)+"o"])
		case c == 's' && i+1 < len(w) && w[i+1] == 'h':
			b.WriteString("シュ")
			i++
		case c == 'c' && i+1 < len(w) && w[i+1] == 'h':
			b.WriteString("チ")
			i++
		case c == 'j':
			b.WriteString("ジ")
		default:
			k, ok := table[string(c)+"u"]
			if !ok {
				return ""
			}
			b.WriteString(k)
		}
		i++
	}
	return b.String()
}
