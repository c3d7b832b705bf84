package index

import (
	"strings"

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
var negators = set("no not never without nor neither")

// negationReach is how many words after a negation it governs: "no real
// rollback", "not lifted".
const negationReach = 2

// negatedPositions returns the positions of the analyzed tokens of text
// that stand within negationReach words after a negation, in the same
// clause; nil when text negates nothing.
func negatedPositions(text string, toks analysis.TokenStream) map[int]bool {
	var out map[int]bool
	words := tokenize(text)
	k := 0 // the next analyzed token
	for i, w := range words {
		if !negators[w.lower] && !strings.HasSuffix(w.lower, "n't") && !strings.HasSuffix(w.lower, "n’t") {
			continue
		}
		if timedNegation(words[i+1:]) {
			continue
		}
		end := w.end
		for j := i + 1; j < len(words) && j <= i+negationReach; j++ {
			if strings.ContainsAny(text[end:words[j].start], ",.;:!?()") {
				break // a clause ends: "not, as Tokyo says, ..." is rare
			}
			end = words[j].end
		}
		for k < len(toks) && toks[k].Start < w.end {
			k++
		}
		for m := k; m < len(toks) && toks[m].End <= end; m++ {
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
func timedNegation(rest []token) bool {
	for i, w := range rest {
		if w.lower == "since" || w.lower == "until" || w.lower == "till" {
			return true
		}
		if w.dot && (i+1 == len(rest) || rest[i+1].cap) {
			return false // the sentence ends
		}
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
