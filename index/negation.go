package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// News says what did not happen in the words of what did: talks that
// "brought no real rollback", curbs that "have not been lifted". Such a
// passage shares the words of "when were the curbs lifted" without
// answering it: an event that did not take place has no date. The ranking
// reads the words a negation governs (negatedPositions) and, for a
// question asking when something happened, counts a concept said only
// there at ranking.Negated (see features). A question asking whether it
// happened ("did the talks yield any concession") is answered by the
// negation, and counts it in full.

// negators are the English words that negate the words after them.
var negators = []string{"no", "not", "never", "without", "nor", "neither"}

// negationReach is how many words after a negation it governs: "no real
// rollback", "not lifted".
const negationReach = 2

// nextWord returns the byte span of the first word of text at or after
// i (letters, with inner apostrophes), or -1, -1.
func nextWord(text string, i int) (start, end int) {
	start = -1
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		letter := unicode.IsLetter(r) || start >= 0 && (r == '\'' || r == '’')
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			return start, i
		}
		i += size
	}
	if start < 0 {
		return -1, -1
	}
	return start, len(text)
}

// isNegator reports whether a word negates what follows it.
func isNegator(w string) bool {
	for _, n := range negators {
		if strings.EqualFold(w, n) {
			return true
		}
	}
	return len(w) > 3 && (strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t"))
}

// negatedPositions returns the positions of the analyzed tokens of text
// that stand within negationReach words after a negation, in the same
// clause; nil when text negates nothing. It reads the text word by word
// without allocating, for it runs on every passage a search loads.
func negatedPositions(text string, toks analysis.TokenStream) map[int]bool {
	var out map[int]bool
	k := 0 // the next analyzed token
	for s, e := nextWord(text, 0); s >= 0; s, e = nextWord(text, e) {
		if !isNegator(text[s:e]) || timedNegation(text[e:]) {
			continue
		}
		// The words it governs: up to negationReach, until a clause ends.
		reach, prev := e, e
		for n := 0; n < negationReach; n++ {
			ws, we := nextWord(text, prev)
			if ws < 0 || strings.ContainsAny(text[prev:ws], ",.;:!?()") {
				break
			}
			reach, prev = we, we
		}
		for k < len(toks) && toks[k].Start < e {
			k++
		}
		for m := k; m < len(toks) && toks[m].End <= reach; m++ {
			if out == nil {
				out = map[int]bool{}
			}
			out[toks[m].Position] = true
		}
	}
	return out
}

// timedNegation reports whether the rest of a negation's sentence dates
// it: "no sitting prime minister has visited since 2013", "not until
// 2023" tell when something last or first happened, which is what a
// question asking when wants.
func timedNegation(rest string) bool {
	for s, e := nextWord(rest, 0); s >= 0; s, e = nextWord(rest, e) {
		if between := rest[:s]; strings.Contains(between, ". ") || strings.ContainsAny(between, "!?") {
			return false // the sentence ended
		}
		w := rest[s:e]
		if strings.EqualFold(w, "since") || strings.EqualFold(w, "until") || strings.EqualFold(w, "till") {
			return true
		}
		rest, e = rest[e:], 0
	}
	return false
}

// allNegated reports whether every position is governed by a negation.
func allNegated(negated map[int]bool, at []int) bool {
	if negated == nil || len(at) == 0 {
		return false
	}
	for _, pos := range at {
		if !negated[pos] {
			return false
		}
	}
	return true
}
