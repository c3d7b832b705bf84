package index

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/thesaurus"
	"github.com/disputebot/disputebot/knowledge/wordvec"
)

// News names an organization, a court or an agreement in full once and
// refers to it after by its head noun: "the International Hydrographic
// Organization approved a plan ..." and, three paragraphs on, "The
// organization, based in Monaco, has 94 member states". The later
// paragraph answers "how many countries are in the iho" without a word of
// the name. A question's name is also said, in a passage, by its head
// noun when the passage's article names it in full: in its title or in
// another of the candidates. Elsewhere "organization" is any organization.

// nameHead returns the head noun of a name of two words or more as
// written, capitalized, when it is an English noun: the last word
// ("Reconciliation and Healing Foundation": Foundation), or the last
// before a connector ("Ministry of Gender Equality and Family": Ministry;
// "International Court of Justice": Court). A person's name has no head
// noun ("Kang Kyung-wha"), nor has a term written in lower case ("export
// controls"), whose words are their own concepts' spellings.
func nameHead(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return ""
	}
	head := words[len(words)-1]
	for i, w := range words[1:] {
		if headEnds[w] {
			head = words[i]
			break
		}
	}
	head = strings.Trim(head, `"'.,;:()`)
	if r, _ := utf8.DecodeRuneInString(head); !unicode.IsUpper(r) || utf8.RuneCountInString(head) < minHead {
		return ""
	}
	l := strings.ToLower(head)
	if !thesaurus.Known(l) || !thesaurus.Nominal(l) || numberWords[l] {
		return ""
	}
	if w, ok := wordvec.Lookup(l); ok && int(w) < minHeadRank {
		return "" // "the time", "the world": too common to refer back
	}
	return l
}

// minHeadRank is the frequency rank in English (wordvec's) below which a
// noun is too common for "the" and it to refer back to one name: "the
// time", "the world", "the government" stand for many things in one
// report ("Japan Times", "Government of Japan"); "the company" and "the
// organization" refer back.
const minHeadRank = 100

// headEnds end the head of a name, joining it to its complement ("Court
// of Justice", "Agency for Cultural Affairs").
var headEnds = set("of for on at in to de")

// minHead is the shortest head noun: shorter capitalized words of a name
// are letters and numerals ("Group A", "Article II").
const minHead = 4

// definite reports whether text refers to something by its head noun, in
// lower case after "the" or "its" ("The organization, based in Monaco"):
// a capitalized word after "the" is a name of its own ("the Korea
// Herald"), and a person's name ("Moon", "Park") is no noun a report
// refers back by.
func definite(text, head string) bool {
	for _, det := range []string{"the ", "The ", "its ", "Its "} {
		for rest := text; ; {
			i := strings.Index(rest, det+head)
			if i < 0 {
				break
			}
			end := i + len(det) + len(head)
			if end == len(rest) || !isLetter(rest[end:]) || strings.HasPrefix(rest[end:], "s") {
				return true
			}
			rest = rest[end:]
		}
	}
	return false
}

// isLetter reports whether s begins with a letter.
func isLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// addAnaphor adds the head noun of a name the concept is spelt as, at
// Anaphor, as an alternative that holds only where the article names the
// concept in full (see named and definite).
func (idx *Index) addAnaphor(st stats, c *concept, name string, r ranking) {
	if r.Anaphor <= 0 {
		return
	}
	if head := nameHead(name); head != "" {
		idx.addHead(st, c, head, r)
	}
}

// addHead adds a head noun of a concept's name, at Anaphor (see
// addAnaphor).
func (idx *Index) addHead(st stats, c *concept, head string, r ranking) {
	terms := idx.analyze1(head)
	if len(terms) != 1 {
		return
	}
	for _, a := range c.heads {
		if a.terms[0] == terms[0] {
			return // another spelling of the name has this head
		}
	}
	for _, a := range c.alts {
		if len(a.terms) == 1 && a.terms[0] == terms[0] && a.conf >= r.Anaphor {
			return // the question's words say it as surely
		}
	}
	if df := st.docFreq(terms[0]); df > 0 {
		c.heads = append(c.heads, alt{terms: terms, conf: r.Anaphor, rarest: terms[0], df: df, lang: knowledge.English, anaphor: head})
	}
}

// named returns, for each article among the candidates, the concepts
// (by index) that its title or one of its candidates says by a spelling
// that is no head noun: where a head noun refers to them.
func named(q *question, cands []*passage) map[string][]bool {
	var out map[string][]bool
	for ci, c := range q.concepts {
		if len(c.heads) == 0 {
			continue
		}
		for _, p := range cands {
			said := out[p.hit.ArticleID]
			if said != nil && said[ci] {
				continue
			}
			for _, a := range c.alts {
				if a.broader || a.conf < 0.8 {
					continue
				}
				if len(p.fields[0].find(a.terms)) > 0 || len(p.fields[1].find(a.terms)) > 0 {
					if out == nil {
						out = map[string][]bool{}
					}
					if said == nil {
						said = make([]bool, len(q.concepts))
						out[p.hit.ArticleID] = said
					}
					said[ci] = true
					break
				}
			}
		}
	}
	return out
}

// maxReferringArticles bounds the articles whose passages referring to a
// name by its head noun are added to the candidates, and
// maxReferring the passages added.
const (
	maxReferringArticles = 1
	maxReferring         = 4
)

// referring returns the ids of the passages, not among the candidates,
// that refer by its head noun to a name of the question in an article
// whose candidates name it in full: in a large corpus the question's other
// words alone do not bring them among the candidates ("where is the iho
// based": "The organization, based in Monaco").
func (idx *Index) referring(ctx context.Context, b bleve.Index, q *question, cands []*passage, kq knowledge.Query, scoped bool) ([]string, error) {
	names := named(q, cands)
	if names == nil {
		return nil, nil
	}
	var articles, heads []query.Query
	seenArticle, seenHead := map[string]bool{}, map[string]bool{}
	for _, p := range cands { // in bleve's order: the best first
		said := names[p.hit.ArticleID]
		if said == nil || seenArticle[p.hit.ArticleID] || len(articles) == maxReferringArticles {
			continue
		}
		seenArticle[p.hit.ArticleID] = true
		articles = append(articles, keywordQuery(fieldArticleID, p.hit.ArticleID))
		for ci, ok := range said {
			for _, h := range q.concepts[ci].heads {
				if ok && !seenHead[h.terms[0]] {
					seenHead[h.terms[0]] = true
					for _, l := range idx.searchLanguages(h.lang) {
						heads = append(heads, termQuery(h.terms[0], bodyFields[l], 1))
					}
				}
			}
		}
	}
	if len(heads) == 0 {
		return nil, nil
	}
	qq := bleve.NewConjunctionQuery(bleve.NewDisjunctionQuery(articles...), bleve.NewDisjunctionQuery(heads...))
	res, err := b.SearchInContext(ctx, bleve.NewSearchRequestOptions(withFilters(qq, kq, scoped), maxReferring, 0, false))
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, p := range cands {
		have[p.id] = true
	}
	var ids []string
	for _, h := range res.Hits {
		if !have[h.ID] {
			ids = append(ids, h.ID)
		}
	}
	return ids, nil
}

// A person, or a thing, is named once with what it is ("Rikidozan, the
// professional wrestler whose karate chops ..."; "the poet Noriko
// Ibaragi") and referred to after by that noun alone ("The wrestler had
// been stabbed late on Dec. 8"), which answers a question naming the
// person. The index keeps, for each English passage, the pairs of a name
// and the noun an apposition gives it, as the aliases field keeps other
// names (see aliases); a question naming the person has the noun as a
// head noun of the name (see addRoles).
var (
	// roleAfter: a name, a comma, and a noun phrase with an article.
	roleAfter = regexp.MustCompile(`(\p{Lu}[\p{L}'’-]*(?:[ -]\p{Lu}[\p{L}'’-]*){0,3}), (?:the|a|an) ((?:[a-z-]+ ){0,3}[a-z]+)`)
	// roleBefore: a noun phrase with an article, and the name it
	// describes.
	roleBefore = regexp.MustCompile(`\b(?:[Tt]he|[Aa]n?) ((?:[a-z-]+ ){0,2}[a-z]+) (\p{Lu}[\p{L}'’-]*(?:[ -]\p{Lu}[\p{L}'’-]*){0,3})`)
)

// roleMarker opens, in the aliases field, a pair of a name and its role.
const roleMarker = "\x03"

// roles returns the pairs of a name and its role that text gives, each as
// "name\x1frole", the name as written and the role its head noun: the
// last word of the noun phrase before a relative pronoun or a
// preposition, where that is a noun the corpus may refer back by (see
// roleNoun).
func roles(text string) []string {
	if !strings.Contains(text, "the ") && !strings.Contains(text, "a ") && !strings.Contains(text, "an ") {
		return nil
	}
	var out []string
	add := func(name, phrase string, cut bool) {
		if !properName(name) {
			return // "In January, the court ruled"
		}
		var words []string
		for _, w := range strings.Fields(phrase) {
			if stopWords[w] || relativeWords[w] {
				if !cut {
					return // "a basement nightclub in Akasaka": no apposition
				}
				break
			}
			words = append(words, w)
		}
		if len(words) == 0 || len(out) >= 2*maxAcronymsPerPassage {
			return
		}
		if head := words[len(words)-1]; roleNoun(head) {
			out = append(out, name+"\x1f"+head)
		}
	}
	for _, m := range roleAfter.FindAllStringSubmatch(text, -1) {
		add(m[1], m[2], true)
	}
	for _, m := range roleBefore.FindAllStringSubmatch(text, -1) {
		add(m[2], m[1], false)
	}
	return out
}

// properName reports whether capitalized words are a name: none of them a
// month, a weekday or a stop word ("In January, the court"), and not one
// English word capitalized to open a sentence or a clause ("However, the
// court").
func properName(name string) bool {
	words := strings.Fields(strings.ToLower(name))
	for _, w := range words {
		if monthOrDay[w] || stopWords[w] {
			return false // "In January, the court"
		}
	}
	return len(words) > 1 || strings.Contains(name, "-") || !thesaurus.Known(words[0])
}

// monthOrDay are the capitalized words of dates.
var monthOrDay = set("january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday")

// timeUnits are nouns of time, which an apposition's comma only seems to
// give a name ("Akasaka, a week after").
var timeUnits = set("moment second minute hour week weekend month year decade century")

// relativeWords end the noun phrase of an apposition ("the professional
// wrestler whose ...").
var relativeWords = set("who whose whom which that where when")

// roleNoun reports whether a word is a noun a report refers back by: a
// noun of four letters or more, no participle or adjective, not so common
// that "the" and it stand for many things in one report (see
// minHeadRank).
func roleNoun(w string) bool {
	if utf8.RuneCountInString(w) < minHead || numberWords[w] || !thesaurus.Known(w) || !thesaurus.Nominal(w) {
		return false
	}
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || len(thesaurus.Adjectives(w)) > 0 || timeUnits[w] {
		return false // a participle or an adjective ends no apposition: "Yun, a sentenced ..."
	}
	if v, ok := wordvec.Lookup(w); ok && int(v) < minHeadRank {
		return false
	}
	return true
}

// roleKeys turns the pairs of names and roles of an English passage into
// terms of the aliases field: roleMarker, the name analyzed (see
// aliasKeys), "\x1f", and the role.
func roleKeys(an analysis.Analyzer, lang string, pairs []string) []string {
	if an == nil || lang != knowledge.English {
		return nil
	}
	var out []string
	for _, p := range pairs {
		name, role, _ := strings.Cut(p, "\x1f")
		if key := termKey(analyzedTerms(an, name)); key != "" {
			out = append(out, roleMarker+key+"\x1f"+role)
		}
	}
	return out
}

// rolesOf returns the roles the corpus gives a name, given as its terms
// apart by spaces, remembered.
func (s *snapshotStats) rolesOf(name string) []string {
	return s.remember(roleMarker+name, func() []string {
		var out []string
		for _, t := range s.withPrefix(fieldAliases, roleMarker+name+"\x1f", maxExpansions) {
			out = append(out, t.term)
		}
		return out
	})
}

// addRoles adds, as head nouns of a concept's name (see addAnaphor), the
// roles the corpus gives the name: a passage saying "the wrestler" in an
// article naming Rikidozan speaks of him.
func (idx *Index) addRoles(st stats, c *concept, r ranking) {
	if r.Anaphor <= 0 {
		return
	}
	for _, a := range slices.Clone(c.alts) {
		if a.lang != knowledge.English || a.broader || a.part || a.conf < minRetrieveConf {
			continue
		}
		for _, role := range st.rolesOf(termKey(a.terms)) {
			idx.addHead(st, c, role, r)
		}
	}
}
