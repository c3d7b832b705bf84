package index

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/disputebot/disputebot/index/internal/newsgen"
	"github.com/disputebot/disputebot/knowledge"
)

// TestFirstPassIsBlevesOwn: the first pass finds the candidates that
// bleve's telling and all queries find over the whole index, passage for
// passage and score for score, with and without filters (servers, topics,
// dates), whether telling is found too small from its bitmaps, scored on
// its passages only, or left to bleve as too large.
func TestFirstPassIsBlevesOwn(t *testing.T) {
	articles := append(defaultCorpus(t), newsgen.Articles(9, 6000)...)
	for i, a := range articles {
		if i%7 == 3 {
			a.Scope = []string{"111", "222"}[i%2] // other servers' articles
		}
	}
	idx, _ := openTest(t, articles)
	questions := append(newsgen.Questions(11, 120),
		"How long did Motegi and Kang talk in Madrid?", "When did the export controls take effect?",
		"what did the supreme court order nippon steel to pay", "GSOMIA", "white list Group A said officials",
		"South Korea Japan talks", "export curbs Samsung semiconductors")
	from, err := knowledge.ParseDate("2019-07-01")
	if err != nil {
		t.Fatal(err)
	}
	queries := []knowledge.Query{
		{Limit: 3},
		{Limit: 3, Guild: "111"},
		{Limit: 3, Topics: []knowledge.Topic{knowledge.TopicExportControls}},
		{Limit: 5, Offset: 2, From: from},
	}

	idx.swap.RLock()
	b := idx.cur
	idx.swap.RUnlock()
	outcomes := map[string]int{}
	compared := 0
	for _, budget := range []int{tellingBudget, 60} {
		old := tellingBudget
		tellingBudget = budget
		for _, text := range questions {
			for qi, q := range queries {
				q.Text = text
				if err := q.Normalize(); err != nil {
					t.Fatal(err)
				}
				adv, err := b.Advanced()
				if err != nil {
					t.Fatal(err)
				}
				r, err := adv.Reader()
				if err != nil {
					t.Fatal(err)
				}
				p := idx.plan(r, q.Text)
				scoped := otherScopes(r, q.Guild)
				want := q.Offset + q.Limit + candidates
				if concepts, pair := p.firstConcepts(); pair[0] >= 0 {
					snap := r.(*scorch.IndexSnapshot)
					segs := snap.Segments()
					f := &firstPass{b: b, snap: snap, segs: segs, offsets: segmentOffsets(segs), size: want + tieMargin,
						filter: func(qq query.Query) query.Query { return withFilters(qq, q, scoped) }}
					hits, ok, err := f.telling(context.Background(), concepts, pair, want)
					switch {
					case err != nil:
						t.Fatal(err)
					case !ok:
						outcomes["left to bleve"]++
					case hits == nil:
						outcomes["too few"]++
					default:
						outcomes["scored on its passages"]++
					}
				}
				var got, wanted search.DocumentMatchCollection
				for try := 0; ; try++ { // see TestCandidatePhraseIsBlevesPhrase
					idx.plainFirst = true
					wanted, err = idx.first(context.Background(), b, r, &p, q, scoped, want)
					if err != nil {
						t.Fatal(err)
					}
					idx.plainFirst = false
					if got, err = idx.first(context.Background(), b, r, &p, q, scoped, want); err != nil {
						t.Fatal(err)
					}
					again, err := idx.first(context.Background(), b, r, &p, q, scoped, want)
					if err != nil {
						t.Fatal(err)
					}
					if cut(again, want) == cut(got, want) || try == 5 {
						break
					}
				}
				r.Close()
				if g, w := cut(got, want), cut(wanted, want); g != w {
					t.Errorf("%q, query %d: first pass\n%s\nbleve\n%s", text, qi, g, w)
				}
				compared++
			}
		}
		tellingBudget = old
	}
	t.Logf("%d first passes compared; telling %v", compared, outcomes)
	for _, o := range []string{"left to bleve", "too few", "scored on its passages"} {
		if outcomes[o] < 20 {
			t.Errorf("telling %s %d times: the test does not test that case", o, outcomes[o])
		}
	}
}

// cut prints the want best hits as Search keeps them: by score, then id.
func cut(hits search.DocumentMatchCollection, want int) string {
	hits = slices.Clone(hits)
	slices.SortStableFunc(hits, func(a, b *search.DocumentMatch) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	out := ""
	for i, h := range hits[:min(want, len(hits))] {
		out += fmt.Sprintf("%d %s %.9g\n", i, h.ID, math.Round(h.Score*1e12)/1e12)
	}
	return out
}
