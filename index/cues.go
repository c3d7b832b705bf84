package index

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/dictionary"
	"github.com/disputebot/disputebot/knowledge/lang"
	"github.com/disputebot/disputebot/knowledge/thesaurus"
)

// Cues are coarse facts about what a passage contains, read from its text
// when a question asks for them, so that the form of a question can favour
// passages of the right kind:
// "when" questions want dates, "how long" questions want durations, "how
// much" questions want sums.
const (
	cueDate      = "date"
	cueDuration  = "duration"
	cueNumber    = "number"
	cueAmount    = "amount"
	cueStatement = "statement" // someone said, argued, called for something
	cueReason    = "reason"    // because, citing, due to
	cuePlace     = "place"     // in Madrid, at the summit in Chengdu
	cueStart     = "start"     // something began, took effect, was imposed
	cuePerson    = "person"    // Foreign Minister Taro Kono; Takeshi Iwaya, Japan's defence minister
	cuePeople    = "people"    // a count of people: 160 students, 343人, 8천여 명
)

// cueOrder is the order cues are listed in.
var cueOrder = []string{cueDate, cueDuration, cueNumber, cueAmount, cueStatement, cueReason, cueStart, cuePlace, cuePerson, cuePeople}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var (
	months          = set("january february march april may june july august september october november december")
	monthAbbrev     = set("jan feb mar apr aug sep sept oct nov dec")
	weekdays        = set("monday tuesday wednesday thursday friday saturday sunday")
	numberWords     = set("one two three four five six seven eight nine ten several few eleven twelve")
	units           = set("minute minutes hour hours day days week weeks month months year years decade decades")
	countNouns      = set("people plaintiffs victims workers items shipments visitors companies firms countries shares patents lawmakers times members")
	countAfterWords = set("plaintiffs victims workers items companies countries materials cases")
	magnitudes      = set("million billion trillion")
	currencies      = set("won yen dollar dollars usd krw jpy euro euros eur yuan")
	speech          = set("said says say saying stated argue argues argued insist insists insisted claim claims claimed calls urge urged urges pressed demand demands demanded told warned stressed noted maintain maintains maintained stance position view views viewed described announced proposed expressed conveyed reaffirmed confirmed protested welcomed")
	reasons         = set("because since citing cited reason reasons reprisal retaliation after following")
	starts          = set("began begun started commenced introduced imposed launched")
	// titles are the words that stand next to a person's name: "Foreign
	// Minister Taro Kono", "Jin Sun-mee, the minister".
	titles    = set("president minister secretary speaker ambassador spokesman spokeswoman spokesperson chairman chairwoman chairperson judge justice professor governor mayor emperor lawmaker counterpart premier envoy mr ms mrs dr")
	notPlaces = set("january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday japanese korean english japan's korea's the a an article appendix group gallup korea.net")
)

// token is a word or number of a passage, with what stood before it.
type token struct {
	text   string // as written
	lower  string
	number bool // digits, with inner commas and points
	hyphen bool // joined to the previous token by a hyphen
	dot    bool // followed directly by a full stop
	cap    bool // starts with a capital letter
	money  bool // a number right after a currency sign
	start  int  // byte offset in the text
	end    int
}

// tokenize splits text into words and numbers in one pass.
func tokenize(text string) []token {
	out := make([]token, 0, len(text)/5+1) // words are about six bytes apart
	hyphen := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsDigit(r):
			j := i + size
			for j < len(text) {
				c := text[j]
				if c >= '0' && c <= '9' || (c == ',' || c == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
					j++
					continue
				}
				break
			}
			money := false
			if i > 0 {
				prev, _ := utf8.DecodeLastRuneInString(text[:i])
				money = strings.ContainsRune("$¥₩€", prev)
			}
			out = append(out, token{text: text[i:j], lower: text[i:j], number: true, hyphen: hyphen, money: money, start: i, end: j})
			i, hyphen = j, false
		case unicode.IsLetter(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || r2 == '\'' || r2 == '’' || r2 == '.' && j+1 < len(text) && text[j+1] != ' ' && unicode.IsLetter(rune(text[j+1])) {
					j += s2
					continue
				}
				break
			}
			w := text[i:j]
			out = append(out, token{text: w, lower: lower(w), hyphen: hyphen,
				dot: j < len(text) && text[j] == '.', cap: unicode.IsUpper(r), start: i, end: j})
			i, hyphen = j, false
		default:
			hyphen = r == '-'
			i += size
		}
	}
	return out
}

// lower lowercases a word, without allocating when it is already lower
// case ASCII, as most words are.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		}
	}
	return w
}

// cues returns the cues of a passage's text.
func cues(text, lang string) []string {
	var found uint16
	scanCues(text, lang, func(cue uint16, _ int) { found |= cue })
	var out []string
	for i, c := range cueOrder {
		if found&(1<<i) != 0 {
			out = append(out, c)
		}
	}
	return out
}

// Each cue is a bit of a set of cues, in the order of cueOrder.
const (
	bitDate uint16 = 1 << iota
	bitDuration
	bitNumber
	bitAmount
	bitStatement
	bitReason
	bitStart
	bitPlace
	bitPerson
	bitPeople
)

// scanCues reports each cue of a text with the byte offset where it
// stands, in one pass over its words (regular expressions were the larger
// part of indexing time): a question's answer type is looked for in the
// sentence that says the question, not only in the passage.
func scanCues(text, lang string, found func(cue uint16, at int)) {
	if lang == knowledge.Korean || lang == knowledge.Japanese {
		for _, p := range cjkCuePatterns {
			for _, m := range p.re.FindAllStringIndex(text, -1) {
				found(cueBit(p.cue), m[0])
			}
		}
	}
	if lang == knowledge.Korean || lang == knowledge.Japanese {
		for _, m := range cjkCount.FindAllStringSubmatchIndex(text, -1) {
			if r, _ := utf8.DecodeRuneInString(text[m[2]:]); !notCounters[r] {
				found(bitNumber, m[0])
				if peopleCounters[r] {
					found(bitPeople, m[0])
				}
			}
		}
	}
	if lang == knowledge.Korean {
		for _, m := range koreanNameWord.FindAllStringSubmatchIndex(text, -1) {
			if koreanPerson(text[m[2]:m[3]]) {
				found(bitPerson, m[0])
			}
		}
	}
	toks := tokenize(text)
	word := func(i int) string {
		if i >= 0 && i < len(toks) {
			return toks[i].lower
		}
		return ""
	}
	isNum := func(i int) bool { return i >= 0 && i < len(toks) && toks[i].number }
	isYear := func(t token) bool { return t.number && yearDigits(t.text) }
	isMonth := func(i int) bool {
		w := word(i)
		return months[w] && toks[i].cap || monthAbbrev[w] && toks[i].dot && toks[i].cap
	}
	for i, t := range toks {
		w := t.lower
		// Dates: a year, a weekday, a day and a month.
		if isYear(t) || weekdays[w] && t.cap || isMonth(i) && (isNum(i+1) || isNum(i-1)) {
			found(bitDate, t.start)
		}
		// Durations: "ten minutes", "11-minute", "lasted"; and a span told
		// by its ends, which is how news answers "how long had X been Y":
		// "since 2004", "since January", "from 1890 until 1974", "between
		// 1939 and 1945".
		if units[w] && (isNum(i-1) || numberWords[word(i-1)]) || w == "lasted" ||
			w == "for" && (word(i+1) == "around" || word(i+1) == "about") ||
			w == "since" && i+1 < len(toks) && (isYear(toks[i+1]) || isMonth(i+1)) ||
			(w == "from" || w == "between") && i+1 < len(toks) && fourDigits(toks[i+1]) && spanEnd(toks, i+2) {
			found(bitDuration, t.start)
		}
		// Counts and sums.
		if t.number {
			next := word(i + 1)
			if currencies[next] || magnitudes[next] && currencies[word(i+2)] {
				found(bitAmount, t.start)
			}
			// A count of a plural noun, or of a compound one ("94
			// member states", "12 district courts").
			// A share written with its sign ("62.8%") is a figure as
			// much as one written "62.8 percent".
			if countNouns[next] || magnitudes[next] || next == "percent" || next == "per" && word(i+2) == "cent" || strings.HasPrefix(text[t.end:], "%") ||
				!isYear(t) && i+1 < len(toks) && !toks[i+1].cap && (pluralNoun(next) ||
					!toks[i+1].number && !stopWords[next] && thesaurus.Nominal(next) && i+2 < len(toks) && !toks[i+2].cap && pluralNoun(word(i+2))) {
				found(bitNumber, t.start)
			}
			if !isYear(t) && peopleAfter(toks, i) {
				found(bitNumber|bitPeople, t.start)
			}
		}
		if numberWords[w] && (countAfterWords[word(i+1)] || i+1 < len(toks) && !toks[i+1].cap && pluralNoun(word(i+1))) ||
			(w == "dozens" || w == "hundreds" || w == "thousands") && countAfterWords[word(i+1)] {
			found(bitNumber, t.start)
		}
		if t.money {
			found(bitAmount, t.start)
		}
		// Statements.
		if speech[w] && w != "calls" || w == "called" && (word(i+1) == "for" || word(i+1) == "it" || word(i+1) == "them" || word(i+1) == "the") ||
			w == "calls" && word(i+1) == "for" {
			found(bitStatement, t.start)
		}
		// Reasons.
		if reasons[w] || w == "due" && word(i+1) == "to" || w == "owing" && word(i+1) == "to" || w == "led" && word(i+1) == "to" ||
			w == "result" && word(i-1) == "a" && word(i-2) == "as" || w == "response" && word(i-1) == "in" ||
			w == "retaliation" || w == "order" && word(i-1) == "in" && word(i+1) == "to" || w == "over" && word(i+1) == "the" ||
			w == "so" && word(i+1) == "that" || w == "doing" && word(i-1) == "as" && word(i+1) == "so" {
			found(bitReason, t.start)
		}
		// Starts.
		if starts[w] || w == "effect" && (word(i-1) == "took" || word(i-1) == "takes" || word(i-1) == "into" && (word(i-2) == "came" || word(i-2) == "went")) ||
			w == "force" && word(i-1) == "into" && (word(i-2) == "came" || word(i-2) == "entered") ||
			w == "from" && isNum(i+1) && months[word(i+2)] {
			found(bitStart, t.start)
		}
		// Places: "in Madrid", "at the Chengdu summit".
		if t.text == "in" || t.text == "at" || t.text == "to" || t.text == "from" {
			spaced := func(a, b int) bool { return b < len(toks) && text[toks[a].end:toks[b].start] == " " }
			j := i + 1
			if word(j) == "the" && spaced(i, j) {
				j++
			}
			if spaced(j-1, j) && capitalized(toks[j].text) && !notPlaces[strings.TrimSuffix(toks[j].lower, "'s")] {
				found(bitPlace, t.start)
			}
		}
	}
	hasPerson(toks, text, func(at int) { found(bitPerson, at) })
	// Quotations of some length are statements.
	for _, q := range [][2]rune{{'"', '"'}, {'“', '”'}} {
		if at := quoted(text, q[0], q[1]); at >= 0 {
			found(bitStatement, at)
		}
	}
}

// spanEnd reports whether the tokens from i close a span begun with
// "from YEAR": "until 1974", "to 2023", "through 2019", within a few words
// ("from 1890, when ..., until 1974" is rarer than "from 1890 until 1974").
func spanEnd(toks []token, i int) bool {
	for j := i; j < min(i+4, len(toks)-1); j++ {
		switch toks[j].lower {
		case "until", "till", "to", "through", "and":
			return fourDigits(toks[j+1])
		}
	}
	return false
}

// fourDigits reports whether a token is a number of four digits, a year
// of any century.
func fourDigits(t token) bool {
	return t.number && len(t.text) == 4
}

// pluralNoun reports whether a lowercase word is the plural of a noun
// ("sites", "prefectures", "ships"): a count is a number and what it
// counts, whatever the article counts, not only the things this corpus
// happened to count.
func pluralNoun(w string) bool {
	if len(w) < 3 || stopWords[w] {
		return false
	}
	regular := strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
	if len(w) < 4 && regular || !regular && !strings.HasSuffix(w, "men") && !strings.HasSuffix(w, "ren") {
		return false
	}
	for _, l := range thesaurus.Lemmas(w) {
		if l == w || !thesaurus.Nominal(l) {
			continue
		}
		if l+"s" == w || l+"es" == w || strings.TrimSuffix(l, "y")+"ies" == w ||
			// The plurals English forms otherwise: "239 women", "five
			// fishermen", "crises", "children".
			strings.TrimSuffix(l, "man")+"men" == w || strings.TrimSuffix(l, "is")+"es" == w || l+"ren" == w {
			return true
		}
	}
	return false
}

// hasPerson reports where English text names a person: a name after a
// title or a noun for a person ("Foreign Minister Taro Kono", "Mr Abe",
// "the French actor Vincent Lindon"), a name followed by one ("Takeshi
// Iwaya, Japan's defence minister"; "Rikidozan, the professional
// wrestler"), or a Korean name, whose given name is hyphenated ("Kang
// Kyung-wha").
func hasPerson(toks []token, text string, found func(at int)) {
	name := func(i int) bool {
		return i >= 0 && i < len(toks) && capitalized(toks[i].text) && !notPlaces[toks[i].lower]
	}
	title := func(t token) bool {
		return titles[t.lower] || !t.cap && personNoun(t.lower)
	}
	for i, t := range toks {
		if name(i+1) && !toks[i+1].hyphen && title(t) {
			found(t.start)
			continue
		}
		if name(i) && name(i+1) && i+2 < len(toks) && toks[i+2].hyphen && !toks[i+2].cap {
			found(t.start)
			continue
		}
		if name(i) && i+1 < len(toks) && strings.HasPrefix(text[t.end:toks[i+1].start], ",") {
			for j := i + 1; j < min(len(toks), i+6); j++ {
				// A noun for a person ends its phrase ("the professional
				// wrestler whose"), where a word before a noun is its
				// modifier ("a small private school").
				head := j+1 == len(toks) || toks[j+1].cap || stopWords[toks[j+1].lower] || relativeWords[toks[j+1].lower] || text[toks[j].end:toks[j+1].start] != " "
				if titles[toks[j].lower] || head && !toks[j].cap && personNoun(toks[j].lower) {
					found(t.start)
					break
				}
			}
		}
	}
}

// personNoun reports whether a lowercase word is a noun for a person that
// news puts before or after a name ("actor", "wrestler", "pitcher"), as
// the thesaurus tells: the titles above are the ones it does not know.
// WordNet files some stop words ("more", "same") and short words ("ate",
// "edo") among people too, which beside a name are no role.
func personNoun(w string) bool {
	return len(w) >= 4 && !stopWords[w] && thesaurus.Person(w)
}

// cjkCount finds a number and the word right after it in Korean or
// Japanese text, which is what the number counts (4部門, 4度目, 104カ国,
// 1500여개 매장, 3명), whatever the counter, unless it is one of
// notCounters.
var cjkCount = regexp.MustCompile(`\d[\d,.]*\s?(?:천|만|억|千|万|億)?\s?(?:여|余|数)?\s?([\p{Han}\p{Katakana}\p{Hangul}])`)

// notCounters are the first letters of the words after a number that make
// it no count: a date or a time (年, 월), a sum (円, 원, ドル, 달러), a
// magnitude before one (조, 兆), a rank (위, 位), a round or an ordinal
// round (차, 次), a number of a law or an item (号, 호, 条, 조).
var notCounters = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "년월일시분초원달엔조위차호" + "年月日時分秒円ド兆位次号条世代" {
		m[r] = true
	}
	return m
}()

// peopleCounters are the Korean and Japanese counters of people.
var peopleCounters = map[rune]bool{'명': true, '人': true, '名': true}

// peopleAfter reports whether the number at toks[i] counts people: a
// plural noun for people follows it, within two words that are no stop
// words ("160 students", "13 co-authoring lawmakers", "7,539,000 South
// Koreans").
func peopleAfter(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		w := toks[j].lower
		if toks[j].number || stopWords[w] {
			return false
		}
		if peopleNoun(w) {
			return true
		}
	}
	return false
}

// peopleNoun reports whether a lowercase word names people counted:
// "people", "persons", or a plural noun whose singular the thesaurus
// files among people ("students", "Koreans").
func peopleNoun(w string) bool {
	if w == "people" || w == "persons" {
		return true
	}
	if !pluralNoun(w) {
		return false
	}
	for _, l := range thesaurus.Lemmas(w) {
		if l != w && thesaurus.Person(l) {
			return true
		}
	}
	return false
}

// cjkCuePatterns find the cues in Korean and Japanese text, which the word
// by word reading above, made for English, does not: dates written
// 2019년 7월 4일 or 2019年7月4日, durations, counts with their counters,
// sums in won, yen and dollars, causes, statements and places.
var cjkCuePatterns = []struct {
	re  *regexp.Regexp
	cue string
}{
	{regexp.MustCompile(`\d{4}\s?[년年]|\d{1,2}\s?[월月]\s?\d{1,2}\s?[일日]|[월화수목금토일]요일|[月火水木金土日]曜`), cueDate},
	{regexp.MustCompile(`\d+\s?(분|시간|개월|년간|日間|分間|時間|か月|ヶ月|年間)|\d{4}\s?(년부터|년 이후|年から|年以来)`), cueDuration},
	// A count with its counter is cjkCount's; a share's sign and か所,
	// which is no Han, katakana or Hangul, are not words.
	{regexp.MustCompile(`\d[\d,.]*\s?(?:천|만|억|千|万|億)?\s?(?:여|余)?\s?(?:%|％|か所)`), cueNumber},
	{regexp.MustCompile(`\d[\d,.]*\s?(?:억|조|만|万|億|兆)?\s?(원|엔|달러|유로|위안|円|ドル|ウォン|ユーロ)|[₩¥$€]\s?\d`), cueAmount},
	{regexp.MustCompile(`때문|이유|배경|이라며|라며|로 인해|에 따라|ため|理由|背景|として|により|を受け`), cueReason},
	// A quotation with a verb of saying says what someone said, as in
	// English (「記録が見当たらない」と答えた; “…”이라고 평가했다), not a
	// quoted name or rumour (「日本に行かない」という動き).
	{regexp.MustCompile(`밝혔|말했|강조했|주장했|비판했|요구했|답했|설명했|지적했|述べ|語っ|強調し|表明し|批判し|求め|と話し|と発表|と答え|と説明|と指摘|」と(?:答|説明|述|語|話|強調|指摘|批判|主張|訴え|反論|言っ)|”\s?이?라(?:고|며)`), cueStatement},
	// A place: a meeting's, or a name of a place with its kind (市, 区,
	// 公園, 会館; 시, 공원, 회관) where something is or happens (東京都港区の
	// 韓国中央会館で, 都立横網町公園で; 부산항에서, 서울시청에서 is not one: 청).
	{regexp.MustCompile(`에서 (열린|만나|회담)|で(開か|会談|行わ)|\p{Han}(?:都|道|府|県|市|区|町|村|館|公園|港|駅|島)(?:で|に|から)|[가-힣](?:시|군|공원|회관|센터|역|항)에서`), cuePlace},
	{regexp.MustCompile(`\d\s?[일日]\s?(?:부터|から)|\d{4}\s?[년年]\s?(?:부터|から)|시행(?:됐|되었|에 들어|했|된)|발효|효력이 발생|기해 발생|施行さ|発効|開始さ|始まっ|시작됐|시작되었`), cueStart},
	{personCue, cuePerson},
}

// personCue finds a person named with a title (see lang.PersonTitles): in
// Korean the name, a space and the title, alone or at the end of a word
// (김관영 전북지사는), then a particle or no more Hangul (not 대사관, an
// embassy), or a name with 씨 or 님; in Japanese a name in kanji or
// katakana, its reading in brackets, then the title or さん, as Japanese
// news names a private person (坂泰斗さん, 金在龍（キム・ジェヨン）社長).
var personCue = regexp.MustCompile(`[가-힣]{2,4} (?:[가-힣]+ )?[가-힣]*(?:` + titlesOf(lang.Hangul) + `)(?:[은는이가의을를도와과께에로]|[^가-힣]|$)|[가-힣]{2,4} ?(?:씨|님)|(?:\p{Han}{2,4}|[\p{Katakana}ー]{2,}(?:・[\p{Katakana}ー]+)*)(?:（[^）]{1,20}）)?(?:` + titlesOf(lang.Kanji) + `|さん|さま|様)`)

// titlesOf is the pattern of the titles of persons in a script.
func titlesOf(script lang.Script) string {
	return strings.Join(lang.PersonTitles(script), "|")
}

// koreanNameWord is a word of three Hangul syllables and a particle, as
// Korean news names a person without a title (한국 선발 김광현은, 양의지가,
// 이정후의), or the word and a bracket, where the news gives a person's age
// or team (김진혁(41)씨, 양의지(두산 베어스)가): the word is a name when
// koreanPerson says so.
var koreanNameWord = regexp.MustCompile(`(?:^|[\s(“"'‘])([가-힣]{3})(?:(?:은|는|이|가|의|을|를|도|와|과|에게|씨)(?:[\s,.)”"'’]|$)|\()`)

// koreanPerson reports whether a word of three Hangul syllables reads as a
// Korean personal name: a surname, then a given name, and no word of the
// dictionary (한국인, "a Korean", begins with the surname 한 too).
func koreanPerson(word string) bool {
	_, _, ok := lang.KoreanName(word)
	return ok && len(dictionary.Korean(word)) == 0 && len(dictionary.Split(word, true)) < 2
}

// capitalized reports whether a word is written like a name: a capital,
// then small letters ("Madrid", not "MHI").
func capitalized(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || size >= len(w) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(w[size:])
	return unicode.IsLower(r2) && !strings.Contains(w, ".")
}

// quoted returns the byte offset of the first quotation of at least 12
// characters between open and close in text, or -1.
func quoted(text string, open, close rune) int {
	off := 0
	for {
		i := strings.IndexRune(text[off:], open)
		if i < 0 {
			return -1
		}
		start := off + i
		rest := text[start+utf8.RuneLen(open):]
		j := strings.IndexRune(rest, close)
		if j < 0 {
			return -1
		}
		if utf8.RuneCountInString(rest[:j]) >= 12 {
			return start
		}
		off = start + utf8.RuneLen(open) + j + utf8.RuneLen(close)
	}
}
