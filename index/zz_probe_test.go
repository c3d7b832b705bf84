package index

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/disputebot/disputebot/index/internal/newsgen"
	"github.com/disputebot/disputebot/knowledge"
)

func probeIndex(t *testing.T, n int) *Index {
	dir := fmt.Sprintf("/tmp/dbprobe-%d", n)
	if _, err := os.Stat(dir); err != nil {
		if _, err := benchBuild(dir, newsgen.Articles(benchCorpusSeed, n)); err != nil {
			t.Fatal(err)
		}
	}
	idx, err := Open(dir, benchOptions())
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

func TestZZProbe(t *testing.T) {
	ns := os.Getenv("PROBE_N")
	if ns == "" {
		t.Skip()
	}
	n, _ := strconv.Atoi(ns)
	idx := probeIndex(t, n)
	defer idx.Close()
	qs := newsgen.Questions(benchQuestionSeed, benchQuestions)
	type row struct {
		q                       string
		plan, main, load, total time.Duration
		hits                    uint64
		concepts, nonspec, alts int
		answered                bool
	}
	var rows []row
	ctx := context.Background()
	for _, q := range qs {
		var r row
		r.q = q
		t0 := time.Now()
		ans, err := idx.Search(ctx, knowledge.Query{Text: q, Limit: 3})
		r.total = time.Since(t0)
		if err != nil {
			t.Fatal(err)
		}
		r.answered = len(ans.Hits) > 0
		kq := knowledge.Query{Text: q, Limit: 3}
		kq.Normalize()
		adv, _ := idx.cur.Advanced()
		rd, _ := adv.Reader()
		t1 := time.Now()
		p := idx.plan(rd, kq.Text)
		r.plan = time.Since(t1)
		rd.Close()
		for _, c := range p.concepts {
			r.alts += len(c.alts)
			if !c.specific {
				r.nonspec++
			}
		}
		r.concepts = len(p.concepts)
		if len(p.concepts) > 0 {
			req := bleve.NewSearchRequestOptions(withFilters(p.query(), kq), 3+candidates, 0, false)
			req.IncludeLocations = true
			t2 := time.Now()
			res, err := idx.cur.Search(req)
			r.main = time.Since(t2)
			if err != nil {
				t.Fatal(err)
			}
			r.hits = res.Total
		}
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].total > rows[j].total })
	var sp, sm, st time.Duration
	nonspecAny, noSpecific := 0, 0
	var noSpecTime time.Duration
	for _, r := range rows {
		sp += r.plan
		sm += r.main
		st += r.total
		if r.nonspec > 0 {
			nonspecAny++
		}
		if r.concepts > 0 && r.nonspec == r.concepts {
			noSpecific++
			noSpecTime += r.total
			if r.answered {
				t.Errorf("answered with no specific concept: %q", r.q)
			}
		}
	}
	fmt.Printf("N=%d total=%v plan=%v main=%v (rest=load+excerpt) ; with non-specific concept: %d ; all non-specific: %d (%v)\n",
		n, st, sp, sm, nonspecAny, noSpecific, noSpecTime)
	for _, r := range rows[:25] {
		fmt.Printf("%6.1fms plan=%5.1f main=%5.1f hits=%6d c=%d nonspec=%d alts=%2d ans=%v %q\n",
			ms(r.total), ms(r.plan), ms(r.main), r.hits, r.concepts, r.nonspec, r.alts, r.answered, r.q)
	}
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }
