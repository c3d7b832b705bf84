package knowledge

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge/dictionary"
	"github.com/disputebot/disputebot/knowledge/lang"
)

//go:embed glossary.txt
var glossaryText string

// AliasGroup is a set of names or terms that mean the same thing. Variants[0]
// is the canonical English form.
type AliasGroup struct {
	Variants []string
	// Broad groups are everyday words or names that every passage of the
	// corpus is about ("Japan", "meeting"), written with a leading "~".
	// Retrieval weighs every group by how common the corpus makes it; the
	// mark tells names from everyday words for people and generators.
	Broad bool
	// Asked are ways of asking for the group's thing that reports do not
	// use ("restrict exports" for export controls): a question holding one
	// is matched to the group, but they are not searched for. Written
	// after "||".
	Asked []string
}

// Canonical is the group's English name.
func (g *AliasGroup) Canonical() string { return g.Variants[0] }

// AliasMatch is one variant found in a question.
type AliasMatch struct {
	Group   *AliasGroup
	Variant string // the variant as found
}

// Glossary matches names and terms in questions so that they can be searched
// in all their spellings and languages. Multi-word and cross-language aliases
// are handled here, in application code, because bleve's synonyms only work
// for single tokens.
type Glossary struct {
	Groups   []*AliasGroup
	variants []glossaryVariant      // longest first, so that the longest match wins
	byKey    map[string]*AliasGroup // variant (folded) -> its group

	wordsOnce sync.Once
	words     []string // Latin words of five letters or more, for Correct
}

type glossaryVariant struct {
	key    string // normalized with foldAlias
	cjk    bool   // matched inside words, not only at word boundaries
	hangul bool   // Korean: matched at a word's start or after a compound's noun (see indexVariant)
	// A Korean person's name of two syllables (박진, Park Jin) is the
	// start of many longer names (박진영, 박진희): it is matched only
	// where the word ends with it, its particle or a title.
	shortName bool
	group     *AliasGroup
	text      string
}

// Limits on glossary files, which are trusted but hand-edited.
const (
	maxGlossaryBytes    = 1 << 20
	maxVariantsPerGroup = 64
	maxVariantRunes     = 120
)

// DefaultGlossary returns the glossary built into the binary, parsed once.
// It is read-only, and safe to share.
var DefaultGlossary = sync.OnceValue(func() *Glossary {
	g, err := ParseGlossary(glossaryText)
	if err != nil {
		panic("knowledge: built-in glossary: " + err.Error())
	}
	g.addRomanized()
	g.addAcronymPlurals()
	sortVariants(g.variants)
	return g
})

// ParseGlossary reads the glossary format: one group per line, variants
// separated by "|", ways of asking only after "||", # for comments.
func ParseGlossary(text string) (*Glossary, error) {
	if len(text) > maxGlossaryBytes {
		return nil, Errorf(EINVALID, "glossary is larger than %d bytes", maxGlossaryBytes)
	}
	if !utf8.ValidString(text) {
		return nil, Errorf(EINVALID, "glossary is not valid UTF-8")
	}
	g := &Glossary{byKey: map[string]*AliasGroup{}}
	seen := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64<<10), maxGlossaryBytes)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		grp := &AliasGroup{}
		if rest, ok := strings.CutPrefix(line, "~"); ok {
			grp.Broad, line = true, rest
		}
		searched, asked, _ := strings.Cut(line, "||")
		for i, part := range []string{searched, asked} {
			if i == 1 && strings.TrimSpace(part) == "" {
				continue // no ways of asking
			}
			for v := range strings.SplitSeq(part, "|") {
				v = CleanText(v)
				if v == "" {
					return nil, Errorf(EINVALID, "glossary line %d: empty variant", n)
				}
				if utf8.RuneCountInString(v) > maxVariantRunes {
					return nil, Errorf(EINVALID, "glossary line %d: variant longer than %d characters", n, maxVariantRunes)
				}
				key := foldAlias(v)
				if key == "" {
					return nil, Errorf(EINVALID, "glossary line %d: variant %q has no letters or digits", n, v)
				}
				if prev, dup := seen[key]; dup {
					if prev == n {
						continue // the same words spelled with other punctuation
					}
					return nil, Errorf(EINVALID, "glossary line %d: %q is already on line %d", n, v, prev)
				}
				seen[key] = n
				if i == 0 {
					grp.Variants = append(grp.Variants, v)
				} else {
					grp.Asked = append(grp.Asked, v)
				}
				gv := glossaryVariant{key: key, cjk: hasCJK(v), hangul: isHangul(key), group: grp, text: v}
				gv.shortName = gv.hangul && shortKoreanName(key, grp)
				g.variants = append(g.variants, gv)
				g.byKey[key] = grp
			}
		}
		if all := len(grp.Variants) + len(grp.Asked); len(grp.Variants) < 1 || all < 2 || all > maxVariantsPerGroup {
			return nil, Errorf(EINVALID, "glossary line %d: a group needs 2 to %d variants", n, maxVariantsPerGroup)
		}
		g.Groups = append(g.Groups, grp)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read glossary: %w", err)
	}
	// Longest first: "Moon Hee-sang bill" must win over "Moon Hee-sang".
	sortVariants(g.variants)
	return g, nil
}

// minRomanizedLetters is the shortest Revised Romanization of a Korean
// variant that is asked for it: shorter ones ("ilbon" is five) would be
// English words or chat more often than Korean.
const minRomanizedLetters = 5

// addRomanized adds to each group, as ways of asking, the Revised
// Romanization of its Korean variants of two syllables or more
// (sinilcheoljugeum for 신일철주금, hwaiteuriseuteu for 화이트리스트): members
// type Korean terms in Latin letters, and the file lists only some of
// them. A spelling that is another group's variant, or a way of asking
// for it, stays that group's. Both the letter-by-letter romanization
// (대법원: daebeopwon) and the one with finals carried over as the
// standard writes them (daebeobwon) are asked; the standard's other
// sound changes (nasals: 협력, hyeomnyeok) are not.
func (g *Glossary) addRomanized() {
	for _, grp := range g.Groups {
		for _, v := range grp.Variants {
			key := foldAlias(v)
			if !isHangul(key) || utf8.RuneCountInString(strings.ReplaceAll(key, " ", "")) < 2 {
				continue
			}
			var letters, linked []string
			for w := range strings.FieldsSeq(key) {
				letters = append(letters, lang.RomanizeKorean(w)[0])
				linked = append(linked, lang.RomanizeKoreanLinked(w))
			}
			for _, rr := range []string{strings.Join(letters, " "), strings.Join(linked, " ")} {
				if len(strings.ReplaceAll(foldAlias(rr), " ", "")) >= minRomanizedLetters {
					g.addAsked(grp, rr)
				}
			}
		}
	}
}

// addAcronymPlurals adds to each group, as a way of asking, the plural of
// each of its acronyms ("PMs" for PM, "FMs" for FM, "NGOs"): chat
// pluralizes them as words, and the file lists the singular.
func (g *Glossary) addAcronymPlurals() {
	for _, grp := range g.Groups {
		for _, v := range grp.Variants {
			if acronym(v) {
				g.addAsked(grp, v+"s")
			}
		}
	}
}

// addAsked adds a way of asking to a group, unless the group is full or
// another group has it. The variants must be sorted again after (see
// DefaultGlossary).
func (g *Glossary) addAsked(grp *AliasGroup, text string) {
	k := foldAlias(text)
	if len(grp.Variants)+len(grp.Asked) >= maxVariantsPerGroup {
		return
	}
	if _, dup := g.byKey[k]; dup {
		return
	}
	grp.Asked = append(grp.Asked, text)
	g.variants = append(g.variants, glossaryVariant{key: k, group: grp, text: text})
	g.byKey[k] = grp
}

// acronym reports whether a variant is an acronym: two to six capital
// letters.
func acronym(v string) bool {
	if len(v) < 2 || len(v) > 6 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < 'A' || v[i] > 'Z' {
			return false
		}
	}
	return true
}

func sortVariants(vs []glossaryVariant) {
	// Stable, so that file order holds among variants of one length.
	slices.SortStableFunc(vs, func(a, b glossaryVariant) int { return len(b.key) - len(a.key) })
}

// Variant returns the group that text, as a whole, is a variant of (or a
// way of asking for), or nil: a map lookup where Match would scan every
// variant.
func (g *Glossary) Variant(text string) *AliasGroup {
	return g.byKey[foldAlias(text)]
}

// Match finds the glossary variants in a question, longest first and without
// overlaps, and returns them with the rest of the question, from which the
// matched words have been blanked out. Each group is reported once.
func (g *Glossary) Match(question string) (matches []AliasMatch, rest string) {
	text := " " + foldAlias(question) + " "
	seen := map[*AliasGroup]bool{}
	for _, v := range g.variants {
		for {
			i := indexVariant(text, v)
			if i < 0 {
				break
			}
			if !seen[v.group] {
				seen[v.group] = true
				matches = append(matches, AliasMatch{Group: v.group, Variant: v.text})
			}
			text = text[:i] + strings.Repeat(" ", len(v.key)) + text[i+len(v.key):]
			if v.hangul {
				text = blankSuffix(text, i+len(v.key))
			}
		}
	}
	return matches, strings.Join(strings.Fields(text), " ")
}

// blankSuffix blanks the rest of the word at text[i:] when it is a suffix
// of the Korean word a lexicon variant ended at (장은 of 재판장은, 졌습니까
// of 떨어졌습니까; see lang.KoreanSuffix): left alone, it would be read as
// a word of its own that no passage says. The rest of a compound (규제를
// of 수출규제를 after 수출) stays.
func blankSuffix(text string, i int) string {
	end := strings.IndexByte(text[i:], ' ')
	if end <= 0 {
		return text
	}
	if !lang.KoreanSuffix(text[i : i+end]) {
		return text
	}
	return text[:i] + strings.Repeat(" ", end) + text[i+end:]
}

// indexVariant finds v in the padded, folded text: anywhere for Japanese
// and Chinese variants, which are written without spaces; for Korean ones
// at the start of a word or after a word of two syllables or more that it
// is compounded with (일제강제동원피해자 holds 강제동원), not after a single
// one, which is part of another word (누구입니까 does not hold 구입,
// "purchase"), nor where the rest of the word is an ending (인가요 of
// 학교인가요, "is it a school", is no 인가, "approval"); between spaces for
// the others.
func indexVariant(text string, v glossaryVariant) int {
	if v.cjk && !v.hangul {
		for off := 0; ; {
			i := strings.Index(text[off:], v.key)
			if i < 0 {
				return -1
			}
			i += off
			if !insideKanjiWord(text, i, i+len(v.key)) {
				return i
			}
			off = i + 1
		}
	}
	if v.hangul {
		for off := 0; ; {
			i := strings.Index(text[off:], v.key)
			if i < 0 {
				return -1
			}
			i += off
			start := strings.LastIndexByte(text[:i], ' ') + 1
			end := i + strings.IndexByte(text[i:], ' ')
			if (i == start || utf8.RuneCountInString(text[start:i]) >= 2 && !lang.KoreanEnding(text[i:end]) && onWordBounds(text[start:end], i-start, i-start+len(v.key))) && (!v.shortName || nameEnds(text[i+len(v.key):end])) {
				return i
			}
			off = i + 1
		}
	}
	for off := 0; ; {
		i := strings.Index(text[off:], v.key)
		if i < 0 {
			return -1
		}
		i += off
		if text[i-1] == ' ' && text[i+len(v.key)] == ' ' {
			return i
		}
		off = i + 1
	}
}

// maxKanjiWord bounds the characters of the words insideKanjiWord tries.
const maxKanjiWord = 6

// insideKanjiWord reports whether text[from:to], in Chinese characters,
// lies inside a longer word of the dictionary that starts before it:
// 加藤前支局長 holds 支局長, "bureau chief", and so no 局長, "director
// general"; 元首相 is "former prime minister".
func insideKanjiWord(text string, from, to int) bool {
	han := func(r rune) bool { return unicode.Is(unicode.Han, r) }
	if r, _ := utf8.DecodeLastRuneInString(text[:from]); !han(r) {
		return false
	}
	n := utf8.RuneCountInString(text[from:to])
	for s := from; s > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:s])
		if !han(r) {
			break
		}
		s -= size
		k := utf8.RuneCountInString(text[s:from]) + n
		if k > maxKanjiWord {
			break
		}
		for e := to; k <= maxKanjiWord; k++ {
			if dictionary.Known(text[s:e]) {
				return true
			}
			r, size := utf8.DecodeRuneInString(text[e:])
			if !han(r) {
				break
			}
			e += size
		}
	}
	return false
}

// onWordBounds reports whether a variant found inside a Korean compound,
// from byte from to byte to, begins and ends where the dictionary divides
// the compound into its words, when it divides all of it: 사회복지법인 is
// 사회 복지 법인, which holds no 지법 ("district court"), where
// 일제강제동원피해자 holds 강제동원. A word the dictionary does not divide
// whole (a name, a loanword) holds any variant.
func onWordBounds(word string, from, to int) bool {
	// Not across the word's end and its ending, or its last particle:
	// 재진출하고 ("re-enter and") holds no 출하 ("shipment").
	forms := lang.KoreanForms(word)
	if len(forms) > 1 {
		if end := len(forms[1]); from < end && end < to && to < len(word) {
			return false
		}
	}
	stem := forms[len(forms)-1] // lang.KoreanStem
	parts := dictionary.Split(stem, true)
	if strings.Join(parts, "") != stem || len(parts) < 2 {
		return true
	}
	fromOK, toOK := from == 0, to >= len(stem)
	at := 0
	for _, p := range parts {
		at += len(p)
		fromOK, toOK = fromOK || at == from, toOK || at == to
	}
	return fromOK && toOK
}

// shortKoreanName reports whether a variant of Hangul is a Korean
// person's name of two syllables, a surname and a one-syllable given
// name, by the group's English name beginning with the surname's
// spelling (박진: Park Jin).
func shortKoreanName(key string, grp *AliasGroup) bool {
	r := []rune(key)
	if len(r) != 2 || len(grp.Variants) == 0 {
		return false
	}
	first, _, _ := strings.Cut(grp.Variants[0], " ")
	return !hasCJK(first) && lang.KoreanSurname(string(r[0]), first)
}

// nameEnds reports whether what follows a name in its word leaves it a
// name: nothing, a particle or an ending (박진은), or a title (박진장관);
// not more syllables of a longer name (박진영).
func nameEnds(rest string) bool {
	if rest == "" || lang.KoreanEnding(rest) {
		return true
	}
	for _, f := range lang.KoreanForms(rest) {
		if lang.PersonTitle(f) {
			return true
		}
	}
	return false
}

// foldAlias lowercases s and reduces it to words of letters and digits
// separated by single spaces. Everything else, apostrophes included, breaks
// words, so that "Japan's" still contains the word "japan", and so does a
// change between Latin and Korean or Japanese script.
func foldAlias(s string) string {
	var b strings.Builder
	space := true
	prevCJK := false
	rs := []rune(strings.ToLower(s))
	for i, r := range rs {
		switch {
		case (r == ',' || r == '.') && i > 0 && i+1 < len(rs) && isASCIIDigit(rs[i-1]) && isASCIIDigit(rs[i+1]):
			b.WriteRune(r) // "1,200", "3.5": one number, as passages index it
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			// Korean and Japanese attach particles to Latin words
			// ("GSOMIA가", "WTOに"): a change of script breaks the word.
			if cjk := hasCJK(string(r)); !space && cjk != prevCJK {
				b.WriteByte(' ')
			}
			prevCJK = hasCJK(string(r))
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// isHangul reports whether s is written in Hangul (and spaces) alone.
func isHangul(s string) bool {
	for _, r := range s {
		if r != ' ' && !unicode.Is(unicode.Hangul, r) {
			return false
		}
	}
	return s != ""
}

// hasCJK reports whether s contains Han, Hangul, Hiragana or Katakana,
// the katakana long-vowel mark ー and middle dot ・ included: they belong
// to the script's words (トリエンナーレ), though Unicode puts them in none.
func hasCJK(s string) bool { return lang.IsCJK(s) }

// Fuzzy returns the group of the single-word glossary variant that word is
// a likely misspelling of: one edit away (two for words of eight letters or
// more), counting a swap of neighbouring letters as one edit. It returns nil
// when no variant, or more than one group, is that close.
func (g *Glossary) Fuzzy(word string) *AliasGroup {
	w := foldAlias(word)
	n := utf8.RuneCountInString(w)
	if n < 5 || strings.Contains(w, " ") || hasCJK(w) {
		return nil
	}
	maxDist := 1
	if n >= 8 {
		maxDist = 2
	}
	var found *AliasGroup
	best := maxDist + 1
	for _, v := range g.variants {
		if v.cjk || strings.Contains(v.key, " ") {
			continue
		}
		if d := abs(utf8.RuneCountInString(v.key) - n); d > maxDist {
			continue
		}
		d := editDistance(w, v.key, maxDist)
		switch {
		case d < best:
			best, found = d, v.group
		case d == best && found != v.group:
			found = nil // ambiguous
		}
	}
	if best > maxDist {
		return nil
	}
	return found
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// editDistance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours), giving up
// with limit+1 once it is certain to exceed limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Correct replaces the words of text that known rejects with the glossary
// word they are likely misspellings of (see Fuzzy for how close), so that
// "expot controls" matches "export controls" as a whole term. Words of
// fewer than five letters are never corrected.
func (g *Glossary) Correct(text string, known func(word string) bool) string {
	g.wordsOnce.Do(g.collectWords)
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			j += size
		}
		word := text[i:j]
		// A word too short to correct, or one the caller knows, is left
		// as it is before the lexicon's words are compared with it, the
		// costly part.
		if utf8.RuneCountInString(word) >= minCorrectedRunes && !known(word) {
			if fix := g.correctWord(word); fix != "" {
				b.WriteString(text[last:i])
				b.WriteString(fix)
				last = j
			}
		}
		i = j
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// collectWords gathers the words of the Latin-script variants.
func (g *Glossary) collectWords() {
	seen := map[string]bool{}
	for _, v := range g.variants {
		if v.cjk {
			continue
		}
		for _, w := range strings.Fields(v.key) {
			if utf8.RuneCountInString(w) >= 5 && !seen[w] {
				seen[w] = true
				g.words = append(g.words, w)
			}
		}
	}
}

// correctWord returns the one glossary word close to word, or "" when word
// is itself a glossary word, too short, or close to none or several.
// minCorrectedRunes is the shortest word corrected: shorter ones are one
// edit from too many others.
const minCorrectedRunes = 5

func (g *Glossary) correctWord(word string) string {
	w := strings.ToLower(word)
	n := utf8.RuneCountInString(w)
	if n < minCorrectedRunes || hasCJK(w) {
		return ""
	}
	maxDist := 1
	if n >= 8 {
		maxDist = 2
	}
	found, best := "", maxDist+1
	for _, c := range g.words {
		if c == w {
			return ""
		}
		if abs(utf8.RuneCountInString(c)-n) > maxDist {
			continue
		}
		d := editDistance(w, c, maxDist)
		switch {
		case d < best:
			best, found = d, c
		case d == best && c != found:
			found = "" // ambiguous
		}
	}
	return found
}
