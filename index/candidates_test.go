package index

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/disputebot/disputebot/index/internal/newsgen"
	"github.com/disputebot/disputebot/knowledge"
)

// TestCandidatePhraseIsBlevesPhrase: on any set of candidates, the phrase
// query that is checked at the candidates only finds what bleve's own
// phrase query, restricted to them, finds: the same passages, scores and
// phrase locations. Phrases are the dispute's names and terms and word
// runs cut from passages, stop words included, in the body and the title.
func TestCandidatePhraseIsBlevesPhrase(t *testing.T) {
	articles := append(defaultCorpus(t), newsgen.Articles(3, 400)...)
	idx, _ := openTest(t, articles)
	var all []string
	for id, e := range idx.manifest {
		for n := 1; n <= e.Passages; n++ {
			all = append(all, knowledge.PassageID(id, n))
		}
	}
	slices.Sort(all)

	rng := rand.New(rand.NewPCG(20261127, 2))
	texts := []string{
		"Kang Kyung-wha", "Treaty on Basic Relations", "the two ministers", "export controls", "South Korea",
		"Supreme Court", "white list", "Moon Jae-in", "wartime labor", "no such phrase anywhere",
	}
	for range 40 {
		words := strings.Fields(articles[rng.IntN(len(articles))].Passages()[0].Text)
		n := 2 + rng.IntN(3)
		if len(words) > n {
			i := rng.IntN(len(words) - n)
			texts = append(texts, strings.Join(words[i:i+n], " "))
		}
	}
	sets := [][]string{all}
	for range 3 {
		var some []string
		for _, id := range all {
			if rng.IntN(8) == 0 {
				some = append(some, id)
			}
		}
		sets = append(sets, some)
	}

	idx.swap.RLock()
	b := idx.cur
	idx.swap.RUnlock()
	run := func(q query.Query) map[string]*search.DocumentMatch { return searchAll(t, b, q, len(all)) }
	compared, found := 0, 0
	for _, text := range texts {
		terms := idx.phrase(text)
		if len(terms) < 2 {
			continue
		}
		for _, field := range []string{fieldBody, fieldTitle} {
			for si, ids := range sets {
				ref := bleve.NewDocIDQuery(ids)
				ref.SetBoost(0)
				pq := bleve.NewPhraseQuery(terms, field)
				pq.SetBoost(0.8)
				set := newCandidateSet(ids)
				cq := &candidatePhraseQuery{set: set, terms: terms, field: field, boost: 0.8}
				// bleve's BM25 scores shift when background merges change
				// the segments between two searches: compare the two only
				// when bleve's own answer did not change meanwhile.
				var want, got map[string]*search.DocumentMatch
				for try := 0; ; try++ {
					want = run(bleve.NewConjunctionQuery(ref, pq))
					got = run(bleve.NewConjunctionQuery(candidatesQuery{set}, cq))
					if scoresOf(run(bleve.NewConjunctionQuery(ref, pq))) == scoresOf(want) || try == 5 {
						break
					}
				}

				compareHits(t, fmt.Sprintf("%q (%q) in %s, set %d", text, terms, field, si), got, want)
				compared++
				found += len(want)
			}
		}
	}
	if compared < 200 || found < 100 {
		t.Errorf("compared %d searches finding %d passages: the test lost its phrases", compared, found)
	}
	t.Logf("%d searches compared, %d passages found", compared, found)
}

// searchAll returns the hits of a search, with their term locations, by id.
func searchAll(t *testing.T, b bleve.Index, q query.Query, size int) map[string]*search.DocumentMatch {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, size, 0, false)
	req.IncludeLocations = true
	res, err := b.SearchInContext(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*search.DocumentMatch{}
	for _, h := range res.Hits {
		out[h.ID] = h
	}
	return out
}

// compareHits reports how got differs from want, bleve's own hits: the
// passages found, their scores and their term locations.
func compareHits(t *testing.T, where string, got, want map[string]*search.DocumentMatch) {
	t.Helper()
	if g, w := slices.Sorted(mapKeys(got)), slices.Sorted(mapKeys(want)); !slices.Equal(g, w) {
		t.Errorf("%s: found %v, bleve %v", where, g, w)
		return
	}
	for id, w := range want {
		g := got[id]
		if math.Abs(g.Score-w.Score) > 1e-9*max(1, w.Score) {
			t.Errorf("%s: %s scores %v, bleve %v", where, id, g.Score, w.Score)
		}
		if gl, wl := locationsOf(g), locationsOf(w); gl != wl {
			t.Errorf("%s: %s locations %s, bleve %s", where, id, gl, wl)
		}
	}
}

// snapshot returns a reader of the current snapshot of b.
func snapshot(t *testing.T, b bleve.Index) index.IndexReader {
	t.Helper()
	adv, err := b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// scoresOf prints hits' scores in a fixed order.
func scoresOf(hits map[string]*search.DocumentMatch) string {
	var out []string
	for id, h := range hits {
		out = append(out, fmt.Sprintf("%s=%v", id, h.Score))
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

// locationsOf prints a hit's term locations in a fixed order.
func locationsOf(h *search.DocumentMatch) string {
	var out []string
	for field, terms := range h.Locations {
		for term, locs := range terms {
			var pos []string
			for _, l := range locs {
				pos = append(pos, fmt.Sprintf("%d@%d-%d", l.Pos, l.Start, l.End))
			}
			slices.Sort(pos)
			out = append(out, field+"/"+term+":"+strings.Join(pos, ","))
		}
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}
