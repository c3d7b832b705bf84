package newsgen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Question lengths, in words (strings.Fields).
const (
	MinQuestionWords = 4
	MaxQuestionWords = 12
)

// typoRate is the share of questions with one misspelt word.
const typoRate = 0.15

// cjkRate is the share of names and terms in questions written in Korean
// or Japanese script.
const cjkRate = 0.2

// Slots of question templates, each a list of fillers in English and in
// Korean or Japanese script.
var (
	qPersons = []string{
		"Motegi", "Toshimitsu Motegi", "Kang Kyung-wha", "Kang Kyung Wha", "Kang", "Shinzo Abe", "Abe",
		"Moon Jae-in", "President Moon", "Suga", "Kishida", "Yoon Suk Yeol", "Taro Kono", "Moon Hee-sang",
		"Hiroshige Seko", "Lee Chun-sik", "Park Jin",
	}
	qPersonsCJK = []string{"강경화", "茂木敏充", "모테기", "安倍晋三", "문재인", "文在寅", "스가", "岸田文雄", "윤석열", "문희상", "康京和"}
	qTerms      = []string{
		"export controls", "the white list", "whitelist", "GSOMIA", "the intelligence-sharing pact",
		"wartime labor", "forced labor", "compensation", "the Supreme Court ruling", "Nippon Steel",
		"Mitsubishi Heavy", "semiconductors", "photoresist", "hydrogen fluoride", "the 1965 agreement",
		"the boycott", "asset seizure", "the WTO case", "shuttle diplomacy", "the summit", "export curbs",
		"the top court", "the trade dispute", "North Korea",
	}
	qTermsCJK  = []string{"수출규제", "輸出規制", "화이트리스트", "지소미아", "徴用工", "강제징용", "대법원", "日本製鉄", "불매운동", "반도체", "ホワイト国"}
	qPlaces    = []string{"Madrid", "Nagoya", "Chengdu", "Seoul", "Tokyo", "Geneva", "Bangkok"}
	qPlacesCJK = []string{"마드리드", "東京", "서울", "成都"}
	qCountries = []string{"Japan", "South Korea", "Seoul", "Tokyo", "S. Korea", "Korea"}
	qCompanies = []string{"Nippon Steel", "Mitsubishi Heavy Industries", "POSCO", "Samsung", "SK Hynix"}
)

// templates are question shapes; {X} is a slot: P and Q people, T and U
// terms, L a place, C and D countries, K a company, W a content word of the
// vocabulary, Y a year, M a date.
var templates = []string{
	"When did {P} meet {Q}?",
	"When did {P} and {Q} meet in {L}?",
	"What did {P} say about {T}?",
	"What did {P} say about {W} and {T}?",
	"How long did the talks between {P} and {Q} last?",
	"How long did the {T} {W} last?",
	"Why did {C} {W} {T}?",
	"What is {T} and why does it matter?",
	"When did {C} {W} {T}?",
	"What happened to {T} after {M}?",
	"Did the Supreme Court rule on {T} in {Y}?",
	"how much {W} did {K} pay over {T}",
	"what's the latest on {T} and {W}",
	"{P} {T} {W} {Y}",
	"{T} {W} {W} {L}",
	"Who is {P} and what is their {W} on {T}?",
	"Is {C} still {W} {T} with {D}?",
	"tell me about {T} {W}",
	"What did {C} and {D} agree on {T} in {L}?",
	"How many {W} were affected by {T}?",
	"When was {T} {W} by {C}?",
	"What was the outcome of {T} talks in {Y}?",
	"{P} {Q} {L} {W} 회담 언제",
	"Why does {C} oppose {T} {W}?",
	"did {P} {W} the {T} {W}",
	"What does {T} mean for {K}?",
}

// Questions returns n questions of MinQuestionWords to MaxQuestionWords
// words such as users ask: glossary names and terms (a fifth of them in
// Korean or Japanese script), words of the corpus vocabulary, question words
// ("when did", "how long", "what did ... say about"), and a misspelt word in
// about one question in seven. The same seed gives the same questions.
func Questions(seed int64, n int) []string {
	g := newGenerator(seed, 0x7175657374696f6e)
	out := make([]string, 0, n)
	for len(out) < n {
		q := g.question()
		if k := len(strings.Fields(q)); k >= MinQuestionWords && k <= MaxQuestionWords {
			out = append(out, q)
		}
	}
	return out
}

// question fills a random template.
func (g *generator) question() string {
	t := templates[g.r.IntN(len(templates))]
	var b strings.Builder
	var last string // the person or country of the previous slot, not repeated
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			break
		}
		b.WriteString(t[:i])
		slot := t[i+1]
		t = t[i+3:]
		var v string
		for v == "" || v == last {
			v = g.fill(slot)
		}
		if slot == 'P' || slot == 'Q' || slot == 'C' || slot == 'D' {
			last = v
		}
		b.WriteString(v)
	}
	q := b.String()
	if g.r.Float64() < typoRate {
		q = g.typo(q)
	}
	return q
}

// fill draws a filler for a template slot.
func (g *generator) fill(slot byte) string {
	either := func(en, cjk []string) string {
		if g.r.Float64() < cjkRate {
			return cjk[g.r.IntN(len(cjk))]
		}
		return en[g.r.IntN(len(en))]
	}
	switch slot {
	case 'P', 'Q':
		return either(qPersons, qPersonsCJK)
	case 'T', 'U':
		return either(qTerms, qTermsCJK)
	case 'L':
		return either(qPlaces, qPlacesCJK)
	case 'C', 'D':
		return qCountries[g.r.IntN(len(qCountries))]
	case 'K':
		return qCompanies[g.r.IntN(len(qCompanies))]
	case 'Y':
		return []string{"2018", "2019", "2020", "2021", "2022", "2023"}[g.r.IntN(6)]
	case 'M':
		d := firstDay.AddDate(0, 0, g.r.IntN(int(lastDay.Sub(firstDay).Hours()/24)+1))
		return apMonths[d.Month()-1] + " " + d.Format("2, 2006")
	default: // 'W'
		return g.v.contentWord(g.r)
	}
}

// typo misspells one Latin word of five letters or more: two neighbouring
// letters swapped, a letter dropped or a letter doubled.
func (g *generator) typo(q string) string {
	words := strings.Fields(q)
	var cands []int
	for i, w := range words {
		if utf8.RuneCountInString(w) >= 5 && isLetters(w) {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return q
	}
	i := cands[g.r.IntN(len(cands))]
	w := words[i]
	k := 1 + g.r.IntN(len(w)-2) // never the first letter
	switch g.r.IntN(3) {
	case 0:
		w = w[:k] + w[k+1:k+2] + w[k:k+1] + w[k+2:]
	case 1:
		w = w[:k] + w[k+1:]
	default:
		w = w[:k+1] + w[k:]
	}
	words[i] = w
	return strings.Join(words, " ")
}

// isLetters reports whether w is made of ASCII letters only.
func isLetters(w string) bool {
	for _, r := range w {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
