package lang

import (
	"slices"
	"testing"
)

func TestJapaneseHangul(t *testing.T) {
	for _, tc := range []struct {
		kana string
		want []string // the standard spelling first, then others given
	}{
		{"キュウシュウ", []string{"규슈", "큐슈"}}, // long vowels unwritten; k plain at the start
		{"クマモト", []string{"구마모토"}},       // aspirated inside the word
		{"フクオカ", []string{"후쿠오카"}},       // フ is 후
		{"シズオカ", []string{"시즈오카"}},       // ズ is 즈
		{"タケオ", []string{"다케오"}},         // t plain at the start
		{"トウキョウ", []string{"도쿄", "토쿄"}},  // ウ after o unwritten
		{"オオサカ", []string{"오사카"}},        // オ after o unwritten
		{"サッポロ", []string{"삿포로"}},        // ッ closes the syllable with ㅅ
		{"ベップ", []string{"벳푸"}},          // and before p
		{"フチュウ", []string{"후추"}},         // チュ inside the word
		{"ちば", []string{"지바", "치바"}},     // hiragana read as katakana
		{"ヒガシヒロシマ", []string{"히가시히로시마"}},
		{"マツモト", []string{"마쓰모토", "마츠모토"}}, // ツ is 쓰, and members write 츠
		{"シンジュク", []string{"신주쿠"}},         // ン closes the syllable with ㄴ
		{"メイジ", []string{"메이지"}},           // イ after e is written
		{"ユウコ", []string{"유코"}},            // ウ after u unwritten
	} {
		got := JapaneseHangul(tc.kana)
		if len(got) == 0 || got[0] != tc.want[0] {
			t.Errorf("JapaneseHangul(%q) = %q, want %q first", tc.kana, got, tc.want[0])
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("JapaneseHangul(%q) = %q, want %q among them", tc.kana, got, w)
			}
		}
	}
	for _, bad := range []string{"", "九州", "Tokyo", "ヴヴヴ", "アイウエオアイウエオアイウエオアイウ"} {
		if got := JapaneseHangul(bad); got != nil {
			t.Errorf("JapaneseHangul(%q) = %q, want nil", bad, got)
		}
	}
}

func FuzzJapaneseHangul(f *testing.F) {
	for _, s := range []string{"キュウシュウ", "サッポロ", "ンッー", "ちば", "ャ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range JapaneseHangul(s) {
			for _, r := range h {
				if _, _, _, ok := syllable(r); !ok {
					t.Fatalf("JapaneseHangul(%q) gave %q, not all Hangul syllables", s, h)
				}
			}
		}
	})
}
