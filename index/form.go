package index

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/dictionary"
	"github.com/disputebot/disputebot/knowledge/lang"
	"github.com/disputebot/disputebot/knowledge/thesaurus"
)

// The form of a question, apart from what it is about: what it is normalized
// to (contractions, chat shorthand, dates in digits, phrasal verbs parted by
// their object), what kind of answer its question words ask for, and the
// thing it asks the figure or property of (its focus).

// particles are the words that end a phrasal verb: "put back", "call
// off".
var particles = set("back off down up out away over")

// joinParticles moves the particle of a phrasal verb parted from it by its
// object next to it, when the lexicon or the thesaurus knows the verb and
// particle together ("put korea back on the list" is read "put back korea
// on the list": the lexicon's put back, restore, and its Korean and Japanese
// words; "call its diplomat back" is "call back", recall). The object is
// one to three words. A phrasal verb the lexicon does not know is taken out
// of the text and returned apart, for the lexicon would read its verb
// alone.
func (idx *Index) joinParticles(text string) (string, []string) {
	var phrasal []string
	words := strings.Split(text, " ")
	for i, p := range words {
		p = strings.TrimRight(p, ",.;:?!")
		if !particles[strings.ToLower(p)] {
			continue
		}
		if i > 0 && len(thesaurus.Lemmas(strings.ToLower(words[i-1]+" "+p))) > 0 {
			// The verb it follows takes it: "walking away", not "give ...
			// away". Where the lexicon knows the verb alone and not
			// with it ("pass" of a bill, "step" of measures), the phrase
			// is read apart: "pass away" is to die, "step down" to
			// resign.
			phrase := strings.ToLower(words[i-1] + " " + p)
			if idx.glossary.Variant(phrase) == nil && idx.glossary.Variant(strings.ToLower(words[i-1])) != nil {
				phrasal = append(phrasal, phrase)
				words[i-1], words[i] = "", ""
			}
			continue
		}
		for v := i - 2; v >= max(0, i-4); v-- {
			verb := strings.ToLower(words[v])
			if askingWords[verb] || strings.ContainsAny(strings.Join(words[v:i], " "), ",.;:?!") {
				break
			}
			if stopWords[verb] {
				continue // "its" of "call its diplomat back"
			}
			phrase := verb + " " + strings.ToLower(p)
			if idx.glossary.Variant(phrase) != nil {
				moved := append([]string{words[v], p}, words[v+1:i]...)
				copy(words[v:i+1], moved)
				break
			}
			if len(thesaurus.Lemmas(phrase)) > 0 {
				phrasal = append(phrasal, phrase)
				words[v], words[i] = "", ""
				break
			}
		}
	}
	return strings.Join(strings.Fields(strings.Join(words, " ")), " "), phrasal
}

// focusPatterns find the noun a question asks about: the one after "how
// many", "which" or "what" followed by a verb, before "of" in "what is
// the X of", or after "how much is".
var focusPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\bhow many (?:of the )?([a-z][a-z-]+(?: [a-z][a-z-]+)?)`),
	regexp.MustCompile(`(?i)\b(?:which|what) ([a-z][a-z-]+) (?:did|does|do|is|was|were|are|has|have|had|will|would|can|could)\b`),
	regexp.MustCompile(`(?i)\bwhat (?:is|was|are|were|'s) the (?:[a-z-]+ )?([a-z][a-z-]+) of\b`),
	// "how much is a flight", "how much was the swap": the price or sum
	// of the thing named.
	regexp.MustCompile(`(?i)\bhow much (?:is|are|was|were) (?:an? |the )?([a-z][a-z-]+(?: [a-z][a-z-]+)?)`),
}

// attributePatterns find the property a question asks of something it
// names: the head of the noun phrase after "what is X's" ("what was
// Samsung's operating profit": profit), after "what is the" before a
// preposition or "like" ("what's the weather like in Madrid": weather),
// or after "how much" before a verb ("how much revenue did Uniqlo
// report"); and the topic of a statement asked for ("what did Abe say
// about the Tokyo Olympics": Olympics), which a passage reporting what
// was said of something else does not answer. Their first group is a
// noun phrase of up to three words, whose last word before a stop word
// is its head (see attributeHead).
var attributePatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b(?:what|how much|how many)\s+(?:is|was|are|were)\s+(?:the\s+)?[\p{L}\p{N}-]+(?:\s+[\p{L}\p{N}-]+){0,3}?'s\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})`),
	regexp.MustCompile(`(?i)\bwhat\s+(?:is|was|are|were)\s+the\s+((?:[a-z][a-z-]*\s+)?[a-z][a-z-]*)\s+(?:like|in|for|at|on|during)\b`),
	regexp.MustCompile(`(?i)\bhow much ([a-z][a-z-]+) (?:did|does|do|is|was|were|are|has|have|had|will|would|can|could)\b`),
	regexp.MustCompile(`(?i)\b(?:say|said|says|think|thought|comment|commented|react|reacted)\s+(?:about|on|of|to|regarding)\s+(?:the\s+|a\s+|an\s+)?([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)`),
}

// ofPossessive finds a possessive that follows "of".
var ofPossessive = regexp.MustCompile(`(?i)\bof\b.*'s\b`)

// attributeHead returns the head of a noun phrase: its last word before
// the first stop word, asking word or auxiliary.
func attributeHead(phrase string) string {
	head := ""
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		if stopWords[w] || askingWords[w] || auxiliaries[w] || phraseEnds[w] {
			break
		}
		head = w
	}
	return head
}

// phraseEnds are the prepositions the stop words lack, which end a noun phrase
// ("Motegi's hobbies outside politics").
var phraseEnds = set("outside inside beyond besides since toward towards across around near within without including among amid despite upon versus vs per like")

// auxiliaries are the verbs that follow the noun of "how many X".
var auxiliaries = set("did does do is was were are has have had will would can could got get went came")

// cjkFocus finds the noun a Korean or Japanese question counts: the one
// before 何人 or 몇 명 ("裁判官は何人", "의원은 몇 명").
var cjkFocus = regexp.MustCompile(`([\p{Han}\p{Katakana}ー]{2,})(?:は|が|って|の数は)?(?:全部で|合計で|一体)?何(?:人|社|件|個|回|カ国|か国)|([\p{Hangul}]{2,})\s*(?:모두|총|전부)?\s*몇\s?(?:명|개|곳|번|건|개국)`)

// cjkAttribute finds the noun whose property a Korean or Japanese
// question asks, when the question word is its predicate: "X의 Y는 어디/
// 뭐/얼마(야)", "Y 어땠음", "XのYはどこ/何/いくら(ですか)" (강경화 장관 고향
// 어디임: 고향; 建物はどこにありますか: 建物). A question word that is not
// the predicate asks of an event, of which the noun before it is the
// subject or the place ("총리는 어디서 사망했어", "政府はどう反応した"); the
// noun before "who" is the role of the person asked for ("서명한 사람은
// 누구"), which passages name the person by. The noun is the focus only
// when the corpus lacks it and the dictionary has it (고향: birthplace, home
// town; 出身地): a property the corpus never says, which no passage
// reports. A property the corpus has (슬로건, 損失) may be said otherwise by
// the passage that answers, and a word the dictionary lacks as well is
// more often chat or a misreading of the analysis than a property.
var cjkAttribute = regexp.MustCompile(`([\p{Han}\p{Katakana}ー]{2,})(?:は|って)(?:どこ|何|なに|なん|いくら)(?:です|でした|だ|だった|なの|なん|に(?:あり|ある)|[？?]|$)|([\p{Hangul}]{2,}?)(?:은|는|이|가)?\s*(?:(?:어디|뭐|무엇|얼마)(?:였|이었|야|예요|에요|이에요|임|인가|입니까|인지|냐|셔|세요|\s*[?？]|\s*$)|어땠|어때)`)

// asksAge finds a question asking how old someone is or was: the age
// is its focus, which a passage says in years ("94 years old", "aged
// 94"); one that only names the person does not answer.
var asksAge = regexp.MustCompile(`(?i)\bhow old\b|何歳|몇 ?살|나이|연세|年齢`)

// ageLabel is the label of the lexicon's concept of age.
const ageLabel = "years old"

// statesAge finds an age in a passage as Korean and Japanese write it, a
// number of years with the counter of age (94세, 94歳), which the words
// of the lexicon's concept are not; not a generation or a century
// (1세대, 21세기).
var statesAge = regexp.MustCompile(`\d\s?(?:세|歳)(?:$|[^대기])`)

// markFocus marks the concept of the noun an English question asks about,
// when it has one (see concept.focus).
func markFocus(idx *Index, q *question, text string) {
	if asksAge.MatchString(text) {
		for i := range q.concepts {
			if q.concepts[i].label == ageLabel {
				q.concepts[i].focus = true
				return
			}
		}
	}
	m, attribute := cjkFocus.FindStringSubmatch(text), false
	if m == nil {
		attribute = true
		if m = cjkAttribute.FindStringSubmatch(text); m != nil {
			if m[2] != "" && lang.KoreanStem(m[2]) != m[2] || strings.HasSuffix(m[2], "당") || len(answerTypes(m[1]+m[2])) > 0 {
				// A noun with a particle of place or cause, or "per" (한
				// 명당 얼마), is not what is asked of; a noun of an answer
				// type (반응 어땠어: a statement) is asked for by the type.
				return
			}
		}
	}
	if m != nil {
		word := m[1] + m[2]
		if m[2] != "" {
			word = lang.KoreanStem(m[2])
		}
		canonical := ""
		if ms, _ := idx.glossary.Match(word); len(ms) == 1 {
			canonical = ms[0].Group.Canonical()
		}
		for i := range q.concepts {
			if c := &q.concepts[i]; c.label == word || canonical != "" && c.label == canonical {
				c.focus = !attribute || !c.known && (dictionary.Korean(word) != nil || dictionary.Japanese(word) != nil)
				return
			}
		}
		return
	}
	for _, re := range attributePatterns {
		// A possessive inside an "of" phrase is not the one asked of:
		// "what was the budget of Kore-eda's film" asks the budget (see
		// focusPatterns), not something of Kore-eda's.
		if m := re.FindStringSubmatch(text); m != nil && !ofPossessive.MatchString(m[0]) {
			if word := attributeHead(m[1]); word != "" {
				markConcept(idx, q, word)
				return
			}
		}
	}
	for _, re := range focusPatterns {
		m := re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		// The head of "how many South Koreans" or "how many public
		// comments" is its second word, unless that is a verb: a past
		// or a participle ("how many people showed up", "how much is
		// Samsung paying").
		word := strings.ToLower(m[1])
		if first, second, ok := strings.Cut(word, " "); ok {
			word = first
			if !stopWords[second] && !askingWords[second] && !auxiliaries[second] && !strings.HasSuffix(second, "ed") && !strings.HasSuffix(second, "ing") && thesaurus.Nominal(second) {
				word = second
			}
		}
		markConcept(idx, q, word)
		return
	}
}

// markConcept marks as the focus the concept of an English word.
func markConcept(idx *Index, q *question, word string) {
	if askingWords[word] || stopWords[word] {
		return
	}
	terms := idx.analyze1(word)
	if len(terms) != 1 {
		return
	}
	for i := range q.concepts {
		c := &q.concepts[i]
		if strings.EqualFold(c.label, word) || slices.Contains(idx.analyze1(c.label), terms[0]) {
			c.focus = true
			return
		}
		for _, a := range c.alts {
			if a.conf == 1 && slices.Contains(a.terms, terms[0]) {
				c.focus = true
				return
			}
		}
	}
}

// normalize rewrites what a question writes differently from passages:
// contractions ("won't" would leave the word "won"), also as chat writes
// them without the apostrophe ("wont", "didnt"), chat shorthand ("govt",
// "yrs"), and dates in digits.
func normalize(s string) string {
	s = contractions.Replace(strings.ReplaceAll(s, "’", "'"))
	s = bareContractions.ReplaceAllStringFunc(s, func(w string) string {
		return bareContraction[strings.ToLower(w)]
	})
	s = expandShorthand(s)
	s = chatWhy.ReplaceAllString(s, "${1}why ${2}")
	s = countedOf.ReplaceAllString(s, "${1}${2}")
	s = gluedWhen.ReplaceAllStringFunc(s, splitWhen)
	s = gluedJamo.ReplaceAllString(s, "$1 $2")
	s = honorificAfterName(s)
	s = hyphenPrefixes.ReplaceAllString(s, "")
	s = hyphenIdentifiers.ReplaceAllString(s, "$1$2")
	s = shortYears.ReplaceAllStringFunc(s, fullYear)
	return numericDates.ReplaceAllStringFunc(s, spellDate)
}

// expandShorthand spells out the chat shorthand of s, but for a word a
// hyphen joins to another: a syllable of a Korean given name as English
// writes it (Choi Min-sik, Kim Min-jae) is no "min".
func expandShorthand(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range shorthandWords.FindAllStringIndex(s, -1) {
		full, ok := shorthand[strings.ToLower(s[m[0]:m[1]])]
		if !ok || m[0] > 0 && s[m[0]-1] == '-' || m[1] < len(s) && s[m[1]] == '-' {
			continue
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(full)
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// shortYears are years chat writes in two digits: after an apostrophe
// ("the '88 olympics") or a preposition of time at the end of a clause
// ("back in 68", "at the peak in 85?"), where a count would have its noun
// after it ("in 68 minutes").
var shortYears = regexp.MustCompile(`(?i)'(\d{2})\b|\b(in|since|from|until|till|by|around|before|after)\s+(\d{2})(\s*(?:[?!.,;:)]|$))`)

// fullYear writes a year of shortYears in four digits: of this century up
// to this year, of the last one after it.
func fullYear(s string) string {
	m := shortYears.FindStringSubmatch(s)
	digits, prefix, suffix := m[1], "", ""
	if digits == "" {
		digits, prefix, suffix = m[3], m[2]+" ", m[4]
	}
	century := "19"
	if atoi(digits) <= time.Now().Year()%100 {
		century = "20"
	}
	return prefix + century + digits + suffix
}

// countedOf is a Korean count asked of with the particle 의 ("of") on
// its counter (몇 명의 선수, "how many players"; 몇 개의 코스): the counter
// and its particle read as a noun of their own (명의, 名義, "name";
// 개의, 介意), which 의 is taken off. Korean writes the counter apart or
// not (몇명의).
var countedOf = regexp.MustCompile(`(몇\s?(?:명|개|곳|번|건|년|분|살|위|회|차|개국|가지|군데|시간|일|달|주))의(\s|$)`)

// gluedWhen is a Korean word with 때 ("when", "at the time of") written
// onto it, as chat does (불렸을때, 상받을때, 불매운동때: "when they were
// called", "when he got the prize", "during the boycott"), with any
// particle after it.
var gluedWhen = regexp.MustCompile(`(\p{Hangul}+)때((?:에는|는|도|에|마다|부터|까지)?(?:\s|$|[?？!.,]))`)

// splitWhen writes 때 apart from the word before it, where that word is a
// verb's form that 때 follows (its last syllable ends in ㄹ: 줄때, 할때)
// or a word of two syllables or more (불매운동때). 그때, 이때, 한때 and
// 제때 are words of their own.
func splitWhen(m string) string {
	sub := gluedWhen.FindStringSubmatch(m)
	word := []rune(sub[1])
	last := word[len(word)-1]
	if len(word) < 2 && (last < 0xAC00 || last > 0xD7A3 || (last-0xAC00)%28 != 8) {
		return m
	}
	return sub[1] + " 때" + sub[2]
}

// gluedJamo is chat's laughter or shorthand in letters not made into
// syllables, written onto a word (털렸냐ㅋㅋ, 일본꺼ㅠㅠ): written apart,
// so that the word is read without it.
var gluedJamo = regexp.MustCompile(`([\x{AC00}-\x{D7A3}])([\x{3131}-\x{318E}]+)`)

// hyphenIdentifiers are the names of things made of a few letters, a
// hyphen and a number ("P-1", "S-23", "F-35", "P-3C"): read as one word,
// an identifier (see isIdentifier), their letters are not dropped as
// stray ones and their number does not stand for every "1" or "23" of the
// corpus.
var hyphenIdentifiers = regexp.MustCompile(`\b([A-Za-z]{1,4})-(\d{1,4}[A-Za-z]?)\b`)

// honorificTitle is a Korean kinship title said of an elder after their
// name (이용수 할머니, 이춘식 할아버지, 양금덕 할머니는): a way of naming her
// or him politely, as "Mrs." is, not the "women" the word also means.
var honorificTitle = regexp.MustCompile(`(\S+)\s+(?:할머니|할아버지)(은|는|이|가|께서|의|도|를|을|께|에게)?(\s|$|[?？!.,])`)

// honorificAfterName takes the kinship title off a Korean personal name,
// or a name in Latin letters, it follows, leaving the title's particle on
// the name.
func honorificAfterName(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range honorificTitle.FindAllStringSubmatchIndex(s, -1) {
		name := s[m[2]:m[3]]
		if _, _, ok := lang.KoreanName(name); !ok && !capitalized(strings.Split(name, "-")[0]) {
			continue
		}
		b.WriteString(s[last:m[3]]) // up to the name's end
		if m[4] >= 0 {
			b.WriteString(s[m[4]:m[5]]) // the title's particle
		}
		last = m[6] // what ended the title
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// chatWhy is "why" as chat writes it, "y", where a question's verb
// follows: "y did aichi close the show", "so y is gsomia a thing".
var chatWhy = regexp.MustCompile(`(?i)(^|[,.;:!?]\s*|\b(?:so|but|and|ok|then)\s+)y\s+(did|do|does|is|are|was|were|r|would|will|has|have|had|dont|didnt|doesnt|isnt|arent|wasnt|werent|cant|wont|hasnt|havent)\b`)

// hyphenPrefixes are the prefixes that a hyphen joins to a word ("pre-2019",
// "mid-December", "co-authoring"): apart, the analysis would make each a
// word of its own, rare in the corpus and so heavy, that says nothing.
var hyphenPrefixes = regexp.MustCompile(`(?i)\b(?:pre|post|mid|non|anti|ex|co|re|sub|semi|multi|inter|pro)-`)

// shorthand are the abbreviations of chat for words passages spell out.
var shorthand = map[string]string{
	"govt": "government", "gov't": "government", "gvt": "government", "yr": "year", "yrs": "years",
	"ppl": "people", "abt": "about", "b4": "before", "bc": "because", "bcuz": "because", "cuz": "because",
	"w/": "with", "w/o": "without", "thru": "through", "tho": "though", "prez": "president", "pres": "president",
	"intl": "international", "natl": "national", "dept": "department", "mins": "minutes", "min": "minutes",
	"hrs": "hours", "approx": "about", "info": "information", "convo": "conversation", "gonna": "going to",
	"pic": "photo", "pics": "photos", "vid": "video", "vids": "videos", "champ": "champion", "champs": "champions",
	"uni": "university", "admin": "administration", "bn": "billion", "mln": "million",
	"wanna": "want to", "gotta": "have to", "kinda": "kind of", "sorta": "sort of", "dunno": "do not know",
	// Question words as chat spells them: "wen" and "wit" are also
	// English words (a cyst, humour), which the corpus lacks and would
	// weigh as the rarest of a question's words.
	"wen": "when", "whn": "when", "wut": "what", "wat": "what", "wht": "what", "wher": "where", "hw": "how", "wit": "with",
}

var shorthandWords = func() *regexp.Regexp {
	words := make([]string, 0, len(shorthand))
	for w := range shorthand {
		words = append(words, regexp.QuoteMeta(w))
	}
	slices.Sort(words)
	return regexp.MustCompile(`(?i)(?:^|\b)(?:` + strings.Join(words, "|") + `)(?:\b|$)`)
}()

// bareContraction are contractions written without their apostrophe.
var bareContraction = map[string]string{
	"dont": "do not", "didnt": "did not", "doesnt": "does not", "isnt": "is not", "wasnt": "was not",
	"werent": "were not", "arent": "are not", "cant": "can not", "wont": "will not", "couldnt": "could not",
	"wouldnt": "would not", "shouldnt": "should not", "havent": "have not", "hasnt": "has not", "hadnt": "had not",
	"im": "i am", "ive": "i have", "youre": "you are", "theyre": "they are", "whats": "what is", "thats": "that is",
	"theres": "there is", "whos": "who is", "hows": "how is", "wheres": "where is",
}

var bareContractions = func() *regexp.Regexp {
	words := make([]string, 0, len(bareContraction))
	for w := range bareContraction {
		words = append(words, w)
	}
	slices.Sort(words)
	return regexp.MustCompile(`(?i)\b(?:` + strings.Join(words, "|") + `)\b`)
}()

// contractions are expanded before analysis.
var contractions = strings.NewReplacer(
	"won't", "will not", "can't", "can not", "cannot", "can not", "shan't", "shall not",
	"n't", " not", "'re", " are", "'ve", " have", "'ll", " will", "'m", " am", "'d", " would",
	"Won't", "Will not", "Can't", "Can not",
)

// numericDates are dates written in digits: year first (2019-08-28,
// 2019/8/28, 2019.8.28, as in Korea and Japan) or last (8/28/2019 or
// 28/8/2019). Passages spell their dates out ("28 August 2019").
var numericDates = regexp.MustCompile(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b|\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)

// spellDate spells out a numeric date. With day and month both 12 or
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

// answerTypes returns what the form of a question asks for, as cues that
// passages carry (see cues): a date for "when", a figure for "how many",
// a sum for "how much", a duration for "how long", a cause for "why", a
// place for "where", a statement for "what did X say", in English, Korean
// and Japanese.
func answerTypes(text string) []string {
	text = subordinateWhen(text)
	var out []string
	if asksWho(text) {
		out = append(out, cuePerson)
	}
	// どのくらい is "how long" of what lasts or takes time (どのくらい続いた,
	// 何時間), and otherwise "how much" or "how many": of a share, a fall,
	// a number (割合はどのくらい, どれくらい落ちた).
	if howMuchJa.MatchString(text) {
		if lastingJa.MatchString(text) {
			out = append(out, cueDuration)
		} else {
			out = append(out, cueNumber)
		}
	}
	for _, p := range answerPatterns {
		t := text
		if p.cue == cueAmount {
			t = notHowMuch.ReplaceAllString(text, "")
		}
		if p.re.MatchString(t) && !slices.Contains(out, p.cue) {
			out = append(out, p.cue)
		}
	}
	if !slices.Contains(out, cueNumber) && asksCountCJK(text) {
		out = append(out, cueNumber)
	}
	if asksStart(text, slices.Contains(out, cueDate)) {
		out = append(out, cueStart)
	}
	// A count of people is a count of the people asked about, not of
	// the countries, rounds or items a passage also counts; every
	// question asksPeople finds also asks a number (answerPatterns).
	if asksPeople(text) {
		out = append(out, cuePeople)
	}
	return out
}

// countWordJa and countWordKo find 何 and 몇 before a word: Japanese and
// Korean ask how many of anything by putting them before its counter or
// its noun (何株, 何大会連続, 何品目, 何メートル; 몇 골, 몇 석, 몇 달), not only
// before the counters answerPatterns lists.
var (
	countWordJa = regexp.MustCompile(`何([\p{Han}\p{Katakana}ー])`)
	countWordKo = regexp.MustCompile(`몇 ?(\p{Hangul})`)
)

// notCountsJa are the kanji after 何 that ask something else: a time or
// a date (何時, 何日, 何月, 何年, 何曜日), a reason (何故), a place (何処),
// who (何者), what matter (何事) and what language (何語).
const notCountsJa = "時日月年曜故処者事語"

// notCountsKo are the syllables after 몇 that ask a time or a date (몇 시,
// 몇 월, 몇 일, 몇 년) or an age (몇 살), or 분, minutes or, politely,
// people, which answerPatterns tells apart.
const notCountsKo = "시월일년살분"

// asksCountCJK reports whether a Korean or Japanese question asks how many
// of something by 何 or 몇 before its counter or noun. 何 before a verb
// asks what (何言って, "what did he say"; 何調べたい, 何食べた): the
// dictionary reads the verb from its conjugation.
func asksCountCJK(text string) bool {
	for _, m := range countWordJa.FindAllStringSubmatchIndex(text, -1) {
		first, _ := utf8.DecodeRuneInString(text[m[2]:])
		if strings.ContainsRune(notCountsJa, first) {
			continue
		}
		if w, _, _ := dictionary.Inflected(text[m[2]:]); w != "" {
			continue
		}
		return true
	}
	for _, m := range countWordKo.FindAllStringSubmatchIndex(text, -1) {
		first, _ := utf8.DecodeRuneInString(text[m[2]:])
		if !strings.ContainsRune(notCountsKo, first) {
			return true
		}
	}
	return false
}

// asksPeopleCJK finds a Korean or Japanese question counting people.
var asksPeopleCJK = regexp.MustCompile(`何人|何名|몇 ?명|몇 ?분(?:이|께서|들)|몇 ?분 ?(?:살아|생존|계|남)|\bnannin\b`)

// howManyWord finds the word after "how many".
var howManyWord = regexp.MustCompile(`(?i)\bhow many\s+([a-z]+)(?:\s+([a-z]+))?`)

// asksPeople reports whether a question asks how many people: 何人, 몇 명,
// "how many people", "how many students", "how many South Koreans".
func asksPeople(text string) bool {
	if asksPeopleCJK.MatchString(text) {
		return true
	}
	m := howManyWord.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	for _, w := range m[1:] {
		if w = strings.ToLower(w); w == "ppl" || peopleNoun(w) {
			return true
		}
	}
	return false
}

// startVerb asks when something began, took effect or came into force.
var startVerb = regexp.MustCompile(`(?i)\bwhen did\b[^?？]{0,60}\b(?:start|begin|kick in|take effect|come into (?:force|effect)|go into effect)\b|\bwhen (?:was|were)\b[^?？]{0,60}\b(?:introduced|imposed|launched)\b|始ま|開始|施行|発効|効力|시작|시행|발효|효력`)

// startPhrase is a verb of beginning in more than one word, in which a
// question asking when something began puts its question ("when did the
// curbs kick in", "when did it come into force"): the start the answer
// must report (cueStart) says it, in whatever words. Its words are the
// question's frame, as "how long" is, not what it is about: a passage
// saying "from 4 July" has no "kick" to find.
var startPhrase = regexp.MustCompile(`(?i)\b(?:kick(?:s|ed|ing)? in|(?:take|takes|took|taken|taking) effect|(?:come|comes|came|coming|go|goes|went|gone|going) into (?:force|effect))\b`)

// sinceWhen asks since when, which asks for a start when it is said of
// an event ("輸出規制 いつから", 언제부터 시행), and for a span when said of
// a state that lasted (いつから止まってた, 언제부터 포함되어 있었나요,
// "since when has seoul been on the list"; see stative).
var sinceWhen = regexp.MustCompile(`(?i)\bsince when\b|いつから|언제부터`)

// stative is the form of a state that lasted: "has been", ～ていた, ～있었다.
var stative = regexp.MustCompile(`(?i)\bbeen\b|(?:て|っ)い?(?:た|る)|ている|있었|있어|있나|있는|있을|해 ?왔|해 ?오|되어 ?있|돼 ?있`)

// asksStart reports whether a question asks when something began: it
// asks since when of an event, or for a date (asksDate) with a verb of
// beginning.
func asksStart(text string, asksDate bool) bool {
	if sinceWhen.MatchString(text) {
		return startVerb.MatchString(text) || !stative.MatchString(text)
	}
	return asksDate && startVerb.MatchString(text)
}

// howMuchJa is Japanese "how much": どのくらい, どれくらい, and typed in
// Latin letters.
var howMuchJa = regexp.MustCompile(`(?i)どのくらい|どれくらい|どのぐらい|どれぐらい|どの程度|\bdo(no|re) ?[kg]urai\b`)

// lastingJa are the Japanese words of time that lasts or is taken, also
// typed in Latin letters, which make どのくらい ask how long.
var lastingJa = regexp.MustCompile(`(?i)時間|期間|日間|年間|か月|ヶ月|続|かか|掛か|長く|間|\b(?:jikan|kikan|nichikan|nenkan|tsuzui|kakat)`)

// notHowMuch is Korean 얼마나 ("how much", "how") where it asks how often
// (얼마나 자주), how long (얼마나 오래, 얼마나 걸려): no sum.
var notHowMuch = regexp.MustCompile(`얼마나 ?(?:자주|오래|걸)|얼마 ?동안`)

// personWords ask for a person in Korean and Japanese: 누가, 누구, 誰.
var personWords = regexp.MustCompile(`누가|누구|誰|どなた|(?i)\bnug[ua]\b`)

// asksWho reports whether a question asks for a person: its own question
// word is "who" ("who were the ministers"; not "what did the official who
// resigned say"), or it asks 누가 or 誰.
func asksWho(text string) bool {
	if wh := whWord.FindString(text); wh != "" {
		wh = strings.ToLower(wh)
		return wh == "who" || wh == "whom"
	}
	return personWords.MatchString(text)
}

// whWord is an English question word that opens what a question asks.
var whWord = regexp.MustCompile(`(?i)\b(?:who|whom|whose|what|which|how|why|where)\b`)

// clauseWhen is "when" opening a clause: a word follows it.
var clauseWhen = regexp.MustCompile(`(?i)\bwhen\s+[\p{L}\p{N}]`)

// subordinateWhen removes the "when" of a clause that follows the
// question's own question word: "who were the ministers when the incident
// took place" asks for people, "how did Tokyo react when Seoul scrapped
// it" for a reaction, not a date. "Who signed it, and when?" still asks
// for one, as does a question whose only question word is "when".
func subordinateWhen(text string) string {
	wh := whWord.FindStringIndex(text)
	if wh == nil {
		return text
	}
	rest := text[wh[1]:]
	loc := clauseWhen.FindStringIndex(rest)
	if loc == nil {
		return text
	}
	return text[:wh[1]] + rest[:loc[0]] + rest[loc[0]+len("when"):]
}

// framePhrases are question words of more than one word whose words
// would otherwise count as content ("long", "many", "year", "stand for",
// "full name" and a last "mean" of asking what a name is, "according to", which
// stems as the "accord" of agreements), and the
// nouns of "what" that name the kind of answer ("what justification",
// "on what grounds", "what sum"), which the answer seldom repeats.
var framePhrases = regexp.MustCompile(`(?i)\bhow (?:long|many|much|often|come|far)\b|` + keywordDate + `|\baccording to\b|\b(?:stands?|stood|short) for\b|\bmeans?\s*[?？]*\s*$|\bwhat (?:date|day|year|month|time|kind of|sort of|type of)\b|\bwhich (?:date|day|year|month)\b|\bsince when\b|\bfull name\b|` +
	askedReason + `|\bwhat (?:total )?(?:sum|amount|number|percentage|share|proportion)\b`)

// cjkDateWords are the Korean and Japanese words for a date (날짜, 일자,
// 日付, 日にち), which a question asking when puts its question in, as
// "what date" does: "미쓰비시 판결 날짜 언제임", "시행 날짜가 각각 언제야?".
// The date the answer carries says them; a passage that writes "the
// date" is not the more about the question for it.
var cjkDateWords = regexp.MustCompile(`날짜|일자|日付|日にち`)

// keywordDate is "date" as a question put in keywords asks for one:
// "kishida term dates", "nippon steel ruling date", "date of the chengdu
// summit". Elsewhere it may be what a question is about ("why are there
// two dates for the end of the dispute").
const keywordDate = `\bdates?\s*[?？]*\s*$|^\s*(?:the )?dates? of\b`

// askedReason is the noun of "what" that asks for a cause, a frame
// phrase that sets the answer type too.
const askedReason = `\b(?:what|which|on what|for what)(?: legal)? (?:reasons?|justification|rationale|grounds|reasoning|explanation|motive|basis)\b`

// asksNow finds the words that ask where things stand now: the latest
// of what the corpus reports answers, not the first.
var asksNow = regexp.MustCompile(`(?i)\b(?:now|nowadays|currently|these days|any ?more|right now|still (?:a thing|on|in (?:place|effect|force)|valid|active|going|standing|there|around))\b|지금|현재|요즘|아직도|今は|今も|現在|いまだに`)

// yearIn finds a year, in any of the three languages.
var yearIn = regexp.MustCompile(`\b(?:19|20)\d\d\b|(?:19|20)\d\d(?:년|年)`)

// answerPatterns are the question words of each kind of answer. Korean and
// Japanese are written without \b, which Go applies to ASCII words only.
// Korean 분 counts minutes and, politely, people: 몇 분 동안 is "how many
// minutes", 몇 분이나 살아 계셔 "how many (elders) are alive"; 몇 분 alone
// asks neither.
var answerPatterns = []struct {
	re  *regexp.Regexp
	cue string
}{
	{regexp.MustCompile(`(?i)\bhow long\b|\bfor how many (minutes|hours|days|weeks|months|years)\b|얼마나 ?오래|얼마나 ?걸|얼마 ?동안|몇 ?분 ?(?:동안|정도|만에|걸)|몇 ?분간|몇 ?시간|何分|何時間|\beolmana ?orae\b`), cueDuration},
	{regexp.MustCompile(`(?i)\bwhen\b|\bitsu\b|\beonje\b|\bwhat (date|day|year|month|time)\b|\bwhich (date|day|year|month)\b|\bsince when\b|` + keywordDate + `|언제|몇 ?년|며칠|날짜|いつ|何年|何月|何日`), cueDate},
	{regexp.MustCompile(`(?i)\bhow many\b|\bwhat (number|percentage|share|proportion)\b|몇 ?명|몇 ?분(?:이|께서|들)|몇 ?분 ?(?:살아|생존|계|남)|몇 ?개|몇 ?퍼센트|어느 ?정도|몇 ?(?:위|등|점|번|회|대|배|표|승|패|이닝|차례|개국|곳|군데|가지)|何人|何名|いくつ|何社|何件|何割|何(?:位|点|回|個|台|枚|票|勝|敗|倍|イニング|か国|カ国)|\bwhat rank\b|\bnannin\b|\bikutsu\b|\bmyeot\b`), cueNumber},
	{regexp.MustCompile(`(?i)\bhow much\b|\bikura\b|\beolma\b|\bwhat (total )?(amount|sum)\b|얼마|いくら|金額`), cueAmount},
	{regexp.MustCompile(`(?i)\bwhy\b|\bwhat (was|is|were) the reasons?\b|` + askedReason + `|\bwhat caused\b|\bhow come\b|왜|이유|なぜ|何故|なんで|どうして|理由|\bnaze\b|\bdou?shite\b|\bwae\b`), cueReason},
	{regexp.MustCompile(`(?i)\bwhere\b|\bdoko\b|\beodi\b|\bin which (city|country|place)\b|\bwhat (city|venue|place)\b|어디|どこ`), cuePlace},
	{regexp.MustCompile(`(?i)\bwhat (did|does|do|has|have|was|were)\b.*\b(say|said|says|think|argue|claim|want|demand|propose|call for|tell|told)\b|\b(stance|position|view|reaction|response) (of|on|to)\b|뭐라고|입장|반응|何と言|なんと言|立場|反応`), cueStatement},
}

// definitionForms are questions that ask what or who something is: "what
// is X", "who was X", "X full name", "what does X stand for", "X가 뭐야",
// "X 누구임", "무슨 협정이에요", "Xって何", "Xとは", "Xってどんな人". The
// subject is a short noun phrase, not a clause: "the minister who said
// X" asks for a person, "what was decided" for an event.
var definitionForms = []*regexp.Regexp{
	regexp.MustCompile(`(?i)^(?:so |ok |and )?(?:what|who|wtf)(?:'s| is| are| was| were)\s+(.{1,60}?)\s*\?*$`),
	regexp.MustCompile(`(?i)^(?:so |ok )?what(?: does| do| is)? (.{1,40}?) (?:stands? for|is short for|short for|means?)\s*\?*$`),
	regexp.MustCompile(`(?i)^(.{1,40}?)\s+full name\s*\?*$`),
	regexp.MustCompile(`^(.{1,40}?)\s*(?:뭐야|뭐예요|뭐에요|뭔가요|뭔데|뭐임|무엇인가요|무엇입니까|누구야|누구예요|누구인가요|누구임|누구입니까)\s*\?*$`),
	regexp.MustCompile(`^(.{1,40}?)\s*무슨 \S+(?:이에요|예요|인가요|이야|야|임)\s*\?*$`),
	regexp.MustCompile(`^(.{1,30}?)(?:って|とは|は)(?:何|なに|なん|誰|だれ|どんな(?:人|もの|組織)?)(?:です|でしょう|だ)?か?\s*[？?]*$`),
	regexp.MustCompile(`^(.{1,30}?)とは\s*[？?]*$`),
}

// asksDefinition reports whether a question asks what or who something
// is: one of definitionForms whose subject is at most four words, holds
// no verb of English (-ing, -ed, "to") and no Korean or Japanese clause
// (a word ending in a verb's 은/ㄴ or の, た before the particle, a
// Japanese run of more than twelve characters).
func asksDefinition(text string) bool {
	text = strings.TrimSpace(text)
	for _, re := range definitionForms {
		m := re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		subject := strings.Fields(m[1])
		if len(subject) > 4 || len(subject) == 0 {
			return false
		}
		for _, w := range subject {
			w = strings.ToLower(strings.Trim(w, ".,!?'\"“”"))
			if strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || w == "to" || w == "and" || w == "about" {
				return false
			}
		}
		last := []rune(subject[len(subject)-1])
		if len(last) > 12 && scriptLanguage(string(last)) == knowledge.Japanese {
			return false // Japanese, unspaced: a clause more than a name
		}
		switch last[len(last)-1] {
		case 'の', 'た', '한', '된', '은', '던':
			return false
		}
		return true
	}
	return false
}
