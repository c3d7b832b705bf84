package index

import (
	"slices"
	"strings"
	"unicode"

	"github.com/disputebot/disputebot/knowledge/thesaurus"
	"github.com/disputebot/disputebot/knowledge/wordvec"
)

// A thesaurus lists a word's synonyms sense by sense, and a question means
// one sense: "bloom" is a flower's and a person's prime, "weather" the
// sky's and a ship's conditions. Synonyms of the wrong sense were how an
// off-topic question ("when do the cherry blossoms bloom at yasukuni
// shrine", "whats the weather gonna be like in seoul tmrw") came to say
// enough of the corpus to be answered. A synonym counts only when it is
// near in meaning to one of the question's other words, as word vectors
// learned from news text tell (package wordvec): word sense disambiguation
// by the words around, as Lesk (1986) did with dictionary definitions.

// minMeaningRank is the rank, among the vectors' words by frequency, of
// the first one that tells what a question is about: the commonest words
// of news English are words of grammar, numbers and reporting ("the",
// "said", "two"), near everything.
const minMeaningRank = 150

// contextWord is a word of a question, with its vector.
type contextWord struct {
	text string
	vec  wordvec.Word
}

// questionContext returns the words of a question that the vectors hold
// and that tell what it is about.
func questionContext(text string) []contextWord {
	var out []contextWord
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if v, ok := wordvec.Lookup(w); ok && int(v) >= minMeaningRank && !stopWords[w] && !askingWords[w] {
			out = append(out, contextWord{w, v})
		}
	}
	return out
}

// contextFor returns the vectors of the question's words other than a
// lemma itself (in any form), by which the lemma's synonyms are judged;
// nil when there are none, or when the lemma is rarer than the vectors'
// 50,000 words: a rare word has few senses, and its synonyms are mostly
// its spellings (confectionary: confectionery).
func contextFor(lemma string, ctx []contextWord) []wordvec.Word {
	if _, ok := wordvec.Lookup(lemma); !ok {
		return nil
	}
	var others []wordvec.Word
	for _, c := range ctx {
		if c.text != lemma && !slices.Contains(thesaurus.Lemmas(c.text), lemma) {
			others = append(others, c.vec)
		}
	}
	return others
}

// inContext reports whether a word the thesaurus gives (a synonym or a
// broader word, of one or more words) is near enough in meaning to one of
// the question's other words, others (see contextFor): its cosine with one
// reaches least. With no other words, or a word the vectors lack, it is
// kept.
func inContext(word string, others []wordvec.Word, least float64) bool {
	if len(others) == 0 {
		return true
	}
	known := false
	for _, w := range strings.Fields(word) {
		v, ok := wordvec.Lookup(w)
		if !ok {
			continue
		}
		known = true
		for _, o := range others {
			if wordvec.Cosine(v, o) >= least {
				return true
			}
		}
	}
	return !known
}
