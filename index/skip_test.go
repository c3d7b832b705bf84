package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/disputebot/disputebot/index/internal/newsgen"
	"github.com/disputebot/disputebot/knowledge"
)

// TestCandidateReaderIsScorchs: what the second pass reads at the
// candidates is what scorch's own readers read there. Postings: for rare
// and common terms, in the body and the title, with and without locations,
// at sparse, dense and tiny sets of candidates, in an index of several
// segments where one has deleted passages. Searches: the second pass of
// questions gives the same passages, scores and term locations as the same
// queries read by scorch. The index is large enough that common words span
// several chunks, and the reader must have moved to a chunk, or the test
// tests nothing. Decoded postings (see decodedCache) are zapx's, deleted
// passages left out, and scoreAll scores the same from them.
func TestCandidateReaderIsScorchs(t *testing.T) {
	articles := append(defaultCorpus(t), newsgen.Articles(5, 6000)...)
	// Written in two halves, each under compactFrom: the segments stay
	// several.
	idx, _ := openTest(t, articles[:len(articles)/2])
	if err := idx.Sync(context.Background(), articles); err != nil {
		t.Fatal(err)
	}
	var gone []string
	for _, a := range articles[len(articles)-2:] { // a segment or two with deletions, others without
		gone = append(gone, a.ID)
	}
	if err := idx.Delete(context.Background(), gone...); err != nil {
		t.Fatal(err)
	}
	var all []string
	for id, e := range idx.manifest {
		for n := 1; n <= e.Passages; n++ {
			all = append(all, knowledge.PassageID(id, n))
		}
	}
	slices.Sort(all)
	rng := rand.New(rand.NewPCG(20261127, 3))
	sets := [][]string{all}
	for _, share := range []int{2, 8, 200} {
		var some []string
		for _, id := range all {
			if rng.IntN(share) == 0 {
				some = append(some, id)
			}
		}
		sets = append(sets, some)
	}
	sets = append(sets, all[:5], nil)

	idx.swap.RLock()
	b := idx.cur
	idx.swap.RUnlock()

	// One snapshot for the postings: a merge of scorch's own would drop
	// the deleted passages from a later one.
	r := snapshot(t, b)
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		t.Fatalf("reader is a %T", r)
	}
	deleted := 0
	for _, s := range snap.Segments() {
		if s.Deleted() != nil && !s.Deleted().IsEmpty() {
			deleted++
		}
	}
	t.Logf("%d segments, %d with deletions", len(snap.Segments()), deleted)
	if deleted == 0 || deleted == len(snap.Segments()) {
		t.Fatalf("%d of %d segments with deletions: want some, not all", deleted, len(snap.Segments()))
	}

	t.Run("postings", func(t *testing.T) {

		// Without locations, the postings of all but the rarest words
		// are read from decoded postings.
		defer func(min uint64) { decodedMin = min }(decodedMin)
		decodedMin = 20
		decoded := &decodedCache{}

		skips, compared := 0, 0
		for si, ids := range sets {
			set := newCandidateSet(ids)
			cr, err := set.postingsIn(snap)
			if err != nil {
				t.Fatal(err)
			}
			internal, err := set.resolve(snap)
			if err != nil {
				t.Fatal(err)
			}
			crDecoded := newCandidateReader(snap, internal)
			crDecoded.decoded = decoded
			isCandidate := map[uint64]bool{}
			for _, id := range internal {
				isCandidate[id.Value()] = true
			}
			for _, field := range []string{fieldBody, fieldTitle} {
				for _, term := range sampleTerms(t, r, field, rng) {
					for _, vectors := range []bool{true, false} {
						name := fmt.Sprintf("set %d, %s:%s, vectors %v", si, field, term, vectors)
						want, err := snap.TermFieldReader(context.Background(), []byte(term), field, true, true, vectors)
						if err != nil {
							t.Fatal(err)
						}
						var ws []*index.TermFieldDoc
						for {
							d, err := want.Next(nil)
							if err != nil {
								t.Fatal(err)
							}
							if d == nil {
								break
							}
							if isCandidate[d.ID.Value()] {
								ws = append(ws, d)
							}
						}
						readers := []*candidateReader{cr}
						if !vectors {
							readers = append(readers, crDecoded)
						}
						for ri, r := range readers {
							name := fmt.Sprintf("%s, reader %d", name, ri)
							got, err := r.TermFieldReader(context.Background(), []byte(term), field, true, true, vectors)
							if err != nil {
								t.Fatal(err)
							}
							if got.Count() != want.Count() {
								t.Fatalf("%s: count %d, scorch %d", name, got.Count(), want.Count())
							}
							for i := 0; ; i++ {
								g, err := got.Next(nil)
								if err != nil {
									t.Fatal(err)
								}
								var w *index.TermFieldDoc
								if i < len(ws) {
									w = ws[i]
								}
								if diff := diffTermFieldDoc(g, w); diff != "" {
									t.Fatalf("%s, posting %d: %s", name, i, diff)
								}
								if g == nil {
									break
								}
								compared++
							}
							// Advance lands on the first candidate posting at
							// or after any passage, backwards too.
							for range 5 {
								to := uint64(rng.IntN(6200))
								g, err := got.Advance(index.NewIndexInternalID(nil, to), nil)
								if err != nil {
									t.Fatal(err)
								}
								k := slices.IndexFunc(ws, func(d *index.TermFieldDoc) bool { return d.ID.Value() >= to })
								var w *index.TermFieldDoc
								if k >= 0 {
									w = ws[k]
								}
								if diff := diffTermFieldDoc(g, w); diff != "" {
									t.Fatalf("%s, advance to %d: %s", name, to, diff)
								}
							}
							got.Close()
							skips += got.(*candidateTermReader).p.skips
						}
						want.Close()
					}
				}
			}
		}
		t.Logf("%d postings compared, %d moves to a chunk, %d words' postings decoded", compared, skips, decoded.lru.Len())
		if compared < 10000 || skips < 20 || decoded.lru.Len() < 20 {
			t.Errorf("%d postings compared, %d moves to a chunk, %d words decoded: the test does not test the reader",
				compared, skips, decoded.lru.Len())
		}
	})

	t.Run("decoded", func(t *testing.T) {
		defer func(min uint64) { decodedMin = min }(decodedMin)
		decodedMin = 1
		c := &decodedCache{}
		compared, skipped := 0, 0
		for _, s := range snap.Segments() {
			every := roaring.New()
			every.AddRange(0, s.Segment().Count())
			deleted := s.Deleted()
			for _, field := range []string{fieldBody, fieldTitle} {
				dict, err := s.Segment().Dictionary(field)
				if err != nil {
					t.Fatal(err)
				}
				for _, term := range sampleTerms(t, r, field, rng) {
					pl, err := dict.PostingsList([]byte(term), deleted, nil)
					if err != nil {
						t.Fatal(err)
					}
					d, err := c.postings(s.Segment(), dict, field, term, pl.Count())
					if err != nil {
						t.Fatal(err)
					}
					if d == nil {
						if pl.Count() > 0 {
							t.Fatalf("%s:%s not decoded", field, term)
						}
						continue
					}
					got := d.at(nil, every, deleted, 7)
					it := pl.Iterator(true, true, false, nil)
					for i := 0; ; i++ {
						p, err := it.Next()
						if err != nil {
							t.Fatal(err)
						}
						var g *index.TermFieldDoc
						if i < len(got) {
							g = &got[i]
						}
						var w *index.TermFieldDoc
						if p != nil {
							w = &index.TermFieldDoc{ID: index.NewIndexInternalID(nil, p.Number()+7), Freq: p.Frequency(), Norm: p.Norm()}
						}
						if diff := diffTermFieldDoc(g, w); diff != "" {
							t.Fatalf("%s:%s, posting %d: %s", field, term, i, diff)
						}
						if p == nil {
							break
						}
						compared++
					}
					if deleted != nil {
						skipped += len(d.nums) - len(got)
					}
				}
			}
		}
		t.Logf("%d decoded postings compared, %d deleted ones left out", compared, skipped)
		if compared < 10000 || skipped == 0 {
			t.Errorf("%d postings compared, %d deleted left out: the test does not test decoding", compared, skipped)
		}

		// scoreAll gives the same from decoded postings, with no filter
		// to leave the deleted passages out.
		segs := snap.Segments()
		f := &firstPass{snap: snap, segs: segs, offsets: segmentOffsets(segs)}
		scored := 0
		for _, text := range newsgen.Questions(13, 60) {
			p := idx.plan(r, text)
			concepts, _ := p.firstConcepts()
			if len(concepts) == 0 {
				continue
			}
			for _, every := range []bool{false, true} {
				var runs [2]string
				for i, d := range []*decodedCache{nil, c} {
					f.decoded = d
					hits, ok, err := f.scoreAll(concepts, nil, 40, every)
					if err != nil || !ok {
						t.Fatalf("%q: not scored (%v)", text, err)
					}
					slices.SortStableFunc(hits, byCandidateScore)
					for _, h := range hits {
						runs[i] += fmt.Sprintf("%s %v\n", h.ID, h.Score)
					}
				}
				if runs[0] != runs[1] {
					t.Errorf("%q (every %v): from decoded postings\n%s\nfrom zapx\n%s", text, every, runs[1], runs[0])
				}
				scored++
			}
		}
		if scored < 100 {
			t.Errorf("%d questions scored: the test lost its questions", scored)
		}
	})

	t.Run("searches", func(t *testing.T) {
		run := func(q query.Query) map[string]*search.DocumentMatch { return searchAll(t, b, q, len(all)) }
		questions := append(newsgen.Questions(7, 40),
			"How long did Motegi and Kang talk in Madrid?", "When did the export controls take effect?",
			"what did the supreme court order nippon steel to pay", "GSOMIA", "white list Group A said officials")
		compared, found := 0, 0
		for _, text := range questions {
			r := snapshot(t, b)
			p := idx.plan(r, text)
			r.Close()
			for si, ids := range sets[1:] {
				set := newCandidateSet(ids)
				concepts, extras := p.query(set)
				for qi, q := range []query.Query{concepts, extras} {
					if q == nil {
						continue
					}
					var want, got map[string]*search.DocumentMatch
					for try := 0; ; try++ { // see TestCandidatePhraseIsBlevesPhrase
						want = run(bleve.NewConjunctionQuery(candidatesQuery{set}, q))
						got = run(candidateQuery{set, bleve.NewConjunctionQuery(candidatesQuery{set}, q)})
						if scoresOf(run(bleve.NewConjunctionQuery(candidatesQuery{set}, q))) == scoresOf(want) || try == 5 {
							break
						}
					}
					compareHits(t, fmt.Sprintf("%q, query %d, set %d", text, qi, si), got, want)
					compared++
					found += len(want)
				}
			}
		}
		t.Logf("%d searches compared, %d passages found", compared, found)
		if compared < 150 || found < 1000 {
			t.Errorf("compared %d searches finding %d passages: the test lost its questions", compared, found)
		}
	})
}

// sampleTerms picks terms of a field of every frequency: the most common
// ones, whose postings span several chunks, and a sample of the rest.
func sampleTerms(t *testing.T, r index.IndexReader, field string, rng *rand.Rand) []string {
	t.Helper()
	d, err := r.FieldDict(field)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	type entry struct {
		term  string
		count uint64
	}
	var all []entry
	for {
		e, err := d.Next()
		if err != nil {
			t.Fatal(err)
		}
		if e == nil {
			break
		}
		all = append(all, entry{e.Term, e.Count})
	}
	slices.SortFunc(all, func(a, b entry) int { return int(b.count) - int(a.count) })
	var out []string
	for i, e := range all {
		if i < 8 || rng.IntN(len(all)/12+1) == 0 {
			out = append(out, e.term)
		}
	}
	return out
}

// diffTermFieldDoc describes how two postings differ, or returns "".
func diffTermFieldDoc(got, want *index.TermFieldDoc) string {
	if got == nil || want == nil {
		if got != want {
			return fmt.Sprintf("got %v, scorch %v", got, want)
		}
		return ""
	}
	if !got.ID.Equals(want.ID) || got.Freq != want.Freq || got.Norm != want.Norm || len(got.Vectors) != len(want.Vectors) {
		return fmt.Sprintf("got passage %d freq %d norm %v (%d locations), scorch passage %d freq %d norm %v (%d)",
			got.ID.Value(), got.Freq, got.Norm, len(got.Vectors), want.ID.Value(), want.Freq, want.Norm, len(want.Vectors))
	}
	for i, v := range got.Vectors {
		w := want.Vectors[i]
		if v.Field != w.Field || v.Pos != w.Pos || v.Start != w.Start || v.End != w.End || !slices.Equal(v.ArrayPositions, w.ArrayPositions) {
			return fmt.Sprintf("passage %d location %d: got %+v, scorch %+v", got.ID.Value(), i, *v, *w)
		}
	}
	return ""
}
