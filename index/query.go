package index

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// questionFluff are words that shape a question without saying what it is
// about. English stop words are already dropped by the analyzer; these are
// the rest ("tell me", "explain", "happened"). Asking for a reaction is
// asking for what someone said or did (the statement cue): reports word it
// as "protested", "welcomed" or "retaliated", seldom as "reacted".
const questionFluff = `tell explain describe know happen happened happening say said says think thought
	mean means meaning please thanks thank hi hello hey bot anything something info information
	details detail summary summarize summarise give show find list latest news update updates story
	going question ask answer really actually exactly kind sort like stuff thing things whats
	whos wheres whens hows whys lot lots much many long often soon recent recently
	will would can could should shall may might must did does do done get got make made
	put puts take takes taken took go goes went gone come comes came give gives gave given place work works working
	still ever also just even actually basically currently now today
	react reacts reacted reacting reaction reactions respond responds responded responding response responses
	matter matters mattered
	yo ok okay um uh hmm lol lmao pls plz bruh dude guys folks yall yeah us
	discuss discusses discussed discussing`

// boostTitle: see boostBody.
var boostTitle = 0.4

// Boosts of the parts of a query. Body matches count fully; the title and the
// neighbouring text help a passage that says "the two ministers" be found
// for a question that names them.
const (
	boostBody       = 1.0
	boostAlias      = 0.8 // another spelling of a glossary name or term
	boostPartName   = 0.5 // one word of a multi-word name ("Kang")
	boostFuzzy1     = 0.6 // a dictionary word one edit away from a misspelling
	boostFuzzy2     = 0.4
	boostIntent     = 0.6
	boostIntentWord = 0.3
	maxFuzzyTerms   = 8
	maxConcepts     = 24
	maxAltsPerGroup = 12
	// maxAnchorShare is the largest share of passages an anchor concept
	// may occur in.
	maxAnchorShare = 1.0 / 3
	// minAnchorCorpus is the corpus size from which that share is telling.
	minAnchorCorpus = 30
	// minWeight keeps words found in nearly every passage from weighing
	// nothing (or less than nothing).
	minWeight = 0.05
)

// alternative is one way of saying a concept, as analyzed terms.
type alternative struct {
	text   string
	terms  []string
	boost  float64
	rarest string // the term of the spelling with the fewest passages, set by weigh
}

// concept is one thing a question asks about: a glossary name or term in all
// its spellings, or a single word (with its likely corrections when it is
// misspelled).
type concept struct {
	label string
	alts  []alternative
	// parts are the words of multi-word spellings, searched on their own at
	// a low boost; weigh keeps only the specific ones.
	parts  []string
	weight float64 // how much the concept says about relevance (idf)
	absent bool    // no spelling of it is in the corpus
	// specific concepts occur in at most maxAnchorShare of the passages.
	specific bool
	// anchor concepts tie a question to the dispute: glossary names and
	// terms (however common they become in the corpus), and, when they are
	// specific, broad glossary groups, the topic classifier's cue words and
	// years. A passage must cover one to answer (but see fullCoverage).
	anchor bool
	named  bool // a glossary name or term that is not broad
}

// plan is a question turned into what to search for.
type plan struct {
	concepts []concept
	intents  []string       // cues that the kind of question asks for ("date", "duration", ...)
	terms    map[string]int // analyzed term -> index of its concept
}

// intent patterns: what kind of answer the question wants, mapped to cues
// that passages carry (see cues).
var intentPatterns = []struct {
	re  *regexp.Regexp
	cue string
	// consume: the words of the first group only say what the question
	// asks for ("when did X take effect"), which the cue stands for; they
	// are taken out of the question rather than searched as a concept.
	consume bool
}{
	{regexp.MustCompile(`(?i)\bhow long\b|\bfor how many (minutes|hours|days|months|years)\b|\bduration\b`), cueDuration, false},
	{regexp.MustCompile(`(?i)\bwhen\b|\bwhat (date|day|year|month|time)\b|\bwhich (date|day|year|month)\b|\bsince when\b|\bwhat year\b`), cueDate, false},
	{regexp.MustCompile(`(?i)\bhow many\b|\bwhat (number|percentage|share)\b`), cueNumber, false},
	{regexp.MustCompile(`(?i)\bhow much\b|\bwhat (amount|sum)\b|\bwhat\b.*\b(pay|paid|cost|costs|owe|award|awarded|fined?|worth|spend|spent)\b`), cueAmount, false},
	{regexp.MustCompile(`(?i)\bwhat (did|does|do|has|have|is|was|were|will|would)\b.*\b(say|said|says|think|argue|claim|want|demand|propose|call for|ask|urge|tell|told|stance|position|view|react|respond|discuss|discussed|talk about|talked about)\b|\b(stance|position|view) (of|on)\b|\b(reaction|response)s?\b|\b(react|respond)(s|ed|ing)?\b`), cueStatement, false},
	{regexp.MustCompile(`(?i)\bwhen\b.*\b(start|starts|started|begin|began|begun|took effect|take effect|taken effect|come into force|came into force|in place|introduc\w*|impos\w*|launch\w*)\b`), cueStart, true},
	{regexp.MustCompile(`(?i)\bwhen\b.*\b(tighten\w*|first)\b|\bsince when\b`), cueStart, false},
	{regexp.MustCompile(`(?i)\bwhy\b|\bwhat (was|is|were) the reasons?\b|\bwhat caused\b|\bhow come\b`), cueReason, false},
	{regexp.MustCompile(`(?i)\bwhere\b|\bin which (city|country|place)\b|\bwhat (city|venue|place)\b`), cuePlace, false},
	// Korean and Japanese question words. Written without spaces or \b,
	// which Go's regular expressions apply to ASCII words only; the words
	// themselves are dropped later, as nothing in an English corpus.
	{regexp.MustCompile(`얼마나 ?오래|얼마 ?동안|몇 ?분|몇 ?시간|どのくらい|どれくらい|何分|何時間`), cueDuration, false},
	{regexp.MustCompile(`언제|몇 ?년|며칠|いつ|何年|何月|何日`), cueDate, false},
	{regexp.MustCompile(`몇 ?명|몇 ?개|何人|いくつ|何社`), cueNumber, false},
	{regexp.MustCompile(`얼마를|얼마였|얼마인|얼마야|얼마예요|얼마입니까|いくら`), cueAmount, false},
	{regexp.MustCompile(`뭐라고|무엇이라고|반응|입장|何と言|なんと言|どう言|反応|立場|見解`), cueStatement, false},
	{regexp.MustCompile(`(언제|いつ).*(시작|발효|도입|시행|始ま|発効|導入|施行)`), cueStart, false},
	{regexp.MustCompile(`왜|なぜ|どうして|이유|理由`), cueReason, false},
	{regexp.MustCompile(`어디|どこ`), cuePlace, false},
}

// intentWords are passage words that answer a kind of question, searched
// (as analyzed terms) so that they are marked in excerpts too.
var intentWords = map[string][]string{
	cueDuration: {"minut", "hour", "day", "week", "month", "year"},
	cueDate: {"januari", "februari", "march", "april", "may", "june", "juli", "august", "septemb", "octob",
		"novemb", "decemb", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
}

// analyze returns the analyzed terms of text.
func (idx *Index) analyze(text string) []string {
	toks := idx.analyzer.Analyze([]byte(text))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, string(t.Term))
	}
	return out
}

// phrase returns the analyzed terms of text by position, with "" where a
// stop word left a gap, as bleve's phrase queries expect.
func (idx *Index) phrase(text string) []string {
	toks := idx.analyzer.Analyze([]byte(text))
	if len(toks) == 0 {
		return nil
	}
	first := toks[0].Position
	out := make([]string, toks[len(toks)-1].Position-first+1)
	for _, t := range toks {
		if i := t.Position - first; i >= 0 && i < len(out) {
			out[i] = string(t.Term)
		}
	}
	return out
}

func (idx *Index) analyzeSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, t := range idx.analyze(words) {
		set[t] = true
	}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// plan analyzes a question: glossary names and terms become concepts with
// all their spellings, the remaining words become single-word concepts (with
// corrections for words the corpus lacks), and the question's form gives its
// intents.
func (idx *Index) plan(r index.IndexReader, question string) plan {
	p := plan{terms: map[string]int{}}
	for _, ip := range intentPatterns {
		m := ip.re.FindStringSubmatchIndex(question)
		if m == nil {
			continue
		}
		if !slices.Contains(p.intents, ip.cue) {
			p.intents = append(p.intents, ip.cue)
		}
		if ip.consume && len(m) >= 4 && m[2] >= 0 {
			question = question[:m[2]] + strings.Repeat(" ", m[3]-m[2]) + question[m[3]:]
		}
	}
	question = expandContractions(question)
	question = fillers.ReplaceAllString(question, " ")
	question = numericDates.ReplaceAllStringFunc(question, spellDate)
	question = idx.glossary.Correct(question, func(word string) bool {
		terms := idx.analyze(word)
		if len(terms) == 0 || idx.fluff[strings.ToLower(word)] {
			// A stop word or a question word is a word, not a typo:
			// "would" is not "world", nor "while" "white".
			return true
		}
		for _, t := range terms {
			if docFreq(r, t) > 0 || docFreqIn(r, t, fieldTitle) > 0 {
				return true
			}
		}
		return false
	})
	matches, rest := idx.glossary.Match(question)
	for _, m := range matches {
		c := concept{label: m.Group.Canonical(), named: !m.Group.Broad, anchor: m.Group.Broad}
		seen := map[string]bool{}
		add := func(v string, boost float64) {
			terms := idx.phrase(v)
			key := strings.Join(terms, " ")
			if len(terms) == 0 || seen[key] || len(c.alts) >= maxAltsPerGroup {
				return
			}
			seen[key] = true
			c.alts = append(c.alts, alternative{text: v, terms: terms, boost: boost})
		}
		if !slices.Contains(m.Group.Asked, m.Variant) {
			add(m.Variant, 1)
		}
		for _, v := range m.Group.Variants {
			// Native-script spellings only help a question written in
			// them: in an English question they would let the few
			// passages that quote a native name outscore the rest.
			if !isCJK(v) || isCJK(m.Variant) {
				add(v, boostAlias)
			}
		}
		if len(c.alts) == 0 {
			continue
		}
		c.parts = idx.partWords(c.alts)
		p.addConcept(c)
	}

	// Remaining words, each a concept of its own.
	toks := idx.analyzer.Analyze([]byte(rest))
	for _, tok := range toks {
		term := string(tok.Term)
		if idx.fluff[term] || idx.fluff[strings.ToLower(rest[tok.Start:tok.End])] {
			continue
		}
		if len([]rune(term)) == 1 && isLatin(term) && !isDigit(term) {
			continue // a stray letter, as left by "S. Korea" or "U.S."
		}
		if len([]rune(term)) == 1 && isCJK(term) {
			// bleve cuts Japanese into single characters ("いつ" into
			// "い" and "つ"), which say nothing alone and would match the
			// odd quotation in the corpus.
			continue
		}
		if _, dup := p.terms[term]; dup {
			continue
		}
		c := concept{label: term, alts: []alternative{{text: term, terms: []string{term}, boost: 1}}}
		c.anchor = idx.anchors[term] || isYear(term)
		if docFreq(r, term) == 0 {
			word := rest[tok.Start:tok.End]
			if g := idx.glossary.Fuzzy(word); g != nil {
				// A misspelt glossary name or term: search all its spellings.
				c.label, c.named, c.anchor = g.Canonical(), !g.Broad, g.Broad
				for i, v := range g.Variants {
					if terms := idx.phrase(v); len(terms) > 0 && i < maxAltsPerGroup {
						c.alts = append(c.alts, alternative{text: v, terms: terms, boost: boostFuzzy1})
					}
				}
			} else if isCJK(word) {
				// Korean or Japanese words outside the glossary cannot match
				// an English corpus; they say nothing about relevance.
				continue
			} else {
				for _, a := range idx.corrections(r, term) {
					c.alts = append(c.alts, a)
					c.anchor = c.anchor || idx.anchors[a.terms[0]]
				}
			}
		}
		p.addConcept(c)
	}

	idx.weigh(r, &p)
	return p
}

// partWords returns the words of a concept's multi-word spellings that
// can stand for it alone: "kang", "kyung" and "wha" for Kang Kyung-wha,
// since news reports name people by surname after the first mention. Words
// that are spellings on their own, titles ("minister") and the single
// characters bleve cuts Japanese into are left out.
func (idx *Index) partWords(alts []alternative) []string {
	single := map[string]bool{}
	for _, a := range alts {
		if len(a.terms) == 1 {
			single[a.terms[0]] = true
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, a := range alts {
		if len(a.terms) < 2 {
			continue
		}
		for _, w := range a.terms {
			if w != "" && !single[w] && !seen[w] && !idx.titles[w] && !(isCJK(w) && len([]rune(w)) == 1) {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// titleWords are words of names that are not names.
const titleWords = `president prime minister ministers foreign chief cabinet secretary speaker premier trade finance
	industry vice ambassador mr ms dr general director head court supreme high district ministry`

func (p *plan) addConcept(c concept) {
	if len(p.concepts) >= maxConcepts {
		return
	}
	i := len(p.concepts)
	p.concepts = append(p.concepts, c)
	for _, a := range c.alts {
		for _, t := range a.terms {
			if _, ok := p.terms[t]; !ok && t != "" {
				p.terms[t] = i
			}
		}
	}
}

// corrections returns the indexed words within one edit (two for long words)
// of a word the corpus lacks, most frequent first.
func (idx *Index) corrections(r index.IndexReader, term string) []alternative {
	n := len([]rune(term))
	if n < 4 || !isLatin(term) {
		return nil
	}
	fuzz, boost := 1, boostFuzzy1
	if n >= 8 {
		fuzz, boost = 2, boostFuzzy2
	}
	base := r
	if c, ok := r.(*countingReader); ok {
		base = c.IndexReader // whose other methods the embedding hides
	}
	fr, ok := base.(index.IndexReaderFuzzy)
	if !ok {
		return nil
	}
	fd, err := fr.FieldDictFuzzy(fieldBody, term, fuzz, string([]rune(term)[:1]))
	if err != nil {
		return nil
	}
	defer fd.Close()
	type cand struct {
		term string
		df   uint64
	}
	var cands []cand
	for i := 0; i < 64; i++ {
		e, err := fd.Next()
		if err != nil || e == nil {
			break
		}
		cands = append(cands, cand{e.Term, docFreq(r, e.Term)})
	}
	slices.SortFunc(cands, func(a, b cand) int { return int(b.df) - int(a.df) })
	var out []alternative
	for _, c := range cands {
		if len(out) == maxFuzzyTerms {
			break
		}
		out = append(out, alternative{text: c.term, terms: []string{c.term}, boost: boost})
	}
	return out
}

// weigh gives each concept the inverse document frequency of its most
// common spelling in the corpus. A concept the corpus does not contain at all
// weighs most: a question about something absent is not covered.
func (idx *Index) weigh(r index.IndexReader, p *plan) {
	total, _ := r.DocCount()
	n := float64(total)
	idf := func(df float64) float64 { return max(minWeight, math.Log(1+(n-df+0.5)/(df+0.5))) }
	for i := range p.concepts {
		c := &p.concepts[i]
		best := 0.0
		for ai := range c.alts {
			a := &c.alts[ai]
			// The rarest word of a spelling stands for it.
			var df uint64 = math.MaxUint64
			for _, t := range a.terms {
				if t == "" {
					continue
				}
				if d := max(docFreq(r, t), docFreqIn(r, t, fieldTitle)); d < df {
					df, a.rarest = d, t
				}
			}
			if df > 0 && df != math.MaxUint64 {
				best = max(best, float64(df))
			}
		}
		c.weight, c.absent = idf(best), best == 0
		parts := c.parts[:0]
		for _, w := range c.parts {
			if df := float64(docFreq(r, w)); df > 0 && (n < minAnchorCorpus || df <= n*maxAnchorShare) {
				parts = append(parts, w)
			}
		}
		c.parts = parts
		// A concept found in a large share of the corpus ("Japan") says
		// little about what a question is about: every passage is about
		// Japan.
		c.specific = n < minAnchorCorpus || best <= n*maxAnchorShare
		c.anchor = c.named || c.anchor && c.specific
	}
}

func docFreq(r index.IndexReader, term string) uint64 { return docFreqIn(r, term, fieldBody) }

func docFreqIn(r index.IndexReader, term, field string) uint64 {
	if c, ok := r.(*countingReader); ok {
		return c.count(term, field)
	}
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0
	}
	defer tfr.Close()
	return tfr.Count()
}

// docCounts remembers how many passages hold a term, for one snapshot of
// the index. A question's plan looks up every word and spelling of it in
// every segment's dictionary, in the body and the title, and the questions
// of a server about one dispute keep using the same words.
type docCounts struct {
	mu     sync.Mutex
	snap   index.IndexReader // the snapshot the counts are of
	counts map[[2]string]uint64
}

// maxDocCounts bounds the counts remembered: about 6 MB.
const maxDocCounts = 50_000

// countingReader is a snapshot whose term counts are remembered.
type countingReader struct {
	index.IndexReader
	c *docCounts
}

// reader returns r with counts remembered, forgetting those of another
// snapshot.
func (c *docCounts) reader(r index.IndexReader) *countingReader {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.snap != r || len(c.counts) > maxDocCounts {
		c.snap, c.counts = r, map[[2]string]uint64{}
	}
	return &countingReader{IndexReader: r, c: c}
}

// count returns how many passages hold term in field.
func (r *countingReader) count(term, field string) uint64 {
	key := [2]string{field, term}
	r.c.mu.Lock()
	n, ok := r.c.counts[key]
	r.c.mu.Unlock()
	if ok {
		return n
	}
	n = docFreqIn(r.IndexReader, term, field)
	r.c.mu.Lock()
	if r.c.snap == r.IndexReader {
		r.c.counts[key] = n
	}
	r.c.mu.Unlock()
	return n
}

// query turns a plan into bleve queries: concepts, a disjunction with one
// clause per concept, so that bleve's coordination factor favours passages
// that cover more of the question; and extras, what the form of the
// question asks for (a date, a duration...), whose term locations tell the
// re-ranking. They are run apart because bleve's boolean "should" clauses
// are skipped for some documents when the query is advanced through a
// candidate list, depending on bleve's internal numbering. Both run on the
// candidates only, where phrases are checked (see candidatePhraseQuery).
func (p *plan) query(cands *candidateSet) (concepts, extras query.Query) {
	var cs []query.Query
	for _, c := range p.concepts {
		var alts []query.Query
		for _, a := range c.alts {
			for _, f := range []struct {
				name  string
				boost float64
			}{{fieldBody, boostBody}, {fieldTitle, boostTitle}} {
				if len(a.terms) > 1 {
					alts = append(alts, &candidatePhraseQuery{set: cands, terms: a.terms, field: f.name, boost: a.boost * f.boost})
				} else {
					alts = append(alts, termQuery(a.terms[0], f.name, a.boost*f.boost))
				}
			}
		}
		for _, t := range c.parts {
			alts = append(alts, termQuery(t, fieldBody, boostPartName))
		}
		cs = append(cs, bleve.NewDisjunctionQuery(alts...))
	}
	var more []query.Query
	for _, cue := range p.intents {
		tq := bleve.NewTermQuery(cue)
		tq.SetField(fieldCues)
		tq.SetBoost(boostIntent)
		more = append(more, tq)
		for _, w := range intentWords[cue] {
			more = append(more, termQuery(w, fieldBody, boostIntentWord))
		}
	}
	if len(more) > 0 {
		extras = bleve.NewDisjunctionQuery(more...)
	}
	return bleve.NewDisjunctionQuery(cs...), extras
}

// retrieval is the cheap first pass of a search: the passages that contain
// words of the question's specific concepts, single terms only (phrases
// are checked by the full query), with bleve's coordination favouring
// passages that contain more of them. Concepts found in a large share of
// the corpus ("Japan") are left out when the question has others: they
// would make bleve score half the corpus. The full query then runs on the
// candidates only. telling, when the question has two specific concepts or
// more, is the cheaper still conjunction of the two rarest (see Search).
func (p *plan) retrieval() (all query.Query, telling query.Query) {
	concepts, pair := p.firstConcepts()
	qs := make([]query.Query, len(concepts))
	for i, c := range concepts {
		qs[i] = c.query()
	}
	all = bleve.NewDisjunctionQuery(qs...)
	if pair[0] >= 0 {
		telling = bleve.NewConjunctionQuery(qs[pair[0]], qs[pair[1]])
	}
	return all, telling
}

// firstConcept is a concept as the first pass searches it: the rarest term
// of each spelling and its specific words, in the body.
type firstConcept struct {
	terms  []string
	boosts []float64
	weight float64
}

// query is a disjunction of the concept's terms.
func (c firstConcept) query() query.Query {
	qs := make([]query.Query, len(c.terms))
	for i, t := range c.terms {
		qs[i] = termQuery(t, fieldBody, c.boosts[i])
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// firstConcepts returns the concepts of the first pass (see retrieval), and
// the two that telling joins (the two rarest, by weight), or -1 and -1.
func (p *plan) firstConcepts() ([]firstConcept, [2]int) {
	specific := false
	for _, c := range p.concepts {
		specific = specific || c.specific && !c.absent
	}
	var out []firstConcept
	for _, c := range p.concepts {
		if specific && (!c.specific || c.absent) {
			continue
		}
		fc := firstConcept{weight: c.weight}
		add := func(t string, boost float64) {
			if t != "" && !slices.Contains(fc.terms, t) {
				fc.terms = append(fc.terms, t)
				fc.boosts = append(fc.boosts, boost)
			}
		}
		for _, a := range c.alts {
			add(a.rarest, a.boost)
		}
		for _, t := range c.parts {
			add(t, boostPartName)
		}
		if len(fc.terms) > 0 {
			out = append(out, fc)
		}
	}
	pair := [2]int{-1, -1}
	if len(out) >= 2 {
		// The passages with both of the two rarest concepts: in a large
		// corpus there are plenty, and the answer is among them.
		order := make([]int, len(out))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(out[b].weight, out[a].weight) })
		pair = [2]int{order[0], order[1]}
	}
	return out, pair
}

// termQuery matches one analyzed term.
func termQuery(term, field string, boost float64) query.Query {
	tq := bleve.NewTermQuery(term)
	tq.SetField(field)
	tq.SetBoost(boost)
	return tq
}

// fillers are turns of phrase that carry no content, though some of their
// words would: "in the first place" is not about anything first, and
// "what's the deal with" not about a deal.
var fillers = regexp.MustCompile(`(?i)\bin the first place\b|\bwhat(?:'s|’s|s| is| was) the (?:deal|story) (?:with|about)\b|` +
	`\b(?:quick|real quick|one more|another|random|dumb|stupid) (?:question|q)\b|\breal quick\b|` +
	`\b(?:i|we) (?:read|heard|saw|was told|have heard|have read)(?: somewhere)?(?: that)?\b|\bis it true(?: that)?\b|\bapparently\b|` +
	`\b(?:these days|nowadays|by the way|btw|in a nutshell|in (?:simple|plain) (?:terms|english|words)|eli5|tl;?dr|like (?:i'm|i’m|im|i am) (?:5|five))\b`)

// numericDates are dates written in digits: year first (2019-08-28,
// 2019/8/28, 2019.8.28, as in Korea and Japan) or last (8/28/2019 or
// 28/8/2019). Passages spell their dates out ("28 August 2019"), so
// spellDate rewrites them that way.
var numericDates = regexp.MustCompile(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b|\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)

// spellDate spells out a numeric date. Written day and month both 12 or
// less, a date with the year last is read the American way, month first;
// one that is no date at all is left as it is.
func spellDate(s string) string {
	m := numericDates.FindStringSubmatch(s)
	var y, mo, d string
	switch {
	case m == nil:
		return s
	case m[1] != "":
		y, mo, d = m[1], m[2], m[3]
	default:
		mo, d, y = m[4], m[5], m[6]
		if a, b := atoi(m[4]), atoi(m[5]); a > 12 && b <= 12 {
			mo, d = m[5], m[4]
		}
	}
	month, day := atoi(mo), atoi(d)
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return s
	}
	return fmt.Sprintf("%d %s %s", day, time.Month(month), y)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// contractions are expanded before analysis: the glossary splits words at
// apostrophes, which would turn "won't" into the word "won".
var contractions = strings.NewReplacer(
	"won't", "will not", "can't", "can not", "cannot", "can not", "shan't", "shall not",
	"n't", " not", "’t", "'t", "'re", " are", "'ve", " have", "'ll", " will", "'m", " am", "'d", " would",
	"Won't", "Will not", "Can't", "Can not",
)

func expandContractions(s string) string {
	return contractions.Replace(strings.ReplaceAll(s, "’", "'"))
}

func isDigit(s string) bool { return strings.Trim(s, "0123456789") == "" }

func isYear(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) &&
		strings.Trim(s, "0123456789") == ""
}

func isCJK(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin) {
			return false
		}
	}
	return true
}
