package index

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/dictionary"
	"github.com/disputebot/disputebot/knowledge/lang"
	"github.com/disputebot/disputebot/knowledge/thesaurus"
	"github.com/disputebot/disputebot/knowledge/wordvec"
)

// A question is searched in five steps, each in its own place:
//
//  1. normalize (normalize): contractions expanded, dates in digits spelt
//     out as passages write them, misspelt lexicon words corrected;
//  2. expand (analyze): names and terms of the lexicon (knowledge's
//     glossary) become concepts with all their spellings and languages;
//     the other words become concepts of their own, with the words a
//     general thesaurus gives for them and, for words the corpus lacks,
//     the corpus words they are likely misspellings of;
//  3. retrieve candidates with bleve (retrieve, in search.go);
//  4. rerank them with named features (rank.go);
//  5. answer or abstain, by how much of the question the best passage
//     covers (rank.go).
//
// Everything a concept weighs comes from the corpus: the inverse document
// frequency of its spelling. A word the corpus does not contain weighs as
// a rare word when it is a real word (English by the thesaurus, or a
// content word of a Korean or Japanese question), so that a question about
// something absent is not covered; slang, typos with no correction and
// romanized words weigh nothing, as plain BM25 would have them.

// question is a question analyzed for retrieval.
type question struct {
	concepts []concept
	wants    []string // cues that the form of the question asks for ("date", ...)
	// defines: the question asks what or who something is ("what is
	// gsomia", "文喜相ってどんな人"), which the passage introducing it
	// answers (see firstMentions).
	defines  bool
	lang     string // the language it is written in: en, ko or ja
	passages uint64 // in the index when it was analyzed
	// actor is the country the question asks what it did, when it
	// names both (see agent.go).
	actor side
	// recent: the question asks where things stand now ("gsomia still a
	// thing?", "지금 몇 분이나 살아 계셔?") and names no year.
	recent bool
	// known is how many of its concepts the corpus has; heaviest is the
	// index of its heaviest concept (see ranking.MinRest), set once the
	// concepts are read.
	known, heaviest int
}

// concept is one thing a question asks about, with the ways the corpus may
// say it.
type concept struct {
	label string // the question's own words
	alts  []alt
	// weight is how much the concept says about relevance: the inverse
	// document frequency of the question's own spelling, or of the best
	// alternative when the corpus lacks it, or unknownWeight.
	weight float64
	// known concepts have a spelling in the corpus; the others only count
	// against coverage.
	known bool
	// focus marks the thing a question asks about the figure, the name or
	// the property of ("how many crew", "which ministry", "what is the
	// top speed of"): a passage that does not say it does not answer.
	focus bool
	// heads are the head nouns of the names it is spelt as, which say it
	// only as "the organization", in an article that names it in full
	// (see anaphor.go).
	heads []alt
	// optional concepts count where a passage says them and are not
	// held against one that does not: a person's title after their name
	// (아사다 선수, キム・ヨナ選手), which an article in another language
	// leaves out where it names the person.
	optional bool
	// topical is how many times its weight the concept weighs in the
	// ranking, 1 or more (0 is 1): more where the passages that say it
	// gather in few articles (see clumped). The article a question is
	// about is the one that says its topical words; whether the question
	// is answered is not, and the weight decides that.
	topical float64
	// before is, for a concept of the question a follow-up follows, its
	// weight there: how specific it is (see followup.go); 0 for the
	// question's own.
	before float64
}

// smallNumbers are the numbers news writes in words, by their digits;
// not 1, which is more often "per" (1人, 1인당) or a name (1+1) than "one".
var smallNumbers = map[string]string{"2": "two", "3": "three", "4": "four", "5": "five", "6": "six",
	"7": "seven", "8": "eight", "9": "nine", "10": "ten", "11": "eleven", "12": "twelve"}

// grouped returns a number of five digits or more, or of four not
// written as a year, with its thousands separated as news writes them
// ("1200": "1,200"), or "" for any other word.
func grouped(w string) string {
	if len(w) < 4 || yearDigits(w) {
		return ""
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return ""
		}
	}
	var b strings.Builder
	for i, r := range w {
		if i > 0 && (len(w)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// bareNumber reports whether a concept is a number alone, not a year
// ("17" of "what is 17 times 23"), or a currency ("is the won going up
// against the yen"): every article has numbers and sums, in dates, counts
// and amounts, so one says nothing of which the question is about. It
// still counts towards coverage, where a figure or a sum the answer
// repeats tells which passage holds it.
func (c concept) bareNumber() bool {
	return currencies[strings.ToLower(c.label)] || isNumber(c.label) && !yearDigits(c.label)
}

// yearDigits reports whether a word is a year of the last century or
// this one written in digits ("2019").
func yearDigits(w string) bool {
	return len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && isNumber(w)
}

// alt is one way of saying a concept.
type alt struct {
	terms  []string // analyzed terms by position, "" for a stop word's gap
	conf   float64  // how surely it says the concept (1: the question's own words or a lexicon spelling)
	rarest string   // its term held by the fewest passages
	df     uint64   // how many passages hold that term
	// broader alternatives name a broader concept ("group" for
	// "population"): they cover a question word in part, but do not say
	// how telling it is.
	broader bool
	// anaphor is, for the head noun of a name ("organization" of the
	// International Hydrographic Organization, in concept.heads), the
	// noun as written.
	anaphor string
	// lang is the language whose analysis gave the terms, and whose
	// fields they are searched in (English terms in all: Korean and
	// Japanese text analyzes its Latin words as English).
	lang string
	// part alternatives are one word of a multi-word spelling ("year" of
	// "years old"): they say a name or a term in part, but not the
	// question's focus (see features).
	part bool
}

// notBroader reports whether an alternative says its concept itself,
// not a broader word of it.
func notBroader(a alt) bool { return !a.broader }

// Confidences of alternatives that are not the question's own words.
const (
	// minUnknownRunes is the length from which a word that is neither in
	// the corpus nor English counts as content the corpus lacks.
	minUnknownRunes = 5
	// minRomanizedRunes is the length from which a romanized Korean or
	// Japanese word is looked up in the corpus: shorter ones match too
	// much by chance.
	minRomanizedRunes = 4
	// minFuzzyRomanizedRunes is the length from which a romanized word is
	// also matched one or two letters off.
	minFuzzyRomanizedRunes = 6
	// confCorrection is a corpus word one or two edits from a word of the
	// question that is neither in the corpus nor an English word.
	confCorrection = 0.7
	// maxCorrections bounds the corrections tried for one word.
	maxCorrections = 4
	// maxBroaderSenses is the most senses a broader word may have to stand
	// for a question word (see addSynonyms).
	maxBroaderSenses = 2
	// maxTypos bounds the words of a question tried as misspellings of
	// English (thesaurus.Correct, up to 2 ms a word).
	maxTypos = 4
	// maxAlts bounds the alternatives of one concept.
	maxAlts = 16
	// maxConcepts bounds the concepts of one question.
	maxConcepts = 24
	// maxCompounds bounds the Korean compounds that stand for a word.
	maxCompounds = 4
)

// stats gives the corpus statistics that analysis weighs words by.
type stats interface {
	// docFreq is the number of passages holding an analyzed term in any
	// searched field.
	docFreq(term string) uint64
	// passages is the number of passages in the index.
	passages() uint64
	// spread returns how many articles hold a term, and how many the
	// index has (0 when not counted).
	spread(term string) (held, articles uint64)
	// corrections returns corpus terms close to a term the corpus lacks,
	// most frequent first.
	corrections(term string, max int) []string
	// compounds returns the Korean words of the corpus that hold a word,
	// most frequent first.
	compounds(word string, max int) []string
	// expansions returns the names of the corpus whose initials are a
	// word ("icj"), most frequent first.
	expansions(acronym string) []string
	// loanwords returns the English words of the corpus that a Korean
	// or Japanese loanword's reading in Latin letters sounds like (see
	// loanSound), for a reading of minSkel consonants at least, limit at
	// most.
	loanwords(reading string, minSkel, limit int) []string
	// loanPair returns the two English words of the corpus, said
	// together, that the two parts of a loanword written as one word
	// sound like (see snapshotStats.loanPair), or nil.
	loanPair(left, right string) []string
	// koreanSpelled returns the Korean words of the corpus that a word in
	// Latin letters spells, most frequent first.
	koreanSpelled(latin string) []string
	// koreanLoanwords returns the Korean words of the corpus that sound
	// like a katakana word of a loan key (see loanKey), and the
	// compounds that begin or end with one, most frequent first.
	koreanLoanwords(key string) (words, compounds []string)
	// kanjiPairs returns the pairs of Chinese characters of the Japanese
	// articles that two Hangul syllables read.
	kanjiPairs(reading string) []string
	// katakanaLoanwords returns the katakana words of the Japanese
	// articles that sound like a word of a loan key (see loanKey).
	katakanaLoanwords(key string) []string
	// borrowedBySound returns the katakana and the Hangul words of the
	// corpus that an English word or name, written in Latin letters,
	// sounds like as Japanese and Korean borrow it (see soundSpellings).
	borrowedBySound(english string) []string
	// nativeForms returns the Korean words of the corpus that are forms
	// of a headword of the native lexicon, most frequent first.
	nativeForms(head string) []string
	// aliasesOf returns the other names the corpus gives to a name, given
	// as its terms apart by spaces ("dokdo": Takeshima).
	aliasesOf(name string) []string
	// rolesOf returns the nouns an apposition of the corpus gives a
	// name, given as its terms apart by spaces ("rikidozan": wrestler).
	rolesOf(name string) []string
}

// idf is BM25's inverse document frequency.
func idf(df, n uint64) float64 {
	return idfOf(float64(df), n)
}

// idfOf is idf of a count that need not be whole (see clumped).
func idfOf(df float64, n uint64) float64 {
	return math.Log(1 + (float64(n)-df+0.5)/(df+0.5))
}

// analyze turns question text into concepts: first its form (normalized,
// what kind of answer it asks for), then what it is about, a concept per
// lexicon term, thesaurus phrase or word, each with every spelling the
// corpus may use for it and a weight.
func (idx *Index) analyze(st stats, text string, r ranking) question {
	a := &reading{idx: idx, st: st, r: r, n: st.passages(), seen: map[string]bool{}}
	if r.SynonymContext > 0 {
		a.context = questionContext(text)
	}
	a.q = question{lang: lang.Language(text), passages: a.n, actor: questionActor(text)}

	// The form: normalized text, the kind of answer asked for, phrasal
	// verbs put together, misspelt lexicon words corrected.
	text = normalize(text)
	asked := text
	a.q.wants = answerTypes(text)
	a.q.recent = asksNow.MatchString(text) && !yearIn.MatchString(text)
	a.q.defines = asksDefinition(text)
	// "How long", "how many", "what year": the words say what kind of
	// answer is wanted, which the answer type stands for.
	text = framePhrases.ReplaceAllString(text, " ")
	if slices.Contains(a.q.wants, cueStart) {
		text = startPhrase.ReplaceAllString(text, " ")
	}
	if slices.Contains(a.q.wants, cueDate) {
		text = cjkDateWords.ReplaceAllString(text, " ")
	}
	text, phrasal := idx.joinParticles(text)
	text = a.corrected(text)

	// What it is about: phrasal verbs the lexicon would read word by
	// word ("call" of "call its ambassador back"), the names and terms of
	// the lexicon, the thesaurus's phrases, single words, and the Korean
	// and Japanese words the lexicon does not know; then the other names
	// the corpus gives them, and the focus.
	for _, phrase := range phrasal {
		if c, ok := idx.phraseConcept(st, phrase, thesaurus.Lemmas(phrase), r, a.seen, a.context, true); ok {
			a.add(c)
		}
	}
	a.compounds = cjkCompounds(text)
	a.text = text
	rest := a.lexiconConcepts(a.loanPhrases(a.katakanaKoreanNames(a.koreanLatinNames(text))))
	words := latinWords(rest)
	a.wordConcepts(words, a.phraseConcepts(words))
	a.cjkConcepts(rest)
	if r.Alias > 0 {
		for i := range a.q.concepts {
			idx.addAliases(st, &a.q.concepts[i], r, a.seen)
			idx.addRoles(st, &a.q.concepts[i], r)
		}
	}
	if r.MergeDerived {
		a.q.concepts = mergeDerived(a.q.concepts)
	}
	markFocus(idx, &a.q, asked)
	for i, c := range a.q.concepts {
		if c.known {
			a.q.known++
		}
		if c.weight > a.q.concepts[a.q.heaviest].weight && !c.optional || a.q.concepts[a.q.heaviest].optional {
			a.q.heaviest = i
		}
	}
	return a.q
}

// mergeDerived joins the concepts whose words are forms of one another
// (労働者 and 働いていた of one question: "workers", "work"): a question
// that says one thing twice asks it once, and a passage that says
// "workers" says both. The heavier keeps its label and weight and takes
// the other's spellings.
func mergeDerived(cs []concept) []concept {
	out := cs[:0:0]
	for _, c := range cs {
		merged := false
		for i := range out {
			if c.known && out[i].known && derivedFrom(c.label, out[i].label) {
				if c.weight > out[i].weight {
					c.alts, out[i].alts = append(c.alts, out[i].alts...), nil
					out[i] = c
				} else {
					out[i].alts = append(out[i].alts, c.alts...)
				}
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, c)
		}
	}
	return out
}

// derivedFrom reports whether two English words are forms of one another
// (worker, work; decision, decide).
func derivedFrom(a, b string) bool {
	if strings.ContainsRune(a, ' ') || strings.ContainsRune(b, ' ') {
		return false
	}
	for _, la := range thesaurus.Lemmas(strings.ToLower(a)) {
		for _, lb := range thesaurus.Lemmas(strings.ToLower(b)) {
			if la == lb || slices.Contains(thesaurus.Derived(la), lb) || slices.Contains(thesaurus.Derived(lb), la) {
				return true
			}
		}
	}
	return false
}

// reading is a question being analyzed: the corpus statistics and weights
// it is read with, and the concepts found so far.
type reading struct {
	idx  *Index
	st   stats
	r    ranking
	n    uint64          // the passages of the corpus
	seen map[string]bool // analyzed spellings already in a concept
	q    question
	// context is the question's words, by which a synonym is judged to
	// be of the sense the question means (see inContext).
	context []contextWord
	// compounds are the question's Korean and Japanese words as written,
	// before the lexicon took its terms out of them (see compoundGloss).
	compounds []string
	// text is the question normalized, before the lexicon took its
	// terms out, where a title is read with the name before it.
	text string
}

// add adds a concept, unless the question has enough or it says nothing.
func (a *reading) add(c concept) {
	if len(a.q.concepts) >= maxConcepts || len(c.alts) == 0 && c.weight == 0 {
		return
	}
	a.q.concepts = append(a.q.concepts, c)
}

// corrected corrects misspelt lexicon words of text, leaving words of
// asking, English words and words of the corpus as they are, those too
// that the corpus writes in Hangul or katakana: daiso, which a Korean
// article writes 다이소, is no misspelt haiso (敗訴, "lost the case").
func (a *reading) corrected(text string) string {
	corpusHas := func(word string) bool {
		for _, t := range a.idx.analyze1(word) {
			if a.st.docFreq(t) > 0 {
				return true
			}
		}
		w := strings.ToLower(word)
		if len(a.st.koreanSpelled(w)) > 0 {
			return true
		}
		for _, k := range lang.SpellKatakana(w) {
			terms := a.idx.phraseIn(knowledge.Japanese, k)
			if len(terms) > 0 && !slices.ContainsFunc(terms, func(t string) bool { return a.st.docFreq(t) == 0 }) {
				return true
			}
		}
		// A word a Japanese or Korean article borrows, by its sound
		// (castella: カステラ), is no misspelling of a lexicon name
		// (Stella Chemifa).
		return len(byEar(w, a.st.katakanaLoanwords)) > 0 || len(byEar(w, koreanWordsByKey(a.st))) > 0
	}
	return a.idx.glossary.Correct(text, func(word string) bool {
		w := strings.ToLower(word)
		return askingWords[w] || thesaurus.Known(w) || corpusHas(word)
	})
}

// spelledNames takes out of text the Hangul words that read aloud as a
// word of the corpus in Latin letters (고시엔이: koshien), which are that
// name, not a term of the lexicon they begin with (고시, "public notice"):
// the lexicon does not see them, and they come back with its rest.
func (a *reading) spelledNames(text string) (string, []string) {
	var names []string
	for _, r := range lang.Runs(text) {
		if r.Script != lang.Hangul {
			continue
		}
		stem := lang.KoreanStem(r.Text)
		if utf8.RuneCountInString(stem) < 3 || a.idx.glossary.Variant(stem) != nil {
			continue // the lexicon's own name (모테기)
		}
		for _, l := range lang.RomanizeKorean(stem) {
			if a.idx.romanizedTerm(a.st, l) != "" {
				names = append(names, r.Text)
				text = text[:r.Start] + strings.Repeat(" ", len(r.Text)) + text[r.End:]
				break
			}
		}
	}
	return text, names
}

// lexiconConcepts adds the names and terms of the lexicon that text holds,
// in every spelling and language, and returns what the lexicon left.
func (a *reading) lexiconConcepts(text string) (rest string) {
	idx, st, r, n, seen, add := a.idx, a.st, a.r, a.n, a.seen, a.add
	text, names := a.spelledNames(text)
	matches, rest := idx.glossary.Match(text)
	rest = strings.TrimSpace(rest + " " + strings.Join(names, " "))
	for _, m := range matches {
		c := concept{label: m.Group.Canonical()}
		own := idx.phraseIn(scriptLanguage(m.Variant), m.Variant)
		for _, v := range m.Group.Variants {
			vl := scriptLanguage(v)
			if vl != knowledge.English && !idx.hasLanguage(vl) {
				continue // no passage is in that language
			}
			terms := idx.phraseIn(vl, v)
			// Stop words are not indexed: "No Japan" is searched as
			// "japan", and "Group A" as "group", which say something else.
			// A spelling of several words reduced to one is left out.
			if content(terms) == 1 && len(strings.Fields(v)) > 1 && !strings.EqualFold(v, m.Variant) {
				continue
			}
			c.addAlt(st, vl, terms, 1, seen)
			if vl == knowledge.English {
				idx.addAnaphor(st, &c, v, r)
			}
		}
		// The dictionary's Korean and Japanese for the member's own
		// words, which a Korean or Japanese article a moderator added
		// may use where the lexicon has no spelling ("tourists": 観光客,
		// 관광객); for a Korean or Japanese word, those of the lexicon's
		// English spellings of it (외교부: "Ministry of Foreign Affairs",
		// 外務省).
		if !lang.IsCJK(m.Variant) {
			idx.addEnglishTranslations(st, &c, strings.ToLower(m.Variant), r, seen)
		} else {
			n := 0
			for _, v := range m.Group.Variants {
				if !lang.IsCJK(v) && n < maxEnglishVariants {
					idx.addEnglishTranslations(st, &c, strings.ToLower(v), r, seen)
					n++
				}
			}
		}
		// Reports name a person in full once and by one name after
		// ("Kang"), and a term in part ("the court"): the specific words
		// of a multi-word spelling stand for it, in part.
		for _, a := range slices.Clone(c.alts) {
			if len(a.terms) < 2 || a.lang != knowledge.English {
				continue
			}
			for _, t := range a.terms {
				if t != "" && !isStrayLetter(t) && float64(st.docFreq(t)) <= commonShare*float64(n) {
					if c.addAlt(st, a.lang, []string{t}, r.PartCredit, seen) {
						c.alts[len(c.alts)-1].part = true
					}
				}
			}
		}
		word := strings.ToLower(m.Variant)
		if lang.IsCJK(word) {
			word = ""
			if len(c.alts) == 0 {
				// A Korean or Japanese word the lexicon knows but no
				// passage says in the lexicon's words (対抗措置 as
				// "reciprocal"): what the dictionary says it is, as for a
				// word the lexicon does not know ("countermeasure").
				idx.addTranslations(st, &c, cjkWord{text: m.Variant, lang: scriptLanguage(m.Variant), strength: 1}, r, seen)
			}
			if len(c.alts) == 0 {
				// Nor in any other: it weighs as the other Korean and
				// Japanese words the corpus lacks.
				c.weight = r.UnknownCJK * math.Pow(idf(0, n), r.WeightExp)
				add(c)
				continue
			}
		}
		c.weigh(st, own, n, r, word)
		add(c)
	}

	return rest
}

// phraseConcepts adds the phrases of the thesaurus among words ("back off",
// "hit back") and reports which words they took.
func (a *reading) phraseConcepts(words []string) (used []bool) {
	idx, st, r, seen, add := a.idx, a.st, a.r, a.seen, a.add
	used = make([]bool, len(words))
	for size := 3; size >= 2; size-- {
		for i := 0; i+size <= len(words); i++ {
			if slices.Contains(used[i:i+size], true) {
				continue
			}
			phrase := strings.Join(words[i:i+size], " ")
			lemmas := thesaurus.Lemmas(phrase)
			if len(lemmas) == 0 || allAsking(words[i:i+size]) {
				continue
			}
			// A phrasal verb whose particle is a stop word ("wipe out",
			// "back off") is no phrase the index can find: read it, as a
			// parted one, by its synonyms.
			phrasal := particles[words[i+size-1]]
			c, ok := idx.phraseConcept(st, phrase, lemmas, r, seen, a.context, phrasal)
			if !ok {
				continue // neither the phrase nor its synonyms are in the corpus: its words are tried alone
			}
			add(c)
			for k := i; k < i+size; k++ {
				used[k] = true
			}
		}
	}
	return used
}

// wordConcepts adds the words no lexicon term or phrase took: each as the
// corpus spells it, or, failing that, as the identifier, the initials, the
// synonyms or the correction it may be, or as a word the corpus lacks.
func (a *reading) wordConcepts(words []string, used []bool) {
	idx, st, r, n, seen, add := a.idx, a.st, a.r, a.n, a.seen, a.add
	typos := 0 // words tried as misspellings of English (see maxTypos)
	for i, w := range words {
		if used[i] || askingWords[w] {
			continue
		}
		terms := idx.analyze1(w)
		if len(terms) != 1 || isStrayLetter(terms[0]) {
			continue // a stop word, or a letter left by "S. Korea"
		}
		t := terms[0]
		if seen[t] {
			continue
		}
		c := concept{label: w}
		c.addAlt(st, knowledge.English, terms, 1, seen)
		if g := grouped(w); g != "" {
			// "1200 items" of a passage's "1,200 items".
			c.addAlt(st, knowledge.English, []string{g}, 1, seen)
		}
		if n := smallNumbers[t]; n != "" {
			// "the 3 chemicals", 3品目, 품목 3개 of a passage's "the three
			// materials": news spells out small numbers, chat does not.
			c.addAlt(st, knowledge.English, []string{n}, 1, seen)
		}
		idx.addIrregular(st, &c, w, r, seen)
		idx.addDerived(st, &c, w, r, seen)
		idx.addAdjectives(st, &c, w, r, seen)
		if len(c.alts) == 0 && isIdentifier(w) {
			// "p1" is how chat writes P-1, and "g20" G-20: the letters
			// and the digits apart.
			if m := identifierParts.FindStringSubmatch(w); m != nil {
				c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, m[1]+m[3]+" "+m[2]+m[4]), 1, seen)
			}
		}
		if len(c.alts) == 0 && r.Acronym > 0 && mayBeAcronym(w) {
			// Initials of a name the corpus spells out ("icj").
			for _, e := range st.expansions(w) {
				c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, e), r.Acronym, seen)
				idx.addAnaphor(st, &c, e, r)
			}
		}
		english := thesaurus.Known(w)
		if len(c.alts) == 0 {
			// A word the corpus lacks may be a paraphrase of one it has.
			idx.addSynonyms(st, &c, thesaurus.Lemmas(w), r, seen, a.context)
		}
		if st.docFreq(t) > 0 && !english && !isNumber(t) && r.Romanized > 0 {
			// A Japanese or Korean name that English articles write too
			// (kanto of Kanto Daiichi High School), as a Korean or
			// Japanese article writes it (関東 of 関東大震災, the great
			// Kanto earthquake; 거제): the corpus has both.
			idx.addNameSpellings(st, &c, w, r, seen)
		}
		if st.docFreq(t) == 0 && !english && !isNumber(t) && len(c.alts) == 0 {
			// A Japanese or Korean word in Latin letters (baisho,
			// baesang): the words it reads, in English and as written.
			idx.addRomaji(st, &c, w, r, seen)
			if r.Romanized > 0 {
				// A name may read as a word too (shohei: 将兵,
				// "officers and men").
				idx.addNameSpellings(st, &c, w, r, seen)
			}
			if len(c.alts) == 0 {
				// A misspelling: the corpus words closest to it, or the
				// lexicon name it is closest to.
				addCorrections(st, &c, st.corrections(t, maxCorrections), confCorrection, r, seen)
				if g := idx.glossary.Fuzzy(w); g != nil {
					for _, v := range g.Variants {
						c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, v), confCorrection, seen)
					}
				}
			}
		}
		if !slices.ContainsFunc(c.alts, notBroader) && english && st.docFreq(t) == 0 && !isNumber(t) && r.Romanized > 0 {
			// A place the thesaurus knows that only a Korean or
			// Japanese article names (tsushima: 쓰시마, 対馬; france:
			// 프랑스, which a broader word, European country, does not
			// say). A word with a synonym is no place, and its sound
			// finds other words ("tried": 다르다, "mountain": 만든).
			idx.addNameSpellings(st, &c, w, r, seen)
		}
		if len(c.alts) == 0 && !english && r.EnglishTypos && !isNumber(t) && typos < maxTypos {
			// A misspelt English word the corpus lacks ("actualy"): read
			// as the word, for its synonyms and its weight.
			typos++
			if fix := thesaurus.Correct(w); fix != "" {
				w, english = fix, true
				idx.addSynonyms(st, &c, thesaurus.Lemmas(w), r, seen, a.context)
			}
		}
		if len(c.alts) == 0 && !english {
			// Not English and not in the corpus: chat shorthand ("rn",
			// "govt"), a romanized word, a name the thesaurus is too old
			// to know ("abenomics", "bitcoin", "ww2"). Short ones are
			// mostly shorthand and say nothing; longer ones, and
			// identifiers, are things the corpus does not mention.
			if utf8.RuneCountInString(w) < minUnknownRunes && !isIdentifier(w) || isNumber(t) {
				continue
			}
			c.weight = r.UnknownOther * math.Pow(idf(0, n), r.WeightExp)
			add(c)
			continue
		}
		idx.addEnglishTranslations(st, &c, w, r, seen)
		// The word with its neighbour as the dictionary has the pair,
		// as "A B" or "B of A" ("buddha statue": "statue of buddha",
		// 仏像, 불상; "school song": 校歌), which a Korean or Japanese
		// article writes as one word.
		for _, pair := range neighbourPairs(words, i) {
			idx.addEnglishTranslations(st, &c, pair, r, seen)
		}
		c.weigh(st, terms, n, r, w)
		if !c.known && english && (idx.hasLanguage(knowledge.Korean) || idx.hasLanguage(knowledge.Japanese)) {
			c.weight *= r.UnknownMixed
		}
		add(c)
	}
}

// neighbourPairs returns the phrases a question's word makes with the
// word before and after it, as the dictionary may list them: "A B" and
// "B of A".
func neighbourPairs(words []string, i int) []string {
	var out []string
	for _, j := range []int{i - 1, i} {
		if j < 0 || j+1 >= len(words) || askingWords[words[j]] || askingWords[words[j+1]] {
			continue
		}
		out = append(out, words[j]+" "+words[j+1], words[j+1]+" of "+words[j])
	}
	return out
}

// maxEnglishVariants bounds the English spellings of a lexicon group
// translated for a Korean or Japanese question's word.
const maxEnglishVariants = 8

// addRomaji adds what a word in Latin letters reads as in Korean or
// Japanese ("baesang": 배상; "kyosei rodo": 強制, 労働, "compulsion" and
// "labour"), at confidence Romaji: the English of each word the reading
// may be, and the word itself and its reading in the other language where
// the corpus has articles in those languages. Homophones are many (kisei:
// 規制, 帰省, 既成); the corpus decides which it says.
func (idx *Index) addRomaji(st stats, c *concept, word string, r ranking, seen map[string]bool) {
	if r.Romaji <= 0 || utf8.RuneCountInString(word) < minRomajiRunes {
		return
	}
	for _, kw := range dictionary.Romaja(word) {
		for _, e := range dictionary.Korean(kw) {
			c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, e), r.Romaji, seen)
		}
		if idx.hasLanguage(knowledge.Korean) {
			c.addAlt(st, knowledge.Korean, idx.phraseIn(knowledge.Korean, kw), r.Romaji, seen)
		}
		if idx.hasLanguage(knowledge.Japanese) {
			for _, jw := range dictionary.Kanji(kw) {
				c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, jw), r.Romaji, seen)
			}
		}
	}
	for _, jw := range dictionary.Romaji(word) {
		for _, e := range dictionary.Japanese(jw) {
			c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, e), r.Romaji, seen)
		}
		idx.addJapaneseWord(st, c, jw, r.Romaji, r.Compound, seen)
	}
}

// addJapaneseWord adds a Japanese word of the dictionary as Japanese
// articles write it and, for one in kanji, as Korean articles read it
// (通貨: 통화), at confidence conf, where the corpus has such articles.
// A reading is searched as it is: one analyzed into a single syllable
// (지 of 지면, 지 and the ending 면) is part of too many words to stand
// for one.
func (idx *Index) addJapaneseWord(st stats, c *concept, word string, conf, compound float64, seen map[string]bool) {
	if idx.hasLanguage(knowledge.Japanese) {
		c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, word), conf, seen)
		// A verb in any of its forms (開く: 開き, 開か, 開い).
		for _, stem := range japaneseVerbStems(word) {
			c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, stem), conf, seen)
		}
		for _, pair := range kanjiNounPairs(word) {
			c.addAlt(st, knowledge.Japanese, []string{pair}, conf, seen)
		}
	}
	if !idx.hasLanguage(knowledge.Korean) {
		return
	}
	idx.addKoreanLoanwords(st, c, word, conf, compound, seen)
	if !lang.IsCJK(word) {
		return
	}
	for _, h := range dictionary.Hangul(word) {
		if terms := idx.phraseIn(knowledge.Korean, h); len(terms) == 1 && utf8.RuneCountInString(terms[0]) >= 2 {
			c.addAlt(st, knowledge.Korean, terms, conf, seen)
			c.addLeadingCompounds(st, terms[0], conf*compound, seen)
		}
	}
}

// addKoreanLoanwords adds the Korean words of the corpus that sound like a
// katakana word (see loanKey) at confidence conf, and the compounds that
// begin or end with one at conf times compound: the dictionary translates
// "swap" as スワップ, which a Korean article writes 스와프, in 통화스와프
// ("currency swap"), and no table reads katakana as Hangul.
func (idx *Index) addKoreanLoanwords(st stats, c *concept, word string, conf, compound float64, seen map[string]bool) {
	key := kanaLoanKey(word)
	if key == "" || conf <= 0 {
		return
	}
	words, compounds := st.koreanLoanwords(key)
	if len(words) == 0 {
		// Korean writes some sounds as Japanese does not (the shon of
		// インフィルトレーション is the syeon of 인필트레이션): the Hangul
		// words of its consonants whose vowels agree with it.
		_, words = byScript(st.borrowedBySound(lang.RomanizeKana(word)))
	}
	for _, t := range words {
		c.addAlt(st, knowledge.Korean, []string{t}, conf, seen)
	}
	for _, t := range compounds {
		c.addAlt(st, knowledge.Korean, []string{t}, conf*compound, seen)
	}
}

// addLeadingCompounds adds the Korean words of the corpus that begin with
// a reading (통화스와프 for 통화, "currency"), at confidence conf: Korean
// writes nouns together. Only those beginning with it, or, where the
// corpus has neither the reading nor a word it begins, those ending with
// a reading of three syllables or more, as a compound ends with its head
// noun (국립중앙박물관 for 박물관, "museum"): a shorter reading inside a
// longer word is as often the ending of a verb (지면 of 나빠지면, "if it
// worsens", is not 地面, "ground").
func (c *concept) addLeadingCompounds(st stats, reading string, conf float64, seen map[string]bool) {
	if conf <= 0 {
		return
	}
	compounds := st.compounds(reading, 4*maxCompounds)
	n := 0
	for _, t := range compounds {
		if strings.HasPrefix(t, reading) && n < maxCompounds {
			c.addAlt(st, knowledge.Korean, []string{t}, conf, seen)
			n++
		}
	}
	// The compounds it heads only where the corpus has neither the
	// word nor one it begins: each compound is one more clause of the
	// search.
	if n > 0 || utf8.RuneCountInString(reading) < 3 || st.docFreq(reading) > 0 {
		return
	}
	for _, t := range compounds {
		if strings.HasSuffix(t, reading) && n < maxCompounds {
			c.addAlt(st, knowledge.Korean, []string{t}, conf, seen)
			n++
		}
	}
}

// minRomajiRunes is the shortest word read as Japanese in Latin letters:
// shorter ones are mostly chat shorthand ("smh", "imo").
const minRomajiRunes = 4

// addEnglishTranslations adds the Korean and Japanese words that an English
// word of a question translates, where the corpus has articles in those
// languages: "how much was the currency swap" finds a Korean article on
// the 통화스와프 through 通貨 (통화) and スワップ. Words of the lexicon have
// their translations there; this serves every other word.
func (idx *Index) addEnglishTranslations(st stats, c *concept, word string, r ranking, seen map[string]bool) {
	if r.Translation <= 0 || !idx.hasLanguage(knowledge.Japanese) && !idx.hasLanguage(knowledge.Korean) {
		return
	}
	lemmas := thesaurus.Lemmas(word)
	if len(lemmas) == 0 || !slices.Contains(lemmas, word) && len(dictionary.Translations(word)) > 0 {
		// A form with an entry of its own says more than its lemma
		// (youngest: 最年少, where young is 若い; goods: 商品).
		lemmas = append([]string{word}, lemmas...)
	}
	for _, l := range lemmas {
		for _, t := range dictionary.Translations(l) {
			idx.addJapaneseWord(st, c, t, r.Translation, r.Compound, seen)
		}
		// The dictionary glosses many nouns in the plural (姉妹:
		// sisters; 選択肢: options), which a question asks in the
		// singular ("sister city", "what option").
		for _, p := range thesaurus.Plurals(l) {
			if p == word {
				continue
			}
			for _, t := range dictionary.Translations(p) {
				idx.addJapaneseWord(st, c, t, r.Translation, r.Compound, seen)
			}
		}
		// A Korean article's native words for it, in the forms it
		// writes them (sea: 바다에서; steal: 훔친).
		if idx.hasLanguage(knowledge.Korean) {
			c.addNativeKorean(st, l, r.Translation*r.Native, seen)
		}
	}
	// The translations of its derived nouns and verbs, which the
	// dictionary may list where it lists none or few for the word
	// ("found": founding, 設立; "establish": establishment, 設立).
	if conf := r.Translation * r.Derived; conf > 0 {
		for _, l := range lemmas {
			for _, d := range thesaurus.Derived(l) {
				for _, t := range dictionary.Translations(d) {
					idx.addJapaneseWord(st, c, t, conf, 0, seen)
				}
			}
		}
	}
	// Failing any, the translations of its synonyms of the senses the
	// question means, as sure as a synonym ("quake": earthquake, 地震;
	// "pic": photograph, 사진).
	if conf := r.Translation * r.Synonyms; conf > 0 && !slices.ContainsFunc(c.alts, func(a alt) bool { return a.lang != knowledge.English }) {
		for _, l := range lemmas {
			for i, sense := range thesaurus.Senses(l) {
				if i >= r.Senses {
					break
				}
				for _, syn := range sense {
					for _, t := range dictionary.Translations(syn) {
						idx.addJapaneseWord(st, c, t, conf, 0, seen)
					}
				}
			}
		}
	}
	// The kinds of the thing that an article in Korean or Japanese names
	// where the question names the thing ("statue": 仏像, 불상, "buddhist
	// statue"; "earthquake": 大震災), of which the corpus holds few.
	if conf := r.Translation * r.Kinds; conf > 0 {
		for _, l := range lemmas {
			for _, t := range dictionary.Kinds(l) {
				idx.addJapaneseWord(st, c, t, conf, 0, seen)
			}
		}
	}
}

// cjkConcepts adds the Korean and Japanese words of rest that the lexicon
// does not know: they cannot match an English passage as written, but they
// say what the question is about.
func (a *reading) cjkConcepts(rest string) {
	idx, st, r, n, seen, add := a.idx, a.st, a.r, a.n, a.seen, a.add
	// A name written in hiragana, as names of places and events are
	// (あいちトリエンナーレ, ひろしま): hiragana is grammar but for a run
	// that reads aloud as a word the corpus writes in Latin letters.
	for _, run := range lang.Runs(rest) {
		if run.Script != lang.Hiragana {
			continue
		}
		word := run.Text
		if last, size := utf8.DecodeLastRuneInString(word); strings.ContainsRune("はがのをにへともで", last) {
			// a particle after the name (ふくしまで, "in Fukushima"),
			// unless the name ends so
			if terms := idx.analyze1(lang.RomanizeKana(word)); len(terms) != 1 || st.docFreq(terms[0]) == 0 {
				word = word[:len(word)-size]
			}
		}
		if utf8.RuneCountInString(word) < 3 {
			continue
		}
		terms := idx.analyze1(lang.RomanizeKana(word))
		if len(terms) != 1 || utf8.RuneCountInString(terms[0]) < minRomanizedRunes || thesaurus.Polysemy(terms[0]) > 1 {
			continue // not a word of English of several senses (それ: sore)
		}
		c := concept{label: word}
		if c.addAlt(st, knowledge.English, terms, r.Romanized, seen) {
			c.weigh(st, terms, n, r, "")
			add(c)
		}
	}
	words := cjkContent(rest)
	for i := 0; i < len(words); i++ {
		w := words[i]
		// A verb of one kanji in its te-form (語って, 戦って) is more often
		// the particle って after a word the lexicon took the rest of
		// (韓国語って, 団体戦って): where the kanji ends a longer word in
		// the question, it is no verb.
		if w.plain != "" && utf8.RuneCountInString(w.text) == 1 && strings.Contains(a.text, w.text+"って") && !kanjiAlone(a.text, w.text) {
			w.english, w.plain, w.strength = nil, "", 0.5
		}
		c := a.cjkConcept(w)
		// A name the corpus has no spelling of, which the question
		// writes with its title in one run of kanji (是枝監督), is read
		// whole, as before its title was cut off: the title's
		// translations (director) are all that finds its passages.
		if w.titled && len(c.alts) == 0 && i+1 < len(words) {
			w = cjkWord{text: w.text + words[i+1].text, lang: w.lang, strength: 1}
			c = a.cjkConcept(w)
			i++
		}
		// A Japanese place a Korean question writes by its sound with
		// the Sino-Korean word for its kind (가와사키시, 이시카와현,
		// 노토반도): read without it, as an article in another language
		// names the place (川崎市, Ishikawa, 能登半島); so too a prize
		// or a minister (아쿠타가와상, the Akutagawa Prize).
		if len(c.alts) == 0 && w.lang == knowledge.Korean {
			for _, f := range w.forms {
				base, ok := lang.KoreanPlaceBase(f)
				if !ok {
					base, ok = lang.KoreanKindBase(f)
				}
				if !ok {
					continue
				}
				if cb := a.cjkConcept(koreanWord(base)); len(cb.alts) > 0 {
					cb.label = w.text
					c = cb
					break
				}
			}
		}
		// A title after a name (아사다 선수, キム・ヨナ選手, 浅田真央選手) says
		// who the name is, which the name says: an English article names
		// the skater without "player". The title counts where a passage
		// says it (이강철 감독은 of a Korean article; "the first Korean
		// player") and is not held against one that only names her.
		if r.OptionalTitles && lang.PersonTitle(w.text) && a.titleAfterName(w.text) {
			c.optional = true
		}
		add(c)
	}
}

// cjkConcept is the concept of a Korean or Japanese word of a question
// that the lexicon does not know: the word itself, where passages in its
// language hold it, its spellings in other scripts, its translations,
// and its weight.
func (a *reading) cjkConcept(w cjkWord) concept {
	idx, st, r, n, seen := a.idx, a.st, a.r, a.n, a.seen
	c := concept{label: w.text}
	// The word itself, where passages in its language hold it.
	own := idx.phraseIn(w.lang, w.text)
	if idx.hasLanguage(w.lang) {
		c.addAlt(st, w.lang, own, 1, seen)
		for _, stem := range japaneseVerbStems(w.plain) {
			c.addAlt(st, w.lang, idx.phraseIn(w.lang, stem), 1, seen)
		}
		if w.lang == knowledge.Japanese && r.Derived > 0 {
			for _, other := range japanesePartners(w.plain) {
				for _, stem := range japaneseVerbStems(other) {
					c.addAlt(st, w.lang, idx.phraseIn(w.lang, stem), r.Derived, seen)
				}
			}
		}
		if pairs := kanjiNounPairs(w.text); pairs != nil && w.lang == knowledge.Japanese && w.plain == "" && kanjiAlone(a.text, w.text) {
			for _, pair := range pairs {
				c.addAlt(st, w.lang, []string{pair}, 1, seen)
			}
		}
		if w.lang == knowledge.Korean {
			c.addCompounds(st, own, r.Compound, seen)
			if !ownSaid(st, own) {
				idx.addKoreanParts(st, &c, w.text, r, seen)
			}
		}
	}
	ownAlts := len(c.alts)
	// A name the lexicon lacks may be in the corpus in Latin letters.
	var spellings []string
	for _, l := range w.latin {
		if terms := idx.analyze1(l); len(terms) == 1 && romanizedName(terms[0]) && !englishSyllable(w, terms[0]) {
			spellings = append(spellings, terms[0])
		}
	}
	for _, t := range spellings {
		c.addAlt(st, knowledge.English, []string{t}, r.Romanized, seen)
	}
	// A Japanese name's long o is oh in English (오타니, Ohtani;
	// 사토, Satoh): failing an exact match, the spelling with it,
	// where the corpus writes it and it is no English word.
	for _, l := range w.latin {
		if len(c.alts) > 0 {
			break
		}
		for _, v := range englishSpellings(l)[1:] {
			if t := idx.romanizedTerm(st, v); t != "" && !thesaurus.Known(t) {
				c.addAlt(st, knowledge.English, []string{t}, r.Romanized, seen)
			}
		}
	}
	// A Japanese name a Korean question writes by its sound, as a
	// Japanese article writes it in kanji (오타니: 大谷; 쓰시마: 対馬).
	if w.lang == knowledge.Korean && w.native == "" && idx.hasLanguage(knowledge.Japanese) && dictionary.Korean(w.text) == nil {
		for _, l := range w.latin {
			idx.addRomajiNames(st, &c, l, r, seen)
		}
	}
	// Romanization is inexact ("isiba" for Ishiba): failing an exact
	// match, a long spelling may be one or two letters off.
	for _, t := range spellings {
		if len(c.alts) > 0 {
			break
		}
		if utf8.RuneCountInString(t) >= minFuzzyRomanizedRunes {
			for _, fix := range st.corrections(t, 1) {
				c.addAlt(st, knowledge.English, []string{fix}, r.Romanized*confCorrection, seen)
			}
		}
	}
	// A loanword (トリエンナーレ, 트리엔날레: Triennale), by its
	// consonants, when no spelling is the corpus's; a Korean one also
	// where only Korean articles say it: an English article may too
	// (바르셀로나, Barcelona).
	if len(c.alts) == 0 {
		idx.addLoanword(st, &c, w, r, seen)
		idx.addKatakana(st, &c, w, r, seen)
	} else if w.lang == knowledge.Korean && len(c.alts) == ownAlts {
		idx.addLoanword(st, &c, w, r, seen)
	}
	// A Korean name or word that no table lists, as a Japanese
	// article writes it in Chinese characters (신격호: 辛格浩).
	unread := len(c.alts) == 0
	if unread && w.lang == knowledge.Korean && w.native == "" && r.CrossReading > 0 && idx.hasLanguage(knowledge.Japanese) {
		for _, k := range kanjiSpellings(st, w.text) {
			c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, k), r.CrossReading, seen)
		}
	}
	// A Korean name as a Japanese article writes it by its sound
	// (성진우: ソン・ジヌ; 차해인: チャ・ヘイン).
	if w.lang == knowledge.Korean && w.native == "" {
		idx.addKatakanaName(st, &c, w.text, r, seen)
	}
	// A Korean name a Japanese question writes in Chinese
	// characters, as Japanese news writes Korean people (宋康昊:
	// 송강호, Song Kang-ho, ソン・ガンホ).
	if w.lang == knowledge.Japanese && r.CrossReading > 0 && allHan(w.text) && dictionary.Japanese(w.text) == nil {
		readings := dictionary.Hangul(w.text)
		if strings.HasPrefix(w.text, "金") && len(readings) > 0 {
			// 金 is 금 but as a surname 김 (金大中, 김대중).
			readings = append(readings, "김"+string([]rune(readings[0])[1:]))
		}
		for _, h := range readings {
			idx.addHangulName(st, &c, h, r.CrossReading, r, seen, nil)
			idx.addKatakanaName(st, &c, h, r, seen)
			// A Korean company or place, spelt in English as a
			// name's syllables (大宇, 대우: Daewoo; 三星: Samsung).
			for _, l := range lang.NameSpellings(h) {
				if t := idx.romanizedTerm(st, l); t != "" {
					c.addAlt(st, knowledge.English, []string{t}, r.Romanized*r.CrossReading, seen)
				}
			}
		}
	}
	// A Japanese name that Korean reads by its characters, not its
	// sound (역도산: 力道山, Rikidozan; 이등: 伊藤, Ito), when
	// nothing but the characters of Japanese articles reads the
	// word.
	if unread && w.lang == knowledge.Korean && w.native == "" && r.CrossReading > 0 {
		for _, k := range dictionary.KanjiNames(w.text) {
			idx.addKanjiNames(st, &c, k, r.Romanized*r.CrossReading, r.Compound, seen)
			c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, k), r.CrossReading, seen)
		}
	}
	// A native Korean word: its other forms in Korean articles
	// (훔친 and 훔쳤다, "stole"), and its English in Japanese ones.
	if w.native != "" {
		for _, t := range st.nativeForms(w.native) {
			c.addAlt(st, knowledge.Korean, []string{t}, 1, seen)
		}
		if idx.hasLanguage(knowledge.Japanese) && r.Translation > 0 {
			for _, e := range w.english {
				for _, t := range dictionary.Translations(e) {
					idx.addJapaneseWord(st, &c, t, r.Translation, 0, seen)
				}
			}
		}
	}
	// A Korean personal name, as English news spells it (이용수: Lee
	// Yong-soo), is no word to translate (이용, "use").
	if w.lang != knowledge.Korean || w.native != "" || !idx.addKoreanName(st, &c, koreanNameForm(w), r, seen) {
		idx.addTranslations(st, &c, w, r, seen)
		// A word no passage writes as the question does may be
		// said in other words of either language (서거, "death":
		// 사망; 葬式, "funeral": 葬送): the dictionary's words for
		// its English.
		if w.native == "" && !ownSaid(st, own) {
			idx.addSynonymWords(st, &c, w, r, seen)
		}
	}
	// A Japanese word that Korean says with a native word, not the
	// reading of its characters (盗む, "steal": 훔친; 建てる, "build":
	// 세웠다), where no Korean spelling was found: the native words for
	// its English, as a native Korean word finds a Japanese article the
	// other way. Not those of a light verb's English (take, 44 senses),
	// whose native words mean other things.
	if w.lang == knowledge.Japanese && r.Translation > 0 && r.Native > 0 && idx.hasLanguage(knowledge.Korean) &&
		!slices.ContainsFunc(c.alts, func(a alt) bool { return a.lang == knowledge.Korean }) {
		english := w.english
		if english == nil {
			english = dictionaryEnglish(w.text, false)
		}
		for _, e := range english[:min(len(english), maxSynonymGlosses)] {
			if thesaurus.Polysemy(e) <= maxIrregularSenses {
				c.addNativeKorean(st, e, r.Translation*r.Native, seen)
			}
		}
	}
	// What the word means in the compound the lexicon took a term
	// out of (漁業 of 漁業協定: "fisheries").
	if r.CompoundGloss > 0 {
		for _, terms := range a.compoundGloss(w) {
			c.addAlt(st, knowledge.English, terms, r.CompoundGloss, seen)
		}
	}
	if len(c.alts) > 0 {
		c.weigh(st, own, n, r, "")
		english := w.english
		if english == nil && !ownSaid(st, own) {
			english = dictionaryEnglish(w.text, w.lang == knowledge.Korean)
		}
		if w.native != "" && lang.LoanwordLike(w.text) && ownSaid(st, own) {
			// A borrowed word the corpus writes (코스, 시리즈) names
			// one thing, not the many senses of its English (course,
			// series): it weighs as the corpus has it.
			english = nil
		}
		if english != nil {
			// A word weighs no more than its English would, were it
			// a question's word the corpus lacked: a verb, 受ける (影響を
			// 受ける, "be affected"), is "receive", a verb of many
			// senses, however seldom the corpus says "receive"; and
			// a word no passage of its language holds weighs as its
			// English, 対象 of の対象になった ("object", "subject"),
			// not as the rarest of its translations.
			limit := 0.0
			for _, e := range english {
				// A passive's English ("be formed") weighs as its
				// verb, which the thesaurus knows.
				if v, ok := strings.CutPrefix(e, "be "); ok && !strings.Contains(v, " ") {
					e = v
				}
				limit = max(limit, unknownWeight(e, n, r))
			}
			c.weight = min(c.weight, max(r.MinWeight, limit))
		}
		// A single kanji (人 of どんな人, 外 of 外された) tells as
		// little where the corpus has it as where it does not: a
		// Japanese article has 人 in every 万人 and 日本人.
		c.weight *= w.strength
	} else {
		c.weight = r.UnknownCJK * math.Pow(idf(0, n), r.WeightExp) * w.strength
	}
	return c
}

// englishSyllable reports whether a Korean word of one syllable, left of
// a word with its particle (성으로, 손을, 반을), spells in Latin letters an
// English word (성: song, 손: son, 반: ban): it is no name of the corpus in
// Latin letters, and the English word matches passages about something
// else ("songs by Elton John" for 김씨 성으로, "by the surname Kim"). A
// surname with a title (송 감독) is no word of one syllable with a
// particle.
func englishSyllable(w cjkWord, latin string) bool {
	return w.lang == knowledge.Korean && utf8.RuneCountInString(w.text) == 1 && thesaurus.Known(latin)
}

// addKoreanParts adds the words of a Korean compound that no passage
// writes whole, as an article writes them apart (선발투수, "starting
// pitcher": 한국 선발 김광현, "Korea's starter Kim Kwang-hyun"; 지명타자:
// 지명 타자): the parts together as a phrase, and each alone at Compound,
// as a compound of the corpus holding a question's word is.
func (idx *Index) addKoreanParts(st stats, c *concept, word string, r ranking, seen map[string]bool) {
	parts := dictionary.Split(word, true)
	if len(parts) == 1 {
		parts = dictionary.SplitCommon(word, true) // a rare word's common parts
	}
	if len(parts) < 2 || r.Compound <= 0 {
		return
	}
	var phrase []string
	whole := true
	for _, p := range parts {
		whole = whole && utf8.RuneCountInString(p) >= 2
		phrase = append(phrase, idx.phraseIn(knowledge.Korean, p)...)
	}
	if whole {
		c.addAlt(st, knowledge.Korean, phrase, 1, seen)
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) < 2 {
			continue // a suffix (들, 적) or a syllable that is no word alone (팀 of 대표팀)
		}
		terms := idx.phraseIn(knowledge.Korean, p)
		if c.addAlt(st, knowledge.Korean, terms, r.Compound, seen) {
			c.alts[len(c.alts)-1].part = true
		}
		c.addCompounds(st, terms, r.Compound*r.Compound, seen)
	}
}

// maxSynonymGlosses bounds the English glosses of a Korean or Japanese
// word whose translations addSynonymWords adds: the first are its common
// senses.
const maxSynonymGlosses = 3

// addSynonymWords adds the Korean and Japanese words that the dictionary
// gives for a Korean or Japanese word's English, at confidence
// Translation times Dictionary.
func (idx *Index) addSynonymWords(st stats, c *concept, w cjkWord, r ranking, seen map[string]bool) {
	conf := r.Translation * r.Dictionary
	if conf <= 0 {
		return
	}
	english := dictionaryEnglish(w.text, w.lang == knowledge.Korean)
	for _, e := range english[:min(len(english), maxSynonymGlosses)] {
		for _, t := range dictionary.Translations(e) {
			idx.addJapaneseWord(st, c, t, conf, 0, seen)
		}
	}
}

// koreanNameForm returns the form of a Korean word that may be a
// personal name: the word without its particles, or, where that is no
// name, the longest form that is one, since a name's last syllable may
// read as an ending (전창한 씨, whose 한 is that of 하다: 전창).
func koreanNameForm(w cjkWord) string {
	if _, _, ok := lang.KoreanName(w.text); ok || dictionary.Korean(w.text) != nil {
		return w.text // a name, or a word of the dictionary with its particle (선수가: 선수, "player")
	}
	for _, f := range w.forms {
		if _, _, ok := lang.KoreanName(f); ok {
			return f
		}
	}
	return w.text
}

// ownSaid reports whether a passage holds a word as the question writes
// it.
func ownSaid(st stats, own []string) bool {
	for _, t := range own {
		if t != "" && st.docFreq(t) > 0 {
			return true
		}
	}
	return false
}

// addLoanword adds the English words of the corpus that a word in
// katakana, or in Hangul that the dictionary does not read as Chinese
// characters, sounds like (see loanwords), at confidence Romanized.
func (idx *Index) addLoanword(st stats, c *concept, w cjkWord, r ranking, seen map[string]bool) {
	var reading string
	switch w.lang {
	case knowledge.Japanese:
		// "" unless all kana; none for a Japanese word usually written
		// in kana (コウノトリ, "stork", is no "control").
		if !dictionary.KanaForm(w.text) {
			reading = lang.RomanizeKana(w.text)
		}
	case knowledge.Korean:
		if (lang.LoanwordLike(w.text) || foreignWord(w)) && w.native == "" && len(dictionary.Korean(w.text)) == 0 {
			reading = lang.RomanizeKoreanLinked(w.text)
		}
	}
	if reading == "" || r.Romanized <= 0 {
		return
	}
	found := st.loanwords(reading, minSkeleton, maxLoanwords)
	// A Korean loanword whose last syllables read as particles (바르셀로나
	// as 바르셀 with 로 and 나): the longer forms of the word as written,
	// those spelt as a loanword is (들였음, "spent", is no "tourism").
	for i := len(w.forms) - 2; i >= 0 && len(found) == 0 && w.lang == knowledge.Korean; i-- {
		if lang.LoanwordSpelling(w.forms[i]) {
			found = st.loanwords(lang.RomanizeKoreanLinked(w.forms[i]), minSkeleton, maxLoanwords)
		}
	}
	for _, t := range found {
		c.addAlt(st, knowledge.English, []string{t}, r.Romanized, seen)
	}
	if len(found) == 0 {
		if two := loanCompound(st, w); two != nil {
			c.addAlt(st, knowledge.English, two, r.Romanized, seen)
		}
	}
}

// minCompoundSkeleton is the fewest consonants of a loanword read as two
// English words: one of four (ドラゴン, モンゴル) is a word of its own.
const minCompoundSkeleton = 5

// loanCompound returns the two English words of the corpus that a
// loanword written as one word is, where the whole sounds like none:
// Korean and Japanese often write a two-word English name without a
// space (파라다이스시티, Paradise City; ライオンキング, Lion King). Each
// part is two syllables at least and sounds like an English word the
// corpus says with the other's (see snapshotStats.loanPair); the split
// whose vowels agree best wins. Nil where no split does, or where the
// whole has fewer than minCompoundSkeleton consonants.
func loanCompound(st stats, w cjkWord) []string {
	romanize := lang.RomanizeKoreanLinked
	if w.lang == knowledge.Japanese {
		romanize = lang.RomanizeKana
	}
	if len(skeleton(romanize(w.text))) < minCompoundSkeleton {
		return nil
	}
	runes := []rune(w.text)
	var best []string
	bestSound := 0.0
	for i := 2; i <= len(runes)-2; i++ {
		if strings.ContainsRune("ァィゥェォャュョッーヮ", runes[i]) {
			continue // a small kana or a long mark belongs to the kana before it
		}
		left, right := romanize(string(runes[:i])), romanize(string(runes[i:]))
		pair := st.loanPair(left, right)
		if pair == nil {
			continue
		}
		if v := loanSound(left, pair[0]) + loanSound(right, pair[1]); v > bestSound {
			best, bestSound = pair, v
		}
	}
	return best
}

// foreignWord reports whether a Korean word the dictionaries do not know
// is a name borrowed from another language though no syllable of it has
// the ㅡ that LoanwordLike looks for (넥슨, Nexon; 넷마블, Netmarble): a
// syllable of it is no reading of a Chinese character, and it is neither
// a native word nor a Korean personal name, nor a form with an ending.
func foreignWord(w cjkWord) bool {
	if w.native != "" || len(lang.KoreanForms(w.text)) > 1 {
		return false
	}
	if _, _, ok := lang.KoreanName(w.text); ok {
		return false
	}
	for _, r := range w.text {
		if !dictionary.SinoKorean(string(r)) {
			return true
		}
	}
	return false
}

// addAliases adds the other names the corpus gives to what a concept
// names (see aliases): a question about Dokdo finds the passages of an
// article that calls the islets Takeshima once it has said both.
func (idx *Index) addAliases(st stats, c *concept, r ranking, seen map[string]bool) {
	for _, a := range slices.Clone(c.alts) {
		if a.lang != knowledge.English || a.broader || a.conf < minRetrieveConf {
			continue
		}
		for _, other := range st.aliasesOf(termKey(a.terms)) {
			c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, other), a.conf*r.Alias, seen)
		}
	}
}

// phraseConcept is the concept of a phrase of the thesaurus ("back off",
// "call back"): the phrase where the corpus says it, else (or, for a
// phrasal verb written apart, also) its synonyms;
// false when the corpus has neither, or the phrase is one word with stop
// words ("in place").
func (idx *Index) phraseConcept(st stats, phrase string, lemmas []string, r ranking, seen map[string]bool, ctx []contextWord, parted bool) (concept, bool) {
	c := concept{label: phrase}
	own := idx.phraseIn(knowledge.English, phrase)
	if content(own) < 2 && !parted {
		return c, false
	}
	if content(own) >= 2 {
		c.addAlt(st, knowledge.English, own, 1, seen)
	}
	// A parted phrasal verb was written apart: that its words are in
	// the corpus says nothing of the phrase, so its synonyms count too.
	if len(c.alts) == 0 || parted {
		idx.addSynonyms(st, &c, lemmas, r, seen, ctx)
	}
	idx.addEnglishTranslations(st, &c, phrase, r, seen)
	if len(c.alts) == 0 {
		return c, false
	}
	c.weigh(st, own, st.passages(), r, phrase)
	return c, true
}

// addCompounds adds, for a Korean word, the compounds of the corpus that
// hold it (see stats.compounds), at confidence conf.
func (c *concept) addCompounds(st stats, terms []string, conf float64, seen map[string]bool) {
	if conf <= 0 || len(terms) != 1 {
		return
	}
	for _, t := range st.compounds(terms[0], maxCompounds) {
		c.addAlt(st, knowledge.Korean, []string{t}, conf, seen)
	}
}

// addNativeKorean adds, at confidence conf, the forms the Korean articles
// write of the native Korean words for an English word (sea: 바다에서;
// steal: 훔친).
func (c *concept) addNativeKorean(st stats, english string, conf float64, seen map[string]bool) {
	for _, head := range dictionary.NativeKoreanFor(english) {
		for _, t := range st.nativeForms(head) {
			c.addAlt(st, knowledge.Korean, []string{t}, conf, seen)
		}
	}
}

// addAlt adds a way of saying the concept when the corpus holds it, and
// reports whether it did.
func (c *concept) addAlt(st stats, l string, terms []string, conf float64, seen map[string]bool) bool {
	if len(terms) == 0 || len(c.alts) >= maxAlts || conf <= 0 {
		return false // a spelling said with no confidence says nothing, and would make the concept known
	}
	key := strings.Join(terms, " ")
	for i, a := range c.alts {
		if strings.Join(a.terms, " ") == key {
			// Found again more surely (仏像 as a kind of statue, then
			// as "statue of buddha"): the surer reading counts.
			if conf > a.conf {
				c.alts[i].conf = conf
				if conf == 1 {
					seen[key] = true
				}
			}
			return false
		}
	}
	df, rarest := uint64(math.MaxUint64), ""
	for _, t := range terms {
		if d := st.docFreq(t); t != "" && d < df {
			df, rarest = d, t
		}
	}
	if df == 0 || rarest == "" {
		return false
	}
	if conf == 1 {
		seen[key] = true // the word is said: it needs no concept of its own
	}
	c.alts = append(c.alts, alt{terms: terms, conf: conf, rarest: rarest, df: df, lang: l})
	return true
}

// addDerived adds the nouns and verbs derived from a word, or it from
// them (decide: decision; payment: pay; die: death), at confidence
// Derived: a passage reports "the decision" that a question asks when
// they "decided", and stemming joins only some such pairs (compensate and
// compensation, not decide and decision).
func (idx *Index) addDerived(st stats, c *concept, word string, r ranking, seen map[string]bool) {
	idx.addRelated(st, c, word, thesaurus.Derived, r.Derived, seen)
}

// addAdjectives adds the nouns an adjective relates to (imperial:
// emperor, empire; judicial: judge), at confidence Adjective: a question
// asks about "the imperial household" of a passage on the Emperor, and
// stemming joins neither. Not the other way: a noun's adjective is said
// of much else (sexual of sex, for "same-sex marriage").
func (idx *Index) addAdjectives(st stats, c *concept, word string, r ranking, seen map[string]bool) {
	idx.addRelated(st, c, word, thesaurus.Adjectives, r.Adjective, seen)
}

// addRelated adds, at confidence conf (none when it is 0), the English
// words that a relation of the thesaurus gives each base form of a word.
func (idx *Index) addRelated(st stats, c *concept, word string, related func(lemma string) []string, conf float64, seen map[string]bool) {
	if conf <= 0 {
		return
	}
	for _, l := range thesaurus.Lemmas(word) {
		for _, d := range related(l) {
			c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, d), conf, seen)
		}
	}
}

// addSynonyms adds the thesaurus's synonyms of the lemmas, and the words
// of their broader concepts ("beer" for "lager"), from their most frequent
// senses, at low confidences: those near the question's other words, ctx,
// when SynonymContext is set (see inContext).
func (idx *Index) addSynonyms(st stats, c *concept, lemmas []string, r ranking, seen map[string]bool, ctx []contextWord) {
	for _, l := range lemmas {
		var others []wordvec.Word
		if r.SynonymContext > 0 {
			others = contextFor(l, ctx)
		}
		for _, rel := range []struct {
			senses  [][]string
			conf    float64
			broader bool
		}{{thesaurus.Senses(l), r.Synonyms, false}, {thesaurus.Broader(l), r.Broader, true}} {
			if rel.conf <= 0 {
				continue
			}
			for i, sense := range rel.senses {
				if i >= r.Senses {
					break
				}
				for _, s := range sense {
					if r.SynonymContext > 0 && !inContext(s, others, r.SynonymContext) {
						continue // of another sense than the question's
					}
					// A broader word says something only when it is a
					// specific one ("beer" for "lager"); "group" for
					// "population" would match every victims' group.
					if rel.broader && thesaurus.Polysemy(s) > maxBroaderSenses {
						continue
					}
					// A sense spelt as a word of asking or grammar says
					// nothing in a passage: "can" (a toilet) of bathroom
					// is every "can" of the corpus.
					if askingWords[s] || stopWords[s] {
						continue
					}
					if c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, s), rel.conf, seen) {
						c.alts[len(c.alts)-1].broader = rel.broader
					}
				}
			}
		}
	}
}

// weigh sets the concept's weight: the inverse document frequency of the
// question's own spelling, as the corpus gives it, raised to WeightExp. A
// lexicon name in another script, a misspelling or a word of the
// thesaurus weighs as the corpus spelling it stands for (which covers it
// only in part, by its confidence). An English word the corpus lacks
// altogether weighs as a word rarer than any in the corpus, discounted
// (UnknownWeight), and the more so the more senses it has, since common
// words have many (see thesaurus.Polysemy): a question about the "feud"
// is about something, one where something "sits" hardly.
func (c *concept) weigh(st stats, own []string, n uint64, r ranking, word string) {
	var df uint64
	term := ""
	for _, t := range own {
		if t != "" {
			if d := st.docFreq(t); df == 0 || d < df {
				df, term = d, t
			}
		}
	}
	c.known = len(c.alts) > 0
	if abbreviation(own) && len(c.alts) > 1 {
		// "sk" or "jp" for South Korea or Japan weighs as the name: the
		// corpus's few "SK" are SK Hynix, which make the letters rare.
		df = 0
	}
	if df == 0 {
		for _, a := range c.alts {
			if !a.broader && (df == 0 || a.df > df) {
				df, term = a.df, a.rarest // the commonest: a correction, translation or synonym is as telling as the word it stands for
			}
		}
	}
	if df == 0 {
		c.weight = unknownWeight(word, n, r)
		return
	}
	c.weight = max(r.MinWeight, math.Pow(idf(df, n), r.WeightExp))
	ranked := max(r.MinWeight, math.Pow(idfOf(clumped(st, term, df, r), n), r.WeightExp))
	if word != "" && thesaurus.Known(word) {
		// A common English word the corpus happens to use seldom ("let",
		// "long") says no more than it would if the corpus lacked it.
		limit := max(r.MinWeight, unknownWeight(word, n, r))
		c.weight, ranked = min(c.weight, limit), min(ranked, limit)
	}
	c.topical = max(1, ranked/c.weight)
}

// rankWeight is the concept's weight in the ranking (see topical).
func (c concept) rankWeight() float64 {
	return c.weight * max(1, c.topical)
}

// clumped returns the number of passages a term counts as held by, for
// its weight: those that hold it, fewer where they gather in fewer
// articles than as many passages drawn at random would (Church and Gale's
// burstiness, of passages in articles). The word an article is about
// stands in many of its passages and in few others, and tells the
// article as surely as a word said once: the "Slam Dunk" of a question
// about a film's box office in Korea weighs more than its "April", which
// stands in as many passages of more articles.
func clumped(st stats, term string, df uint64, r ranking) float64 {
	if r.Clumping <= 0 || df < 2 {
		return float64(df)
	}
	held, articles := st.spread(term)
	if held == 0 || articles < 2 {
		return float64(df)
	}
	a := float64(articles)
	expected := a * (1 - math.Pow(1-1/a, float64(df)))
	if float64(held) >= expected {
		return float64(df)
	}
	return float64(df) * math.Pow(float64(held)/expected, r.Clumping)
}

// abbreviation reports whether a question's spelling of a concept is a
// word of two or three letters, as chat shortens names.
func abbreviation(own []string) bool {
	return len(own) == 1 && utf8.RuneCountInString(own[0]) <= 3 && !isNumber(own[0]) && !lang.IsCJK(own[0])
}

// unknownWeight is the weight of a word the corpus lacks (see weigh).
func unknownWeight(word string, n uint64, r ranking) float64 {
	w := r.UnknownWeight * math.Pow(idf(0, n), r.WeightExp)
	if p := thesaurus.Polysemy(word); p > 1 {
		w /= math.Pow(float64(p), r.PolysemyExp)
	}
	if word != "" && !thesaurus.Nominal(word) {
		w *= r.NonNoun
	}
	return w
}

// addIrregular adds the forms of a word that stemming does not join to
// it, WordNet's irregular ones: its base form and that base's other forms
// ("leading": led; "led": lead; "fought": fight), at Irregular. A
// question asks "who is leading the talks" of a passage saying "led by".
func (idx *Index) addIrregular(st stats, c *concept, word string, r ranking, seen map[string]bool) {
	if r.Irregular <= 0 {
		return
	}
	for _, l := range thesaurus.Lemmas(word) {
		forms := thesaurus.Forms(l)
		// The word is the lemma, one of its irregular forms, or a regular
		// one ("leading"); not another word that WordNet's exceptions
		// give as its base ("best": good).
		regular := len(l) > 2 && strings.HasPrefix(word, l[:len(l)-1])
		if strings.Contains(l, " ") || l != word && !slices.Contains(forms, word) && !regular {
			continue
		}
		for _, f := range append([]string{l}, forms...) {
			if f != word {
				c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, f), r.Irregular, seen)
			}
		}
	}
}

// addCorrections adds the corpus words a misspelling may stand for
// (commonest first), each at conf times its share of the commonest one's
// passages to the power r.CorrectionPrior: of the words one edit from
// "sumit", the corpus says summit in many passages and submit and suit in
// few, and a writer more likely meant the word the subject uses most (the
// prior of Norvig's spelling corrector).
func addCorrections(st stats, c *concept, fixes []string, conf float64, r ranking, seen map[string]bool) {
	most := 1.0
	for _, fix := range fixes {
		most = max(most, float64(st.docFreq(fix)))
	}
	for _, fix := range fixes {
		share := min(1, float64(st.docFreq(fix))/most)
		c.addAlt(st, knowledge.English, []string{fix}, conf*math.Pow(share, r.CorrectionPrior), seen)
	}
}

// analyze1 returns the English analyzed terms of text.
func (idx *Index) analyze1(text string) []string {
	toks := idx.analyzers[knowledge.English].Analyze([]byte(text))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, string(t.Term))
	}
	return out
}

// phraseIn returns the terms of text as a language analyzes it, by
// position, with "" where a stop word left a gap, as phrases are matched.
// Korean or Japanese text analyzed as English gives nothing: no English
// passage holds it.
func (idx *Index) phraseIn(l, text string) []string {
	if l == knowledge.English && lang.IsCJK(text) {
		return nil
	}
	toks := idx.analyzerFor(l).Analyze([]byte(text))
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

// content counts the terms of a phrase that are not stop-word gaps.
func content(terms []string) int {
	n := 0
	for _, t := range terms {
		if t != "" {
			n++
		}
	}
	return n
}

// latinWords returns the words of text written in Latin letters or
// digits, lowercased, in order.
func latinWords(text string) []string {
	var out []string
	low := strings.ToLower(text)
	end := -1 // where the last word ended
	for _, r := range lang.Runs(low) {
		if r.Script == lang.Latin || r.Script == lang.Digit {
			n := len(out)
			switch {
			case n > 0 && r.Start == end:
				out[n-1] += r.Text // "g20", "20th": one word
			case n > 0 && r.Script == lang.Digit && r.Start == end+1 && (low[end] == ',' || low[end] == '.') && isNumber(out[n-1]):
				out[n-1] += low[end:r.End] // "1,200", "3.5": one number, as the analyzer reads it
			default:
				out = append(out, r.Text)
			}
			end = r.End
		}
	}
	return out
}

// askingWords are words that ask, address or fill rather than say what a
// question is about: question words, verbs of telling and knowing,
// greetings and chat fillers, and the modal verbs the analyzer's stop list
// keeps ("when will they meet", "wont" read as "will not"; not "may",
// which is also a month). English stop words are dropped by the
// analyzer already; these are the rest of a question's frame ("can you
// explain what happened with"), which passages seldom hold and which would
// otherwise count as content the corpus lacks. The prepositions the stop
// list lacks are here too: "per the ruling", "vs the company".
var askingWords = set(`what when where who whom whose which why how whats whens wheres whos hows
	tell explain describe summarize summarise know knew understand remember wonder wondering curious
	happen happens happened happening going go goes went gone get got getting come came
	say says said saying think thinks thought mean means meant meaning want wants wanted
	please pls plz thanks thank thx ty hi hello hey yo sup ok okay um uh hmm lol lmao rofl bruh dude guys
	folks yall yeah yes no nope tbh ngl idk imo fr btw tldr eli5 like just really actually basically
	rn asap fyi irl afaik iirc smh omg wtf ikr jk nvm cuz bc tho though u ur ya
	question questions ask asking answer info information details detail summary overview
	anything something everything thing things stuff deal story whole
	exactly kind sort lot lots much many bit still ever also even now today currently
	someone anyone somebody anybody people guy
	will can shall might must
	per via amid vs versus
	among amongst amidst across along alongside around beside besides beyond despite toward towards upon within without onto unto
	although whereas unless whether else everyone everybody nobody nothing cannot
	` + romajiGrammar)

// romajiGrammar are the Japanese and Korean words of grammar and asking as
// members who learned the languages by ear type them in Latin letters
// ("nikkan shuno kaidan wa itsu", "baesang pangyeol eonje"): particles,
// the copula and auxiliaries, question words and demonstratives, which the
// analysis of the scripts leaves out. Those that are English words (made,
// dare, sore, no, to, i) are left to English.
const romajiGrammar = `wa ga wo ni de mo ka ne yo kara yori dake shika nado desu deshita desho deshou
	da datta masu mashita masen nai nakatta teru iru imasu aru arimasu suru shita shimashita sareta
	nano nandesu ndesu itsu doko naze doushite doshite nani nan ikura ikutsu nannin dono dore kurai gurai
	kono sono ano kore dou
	eun neun eul reul ui eseo ege hante rang irang hago eonje mwo mwoya mwoeyo mwonde nugu nuga nuguya
	eodi eodiya wae eolma eolmana myeot haesseo haetda haenna haesseoyo iya ieyo imnikka inga`

// allAsking reports whether all the words are asking words or stop words,
// which a thesaurus phrase made of them ("at all", "how come") would not
// be about.
func allAsking(words []string) bool {
	for _, w := range words {
		if !askingWords[w] && !stopWords[w] {
			return false
		}
	}
	return true
}

// stopWords are bleve's English stop words (en.StopWords), for telling
// phrases made only of them.
var stopWords = set(`a about above after again against all am an and any are aren't as at be because been before being
	below between both but by can't cannot could couldn't did didn't do does doesn't doing don't down during each few for
	from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his
	how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of
	off on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so
	some such than that that's the their theirs them themselves then there there's these they they'd they'll they're
	they've this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's
	when when's where where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're
	you've your yours yourself yourselves`)

func isStrayLetter(t string) bool {
	r := []rune(t)
	return len(r) == 1 && unicode.IsLetter(r[0])
}

// identifierParts splits an identifier into its letters and its digits
// ("f35s": f, 35; "p3c": p, 3c, as "P-3C" is analyzed).
var identifierParts = regexp.MustCompile(`^(?:([a-z]+)(\d+[a-rt-z]?)s?|(\d+)([a-z]+))$`)

// isIdentifier reports whether a word mixes letters and digits ("ww2",
// "g7", "ds590"): a name of something, however short.
func isIdentifier(s string) bool {
	return strings.ContainsAny(s, "0123456789") && strings.IndexFunc(s, unicode.IsLetter) >= 0
}

func isNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789,.") == "" && s[0] >= '0' && s[0] <= '9' && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}
