package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/disputebot/disputebot/knowledge"
)

// Retrieval settings.
const (
	// candidates is how many passages bleve returns for reranking beyond
	// the page asked for.
	candidates = 30
	// maxTermSearchers bounds the term searchers of one search, so that no
	// question can make a search slow or memory-hungry.
	maxTermSearchers = 1000
	// commonShare: a concept found in more than this share of the passages
	// ("Japan" in a corpus about Japan) is left out of the candidate search
	// when the question has rarer ones. It would make bleve score half the
	// corpus, and the ranking still counts it.
	commonShare = 0.3
	// minRetrieveConf: alternatives less sure than this (thesaurus words,
	// parts of names) help rank the candidates but do not find them: they
	// would add many postings to read for few answers.
	minRetrieveConf = 0.5
	// excerptRunes bounds an excerpt.
	excerptRunes = 360
)

// boostTitle is the weight of the title in the candidate search (the
// ranking has its own weights). The context is left out of it: it is the
// neighbours' text, which finds a passage's neighbours anyway, and it would
// double the postings read.
const boostTitle = 0.5

// Search answers a query with the passages that best match it, best first,
// or with none when the corpus does not cover the question.
func (idx *Index) Search(ctx context.Context, q knowledge.Query) (*knowledge.Answer, error) {
	return idx.search(ctx, q, nil)
}

// Explain answers a query as Search does, and describes how: the
// concepts read in the question with their weights and spellings, and
// each candidate's features and score. It is for operators wondering why
// an answer came out as it did.
func (idx *Index) Explain(ctx context.Context, q knowledge.Query) (*knowledge.Answer, string, error) {
	var b strings.Builder
	ans, err := idx.search(ctx, q, &b)
	return ans, b.String(), err
}

func (idx *Index) search(ctx context.Context, q knowledge.Query, trace *strings.Builder) (*knowledge.Answer, error) {
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
	st := idx.counts.stats(r)
	qq := idx.analyze(st, q.Text, idx.ranking)
	followUp := false
	if q.After != "" && idx.ranking.FollowUp > 0 && followsUp(q.Text) {
		followUp = qq.addContext(idx.analyze(st, q.After, idx.ranking), idx.ranking.FollowUp) > 0
	}
	if trace != nil {
		if followUp {
			fmt.Fprintf(trace, "a follow-up, read with %q\n", q.After)
		}
		qq.describe(trace)
	}
	scoped := otherScopes(r, q.Guild)
	r.Close()

	ans := &knowledge.Answer{Query: q, FollowUp: followUp}
	ids, err := idx.retrieve(ctx, b, &qq, q, scoped, st.passages(), q.Offset+q.Limit+candidates)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	if len(ids) == 0 {
		return ans, nil
	}
	cands, err := idx.passages(ctx, b, ids)
	if err != nil {
		return nil, err
	}
	if more, err := idx.referring(ctx, b, &qq, cands, q, scoped); err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	} else if len(more) > 0 {
		extra, err := idx.passages(ctx, b, more)
		if err != nil {
			return nil, err
		}
		cands = append(cands, extra...)
	}
	ranked := idx.ranking.cut(idx.ranking.rank(&qq, cands, idx.avgLengths()))
	if trace != nil {
		idx.ranking.describe(trace, &qq, cands, idx.avgLengths(), ranked)
	}
	if q.Offset >= len(ranked) {
		return ans, nil
	}
	page := ranked[q.Offset:]
	if len(page) > q.Limit {
		page, ans.More = page[:q.Limit], true
	}
	for _, s := range page {
		h := s.p.hit
		h.Score = s.score
		h.Excerpt = excerpt(h.Text, idx.marks(&qq, h.Text, s.p.lang), excerptRunes, answersIn(qq.wants, s.p.lang))
		ans.Hits = append(ans.Hits, h)
	}
	return ans, nil
}

// answersIn returns whether a sentence holds one of the kinds of answer a
// question asks for (see cues), or nil when it asks for none.
func answersIn(wants []string, lang string) func(string) bool {
	if len(wants) == 0 {
		return nil
	}
	return func(sentence string) bool {
		for _, c := range cues(sentence, lang) {
			if slices.Contains(wants, c) {
				return true
			}
		}
		return false
	}
}

// retrieve returns the ids of the candidates: the passages that bleve
// scores best for a disjunction of the question's concepts, each a
// disjunction of its spellings in the passage and its title. Phrases are
// searched by their rarest word here; the ranking checks them. In a large
// corpus the passages holding the question's two rarest concepts are
// plenty to choose from, and finding them reads far fewer postings: they
// are tried first.
func (idx *Index) retrieve(ctx context.Context, b bleve.Index, q *question, kq knowledge.Query, scoped bool, n uint64, size int) ([]string, error) {
	type retrievable struct {
		q  query.Query
		df uint64
	}
	var cs []retrievable
	for _, c := range q.concepts {
		if !c.known {
			continue
		}
		var alts []query.Query
		seen := map[string]bool{}
		var df uint64
		for _, a := range c.alts {
			t := a.rarest
			if seen[t] || a.conf < minRetrieveConf {
				continue
			}
			seen[t] = true
			df = max(df, a.df) // of the union, at least
			for _, l := range idx.searchLanguages(a.lang) {
				alts = append(alts, termQuery(t, bodyFields[l], a.conf), termQuery(t, titleFields[l], a.conf*boostTitle))
			}
		}
		if len(alts) > 0 {
			dq := bleve.NewDisjunctionQuery(alts...)
			dq.SetBoost(c.weight)
			cs = append(cs, retrievable{dq, df})
		}
	}
	if len(cs) == 0 {
		return nil, nil
	}
	slices.SortStableFunc(cs, func(a, b retrievable) int { return cmp.Compare(a.df, b.df) })
	// A concept found in a large share of the passages ("Japan" in a
	// corpus about Japan) makes bleve score half the corpus: it is left
	// out when the question has rarer ones; the ranking still counts it.
	for len(cs) > 1 && float64(cs[len(cs)-1].df) > commonShare*float64(n) {
		cs = cs[:len(cs)-1]
	}
	search := func(qq query.Query) ([]string, error) {
		// bleve cuts at equal scores by its internal numbering, which
		// differs between two builds of the same passages: more are
		// asked for and cut here by byScore, so that a question gets the
		// same candidates in every copy of the index.
		req := bleve.NewSearchRequestOptions(withFilters(qq, kq, scoped), size+size/2, 0, false)
		res, err := b.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		hits := res.Hits
		slices.SortStableFunc(hits, byScore)
		hits = hits[:min(size, len(hits))]
		ids := make([]string, len(hits))
		for i, h := range hits {
			ids[i] = h.ID
		}
		return ids, nil
	}
	if len(cs) >= 2 && n >= minConjunctionCorpus {
		ids, err := search(bleve.NewConjunctionQuery(cs[0].q, cs[1].q))
		if err != nil || len(ids) >= size {
			return ids, err
		}
	}
	all := make([]query.Query, len(cs))
	for i, c := range cs {
		all[i] = c.q
	}
	return search(bleve.NewDisjunctionQuery(all...))
}

// minConjunctionCorpus is the number of passages from which candidates are
// first sought among those holding the two rarest concepts.
const minConjunctionCorpus = 20_000

// searchLanguages returns the languages whose fields terms of a language
// are searched in: Korean and Japanese terms in their own, English terms
// in English and in every other language the index holds (their Latin
// words are analyzed as English).
func (idx *Index) searchLanguages(l string) []string {
	if l != knowledge.English {
		return []string{l}
	}
	out := []string{knowledge.English}
	for _, other := range corpusLanguages[1:] {
		if idx.hasLanguage(other) {
			out = append(out, other)
		}
	}
	return out
}

// byScore orders hits best first, equal scores by id, so that the cut is
// the same however bleve numbered the passages internally. Scores are
// compared to float32 precision: the same sum added in another order
// differs in its last bits.
func byScore(a, b *search.DocumentMatch) int {
	return cmp.Or(cmp.Compare(float32(b.Score), float32(a.Score)), cmp.Compare(a.ID, b.ID))
}

// otherScopes reports whether the index holds passages of servers other
// than guild, which a search must then filter out. Most indexes hold none,
// and the filter, which bleve checks passage by passage, costs time.
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
	if len(filters) == 0 {
		return q
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

// termQuery matches one analyzed term.
func termQuery(term, field string, boost float64) query.Query {
	tq := bleve.NewTermQuery(term)
	tq.SetField(field)
	tq.SetBoost(boost)
	return tq
}

// marks returns the words of a passage's text that say the question's
// concepts, for bold in the excerpt, each with its concept. The text is
// analyzed again: for the few passages shown, not for every candidate.
func (idx *Index) marks(q *question, text, lang string) []mark {
	terms := map[string]int{}
	for ci, c := range q.concepts {
		if c.before > 0 {
			// A follow-up's context is in bold too, but the excerpt is
			// chosen for what the follow-up itself asks.
			ci = -1
		}
		for _, a := range c.alts {
			if a.conf < minRetrieveConf {
				// Words that only stand in for the question's (a synonym,
				// one word of a name) help find, but bold marks what was
				// asked.
				continue
			}
			for _, t := range a.terms {
				if _, ok := terms[t]; !ok && t != "" {
					terms[t] = ci
				}
			}
		}
	}
	var out []mark
	for _, t := range idx.analyzerFor(lang).Analyze([]byte(text)) {
		if ci, ok := terms[string(t.Term)]; ok {
			out = append(out, mark{start: t.Start, end: t.End, concept: ci})
		}
	}
	return out
}
