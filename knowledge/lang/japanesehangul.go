package lang

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Korean writes a Japanese name by its sound, by the rules of the National
// Institute of the Korean Language for Japanese (일본어 표기법): 九州,
// キュウシュウ, is 규슈; 熊本 구마모토; 福岡 후쿠오카; 静岡 시즈오카; 札幌 삿포로.
// A voiceless k, t or ch opening the word is written plain (ㄱ, ㄷ, ㅈ) and
// aspirated inside it (ㅋ, ㅌ, ㅊ: 다케오 for タケオ), long vowels are not
// written (도쿄, not 도우쿄우), ン closes the syllable before it with ㄴ and
// ッ with ㅅ. The press and members also write the opening consonant
// aspirated (큐슈) and ツ as 츠: JapaneseHangul gives those spellings too.

// kanaHangul holds, for each mora of katakana, its Hangul syllable opening
// a word and inside it; one syllable when they are the same.
var kanaHangul = func() map[string][2]string {
	m := map[string][2]string{}
	rows := []struct{ kana, first, inner string }{
		{"アイウエオ", "아이우에오", ""},
		{"カキクケコ", "가기구게고", "카키쿠케코"}, {"ガギグゲゴ", "가기구게고", ""},
		{"サシスセソ", "사시스세소", ""}, {"ザジズゼゾ", "자지즈제조", ""},
		{"タチツテト", "다지쓰데도", "타치쓰테토"}, {"ダヂヅデド", "다지즈데도", ""},
		{"ナニヌネノ", "나니누네노", ""}, {"ハヒフヘホ", "하히후헤호", ""},
		{"バビブベボ", "바비부베보", ""}, {"パピプペポ", "파피푸페포", ""},
		{"マミムメモ", "마미무메모", ""}, {"ヤユヨ", "야유요", ""},
		{"ラリルレロ", "라리루레로", ""}, {"ワヲ", "와오", ""},
		{"キャキュキョ", "갸규교", "캬큐쿄"}, {"ギャギュギョ", "갸규교", ""},
		{"シャシュショ", "샤슈쇼", ""}, {"ジャジュジョ", "자주조", ""},
		{"チャチュチョ", "자주조", "차추초"}, {"ニャニュニョ", "냐뉴뇨", ""},
		{"ヒャヒュヒョ", "햐휴효", ""}, {"ビャビュビョ", "뱌뷰뵤", ""},
		{"ピャピュピョ", "퍄퓨표", ""}, {"ミャミュミョ", "먀뮤묘", ""},
		{"リャリュリョ", "랴류료", ""},
	}
	for _, row := range rows {
		kana, first, inner := []rune(row.kana), []rune(row.first), []rune(row.inner)
		step := len(kana) / len(first) // 1, or 2 for the moras written with a small kana
		for i := range first {
			k := string(kana[i*step : (i+1)*step])
			s := [2]string{string(first[i]), string(first[i])}
			if len(inner) > 0 {
				s[1] = string(inner[i])
			}
			m[k] = s
		}
	}
	return m
}()

// JapaneseHangul returns the Hangul spellings of a Japanese word read in
// katakana or hiragana (キュウシュウ: 규슈 and 큐슈), the standard one
// first, or nil when it holds a kana it does not read or is longer than a
// name.
func JapaneseHangul(kana string) []string {
	runes := []rune(kana)
	if len(runes) == 0 || len(runes) > 16 {
		return nil
	}
	for i, r := range runes {
		if r >= 'ぁ' && r <= 'ゖ' {
			runes[i] = r + ('ァ' - 'ぁ')
		}
	}
	type mora struct {
		syl   [2]string
		vowel byte // the mora's vowel: a long vowel after it is not written
		fin   int  // the final ン or ッ gives it
	}
	var ms []mora
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch r {
		case 'ー', '・':
			continue
		case 'ン', 'ッ':
			if len(ms) > 0 && ms[len(ms)-1].fin == 0 {
				ms[len(ms)-1].fin = 4 // ㄴ
				if r == 'ッ' {
					ms[len(ms)-1].fin = 19 // ㅅ
				}
			}
			continue
		}
		k := string(r)
		if i+1 < len(runes) {
			if s, ok := kanaHangul[string(runes[i:i+2])]; ok {
				ms = append(ms, mora{syl: s, vowel: vowelOf(runes[i+1])})
				i++
				continue
			}
		}
		s, ok := kanaHangul[k]
		if !ok {
			return nil
		}
		v := vowelOf(r)
		if len(ms) > 0 && ms[len(ms)-1].fin == 0 {
			// A long vowel: ウ after o or u (トウキョウ, キュウ), オ after o
			// (オオサカ).
			prev := ms[len(ms)-1].vowel
			if r == 'ウ' && (prev == 'o' || prev == 'u') || r == 'オ' && prev == 'o' {
				continue
			}
		}
		ms = append(ms, mora{syl: s, vowel: v})
	}
	if len(ms) == 0 {
		return nil
	}
	spell := func(aspirated, tsu bool) string {
		var b strings.Builder
		for i, m := range ms {
			s := m.syl[0]
			if i > 0 || aspirated {
				s = m.syl[1]
			}
			if tsu && s == "쓰" {
				s = "츠"
			}
			if m.fin != 0 {
				r, _ := utf8.DecodeRuneInString(s)
				ini, med, _, _ := syllable(r)
				s = string(compose(ini, med, m.fin))
			}
			b.WriteString(s)
		}
		return b.String()
	}
	var out []string
	for _, v := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
		if s := spell(v[0], v[1]); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// vowelOf is the vowel a kana ends with, as a Latin letter (see
// kanaSounds); 0 for one without (ン, ッ).
func vowelOf(r rune) byte {
	if s, ok := kanaSounds[r]; ok {
		return s[1][len(s[1])-1]
	}
	if v, ok := kanaSmallY[r]; ok {
		return v[0]
	}
	if v, ok := kanaSmallVowels[r]; ok {
		return v[0]
	}
	return 0
}
