package lang

import (
	"slices"
	"testing"
)

// TestSpellKatakana: foreign and Japanese names as Japanese articles write
// them, among the few spellings tried.
func TestSpellKatakana(t *testing.T) {
	for word, want := range map[string]string{
		"lotte":    "ロッテ",
		"hyundai":  "ヒュンダイ",
		"samsung":  "サムスン",
		"ohtani":   "オータニ",
		"sapporo":  "サッポロ",
		"kimchi":   "キムチ",
		"darvish":  "ダルビシュ",
		"yamamoto": "ヤマモト",
	} {
		if got := SpellKatakana(word); !slices.Contains(got, want) {
			t.Errorf("SpellKatakana(%q) = %q, want %s among them", word, got, want)
		}
	}
	for _, word := range []string{"abe", "seoul2", "日本"} {
		if got := SpellKatakana(word); len(got) > 0 {
			t.Errorf("SpellKatakana(%q) = %q, want none", word, got)
		}
	}
}

// FuzzSpellKatakana: any word is spelt without a panic, in katakana only.
func FuzzSpellKatakana(f *testing.F) {
	for _, s := range []string{"lotte", "ohtani", "nnnn", "xxxx", "shhh", "aaaa", "yyyy", "Ünïcode", "c", "mbmb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		for _, k := range SpellKatakana(word) {
			for _, r := range k {
				if (r < 'ァ' || r > 'ヶ') && r != 'ー' {
					t.Fatalf("SpellKatakana(%q) = %q: %q is no katakana", word, k, r)
				}
			}
		}
	})
}
