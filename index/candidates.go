package index

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// The second pass of a search runs the full query on a few dozen passages
// only. bleve's phrase searcher cannot be told so: asked for its next match
// at or after a passage, it walks on through every passage where the
// phrase's words occur apart until one has them together, which in a large
// index was half the time of a search. The queries here carry the set of
// candidates down into each phrase, so that a phrase is checked at those
// passages and nowhere else. Their results are bleve's own for the
// candidates: the same term searchers, scores and locations.

// candidateSet is the passages that the second pass of a search looks at.
// bleve's internal numbers for them are looked up once per index snapshot,
// however many queries share the set.
type candidateSet struct {
	ids []string

	mu       sync.Mutex
	reader   index.IndexReader // the snapshot internal was looked up in
	internal []index.IndexInternalID
	postings *candidateReader // their postings in that snapshot
}

func newCandidateSet(ids []string) *candidateSet { return &candidateSet{ids: ids} }

// resolve returns the internal numbers of the candidates in r, in bleve's
// order; passages that are not (or no longer) in r are left out.
func (c *candidateSet) resolve(r index.IndexReader) ([]index.IndexInternalID, error) {
	if cr, ok := r.(*candidateReader); ok {
		r = cr.IndexSnapshot // the snapshot, whatever reads it
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.reader == r {
		return c.internal, nil
	}
	dr, err := r.DocIDReaderOnly(c.ids)
	if err != nil {
		return nil, fmt.Errorf("look up candidates: %w", err)
	}
	defer dr.Close()
	var out []index.IndexInternalID
	for {
		id, err := dr.Next()
		if err != nil {
			return nil, fmt.Errorf("look up candidates: %w", err)
		}
		if id == nil {
			break
		}
		out = append(out, slices.Clone(id))
	}
	c.reader, c.internal = r, out
	return out, nil
}

// postingsIn returns the reader of the candidates' postings in snap.
func (c *candidateSet) postingsIn(snap *scorch.IndexSnapshot) (*candidateReader, error) {
	ids, err := c.resolve(snap)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.postings == nil || c.postings.IndexSnapshot != snap {
		c.postings = newCandidateReader(snap, ids)
	}
	return c.postings, nil
}

// candidatesQuery matches the candidates, with a score of 0: in a
// conjunction it restricts the other clauses to them without changing
// their scores.
type candidatesQuery struct{ set *candidateSet }

// Searcher implements query.Query.
func (q candidatesQuery) Searcher(_ context.Context, r index.IndexReader, _ mapping.IndexMapping, _ search.SearcherOptions) (search.Searcher, error) {
	ids, err := q.set.resolve(r)
	if err != nil {
		return nil, err
	}
	return &listSearcher{ids: ids}, nil
}

// listSearcher walks a sorted list of internal numbers.
type listSearcher struct {
	ids  []index.IndexInternalID
	next int
}

func (s *listSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.next >= len(s.ids) {
		return nil, nil
	}
	d := ctx.DocumentMatchPool.Get()
	// A copy: bleve reuses a match's id buffer once the match is recycled.
	d.IndexInternalID = append(d.IndexInternalID[:0], s.ids[s.next]...)
	d.Score = 0
	s.next++
	return d, nil
}

func (s *listSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	for s.next < len(s.ids) && s.ids[s.next].Compare(id) < 0 {
		s.next++
	}
	return s.Next(ctx)
}

func (s *listSearcher) Close() error               { return nil }
func (s *listSearcher) Weight() float64            { return 0 }
func (s *listSearcher) SetQueryNorm(float64)       {}
func (s *listSearcher) Count() uint64              { return uint64(len(s.ids)) }
func (s *listSearcher) Min() int                   { return 0 }
func (s *listSearcher) Size() int                  { return 64 + 24*len(s.ids) }
func (s *listSearcher) DocumentMatchPoolSize() int { return 1 }

// candidatePhraseQuery is bleve's phrase query, checked at the candidates
// only. terms are analyzed; "" stands for a word the analyzer dropped, which
// still takes its place in the phrase.
type candidatePhraseQuery struct {
	set   *candidateSet
	terms []string
	field string
	boost float64
}

// SetField and Field make it a query.FieldableQuery, so that bleve counts
// its field among those it keeps BM25 statistics for.
func (q *candidatePhraseQuery) SetField(f string) { q.field = f }
func (q *candidatePhraseQuery) Field() string     { return q.field }

// Searcher implements query.Query, the way bleve's phrase searcher is built
// (searcher.NewMultiPhraseSearcher): a conjunction of the terms' searchers
// with term vectors, normalized on its own; here the candidates join the
// conjunction.
func (q *candidatePhraseQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	ids, err := q.set.resolve(r)
	if err != nil {
		return nil, err
	}
	options.IncludeTermVectors = true
	subs := []search.Searcher{&listSearcher{ids: ids}}
	closeAll := func() {
		for _, s := range subs {
			s.Close()
		}
	}
	for _, t := range q.terms {
		if t == "" {
			continue
		}
		ts, err := searcher.NewTermSearcher(ctx, r, t, q.field, q.boost, options)
		if err != nil {
			closeAll()
			return nil, fmt.Errorf("phrase term %q: %w", t, err)
		}
		subs = append(subs, ts)
	}
	must, err := searcher.NewConjunctionSearcher(ctx, r, subs, options)
	if err != nil {
		closeAll()
		return nil, fmt.Errorf("phrase: %w", err)
	}
	if w := must.Weight(); w > 0 {
		must.SetQueryNorm(1 / math.Sqrt(w))
	}
	return &phraseSearcher{must: must, terms: q.terms}, nil
}

// phraseSearcher passes on the matches of its conjunction whose terms stand
// together, with the locations of the phrase only, as bleve's does.
type phraseSearcher struct {
	must  search.Searcher
	terms []string
	locs  []search.Location // reused by DocumentMatch.Complete
}

func (s *phraseSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.must.Next(ctx)
	return s.first(ctx, d, err)
}

func (s *phraseSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.must.Advance(ctx, id)
	return s.first(ctx, d, err)
}

// first returns d if the phrase is in it, or else the next match of the
// conjunction that has it.
func (s *phraseSearcher) first(ctx *search.SearchContext, d *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	for ; err == nil && d != nil; d, err = s.must.Next(ctx) {
		s.locs = d.Complete(s.locs)
		locs := d.Locations
		d.Locations = nil
		var ftls []search.FieldTermLocation
		for field, tlm := range locs {
			ftls = appendPhrases(ftls, field, s.terms, tlm)
		}
		if len(ftls) > 0 {
			d.FieldTermLocations = ftls
			return d, nil
		}
		ctx.DocumentMatchPool.Put(d)
	}
	return nil, err
}

// appendPhrases appends the locations of every occurrence of the phrase in
// a field's term locations: each word at the position after the one
// before, skipping one for each dropped word.
func appendPhrases(ftls []search.FieldTermLocation, field string, terms []string, tlm search.TermLocationMap) []search.FieldTermLocation {
	first := slices.IndexFunc(terms, func(t string) bool { return t != "" })
	if first < 0 {
		return ftls
	}
	for _, start := range tlm[terms[first]] {
		at := make([]*search.Location, len(terms))
		at[first] = start
		ok := true
		for k := first + 1; k < len(terms) && ok; k++ {
			if terms[k] == "" {
				continue
			}
			want := start.Pos + uint64(k-first)
			ok = false
			for _, l := range tlm[terms[k]] {
				if l.Pos == want {
					at[k], ok = l, true
					break
				}
			}
		}
		if !ok {
			continue
		}
		for k, l := range at {
			if l != nil {
				ftls = append(ftls, search.FieldTermLocation{Field: field, Term: terms[k], Location: search.Location{
					Pos: l.Pos, Start: l.Start, End: l.End, ArrayPositions: l.ArrayPositions,
				}})
			}
		}
	}
	return ftls
}

func (s *phraseSearcher) Close() error               { return s.must.Close() }
func (s *phraseSearcher) Weight() float64            { return s.must.Weight() }
func (s *phraseSearcher) SetQueryNorm(n float64)     { s.must.SetQueryNorm(n) }
func (s *phraseSearcher) Count() uint64              { return s.must.Count() }
func (s *phraseSearcher) Min() int                   { return 0 }
func (s *phraseSearcher) Size() int                  { return 64 + s.must.Size() }
func (s *phraseSearcher) DocumentMatchPoolSize() int { return s.must.DocumentMatchPoolSize() }
