package index

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// Searches analyze their candidates' text to rank them, and Snowball
// stemming is most of that work; the same few thousand words recur in
// every passage. withStemCache returns the index's analyzer with its
// stemmer remembering what it stemmed: the same terms, computed once.
// TestStemCacheIsTheSameAnalysis compares the two.
func withStemCache(a analysis.Analyzer) analysis.Analyzer {
	da, ok := a.(*analysis.DefaultAnalyzer)
	if !ok {
		return a
	}
	out := *da
	out.TokenFilters = make([]analysis.TokenFilter, len(da.TokenFilters))
	for i, f := range da.TokenFilters {
		if _, ok := f.(*en.EnglishStemmerFilter); ok {
			f = &cachedStemmer{stems: map[string]string{}}
		}
		out.TokenFilters[i] = f
	}
	return &out
}

// cachedStemmer is bleve's English Snowball stemmer filter with a memory.
type cachedStemmer struct {
	mu    sync.Mutex
	stems map[string]string
}

// maxStems bounds the words remembered (a few megabytes).
const maxStems = 100_000

func (s *cachedStemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, token := range input {
		s.mu.Lock()
		stem, ok := s.stems[string(token.Term)]
		s.mu.Unlock()
		if !ok {
			env := snowballstem.NewEnv(string(token.Term))
			english.Stem(env)
			stem = env.Current()
			s.mu.Lock()
			if len(s.stems) >= maxStems {
				s.stems = map[string]string{}
			}
			s.stems[string(token.Term)] = stem
			s.mu.Unlock()
		}
		token.Term = []byte(stem)
	}
	return input
}
