package dictionary

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

// countriesTable holds one line per name of a country in Hangul, katakana
// or kanji that no other table reads (캐나다, カナダ, 그리스, ギリシャ), sorted:
// the name, a tab, and its English name and adjectives separated by "|"
// (canada|canadian). internal/countrygen writes it from the Unicode CLDR
// and WordNet. The native lexicon reads the Korean names, as it reads the
// borrowed words of news (메달), and Japanese the Japanese ones.
//
//go:embed countries.txt
var countriesTable string

// country returns the English of a country's name in Korean or Japanese,
// or nil.
func country(name string) []string { return list(countriesTable, name) }

// countryNames returns the Japanese names of a country whose English name
// or adjective english is (canada, canadian: カナダ), for Translations.
func countryNames(english string) []string {
	return japaneseCountries()[strings.ToLower(english)]
}

// japaneseCountries maps the English of the table's names in katakana or
// kanji to them, built once.
var japaneseCountries = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	invert(m, countriesTable, func(name string) bool { return !isHangul(name) })
	return m
})

// isHangul reports whether a word is written in Hangul.
func isHangul(word string) bool {
	for _, r := range word {
		return unicode.Is(unicode.Hangul, r)
	}
	return false
}
