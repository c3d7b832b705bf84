package index

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge/lang"
)

// The dispute is a string of measures each side took against the other,
// many of them mirrored: Japan took South Korea off its white list and
// South Korea took Japan off its own; each summoned the other's
// ambassador; each put the other back in 2023. A question that names both
// countries asks about one direction ("when did seoul remove japan from
// its own white list", "한국이 일본을 화이트리스트에 다시 넣은 게 언제야?"),
// and the passages on the other direction share all of its words. Who
// acts is said by word order in English and by particles in Korean and
// Japanese; the ranking favours passages whose sentences have the
// question's actor as their subject (see ranking.Actor).

// side is one of the two countries, as the actor of a question or a
// passage.
type side int8

const (
	noSide side = iota
	japanSide
	koreaSide
)

// other returns the other country.
func (s side) other() side {
	switch s {
	case japanSide:
		return koreaSide
	case koreaSide:
		return japanSide
	}
	return noSide
}

// englishCountry finds the names of the two countries in English text,
// with the possessive that makes a country the owner of what follows
// ("Japan's white list"). "Korean" and "Japanese" are not countries: they
// describe people and companies, who act on their own.
var englishCountry = regexp.MustCompile(`(?i)\b(?:(north )?(south korea|s\. ?korea|korea|seoul|rok|sk)|(japan|tokyo))(?:'s|’s)?\b`)

// koreanCountry and japaneseCountry find the two countries in Korean and
// Japanese text with the particle that follows them, which says their
// role: subject or topic (은, 는, 이, 가, 도; は, が, も) or object (을,
// 를; を).
var (
	koreanCountry   = regexp.MustCompile(`(한국|우리 ?정부|우리나라|서울|일본|도쿄)(은|는|이|가|도|을|를)?`)
	japaneseCountry = regexp.MustCompile(`(韓国|ソウル|日本|東京)(は|が|も|を)?`)
)

// sideOf names the country of a match of the patterns above.
func sideOf(name string) side {
	switch strings.ToLower(name) {
	case "japan", "tokyo", "일본", "도쿄", "日本", "東京":
		return japanSide
	case "":
		return noSide
	}
	return koreaSide
}

// mention is a country said in a text, with its role where a particle
// says it.
type mention struct {
	side    side
	start   int
	subject bool // a subject or topic particle follows
	object  bool // an object particle follows
}

// mentions finds the countries said in text, in order. North Korea is not
// one of them.
func mentions(text string) []mention {
	var out []mention
	for _, m := range englishCountry.FindAllStringSubmatchIndex(text, -1) {
		if m[2] >= 0 {
			continue // North Korea
		}
		name := ""
		if m[4] >= 0 {
			name = text[m[4]:m[5]]
		} else {
			name = text[m[6]:m[7]]
		}
		out = append(out, mention{side: sideOf(name), start: m[0]})
	}
	hangul, han := scripts(text)
	for _, re := range []*regexp.Regexp{koreanCountry, japaneseCountry} {
		if re == koreanCountry && !hangul || re == japaneseCountry && !han {
			continue // searched by the ranking of every candidate: skip what cannot match
		}
		// North Korea (북한, 北朝鮮) holds neither name.
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			mt := mention{side: sideOf(text[m[2]:m[3]]), start: m[0]}
			if m[4] >= 0 {
				switch text[m[4]:m[5]] {
				case "을", "를", "を":
					mt.object = true
				default:
					mt.subject = true
				}
			}
			out = append(out, mt)
		}
	}
	// Patterns ran one after another: put the mentions in text order.
	slices.SortStableFunc(out, func(a, b mention) int { return cmp.Compare(a.start, b.start) })
	return out
}

// passiveWords make the English country after them the one acted on: a
// passive or a copula ("when was south korea taken off", "is korea still
// on"), so the other country acts.
var passiveWords = set("was were is are been being be get got gets")

// prepositions make the English country after them no actor ("exports to
// South Korea"), and say nothing of who is.
var prepositions = set("to against on from with toward towards into onto at in for of")

// wordBefore returns the word that ends just before byte i of text, in
// lower case.
func wordBefore(text string, i int) string {
	head := strings.TrimRight(text[:i], " ,")
	j := strings.LastIndexAny(head, " ,.;:!?(\"") + 1
	return strings.ToLower(head[j:])
}

// actorOf returns who acts in a clause or a question: the first country
// that is a subject by its particle, or, failing that, the other one of
// a country that is an object; in English, the first country not placed
// after a preposition, or the other one if a passive puts it there.
func actorOf(text string, ms []mention) side {
	for _, m := range ms {
		switch {
		case m.subject:
			return m.side
		case m.object:
			return m.side.other()
		}
	}
	for _, m := range ms {
		if r, _ := utf8.DecodeRuneInString(text[m.start:]); r >= utf8.RuneSelf {
			continue // Korean or Japanese without a particle: no role said
		}
		w := wordBefore(text, m.start)
		switch {
		case passiveWords[w]:
			return m.side.other()
		case prepositions[w]:
			continue
		}
		return m.side
	}
	return noSide
}

// questionActor returns the country a question asks what it did, when the
// question names both: a question about one country alone says nothing of
// direction.
func questionActor(text string) side {
	ms := mentions(text)
	var saw [3]bool
	for _, m := range ms {
		saw[m.side] = true
	}
	if !saw[japanSide] || !saw[koreaSide] {
		return noSide
	}
	for i := 1; i < len(ms); i++ {
		if ms[i].side != ms[i-1].side && together.MatchString(text[ms[i-1].start:ms[i].start]) {
			return noSide // "ties between tokyo and seoul", 한일, 日韓: both
		}
	}
	return actorOf(text, ms)
}

// together matches a country name and what joins it to the next, when
// the two are named as a pair: "tokyo and seoul", "japan-korea", "한국과
// 일본", "日本と韓国".
var together = regexp.MustCompile(`(?i)^\S+(?:'s)?\s*(?:and|&|-|–|/|or|vs\.?|versus)\s*(?:the\s+)?$|^\S+?(?:와|과|랑|이랑|하고|と|や|・)\s*$`)

// sentenceEnd splits passages into sentences for passageActor: English,
// Japanese and Korean full stops.
var sentenceEnd = regexp.MustCompile(`[.!?。！？](?:\s|$)`)

// scripts reports whether text holds Hangul, and kanji or katakana.
func scripts(text string) (hangul, han bool) {
	for _, r := range text {
		switch lang.ScriptOf(r) {
		case lang.Hangul:
			hangul = true
		case lang.Kanji, lang.Katakana:
			han = true
		}
	}
	return hangul, han
}

// passageActor returns the country most of a passage's sentences have as
// their actor, or noSide when neither has more.
func passageActor(text string) side {
	all := mentions(text)
	if len(all) == 0 {
		return noSide
	}
	var count [3]int
	start := 0
	for _, loc := range append(sentenceEnd.FindAllStringIndex(text, -1), []int{len(text), len(text)}) {
		end := loc[1]
		var ms []mention
		for _, m := range all {
			if m.start >= start && m.start < end {
				m.start -= start
				ms = append(ms, m)
			}
		}
		if len(ms) > 0 {
			count[actorOf(text[start:end], ms)]++
		}
		start = end
	}
	switch {
	case count[japanSide] > count[koreaSide]:
		return japanSide
	case count[koreaSide] > count[japanSide]:
		return koreaSide
	}
	return noSide
}
