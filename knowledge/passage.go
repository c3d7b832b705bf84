package knowledge

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Passage sizes, in words. News paragraphs are short; a passage is one
// paragraph, with very short ones (a one-line quote) joined to their
// neighbour and very long ones cut at sentence ends, so that passages stay of
// similar length, which bleve's BM25 length estimate needs.
const (
	MinPassageWords = 25
	MaxPassageWords = 220
	contextWords    = 60
)

// Passage is the unit of retrieval: a paragraph-sized piece of an article.
type Passage struct {
	ArticleID string
	N         int  // position in the article, from 1
	Kind      Kind // the article's kind, or caption
	Text      string
	// Context is text around the passage (its article's dateline and the
	// neighbouring passages); it helps find passages that say "the two
	// ministers" where the question names them.
	Context string
	Topics  []Topic
}

// ID is the passage's id in the index: the article id and position.
func (p *Passage) ID() string { return PassageID(p.ArticleID, p.N) }

// PassageID builds a passage id.
func PassageID(articleID string, n int) string { return articleID + "#" + strconv.Itoa(n) }

// Passages cuts the article into passages and tags each with its topics.
func (a *Article) Passages() []Passage {
	type block struct {
		text    string
		caption bool
	}
	var blocks []block
	pending := "" // a short paragraph waiting to open the next passage
	// flushPending ends the previous passage with the pending paragraph, or
	// makes it a passage of its own when that one is full.
	flushPending := func() {
		if pending == "" {
			return
		}
		if last := len(blocks) - 1; last >= 0 && wordCount(blocks[last].text)+wordCount(pending) <= MaxPassageWords {
			blocks[last].text += " " + pending
		} else {
			blocks = append(blocks, block{pending, false})
		}
		pending = ""
	}
	dateline := a.Dateline
	var captions []string // what the captions say, for the context of the passage they follow
	captionsAt := map[int][]string{}
	heading := ""                 // the section the text is in
	headed := false               // whether the paragraph before was a heading
	headingAt := map[int]string{} // passage -> the heading of its section
	for i, p := range a.Body {
		text := CleanText(p.Text)
		if text == "" || isByline(text, a.Byline) || isFurniture(text) {
			continue
		}
		if i < 5 && repeatsTitle(text, a.Title) {
			continue // the headline printed again above the text
		}
		if d := loneDateline(text); (i < 5 || len(blocks) == 0 && pending == "") && d != "" {
			// A dateline on a line of its own goes to the context, as
			// one that opens the first paragraph does; above the text,
			// however many labels and headings come before it.
			if dateline == "" {
				dateline = d
			}
			continue
		}
		if i < 5 && len(blocks) == 0 && pending == "" && isLabel(text) && textFollows(a.Body[i+1:]) {
			// A label above the text, the kicker of a page
			// ("PyeongChang 2018 · Curling", "Diplomacy"), names what
			// the article is filed under: it heads the first section,
			// as a heading would, and is no text that answers.
			heading, headed = text, true
			continue
		}
		if p.Heading {
			flushPending()
			if headed {
				// Headings one under another (a kicker, the deck under
				// the headline) head the same text.
				heading += " · " + text
			} else {
				heading, headed = text, true
			}
			continue
		}
		headed = false
		if _, ok := headingAt[len(blocks)]; !ok && heading != "" {
			headingAt[len(blocks)] = heading
		}
		if p.Caption {
			captionsAt[len(blocks)] = append(captionsAt[len(blocks)], text)
			captions = append(captions, text)
			continue
		}
		if i < 3 {
			if d, rest := cutDateline(text); d != "" {
				text = rest
				if dateline == "" {
					dateline = d
				}
			}
		}
		for _, piece := range splitLong(text, MaxPassageWords) {
			if pending != "" {
				if wordCount(pending)+wordCount(piece) <= MaxPassageWords {
					piece, pending = pending+" "+piece, ""
				} else {
					flushPending()
				}
			}
			n := wordCount(piece)
			last := len(blocks) - 1
			switch {
			case n >= MinPassageWords:
				blocks = append(blocks, block{piece, false})
			case startsWithQuote(piece) && last >= 0 && wordCount(blocks[last].text)+n <= MaxPassageWords:
				// A short quote continues the paragraph before it.
				blocks[last].text += " " + piece
			default:
				// Other short paragraphs introduce what follows.
				pending = piece
			}
		}
	}
	flushPending()
	if len(blocks) == 0 && len(captions) > 0 {
		// An article of captions only (a photo story): they are its text.
		for _, c := range captions {
			blocks = append(blocks, block{c, true})
		}
		captionsAt = nil
	}
	// Each passage read with the lexicon's English once, for its topics
	// and for the anchors of the article's (see topicAnchors).
	english := make([]string, len(blocks))
	for i, b := range blocks {
		english[i] = inEnglish(b.text)
	}
	anchored := anchoredTopics(inEnglish(a.Title) + "\n" + strings.Join(english, "\n"))
	for _, t := range a.Topics {
		anchored[t] = true // its author ties it to the strand
	}
	out := make([]Passage, len(blocks))
	for i, b := range blocks {
		kind := a.Kind
		if b.caption {
			kind = KindCaption
		}
		var ctx []string
		if dateline != "" {
			ctx = append(ctx, dateline)
		}
		if h := headingAt[i]; h != "" {
			ctx = append(ctx, h)
		}
		// A caption is read with the passage before it (the one it
		// followed), or the first.
		ctx = append(ctx, captionsAt[i+1]...)
		if i == 0 {
			ctx = append(ctx, captionsAt[0]...)
		}
		if i > 0 {
			ctx = append(ctx, firstWords(blocks[i-1].text, contextWords))
		}
		if i+1 < len(blocks) {
			ctx = append(ctx, firstWords(blocks[i+1].text, contextWords))
		}
		out[i] = Passage{ArticleID: a.ID, N: i + 1, Kind: kind, Text: b.text, Context: strings.Join(ctx, " \n ")}
		// A passage is classified by what it says; one that says nothing
		// of a topic is read with its article's title ("... wartime
		// labor row"), but not with its neighbours, whose topics would
		// spread through the whole article. A strand of the dispute told
		// by words of any news of its kind (a court and a ruling) is the
		// dispute's only in an article that names the dispute somewhere
		// (see topicAnchors).
		out[i].Topics = withDeclared(classify(english[i], anchored), a.Topics)
		if len(out[i].Topics) == 1 && out[i].Topics[0] == TopicOther {
			out[i].Topics = withDeclared(classify(inEnglish(a.Title+" "+b.text), anchored), a.Topics)
		}
	}
	return out
}

// PassageTopics returns the topics of the article's passages, each once, in
// the order they first appear: what the article is about as --topic, /topic
// and the filters see it, which may differ from the topics it declares.
func (a *Article) PassageTopics() []Topic {
	var out []Topic
	for _, p := range a.Passages() {
		for _, t := range p.Topics {
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

// inEnglish returns text with the English names of the lexicon's names
// and terms it holds in Korean or Japanese added, so that the topic cues,
// written in English, read Korean and Japanese text too (수출규제 is
// "export controls").
func inEnglish(text string) string {
	if !hasKoreanOrJapanese(text) {
		return text
	}
	matches, _ := DefaultGlossary().Match(text)
	var b strings.Builder
	b.WriteString(text)
	for _, m := range matches {
		b.WriteString(" . ")
		b.WriteString(m.Group.Canonical())
	}
	return b.String()
}

func hasKoreanOrJapanese(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

// withDeclared applies the topics an article declares in its front
// matter: they are its passages' topics, the author's word counting over
// the classifier's, so that an article declared "other" is found by
// --topic other. Each passage keeps those of them its text is classified
// with, or all of them when its text matches none.
func withDeclared(classified, declared []Topic) []Topic {
	if len(declared) == 0 {
		return classified
	}
	var both, all []Topic
	for _, t := range Topics {
		if slices.Contains(declared, t) {
			all = append(all, t)
			if slices.Contains(classified, t) {
				both = append(both, t)
			}
		}
	}
	if len(both) > 0 {
		return both
	}
	return all
}

func startsWithQuote(s string) bool {
	return strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "“") || strings.HasPrefix(s, "'")
}

// wordCount is len(strings.Fields(s)) without building the slice (it runs
// several times on every paragraph that is indexed), except that Japanese,
// written without spaces, counts a word for every two kana or kanji: what
// a Japanese paragraph holds, measured as an English one would be.
func wordCount(s string) int {
	n, inWord, japanese := 0, false, 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			inWord = false
		case !inWord:
			n, inWord = n+1, true
		}
		if r >= 0x3040 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) { // kana start at U+3040
			japanese++
		}
	}
	return n + japanese/2
}

// WordCount counts the words of a text as passages are sized: Japanese
// counts a word for every two kana or kanji.
func WordCount(s string) int { return wordCount(s) }

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// splitLong cuts text into pieces of at most max words, at sentence ends when
// it can and at word boundaries when a single sentence is too long.
func splitLong(text string, max int) []string {
	if wordCount(text) <= max {
		return []string{text}
	}
	var out []string
	var cur []string
	curWords := 0
	for _, sp := range Sentences(text) {
		sent := strings.TrimSpace(text[sp[0]:sp[1]])
		n := wordCount(sent)
		if curWords > 0 && curWords+n > max {
			out = append(out, strings.Join(cur, " "))
			cur, curWords = nil, 0
		}
		for n > max { // one overlong sentence: cut at words
			words := strings.Fields(sent)
			out = append(out, strings.Join(words[:max], " "))
			sent = strings.Join(words[max:], " ")
			n -= max
		}
		cur = append(cur, sent)
		curWords += n
	}
	if curWords > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "gov": true, "sen": true,
	"rep": true, "st": true, "jr": true, "sr": true, "inc": true, "corp": true, "co": true, "ltd": true,
	"no": true, "vs": true, "etc": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "lt": true,
	"col": true, "capt": true, "mt": true, "ft": true, "approx": true, "dept": true, "univ": true, "min": true,
	"e.g": true, "i.e": true, "u.s": true, "u.k": true, "u.n": true, "a.m": true, "p.m": true, "gov't": true,
}

// Sentences returns the byte spans of the sentences of text. A sentence ends
// at . ! ? (and the CJK 。！？) followed by white space, or by a closing quote
// or bracket and white space; periods after abbreviations ("Nov.", "U.S."),
// single initials ("S. Korea") and inside numbers ("3.5") do not end one.
// The spans cover the text without gaps, so their concatenation is text.
func Sentences(text string) [][2]int {
	var spans [][2]int
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		end := i + size
		switch r {
		case '。', '！', '？':
			spans = append(spans, [2]int{start, end})
			start = end
		case '.', '!', '?':
			j := end
			for j < len(text) { // closing quotes and brackets stay with the sentence
				q, qs := utf8.DecodeRuneInString(text[j:])
				if !strings.ContainsRune(`"'”’)]»」』`, q) {
					break
				}
				j += qs
			}
			if j == len(text) || !isSpaceByte(text[j]) {
				break
			}
			if r == '.' && !endsSentence(text[start:i]) {
				break
			}
			// Include the following white space in this sentence.
			for j < len(text) && isSpaceByte(text[j]) {
				j++
			}
			spans = append(spans, [2]int{start, j})
			start = j
			end = j
		}
		i = end
	}
	if start < len(text) {
		spans = append(spans, [2]int{start, len(text)})
	}
	return spans
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// endsSentence reports whether a period after before ends a sentence, by
// looking at the word the period closes.
func endsSentence(before string) bool {
	k := strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '"' })
	word := before[k+1:]
	if word == "" {
		return true
	}
	lw := strings.ToLower(word)
	if abbreviations[lw] {
		return false
	}
	// Initials and dotted acronyms: "S", "J", "U.S" (the last period is the
	// one being looked at).
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return false
	}
	if strings.Contains(word, ".") && len(word) <= 6 {
		return false
	}
	return true
}
