// Command countrygen writes countries.txt, the names of the world's
// countries in Korean and Japanese with their English, which the
// dictionary package embeds: EDICT lists few of them (カナダ, ギリシャ and
// アルゼンチン are not among its common words) and the native lexicon
// fewer, while an article a moderator adds on a sports event or a summit
// names many.
//
// The names are the Unicode CLDR's, as golang.org/x/text/language/display
// holds them; an English name's synonyms (united kingdom: britain) and
// adjectives (greece: greek, grecian; canada: canadian) are WordNet's,
// from the thesaurus's wordnet.txt and adjectives.txt, since an English
// article says "the Greek runner" where a Korean question says 그리스 선수. A name the dictionary's tables already read
// (미국, 中国, 러시아) is left to them.
//
// It is a module of its own so that the bot does not carry CLDR's tables:
//
//	cd knowledge/dictionary/internal/countrygen && go run . >../../countries.txt
//
// A line holds a name in Hangul, katakana or kanji, a tab, and the
// English name in lower case followed by its adjectives, separated by
// "|"; lines are sorted by name.
package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

func main() {
	known := map[string]bool{}
	for _, f := range []string{"../../korean.txt", "../../native.txt", "../../japanese.txt", "../../rare.txt", "../../rarekorean.txt"} {
		for _, line := range lines(f) {
			if k, _, ok := strings.Cut(line, "\t"); ok {
				known[k] = true
			}
		}
	}
	// adjectives maps an English noun to the adjectives whose first
	// noun it is in WordNet (greece: greek, grecian).
	adjectives := map[string][]string{}
	for _, line := range lines("../../../thesaurus/adjectives.txt") {
		adj, nouns, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		first, _, _ := strings.Cut(nouns, "|")
		adjectives[first] = append(adjectives[first], adj)
	}
	// synonyms maps an English noun to those of its first sense in
	// WordNet (united kingdom: britain, great britain; netherlands:
	// holland), of four letters at least (not "us") and three words at
	// most.
	synonyms := map[string][]string{}
	for _, line := range lines("../../../thesaurus/wordnet.txt") {
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			continue
		}
		first, _, _ := strings.Cut(f[2], ";")
		for _, syn := range strings.Split(first, "|") {
			if len(syn) >= 4 && !strings.ContainsAny(syn, ".'") && len(strings.Fields(syn)) <= 3 {
				synonyms[f[0]] = append(synonyms[f[0]], syn)
			}
		}
	}
	ko, ja, en := display.Korean.Regions(), display.Japanese.Regions(), display.English.Regions()
	table := map[string][]string{}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			r, err := language.ParseRegion(string([]rune{a, b}))
			if err != nil || !r.IsCountry() {
				continue
			}
			english := strings.ToLower(en.Name(r))
			if english == "" || strings.ContainsAny(english, "()&,") {
				continue
			}
			var meanings []string
			for _, e := range append([]string{english}, synonyms[english]...) {
				for _, m := range append([]string{e}, adjectives[e]...) {
					if !slices.Contains(meanings, m) {
						meanings = append(meanings, m)
					}
				}
			}
			for _, name := range []string{ko.Name(r), ja.Name(r)} {
				// A name of one character (日) is a word of its own too.
				if name == "" || known[name] || len([]rune(name)) < 2 || strings.ContainsAny(name, " ()・") {
					continue
				}
				for _, m := range meanings {
					if !slices.Contains(table[name], m) {
						table[name] = append(table[name], m)
					}
				}
			}
		}
	}
	names := make([]string, 0, len(table))
	for n := range table {
		names = append(names, n)
	}
	slices.Sort(names)
	w := bufio.NewWriter(os.Stdout)
	for _, n := range names {
		fmt.Fprintf(w, "%s\t%s\n", n, strings.Join(table[n], "|"))
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
}

// lines returns the lines of a file.
func lines(name string) []string {
	b, err := os.ReadFile(name)
	if err != nil {
		log.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}
