package index

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/disputebot/disputebot/knowledge"
)

// ranking holds the weights of retrieval, each a named feature or
// threshold. One value serves every question: they were chosen on the
// development questions (testdata/eval/dev.jsonl) and are judged on
// others (testdata/eval/test.jsonl).
type ranking struct {
	// Analysis.
	Derived         float64 // confidence of a noun or verb derived from a question's word or it from them (thesaurus.Derived: decide, decision); 0 turns them off
	Adjective       float64 // confidence of a noun an adjective of the question relates to (thesaurus.Adjectives: imperial, emperor); 0 turns them off
	Synonyms        float64 // confidence of a thesaurus synonym; 0 turns synonyms off
	SynonymContext  float64 // a synonym or broader word counts only when its similarity to one of the question's other words reaches this (see meaning.go); 0 keeps them all
	Broader         float64 // confidence of a word for a broader concept (a hypernym); 0 turns them off
	Native          float64 // confidence, times Dictionary, of the English of a native Korean word (dictionary.NativeKorean)
	GlossHead       float64 // confidence, times the translation's, of the noun a dictionary phrase of a Korean or Japanese word heads (歌詞, "song lyrics": lyrics); 0 turns them off
	Kinds           float64 // confidence, times Translation, of a Korean or Japanese word for a kind of what an English word names (dictionary.Kinds); 0 turns them off
	Senses          int     // how many of a word's most frequent senses give synonyms
	UnknownWeight   float64 // weight of an English word the corpus lacks, as a share of the idf of a word in no passage
	UnknownCJK      float64 // the same for a Korean or Japanese content word the lexicon does not know
	UnknownOther    float64 // the same for a longer word in Latin letters that is not English (a name, a romanized word)
	UnknownMixed    float64 // share of its weight kept by an English word no passage says in any language where the corpus has Korean or Japanese articles: the dictionary may lack the words they use for it
	WeightExp       float64 // concepts weigh idf^WeightExp: below 1, rare words outweigh common ones less
	PolysemyExp     float64 // an English word's weight is divided by its number of senses to this power
	MinWeight       float64 // the least a known concept weighs, so that a word in every passage still counts
	PartCredit      float64 // confidence of one word of a multi-word name or term ("Kang" for Kang Kyung-wha)
	Romanized       float64 // confidence of a Korean or Japanese name found in Latin letters (독도, Dokdo)
	Dictionary      float64 // confidence of the English for a Korean or Japanese word the lexicon lacks (package dictionary); 0 turns it off
	RareWords       float64 // share of Dictionary kept by a rare word of the dictionary (dictionary.Rare); 0 turns them off
	Romaji          float64 // confidence of what a word in Latin letters the corpus lacks reads as in Japanese (dictionary.Romaji); 0 turns it off
	Translation     float64 // confidence of the Korean and Japanese words an English word translates (dictionary.Translations); 0 turns them off
	CrossReading    float64 // confidence of a Korean or Japanese word's counterpart in the other language through their shared Chinese characters (배상, 賠償)
	Compound        float64 // confidence of a Korean compound of the corpus holding a question's word (세계유산위원회 for 유산), or beginning with the reading of an English word's translation (통화스와프 for 통화)
	Acronym         float64 // confidence of a name of the corpus whose initials are a question's word ("icj": International Court of Justice); 0 turns them off
	Alias           float64 // confidence of another name the corpus gives to what a question names (Dokdo: Takeshima), times that of the name; 0 turns them off
	CompoundGloss   float64 // confidence of what a compound's English says of the part of it the lexicon left (漁業 of 漁業協定: fisheries; see compoundGloss); 0 turns it off
	Irregular       float64 // confidence of a word's irregular forms and base form (led, lead: thesaurus.Forms); 0 turns them off
	Anaphor         float64 // confidence of a name's head noun ("the organization") in a passage whose article names it in full (see anaphor.go); 0 turns it off
	MergeDerived    bool    // concepts whose words are forms of one another (workers, work) are one (see mergeDerived)
	OptionalTitles  bool    // a Korean or Japanese person's title after a name (아사다 선수, 是枝監督) is an optional concept (see concept.optional)
	EnglishTypos    bool    // a word no passage says, one edit from an English word (thesaurus.Correct), is read as that word
	CorrectionPrior float64 // a misspelling's corrections weigh their share of the commonest one's passages to this power (see addCorrections); 0 weighs them alike
	Negated         float64 // confidence of a concept a passage says only under a negation ("no real rollback"), for a question asking when (see negation.go); 1 turns it off
	NonNoun         float64 // share of its weight kept by an English word the corpus lacks that is never a noun ("automatically"): how a question is put, not its topic

	// BM25F: a concept's occurrences in the passage, its article's title
	// and its context (neighbouring passages, dateline) add up with these
	// weights before saturation (Robertson and Zaragoza 2009).
	K1, B         float64
	TitleWeight   float64
	ContextWeight float64

	// Coverage: the share of the question's weight that a passage says.
	// A concept found only in the title or the context counts this much.
	TitleCredit   float64
	ContextCredit float64
	ArticleCredit float64 // a concept said by another candidate passage of the same article

	// The rank of a candidate is coverage^CoverageExp, times BM25F
	// relative to the best candidate (with this share), times boosts for
	// proximity, topicality and answer type.
	CoverageExp  float64
	BM25Share    float64
	Proximity    float64 // boost when the question's concepts stand close together in the passage
	Topical      float64 // boost by the share of the question its article's title says: the article is about it
	FirstMention float64 // for a question asking what or who something is: boost by the share of the question first said, in its article, by the passage (see firstMentions)
	TypeMiss     float64 // factor for a passage without what the question's form asks for (a date for "when")
	FocusMiss    float64 // factor of the score and evidence of a passage that does not say the question's focus ("crew" in "how many crew")
	FocusFigure  bool    // the focus of a question asking how many or how much is said only in a sentence that gives a count or a sum
	SumOrShare   bool    // a question asking how much is answered only by a passage that gives a sum or a share
	TypeEvidence float64 // factor of the evidence of a passage without what the question's form asks for (see TypeMiss): "how much did the lawsuit cost" of a passage that names no sum asks more of the rest; 1 turns it off
	YearMiss     float64 // factor of the evidence of a passage that, with its title, context and date, does not say a year the question names ("in 2025"); 1 turns it off
	Recency      float64 // for a question asking where things stand now, boost of the passage reporting the latest year of the candidates
	Actor        float64 // for a question naming both countries, penalty of a passage whose sentences have the other country as actor (see agent.go)
	SentenceType float64 // factor for a passage that has what the question's form asks for, but not in or beside the sentence that says most of the question

	// OwnShare: a passage in the language of a Korean or Japanese
	// question comes first when it answers and scores at least this share
	// of the best: a passage that only touches the question does not.
	OwnShare float64

	// FollowUp is the share of their weight that the concepts of the
	// question before a follow-up have in it (see followup.go); 0 reads
	// every question alone.
	FollowUp float64
	// Clumping is how much a term whose passages gather in few articles
	// weighs as a rarer one (see clumped): 0 not at all, 1 as held by as
	// many passages as articles would hold it at random.
	Clumping float64

	// Answering: a passage answers when its evidence (see evidence)
	// reaches MinEvidence, its own text covers MinBody of the question,
	// and it says a concept of some weight; further passages must also
	// score MinRelative of the best. A question naming many things the
	// corpus has is put in more words than its answer repeats ("What
	// financial damage did the brewer Asahi attribute to the Korean
	// consumer backlash in 2019?"): for one with more than four known
	// concepts, MinEvidence lowers by LongQuestion for each, down to
	// MinLong, where the passage says the thing the question asks about
	// (its focus: "which restaurant", "what color"). Unless the question
	// asks what something is, a passage must also say MinRest of the
	// question's weight apart from its heaviest concept: one that only
	// names Kang Kyung-wha does not answer where she went to university.
	EvidenceSentence float64 // weight of the best sentence's coverage in the evidence
	MinEvidence      float64
	LongQuestion     float64
	MinLong          float64
	MinRest          float64
	MinBody          float64
	ConceptSpecific  float64 // 1: the specificity of a concept is that of its commonest spelling (see specificity); 0: of the question's own
	MinSpecific      float64 // the heaviest concept said must weigh this much: "Tokyo" alone is not a question the corpus answers
	MinRelative      float64
}

// defaultRanking is the ranking in use.
var defaultRanking = ranking{
	Derived: 0.9, Adjective: 0.7, Synonyms: 0.7, SynonymContext: 0.35, Broader: 0.2, Kinds: 0.7, GlossHead: 0.6, Native: 1, Senses: 2, UnknownWeight: 0.85, UnknownCJK: 0.3, UnknownOther: 0.6, UnknownMixed: 0.6, WeightExp: 1,
	PolysemyExp: 0.5, MinWeight: 0.05, PartCredit: 0.4, Romanized: 1, Dictionary: 1, RareWords: 0.8, NonNoun: 0.5, Negated: 0.5, CompoundGloss: 0.8, Irregular: 0.9, Anaphor: 0.8, EnglishTypos: true, FocusFigure: true, SumOrShare: true, MergeDerived: true, OptionalTitles: true, CorrectionPrior: 0.5, CrossReading: 0.9, Translation: 1, Romaji: 0.8, Compound: 0.8, Acronym: 0.9, Alias: 0.8,
	K1: 1.2, B: 0.5, TitleWeight: 0.5, ContextWeight: 0.4,
	TitleCredit: 0.7, ContextCredit: 0.2, ArticleCredit: 0.2,
	CoverageExp: 2, BM25Share: 0.8, Proximity: 0.3, Topical: 0.2, FirstMention: 0.5, TypeMiss: 0.7, TypeEvidence: 0.9, SentenceType: 0.8, FocusMiss: 0.6, YearMiss: 0.5, Actor: 0.2, Recency: 0.2, OwnShare: 0.6, FollowUp: 0.3, Clumping: 1.5,
	EvidenceSentence: 0.25, MinEvidence: 0.65, LongQuestion: 0.06, MinLong: 0.35, MinRest: 0.15, MinBody: 0.1, ConceptSpecific: 1, MinSpecific: 0.2, MinRelative: 0.15,
}

// fieldLengths are the mean lengths, in words, of the searched fields.
type fieldLengths [numFields]float64

// features are what the ranking knows of a candidate.
type features struct {
	coverage     float64 // weighted share of the question said by the passage, its title or its context
	ranked       float64 // the same, by the concepts' weights in the ranking (see concept.topical)
	body         float64 // the same, by the passage's own text
	bm25f        float64
	prox         float64   // 0 to 1: how close together the concepts stand
	sentence     float64   // the weighted share of the question covered by the passage's best sentence
	topical      float64   // the weighted share of the question its article's title says
	first        float64   // the weighted share of the question first said, among the candidates of its article, by this passage
	heaviest     float64   // the weight of the heaviest concept said, over that of a word in no passage
	known        int       // the question's concepts the corpus has (question.known), which the evidence needed depends on
	rest         float64   // the share of the question's weight but its heaviest concept's that the passage says; -1 for a question of one concept
	small        bool      // the corpus is too small for heaviest to tell (see minStatsCorpus)
	typeOK       bool      // the passage has what the question's form asks for
	focusOK      bool      // the passage, its title or its context says the question's focus (see concept.focus)
	yearOK       bool      // the passage, its title, its context or its date says each year the question names
	typeSentence bool      // what the question's form asks for stands in the sentence saying most of the question, or one beside it
	said         []float64 // per concept: how surely the passage, its title or its context says it
	saidBody     []float64 // per concept: how surely the passage's own text says it
}

// scored is a candidate with its features and rank score.
type scored struct {
	p     *passage
	f     features
	score float64
}

// rank orders the candidates best first.
func (r ranking) rank(q *question, cands []*passage, avg fieldLengths) []scored {
	var total, rankTotal float64 // the concepts' weights, in the answer and in the ranking
	for _, c := range q.concepts {
		total += c.weight
		rankTotal += c.rankWeight()
	}
	if total == 0 {
		return nil
	}
	out := make([]scored, 0, len(cands))
	best := 0.0
	names := named(q, cands)
	for _, p := range cands {
		f := r.features(q, p, avg, total, rankTotal, names[p.hit.ArticleID])
		best = max(best, f.bm25f)
		out = append(out, scored{p: p, f: f})
	}
	if r.ArticleCredit > 0 {
		r.articleContext(q, out, total, rankTotal)
	}
	if r.FirstMention > 0 && q.defines {
		firstMentions(q, out, total)
	}
	// For a question about now, the latest year each candidate names,
	// and the span of those of the candidates that answer: the boost
	// ranks them within what answers, whatever the corpus's history.
	var latest []int
	lo, hi := 0, 0
	if q.recent && r.Recency > 0 {
		latest = make([]int, len(out))
		for i := range out {
			latest[i] = latestYear(out[i].p.hit.Text)
			if y := latest[i]; y > 0 && r.answers(out[i].f) {
				if lo == 0 || y < lo {
					lo = y
				}
				hi = max(hi, y)
			}
		}
	}
	top := 0.0 // the best score
	for i := range out {
		s := &out[i]
		rel := 0.0
		if best > 0 {
			rel = s.f.bm25f / best
		}
		s.score = math.Pow(s.f.ranked, r.CoverageExp) * (1 - r.BM25Share + r.BM25Share*rel) *
			(1 + r.Proximity*s.f.prox) * (1 + r.Topical*s.f.topical) * (1 + r.FirstMention*s.f.first)
		if !s.f.typeOK {
			s.score *= r.TypeMiss
		} else if !s.f.typeSentence {
			s.score *= r.SentenceType
		}
		if !s.f.focusOK {
			s.score *= r.FocusMiss
		}
		if latest != nil && hi > lo && latest[i] > lo {
			s.score *= 1 + r.Recency*float64(min(latest[i], hi)-lo)/float64(hi-lo)
		}
		if q.actor != noSide && r.Actor > 0 {
			if s.p.actorSide() == q.actor.other() {
				s.score *= 1 - r.Actor
			}
		}
		top = max(top, s.score)
	}
	// A Korean or Japanese question gets the passages in its language
	// first, of those that answer it and score at least OwnShare of the
	// best: a member who asks in Korean reads Korean.
	own := func(s scored) int {
		if q.lang != knowledge.English && s.p.lang == q.lang && r.answers(s.f) && s.score >= r.OwnShare*top {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(out, func(a, b scored) int {
		return cmp.Or(cmp.Compare(own(b), own(a)), cmp.Compare(b.score, a.score), cmp.Compare(a.p.id, b.p.id))
	})
	return out
}

// articleContext credits a candidate, in part, with the concepts that
// other candidates of its article say in their own text: a passage is read
// in its article ("the decision" of a paragraph is the one the paragraph
// before it reports).
func (r ranking) articleContext(q *question, out []scored, total, rankTotal float64) {
	byArticle := map[string][]float64{}
	for _, s := range out {
		said := byArticle[s.p.hit.ArticleID]
		if said == nil {
			said = make([]float64, len(q.concepts))
			byArticle[s.p.hit.ArticleID] = said
		}
		for i, v := range s.f.saidBody {
			said[i] = max(said[i], v)
		}
	}
	for k := range out {
		f := &out[k].f
		said := byArticle[out[k].p.hit.ArticleID]
		for i, c := range q.concepts {
			if extra := r.ArticleCredit*said[i] - f.said[i]; extra > 0 {
				f.said[i] += extra
				f.coverage += c.weight * extra / total
				f.ranked += c.rankWeight() * extra / rankTotal
			}
		}
	}
}

// firstMentions sets each candidate's share of the question that it is
// the first of its article's candidates to say in its own words. News
// and reference writing introduce a person, a body or a term where they
// first name it ("Moon Hee-sang, born on 3 March 1945, was Speaker ...")
// and refer back to it after: the first mention is where "who is" and
// "what is" are answered. Candidates stand for the article: a question's
// words retrieve the passages that hold them.
func firstMentions(q *question, out []scored, total float64) {
	type key struct {
		article string
		concept int
	}
	first := map[key]int{}
	for _, s := range out {
		for i, v := range s.f.saidBody {
			if v < 1 {
				continue
			}
			k := key{s.p.hit.ArticleID, i}
			if n, ok := first[k]; !ok || s.p.n < n {
				first[k] = s.p.n
			}
		}
	}
	for k := range out {
		f := &out[k].f
		for i, v := range f.saidBody {
			if v >= 1 && first[key{out[k].p.hit.ArticleID, i}] == out[k].p.n {
				f.first += q.concepts[i].weight / total
			}
		}
	}
}

// cut keeps the ranked candidates that answer the question: none when the
// best does not cover enough of it, and after it those that do and score
// close enough to it.
func (r ranking) cut(ranked []scored) []scored {
	if len(ranked) == 0 || !r.answers(ranked[0].f) {
		return nil
	}
	for i := range ranked {
		if ranked[i].score < r.MinRelative*ranked[0].score || !r.answers(ranked[i].f) {
			return ranked[:i]
		}
	}
	return ranked
}

// answers reports whether a passage with these features answers the
// question.
func (r ranking) answers(f features) bool {
	need := r.MinEvidence
	if f.known > 4 && f.focusOK {
		need = max(r.MinLong, need-r.LongQuestion*float64(f.known-4))
	}
	if f.rest >= 0 && f.rest < r.MinRest {
		return false
	}
	return r.evidence(f) >= need && f.body >= r.MinBody && (f.heaviest >= r.MinSpecific || f.small)
}

// minStatsCorpus is the number of passages from which how common a word
// is tells how specific it is: in a handful of passages every word is
// common.
const minStatsCorpus = 50

// evidence is how surely a passage answers the question: the share of the
// question it says (with its title and context), plus in part the share
// one of its sentences says: the answer to a question is mostly one
// sentence.
func (r ranking) evidence(f features) float64 {
	e := f.coverage + r.EvidenceSentence*f.sentence
	if !f.focusOK {
		e *= r.FocusMiss
	}
	if !f.yearOK {
		e *= r.YearMiss
	}
	if !f.typeOK {
		e *= r.TypeEvidence
	}
	return e
}

// features computes a candidate's features.
func (r ranking) features(q *question, p *passage, avg fieldLengths, total, rankTotal float64, named []bool) features {
	f := features{typeOK: true, focusOK: true, yearOK: true, small: q.passages < minStatsCorpus, known: q.known,
		said: make([]float64, len(q.concepts)), saidBody: make([]float64, len(q.concepts))}
	unit := math.Pow(idf(0, q.passages), r.WeightExp)
	for _, cue := range q.wants {
		f.typeOK = f.typeOK && p.hasCue(cue)
	}
	credits := [numFields]float64{1, r.TitleCredit, r.ContextCredit}
	asksWhen := slices.Contains(q.wants, cueDate) || slices.Contains(q.wants, cueDuration)
	// A count is said with the thing counted: the focus of a question
	// asking how many is said by the passage or its title, not by its
	// neighbours only (生徒何人: the passage giving the students).
	asksCount := slices.Contains(q.wants, cueNumber)
	asksAmount := slices.Contains(q.wants, cueAmount)
	weights := [numFields]float64{1, r.TitleWeight, r.ContextWeight}
	var where [][]int  // per concept found in the body: the positions where it stands
	var focusPos []int // where the focus of a question asking how many or how much stands
	bySentence := map[int]float64{}
	for ci, c := range q.concepts {
		if !c.known {
			f.focusOK = f.focusOK && (!c.focus || statesFocus(c, p))
			continue
		}
		var said, saidBody, inTitle, tf float64
		whole := false // said by a spelling that is not a part of another (see alt.part)
		var pos []int
		for fi := range numFields {
			field := &p.fields[fi]
			norm := 1 - r.B + r.B*float64(field.words)/max(1, avg[fi])
			spellings := [2][]alt{c.alts}
			if fi == 0 && named != nil && named[ci] {
				spellings[1] = c.heads // a head noun refers to a name its article gives
			}
			for _, alts := range spellings {
				for _, a := range alts {
					if a.anaphor != "" && !definite(p.hit.Text, a.anaphor) {
						continue
					}
					at := field.find(a.terms)
					if len(at) == 0 {
						continue
					}
					conf := a.conf
					if fi == 0 && asksWhen && allNegated(p.negated, at) {
						conf *= r.Negated
					}
					said = max(said, credits[fi]*conf)
					whole = whole || !a.part && (fi < 2 || !asksCount)
					if fi == 1 {
						inTitle = max(inTitle, conf)
					}
					tf += weights[fi] * conf * float64(len(at)) / norm
					if fi == 0 {
						saidBody = max(saidBody, conf)
						pos = append(pos, at...)
						if c.focus && (asksCount || asksAmount) {
							focusPos = append(focusPos, at...)
						}
					}
				}
			}
		}
		// An age as Korean and Japanese write it (15歳, 94세) says "years
		// old", which no word of theirs spells.
		saysAge := statesFocus(c, p)
		if c.focus && !whole && !saysAge {
			f.focusOK = false
		}
		if said < 1 && saysAge {
			said, saidBody = 1, 1
		}
		if said == 0 && yearDigits(c.label) && strconv.Itoa(p.hit.Published.Year()) != c.label {
			f.yearOK = false
		}
		f.said[ci], f.saidBody[ci] = said, saidBody
		f.coverage += c.weight * said
		f.ranked += c.rankWeight() * said
		f.body += c.weight * saidBody
		f.topical += c.weight * inTitle
		if said > 0 && !c.bareNumber() {
			f.heaviest = max(f.heaviest, r.specificity(c, q.passages)/unit)
		}
		f.bm25f += c.weight * tf / (r.K1 + tf)
		if len(pos) > 0 {
			where = append(where, pos)
			in := map[int]bool{}
			for _, ps := range pos {
				if s := p.sentenceAt(ps); !in[s] {
					in[s] = true
					bySentence[s] += c.weight * saidBody
				}
			}
		}
	}
	// An optional concept the passage does not say is not held against
	// it (see concept.optional).
	for ci, c := range q.concepts {
		if c.optional {
			total -= c.weight * (1 - f.said[ci])
			rankTotal -= c.rankWeight() * (1 - f.said[ci])
		}
	}
	bestSentence := -1
	for s, w := range bySentence {
		if w/total > f.sentence || w/total == f.sentence && s < bestSentence {
			f.sentence, bestSentence = w/total, s
		}
	}
	// What a count or a sum is of is said in the sentence that gives it
	// (the school has about 160 students; 1500여개 매장): a passage that
	// names the students and gives another figure elsewhere ("343 people
	// queued for seats") does not say how many students there are.
	if r.FocusFigure && f.focusOK && len(focusPos) > 0 {
		figure := cueNumber
		if !asksCount {
			figure = cueAmount
		} else if slices.Contains(q.wants, cuePeople) {
			figure = cuePeople
		}
		if !slices.ContainsFunc(focusPos, func(pos int) bool { return p.sentenceHasCue(p.sentenceAt(pos), figure) }) {
			f.focusOK = false
		}
	}
	// A question asking how much is answered by a sum or by a share ("how
	// much did Uniqlo's sales fall": by about 40%); a passage giving
	// neither misses what it asks, however much of the rest it says: what
	// a deal cost, where the article gives no price.
	if r.SumOrShare && asksAmount && !p.hasCue(cueAmount) && !shareOf.MatchString(p.hit.Text) {
		f.focusOK = false
	}
	f.typeSentence = f.typeOK
	if f.typeOK && len(q.wants) > 0 && r.SentenceType < 1 {
		for _, cue := range q.wants {
			if !p.sentenceHasCue(bestSentence, cue) && !p.sentenceHasCue(bestSentence-1, cue) && !p.sentenceHasCue(bestSentence+1, cue) {
				f.typeSentence = false
			}
		}
	}
	f.rest = -1
	if len(q.concepts) > 1 && !q.defines {
		var said, all float64
		for i, c := range q.concepts {
			if i != q.heaviest {
				said += c.weight * f.said[i]
				if c.optional {
					all += c.weight * f.said[i]
				} else {
					all += c.weight
				}
			}
		}
		if all > 0 {
			f.rest = said / all
		}
	}
	f.coverage /= total
	f.ranked /= rankTotal
	f.body /= total
	f.topical /= total
	f.prox = proximity(where)
	return f
}

// shareOf finds a share, a percentage, which answers how much of
// something or by how much it changed.
var shareOf = regexp.MustCompile(`(?i)\d\s?(?:%|％|percent\b|per cent\b|퍼센트|パーセント)`)

// statesFocus reports whether a passage says a question's focus in a
// form its concept's spellings do not hold: an age as Korean and Japanese
// write it, a number with the counter of age (94세, 94歳).
func statesFocus(c concept, p *passage) bool {
	return c.label == ageLabel && statesAge.MatchString(p.hit.Text)
}

// specificity is how much a concept tells which passages a question is
// about: its weight, but no more than the weight of its commonest
// spelling of full confidence. "Tokyo" is written in few passages, but it
// is Japan, which nearly every passage names.
func (r ranking) specificity(c concept, n uint64) float64 {
	if c.before > 0 {
		c.weight = c.before // a follow-up's context is as specific as where it was asked
	}
	if r.ConceptSpecific == 0 {
		return c.weight
	}
	var df uint64
	for _, a := range c.alts {
		if a.conf >= 1 && !a.broader {
			df = max(df, a.df)
		}
	}
	if df == 0 {
		return c.weight
	}
	return min(c.weight, max(r.MinWeight, math.Pow(idf(df, n), r.WeightExp)))
}

// proximity is how close together the concepts found in a passage stand:
// 1 when they sit side by side, falling towards 0 as the shortest stretch
// of text holding one of each grows; 0 with fewer than two.
func proximity(where [][]int) float64 {
	k := len(where)
	if k < 2 {
		return 0
	}
	type occ struct{ pos, concept int }
	var occs []occ
	for ci, ps := range where {
		for _, p := range ps {
			occs = append(occs, occ{p, ci})
		}
	}
	slices.SortFunc(occs, func(a, b occ) int { return cmp.Compare(a.pos, b.pos) })
	best := math.MaxInt
	count := make([]int, k)
	have, lo := 0, 0
	for _, o := range occs {
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
	}
	return float64(k-1) / float64(max(best, k-1))
}

// describe writes the question's concepts, for Explain.
func (q *question) describe(w *strings.Builder) {
	fmt.Fprintf(w, "language %s; answer types %v; asks what or who it is %v\n", q.lang, q.wants, q.defines)
	for _, c := range q.concepts {
		fmt.Fprintf(w, "concept %q weight %.2f known %v", c.label, c.weight, c.known)
		if c.optional {
			w.WriteString(" optional")
		}
		if c.focus {
			w.WriteString(" focus")
		}
		w.WriteByte(':')
		for _, a := range c.alts {
			fmt.Fprintf(w, " %s(%.2f, df %d)", strings.Join(a.terms, "_"), a.conf, a.df)
		}
		for _, a := range c.heads {
			fmt.Fprintf(w, " the %s(%.2f, where named)", a.anaphor, a.conf)
		}
		w.WriteByte('\n')
	}
}

// describe writes each candidate's features and score, ranked first, for
// Explain.
func (r ranking) describe(w *strings.Builder, q *question, cands []*passage, avg fieldLengths, ranked []scored) {
	answered := map[string]bool{}
	for _, s := range ranked {
		answered[s.p.id] = true
	}
	fmt.Fprintf(w, "%d candidates, %d answers\n", len(cands), len(ranked))
	for i, s := range r.rank(q, cands, avg) {
		if i == 12 {
			break
		}
		mark := " "
		if answered[s.p.id] {
			mark = "*"
		}
		f := s.f
		fmt.Fprintf(w, "%s %-40s score %.3f evidence %.2f cov %.2f body %.2f sentence %.2f heaviest %.2f rest %.2f bm25f %.2f prox %.2f type %v: %.60s\n",
			mark, s.p.id, s.score, r.evidence(f), f.coverage, f.body, f.sentence, f.heaviest, f.rest, f.bm25f, f.prox, f.typeOK, s.p.hit.Text)
	}
}

// latestYear returns the latest year from 1900 on that text names, or 0.
func latestYear(text string) int {
	y := 0
	for _, m := range yearIn.FindAllString(text, -1) {
		if n, err := strconv.Atoi(m[:4]); err == nil {
			y = max(y, n)
		}
	}
	return y
}
