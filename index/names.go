package index

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/dictionary"
	"github.com/disputebot/disputebot/knowledge/lang"
	"github.com/disputebot/disputebot/knowledge/thesaurus"
)

// Names are what a question and an article most often write in different
// scripts: a Korean article writes a Japanese or Western name by ear
// (다르빗슈), a Japanese one a Korean name in Chinese characters (辛格浩)
// or a foreign one in katakana (ロッテ), an English one a Korean name in
// one of several romanizations (Shin Kyuk-ho) and a Japanese name with or
// without its long vowels (Ohtani). The functions here read a question's
// names into the spellings the corpus holds; the corpus decides among
// them.

// latinWord is a word in Latin letters, of which three may be a Korean
// personal name as English writes it, the given name's syllables apart
// or joined by a hyphen ("Shin Kyuk-ho").
var latinWord = regexp.MustCompile(`[A-Za-z]+`)

// koreanLatinNames adds the Korean personal names a question spells in
// Latin letters that a Korean article writes in Hangul (Lee Kang-chul:
// 이강철) or a Japanese one in Chinese characters (Shin Kyuk-ho: 辛格浩,
// read through its Hangul), each one concept, at confidence Romanized,
// and returns the text without them: a surname and a given name of two
// syllables, surname first or last ("Dong-bin Shin"). The corpus decides
// among the Hangul a spelling may be (see lang.KoreanNameOf). A name that
// English articles write is one concept too, its surname alone a part of
// it, as the articles refer back to the person (Yun Dong-ju: Yun). One of
// the lexicon is left to the lexicon; one the lexicon does not know is
// read before it, which would take its words for others' (Kang of Lee
// Kang-chul is not Kang Kyung-wha).
func (a *reading) koreanLatinNames(text string) string {
	if a.r.Romanized <= 0 {
		return text
	}
	out := []byte(text)
	words := latinWord.FindAllStringIndex(text, -1)
	for i := 0; i+2 < len(words); i++ {
		w := func(k int) string { return text[words[i+k][0]:words[i+k][1]] }
		// Three words in a row, apart by a space or a hyphen.
		apart := func(k int) bool {
			s := strings.TrimSpace(text[words[i+k][1]:words[i+k+1][0]])
			return s == "" || s == "-"
		}
		if !apart(0) || !apart(1) {
			continue
		}
		// The Hangul the words may spell, surname first or last: most
		// triples of words spell none, which a look-up tells.
		var hangul [2][]string
		surname := ""
		for o, order := range [][3]int{{0, 1, 2}, {2, 0, 1}} {
			hangul[o] = lang.KoreanNameOf(w(order[0]), w(order[1]), w(order[2]))
			if len(hangul[o]) > 0 && surname == "" {
				surname = strings.ToLower(w(order[0]))
			}
		}
		if a.addLatinName(strings.ToLower(w(0)+" "+w(1)+" "+w(2)), surname, hangul) {
			for k := words[i][0]; k < words[i+2][1]; k++ {
				out[k] = ' '
			}
			i += 2
		}
	}
	// Two words: a surname and a given name whose syllables English
	// writes together (Yu Miri: 유미리, 柳美里), surname first or last, kept
	// where the corpus writes one of the names they may be: an English
	// word, as the given name's two syllables, seldom spells one.
	text = string(out)
	words = latinWord.FindAllStringIndex(text, -1)
	for i := 0; i+1 < len(words); i++ {
		first, second := text[words[i][0]:words[i][1]], text[words[i+1][0]:words[i+1][1]]
		if strings.TrimSpace(text[words[i][1]:words[i+1][0]]) != "" {
			continue
		}
		var hangul [2][]string
		surname := ""
		for o, pair := range [][2]string{{first, second}, {second, first}} {
			if sur, g := strings.ToLower(pair[0]), strings.ToLower(pair[1]); stopWords[sur] || askingWords[sur] || stopWords[g] || askingWords[g] {
				continue // in tokyo, do you
			}
			hangul[o] = lang.KoreanNameJoined(pair[0], pair[1])
			if len(hangul[o]) > 0 && surname == "" {
				surname = strings.ToLower(pair[0])
			}
		}
		if a.addLatinName(strings.ToLower(first+" "+second), surname, hangul) {
			for k := words[i][0]; k < words[i+1][1]; k++ {
				out[k] = ' '
			}
			i++
		}
	}
	return string(out)
}

// addLatinName adds the concept of a Korean personal name a question
// spells in Latin letters (label), from the Hangul it may be, surname
// first and last, where the corpus holds a spelling of it, and reports
// whether it did; surname is "" when the words spell no name.
func (a *reading) addLatinName(label, surname string, hangul [2][]string) bool {
	idx, st, r := a.idx, a.st, a.r
	if surname == "" {
		return false
	}
	c := concept{label: label}
	if ms, rest := idx.glossary.Match(c.label); len(ms) == 1 && strings.TrimSpace(rest) == "" {
		return false // a name of the lexicon, with its spellings there
	}
	for _, names := range hangul {
		for _, h := range names {
			if idx.hasLanguage(knowledge.Korean) {
				c.addAlt(st, knowledge.Korean, idx.phraseIn(knowledge.Korean, h), r.Romanized, a.seen)
			}
			if idx.hasLanguage(knowledge.Japanese) && r.CrossReading > 0 {
				for _, k := range kanjiSpellings(st, h) {
					c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, k), r.Romanized*r.CrossReading, a.seen)
				}
				// Japanese news writes most Korean names by their sound
				// (Park Chan-wook: パク・チャヌク), as for a name in Hangul.
				idx.addKatakanaName(st, &c, h, r, a.seen)
			}
		}
	}
	// Two words are a name where an article writes one of the names
	// they may be in Hangul or kanji: "kang meeting" is in English
	// reports, and no name.
	if english := idx.phraseIn(knowledge.English, c.label); len(c.alts) > 0 || len(strings.Fields(c.label)) > 2 {
		c.addAlt(st, knowledge.English, english, 1, a.seen)
	}
	if len(c.alts) == 0 {
		return false
	}
	c.weigh(st, nil, a.n, r, "")
	// An English article names the person in full once and by the
	// surname after ("Yun was sent to Fukuoka Prison").
	if c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, surname), r.PartCredit, a.seen) {
		c.alts[len(c.alts)-1].part = true
	}
	a.add(c)
	return true
}

// katakanaName is a word in katakana, or two joined by the middle dot
// Japanese puts between a foreigner's names (キム・ヨナ).
var katakanaName = regexp.MustCompile(`[ァ-ヴ][ァ-ヴー]*(?:[・･][ァ-ヴ][ァ-ヴー]*)?`)

// katakanaKoreanNames adds the Korean personal names a question writes in
// katakana, as Japanese writes them (ソン・ガンホ: 송강호, Song Kang-ho;
// ペ・ドゥナ: 배두나, Bae Doona), each one concept, and returns the text
// without them. The Hangul a katakana name may be is read by
// lang.KatakanaHangul, kept when it reads as a Korean name (a surname and
// a given name of two syllables), and spelt as a Korean article (Hangul)
// and English news (see addKoreanName) write it, where the corpus holds
// the spelling; a Japanese article's own katakana counts too. A word of
// the dictionary (コーチ, "coach") is no name.
func (a *reading) katakanaKoreanNames(text string) string {
	idx, st, r := a.idx, a.st, a.r
	if r.Romanized <= 0 {
		return text
	}
	out := []byte(text)
	for _, m := range katakanaName.FindAllStringIndex(text, -1) {
		word := text[m[0]:m[1]]
		if utf8.RuneCountInString(word) < 3 || dictionary.Japanese(word) != nil || idx.glossary.Variant(word) != nil {
			continue
		}
		c := concept{label: word}
		memo := map[string]string{}
		surnames := map[string]bool{}
		for _, h := range lang.KatakanaHangul(word) {
			if sur := idx.addHangulName(st, &c, h, r.Romanized, r, a.seen, memo); sur != "" {
				surnames[sur] = true
			}
		}
		if len(c.alts) == 0 {
			continue
		}
		if idx.hasLanguage(knowledge.Japanese) {
			c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, word), 1, a.seen)
		}
		c.weigh(st, nil, a.n, r, "")
		// An English article names the person in full once and by the
		// surname after.
		for _, sur := range slices.Sorted(maps.Keys(surnames)) {
			if c.addAlt(st, knowledge.English, []string{sur}, r.PartCredit, a.seen) {
				c.alts[len(c.alts)-1].part = true
			}
		}
		a.add(c)
		for k := m[0]; k < m[1]; k++ {
			out[k] = ' '
		}
	}
	return string(out)
}

// addHangulName adds a Korean personal name written in Hangul, when it
// reads as one (see lang.KoreanName), as a Korean article writes it, at
// conf, and as English news spells it (see koreanNameSpellings, whose
// memo it passes on), and returns the surname's term it added in English
// or "".
func (idx *Index) addHangulName(st stats, c *concept, hangul string, conf float64, r ranking, seen map[string]bool, memo map[string]string) string {
	if _, _, ok := lang.KoreanName(hangul); !ok {
		return ""
	}
	if idx.hasLanguage(knowledge.Korean) {
		c.addAlt(st, knowledge.Korean, idx.phraseIn(knowledge.Korean, hangul), conf, seen)
	}
	return idx.koreanNameSpellings(st, c, hangul, r, seen, memo)
}

// addKatakanaName adds a Korean personal name written in Hangul, when it
// reads as one, as a Japanese article writes it by its sound (see
// lang.HangulKatakana), at Romanized times CrossReading.
func (idx *Index) addKatakanaName(st stats, c *concept, hangul string, r ranking, seen map[string]bool) {
	if _, _, ok := lang.KoreanName(hangul); !ok || r.CrossReading <= 0 || !idx.hasLanguage(knowledge.Japanese) {
		return
	}
	for _, k := range lang.HangulKatakana(hangul) {
		c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, k), r.Romanized*r.CrossReading, seen)
	}
}

// addNameSpellings adds, at confidence Romanized, a Korean place or thing
// of a Korean article as English spells it (geoje: 거제) and a Japanese
// place or person of a Japanese article (takamatsu: 高松): a Japanese name
// is in both (matsuno: 마쓰노 and 松野).
//
// A foreign name a Korean article writes by ear is found by its sound (see
// loanKey): darvish is 다르빗슈, lotte 롯데, shohei 쇼헤이. A Japanese
// article's katakana is indexed in pairs of characters, from which its
// words cannot be listed to compare: the name is spelt in katakana as
// Japanese would (lang.SpellKatakana: ロッテ) and looked up. A Japanese
// name's long o, which English may write oh (Ohtani, Satoh), is no letter
// in Korean (오타니, 사토).
func (idx *Index) addNameSpellings(st stats, c *concept, word string, r ranking, seen map[string]bool) {
	// A name the dictionary glosses (busan: 釜山, which a Korean
	// article reads 부산).
	for _, t := range dictionary.ProperName(word) {
		idx.addJapaneseWord(st, c, t, r.Romanized, r.Compound, seen)
	}
	spellings := []string{word}
	if short := shortVowels(word); short != word {
		spellings = append(spellings, short)
	}
	for _, w := range spellings {
		for _, k := range st.koreanSpelled(w) {
			c.addAlt(st, knowledge.Korean, []string{k}, r.Romanized, seen)
		}
		if idx.hasLanguage(knowledge.Korean) {
			for _, k := range byEar(w, koreanWordsByKey(st)) {
				c.addAlt(st, knowledge.Korean, []string{k}, r.Romanized, seen)
			}
		}
		if !idx.hasLanguage(knowledge.Japanese) {
			continue
		}
		for _, k := range lang.SpellKatakana(w) {
			c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, k), r.Romanized, seen)
		}
		// An English word a Japanese article borrows (webtoon:
		// ウェブトゥーン), which the rules of SpellKatakana, made for
		// names, do not spell: the article's katakana words by sound.
		for _, k := range byEar(w, st.katakanaLoanwords) {
			c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, k), r.Romanized, seen)
		}
		idx.addRomajiNames(st, c, w, r, seen)
	}
}

// addRomajiNames adds, at confidence Romanized, the Japanese names in
// kanji that a romanized word reads as (matsuno: 松野; otani: 大谷), as a
// Japanese article writes them.
func (idx *Index) addRomajiNames(st stats, c *concept, romaji string, r ranking, seen map[string]bool) {
	for _, name := range dictionary.NamesRomaji(romaji) {
		c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, name), r.Romanized, seen)
	}
}

// koreanWordsByKey looks up the Korean words of the corpus of a loan key,
// without the compounds that hold them (see koreanLoanwords), for byEar.
func koreanWordsByKey(st stats) func(key string) []string {
	return func(key string) []string {
		words, _ := st.koreanLoanwords(key)
		return words
	}
}

// byEar returns the borrowed words that look finds by the loan key of a
// word in Latin letters, or failing that by the key of the word without
// the r English spells after a vowel and Japanese and Korean do not say
// (familymart: ファミリーマート; walmart: 월마트).
func byEar(word string, look func(key string) []string) []string {
	if found := look(loanKey(word)); len(found) > 0 {
		return found
	}
	if nr := nonRhotic(word); nr != word {
		return look(loanKey(nr))
	}
	return nil
}

// nonRhotic returns an English word without the r it spells after a
// vowel and before a consonant or at its end, which a borrowing into
// Japanese does not say (mart: マート, card: カード, center: センター).
func nonRhotic(word string) string {
	vowel := func(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }
	var b strings.Builder
	for i := 0; i < len(word); i++ {
		if word[i] == 'r' && i > 0 && vowel(word[i-1]) && (i+1 == len(word) || !vowel(word[i+1])) {
			continue
		}
		b.WriteByte(word[i])
	}
	return b.String()
}

// shortVowels returns a Japanese name as Hepburn writes it without its
// long o's h (ohtani: otani; satoh: sato), the inverse of
// englishSpellings.
func shortVowels(word string) string {
	var b strings.Builder
	for i := 0; i < len(word); i++ {
		if word[i] == 'h' && i > 0 && word[i-1] == 'o' && (i+1 == len(word) || !strings.ContainsRune("aeiouy", rune(word[i+1]))) {
			continue
		}
		b.WriteByte(word[i])
	}
	return b.String()
}

// romanizedName reports whether a romanized Korean or Japanese word is
// long enough to be looked up in the corpus as a name: from
// minRomanizedRunes, or of three letters when no English word is spelt so
// (uji of 우지 and 宇治, oda, ise; not mao, which the thesaurus knows).
func romanizedName(term string) bool {
	n := utf8.RuneCountInString(term)
	return n >= minRomanizedRunes || n == 3 && !thesaurus.Known(term)
}

// romanizedTerm returns the one term the index makes of a name's spelling
// in Latin letters where the corpus holds it and it is long enough to
// tell a name (minRomanizedRunes), or "".
func (idx *Index) romanizedTerm(st stats, spelling string) string {
	if terms := idx.analyze1(spelling); len(terms) == 1 && utf8.RuneCountInString(terms[0]) >= minRomanizedRunes && st.docFreq(terms[0]) > 0 {
		return terms[0]
	}
	return ""
}

// addKoreanName adds the spellings of a Korean personal name that the
// corpus holds (see lang.KoreanName): surname and given name, the given
// name in two words ("Lee Yong-soo") or one ("Lee Yongsoo"), at confidence
// Romanized, and reports whether it added one.
func (idx *Index) addKoreanName(st stats, c *concept, word string, r ranking, seen map[string]bool) bool {
	return idx.koreanNameSpellings(st, c, word, r, seen, nil) != ""
}

// koreanNameSpellings adds the spellings of a Korean personal name that the
// corpus holds, as addKoreanName does, and returns the surname's analyzed
// term when it added one. memo, when not nil, keeps the look-ups of
// spellings between calls: a katakana name reads as many Hangul ones that
// share their syllables.
func (idx *Index) koreanNameSpellings(st stats, c *concept, word string, r ranking, seen map[string]bool, memo map[string]string) string {
	surname, given, ok := lang.KoreanName(word)
	if !ok || r.Romanized <= 0 {
		return ""
	}
	// term is the one analyzed term of a spelling the corpus holds.
	term := func(s string) string {
		if t, ok := memo[s]; ok {
			return t
		}
		out := ""
		if t := idx.analyze1(s); len(t) == 1 && st.docFreq(t[0]) > 0 {
			out = t[0]
		}
		if memo != nil {
			memo[s] = out
		}
		return out
	}
	var surnames []string
	for _, s := range surname {
		if t := term(s); t != "" {
			surnames = append(surnames, t)
		}
	}
	if len(surnames) == 0 {
		return ""
	}
	// The given name's spellings the corpus holds, in one word or two,
	// read once for every surname.
	second := make([]string, len(given[1]))
	for i, g2 := range given[1] {
		second[i] = term(g2)
	}
	var givens [][]string
	for _, g1 := range given[0] {
		t1 := term(g1)
		for i, g2 := range given[1] {
			if t := term(g1 + g2); t != "" {
				givens = append(givens, []string{t})
			}
			if t1 != "" && second[i] != "" {
				givens = append(givens, []string{t1, second[i]})
			}
			// A syllable English spells as a stop word (Park Jung-in,
			// Kim Yong-an) is a gap the analyzer leaves in the name.
			if t1 != "" && second[i] == "" && stopWords[strings.ToLower(g2)] {
				givens = append(givens, []string{t1, ""})
			}
		}
	}
	added := ""
	for _, sur := range surnames {
		for _, g := range givens {
			if c.addAlt(st, knowledge.English, append([]string{sur}, g...), r.Romanized, seen) {
				added = sur
			}
		}
	}
	return added
}

// addNamedCompound reads a Korean word written as a name and a noun
// together, as Korean often writes them (사도광산, "Sado mine"; 이시바총리,
// "Prime Minister Ishiba"; 대우조선, "Daewoo Shipbuilding"): when a start of
// two syllables or more reads, in Latin letters (as the Revised
// Romanization or a Korean name spells it, see lang.NameSpellings), as a
// word of the corpus and the rest divides into dictionary words, the name
// is one more spelling of the concept, and the rest's English too.
func (idx *Index) addNamedCompound(st stats, c *concept, word string, r ranking, seen map[string]bool) {
	runes := []rune(word)
	for k := len(runes) - 1; k >= 2; k-- {
		rest := dictionary.Split(string(runes[k:]), true)
		if len(rest) == 0 {
			continue
		}
		var names []string
		for _, l := range slices.Concat(lang.RomanizeKorean(string(runes[:k])), lang.NameSpellings(string(runes[:k]))) {
			if t := idx.romanizedTerm(st, l); t != "" {
				names = append(names, t)
			}
		}
		if len(names) == 0 {
			continue
		}
		for _, t := range names {
			c.addAlt(st, knowledge.English, []string{t}, r.Romanized, seen)
		}
		for _, part := range rest {
			for _, e := range dictionary.Korean(part) {
				c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, e), r.Dictionary, seen)
			}
		}
		return
	}
}

// addKanjiNames reads the Japanese names a kanji word holds (佐渡金山: Sado,
// Kanayama or Kinzan; 竹島: Takeshima; 孫正義: Masayoshi, by the given
// name, see dictionary.SplitFullNames) and adds those that the corpus
// writes in Latin letters, or a Korean article by their sound (対馬,
// ツシマ: 쓰시마): a Japanese question names a person or a place of an
// English or Korean article in kanji, which only their reading links. The
// corpus chooses among a name's readings, as an article spells only one.
// Each spelling counts at confidence conf, a Korean compound it heads at
// conf times compound.
func (idx *Index) addKanjiNames(st stats, c *concept, word string, conf, compound float64, seen map[string]bool) {
	korean := idx.hasLanguage(knowledge.Korean)
	for _, part := range dictionary.SplitFullNames(word) {
		for _, reading := range dictionary.Names(part) {
			for _, l := range englishSpellings(lang.RomanizeKana(reading)) {
				// A reading of three letters counts though English has a
				// word so spelt: the kanji are a name (小野, Ono; 真央, Mao).
				if terms := idx.analyze1(l); len(terms) == 1 && utf8.RuneCountInString(terms[0]) >= 3 && st.docFreq(terms[0]) > 0 {
					c.addAlt(st, knowledge.English, terms, conf, seen)
				}
				// Korean writes a Japanese name by its sound too, without
				// its long vowels (対馬, ツシマ: 쓰시마).
				if korean {
					words, _ := st.koreanLoanwords(loanKey(l))
					for _, k := range words {
						c.addAlt(st, knowledge.Korean, []string{k}, conf, seen)
					}
				}
			}
			// As the rules for Japanese spell it (九州: 규슈, which loan
			// keys, too short, do not find; 武雄: 다케오, where the
			// opening consonant differs), and in the compounds it heads
			// (사가현 for 佐賀, "Saga prefecture").
			if !korean {
				continue
			}
			for _, h := range lang.JapaneseHangul(reading) {
				if terms := idx.phraseIn(knowledge.Korean, h); len(terms) == 1 && utf8.RuneCountInString(terms[0]) >= 2 {
					c.addAlt(st, knowledge.Korean, terms, conf, seen)
					c.addLeadingCompounds(st, terms[0], conf*compound, seen)
				}
			}
		}
	}
}

// englishSpellings returns a Hepburn spelling and the spellings English
// texts give the name: without long vowels (Tokyo for toukyou, Osaka for
// oosaka, Kono for kouno), and with a long o written oh, as passports and
// sports pages write it (Ohtani for ootani, Satoh, Ohno). Korean writes no
// long vowel (오타니, 사토), so any o of a spelling without one may be the
// long one: each is tried, one at a time.
func englishSpellings(hepburn string) []string {
	if hepburn == "" {
		return nil
	}
	short := strings.NewReplacer("ou", "o", "oo", "o", "uu", "u").Replace(hepburn)
	out := []string{hepburn}
	if short != hepburn {
		out = append(out, short)
	}
	for i := 0; i < len(short) && len(out) < maxNameSpellings; i++ {
		if short[i] == 'o' && (i+1 == len(short) || !strings.ContainsRune("aeiouhy'", rune(short[i+1]))) {
			out = append(out, short[:i+1]+"h"+short[i+1:])
		}
	}
	return out
}

// maxNameSpellings bounds the spellings englishSpellings tries for a name.
const maxNameSpellings = 5

// maxKanjiSpellings bounds the ways of writing a Korean word in Chinese
// characters that kanjiSpellings returns.
const maxKanjiSpellings = 4

// kanjiSpellings returns the ways the Japanese articles write a Korean
// word of two to four syllables in Chinese characters, character by
// character (신격호: 辛格浩, a name no dictionary lists): the chains of
// their pairs of characters that read the word's pairs of syllables, each
// pair's last character the next one's first.
func kanjiSpellings(st stats, word string) []string {
	syl := []rune(word)
	if len(syl) < 2 || len(syl) > 4 {
		return nil
	}
	chains := []string{""}
	for i := 0; i+1 < len(syl); i++ {
		var next []string
		for _, pair := range st.kanjiPairs(string(syl[i : i+2])) {
			p := []rune(pair)
			for _, ch := range chains {
				switch {
				case ch == "":
					next = append(next, pair)
				case []rune(ch)[len([]rune(ch))-1] == p[0]:
					next = append(next, ch+string(p[1]))
				}
			}
		}
		if len(next) == 0 {
			return nil
		}
		chains = next[:min(len(next), 4*maxKanjiSpellings)]
	}
	return chains[:min(len(chains), maxKanjiSpellings)]
}

// titleAfterName reports whether a person's title (see lang.PersonTitle)
// follows a name in the question: a word of no dictionary, right before it or
// after a space or a middle dot (이강철 감독, キム・ヨナ選手, 浅田真央選手,
// Kim 선수), not a word of the language (한국 감독, "Korea's manager";
// 韓国の監督), where the title is what is asked about.
func (a *reading) titleAfterName(title string) bool {
	for i := 0; ; {
		k := strings.Index(a.text[i:], title)
		if k < 0 {
			return false
		}
		if nameBefore(a.text[:i+k]) {
			return true
		}
		i += k + len(title)
	}
}

// nameBefore reports whether text ends with a word that reads as a name:
// see titleAfterName.
func nameBefore(text string) bool {
	text = strings.TrimRight(text, " ・")
	runs := lang.Runs(text)
	if len(runs) == 0 || runs[len(runs)-1].End != len(text) {
		return false
	}
	w := runs[len(runs)-1]
	size := utf8.RuneCountInString(w.Text)
	switch w.Script {
	case lang.Hangul:
		if size < 2 || size > 5 || lang.KoreanFunctionWord(w.Text) {
			return false
		}
		for _, f := range lang.KoreanForms(w.Text) {
			if dictionary.Korean(f) != nil {
				return false
			}
		}
		head, _ := dictionary.NativeKoreanHead(w.Text)
		return head == ""
	case lang.Kanji:
		return size >= 2 && dictionary.Japanese(w.Text) == nil
	case lang.Katakana:
		return strings.Contains(w.Text, "・") || dictionary.Japanese(w.Text) == nil
	case lang.Latin:
		return size >= 2 && !thesaurus.Known(strings.ToLower(w.Text))
	}
	return false
}
