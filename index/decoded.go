package index

import (
	"container/list"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// The first pass reads every posting of the question's words (scoreAll, and
// the telling search's candidateReader), and in a large index most of its
// time went into zapx decoding them (some 80 ns a posting, varints read
// one by one through interfaces): the slowest questions are those with
// many spellings of common words, whose postings run into the tens of
// thousands each. A common word comes back in question
// after question, and a segment never changes once written, so the
// postings of the commonest words are kept decoded, as plain arrays, per
// segment, within a memory budget: scoring from them costs a few
// nanoseconds a posting. They are the same numbers:
// TestCandidateReaderIsScorchs compares them with zapx's.

// decodedMin is the fewest postings a word must have in a segment for them
// to be kept decoded: shorter lists are quick to decode, and would crowd
// the cache with entries.
var decodedMin uint64 = 1024

// decodedBudget bounds the memory of the decoded postings (7 bytes a
// posting). In a 100,000-passage index, the 1,000 benchmark questions keep
// some 460 words' postings, 8 MB. 0 turns decoding off.
var decodedBudget = 16 << 20

// decodedPostings are a word's postings in one segment, deleted passages
// included (a segment's deletions change while the segment does not).
type decodedPostings struct {
	nums    []uint32 // segment-local passage numbers, ascending
	freqs   []uint8  // how often the word occurs in each
	lengths []uint16 // the length of the field in each, which zapx keeps as its norm
}

// size is about the memory d holds.
func (d *decodedPostings) size() int { return 7*len(d.nums) + 128 }

// norm is the norm of the posting j, as zapx's Posting.Norm computes it.
func (d *decodedPostings) norm(j int) float64 {
	return float64(float32(1.0 / math.Sqrt(float64(d.lengths[j]))))
}

// at appends to docs the postings at the passages in cands that are not
// deleted, as scorch gives them, their ids offset by the segment's first.
func (d *decodedPostings) at(docs []index.TermFieldDoc, cands, deleted *roaring.Bitmap, offset uint64) []index.TermFieldDoc {
	j := 0
	for it := cands.Iterator(); it.HasNext() && j < len(d.nums); {
		c := it.Next()
		k, found := slices.BinarySearch(d.nums[j:], c)
		j += k
		if !found || deleted != nil && deleted.Contains(c) {
			continue
		}
		docs = append(docs, index.TermFieldDoc{
			ID:   index.NewIndexInternalID(nil, uint64(c)+offset),
			Freq: uint64(d.freqs[j]),
			Norm: d.norm(j),
		})
	}
	return docs
}

type decodedKey struct {
	seg   segment.Segment
	field string
	term  string
}

type decodedEntry struct {
	key decodedKey
	d   *decodedPostings
}

// decodedCache keeps decoded postings, the least recently used going first
// when over budget. It is safe for concurrent use.
type decodedCache struct {
	mu      sync.Mutex
	used    int
	entries map[decodedKey]*list.Element
	lru     list.List // of *decodedEntry, the most recently used first
	segs    []segment.Segment
}

// forSegments drops the postings of segments that are no longer in segs,
// the segments of the snapshot being searched: merged-away segments are
// not searched again.
func (c *decodedCache) forSegments(segs []*scorch.SegmentSnapshot) {
	c.mu.Lock()
	defer c.mu.Unlock()
	same := len(segs) == len(c.segs)
	for i := 0; same && i < len(segs); i++ {
		same = segs[i].Segment() == c.segs[i]
	}
	if same {
		return
	}
	c.segs = c.segs[:0]
	for _, s := range segs {
		c.segs = append(c.segs, s.Segment())
	}
	for e := c.lru.Front(); e != nil; {
		next := e.Next()
		if en := e.Value.(*decodedEntry); !slices.Contains(c.segs, en.key.seg) {
			c.remove(e)
		}
		e = next
	}
}

func (c *decodedCache) remove(e *list.Element) {
	en := e.Value.(*decodedEntry)
	c.lru.Remove(e)
	delete(c.entries, en.key)
	c.used -= en.d.size()
}

// postings returns term's decoded postings in field of seg, decoding them
// if they are not kept yet, or nil when the word is too rare in seg to
// keep them (or cannot be kept). live is how many live passages of seg
// hold it, which the caller has read already: a rare word, the most common
// case, then costs no look-up here.
func (c *decodedCache) postings(seg segment.Segment, dict segment.TermDictionary, field, term string, live uint64) (*decodedPostings, error) {
	if decodedBudget <= 0 || live < decodedMin {
		return nil, nil
	}
	key := decodedKey{seg, field, term}
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		c.lru.MoveToFront(e)
		c.mu.Unlock()
		return e.Value.(*decodedEntry).d, nil
	}
	c.mu.Unlock()

	pl, err := dict.PostingsList([]byte(term), nil, nil)
	if err != nil {
		return nil, fmt.Errorf("postings of %q: %w", term, err)
	}
	n := pl.Count()
	if n < decodedMin || int(7*n) > decodedBudget/4 {
		return nil, nil
	}
	d := &decodedPostings{nums: make([]uint32, 0, n), freqs: make([]uint8, 0, n), lengths: make([]uint16, 0, n)}
	it := pl.Iterator(true, true, false, nil)
	for {
		p, err := it.Next()
		if err != nil {
			return nil, fmt.Errorf("postings of %q: %w", term, err)
		}
		if p == nil {
			break
		}
		zp, ok := p.(interface{ NormUint64() uint64 })
		if !ok {
			return nil, nil // not a zapx segment
		}
		freq, length := p.Frequency(), zp.NormUint64()
		if freq > math.MaxUint8 || length > math.MaxUint16 {
			return nil, nil // not in a passage of a few hundred words
		}
		d.nums = append(d.nums, uint32(p.Number()))
		d.freqs = append(d.freqs, uint8(freq))
		d.lengths = append(d.lengths, uint16(length))
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok { // decoded meanwhile by another search
		return e.Value.(*decodedEntry).d, nil
	}
	if c.entries == nil {
		c.entries = map[decodedKey]*list.Element{}
	}
	c.entries[key] = c.lru.PushFront(&decodedEntry{key, d})
	c.used += d.size()
	for c.used > decodedBudget && c.lru.Len() > 1 {
		c.remove(c.lru.Back())
	}
	return d, nil
}
