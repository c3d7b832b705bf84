package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/scorer"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/disputebot/disputebot/knowledge"
)

// The first pass of a search (see plan.retrieval) first asks for the
// passages that hold the question's two rarest concepts (telling), and
// when they are too few, for those that hold any (all). bleve finds
// telling's passages by advancing each concept's searchers through the
// other's postings, reading frequencies as it goes, and in a large index
// it often read them all only to find too few.
//
// Here the passages of each concept are first taken as bitmaps of postings
// and intersected, which costs no frequencies: when there are too few, the
// telling search is not run at all; when there are not too many, bleve
// scores them on their postings only (see candidateReader); when there are
// more, they are scored from all of both concepts' postings (scoreAll),
// as the all query is. Either way the result is bleve's, passage for
// passage and score for score (TestFirstPassIsBlevesOwn).

// tellingBudget is the most passages that telling is scored on that way:
// beyond, reading their postings one by one costs more than reading all
// of both concepts' postings (see scoreAll).
var tellingBudget = 4000

// errSnapshotChanged: the index changed between a search's plan and one of
// its queries, which must then be run the plain way.
var errSnapshotChanged = errors.New("index changed during the search")

// firstPass holds what a first pass needs of one snapshot.
type firstPass struct {
	b       bleve.Index
	snap    *scorch.IndexSnapshot
	segs    []*scorch.SegmentSnapshot
	offsets []uint64
	filter  func(query.Query) query.Query // a search's filters
	size    int                           // how many passages a run returns
	decoded *decodedCache                 // nil to read every posting from zapx

	tellingFromPostings int // for the tests
}

// holding returns the live passages (per segment) that hold any of terms
// in field, read from the postings as bitmaps, without frequencies; false
// when a segment cannot give its postings that way.
func (f *firstPass) holding(field string, terms []string) ([]*roaring.Bitmap, bool, error) {
	type orer interface{ OrInto(*roaring.Bitmap) }
	out := make([]*roaring.Bitmap, len(f.segs))
	for si, s := range f.segs {
		d, err := s.Segment().Dictionary(field)
		if err != nil {
			return nil, false, fmt.Errorf("dictionary of %s: %w", field, err)
		}
		bm := roaring.New()
		for _, t := range terms {
			pl, err := d.PostingsList([]byte(t), nil, nil)
			if err != nil {
				return nil, false, fmt.Errorf("postings of %s:%s: %w", field, t, err)
			}
			o, ok := pl.(orer)
			if !ok {
				return nil, false, nil
			}
			o.OrInto(bm) // all postings, deleted or not
		}
		if deleted := s.Deleted(); deleted != nil {
			bm.AndNot(deleted)
		}
		out[si] = bm
	}
	return out, true, nil
}

// run scores the passages in docs (per segment) with q and the search's
// filters, as bleve does, and returns the f.size best.
func (f *firstPass) run(ctx context.Context, q query.Query, docs []*roaring.Bitmap) (search.DocumentMatchCollection, error) {
	var n uint64
	for _, d := range docs {
		if d != nil {
			n += d.GetCardinality()
		}
	}
	if n == 0 {
		return nil, nil
	}
	cr := newCandidateReaderOf(f.snap, f.segs, f.offsets, docs)
	cr.decoded = f.decoded
	req := bleve.NewSearchRequestOptions(snapshotQuery{f.snap, cr, f.filter(q)}, f.size, 0, false)
	res, err := f.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	return res.Hits, nil
}

// snapshotQuery runs a query on a candidateReader of snap, and fails with
// errSnapshotChanged when bleve searches another snapshot.
type snapshotQuery struct {
	snap *scorch.IndexSnapshot
	r    *candidateReader
	q    query.Query
}

// Searcher implements query.Query.
func (q snapshotQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	if r != index.IndexReader(q.snap) {
		return nil, errSnapshotChanged
	}
	return q.q.Searcher(ctx, q.r, m, options)
}

// telling returns the telling query's best f.size hits when it has want or
// more, and nil otherwise (the all query must then run). ok is false when
// it cannot tell, and the caller must search the plain way.
func (f *firstPass) telling(ctx context.Context, concepts []firstConcept, pair [2]int, q knowledge.Query, scoped bool, want int) (hits search.DocumentMatchCollection, ok bool, err error) {
	a, ok, err := f.holding(fieldBody, concepts[pair[0]].terms)
	if err != nil || !ok {
		return nil, ok, err
	}
	b, ok, err := f.holding(fieldBody, concepts[pair[1]].terms)
	if err != nil || !ok {
		return nil, ok, err
	}
	both := make([]*roaring.Bitmap, len(f.segs))
	var count uint64
	for si := range f.segs {
		both[si] = roaring.And(a[si], b[si])
		count += both[si].GetCardinality()
	}
	if count < uint64(want) {
		return nil, true, nil // telling would find too few
	}
	if count > uint64(tellingBudget) {
		// Too many to read their postings one by one: all of both
		// concepts' postings are read instead.
		allowed, ok, err := f.allowed(q, scoped)
		if err != nil || !ok {
			return nil, false, err
		}
		for si := range both {
			if allowed != nil {
				both[si].And(allowed[si])
			}
		}
		pairOf := []firstConcept{concepts[pair[0]], concepts[pair[1]]}
		if hits, ok, err = f.scoreAll(pairOf, both, f.size, true); err != nil || !ok {
			return nil, false, err
		}
		f.tellingFromPostings++
	} else {
		tq := bleve.NewConjunctionQuery(concepts[pair[0]].query(), concepts[pair[1]].query())
		if hits, err = f.run(ctx, tq, both); err != nil {
			return nil, false, err
		}
	}
	if len(hits) < want {
		return nil, true, nil // the filters left too few
	}
	return hits, true, nil
}

// The all query, when telling finds too few passages, scores every passage
// that holds a word of the question's specific concepts: in a large index,
// tens of thousands of postings, which bleve reads through a searcher per
// term, a disjunction per concept and one over the concepts, at some 200 ns
// a posting. scoreAll computes the same scores straight from the postings,
// term by term into an array per segment, with bleve's BM25 formula, query
// norm and coordination factors; TestFirstPassIsBlevesOwn holds it to
// bleve's results.

// allScores are the scores of the all query in one segment, by local
// passage number.
type allScores struct {
	sum     []float64 // the outer disjunction's sum of concept scores
	held    []uint8   // concepts held
	inner   []float64 // the current concept's sum of term scores
	matched []uint8   // the current concept's terms held
	touched []uint32  // passages with a score
	now     []uint32  // passages the current concept touched
}

var allScoresPool = sync.Pool{New: func() any { return &allScores{} }}

// reset readies s for a segment of n passages.
func (s *allScores) reset(n int) {
	grow := func(f []float64) []float64 {
		if cap(f) < n {
			return make([]float64, n)
		}
		return f[:n]
	}
	grow8 := func(f []uint8) []uint8 {
		if cap(f) < n {
			return make([]uint8, n)
		}
		return f[:n]
	}
	s.sum, s.inner = grow(s.sum), grow(s.inner)
	s.held, s.matched = grow8(s.held), grow8(s.matched)
	s.touched, s.now = s.touched[:0], s.now[:0]
}

// clear zeroes what s's last segment touched, for the next one.
func (s *allScores) clear() {
	for _, d := range s.touched {
		s.sum[d], s.held[d] = 0, 0
	}
}

// add adds a term's score in passage num to the current concept's.
func (s *allScores) add(num uint32, score float64) {
	if s.matched[num] == 0 {
		s.now = append(s.now, num)
	}
	s.inner[num] += score
	s.matched[num]++
}

// allTerm is a term of the all query: its idf over the index, its query
// weight, and its postings in each segment.
type allTerm struct {
	text            string
	boost, idf, qwt float64
	pls             []segment.PostingsList // per segment, without the deleted passages
}

// score is bleve's BM25 score of a posting of t, operation for operation.
func (t *allTerm) score(freq uint64, norm, avgLength float64) float64 {
	var tf float64
	if freq < scorer.MaxSqrtCache {
		tf = scorer.SqrtCache[freq]
	} else {
		tf = math.Sqrt(float64(freq))
	}
	length := 1 / (norm * norm)
	score := t.idf * (tf * search.BM25_k1) / (tf + search.BM25_k1*(1-search.BM25_b+(search.BM25_b*length/avgLength)))
	if t.qwt != 1.0 {
		score *= t.qwt
	}
	return score
}

// scoredPassage is a passage and its score, for the selection of the best.
type scoredPassage struct {
	score float64
	num   uint64 // scorch's internal number
	seg   int
}

// scoreAll returns the size best passages of the all query over concepts,
// as bleve scores and ranks them (ties by internal number, as bleve's
// collector keeps the first it sees), with allowed (per segment, nil for
// all) restricting the passages. With every set, it scores the conjunction
// of the concepts instead (telling): the passages that hold them all, by
// the sum of their clauses. ok is false when the index's statistics are not
// those of BM25.
func (f *firstPass) scoreAll(concepts []firstConcept, allowed []*roaring.Bitmap, size int, every bool) (search.DocumentMatchCollection, bool, error) {
	count, err := f.snap.DocCount()
	if err != nil {
		return nil, false, fmt.Errorf("count passages: %w", err)
	}
	card, err := f.snap.FieldCardinality(fieldBody)
	if err != nil || count == 0 || card == 0 {
		return nil, false, err
	}
	n := float64(count)
	avgLength := math.Ceil(float64(card) / n) // as bleve computes it

	// Each term's count over the index, idf and query weight.
	dicts := make([]segment.TermDictionary, len(f.segs))
	for si, s := range f.segs {
		if dicts[si], err = s.Segment().Dictionary(fieldBody); err != nil {
			return nil, false, fmt.Errorf("dictionary: %w", err)
		}
	}
	terms := make([][]allTerm, len(concepts))
	sumSq := 0.0
	for ci, c := range concepts {
		for ti, t := range c.terms {
			var df uint64
			pls := make([]segment.PostingsList, len(f.segs))
			for si, s := range f.segs {
				if pls[si], err = dicts[si].PostingsList([]byte(t), s.Deleted(), nil); err != nil {
					return nil, false, fmt.Errorf("postings of %q: %w", t, err)
				}
				df += pls[si].Count()
			}
			idf := math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
			terms[ci] = append(terms[ci], allTerm{text: t, boost: c.boosts[ti], idf: idf, pls: pls})
			w := c.boosts[ti] * idf
			sumSq += w * w
		}
	}
	norm := 1 / math.Sqrt(sumSq)
	for ci := range terms {
		for ti := range terms[ci] {
			t := &terms[ci][ti]
			t.qwt = t.boost * t.idf * norm
		}
	}

	var best []scoredPassage                 // a heap of the best size, the lowest at its root
	worse := func(a, b scoredPassage) bool { // a ranks below b
		return a.score < b.score || a.score == b.score && a.num > b.num
	}
	s := allScoresPool.Get().(*allScores)
	defer allScoresPool.Put(s)
	k := float64(len(concepts))
	for si, seg := range f.segs {
		s.reset(int(seg.Segment().Count()))
		deleted := seg.Deleted()
		if deleted != nil && deleted.IsEmpty() {
			deleted = nil
		}
		for _, c := range terms {
			s.now = s.now[:0]
			for _, t := range c {
				var d *decodedPostings
				if f.decoded != nil {
					if d, err = f.decoded.postings(seg.Segment(), dicts[si], fieldBody, t.text, t.pls[si].Count()); err != nil {
						return nil, false, err
					}
				}
				if d != nil {
					for j, num := range d.nums {
						if deleted != nil && deleted.Contains(num) {
							continue
						}
						s.add(num, t.score(uint64(d.freqs[j]), d.norm(j), avgLength))
					}
					continue
				}
				it := t.pls[si].Iterator(true, true, false, nil)
				for {
					p, err := it.Next()
					if err != nil {
						return nil, false, fmt.Errorf("postings of %q: %w", t.text, err)
					}
					if p == nil {
						break
					}
					s.add(uint32(p.Number()), t.score(p.Frequency(), p.Norm(), avgLength))
				}
			}
			for _, d := range s.now {
				if s.held[d] == 0 {
					s.touched = append(s.touched, d)
				}
				// Multiplied by the coordination factor as bleve does, for
				// the same rounding.
				s.sum[d] += s.inner[d] * (float64(s.matched[d]) / float64(len(c)))
				s.held[d]++
				s.inner[d], s.matched[d] = 0, 0
			}
		}
		for _, d := range s.touched {
			if allowed != nil && (allowed[si] == nil || !allowed[si].Contains(d)) {
				continue
			}
			score := s.sum[d] * (float64(s.held[d]) / k)
			if every {
				if int(s.held[d]) < len(concepts) {
					continue
				}
				score = s.sum[d] // a conjunction has no coordination factor
			}
			sp := scoredPassage{score: score, num: f.offsets[si] + uint64(d), seg: si}
			if len(best) < size {
				best = append(best, sp)
				heapUp(best, len(best)-1, worse)
			} else if worse(best[0], sp) {
				best[0] = sp
				heapDown(best, 0, worse)
			}
		}
		s.clear()
	}
	out := make(search.DocumentMatchCollection, 0, len(best))
	for _, sp := range best {
		id, err := f.segs[sp.seg].DocID(sp.num - f.offsets[sp.seg])
		if err != nil {
			return nil, false, fmt.Errorf("id of passage %d: %w", sp.num, err)
		}
		out = append(out, &search.DocumentMatch{
			ID: string(id), IndexInternalID: index.NewIndexInternalID(nil, sp.num), Score: sp.score,
		})
	}
	return out, true, nil
}

// heapUp and heapDown keep h a heap whose root ranks lowest by less.
func heapUp(h []scoredPassage, i int, less func(a, b scoredPassage) bool) {
	for i > 0 {
		parent := (i - 1) / 2
		if !less(h[i], h[parent]) {
			return
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
}

func heapDown(h []scoredPassage, i int, less func(a, b scoredPassage) bool) {
	for {
		l, small := 2*i+1, i
		if l < len(h) && less(h[l], h[small]) {
			small = l
		}
		if r := l + 1; r < len(h) && less(h[r], h[small]) {
			small = r
		}
		if small == i {
			return
		}
		h[i], h[small] = h[small], h[i]
		i = small
	}
}

// allowed returns the passages (per segment) that a query's server and
// topic filters let through, nil when it has none, and false when it has
// filters that are not read that way (dates).
func (f *firstPass) allowed(q knowledge.Query, scoped bool) ([]*roaring.Bitmap, bool, error) {
	if !q.From.IsZero() || !q.To.IsZero() {
		return nil, false, nil
	}
	var filters [][]string // field, then terms: a passage needs one term of each
	if scoped {
		scopes := []string{fieldScope, knowledge.Global}
		if q.Guild != "" {
			scopes = append(scopes, q.Guild)
		}
		filters = append(filters, scopes)
	}
	if len(q.Topics) > 0 {
		topics := []string{fieldTopics}
		for _, t := range q.Topics {
			topics = append(topics, string(t))
		}
		filters = append(filters, topics)
	}
	var out []*roaring.Bitmap
	for _, filter := range filters {
		held, ok, err := f.holding(filter[0], filter[1:])
		if err != nil || !ok {
			return nil, false, err
		}
		if out == nil {
			out = held
			continue
		}
		for si := range out {
			out[si].And(held[si])
		}
	}
	return out, true, nil
}
