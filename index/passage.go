package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/disputebot/disputebot/knowledge"
)

// passage is a candidate as the ranking reads it: its stored fields, and
// its text fields analyzed as the index analyzes them, so that concepts,
// phrases and their positions are found exactly as bleve would find them.
type passage struct {
	id     string
	n      int // position in its article, from 1
	hit    knowledge.Hit
	lang   string // the language it is searched in
	fields [numFields]analyzedField
	// sentences gives, for each position of the body, the sentence it is
	// in.
	sentences []int
	// negated holds the body's positions that a negation governs ("no
	// real rollback", "has not been lifted"), nil when there is none.
	negated   map[int]bool
	cuesOnce  sync.Once // cues are read only for questions with an answer type
	cues      uint16    // the set of the cues of the passage (see cueBit)
	actorOnce sync.Once // the actor is read only for questions that name both countries
	actor     side
	// spans are the body's sentences, and sentenceCues the cues of each,
	// read with cues.
	spans        [][2]int
	sentenceCues []uint16
}

// sentenceHasCue reports whether sentence s of the body carries a cue.
func (p *passage) sentenceHasCue(s int, cue string) bool {
	p.readCues()
	return s >= 0 && s < len(p.sentenceCues) && p.sentenceCues[s]&cueBit(cue) != 0
}

// cueBit is the bit of a cue in a set of cues.
func cueBit(cue string) uint16 {
	if i := slices.Index(cueOrder, cue); i >= 0 {
		return 1 << i
	}
	return 0
}

// actorSide returns the country most of the passage's sentences have as
// their actor (see passageActor), reading its text the first time.
func (p *passage) actorSide() side {
	p.actorOnce.Do(func() { p.actor = passageActor(p.hit.Text) })
	return p.actor
}

// hasCue reports whether the passage holds what a question's form asks
// for (see cues), reading its text the first time it is asked.
func (p *passage) hasCue(cue string) bool {
	p.readCues()
	return p.cues&cueBit(cue) != 0
}

// readCues reads the cues of the passage and of each of its sentences,
// once: only questions with an answer type need them.
func (p *passage) readCues() {
	p.cuesOnce.Do(func() {
		p.sentenceCues = make([]uint16, len(p.spans))
		s := 0
		scanCues(p.hit.Text, p.lang, func(cue uint16, at int) {
			p.cues |= cue
			// Cues come mostly in the order of the text.
			if s >= len(p.spans) || at < p.spans[s][0] {
				s = 0
			}
			for s+1 < len(p.spans) && at >= p.spans[s][1] {
				s++
			}
			if s < len(p.spans) {
				p.sentenceCues[s] |= cue
			}
		})
	})
}

// sentenceAt returns the sentence of the body a position is in.
func (p *passage) sentenceAt(pos int) int {
	if pos >= 0 && pos < len(p.sentences) {
		return p.sentences[pos]
	}
	return -1
}

// analyzedField is a text field as positions of terms.
type analyzedField struct {
	at    map[string][]int // term -> positions
	words int              // length in words, for BM25's length normalization
	// bag fields hold terms without positions (the context), sorted, in
	// place of at: a phrase is found in one when all its words are. A
	// passage's context has a few hundred terms, which a map of positions
	// held at several times their size in the cache of candidates.
	bag []string
}

// inBag is what find returns for a spelling found in a bag field: a bag
// has no positions, and a spelling is in it once.
var inBag = []int{0}

// has reports whether a bag field holds a term.
func (f *analyzedField) has(term string) bool {
	_, ok := slices.BinarySearch(f.bag, term)
	return ok
}

// find returns the positions where a spelling (analyzed terms, "" for a
// gap) starts in the field.
func (f *analyzedField) find(terms []string) []int {
	first := -1
	for i, t := range terms {
		if t != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return nil
	}
	if f.bag != nil {
		for _, t := range terms {
			if t != "" && !f.has(t) {
				return nil
			}
		}
		return inBag
	}
	starts := f.at[terms[first]]
	if len(terms) == 1 {
		return starts
	}
	var out []int
	for _, s := range starts {
		ok := true
		for k := first + 1; k < len(terms) && ok; k++ {
			if terms[k] != "" {
				ok = slices.Contains(f.at[terms[k]], s+k-first)
			}
		}
		if ok {
			out = append(out, s)
		}
	}
	return out
}

// passageCache keeps candidates analyzed: the questions of a server keep
// finding the same passages. It holds two generations: when the newer is
// full it becomes the older, and a passage found in the older moves to the
// newer, so that what is in use stays. Any write to the index empties it.
type passageCache struct {
	mu         sync.Mutex
	byID, prev map[string]*passage
	epoch      uint64 // incremented by every write
}

// maxCachedPassages bounds the cache: about 15 KB each, so some 30 MB.
// A server's questions keep finding the same few hundred passages.
const maxCachedPassages = 2048

func (c *passageCache) get(id string) (*passage, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p := c.byID[id]
	if p == nil && c.prev[id] != nil {
		p = c.prev[id]
		c.add(p)
	}
	return p, c.epoch
}

// add puts a passage in the newer generation; c.mu is held.
func (c *passageCache) add(p *passage) {
	if c.byID == nil {
		c.byID = map[string]*passage{}
	}
	if len(c.byID) >= maxCachedPassages/2 {
		c.prev, c.byID = c.byID, map[string]*passage{}
	}
	c.byID[p.id] = p
}

func (c *passageCache) put(p *passage, epoch uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if epoch != c.epoch {
		return // written since it was read
	}
	c.add(p)
}

// invalidate forgets every passage, after a write.
func (c *passageCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch++
	c.byID, c.prev = nil, nil
}

// passages loads and analyzes the candidates, in the order given; those
// removed since they were found are left out.
func (idx *Index) passages(ctx context.Context, b bleve.Index, ids []string) ([]*passage, error) {
	// What the cache holds is taken now: a write may empty it while the
	// rest is loaded.
	found := make(map[string]*passage, len(ids))
	var missing []string
	var epoch uint64
	for _, id := range ids {
		p, e := idx.cache.get(id)
		if p == nil {
			missing = append(missing, id)
		} else {
			found[id] = p
		}
		epoch = e
	}
	if len(missing) > 0 {
		req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(missing), len(missing), 0, false)
		req.Fields = storedFields
		res, err := b.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("load passages: %w", err)
		}
		for _, h := range res.Hits {
			p := idx.newPassage(h.ID, h.Fields)
			found[h.ID] = p
			idx.cache.put(p, epoch)
		}
	}
	out := make([]*passage, 0, len(ids))
	for _, id := range ids {
		if p := found[id]; p != nil {
			out = append(out, p)
		}
	}
	return out, nil
}

// newPassage builds a passage from its stored fields.
func (idx *Index) newPassage(id string, f map[string]any) *passage {
	h := knowledge.Hit{
		ArticleID: str(f[fieldArticleID]), Passage: int(num(f[fieldPassage])), Title: str(f[fieldTitle]),
		Publisher: str(f[fieldPublisher]), URL: str(f[fieldURL]), Kind: knowledge.Kind(str(f[fieldKind])),
		Scope: str(f[fieldScope]), Text: str(f[fieldText]), Language: str(f[fieldLang]),
	}
	if h.Language == "" {
		h.Language = knowledge.English
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
	p := &passage{id: id, n: h.Passage, hit: h, lang: h.Language}
	toks := idx.analyzerFor(p.lang).Analyze([]byte(h.Text))
	p.fields[0] = positions(toks, knowledge.WordCount(h.Text))
	spans := knowledge.Sentences(h.Text)
	p.spans = spans
	s := 0
	for _, t := range toks {
		for s+1 < len(spans) && t.Start >= spans[s][1] {
			s++
		}
		for len(p.sentences) <= t.Position {
			p.sentences = append(p.sentences, s)
		}
	}
	if p.lang == knowledge.English {
		p.negated = negatedPositions(h.Text, toks)
	}
	p.fields[1] = idx.titleField(h.Title, p.lang)
	ctx := strings.Fields(str(f[fieldContext]))
	slices.Sort(ctx)
	p.fields[2] = analyzedField{bag: slices.Compact(ctx), words: len(ctx)}
	return p
}

// positions makes a field of analyzed tokens.
func positions(toks analysis.TokenStream, words int) analyzedField {
	af := analyzedField{at: make(map[string][]int, len(toks)), words: words}
	for _, t := range toks {
		af.at[string(t.Term)] = append(af.at[string(t.Term)], t.Position)
	}
	return af
}

// titleField returns a title analyzed in a language: every passage of an
// article shares it, so it is analyzed once.
func (idx *Index) titleField(title, lang string) analyzedField {
	key := lang + "\x00" + title
	idx.titlesMu.Lock()
	defer idx.titlesMu.Unlock()
	if f, ok := idx.titles[key]; ok {
		return f
	}
	if idx.titles == nil || len(idx.titles) >= maxCachedTitles {
		idx.titles = map[string]analyzedField{}
	}
	f := positions(idx.analyzerFor(lang).Analyze([]byte(title)), knowledge.WordCount(title))
	idx.titles[key] = f
	return f
}

// analyzerFor returns the analyzer of a language, English for any other.
func (idx *Index) analyzerFor(lang string) analysis.Analyzer {
	if a, ok := idx.analyzers[lang]; ok {
		return a
	}
	return idx.analyzers[knowledge.English]
}

// maxCachedTitles bounds the titles kept analyzed.
const maxCachedTitles = 4096

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
