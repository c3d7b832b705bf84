package index

import (
	"iter"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/disputebot/disputebot/knowledge"
)

// Chat writes names by their initials ("did japan take it to the icj",
// "what does cues say"), where a news article spells them out once
// ("the International Court of Justice", "the Code for Unplanned
// Encounters at Sea") and often never uses the initials. The index keeps,
// for each passage, the initials of the capitalized names it holds, with
// the name; a question's word that no passage says, read as initials,
// finds the names they stand for. The corpus is the list of acronyms: a
// moderator's article brings its own.

// Acronyms are from minAcronym to maxAcronym letters.
const (
	minAcronym = 2
	maxAcronym = 6
	// maxAcronymsPerPassage bounds what one passage adds to the index.
	maxAcronymsPerPassage = 64
	// maxExpansions bounds the names a question's word may stand for.
	maxExpansions = 4
)

// nameWords are the words of a name and what stands between them: a
// space or a hyphen continues a name ("Self-Defense"), anything else
// ends it.
var nameWords = regexp.MustCompile(`[\p{L}\p{N}]+|[^\p{L}\p{N}]+`)

// nameConnectors are the lowercase words that stand inside a name without
// giving it a letter ("Court of Justice", "Code for Unplanned Encounters
// at Sea").
var nameConnectors = set("of for and on at the in to de")

// acronyms returns the initials of the names in text, each followed by a
// space and the name as written: "icj International Court of Justice".
// A name is two to six capitalized words, with connectors between them;
// every stretch of a longer run that starts and ends with a capitalized
// word is one, so that a capitalized word that opens a sentence ("The
// International Court of Justice") does not hide the name after it.
func acronyms(text string) []string {
	var out []string
	seen := map[string]bool{}
	var run []string // the words of the current run, connectors included
	flush := func() {
		for i := range run {
			if !nameWord(run[i]) {
				continue
			}
			letters := ""
			for j := i; j < len(run) && len(letters) < maxAcronym; j++ {
				if !nameWord(run[j]) {
					continue
				}
				r, _ := utf8.DecodeRuneInString(run[j])
				letters += string(unicode.ToLower(r))
				if len(letters) < minAcronym {
					continue
				}
				a := letters + " " + strings.Join(run[i:j+1], " ")
				if !seen[a] && len(out) < maxAcronymsPerPassage {
					seen[a] = true
					out = append(out, a)
				}
			}
		}
		run = run[:0]
	}
	for tok := range wordsAndGaps(text) {
		r, _ := utf8.DecodeRuneInString(tok)
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if nameWord(tok) || len(run) > 0 && nameConnectors[tok] {
				run = append(run, tok)
			} else if len(run) > 0 {
				flush()
			}
		case tok == " " || tok == "-":
		default:
			if len(run) > 0 {
				flush()
			}
		}
	}
	flush()
	// A run that ends with connectors ("Court of") has them cut by the
	// stretches above, which end with a capitalized word.
	return out
}

// wordsAndGaps yields the words of text (letters and digits) and what
// stands between them, in order, as nameWords finds them: the same, without
// a regular expression, which was most of the time acronyms took.
func wordsAndGaps(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start, inWord := 0, false
		for i, r := range text {
			w := unicode.IsLetter(r) || unicode.IsDigit(r)
			if i > start && w != inWord {
				if !yield(text[start:i]) {
					return
				}
				start = i
			}
			inWord = w
		}
		if start < len(text) {
			yield(text[start:])
		}
	}
}

// nameWord reports whether a word is a word of a name in Latin letters:
// a capital, then small letters (see capitalized).
func nameWord(w string) bool { return w[0] < utf8.RuneSelf && capitalized(w) }

// mayBeAcronym reports whether a question's word may be initials: two to
// six Latin letters.
func mayBeAcronym(w string) bool {
	if len(w) < minAcronym || len(w) > maxAcronym {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// expansions returns the names whose initials are acronym, the commonest
// first, read from the acronyms field of the snapshot and remembered.
func (s *snapshotStats) expansions(acronym string) []string {
	return s.remember("\x01"+acronym, func() []string { return s.findExpansions(acronym) })
}

func (s *snapshotStats) findExpansions(acronym string) []string {
	return commonest(s.withPrefix(fieldAcronyms, acronym+" ", maxAcronymsPerPassage), maxExpansions)
}

// withPrefix returns the terms of a field that start with prefix, without
// it, in the dictionary's order, with the passages holding each; at most
// limit.
func (s *snapshotStats) withPrefix(field, prefix string, limit int) []termCount {
	var out []termCount
	d, err := s.r.FieldDictPrefix(field, []byte(prefix))
	if err != nil {
		return nil
	}
	defer d.Close()
	for len(out) < limit {
		e, err := d.Next()
		if err != nil || e == nil {
			break
		}
		out = append(out, termCount{strings.TrimPrefix(e.Term, prefix), e.Count})
	}
	return out
}

// News names a place or a thing each side calls differently once, in one
// sentence ("The islets, which South Korea controls and calls Dokdo, are
// known in Japan as Takeshima"; "whether the sea should be called the Sea
// of Japan or the East Sea"), and then uses one of the names. The index
// keeps, for each passage, the names such a sentence gives as one another's
// aliases; a question that says one finds the passages that say the other.

// namingWords introduce a name: "calls Dokdo", "known in Japan as
// Takeshima", "called the East Sea".
var namingWords = regexp.MustCompile(`\b(?:calls?|called|calling|known(?: in [A-Z][a-z]+(?: [A-Z][a-z]+)?)? as|refers? to it as|named)\s+(?:the\s+)?`)

// namedSentence is a sentence, roughly: the aliases are sought inside one.
var namedSentence = regexp.MustCompile(`[^.!?;]+`)

// maxAliasWords bounds the words of a name given by a naming word.
const maxAliasWords = 5

// aliases returns the pairs of names that a sentence of text gives to the
// same thing, each as "name\x1fother" in both orders, the names lowercased.
func aliases(text string) []string {
	if !strings.Contains(text, "call") && !strings.Contains(text, "known") && !strings.Contains(text, "named") && !strings.Contains(text, "refer") {
		return nil // no naming word: most passages
	}
	var out []string
	for _, s := range namedSentence.FindAllString(text, -1) {
		var names []string
		// "Kono called Kang and Abe called Moon" is two telephone calls:
		// names given by "call" alone are aliases only with a "known as"
		// or "or" beside them.
		sure := false
		for _, loc := range namingWords.FindAllStringIndex(s, -1) {
			rest := s[loc[1]:]
			first := leadingName(rest)
			if first == "" {
				continue
			}
			names = append(names, first)
			sure = sure || !strings.HasPrefix(s[loc[0]:], "call")
			// "called the Sea of Japan or the East Sea"
			after := strings.TrimPrefix(strings.TrimPrefix(rest[len(first):], " or "), "the ")
			if after != rest[len(first):] {
				if second := leadingName(after); second != "" {
					names = append(names, second)
					sure = true
				}
			}
		}
		if !sure {
			continue
		}
		for i, a := range names {
			for _, b := range names[i+1:] {
				if !strings.EqualFold(a, b) && len(out) < maxAcronymsPerPassage {
					out = append(out, strings.ToLower(a)+"\x1f"+strings.ToLower(b), strings.ToLower(b)+"\x1f"+strings.ToLower(a))
				}
			}
		}
	}
	return out
}

// leadingName returns the name text starts with: capitalized words with
// connectors between them, at most maxAliasWords, or "".
func leadingName(text string) string {
	words, last := 0, 0
	for _, loc := range nameWords.FindAllStringIndex(text, 2*maxAliasWords+1) {
		tok := text[loc[0]:loc[1]]
		r, _ := utf8.DecodeRuneInString(tok)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if tok != " " {
				break
			}
			continue
		}
		if nameWord(tok) {
			words++
			last = loc[1]
		} else if !nameConnectors[tok] || words == 0 {
			break
		}
		if words == maxAliasWords {
			break
		}
	}
	return text[:last]
}

// aliasKeys turns the pairs of names of an English passage into the
// terms of the aliases field: the first name analyzed, its terms apart by
// spaces (as a question's concept holds them), then the other as written.
func aliasKeys(an analysis.Analyzer, lang string, pairs []string) []string {
	if an == nil || lang != knowledge.English {
		return nil
	}
	var out []string
	for _, p := range pairs {
		name, other, _ := strings.Cut(p, "\x1f")
		if key := termKey(analyzedTerms(an, name)); key != "" {
			out = append(out, key+"\x1f"+other)
		}
	}
	return out
}

// analyzedTerms returns the terms an analyzer makes of text.
func analyzedTerms(an analysis.Analyzer, text string) []string {
	var out []string
	for _, t := range an.Analyze([]byte(text)) {
		out = append(out, string(t.Term))
	}
	return out
}

// termKey joins the terms of a name, stop-word gaps left out.
func termKey(terms []string) string {
	var b strings.Builder
	for _, t := range terms {
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// aliasesOf returns the other names the corpus gives to a name, given as
// its terms apart by spaces (see aliases), read from the aliases field of
// the snapshot and remembered.
func (s *snapshotStats) aliasesOf(name string) []string {
	return s.remember("\x02"+name, func() []string { return s.aliasTerms(name + "\x1f") })
}

// aliasTerms returns the terms of the aliases field that follow prefix: a
// name's other names (see aliasesOf) or its roles (see rolesOf).
func (s *snapshotStats) aliasTerms(prefix string) []string {
	var out []string
	for _, t := range s.withPrefix(fieldAliases, prefix, maxExpansions) {
		out = append(out, t.term)
	}
	return out
}
