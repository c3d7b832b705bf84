package knowledge

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge/lang"
)

// Feedback closes the loop between what members ask and what moderators
// add to the corpus: every /ask is recorded (per server, without anything
// that names the member), members vote on answers, and the questions the
// corpus could not answer, or answered badly, come back to moderators as
// gaps to fill, in the format the answer-quality checks read.

// Limits on feedback records. They bound what a member can make the bot
// store, whatever a client sends.
const (
	// MaxAnswerIDLen is the longest answer id: it travels in a button's
	// custom id (100 characters) beside a prefix and a vote.
	MaxAnswerIDLen = 32
	// MaxAskedPassages is the most passage ids kept per answer: the most
	// one page of results shows.
	MaxAskedPassages = MaxLimit
	// maxPassageIDLen is an article id (128) and "#" and a number.
	maxPassageIDLen = 128 + 1 + 10
	// MaxGaps is the most groups Gaps returns: more than a moderator
	// reads, and enough for an export.
	MaxGaps = 500
	// MaxGapAsks is the most asks, newest first, that gaps are found among.
	// It bounds the time and memory of one Gaps call on a busy server.
	MaxGapAsks = 5000
)

// DefaultFeedbackRetention is how long feedback records are kept when the
// operator does not say (FEEDBACK_DAYS).
const DefaultFeedbackRetention = 90 * 24 * time.Hour

// FeedbackWindow is how far back /corpus gaps and /about look.
const FeedbackWindow = 30 * 24 * time.Hour

// Vote is a member's opinion of an answer.
type Vote uint8

// Votes. The zero Vote is no vote, so that a forgotten field is caught.
const (
	Helpful    Vote = 1
	NotHelpful Vote = 2
)

// Valid reports whether v is Helpful or NotHelpful.
func (v Vote) Valid() bool { return v == Helpful || v == NotHelpful }

// String is the vote as a word, for logs and custom ids.
func (v Vote) String() string {
	switch v {
	case Helpful:
		return "helpful"
	case NotHelpful:
		return "not_helpful"
	}
	return fmt.Sprintf("Vote(%d)", uint8(v))
}

// ParseVote reads a vote written by String. It is meant for the vote in a
// button's custom id, which any client can forge, so it accepts nothing
// else.
func ParseVote(s string) (Vote, error) {
	switch s {
	case "helpful":
		return Helpful, nil
	case "not_helpful":
		return NotHelpful, nil
	}
	return 0, Errorf(EINVALID, "unknown vote")
}

// Asked is the record of one /ask: what was asked, where and when, and how
// it was answered. It holds nothing about who asked.
type Asked struct {
	// Answer is the id that the answer's vote buttons carry. It must not
	// be derived from the member (see NewAnswerID).
	Answer   string
	Guild    string // the server asked in, a Discord snowflake
	Question string
	Time     time.Time // zero: the store's clock
	// Answered is false when the bot answered "not covered".
	Answered bool
	Passages []string // ids of the passages shown (PassageID), in order

	// Votes on the answer, filled in when records are read; Record
	// ignores them.
	Helpful, NotHelpful int
}

// Normalize cleans the question, caps it at MaxQuestionRunes and checks the
// ids, so that a store keeps only bounded, well-formed records. It returns
// an *Error with code EINVALID.
func (a *Asked) Normalize() error {
	if !ValidAnswerID(a.Answer) {
		return Errorf(EINVALID, "invalid answer id")
	}
	if !ValidSnowflake(a.Guild) {
		return Errorf(EINVALID, "invalid server id")
	}
	// The question was checked when it was asked; capping again keeps a
	// caller that forgot from storing a novel.
	a.Question = truncateRunes(CleanQuestion(a.Question), MaxQuestionRunes)
	if a.Question == "" {
		return Errorf(EINVALID, "empty question")
	}
	if len(a.Passages) > MaxAskedPassages {
		return Errorf(EINVALID, "%d passages shown; at most %d are recorded", len(a.Passages), MaxAskedPassages)
	}
	for _, p := range a.Passages {
		if !ValidPassageID(p) {
			return Errorf(EINVALID, "invalid passage id %q", truncateRunes(p, 40))
		}
	}
	return nil
}

// IsGap reports whether an ask is one that moderators should see: answered
// "not covered", or voted Not helpful at least as often as Helpful (a split
// vote is a doubtful answer, worth a look).
func (a *Asked) IsGap() bool {
	return !a.Answered || (a.NotHelpful > 0 && a.NotHelpful >= a.Helpful)
}

// Ballot is one member's vote on one answer. Member is needed only to
// count one vote per member: a store keeps a keyed hash of it with the
// answer, never the id itself.
type Ballot struct {
	Guild  string
	Answer string
	Member string // the voter's Discord user id
	Vote   Vote
}

// Validate checks the ids and the vote. Button payloads can be forged, so
// everything in a ballot is checked before it reaches a store.
func (b *Ballot) Validate() error {
	switch {
	case !ValidSnowflake(b.Guild):
		return Errorf(EINVALID, "invalid server id")
	case !ValidAnswerID(b.Answer):
		return Errorf(EINVALID, "invalid answer id")
	case !ValidSnowflake(b.Member):
		return Errorf(EINVALID, "invalid member id")
	case !b.Vote.Valid():
		return Errorf(EINVALID, "invalid vote")
	}
	return nil
}

// FeedbackReport sums up what a server asked since a time.
type FeedbackReport struct {
	Since     time.Time `json:"since"`
	Questions int       `json:"questions"`
	Answered  int       `json:"answered"` // questions not answered "not covered"
	Votes     int       `json:"votes"`    // one per member and answer
	Helpful   int       `json:"helpful"`  // votes that said Helpful
}

// Add counts one ask and its votes.
func (r *FeedbackReport) Add(a *Asked) {
	r.Questions++
	if a.Answered {
		r.Answered++
	}
	r.Votes += a.Helpful + a.NotHelpful
	r.Helpful += a.Helpful
}

// AnsweredShare is the share of questions that got an answer, 0 when none
// were asked.
func (r *FeedbackReport) AnsweredShare() float64 { return share(r.Answered, r.Questions) }

// HelpfulShare is the share of votes that said Helpful, 0 when there were
// none. Votes, not answers, are counted: an answer many members found
// wanting weighs more than one a single member did.
func (r *FeedbackReport) HelpfulShare() float64 { return share(r.Helpful, r.Votes) }

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// Gap is a question, in all the ways members asked it, that the corpus
// did not answer or answered badly.
type Gap struct {
	Text       string    `json:"text"`        // the phrasing asked most, as asked
	Count      int       `json:"count"`       // asks in the group that were gaps
	NotCovered int       `json:"not_covered"` // of Count, answered "not covered"
	NotHelpful int       `json:"not_helpful"` // of Count, answered but voted Not helpful
	Last       time.Time `json:"last"`        // when it was last asked as a gap
	Phrasings  int       `json:"phrasings"`   // distinct phrasings grouped, after NormalizeQuestion
}

// FeedbackService records asks and votes and reports on them. Every method
// is safe for concurrent use.
type FeedbackService interface {
	// Record stores an ask. A record with the same Guild and Answer
	// replaces the earlier one.
	Record(ctx context.Context, a *Asked) error
	// Vote stores a member's vote, replacing the member's earlier vote on
	// the same answer. A vote on an answer that is not recorded (never,
	// or no longer) fails with ENOTFOUND.
	Vote(ctx context.Context, b Ballot) error
	// Report sums up the asks of a guild since a time; guild "" means
	// every guild.
	Report(ctx context.Context, guild string, since time.Time) (*FeedbackReport, error)
	// Gaps returns the gaps of a guild since a time, most asked first
	// (see FindGaps); guild "" means every guild.
	Gaps(ctx context.Context, guild string, since time.Time) ([]Gap, error)
	// Purge removes every record of a guild and returns how many asks it
	// removed.
	Purge(ctx context.Context, guild string) (int, error)
	// Prune removes the records older than retention and returns how
	// many asks it removed.
	Prune(ctx context.Context, retention time.Duration) (int, error)
}

// ValidSnowflake reports whether s can be a Discord id (of a server or a
// member): 1 to 20 digits.
func ValidSnowflake(s string) bool { return guildPattern.MatchString(s) }

// answerIDPattern admits snowflakes and NewAnswerID's tokens: both fit a
// custom id and a log line as they are.
var answerIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,32}$`)

// ValidAnswerID reports whether s can be an answer id: 1 to MaxAnswerIDLen
// letters, digits, "-" or "_".
func ValidAnswerID(s string) bool { return answerIDPattern.MatchString(s) }

// NewAnswerID returns a random answer id, 16 characters. Random, rather
// than the id of the Discord interaction or message, so that an answer
// id leads to no member.
func NewAnswerID() string {
	var b [12]byte
	rand.Read(b[:]) // never fails (crypto/rand panics rather)
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// ValidPassageID reports whether s is a passage id as PassageID builds it.
func ValidPassageID(s string) bool {
	if len(s) > maxPassageIDLen {
		return false
	}
	art, n, ok := strings.Cut(s, "#")
	if !ok || !ValidID(art) || n == "" || len(n) > 10 || n[0] == '0' {
		return false
	}
	for _, r := range n {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// truncateRunes cuts s to at most n runes.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// NormalizeQuestion folds a question to the form two askings of the same
// words share: Discord markup, case, punctuation, white space and the
// width of characters (ＧＳＯＭＩＡ, ｶﾀｶﾅ) are ignored, and letters
// drawn out in chat ("whyyy", "ｗｗｗ") are cut to one. The result is
// words of letters and digits separated by single spaces.
func NormalizeQuestion(s string) string {
	s = strings.ToLower(foldWidth(CleanQuestion(s)))
	return squashRepeats(foldAlias(s))
}

// foldWidth turns full-width ASCII into ASCII, the ideographic space into
// a space and half-width katakana into katakana, joining the voicing marks
// that half-width text writes apart (ｶﾞ is ガ). Japanese keyboards type
// either width, and the two mean the same.
func foldWidth(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			out = append(out, r-0xFF01+'!')
		case r == 0x3000:
			out = append(out, ' ')
		case r >= 0xFF61 && r <= 0xFF9D:
			out = append(out, halfKana[r-0xFF61])
		case r == 0xFF9E || r == 0xFF9F:
			// A voicing mark joins the kana before it, when it takes one.
			semi := r == 0xFF9F
			if n := len(out); n > 0 && voiced(out[n-1], semi) != 0 {
				out[n-1] = voiced(out[n-1], semi)
			} else if semi {
				out = append(out, '゜')
			} else {
				out = append(out, '゛')
			}
		default:
			out = append(out, r)
		}
	}
	return string(out)
}

// halfKana are the full-width forms of U+FF61 to U+FF9D, in order.
var halfKana = []rune("。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン")

// voiced returns the kana k with a voicing mark (semi: the round one), or
// 0 when k takes none. In Unicode the voiced kana follows its plain one.
func voiced(k rune, semi bool) rune {
	switch {
	case semi && strings.ContainsRune("ハヒフヘホ", k):
		return k + 2
	case semi:
		return 0
	case k == 'ウ':
		return 'ヴ'
	case strings.ContainsRune("カキクケコサシスセソタチツテトハヒフヘホ", k):
		return k + 1
	}
	return 0
}

// squashRepeats cuts runs of three or more of one Latin letter to one:
// chat draws letters out ("sooo", "whyyy", "wwww"), and English spells no
// word with three in a row. Digits, and other scripts, are left alone.
func squashRepeats(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		n := j - i
		if n >= 3 && lang.ScriptOf(rs[i]) == lang.Latin {
			n = 1
		}
		for range n {
			b.WriteRune(rs[i])
		}
		i = j
	}
	return b.String()
}

// conceptPrefix marks a term that is a glossary group rather than a word:
// no word of a question can start with it after NormalizeQuestion. A
// broad group (see AliasGroup.Broad) has broadMark after it.
const (
	conceptPrefix = "§"
	broadMark     = "~"
)

// questionTerms returns the terms a question is compared by, sorted and
// without repeats: the glossary's groups it names (so that 수출규제,
// 輸出規制 and "export curbs" are one term, and "expot controls" is read as
// "export controls"), and its other content words, with Korean endings and
// particles taken off, Japanese grammar (hiragana) left out and English
// words reduced to a rough stem. Words of grammar that the lang package
// knows are left out; how informative the other words are is measured
// later, by how rarely questions use them. Letters on their own (ｗ, "s"
// of "Japan's") and bare Korean consonants (ㅋㅋ) are not words.
//
// corrected remembers the glossary's correction of each word, "" for
// none: looking a word up costs more than the rest of its analysis, and
// the questions of a server repeat their words. It may be nil.
func questionTerms(g *Glossary, norm string, corrected map[string]string) []string {
	// Every word may be a glossary word misspelled: questions are short,
	// and a wrong correction only costs a grouping.
	words := strings.Fields(norm)
	for i, w := range words {
		fix, ok := corrected[w]
		if !ok {
			if fix = g.Correct(w, func(string) bool { return false }); fix == w {
				fix = ""
			}
			if corrected != nil {
				corrected[w] = fix
			}
		}
		if fix != "" {
			words[i] = fix
		}
	}
	matches, rest := g.Match(strings.Join(words, " "))
	var terms []string
	for _, m := range matches {
		mark := ""
		if m.Group.Broad {
			mark = broadMark
		}
		terms = append(terms, conceptPrefix+mark+strings.ToLower(m.Group.Canonical()))
	}
	for w := range strings.FieldsSeq(rest) {
		r, _ := utf8.DecodeRuneInString(w)
		switch lang.ScriptOf(r) {
		case lang.Hangul:
			if onlyJamo(w) || lang.KoreanFunctionWord(w) {
				continue
			}
			terms = append(terms, lang.KoreanStem(w))
		case lang.Kanji, lang.Katakana, lang.Hiragana:
			for _, jw := range lang.JapaneseContent(w) {
				if !jw.Weak {
					terms = append(terms, jw.Text)
				}
			}
		default:
			if utf8.RuneCountInString(w) < 2 {
				continue
			}
			terms = append(terms, stemLatin(w))
		}
	}
	slices.Sort(terms)
	return slices.Compact(terms)
}

// onlyJamo reports whether w is written in bare Korean letters (ㅋㅋ, ㅠㅠ):
// chat, not words, since Korean words are written in syllables.
func onlyJamo(w string) bool {
	for _, r := range w {
		if r < 0x3131 || r > 0x318E {
			return false
		}
	}
	return true
}

// stemLatin reduces an English word to a rough stem, so that "lifted",
// "lifting" and "lifts" are one term: a plural or third-person "s", then
// "ing", "ed" or a final "e", come off while three letters stay.
func stemLatin(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y"
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	for _, suf := range []string{"ing", "ed", "e"} {
		if len(w)-len(suf) >= 3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// Grouping. Two phrasings are the same question when the informative
// terms they share outweigh those they do not. How informative a term is
// comes from the questions the server asked (see termWeights), not from a
// list of words to keep up: words every question uses ("what", "did",
// "the") weigh little, names and events much.
//
// Terms only one side has are weighed by what they do to the question:
//
//   - A glossary term on each side that the other lacks (Mitsubishi and
//     Nippon Steel, "lift" and "impose") makes two questions different
//     however much else they share: the glossary puts what means the same
//     in one group, so two groups are two things.
//
//   - A glossary term on one side only makes the question more specific
//     ("GSOMIA" and "why was GSOMIA extended"): it counts in full, unless
//     it is a broad one ("Japan", "exports"), which every question of the
//     dispute implies: that counts as a word.
//
//   - Other words on both sides replace each other ("Dokdo" and
//     "Tsushima", "pls" and "lol"): the lesser side counts in full.
//
//   - Other words one side adds beyond that rarely change what is asked
//     ("lol", "tbh", "in 2019"): they count a quarter.
//
//     sim = shared / (shared + concepts + replaced + additionWeight×added)
//
// Phrasings join the group whose first phrasing they are most similar
// to, at least sameQuestion. The first is the one asked most, and of
// equals the plainest (least weight), so that chat around a question
// counts as added to it; comparing with the first rather than with any
// member keeps a chain of small steps from joining two different
// questions.
const (
	additionWeight = 0.25
	sameQuestion   = 0.6
)

// termKind tells how a term counts when only one side has it.
type termKind uint8

const (
	word    termKind = iota
	concept          // a glossary group
	broad            // a broad glossary group
)

func kindOf(t string) termKind {
	rest, ok := strings.CutPrefix(t, conceptPrefix)
	switch {
	case !ok:
		return word
	case strings.HasPrefix(rest, broadMark):
		return broad
	}
	return concept
}

// vocabulary numbers the terms of the questions read and weighs them, so
// that comparing two questions is a merge of two sorted lists of numbers.
type vocabulary struct {
	ids    map[string]int
	weight []float64
	kind   []termKind
}

// newVocabulary weighs every term of df among n asks, df[t] of which use
// it: inverse document frequency in the form Lucene uses,
// ln(1 + (n − df + 0.5)/(df + 0.5)), which stays above zero for terms
// that most questions use, so that a small server's questions still
// match. Latin words that are not glossary terms weigh less the shorter
// they are: the words a language uses most are its shortest (Zipf's law
// of abbreviation), so length tells grammar and chat ("is", "the", "lol")
// from content where a server's questions are too few to.
func newVocabulary(df map[string]int, n int) *vocabulary {
	terms := make([]string, 0, len(df))
	for t := range df {
		terms = append(terms, t)
	}
	slices.Sort(terms) // numbers in the order of the terms: deterministic
	v := &vocabulary{ids: make(map[string]int, len(terms)), weight: make([]float64, len(terms)), kind: make([]termKind, len(terms))}
	for i, t := range terms {
		d := float64(max(df[t], 1))
		w := math.Log1p((float64(max(n, df[t])) - d + 0.5) / (d + 0.5))
		v.kind[i] = kindOf(t)
		if v.kind[i] == word && !hasCJK(t) {
			w *= min(1, float64(utf8.RuneCountInString(t))/5)
		}
		v.ids[t], v.weight[i] = i, w
	}
	return v
}

// numbers returns the sorted ids of terms, which must all be known.
func (v *vocabulary) numbers(terms []string) []int {
	out := make([]int, len(terms))
	for i, t := range terms {
		out[i] = v.ids[t]
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// similarity is sim above for two sorted lists of term ids, 0 when they
// name different glossary terms.
func (v *vocabulary) similarity(a, b []int) float64 {
	type side struct {
		concepts float64 // glossary terms the other side lacks
		words    float64 // other terms the other side lacks, broad groups too
		named    bool    // whether the side has a glossary term of its own
	}
	var shared float64
	var onlyA, onlyB side
	only := func(s *side, t int) {
		switch v.kind[t] {
		case concept:
			s.concepts += v.weight[t]
			s.named = true
		case broad:
			s.words += v.weight[t]
			s.named = true
		default:
			s.words += v.weight[t]
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			only(&onlyA, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			only(&onlyB, b[j])
			j++
		default:
			shared += v.weight[a[i]]
			i++
			j++
		}
	}
	if shared == 0 || (onlyA.named && onlyB.named) {
		return 0
	}
	replaced := min(onlyA.words, onlyB.words)
	added := max(onlyA.words, onlyB.words) - replaced
	return shared / (shared + onlyA.concepts + onlyB.concepts + replaced + additionWeight*added)
}

// minShared is the least share of the weight of two questions together
// that they must share to be sameQuestion: every term one side lacks
// costs at least additionWeight of its weight, so sim ≥ s needs
// shared ≥ s·a/(1 − s + 2·s·a) of the weight of both, a = additionWeight.
const minShared = sameQuestion * additionWeight / (1 - sameQuestion + 2*sameQuestion*additionWeight)

// phrasing is the asks of one normalized question.
type phrasing struct {
	norm       string
	terms      []string
	ids        []int   // the terms' numbers in the vocabulary, sorted
	weight     float64 // of the terms
	asked      int     // asks, gaps or not
	gaps       int     // asks that were gaps
	notCovered int
	notHelpful int
	last       time.Time  // last gap ask
	texts      []textSeen // the texts the gap asks were written in
}

type textSeen struct {
	text  string
	count int
	last  time.Time
}

func (p *phrasing) add(a *Asked) {
	if !a.IsGap() {
		return
	}
	p.gaps++
	if !a.Answered {
		p.notCovered++
	} else {
		p.notHelpful++
	}
	if a.Time.After(p.last) {
		p.last = a.Time
	}
	for i := range p.texts {
		if p.texts[i].text == a.Question {
			p.texts[i].count++
			if a.Time.After(p.texts[i].last) {
				p.texts[i].last = a.Time
			}
			return
		}
	}
	p.texts = append(p.texts, textSeen{text: a.Question, count: 1, last: a.Time})
}

// FindGaps groups the gaps among asks (see Asked.IsGap): the same question
// asked in other words or spelling is one Gap. All the asks, answered well
// or not, tell how common each word is. At most MaxGapAsks of the newest
// asks are read and MaxGaps groups returned, the most asked first, then
// the most recent.
func FindGaps(asks []Asked) []Gap {
	if len(asks) > MaxGapAsks {
		asks = slices.Clone(asks)
		slices.SortStableFunc(asks, func(a, b Asked) int { return b.Time.Compare(a.Time) })
		asks = asks[:MaxGapAsks]
	}
	g := DefaultGlossary()
	corrected := map[string]string{}
	byNorm := map[string]*phrasing{}
	var all []*phrasing
	for i := range asks {
		a := &asks[i]
		norm := NormalizeQuestion(a.Question)
		if norm == "" {
			continue
		}
		p := byNorm[norm]
		if p == nil {
			p = &phrasing{norm: norm, terms: questionTerms(g, norm, corrected)}
			byNorm[norm] = p
			all = append(all, p)
		}
		p.asked++
		p.add(a)
	}
	// How many asks use each term.
	df := map[string]int{}
	for _, p := range all {
		for _, t := range p.terms {
			df[t] += p.asked
		}
	}
	spelling := spellings(df)
	for _, p := range all {
		changed := false
		for i, t := range p.terms {
			if c, ok := spelling[t]; ok {
				p.terms[i], changed = c, true
			}
		}
		if changed {
			slices.Sort(p.terms)
			p.terms = slices.Compact(p.terms)
		}
	}
	for t, c := range spelling {
		df[c] += df[t]
		delete(df, t)
	}
	v := newVocabulary(df, len(asks))

	var gaps []*phrasing
	for _, p := range all {
		if p.gaps > 0 {
			gaps = append(gaps, p)
			p.ids = v.numbers(p.terms)
			for _, t := range p.ids {
				p.weight += v.weight[t]
			}
		}
	}
	slices.SortFunc(gaps, func(a, b *phrasing) int {
		if c := b.gaps - a.gaps; c != 0 {
			return c
		}
		if c := cmp.Compare(a.weight, b.weight); c != 0 {
			return c
		}
		if c := b.last.Compare(a.last); c != 0 {
			return c
		}
		return strings.Compare(a.norm, b.norm)
	})
	type group struct {
		leader  *phrasing
		members []*phrasing
	}
	var groups []*group
	byTerm := map[int][]int{} // term of a leader → its groups
	seen := map[int]bool{}
	for _, p := range gaps {
		// A group can be sameQuestion only if it shares at least
		// minShared of p's weight: the lightest terms, together below
		// that, cannot find one alone, and their long lists of groups
		// ("what", "the") are not read.
		byWeight := slices.Clone(p.ids)
		slices.SortFunc(byWeight, func(a, b int) int { return cmp.Compare(v.weight[b], v.weight[a]) })
		rest := p.weight
		best, bestSim := -1, sameQuestion
		clear(seen)
		for _, t := range byWeight {
			if rest < minShared*p.weight {
				break
			}
			rest -= v.weight[t]
			for _, gi := range byTerm[t] {
				if seen[gi] {
					continue
				}
				seen[gi] = true
				if s := v.similarity(groups[gi].leader.ids, p.ids); s >= bestSim && (best < 0 || s > bestSim || gi < best) {
					best, bestSim = gi, s
				}
			}
		}
		if best >= 0 {
			groups[best].members = append(groups[best].members, p)
			continue
		}
		groups = append(groups, &group{leader: p, members: []*phrasing{p}})
		for _, t := range p.ids {
			byTerm[t] = append(byTerm[t], len(groups)-1)
		}
	}
	out := make([]Gap, 0, len(groups))
	for _, gr := range groups {
		gap := Gap{Phrasings: len(gr.members)}
		type candidate struct {
			textSeen
			weight float64
		}
		var texts []candidate
		for _, p := range gr.members {
			gap.Count += p.gaps
			gap.NotCovered += p.notCovered
			gap.NotHelpful += p.notHelpful
			if p.last.After(gap.Last) {
				gap.Last = p.last
			}
			for _, t := range p.texts {
				texts = append(texts, candidate{t, p.weight})
			}
		}
		// The text asked most stands for the group; of equals, the
		// plainest, as for the first phrasing, then the latest.
		best := slices.MaxFunc(texts, func(a, b candidate) int {
			if c := a.count - b.count; c != 0 {
				return c
			}
			if c := cmp.Compare(b.weight, a.weight); c != 0 {
				return c
			}
			if c := a.last.Compare(b.last); c != 0 {
				return c
			}
			return strings.Compare(b.text, a.text)
		})
		gap.Text = best.text
		out = append(out, gap)
	}
	slices.SortStableFunc(out, func(a, b Gap) int {
		if c := b.Count - a.Count; c != 0 {
			return c
		}
		if c := b.Last.Compare(a.Last); c != 0 {
			return c
		}
		return strings.Compare(a.Text, b.Text)
	})
	if len(out) > MaxGaps {
		out = out[:MaxGaps]
	}
	return out
}

// spellings maps each Latin term that is likely a misspelling of a more
// common term to that term: one edit apart (two for words of eight
// letters or more), counting a swap of neighbours as one, and only words
// of five letters or more, as the glossary corrects. Glossary words are
// corrected before this; these are the server's own words ("sanctoins").
//
// Candidates are found by deletions: two words within d edits share a
// form with at most d letters deleted from each, so only those pairs are
// compared.
func spellings(df map[string]int) map[string]string {
	var words []string
	for t := range df {
		if !strings.HasPrefix(t, conceptPrefix) && utf8.RuneCountInString(t) >= 5 && !hasCJK(t) {
			words = append(words, t)
		}
	}
	// The most used spelling of a word first: misspellings map to it.
	slices.SortFunc(words, func(a, b string) int {
		if c := df[b] - df[a]; c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	maxEdits := func(w string) int {
		if utf8.RuneCountInString(w) >= 8 {
			return 2
		}
		return 1
	}
	byForm := map[string][]int{}
	out := map[string]string{}
	for i, w := range words {
		d := maxEdits(w)
		forms := deletions(w, d)
		to := -1
		for _, f := range forms {
			for _, j := range byForm[f] {
				if to >= 0 && j >= to {
					continue // a more common candidate is already found
				}
				limit := min(d, maxEdits(words[j]))
				if editDistance(w, words[j], limit) <= limit {
					to = j
				}
			}
		}
		if to >= 0 {
			out[w] = words[to]
			continue
		}
		for _, f := range forms {
			byForm[f] = append(byForm[f], i)
		}
	}
	return out
}

// deletions returns w and every form of it with up to d letters deleted.
func deletions(w string, d int) []string {
	seen := map[string]bool{w: true}
	level := []string{w}
	for range d {
		var next []string
		for _, s := range level {
			rs := []rune(s)
			for i := range rs {
				f := string(rs[:i]) + string(rs[i+1:])
				if !seen[f] {
					seen[f] = true
					next = append(next, f)
				}
			}
		}
		level = next
	}
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// WriteGapsEval writes gaps as a question file for `disputebot eval`
// (see knowledge/evalset): a comment, then one {"q": ..., "expect": []}
// line per gap. The moderator fills in expect with words of the passages
// that should answer; a question left with an empty expect is one the
// corpus must not answer. With no gaps it writes only the comment, which
// the eval reader refuses as "no questions": callers say so instead.
func WriteGapsEval(w io.Writer, gaps []Gap) error {
	if _, err := io.WriteString(w, "// Questions members asked that the corpus did not answer, or answered badly.\n"+
		"// Fill in \"expect\" with words of the passages that should answer each; an empty expect means the corpus must not answer it.\n"); err != nil {
		return fmt.Errorf("write gaps: %w", err)
	}
	type line struct {
		Q      string   `json:"q"`
		Expect []string `json:"expect"`
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // questions are read by people: "<" stays "<"
	for _, g := range gaps {
		q := CleanQuestion(g.Text) // one line, whatever the caller passed
		if strings.TrimFunc(q, unicode.IsSpace) == "" {
			continue
		}
		if err := enc.Encode(line{Q: q, Expect: []string{}}); err != nil {
			return fmt.Errorf("write gaps: %w", err)
		}
	}
	return nil
}
