package index

import (
	"context"
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

// roleMarker opens, in the aliases field, a pair of a name and its role.
const roleMarker = "\x03"

// roles returns the pairs of a name and its role that text gives, each as
// "name\x1frole", the name as written and the role its head noun: a name,
// a comma and a noun phrase with an article ("Rikidozan, the professional
// wrestler whose ..."), the role the phrase's last word before a relative
// pronoun or a preposition; or a noun phrase with an article and the name
// it describes ("the poet Noriko Ibaragi"). The role must be a noun the
// corpus may refer back by (see roleNoun). The text is read word by word:
// a pattern over whole passages cost a tenth of the time of indexing.
func roles(text string) []string {
	toks := strings.Fields(text)
	var out []string
	add := func(name []string, phrase []string, cut bool) {
		if len(name) == 0 || len(phrase) == 0 || !properName(strings.Join(name, " ")) {
			return // "In January, the court ruled"
		}
		var words []string
		for _, w := range phrase {
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
			out = append(out, strings.Join(name, " ")+"\x1f"+head)
		}
	}
	for i, t := range toks {
		if !articleWord(t) {
			continue
		}
		// A name before the article, ending in a comma.
		if i > 0 && strings.HasSuffix(toks[i-1], ",") && t == strings.ToLower(t) {
			var name []string
			for k := i - 1; k >= 0 && len(name) < maxRoleName; k-- {
				w, punct := bareWord(toks[k])
				if !capitalizedWord(w) || k < i-1 && punct {
					break
				}
				name = append([]string{w}, name...)
			}
			var phrase []string
			for k := i + 1; k < len(toks) && len(phrase) < maxRolePhrase+1; k++ {
				w, punct := bareWord(toks[k])
				if !lowerWord(w) {
					break
				}
				phrase = append(phrase, w)
				if punct {
					break
				}
			}
			add(name, phrase, true)
		}
		// The article, a noun phrase and the name it describes.
		var phrase, name []string
		k := i + 1
		for ; k < len(toks) && len(phrase) < maxRolePhrase; k++ {
			w, punct := bareWord(toks[k])
			if !lowerWord(w) || punct {
				break
			}
			phrase = append(phrase, w)
		}
		for ; k < len(toks) && len(name) < maxRoleName; k++ {
			w, punct := bareWord(toks[k])
			if !capitalizedWord(w) {
				break
			}
			name = append(name, w)
			if punct {
				break
			}
		}
		add(name, phrase, false)
	}
	return out
}

// maxRoleName bounds the words of a name given a role, and maxRolePhrase
// the words of the noun phrase before a name.
const (
	maxRoleName   = 4
	maxRolePhrase = 3
)

// articleWord reports whether a word of text is an article.
func articleWord(t string) bool {
	switch t {
	case "the", "a", "an", "The", "A", "An":
		return true
	}
	return false
}

// bareWord returns a word of text without the punctuation after it, and
// whether it had any.
func bareWord(t string) (string, bool) {
	w := strings.TrimRightFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return w, w != t
}

// lowerWord reports whether a word is in lowercase Latin letters (and
// hyphens), as a noun phrase's words are.
func lowerWord(w string) bool {
	return w != "" && strings.IndexFunc(w, func(r rune) bool { return (r < 'a' || r > 'z') && r != '-' }) < 0
}

// capitalizedWord reports whether a word is capitalized and all letters,
// hyphens and apostrophes, as a name's words are ("Kim", "Sin-rak").
func capitalizedWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' }) < 0
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
// terms of the aliases field: roleMarker before a name's key and its role,
// as aliasKeys writes a name's key and its other name.
func roleKeys(an analysis.Analyzer, lang string, pairs []string) []string {
	keys := aliasKeys(an, lang, pairs)
	for i := range keys {
		keys[i] = roleMarker + keys[i]
	}
	return keys
}

// rolesOf returns the roles the corpus gives a name, given as its terms
// apart by spaces, remembered.
func (s *snapshotStats) rolesOf(name string) []string {
	return s.remember(roleMarker+name, func() []string { return s.aliasTerms(roleMarker + name + "\x1f") })
}

// nameTerm reports whether an analyzed term may be part of a name: a
// word the thesaurus does not know (rikidozan, ibaragi), where looking
// its roles up is worth a search of the index's terms.
func nameTerm(t string) bool {
	return t != "" && !thesaurus.Known(t)
}

// addRoles adds, as head nouns of a concept's name (see addAnaphor), the
// roles the corpus gives the name: a passage saying "the wrestler" in an
// article naming Rikidozan speaks of him. Only spellings with a word no
// dictionary knows are names to look up.
func (idx *Index) addRoles(st stats, c *concept, r ranking) {
	if r.Anaphor <= 0 {
		return
	}
	for _, a := range slices.Clone(c.alts) {
		if a.lang != knowledge.English || a.broader || a.part || a.conf < minRetrieveConf || !slices.ContainsFunc(a.terms, nameTerm) {
			continue
		}
		for _, role := range st.rolesOf(termKey(a.terms)) {
			idx.addHead(st, c, role, r)
		}
	}
}
