package index

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge"
)

// mark is a matched term in a passage: its byte range and the concept it
// belongs to.
type mark struct {
	start, end int
	concept    int
}

// excerpt cuts the best sentence or two of a passage, with the words that
// matched the question marked. The best sentence covers the most distinct
// concepts (then the most matches), what the question's form asks for
// counting as one more (answers: a date for "when", a figure for "how
// many"): "when did the export curbs end" is answered by the sentence with
// the date, not by "The export-control dispute ended at the same time." A
// following or preceding sentence is added when it fits and adds
// something. Excerpts are cut at sentence boundaries, or at word
// boundaries when a sentence is too long, and never inside a marked word.
func excerpt(text string, marks []mark, maxRunes int, answers func(sentence string) bool) knowledge.Excerpt {
	marks = mergeMarks(text, marks)
	sents := knowledge.Sentences(text)
	if len(sents) == 0 {
		return knowledge.Excerpt{}
	}
	score := func(lo, hi int) (float64, int) {
		seen := map[int]bool{}
		n := 0
		for _, m := range marks {
			if m.start >= lo && m.end <= hi {
				n++
				if m.concept != -1 {
					seen[m.concept] = true
				}
			}
		}
		c := float64(len(seen))
		if c > 0 && answers != nil && answers(text[lo:hi]) {
			c += answerCredit
		}
		return c, n
	}
	best, bestC, bestN := 0, -1.0, -1
	for i, s := range sents {
		c, n := score(s[0], s[1])
		if c > bestC || c == bestC && n > bestN {
			best, bestC, bestN = i, c, n
		}
	}
	lo, hi := sents[best][0], sents[best][1]
	runes := func(lo, hi int) int { return utf8.RuneCountInString(text[lo:hi]) }
	// Widen with a neighbour that adds matches, then with any that fits.
	for _, want := range []bool{true, false} {
		for _, j := range []int{best + 1, best - 1} {
			if j < 0 || j >= len(sents) {
				continue
			}
			nlo, nhi := min(lo, sents[j][0]), max(hi, sents[j][1])
			if nlo == lo && nhi == hi || runes(nlo, nhi) > maxRunes {
				continue
			}
			c, n := score(nlo, nhi)
			oc, on := score(lo, hi)
			if !want || c > oc || n > on {
				lo, hi = nlo, nhi
			}
		}
		if runes(lo, hi) > maxRunes*2/3 {
			break
		}
	}
	if runes(lo, hi) > maxRunes {
		lo, hi = cutAround(text, lo, hi, marks, maxRunes)
	}
	ex := knowledge.Excerpt{
		CutBefore: strings.TrimSpace(text[:lo]) != "",
		CutAfter:  strings.TrimSpace(text[hi:]) != "",
	}
	// Trim white space at the ends so that ellipses sit against the text.
	for lo < hi && text[lo] == ' ' {
		lo++
	}
	for hi > lo && text[hi-1] == ' ' {
		hi--
	}
	cur := lo
	for _, m := range marks {
		if m.start < cur || m.end > hi || m.start < lo {
			continue
		}
		if m.start > cur {
			ex.Spans = append(ex.Spans, knowledge.Span{Text: text[cur:m.start]})
		}
		ex.Spans = append(ex.Spans, knowledge.Span{Text: text[m.start:m.end], Mark: true})
		cur = m.end
	}
	if cur < hi {
		ex.Spans = append(ex.Spans, knowledge.Span{Text: text[cur:hi]})
	}
	return ex
}

// answerCredit is what holding the kind of answer asked for adds to a
// sentence's distinct concepts when the excerpt is chosen.
const answerCredit = 1.0

// mergeMarks returns the marks that lie within text, in order, merged
// where they overlap.
func mergeMarks(text string, marks []mark) []mark {
	var out []mark
	for _, m := range marks {
		if m.start >= 0 && m.end <= len(text) && m.start < m.end && utf8.ValidString(text[m.start:m.end]) {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b mark) int { return a.start - b.start })
	merged := out[:0]
	for _, m := range out {
		if n := len(merged); n > 0 && m.start < merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, m.end)
			continue
		}
		merged = append(merged, m)
	}
	return merged
}

// cutAround narrows [lo, hi) to at most maxRunes, starting a little before
// the first mark, at word boundaries.
func cutAround(text string, lo, hi int, marks []mark, maxRunes int) (int, int) {
	first := lo
	for _, m := range marks {
		if m.start >= lo && m.end <= hi {
			first = m.start
			break
		}
	}
	// Start up to a quarter of the budget before the first mark.
	start := first
	for back := 0; start > lo && back < maxRunes/4; back++ {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	if start > lo {
		if sp := strings.IndexByte(text[start:first], ' '); sp >= 0 {
			start += sp + 1
		} else {
			start = first
		}
	}
	end, n := start, 0
	for end < hi && n < maxRunes {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
		n++
	}
	if end < hi {
		if sp := strings.LastIndexByte(text[start:end], ' '); sp > 0 {
			end = start + sp
		}
		// Never split a marked word.
		for _, m := range marks {
			if m.start < end && m.end > end {
				end = m.start
			}
		}
	}
	return start, end
}
