package newsgen

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"

	"github.com/disputebot/disputebot/knowledge"
)

// Shape of the vocabulary.
const (
	// VocabularySize is the number of distinct ordinary words the generator
	// writes, besides names, numbers and dates.
	VocabularySize = 30000
	// ZipfExponent is s in P(word of rank k) ∝ 1/k^s.
	ZipfExponent = 1.07
)

// headWords are the top ranks of the vocabulary, most frequent first: English
// function words, then words common in news reports. Names and terms of the
// glossary and the dispute's strong cue words (such as "talks" or "trade")
// are not here: they enter the text only as deliberate mentions. A few weak
// topic cues that every report uses ("bilateral", "economic") are.
var headWords = strings.Fields(`
	the of to and a in that on for is said was with he it as at by its from his
	an be has have are but not were this had who they which will been their
	after would also or more than about over up one two new year into we when
	could there some she her all out years other first last people government
	official officials minister week country no can if what only them so do may
	should any those these both most still state public between
	against since under while during before president foreign issue companies
	economic decision plan political bilateral security policy statement
	spokesman ministry national called including however three because whether
	such made take time month day where how many us our you i him being told
	added according next another several early later part report further week's
	major local recent move expected chief senior held economy market business
	company industry military group world countries leader party side members
	number support action response concerns issues opposition prime secretary
	representative office agency news press`)

// vocabulary is the ranked word list and its cumulative Zipf distribution.
type vocabulary struct {
	words []string  // by rank, most frequent first
	cdf   []float64 // cdf[k] is P(rank <= k)
	head  int       // number of real words at the top (headWords)
}

// vocab builds the vocabulary once; it does not depend on any seed.
var vocab = sync.OnceValue(buildVocabulary)

// buildVocabulary ranks the head words first, then pseudo-words, shorter
// ones at higher ranks, as in real text.
func buildVocabulary() *vocabulary {
	excluded := excludedWords()
	seen := make(map[string]bool, VocabularySize)
	v := &vocabulary{words: make([]string, 0, VocabularySize)}
	for _, w := range headWords {
		if !seen[w] {
			seen[w] = true
			v.words = append(v.words, w)
		}
	}
	v.head = len(v.words)
	for i := len(v.words); len(v.words) < VocabularySize; i++ {
		for j := 0; ; j++ {
			w := pseudoWord(i, j)
			if !seen[w] && !excluded[w] {
				seen[w] = true
				v.words = append(v.words, w)
				break
			}
		}
	}
	v.cdf = make([]float64, len(v.words))
	sum := 0.0
	for k := range v.words {
		sum += 1 / math.Pow(float64(k+1), ZipfExponent)
		v.cdf[k] = sum
	}
	for k := range v.cdf {
		v.cdf[k] /= sum
	}
	return v
}

// excludedWords are the words a pseudo-word must not be: every word of the
// glossary's variants, the topic classifier's cue words, and calendar words
// that the passage cue detector reads as dates.
func excludedWords() map[string]bool {
	out := map[string]bool{}
	for _, g := range knowledge.DefaultGlossary().Groups {
		for _, v := range g.Variants {
			for _, w := range strings.Fields(strings.ToLower(v)) {
				out[strings.Trim(w, `.,'"()`)] = true
			}
		}
	}
	for _, w := range knowledge.CueWords() {
		out[strings.ToLower(w)] = true
	}
	for _, w := range strings.Fields(`january february march april may june july august september october
		november december jan feb mar apr aug sep sept oct nov dec monday tuesday wednesday thursday
		friday saturday sunday million billion trillion percent dozen hundred thousand minute minutes
		hour hours day days week weeks month months year years decade decades lasted several few`) {
		out[w] = true
	}
	return out
}

// Syllables of pseudo-words.
var (
	onsets = []string{"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v",
		"w", "z", "br", "cr", "dr", "st", "tr", "pl", "gr", "sh", "ch", "th", "fl", "sp"}
	vowels = []string{"a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "io"}
	codas  = []string{"", "", "", "n", "r", "s", "l", "m", "t", "nd", "st", "ck", "rn", "x"}
)

// pseudoWord is the j-th candidate for the word of rank i: a pure function
// of (i, j), so that a candidate rejected at one rank changes no other rank.
// Frequent ranks get two syllables, rare ones up to four.
func pseudoWord(i, j int) string {
	r := rand.New(rand.NewPCG(uint64(i), uint64(j)^0x6e657773676e))
	n := 2
	switch {
	case i >= 12000:
		n = 2 + r.IntN(3)
	case i >= 4000:
		n = 2 + r.IntN(2)
	}
	var b strings.Builder
	for s := 0; s < n; s++ {
		if s > 0 || r.IntN(6) > 0 { // a few words start with a vowel
			b.WriteString(onsets[r.IntN(len(onsets))])
		}
		b.WriteString(vowels[r.IntN(len(vowels))])
		if s == n-1 || r.IntN(4) == 0 {
			b.WriteString(codas[r.IntN(len(codas))])
		}
	}
	return b.String()
}

// rank draws a rank from the Zipf distribution.
func (v *vocabulary) rank(r *rand.Rand) int {
	k := sort.SearchFloat64s(v.cdf, r.Float64())
	return min(k, len(v.words)-1)
}

// word draws a word from the Zipf distribution.
func (v *vocabulary) word(r *rand.Rand) string { return v.words[v.rank(r)] }

// contentWord draws a word below the head words, still by Zipf rank: the
// kind of word a question or a headline is about.
func (v *vocabulary) contentWord(r *rand.Rand) string {
	for {
		if k := v.rank(r); k >= v.head {
			return v.words[k]
		}
	}
}

// Vocabulary returns the ranked vocabulary, most frequent first. The slice is
// shared: do not modify it.
func Vocabulary() []string { return vocab().words }
