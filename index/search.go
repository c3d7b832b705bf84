package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/disputebot/disputebot/knowledge"
)

// Retrieval settings.
const (
	// candidates is how many passages bleve returns for re-ranking beyond
	// the page asked for.
	candidates = 30
	// tieMargin is how many more candidates are fetched so that ties at
	// the cut can be ordered by id.
	tieMargin = 20
	// maxTermSearchers bounds the term expansion of one search, so that no
	// question can make a search slow or memory-hungry.
	maxTermSearchers = 1000
	// minCoverage is the share of what a question asks about (weighted by
	// how rare each part is) that a passage must cover to be an answer. It
	// is relative to the question, not an absolute BM25 score, so it does
	// not drift as bleve merges segments.
	minCoverage = 0.5
	// fullCoverage answers even without an anchor: a passage that covers
	// nearly all of a question of several words is about it.
	fullCoverage = 0.8
	// unknownDiscount scales the weight of question words the corpus does
	// not contain at all: they may be off-topic, or just a paraphrase.
	unknownDiscount = 0.6
	// minRelative drops hits scoring under this share of the best one: they
	// only share a word or two with the question.
	minRelative = 0.12
	// minBodyCoverage is what the passage itself, not its title or
	// neighbours, must cover: context helps rank, but cannot answer.
	minBodyCoverage = 0.25
	// excerptRunes bounds an excerpt.
	excerptRunes = 360
)

// Field credits: how much a concept found only in the title or in the
// neighbouring text counts towards coverage, against 1 in the passage.
const (
	creditPart = 0.8 // for a specific word of a multi-word name or term found alone
)

var creditTitle, creditContext = 0.7, 0.6

// Search answers a query with the passages that best match it, best first,
// or with none when the corpus does not cover the question.
func (idx *Index) Search(ctx context.Context, q knowledge.Query) (*knowledge.Answer, error) {
	if err := q.Normalize(); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, idx.timeout)
	defer cancel()
	ctx = context.WithValue(ctx, search.MaxTermSearchersKey, maxTermSearchers)

	idx.swap.RLock()
	defer idx.swap.RUnlock()
	b := idx.cur
	if b == nil {
		return nil, errors.New("index is closed")
	}
	adv, err := b.Advanced()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	p := idx.plan(idx.counts.reader(r), q.Text)
	scoped := otherScopes(r, q.Guild)

	ans := &knowledge.Answer{Query: q}
	if len(p.concepts) == 0 {
		r.Close()
		return ans, nil // nothing searchable in the question
	}
	// First the candidates, cheaply; then the full query, with term
	// locations for re-ranking, on the candidates only.
	want := q.Offset + q.Limit + candidates
	res := &bleve.SearchResult{}
	res.Hits, err = idx.first(ctx, b, r, &p, q, scoped, want)
	r.Close()
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	slices.SortStableFunc(res.Hits, byCandidateScore)
	if len(res.Hits) > want {
		res.Hits = res.Hits[:want]
	}
	if len(res.Hits) == 0 {
		return ans, nil
	}
	// The full query also runs on the passages next to each candidate:
	// what they say counts as the candidate's context.
	isCandidate := map[string]bool{}
	var ids []string
	for _, h := range res.Hits {
		isCandidate[h.ID] = true
		ids = append(ids, h.ID)
	}
	for _, h := range res.Hits {
		for _, n := range neighbours(h.ID) {
			if !isCandidate[n] {
				isCandidate[n] = false
				ids = append(ids, n)
			}
		}
	}
	// Conjunctions, so that bleve walks the candidates only (a filter
	// would walk every match of the full query); the candidates' clause
	// scores 0, so that it adds nothing to the scores.
	set := newCandidateSet(ids)
	only := func(q query.Query) *bleve.SearchRequest {
		r := bleve.NewSearchRequestOptions(candidateQuery{set, bleve.NewConjunctionQuery(candidatesQuery{set}, q)}, len(ids), 0, false)
		r.IncludeLocations = true
		return r
	}
	concepts, extras := p.query(set)
	if res, err = b.SearchInContext(ctx, only(concepts)); err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	if extras != nil {
		more, err := b.SearchInContext(ctx, only(extras))
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Text, err)
		}
		addExtras(res.Hits, more.Hits)
	}
	ranked := p.rerank(withContext(res.Hits, isCandidate))
	if q.Offset >= len(ranked) {
		return ans, nil
	}
	page := ranked[q.Offset:]
	if len(page) > q.Limit {
		page, ans.More = page[:q.Limit], true
	}
	hits, err := idx.load(ctx, b, page, &p)
	if err != nil {
		return nil, err
	}
	ans.Hits = hits
	return ans, nil
}

// byCandidateScore orders candidates best first. Equal scores are common
// among them; ordering them by id makes the cut the same however bleve
// numbered the documents internally (which follows the iteration order of a
// Go map in its batches). Scores are compared to float32 precision: the same
// sum added up in another order, as bleve's heap of searchers does for
// passages numbered differently, differs in its last bits.
func byCandidateScore(a, b *search.DocumentMatch) int {
	if c := cmp.Compare(float32(b.Score), float32(a.Score)); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// first returns the first pass's candidates (see plan.retrieval): the best
// want+tieMargin passages for the telling query when it finds want or more,
// and for the all query otherwise.
func (idx *Index) first(ctx context.Context, b bleve.Index, r index.IndexReader, p *plan, q knowledge.Query, scoped bool, want int) (search.DocumentMatchCollection, error) {
	filter := func(qq query.Query) query.Query { return withFilters(qq, q, scoped) }
	concepts, pair := p.firstConcepts()
	plain := true // telling is still to be run by bleve
	var f *firstPass
	if snap, ok := r.(*scorch.IndexSnapshot); ok && !idx.plainFirst {
		segs := snap.Segments()
		idx.decoded.forSegments(segs)
		f = &firstPass{b: b, snap: snap, segs: segs, offsets: segmentOffsets(segs), filter: filter, size: want + tieMargin, decoded: &idx.decoded}
	}
	if f != nil && pair[0] >= 0 {
		// In a large corpus, the passages that hold the question's two
		// rarest concepts are few to score and enough to choose from.
		hits, ok, err := f.telling(ctx, concepts, pair, q, scoped, want)
		if err != nil && !errors.Is(err, errSnapshotChanged) {
			return nil, err
		}
		if err == nil && ok {
			if hits != nil {
				return hits, nil
			}
			plain = false
		}
	}
	all, telling := p.retrieval()
	if telling != nil && plain {
		req := bleve.NewSearchRequestOptions(filter(telling), want+tieMargin, 0, false)
		res, err := b.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		if len(res.Hits) >= want {
			return res.Hits, nil
		}
	}
	if f != nil && len(concepts) > 0 {
		allowed, ok, err := f.allowed(q, scoped)
		if err != nil {
			return nil, err
		}
		if ok {
			hits, ok, err := f.scoreAll(concepts, allowed, want+tieMargin, false)
			if err != nil {
				return nil, err
			}
			if ok {
				return hits, nil
			}
		}
	}
	req := bleve.NewSearchRequestOptions(filter(all), want+tieMargin, 0, false)
	res, err := b.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	return res.Hits, nil
}

// contextScore is the share of the best neighbour's score that a passage
// gets: what the text around it says about the question.
var contextScore = 0.2

// neighbours returns the ids of the passages before and after a passage.
func neighbours(id string) []string {
	article, n, ok := strings.Cut(id, "#")
	pos, err := strconv.Atoi(n)
	if !ok || err != nil {
		return nil
	}
	out := []string{knowledge.PassageID(article, pos+1)}
	if pos > 1 {
		out = append(out, knowledge.PassageID(article, pos-1))
	}
	return out
}

// withContext returns the candidates among hits, each with the terms found
// in its neighbours' text under fieldContext in its locations.
func withContext(hits search.DocumentMatchCollection, isCandidate map[string]bool) search.DocumentMatchCollection {
	byID := make(map[string]*search.DocumentMatch, len(hits))
	for _, h := range hits {
		byID[h.ID] = h
	}
	var out search.DocumentMatchCollection
	for _, h := range hits {
		if !isCandidate[h.ID] {
			continue
		}
		ctx := search.TermLocationMap{}
		near := 0.0
		for _, n := range neighbours(h.ID) {
			if nh := byID[n]; nh != nil {
				near = max(near, nh.Score)
				for term, locs := range nh.Locations[fieldBody] {
					ctx[term] = append(ctx[term], locs...)
				}
			}
		}
		h.Score += contextScore * near
		if len(ctx) > 0 {
			if h.Locations == nil {
				h.Locations = search.FieldTermLocationMap{}
			}
			h.Locations[fieldContext] = ctx
		}
		out = append(out, h)
	}
	return out
}

// addExtras adds the term locations of the extra clauses to the hits that
// matched concepts. Their scores are left out: measured on the question
// files, they made the ranking worse.
func addExtras(hits, extras search.DocumentMatchCollection) {
	byID := make(map[string]*search.DocumentMatch, len(extras))
	for _, e := range extras {
		byID[e.ID] = e
	}
	for _, h := range hits {
		e := byID[h.ID]
		if e == nil {
			continue
		}
		if h.Locations == nil {
			h.Locations = search.FieldTermLocationMap{}
		}
		for field, terms := range e.Locations {
			if h.Locations[field] == nil {
				h.Locations[field] = search.TermLocationMap{}
			}
			for term, locs := range terms {
				h.Locations[field][term] = append(h.Locations[field][term], locs...)
			}
		}
	}
}

// otherScopes reports whether the index holds passages of servers other
// than guild, which a search must then filter out. Most indexes hold none,
// and the filter, which bleve checks passage by passage, is a tenth of the
// time of a search in a large one.
func otherScopes(r index.IndexReader, guild string) bool {
	d, err := r.FieldDict(fieldScope)
	if err != nil {
		return true
	}
	defer d.Close()
	for {
		e, err := d.Next()
		if err != nil {
			return true
		}
		if e == nil {
			return false
		}
		if e.Term != knowledge.Global && e.Term != guild && e.Count > 0 {
			return true
		}
	}
}

// withFilters restricts a query to the asking server's scope (when other
// servers' passages are in the index), the topics and the date range,
// without changing scores.
func withFilters(q query.Query, kq knowledge.Query, scoped bool) query.Query {
	var filters []query.Query
	if scoped {
		scopes := []query.Query{keywordQuery(fieldScope, knowledge.Global)}
		if kq.Guild != "" {
			scopes = append(scopes, keywordQuery(fieldScope, kq.Guild))
		}
		filters = append(filters, bleve.NewDisjunctionQuery(scopes...))
	}
	if len(filters) == 0 && len(kq.Topics) == 0 && kq.From.IsZero() && kq.To.IsZero() {
		return q
	}
	if len(kq.Topics) > 0 {
		var ts []query.Query
		for _, t := range kq.Topics {
			ts = append(ts, keywordQuery(fieldTopics, string(t)))
		}
		filters = append(filters, bleve.NewDisjunctionQuery(ts...))
	}
	if !kq.From.IsZero() || !kq.To.IsZero() {
		inc := true
		var to time.Time
		if !kq.To.IsZero() {
			to = kq.To.Add(24*time.Hour - time.Nanosecond) // the whole last day
		}
		dr := bleve.NewDateRangeInclusiveQuery(kq.From, to, &inc, &inc)
		dr.SetField(fieldPublished)
		filters = append(filters, dr)
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(q)
	bq.AddFilter(bleve.NewConjunctionQuery(filters...))
	return bq
}

func keywordQuery(field, value string) query.Query {
	tq := bleve.NewTermQuery(value)
	tq.SetField(field)
	return tq
}

// candidate is a hit being re-ranked.
type candidate struct {
	hit      *search.DocumentMatch
	coverage float64
	score    float64
}

// rerank orders hits by bleve's score weighted by how much of the question
// each covers, and drops those that do not cover enough of it. The first
// hit that fails is where the corpus stops answering the question.
func (p *plan) rerank(hits search.DocumentMatchCollection) []candidate {
	var out []candidate
	top := 0.0
	for _, h := range hits {
		top = max(top, h.Score)
	}
	for _, h := range hits {
		m := p.match(h.Locations)
		if m.cov < minCoverage || m.body < minBodyCoverage || !m.anchored && (m.cov < fullCoverage || m.matched < 2) {
			continue
		}
		prox := p.proximity(h.Locations[fieldBody])
		score := rankScore(h.Score/top, m, prox) * p.intentFactor(h.Locations) * leadPrior(h.ID)
		out = append(out, candidate{hit: h, coverage: m.cov, score: score})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].hit.ID < out[j].hit.ID // ties in a fixed order, whatever bleve's internal one
	})
	for i := range out {
		if out[i].score < minRelative*out[0].score {
			return out[:i]
		}
	}
	return out
}

// rankScore combines bleve's score with coverage. Coverage of the passage
// text itself counts most: a passage that names what the question asks
// about is a better answer than one whose neighbours do.
var rankScore = func(score float64, m match, prox float64) float64 {
	c := 0.5*m.cov + 0.5*m.body
	return c * c * (1 + proxWeight*prox) * (bleveShare*score + 1 - bleveShare)
}

var bleveShare, proxWeight, leadWeight = 0.5, 0.5, 0.15

// intentMiss scales passages without the cue a question asks for.
var intentMiss = 0.6

// leadPrior favours the opening passages of an article, which in news and
// in the notes say what the article is about.
func leadPrior(id string) float64 {
	_, n, ok := strings.Cut(id, "#")
	if !ok {
		return 1
	}
	pos, err := strconv.Atoi(n)
	if err != nil || pos < 1 {
		return 1
	}
	return 1 + leadWeight/float64(pos)
}

// proximity is how close together the question's concepts stand in the
// passage: 1 when those found sit side by side, falling towards 0 as the
// shortest stretch of text holding them all grows. One concept or none
// gives 0.
func (p *plan) proximity(locs search.TermLocationMap) float64 {
	type occ struct{ pos, concept int }
	var occs []occ
	for term, ls := range locs {
		ci, ok := p.terms[term]
		if !ok {
			if !p.intentWord(term) {
				continue
			}
			ci = intentConcept // a date near the matches answers "when"
		}
		for _, l := range ls {
			occs = append(occs, occ{int(l.Pos), ci})
		}
	}
	sort.Slice(occs, func(i, j int) bool { return occs[i].pos < occs[j].pos })
	distinct := map[int]bool{}
	for _, o := range occs {
		distinct[o.concept] = true
	}
	k := len(distinct)
	if k < 2 {
		return 0
	}
	// Shortest window holding every distinct concept.
	best := math.MaxInt
	count := map[int]int{}
	have := 0
	lo := 0
	for hi, o := range occs {
		if count[o.concept] == 0 {
			have++
		}
		count[o.concept]++
		for have == k {
			best = min(best, o.pos-occs[lo].pos)
			count[occs[lo].concept]--
			if count[occs[lo].concept] == 0 {
				have--
			}
			lo++
		}
		_ = hi
	}
	return float64(k-1) / float64(max(best, k-1))
}

// intentFactor lowers passages that lack what the form of the question asks
// for: a date for "when", a duration for "how long", an amount for "how
// much".
func (p *plan) intentFactor(locs search.FieldTermLocationMap) float64 {
	f := 1.0
	for _, cue := range p.intents {
		if _, ok := locs[fieldCues][cue]; !ok {
			f *= intentMiss
		}
	}
	return f
}

// match is how a passage matches a question's concepts.
type match struct {
	cov      float64 // weighted share of the concepts covered, by the passage, its title or its neighbours
	body     float64 // the same, by the passage text alone
	anchored bool    // a covered concept ties the question to the dispute (see anchor)
	matched  int     // specific concepts covered
}

// match computes how a passage matches the plan, from the terms bleve
// found in it.
func (p *plan) match(locs search.FieldTermLocationMap) match {
	var m match
	var total float64
	for _, c := range p.concepts {
		w := c.weight
		if c.unknown() {
			w *= unknownDiscount
		}
		total += w
		credit, inTitle := 0.0, false
		for _, f := range []struct {
			name   string
			credit float64
		}{{fieldBody, 1}, {fieldTitle, creditTitle}, {fieldContext, creditContext}} {
			terms := locs[f.name]
			if terms == nil {
				continue
			}
			for _, a := range c.alts {
				fr := phraseIn(a.terms, terms)
				credit = max(credit, f.credit*fr)
				inTitle = inTitle || f.name == fieldTitle && fr == 1
			}
			if f.name == fieldBody && anyFound(c.parts, terms) {
				credit = max(credit, creditPart)
			}
			if f.name == fieldBody {
				m.body += w * credit
			}
		}
		// A word of the concept in the passage ("exports") of an article
		// whose title names it whole ("export controls") covers it.
		if bodyPart := credit; inTitle && bodyPart >= creditPart && bodyPart < 1 {
			credit = 1
		}
		m.cov += w * credit
		if credit >= 0.5 && c.specific {
			m.matched++
			m.anchored = m.anchored || c.anchor
		}
	}
	if total > 0 {
		m.cov, m.body = m.cov/total, m.body/total
	}
	return m
}

func anyFound(terms []string, found search.TermLocationMap) bool {
	for _, t := range terms {
		if _, ok := found[t]; ok {
			return true
		}
	}
	return false
}

// phraseIn reports whether the terms of a spelling stand together in a
// field, as 1 or 0 (words of a multi-word spelling found apart get the
// credit of parts instead).
func phraseIn(terms []string, found search.TermLocationMap) float64 {
	if len(terms) == 1 {
		if _, ok := found[terms[0]]; ok {
			return 1
		}
		return 0
	}
	first := -1
	for i, t := range terms {
		if t != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return 0
	}
	for _, start := range found[terms[first]] {
		ok := true
		for k := first + 1; k < len(terms) && ok; k++ {
			if terms[k] == "" {
				continue
			}
			ok = hasPos(found[terms[k]], start.Pos+uint64(k-first))
		}
		if ok {
			return 1
		}
	}
	return 0
}

func hasPos(locs search.Locations, pos uint64) bool {
	for _, l := range locs {
		if l.Pos == pos {
			return true
		}
	}
	return false
}

// load fetches the stored fields of the chosen hits and cuts their excerpts.
func (idx *Index) load(ctx context.Context, b bleve.Index, page []candidate, p *plan) ([]knowledge.Hit, error) {
	ids := make([]string, len(page))
	for i, c := range page {
		ids[i] = c.hit.ID
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = storedFields
	res, err := b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("load hits: %w", err)
	}
	fields := make(map[string]map[string]any, len(res.Hits))
	for _, h := range res.Hits {
		fields[h.ID] = h.Fields
	}
	out := make([]knowledge.Hit, 0, len(page))
	for _, c := range page {
		f := fields[c.hit.ID]
		if f == nil {
			continue // removed between the two searches
		}
		h := knowledge.Hit{
			ArticleID: str(f[fieldArticleID]), Passage: int(num(f[fieldPassage])), Title: str(f[fieldTitle]),
			Publisher: str(f[fieldPublisher]), URL: str(f[fieldURL]), Kind: knowledge.Kind(str(f[fieldKind])),
			Scope: str(f[fieldScope]), Text: str(f[fieldBody]), Score: c.score,
		}
		if t, err := time.Parse(time.RFC3339, str(f[fieldPublished])); err == nil {
			h.Published = t.UTC()
		}
		for _, t := range strs(f[fieldTopics]) {
			h.Topics = append(h.Topics, knowledge.Topic(t))
		}
		slices.SortFunc(h.Topics, func(a, b knowledge.Topic) int {
			return slices.Index(knowledge.Topics, a) - slices.Index(knowledge.Topics, b)
		})
		h.Excerpt = p.excerpt(h.Text, c.hit.Locations[fieldBody], excerptRunes)
		out = append(out, h)
	}
	return out, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func num(v any) float64 {
	f, _ := v.(float64)
	return f
}

// strs reads a stored multi-valued field, which bleve returns as a string
// when it has one value and as a slice otherwise.
func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// unknown reports whether none of the concept's spellings is in the corpus.
func (c *concept) unknown() bool { return c.absent }
