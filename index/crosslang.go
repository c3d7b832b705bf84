package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/dictionary"
	"github.com/disputebot/disputebot/knowledge/lang"
	"github.com/disputebot/disputebot/knowledge/thesaurus"
)

// Korean and Japanese words of a question that the lexicon does not know:
// how they are found in a question's rest, and what they are in the
// corpus's other languages (the dictionary's English, the other language's
// reading of shared Chinese characters, names read aloud).

// cjkWord is a Korean or Japanese content word of a question that the
// lexicon did not know.
type cjkWord struct {
	text     string
	lang     string   // ko or ja
	strength float64  // 1, or less for a word too short to tell much
	latin    []string // its romanizations, when it can be read aloud (Hangul, kana)
	english  []string // a Japanese verb's or adjective's English, found from its conjugated form, or a native Korean word's
	native   string   // the headword of the native Korean lexicon it is a form of (see dictionary.NativeKoreanHead)
	plain    string   // a Japanese verb's or adjective's plain form (迎える for 迎えた)
	titled   bool     // a name the word after it is the title of, cut off its run of kanji (see splitTitles)
	forms    []string // a Korean word's forms, longest first (see lang.KoreanForms)
}

// cjkContent returns the content words of the Korean and Japanese parts
// of a question's rest (what the lexicon left).
func cjkContent(rest string) []cjkWord {
	var out []cjkWord
	runs := lang.Runs(rest)
	for i, r := range runs {
		// A single syllable is what a lexicon match left of its word
		// (어 of 풀렸어), or too short to tell much.
		if r.Script != lang.Hangul || lang.KoreanFunctionWord(r.Text) || utf8.RuneCountInString(r.Text) == 1 {
			continue
		}
		if i > 0 && runs[i-1].Script == lang.Digit && runs[i-1].End == r.Start && lang.KoreanSuffix(r.Text) {
			continue // the counter of a figure: 위를 of 2위를
		}
		out = append(out, koreanWord(r.Text))
	}
	verbEnd := 0 // the end of the stem of the last verb found
	japanese, titled := splitTitles(lang.JapaneseContent(rest))
	for _, jw := range japanese {
		if jw.Start < verbEnd {
			continue // 込 of 持ち込もう, part of the verb before it
		}
		w := cjkWord{text: jw.Text, lang: knowledge.Japanese, strength: 1, titled: titled[jw.Start]}
		if jw.Weak {
			w.strength = 0.5
		}
		// A verb or adjective (祀られて, "enshrined"): its stem is the
		// kanji, its English in the dictionary under its plain form.
		if plain, english, n := dictionary.Inflected(rest[jw.Start:]); n > 0 {
			w.english, w.strength, w.plain = english, 1, plain
			verbEnd = jw.Start + n
		}
		if l := lang.RomanizeKana(w.text); l != "" {
			w.latin = []string{l}
		}
		out = append(out, w)
	}
	return out
}

// koreanWord is a Korean word of a question with its particle or ending
// taken off: its dictionary form, its English where it is a native word,
// and its romanizations.
func koreanWord(text string) cjkWord {
	forms := chatNominal(lang.KoreanForms(text))
	w := cjkWord{text: forms[len(forms)-1], lang: knowledge.Korean, strength: 1}
	// A native word, which no Chinese character reads (바다에서,
	// "at sea"; 훔쳤는데, "stole"): its English from the native
	// lexicon.
	// A word that is also a Sino-Korean word is read as that, the
	// language of news (일한 is 日韓, "Japan and Korea", before
	// 일하 + ㄴ, "worked").
	if !slices.ContainsFunc(forms, func(f string) bool { return dictionary.Korean(f) != nil }) {
		w.native, w.english = dictionary.NativeKoreanHead(text)
		// A borrowed or native noun made a verb with 하다 or 되다, or
		// in the copula's past (오픈했어, "opened"; 클럽이었나, "was it a
		// club"), is the noun; not a syllable left of it (위 of 위로,
		// "comfort", is "top").
		for _, f := range forms[1:] {
			if w.native != "" {
				break
			}
			if utf8.RuneCountInString(f) >= 2 {
				w.native, w.english = dictionary.NativeKoreanHead(f)
			}
		}
		// Chat writes the negation 안 or 못 onto the verb (안지키면, "if
		// they don't keep it"; 못갔어): the verb is what is asked about.
		for _, neg := range []string{"안", "못"} {
			rest, ok := strings.CutPrefix(text, neg)
			if !ok || w.native != "" || utf8.RuneCountInString(rest) < 2 {
				continue
			}
			if head, english := dictionary.NativeKoreanHead(rest); head != "" {
				forms = lang.KoreanForms(rest)
				w.text, w.native, w.english = forms[len(forms)-1], head, english
			}
		}
	}
	// The stem may take off a noun's own last syllable for a
	// particle (조각가가: 조각, "carving", for 조각가, "sculptor";
	// 국가가: 국): the longest form that the dictionary knows is the
	// word. Passages are searched by its analysis all the same.
	for _, f := range forms {
		if len(f) > len(w.text) && dictionary.Korean(f) != nil {
			w.text = f
			break
		}
	}
	for _, f := range forms {
		for _, l := range append(lang.RomanizeKorean(f), lang.RomanizeJapaneseVoiced(f)) {
			if l == "" {
				continue
			}
			if !slices.Contains(w.latin, l) {
				w.latin = append(w.latin, l)
			}
		}
	}
	w.forms = forms
	return w
}

// chatNominal adds to a Korean word's forms the noun of a verb that chat
// closes in the noun form of 하다 or 되다, as statements and questions
// written in the style of notes end (오픈함, "opened"; 발의됨, "was
// proposed"; 반대함): the noun, which the article's 오픈했다 or 오픈한 is
// indexed by. Not a word the dictionary has whole (잠수함, "submarine"),
// nor a verb's -야 before them, which says it must be done (내야됨, "do
// they have to pay"), however a noun reads its syllables (내야, "infield").
func chatNominal(forms []string) []string {
	last := forms[len(forms)-1]
	for _, end := range []string{"함", "됨"} {
		noun, ok := strings.CutSuffix(last, end)
		if ok && utf8.RuneCountInString(noun) >= 2 && !strings.HasSuffix(noun, "야") && dictionary.Korean(last) == nil && dictionary.NativeWord(last) == nil {
			return append(forms, noun)
		}
	}
	return forms
}

// splitTitles cuts a person's title off the run of kanji a Japanese name
// writes it in (浅田真央選手: 浅田真央, 選手; 是枝監督), so that the name is
// looked up as a name, when neither the run nor the name is a word of the
// dictionary (日本代表, "the national team", stays whole). titled marks
// the names cut so.
func splitTitles(words []lang.JapaneseWord) (out []lang.JapaneseWord, titled map[int]bool) {
	titled = map[int]bool{}
	for _, w := range words {
		n := lang.TrailingTitle(w.Text)
		name := w.Text[:len(w.Text)-n]
		if n == 0 || dictionary.Japanese(w.Text) != nil || dictionary.Japanese(name) != nil {
			out = append(out, w)
			continue
		}
		titled[w.Start] = true
		out = append(out,
			lang.JapaneseWord{Text: name, Start: w.Start, End: w.Start + len(name)},
			lang.JapaneseWord{Text: w.Text[len(name):], Start: w.Start + len(name), End: w.End})
	}
	return out, titled
}

// cjkCompounds returns the Korean and Japanese words of a question as
// written: its runs of kanji, and its Hangul words without their endings.
func cjkCompounds(text string) []string {
	var out []string
	for _, r := range lang.Runs(text) {
		switch r.Script {
		case lang.Kanji:
			out = append(out, r.Text)
		case lang.Hangul:
			out = append(out, lang.KoreanStem(r.Text))
		}
	}
	return out
}

// compoundGloss returns the English a dictionary compound gives to the
// part of it the lexicon left: the lexicon reads 協定 of 漁業協定 as
// "agreement" and leaves 漁業, which alone the dictionary reads "fishing";
// the compound's "fisheries agreement" says the article's word for it,
// "fisheries", once the words of the question's other concepts are taken
// out (a phrase when more than one word is left: "cease-fire" of
// 停戦合意). Nothing when the word is no part of a longer dictionary word.
func (a *reading) compoundGloss(w cjkWord) [][]string {
	korean := w.lang == knowledge.Korean
	var out [][]string
	for _, whole := range a.compounds {
		if len(whole) <= len(w.text) || !strings.Contains(whole, w.text) {
			continue
		}
		gloss := dictionary.Japanese(whole)
		if korean {
			gloss = dictionary.Korean(whole)
		}
		for _, g := range gloss {
			var left []string
			for _, t := range a.idx.phraseIn(knowledge.English, g) {
				if t != "" && !a.said(t) {
					left = append(left, t)
				}
			}
			if len(left) > 0 && len(left) < len(strings.Fields(g)) {
				out = append(out, left)
			}
		}
	}
	return out
}

// said reports whether a concept found so far has a spelling holding
// the term.
func (a *reading) said(term string) bool {
	for _, c := range a.q.concepts {
		for _, alt := range c.alts {
			if slices.Contains(alt.terms, term) {
				return true
			}
		}
	}
	return false
}

// addTranslations adds what a Korean or Japanese word the lexicon does not
// know is in the corpus's other languages: its English from the
// dictionary (a Korean or Japanese question about an English article says
// it in other words), its counterpart in the other of the two through the
// Chinese characters they share (賠償 is 배상, which a Korean article
// writes, and 배상 is 賠償 in a Japanese one), and the names it holds, in
// Latin letters.
func (idx *Index) addTranslations(st stats, c *concept, w cjkWord, r ranking, seen map[string]bool) {
	korean := w.lang == knowledge.Korean
	other := knowledge.Korean
	if korean {
		other = knowledge.Japanese
	}
	if w.english != nil {
		// A verb's stem read alone is no word of the other language.
		conf := r.Dictionary
		if w.native != "" {
			conf *= r.Native
		}
		if conf > 0 {
			for _, e := range w.english {
				c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, e), conf, seen)
			}
			// The verb's forms that stemming does not join, which a
			// report writes (throw: threw; steal: stole); not a light
			// verb's, of many senses (take: took), which say little.
			ir := r
			ir.Irregular *= conf
			for _, e := range w.english {
				if !strings.Contains(e, " ") && thesaurus.Polysemy(e) <= maxIrregularSenses {
					idx.addIrregular(st, c, e, ir, seen)
				}
			}
			idx.addDerivedTranslations(st, c, w.english, conf, r, seen)
		}
		if !korean {
			// A name the dictionary translates (対馬: Tsushima) is
			// also written by its sound (쓰시마).
			idx.addKanjiNames(st, c, w.text, r.Romanized, r.Compound, seen)
		}
		return
	}
	cross := r.CrossReading > 0 && idx.hasLanguage(other)
	addOther := func(word string) {
		terms := idx.phraseIn(other, word)
		c.addAlt(st, other, terms, r.CrossReading, seen)
		if other == knowledge.Korean {
			c.addCompounds(st, terms, r.CrossReading*r.Compound, seen)
		}
	}
	if cross && !korean {
		// A Japanese compound's reading as a whole, which a Korean
		// article writes as one word (追悼式: 추도식).
		for _, o := range dictionary.Hangul(w.text) {
			addOther(o)
		}
		// A katakana word as a Korean article writes it
		// (トリエンナーレ: 트리엔날레).
		idx.addKoreanLoanwords(st, c, w.text, r.CrossReading, r.Compound, seen)
	}
	// Each part of the word at its share of the dictionary's confidence:
	// a rare word's at RareWords, and, after the word's own parts, the
	// common parts of a rare one at PartCredit, where its gloss is a
	// phrase an article may not use (see dictionary.SplitCommon).
	type part struct {
		word  string
		share float64
	}
	var parts, inner []part
	var stemParts []string
	for _, p := range dictionary.Split(w.text, korean) {
		if !dictionary.Rare(p, korean) {
			parts = append(parts, part{p, 1})
			continue
		}
		parts = append(parts, part{p, r.RareWords})
		for _, q := range dictionary.SplitCommon(p, korean) {
			inner = append(inner, part{q, r.PartCredit})
		}
		if !korean {
			stemParts = append(stemParts, p)
		}
	}
	for _, p := range append(parts, inner...) {
		if conf := r.Dictionary * p.share; conf > 0 {
			english := dictionaryEnglish(p.word, korean)
			for _, e := range english {
				c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, e), conf, seen)
			}
			idx.addDerivedTranslations(st, c, english, conf, r, seen)
			// The noun a phrase of the dictionary names a kind of, for
			// an article worded otherwise (歌詞, "song lyrics": "the
			// lyrics of the song"); not a verb's ("take back"), nor a
			// head of many senses, which says little ("place" of "birth
			// place", 고향), as a broader word does.
			if hc := conf * r.GlossHead; hc > 0 && !strings.ContainsFunc(p.word, isHiragana) {
				for _, e := range english {
					if h := dictionary.Head(e); h != "" && thesaurus.Polysemy(h) <= maxHeadSenses {
						c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, h), hc, seen)
					}
				}
			}
		}
		if cross {
			words := dictionary.Hangul(p.word)
			if korean {
				words = dictionary.Kanji(p.word)
			}
			for _, o := range words {
				addOther(o)
			}
		}
	}
	// A rare compound's kanji that is no word alone may be a verb's stem
	// (祀 of 合祀, "enshrining together": 祀る, "enshrine"): the verb
	// says what an article writes where the compound's gloss is a
	// phrase it does not use.
	if conf := r.Dictionary * r.PartCredit; conf > 0 {
		for _, p := range stemParts {
			for _, e := range stemVerbs(p) {
				c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, e), conf, seen)
			}
		}
	}
	if korean {
		idx.addNamedCompound(st, c, w.text, r, seen)
	} else {
		idx.addKanjiNames(st, c, w.text, r.Romanized, r.Compound, seen)
	}
}

// addDerivedTranslations adds the words derived from a Korean or Japanese
// word's English ones, at Derived times the translation's confidence
// conf: the dictionary gives a noun where an English article writes the
// verb (結婚, "marriage": "he married"; 逮捕, "arrest" is both).
func (idx *Index) addDerivedTranslations(st stats, c *concept, english []string, conf float64, r ranking, seen map[string]bool) {
	dr := r
	dr.Derived *= conf
	for _, e := range english {
		if !strings.Contains(e, " ") && thesaurus.Polysemy(e) <= maxIrregularSenses {
			idx.addDerived(st, c, e, dr, seen)
		}
	}
}

// maxIrregularSenses is the most senses of a translation's verb whose
// irregular forms stand for it: throw has 20, take 44.
const maxIrregularSenses = 30

// maxHeadSenses is the most senses of a dictionary phrase's head that
// stands for the phrase: lyrics has 7, place 32.
const maxHeadSenses = 8

// isHiragana reports whether r is hiragana, as the endings of a Japanese
// verb or adjective are.
func isHiragana(r rune) bool { return lang.ScriptOf(r) == lang.Hiragana }

// verbEndings are the endings of a Japanese verb's plain form, tried on a
// kanji to find the verb it is the stem of.
var verbEndings = []string{"る", "す", "う", "む", "く", "つ", "ぶ", "ぐ"}

// stemVerbs returns the English of the verbs whose stems are the kanji of
// a Japanese word that the dictionary does not know alone (祀 of 合祀:
// 祀る, "deify", "enshrine"), the first ending found for each.
func stemVerbs(word string) []string {
	var out []string
	for _, k := range word {
		if !unicode.Is(unicode.Han, k) || dictionary.Japanese(string(k)) != nil {
			continue
		}
		for _, end := range verbEndings {
			if _, english, n := dictionary.Inflected(string(k) + end); n > 0 {
				out = append(out, english...)
				break
			}
		}
	}
	return out
}

// godanRows are the kana a Japanese verb's last one turns into as it
// conjugates (学ぶ: 学ば, 学び, 学べ, 学ぼ, 学ん of 学んだ).
var godanRows = map[rune]string{
	'う': "わいうえおっ", 'く': "かきくけこい", 'ぐ': "がぎぐげごい", 'す': "さしすせそ", 'つ': "たちつてとっ",
	'ぬ': "なにぬねのん", 'ぶ': "ばびぶべぼん", 'む': "まみむめもん",
	// る after a kanji is also a verb whose stem is the kanji alone (見る:
	// 見た, 見て, 見ない, 見ます) and 来る (来た, 来て, 来ない).
	'る': "らりるれろったてなまよ",
}

// japaneseVerbStems returns how a Japanese article writes the start of a
// verb or adjective in any of its forms, as the pairs of characters the
// Japanese body is indexed in hold it: its kanji and the kana after them
// (迎える: 迎え, of 迎えた and 迎えて; 学ぶ: 学ん of 学んだ, 学び, 学ば...;
// 高い: 高い, 高く, 高か). A question's 迎えた is read as 迎, which no
// pair of an article holds alone.
func japaneseVerbStems(plain string) []string {
	runes := []rune(plain)
	k := leadingKanji(runes)
	if k == 0 || k >= len(runes) {
		return nil
	}
	kanji := string(runes[:k])
	if k+1 < len(runes) {
		return []string{kanji + string(runes[k])} // okurigana that stays: 迎え, 過ご
	}
	last := runes[k]
	row, ok := godanRows[last]
	if last == 'い' {
		row, ok = "いくかけさ", true // an adjective: 高い, 高く, 高かった
	}
	if !ok {
		return nil
	}
	var out []string
	for _, r := range row {
		out = append(out, kanji+string(r))
	}
	return out
}

// leadingKanji returns how many Chinese characters a word begins with:
// the stem of a verb or adjective written with its kana ending.
func leadingKanji(runes []rune) int {
	k := 0
	for k < len(runes) && unicode.Is(unicode.Han, runes[k]) {
		k++
	}
	return k
}

// partnerEndings are the endings a Japanese verb's transitive or
// intransitive partner may have after the same kanji (上がる, 上げる;
// 延びる, 延ばす; 増える, 増やす; 壊れる, 壊す).
var partnerEndings = []string{"る", "す", "う", "く", "ぐ", "つ", "ぶ", "む",
	"える", "める", "げる", "ける", "せる", "てる", "ねる", "べる", "れる", "びる", "ちる", "りる", "きる", "じる",
	"がる", "まる", "わる", "かる", "さる", "たる", "なる", "やす", "らす", "ばす", "かす", "がす", "とす", "ろす", "こす", "わす"}

// japanesePartners returns the common verbs written with the kanji of a
// Japanese verb and another ending whose English shares a sense with its
// own: its transitive or intransitive partner, which an article may
// write where a question has the other (延びる, "stretch": 延ばす; 決まる,
// "be decided": 決める, "decide"; 上がる, "be raised": 上げる, "raise").
func japanesePartners(plain string) []string {
	runes := []rune(plain)
	k := leadingKanji(runes)
	if k == 0 || k == len(runes) || !isHiragana(runes[len(runes)-1]) {
		return nil
	}
	senses := map[string]bool{}
	for _, e := range dictionary.Japanese(plain) {
		for _, v := range plainSenses(e) {
			senses[v] = true
		}
	}
	if len(senses) == 0 {
		return nil
	}
	kanji := string(runes[:k])
	var out []string
	for _, end := range partnerEndings {
		other := kanji + end
		if other == plain || dictionary.Rare(other, false) {
			continue
		}
		if slices.ContainsFunc(dictionary.Japanese(other), func(e string) bool {
			return slices.ContainsFunc(plainSenses(e), func(v string) bool { return senses[v] })
		}) {
			out = append(out, other)
		}
	}
	return out
}

// plainSenses returns an English gloss of a verb without "be", with its
// first word as written and in each base form it may have ("be decided":
// decided, decide), so that the glosses of a verb and its partner meet.
func plainSenses(gloss string) []string {
	gloss = strings.TrimPrefix(gloss, "be ")
	first, rest, _ := strings.Cut(gloss, " ")
	out := []string{gloss}
	for _, l := range thesaurus.Lemmas(first) {
		out = append(out, strings.TrimSpace(l+" "+rest))
	}
	return out
}

// kanjiNounPairs returns how a Japanese article holds a noun of one kanji
// (声, 島, 金), which pairs of characters never hold alone: as the pairs it
// makes with the particle after it (声は, 声を, 島に) and with の, な or
// an adjective's い before it (主人公の声: の声; 高い声: い声). A kanji
// beside other kanji is a part of a longer word (声優, 歓声), not this one.
func kanjiNounPairs(word string) []string {
	r, size := utf8.DecodeRuneInString(word)
	if size == 0 || size != len(word) || !unicode.Is(unicode.Han, r) {
		return nil
	}
	var out []string
	for _, p := range "はがをにのでもとへやかだっ" {
		out = append(out, word+string(p))
	}
	for _, p := range "のない" {
		out = append(out, string(p)+word)
	}
	return out
}

// kanjiAlone reports whether a question writes a kanji as a word of its
// own somewhere: with no kanji or katakana on either side (主人公の声を),
// not as the end of a longer word the lexicon took the rest of (者 of
// 当局者).
func kanjiAlone(text, kanji string) bool {
	for off := 0; ; {
		i := strings.Index(text[off:], kanji)
		if i < 0 {
			return false
		}
		start, end := off+i, off+i+len(kanji)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !wordRune(before) && !wordRune(after) {
			return true
		}
		off = end
	}
}

// wordRune reports whether a rune may be part of a Japanese word of
// kanji: a kanji or a katakana, not the dot that parts words (韓国・釜山).
func wordRune(r rune) bool {
	s := lang.ScriptOf(r)
	return (s == lang.Kanji || s == lang.Katakana) && r != '・'
}

// dictionaryEnglish is the dictionary's English for a Korean or a
// Japanese word.
func dictionaryEnglish(word string, korean bool) []string {
	if korean {
		// A Sino-Korean word the native lexicon lists is used by Korean
		// in the sense listed there, which the Japanese word's English
		// may put last or lack: 감독 is a film's director or a team's
		// manager, where 監督 is first "supervision" and "control"; 예능
		// a television variety show.
		if english := dictionary.NativeWord(word); english != nil {
			return english
		}
		return dictionary.Korean(word)
	}
	return dictionary.Japanese(word)
}
