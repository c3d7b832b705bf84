package index

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zapx "github.com/blevesearch/zapx/v17"
)

// The second pass of a search scores a few dozen candidates, but bleve's
// term searchers are advanced through the postings of every term of the
// question from one candidate to the next. zapx's postings iterator, asked
// for frequencies, gets to a target by stepping through every posting
// before it, decoding those in the target's chunk: for a common word, a walk
// through most of its postings at every search, several times over when a
// word is in several spellings or phrases. That was most of the time of a
// search in a large index.
//
// Here the second pass reads each term's postings at the candidates only,
// once per search: a candidate without the term costs a look-up in the
// postings bitmap; for one with it, the iterator's bitmap cursor (an
// exported field) is first moved to the start of the candidate's chunk, which
// zapx then loads directly, so that the walk covers that chunk at most.
// bleve's own searchers and scorers then run on these postings: the scores
// and locations are bleve's (TestCandidateReaderIsScorchs), and postings of
// other passages, which the second pass drops anyway, are never read.

// candidateQuery runs a query on the candidates' postings only.
type candidateQuery struct {
	set *candidateSet
	q   query.Query
}

// Searcher implements query.Query.
func (q candidateQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	if snap, ok := r.(*scorch.IndexSnapshot); ok {
		cr, err := q.set.postingsIn(snap)
		if err != nil {
			return nil, err
		}
		r = cr
	}
	return q.q.Searcher(ctx, r, m, options)
}

// candidateReader is a scorch snapshot whose term readers return the
// candidates' postings only. Its postings are read once per term, field
// and kind, however many searchers ask.
type candidateReader struct {
	*scorch.IndexSnapshot
	segs    []*scorch.SegmentSnapshot
	offsets []uint64          // of each segment's first document, as scorch numbers them
	cands   []*roaring.Bitmap // the candidates in each segment, by local number

	decoded *decodedCache // postings of common words, or nil

	mu    sync.Mutex
	cache map[postingsKey]*candidatePostings
}

type postingsKey struct {
	term, field string
	vectors     bool
}

// candidatePostings is a term's postings at the candidates, and how many
// passages in the whole index hold it (for its idf).
type candidatePostings struct {
	count uint64
	docs  []index.TermFieldDoc
	skips int // moves to a chunk, for the tests
}

// segmentOffsets returns the number scorch gives the first document of each
// segment of snap: internal ids are these plus segment-local numbers.
func segmentOffsets(segs []*scorch.SegmentSnapshot) []uint64 {
	out := make([]uint64, len(segs))
	var n uint64
	for i, s := range segs {
		out[i] = n
		n += s.Segment().Count()
	}
	return out
}

// newCandidateReader returns the reader of the passages ids in snap.
func newCandidateReader(snap *scorch.IndexSnapshot, ids []index.IndexInternalID) *candidateReader {
	segs := snap.Segments()
	offsets := segmentOffsets(segs)
	cands := make([]*roaring.Bitmap, len(segs))
	for _, id := range ids {
		num := id.Value()
		seg := sort.Search(len(offsets), func(i int) bool { return offsets[i] > num }) - 1
		if seg >= 0 && seg < len(segs) {
			if cands[seg] == nil {
				cands[seg] = roaring.New()
			}
			cands[seg].Add(uint32(num - offsets[seg]))
		}
	}
	return newCandidateReaderOf(snap, segs, offsets, cands)
}

// newCandidateReaderOf returns the reader of the passages in cands, a
// bitmap of local numbers for each of segs (nil for none).
func newCandidateReaderOf(snap *scorch.IndexSnapshot, segs []*scorch.SegmentSnapshot, offsets []uint64, cands []*roaring.Bitmap) *candidateReader {
	return &candidateReader{IndexSnapshot: snap, segs: segs, offsets: offsets, cands: cands, cache: map[postingsKey]*candidatePostings{}}
}

// TermFieldReader returns a reader of a term's postings at the candidates.
func (r *candidateReader) TermFieldReader(_ context.Context, term []byte, field string, freq, norm, vectors bool) (index.TermFieldReader, error) {
	key := postingsKey{string(term), field, vectors}
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.cache[key]
	if p == nil {
		var err error
		if p, err = r.read(term, field, vectors); err != nil {
			return nil, err
		}
		r.cache[key] = p
	}
	return &candidateTermReader{p: p}, nil
}

// read reads a term's postings at the candidates, segment by segment.
func (r *candidateReader) read(term []byte, field string, vectors bool) (*candidatePostings, error) {
	out := &candidatePostings{}
	for i, s := range r.segs {
		dict, err := s.Segment().Dictionary(field)
		if err != nil {
			return nil, fmt.Errorf("dictionary of %s: %w", field, err)
		}
		// A segment with deleted passages is read as scorch reads it:
		// zapx then walks a second bitmap that cannot be moved from here.
		deleted := s.Deleted()
		if deleted != nil && deleted.IsEmpty() {
			deleted = nil
		}
		pl, err := dict.PostingsList(term, deleted, nil)
		if err != nil {
			return nil, fmt.Errorf("postings of %q: %w", term, err)
		}
		out.count += pl.Count()
		if r.cands[i] == nil || r.cands[i].IsEmpty() || pl.Count() == 0 {
			continue
		}
		if !vectors && r.decoded != nil {
			d, err := r.decoded.postings(s.Segment(), dict, field, string(term), pl.Count())
			if err != nil {
				return nil, err
			}
			if d != nil {
				out.docs = d.at(out.docs, r.cands[i], deleted, r.offsets[i])
				continue
			}
		}
		it := pl.Iterator(true, true, vectors, nil)
		var chunk uint64
		if deleted == nil {
			chunk = chunkSize(s.Segment(), pl.Count())
		}
		if fast, ok := it.(*zapx.PostingsIterator); ok && chunk > 0 && fast.ActualBM != nil && fast.Actual != nil {
			// The candidates with the term, each read from the start of
			// its chunk at most.
			both := roaring.And(fast.ActualBM, r.cands[i]).Iterator()
			for both.HasNext() {
				c := both.Next()
				start := c / uint32(chunk) * uint32(chunk)
				if fast.Actual.HasNext() && fast.Actual.PeekNext() < start {
					fast.Actual.AdvanceIfNeeded(start)
					out.skips++
				}
				p, err := it.Advance(uint64(c))
				if err != nil {
					return nil, fmt.Errorf("postings of %q: %w", term, err)
				}
				if p == nil || p.Number() != uint64(c) {
					return nil, fmt.Errorf("postings of %q: passage %d not where its bitmap has it", term, c)
				}
				out.docs = append(out.docs, r.termFieldDoc(i, p, vectors))
			}
			continue
		}
		var last segment.Posting // the iterator's current posting
		for cs := r.cands[i].Iterator(); cs.HasNext(); {
			c := uint64(cs.Next())
			if last != nil && last.Number() >= c {
				if last.Number() == c {
					out.docs = append(out.docs, r.termFieldDoc(i, last, vectors))
				}
				continue
			}
			p, err := it.Advance(c)
			if err != nil {
				return nil, fmt.Errorf("postings of %q: %w", term, err)
			}
			if p == nil {
				break
			}
			last = p
			if p.Number() == c {
				out.docs = append(out.docs, r.termFieldDoc(i, p, vectors))
			}
		}
	}
	return out, nil
}

// termFieldDoc copies a posting as scorch's postingToTermFieldDoc does.
func (r *candidateReader) termFieldDoc(seg int, p segment.Posting, vectors bool) index.TermFieldDoc {
	d := index.TermFieldDoc{
		ID:   index.NewIndexInternalID(nil, p.Number()+r.offsets[seg]),
		Freq: p.Frequency(),
		Norm: p.Norm(),
	}
	if vectors {
		locs := p.Locations()
		backing := make([]index.TermFieldVector, len(locs))
		d.Vectors = make([]*index.TermFieldVector, len(locs))
		for i, l := range locs {
			backing[i] = index.TermFieldVector{
				Start: l.Start(), End: l.End(), Pos: l.Pos(),
				ArrayPositions: l.ArrayPositions(), Field: l.Field(),
			}
			d.Vectors[i] = &backing[i]
		}
	}
	return d
}

// chunkSize is the number of passages in each chunk of a postings list
// of card postings in seg, as zapx computes it when it writes and reads the
// list (getChunkSize), or 0 when it is not known.
func chunkSize(seg segment.Segment, card uint64) uint64 {
	s, ok := seg.(*zapx.Segment)
	if !ok {
		return 0
	}
	mode, docs := uint64(s.ChunkMode()), s.Count()
	switch {
	case mode == 0:
		return 0
	case mode <= 1024:
		return mode
	case mode == 1025:
		if card <= 1024 {
			return docs
		}
		return 1024
	case mode == 1026:
		return docs / (card/1024 + 1)
	}
	return 0
}

// candidateTermReader walks a term's postings at the candidates.
type candidateTermReader struct {
	p    *candidatePostings
	next int
}

// Next returns the next posting, or nil at the end.
func (t *candidateTermReader) Next(pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	if t.next >= len(t.p.docs) {
		return nil, nil
	}
	t.next++
	return copyTermFieldDoc(pre, &t.p.docs[t.next-1]), nil
}

// Advance returns the first posting at or after id, or nil at the end.
func (t *candidateTermReader) Advance(id index.IndexInternalID, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	t.next = sort.Search(len(t.p.docs), func(i int) bool { return t.p.docs[i].ID.Compare(id) >= 0 })
	return t.Next(pre)
}

// copyTermFieldDoc copies d into pre (or a new one): bleve reuses what a
// reader returns.
func copyTermFieldDoc(pre, d *index.TermFieldDoc) *index.TermFieldDoc {
	if pre == nil {
		pre = &index.TermFieldDoc{}
	}
	pre.Term = d.Term
	pre.ID = append(pre.ID[:0], d.ID...)
	pre.Freq, pre.Norm = d.Freq, d.Norm
	pre.Vectors = append(pre.Vectors[:0], d.Vectors...) // the vectors themselves are read only
	return pre
}

// Count is the number of passages in the index that hold the term.
func (t *candidateTermReader) Count() uint64 { return t.p.count }

// Close implements index.TermFieldReader.
func (t *candidateTermReader) Close() error { return nil }

// Size implements index.TermFieldReader.
func (t *candidateTermReader) Size() int { return 64 }
