package lang

import (
	_ "embed"
	"strings"
	"sync"
)

// spellingTable holds one line per British spelling, sorted: the word, a
// tab, and the American spelling of the same word ("defence\tdefense").
// internal/spellgen derives it from Debian's word lists, SCOWL by Kevin
// Atkinson, whose notice is LICENSE.scowl.
//
//go:embed spelling.txt
var spellingTable string

var american = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for line := range strings.SplitSeq(spellingTable, "\n") {
		if b, a, ok := strings.Cut(line, "\t"); ok {
			m[b] = a
		}
	}
	return m
})

// AmericanSpelling returns the American spelling of a lowercase English
// word written the British way ("defence": "defense", "labourers":
// "laborers", "organised": "organized"), or the word itself. News in
// English is written both ways, and so are questions: a member who asks
// about the "defense minister" means the article's "defence minister".
func AmericanSpelling(word string) string {
	if a, ok := american()[word]; ok {
		return a
	}
	return word
}
