package index

import (
	"context"
	"errors"
	"fmt"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
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
// scores them on their postings only (see candidateReader). Either way the
// result is bleve's for the telling query, passage for passage and score
// for score (TestFirstPassIsBlevesOwn).

// tellingBudget is the most passages that telling is scored on that way:
// beyond, reading their postings one by one costs more than bleve's walk.
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
}

// conceptPostings are the passages (per segment) that hold a concept.
type conceptPostings struct {
	docs []*roaring.Bitmap
}

// postings returns the postings of concepts, or false when a segment
// cannot give them as bitmaps.
func (f *firstPass) postings(concepts []firstConcept) ([]conceptPostings, bool, error) {
	type orer interface{ OrInto(*roaring.Bitmap) }
	out := make([]conceptPostings, len(concepts))
	for ci, c := range concepts {
		cp := conceptPostings{docs: make([]*roaring.Bitmap, len(f.segs))}
		for si, s := range f.segs {
			d, err := s.Segment().Dictionary(fieldBody)
			if err != nil {
				return nil, false, fmt.Errorf("dictionary: %w", err)
			}
			deleted := s.Deleted()
			bm := roaring.New()
			for _, t := range c.terms {
				pl, err := d.PostingsList([]byte(t), nil, nil)
				if err != nil {
					return nil, false, fmt.Errorf("postings of %q: %w", t, err)
				}
				o, ok := pl.(orer)
				if !ok {
					return nil, false, nil
				}
				o.OrInto(bm) // all postings, deleted or not
			}
			if deleted != nil {
				bm.AndNot(deleted)
			}
			cp.docs[si] = bm
		}
		out[ci] = cp
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
func (f *firstPass) telling(ctx context.Context, concepts []firstConcept, pair [2]int, want int) (hits search.DocumentMatchCollection, ok bool, err error) {
	cps, ok, err := f.postings([]firstConcept{concepts[pair[0]], concepts[pair[1]]})
	if err != nil || !ok {
		return nil, ok, err
	}
	both := make([]*roaring.Bitmap, len(f.segs))
	var count uint64
	for si := range f.segs {
		both[si] = roaring.And(cps[0].docs[si], cps[1].docs[si])
		count += both[si].GetCardinality()
	}
	if count < uint64(want) {
		return nil, true, nil // telling would find too few
	}
	if count > uint64(tellingBudget) {
		return nil, false, nil
	}
	q := bleve.NewConjunctionQuery(concepts[pair[0]].query(), concepts[pair[1]].query())
	if hits, err = f.run(ctx, q, both); err != nil {
		return nil, false, err
	}
	if len(hits) < want {
		return nil, true, nil // the filters left too few
	}
	return hits, true, nil
}
