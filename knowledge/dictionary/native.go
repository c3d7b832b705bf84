package dictionary

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Korean's own words, those not read from Chinese characters, are what
// the rest of the dictionary cannot reach: a member who asks "독도에 처음
// 세워진 건물은?" ("the first building put up on Dokdo?") writes 처음
// ("first") and a form of 세우다 ("build"), which no hanja reads. The
// native lexicon gives them their English: its nouns, adverbs and
// determiners as written, its verbs and adjectives by their stems, which a
// question writes with endings fused into them (던진, "thrown", is 던지 +
// ㄴ; 졌다, "lost", is 지 + 었 + 다).
//
// NativeKorean undoes the conjugation by trying it: it proposes the stems
// a word could begin with, undoing the changes a stem's last syllable
// takes (a final consonant added, a vowel contracted, an irregular stem's
// consonant changed), and keeps the longest one of the table whose
// conjugation gives the word back. Generating the forms rather than
// cutting endings off keeps the lookup conservative: a stem is found only
// in a word that is all stem and ending.

// nativeTable holds one line per native Korean word, sorted: the word, a
// tab, and its English, commonest sense first, separated by "|". A verb
// or adjective is written as its stem followed by a hyphen, as Korean
// grammars write stems (던지- for 던지다, "throw"; 크- for 크다, "big"),
// which keeps it apart from a noun spelled alike (팔, "arm", and 팔-, "sell";
// 살, "age", and 살-, "live"): a noun takes particles, a stem endings.
// Sino-Korean words are left out, since Korean reads them, but for those
// the Japanese dictionary lacks because Japanese says them otherwise
// (은퇴, "retirement", where Japanese writes 引退; 환율, "exchange rate");
// so are question words and the words of grammar (누구, 것, 하다, 있다,
// 되다), since they say nothing of what a question is about. Borrowed
// words common in chat and news (메달, 팬) are in, with their English.
//
//go:embed native.txt
var nativeTable string

// NativeKorean returns the English of a native Korean word as a member
// types it, inflected or not, or nil: 마지막에 ("at the last"): last;
// 사람들이 ("people", subject): person, people; 훔쳤는데 ("stole, but"):
// steal; 되찾으려면 ("to get back"): recover; 세워진 ("built"): found,
// build. The longest stem wins (되찾, "recover", not 되, "become"), a noun
// written alone wins over a stem, and a stem with its ending over a noun
// with particles (높이는, "raising", is 높이- and not 높이, "height").
//
// A head is the first syllables of many Sino-Korean words too, so a word
// that starts with a longer word that Korean reads is taken for that
// word: 사고 is 事故 ("accident"), not 사 + 고 ("buy and"); 보고서를 is
// 報告書 ("report"); 개인가 is 個人 ("individual") + 가, not 개 + 인가 ("is
// it a dog"); 배우자 is 配偶者 ("spouse"), not 배우 + 자 ("let's learn").
// A word of one syllable that a Chinese character reads is only ever a
// noun of the table: 산 is 山 ("mountain") far more often than 사 + ㄴ
// ("bought"), and 내 is "my" more often than 내 + 어 ("pay!"); 큰 ("big")
// is 크 + ㄴ, since no character reads 큰.
func NativeKorean(word string) []string {
	_, english := NativeKoreanHead(word)
	return english
}

// NativeWord returns the English of a word of the native lexicon as the
// table writes it, a noun, an adverb or a determiner (바다, 감독), or nil:
// no ending or particle is taken off, no stem conjugated.
func NativeWord(word string) []string { return nativeNoun(word) }

// nativeNoun returns the English of a noun of the native lexicon as
// written, or of a country's name in Hangul (캐나다: canada), or nil.
func nativeNoun(word string) []string {
	if english := list(nativeTable, word); english != nil {
		return english
	}
	if isHangul(word) {
		return country(word)
	}
	return nil
}

// NativeKoreanHead returns, with the English of a native Korean word (see
// NativeKorean), the headword of the table it is a form of: the noun as
// written (바다 for 바다에서, "at sea") or the stem with its hyphen (훔치-
// for 훔쳤는데, "stole"), by which forms of one word are known as one.
func NativeKoreanHead(word string) (head string, english []string) {
	runes := []rune(word)
	if len(runes) == 0 || len(runes) > maxRunes || slices.Contains(nativeFunctionWords, word) {
		return "", nil
	}
	for _, r := range runes {
		if _, ok := decompose(r); !ok {
			return "", nil
		}
	}
	// sinoLength is, once asked, the length of the longest Sino-Korean
	// word that the word starts with, in syllables (0 for none).
	sinoLength := -1
	// fits reports whether a head of the table may be read in the word
	// with an ending or particles: not where the word starts with a
	// longer Sino-Korean word.
	fits := func(head string) bool {
		if sinoLength < 0 {
			sinoLength = 0
			for j := len(runes); j >= 2; j-- {
				if Korean(string(runes[:j])) != nil {
					sinoLength = j
					break
				}
			}
		}
		return utf8.RuneCountInString(head) >= sinoLength
	}
	if english := NativeWord(word); english != nil {
		return word, english // a noun, an adverb or a determiner as written
	}
	if len(runes) == 1 && isHanjaReading(word) {
		return "", nil // a Sino-Korean syllable, if not a noun
	}
	// stem returns the English of a stem of the table that conjugates
	// into the word.
	stem := func(s string) []string {
		if english := list(nativeTable, s+"-"); english != nil && fits(s) && conjugates([]rune(s), word) {
			return english
		}
		return nil
	}
	for k := len(runes); k >= 1; k-- {
		// The prefix as a stem, as a noun with particles, and then the
		// stems that its last syllable may have been changed from.
		prefix := runes[:k]
		stems := candidateStems(prefix)
		if english := stem(stems[0]); english != nil {
			return stems[0] + "-", english
		}
		if english := nativeNoun(stems[0]); english != nil && k < len(runes) && fits(stems[0]) && declines(prefix, word) {
			return stems[0], english
		}
		for _, s := range stems[1:] {
			if english := stem(s); english != nil {
				return s + "-", english
			}
		}
	}
	return "", nil
}

// NativeKoreanFor returns the headwords of the native lexicon whose
// English holds an English word or phrase (sea: 바다; steal: 훔치-), for
// the Korean articles that say in a native word what an English question
// asks: the corpus's forms of each are found with NativeKoreanHead.
func NativeKoreanFor(english string) []string {
	nativeByEnglishOnce.Do(func() {
		nativeByEnglish = map[string][]string{}
		invert(nativeByEnglish, nativeTable, func(string) bool { return true })
		invert(nativeByEnglish, countriesTable, isHangul)
	})
	return nativeByEnglish[strings.ToLower(english)]
}

var (
	nativeByEnglishOnce sync.Once
	nativeByEnglish     map[string][]string
)

// nativeFunctionWords are words of grammar that read as a conjugation of
// a stem of the table, and are not: 아니 ("no"), not 알 + 니 ("do you
// know"); 내게 ("to me"), not 내 + 게; 보다 ("than", "more"), not 보 + 다
// ("see").
var nativeFunctionWords = []string{"아니", "아냐", "내게", "보다"}

// isHanjaReading reports whether a syllable is the Korean reading of a
// Chinese character, with or without the initial-sound rule (력, 역).
func isHanjaReading(s string) bool {
	hanjaReadingsOnce.Do(func() {
		hanjaReadings = map[string]bool{}
		for line := range strings.SplitSeq(hanjaTable, "\n") {
			if _, r, ok := strings.Cut(line, "\t"); ok {
				hanjaReadings[r] = true
				hanjaReadings[InitialSound(r)] = true
			}
		}
	})
	return hanjaReadings[s]
}

var (
	hanjaReadingsOnce sync.Once
	hanjaReadings     map[string]bool // the syllables that characters read
)

// A Hangul syllable is made of an initial consonant, a medial vowel and
// an optional final consonant, numbered as Unicode orders the syllable
// block: the syllable is 0xAC00 + (initial×21 + medial)×28 + final.
type syllable struct{ initial, medial, final int }

const (
	firstSyllable = 0xAC00
	lastSyllable  = 0xD7A3
)

// The jamo that conjugation changes, by their numbers in a syllable.
const (
	initialN  = 2  // ㄴ
	initialR  = 5  // ㄹ
	initialB  = 7  // ㅂ
	initialS  = 9  // ㅅ
	initialNg = 11 // ㅇ, the silent initial of a syllable that starts with its vowel
	initialH  = 18 // ㅎ

	vowelA   = 0  // ㅏ
	vowelAe  = 1  // ㅐ
	vowelYa  = 2  // ㅑ
	vowelYae = 3  // ㅒ
	vowelEo  = 4  // ㅓ
	vowelE   = 5  // ㅔ
	vowelYeo = 6  // ㅕ
	vowelYe  = 7  // ㅖ
	vowelO   = 8  // ㅗ
	vowelWa  = 9  // ㅘ
	vowelWae = 10 // ㅙ
	vowelOe  = 11 // ㅚ
	vowelU   = 13 // ㅜ
	vowelWo  = 14 // ㅝ
	vowelEu  = 18 // ㅡ
	vowelI   = 20 // ㅣ

	finalNone = 0
	finalN    = 4  // ㄴ
	finalD    = 7  // ㄷ
	finalL    = 8  // ㄹ
	finalLM   = 10 // ㄻ, of 삶 (살 + ㅁ)
	finalM    = 16 // ㅁ
	finalB    = 17 // ㅂ
	finalS    = 19 // ㅅ
	finalSS   = 20 // ㅆ, of the past 었
	finalH    = 27 // ㅎ
)

// decompose splits a Hangul syllable into its jamo; ok is false for any
// other character.
func decompose(r rune) (s syllable, ok bool) {
	if r < firstSyllable || r > lastSyllable {
		return syllable{}, false
	}
	c := int(r - firstSyllable)
	return syllable{initial: c / 588, medial: c % 588 / 28, final: c % 28}, true
}

// rune composes the syllable.
func (s syllable) rune() rune {
	return rune(firstSyllable + (s.initial*21+s.medial)*28 + s.final)
}

// String writes the syllable.
func (s syllable) String() string { return string(s.rune()) }

// vowelSyllable is the syllable of a vowel alone, with a final: 어, 었.
func vowelSyllable(medial, final int) string {
	return syllable{initial: initialNg, medial: medial, final: final}.String()
}

// candidateStems returns the stems that a word starting with prefix may
// conjugate, the prefix itself first: each undoes one change that an
// ending makes to a stem's last syllable. The table and conjugates
// decide which, if any, is the word's.
func candidateStems(prefix []rune) []string {
	head := string(prefix[:len(prefix)-1])
	last, _ := decompose(prefix[len(prefix)-1])
	out := []string{string(prefix)}
	add := func(s syllable) { out = append(out, head+s.String()) }
	with := func(s syllable, f func(*syllable)) syllable { f(&s); return s }
	f := last.final
	if f != finalNone {
		// A final added by the ending: 던진 (던지 + ㄴ), 보임 (보이 + ㅁ),
		// 봅니다 (보 + ㅂ니다), 만났 (만나 + 았), 냈 (내 + 었).
		add(with(last, func(s *syllable) { s.final = finalNone }))
	}
	switch f {
	case finalNone, finalN, finalB, finalLM:
		// A stem's ㄹ, dropped before ㄴ, ㅂ and ㅅ or merged with the
		// ending's: 파는, 판, 팝니다 and 팔 of 팔다 ("sell"); 삶 of 살다.
		add(with(last, func(s *syllable) { s.final = finalL }))
	case finalL:
		// ㄷ turned ㄹ before a vowel (들어, 들은: 듣다, "hear"), and
		// 르 whose ㅡ fell out (몰라: 모르다, "not know").
		add(with(last, func(s *syllable) { s.final = finalD }))
		out = append(out, head+with(last, func(s *syllable) { s.final = finalNone }).String()+"르")
	}
	switch f {
	case finalNone:
		// ㅂ turned 우 or 오 (새로워, 새로운: 새롭다, "new"; 도와: 돕다,
		// "help"), ㅅ dropped (지어, 지은: 짓다, "build").
		add(with(last, func(s *syllable) { s.final = finalB }))
		add(with(last, func(s *syllable) { s.final = finalS }))
		fallthrough
	case finalN, finalL, finalM:
		// ㅎ dropped (빨간, 빨가면: 빨갛다, "red").
		add(with(last, func(s *syllable) { s.final = finalH }))
	}
	if f == finalNone || f == finalSS {
		// A vowel contracted with the 어/아 of the ending: 져 and 졌 of
		// 지 + 어, 봐 and 봤 of 보 + 아, 줘 of 주 + 어, 돼 of 되 + 어, 해 of
		// 하 + 여; ㅡ dropped before it (써: 쓰다, "write"; 빠: 바쁘다,
		// "busy"); and ㅎ dropped with ㅏ turned ㅐ (빨개: 빨갛다).
		bare := with(last, func(s *syllable) { s.final = finalNone })
		vowel := func(m, final int) {
			add(with(bare, func(s *syllable) { s.medial, s.final = m, final }))
		}
		switch last.medial {
		case vowelYeo:
			vowel(vowelI, finalNone)
		case vowelWa:
			vowel(vowelO, finalNone)
		case vowelWo:
			vowel(vowelU, finalNone)
		case vowelWae:
			vowel(vowelOe, finalNone)
		case vowelAe:
			if last.initial == initialH {
				vowel(vowelA, finalNone)
			}
			vowel(vowelA, finalH)
			vowel(vowelEo, finalH)
		case vowelYae:
			vowel(vowelYa, finalH)
		case vowelA, vowelEo:
			vowel(vowelEu, finalNone)
		}
	}
	return out
}

// conjugation is how a stem changes before an ending that starts with a
// vowel: most stems keep their last syllable whole, and a few families
// change its final consonant.
type conjugation int

const (
	regular conjugation = iota
	dIrregular
	bIrregular
	sIrregular
	hIrregular
	reuIrregular
)

// The stems' last syllables whose conjugation is irregular, or regular
// where the family's rule would make it irregular.
var (
	// 듣다 ("hear"): 들어, 들은; 묻다 ("ask"): 물어; 깨닫다 ("realize"):
	// 깨달아, though 닫다 ("close") is regular: 닫아.
	dIrregularSyllables = "듣묻걷싣컫"
	// 잡다 ("catch"): 잡아, not 자워; every other stem in ㅂ, most of them
	// adjectives, turns it into 우 (새롭다, "new": 새로워, 새로운).
	bRegularSyllables = "잡좁뽑씹업입접집꼽"
	// 짓다 ("build"): 지어, 지은; 씻다 ("wash") keeps its ㅅ.
	sIrregularSyllables = "짓잇낫붓긋젓"
	// 놓다 ("put"): 놓아; the colours drop their ㅎ (빨갛다, "red": 빨개).
	hRegularSyllables = "낳닿쌓넣땋놓좋"
)

// reuRegular are the stems in 르 that only drop ㅡ (따르다, "follow": 따라,
// not 딸라).
var reuRegular = []string{"따르", "치르", "들르"}

// classOf returns how a stem conjugates.
func classOf(stem []rune) conjugation {
	last := stem[len(stem)-1]
	s, _ := decompose(last)
	switch s.final {
	case finalD:
		if strings.ContainsRune(dIrregularSyllables, last) || strings.HasSuffix(string(stem), "깨닫") {
			return dIrregular
		}
	case finalB:
		if !strings.ContainsRune(bRegularSyllables, last) {
			return bIrregular
		}
	case finalS:
		if strings.ContainsRune(sIrregularSyllables, last) {
			return sIrregular
		}
	case finalH:
		if !strings.ContainsRune(hRegularSyllables, last) && (s.medial == vowelA || s.medial == vowelYa || s.medial == vowelEo) {
			return hIrregular
		}
	}
	if last == '르' && len(stem) > 1 {
		for _, r := range reuRegular {
			if strings.HasSuffix(string(stem), r) {
				return regular
			}
		}
		return reuIrregular
	}
	return regular
}

// steps are the endings that make a new stem, in the order they follow a
// stem: the passive or "become" 어지 (세워지다, "be built", of 세우다),
// the benefactive 어주 (안아주다, "hug someone", of 안다), the honorific
// 으시 (세우시다), the past 었 (세웠다) and the conjecture 겠 (세우겠다).
// Any of them may be left out: 세워지셨겠다.
var steps = []string{"어지", "어주", "으시", "었", "겠"}

// verbEndings are the endings that close a verb or an adjective, as written
// after a stem that ends in a consonant (받다, "receive"): 으 falls out
// after a vowel (받으면, 던지면), 습 becomes ㅂ (받습니다, 던집니다), 어
// turns 아 after ㅏ and ㅗ and contracts (받아, 던져), and 은, 을, 음 become
// the stem's final (받은, 던진). They are the statements, questions,
// connectives and nominal forms that questions use, with the chat
// endings that members type (던진거임, "it's that they threw";
// 받았냐고, "did they get it, you ask"), and the endings of hearsay that
// chat asks what it heard with (옮겼다던데, "I heard they moved him";
// 끼어든다던데, "they say it cuts in").
var verbEndings = strings.Fields(`
	다 다고 다는 다면 다며 대 대요 고 지 지만 지요 죠 게 기 기가 기를 기는 기도 기에 기로 도록 자 자고
	는 는데 는지 는가 는가요 는거 는거임 는거야 는건데 는다 는다고 는다는 는다면 는대 는대요
	냐 냐고 느냐 느냐고 니 네 나 나요 던 던데 던가 던지 더니 잖아 거든
	은 은데 은지 은가 은가요 은거 은거임 은거야 은건데
	을 을까 을지 을게 을래 을거 을거임 을거야 을건데 을수록 음
	으면 으면서 으며 으려고 으려면 으려는 으러 으니 으니까 으세요 으라 으라고 으라는
	습니다 습니까
	어 어요 어서 어야 어도 어라 어야지
	다던데 다는데 다면서 다더라 다더니 다던가 다잖아 다네 는다던데 는다는데 는다면서 는다더라`)

// conjugates reports whether some conjugation of stem is word.
func conjugates(stem []rune, word string) bool {
	return reaches(stem, classOf(stem), word, 0)
}

// reaches reports whether base, followed by steps from the step-th on and
// by an ending, gives word. A step's form is pursued only while it starts
// the word; its last syllable may still change with what follows (보이 +
// 었 is 보였).
func reaches(base []rune, class conjugation, word string, step int) bool {
	for _, e := range verbEndings {
		for _, f := range attach(base, class, e) {
			if f == word {
				return true
			}
		}
	}
	for i := step; i < len(steps); i++ {
		for _, f := range attach(base, class, steps[i]) {
			r := []rune(f)
			if strings.HasPrefix(word, string(r[:len(r)-1])) && reaches(r, regular, word, i+1) {
				return true
			}
		}
	}
	return false
}

// attach returns the forms of base followed by ending, an ending written
// as after a consonant (see verbEndings): one, or two where Korean writes a
// vowel both contracted and not (봐 and 보아, "see").
func attach(base []rune, class conjugation, ending string) []string {
	e := []rune(ending)
	first, _ := decompose(e[0])
	rest := string(e[1:])
	n := len(base) - 1
	head := string(base[:n])
	last, _ := decompose(base[n])
	form := func(s syllable, tail string) []string { return []string{head + s.String() + tail} }

	switch {
	case first.initial == initialNg && first.medial == vowelEu:
		// 으, 은, 을, 음: 으 falls out after a vowel and after ㄹ.
		x := first.final
		switch class {
		case dIrregular: // 들은, 들으면
			last.final = finalL
			return form(last, ending)
		case sIrregular: // 지은, 지으면
			last.final = finalNone
			return form(last, ending)
		case bIrregular: // 새로운, 새로우면
			last.final = finalNone
			return form(last, vowelSyllable(vowelU, x)+rest)
		case hIrregular: // 빨간, 빨가면
			last.final = finalNone
		}
		switch last.final {
		case finalNone: // 던진, 던질, 던짐, 던지면
			last.final = x
			return form(last, rest)
		case finalL:
			switch x {
			case finalN: // 판
				last.final = finalN
			case finalM: // 삶
				last.final = finalLM
			case finalNone: // 팔면, but 파니, 파시, 파세요
				next, _ := utf8.DecodeRuneInString(rest)
				if s, ok := decompose(next); ok && (s.initial == initialN || s.initial == initialS) {
					last.final = finalNone
				}
			}
			return form(last, rest)
		}
		return form(last, ending)

	case first.initial == initialS && first.medial == vowelEu && first.final == finalB:
		// 습니다 after a consonant, ㅂ니다 after a vowel (던집니다) and
		// in place of ㄹ (팝니다).
		if last.final == finalNone || last.final == finalL {
			last.final = finalB
			return form(last, rest)
		}
		return form(last, ending)

	case first.initial == initialNg && first.medial == vowelEo && (first.final == finalNone || first.final == finalSS):
		return attachEo(base, class, first.final, rest)

	case strings.HasPrefix(ending, "는다") || strings.HasPrefix(ending, "는대"):
		// The plain present of verbs: ㄴ다 after a vowel (던진다) and in
		// place of ㄹ (판다).
		if last.final == finalNone || last.final == finalL {
			last.final = finalN
			return form(last, string(e[1:]))
		}
		return form(last, ending)
	}
	// Any other ending is written after the stem, which loses its ㄹ
	// before ㄴ and ㅅ (사는, 사니: 살다, "live").
	if last.final == finalL && (first.initial == initialN || first.initial == initialS) {
		last.final = finalNone
	}
	return form(last, ending)
}

// attachEo returns the forms of base followed by 어 (final finalNone) or
// 었 (final finalSS) and then rest: the 어 turns 아 after ㅏ and ㅗ (받아),
// contracts with a stem's vowel (던져, 봐, 줘, 돼, 해, 만나, 냈) and
// changes irregular stems (들어, 새로워, 도와, 지어, 빨개, 몰라).
func attachEo(base []rune, class conjugation, final int, rest string) []string {
	n := len(base) - 1
	head := string(base[:n])
	last, _ := decompose(base[n])
	eo := func(medial int) string { return vowelSyllable(harmony(medial), final) }
	form := func(s syllable, tail string) string { return head + s.String() + tail }
	if last.final == finalSS {
		// After the past 었 (or 았), 어 is always 어: 받았어, not 받았아.
		return []string{form(last, vowelSyllable(vowelEo, final)+rest)}
	}

	switch class {
	case hIrregular: // 빨개, 하얘
		last.final = final
		if last.medial == vowelYa {
			last.medial = vowelYae
		} else {
			last.medial = vowelAe
		}
		return []string{form(last, rest)}
	case bIrregular: // 새로워; 도와, 고와
		v := vowelWo
		if n == 0 && last.medial == vowelO {
			v = vowelWa
		}
		last.final = finalNone
		return []string{form(last, vowelSyllable(v, final)+rest)}
	case dIrregular: // 들어
		last.final = finalL
		return []string{form(last, eo(last.medial)+rest)}
	case sIrregular: // 지어, 나아
		last.final = finalNone
		return []string{form(last, eo(last.medial)+rest)}
	case reuIrregular: // 몰라, 불러
		prev, _ := decompose(base[n-1])
		prev.final = finalL
		return []string{string(base[:n-1]) + prev.String() + syllable{initial: initialR, medial: harmony(prev.medial), final: final}.String() + rest}
	}
	if last.final != finalNone {
		return []string{form(last, eo(last.medial)+rest)} // 받아, 먹어, 팔아
	}
	contracted := func(medial int) string {
		s := last
		s.medial, s.final = medial, final
		return form(s, rest)
	}
	whole := form(last, eo(last.medial)+rest)
	switch last.medial {
	case vowelA:
		if last.initial == initialH { // 해, 했; 하여, 하였
			return []string{contracted(vowelAe), form(last, vowelSyllable(vowelYeo, final)+rest)}
		}
		return []string{contracted(vowelA)} // 만나, 만났
	case vowelEo, vowelYeo, vowelYae, vowelYe: // 서, 켜
		return []string{contracted(last.medial)}
	case vowelAe, vowelE: // 내, 냈; 내어
		return []string{contracted(last.medial), whole}
	case vowelO: // 봐, 보아
		return []string{contracted(vowelWa), whole}
	case vowelU: // 줘, 주어
		return []string{contracted(vowelWo), whole}
	case vowelOe: // 돼, 되어
		return []string{contracted(vowelWae), whole}
	case vowelI: // 져, 보여
		return []string{contracted(vowelYeo)}
	case vowelEu: // 써; 바빠, 기뻐
		v := vowelEo
		if n > 0 {
			prev, _ := decompose(base[n-1])
			v = harmony(prev.medial)
		}
		return []string{contracted(v)}
	}
	return []string{whole} // 쉬어, 띄어
}

// harmony returns the vowel of 어 after a syllable of the medial: 아 after
// ㅏ, ㅑ and ㅗ, 어 after the others.
func harmony(medial int) int {
	if medial == vowelA || medial == vowelYa || medial == vowelO {
		return vowelA
	}
	return vowelEo
}

// A particle has a form after a consonant and one after a vowel (이 and
// 가, the subject; 이다 and 다, the copula), or one for both (의, 에서).
type particle struct {
	consonant, vowel string
	// leads is whether another particle may follow it, and follows
	// whether it may follow another: 에서 + 는, 과 + 의, 에게 + 만.
	leads, follows bool
}

// nounParticles are the case particles, the copula's forms and the chat
// endings that follow a noun: 사람이, 바다에서는, 섬이었다, 사람임.
var nounParticles = []particle{
	// Those that end a noun's grammar.
	{"이", "가", false, false}, {"을", "를", false, false}, {"이나", "나", false, false},
	{"이라도", "라도", false, false}, {"이라고", "라고", false, false}, {"이라는", "라는", false, false},
	{"이란", "란", false, false}, {"이든", "든", false, false}, {"이야", "야", false, false},
	{"이다", "다", false, false}, {"이었다", "였다", false, false}, {"이었어", "였어", false, false},
	{"이었는데", "였는데", false, false}, {"이에요", "예요", false, false}, {"입니다", "입니다", false, false},
	{"입니까", "입니까", false, false}, {"인가", "인가", false, false}, {"인데", "인데", false, false},
	{"인지", "인지", false, false}, {"인거임", "인거임", false, false}, {"이냐", "냐", false, false},
	{"임", "임", false, false}, {"이고", "고", false, false}, {"이지", "지", false, false},
	{"이면", "면", false, false}, {"조차", "조차", false, false}, {"마저", "마저", false, false},
	{"뿐", "뿐", false, false},
	// Those that another may follow: 바다에서는, 섬으로의, 나라끼리만.
	{"에", "에", true, false}, {"에서", "에서", true, false}, {"에게", "에게", true, false},
	{"에게서", "에게서", true, false}, {"한테", "한테", true, false}, {"께", "께", true, false},
	{"께서", "께서", true, false}, {"으로", "로", true, false}, {"으로서", "로서", true, false},
	{"으로써", "로써", true, false}, {"과", "와", true, false}, {"하고", "하고", true, false},
	{"이랑", "랑", true, false}, {"보다", "보다", true, false}, {"처럼", "처럼", true, false},
	{"만큼", "만큼", true, false}, {"밖에", "밖에", true, false}, {"마다", "마다", true, false},
	{"끼리", "끼리", true, false},
	// Those that may follow another.
	{"은", "는", false, true}, {"도", "도", false, true}, {"의", "의", false, true},
	{"만", "만", true, true}, {"까지", "까지", true, true}, {"부터", "부터", true, true},
}

// declines reports whether word is noun followed by the plural 들 and up
// to two particles: 사람들이, 바다에서는, 나라들의.
func declines(noun []rune, word string) bool {
	bases := []string{string(noun)}
	if plural := string(noun) + "들"; strings.HasPrefix(word, plural) {
		if plural == word {
			return true
		}
		bases = append(bases, plural)
	}
	for _, b := range bases {
		for _, p := range nounParticles {
			f := decline(b, p)
			if f == word {
				return true
			}
			if !p.leads || !strings.HasPrefix(word, f) {
				continue
			}
			for _, q := range nounParticles {
				if q.follows && decline(f, q) == word {
					return true
				}
			}
		}
	}
	return false
}

// decline returns noun followed by the form of the particle that it
// takes: the vowel form after a vowel, and after ㄹ for 으로 (길로, "by
// road").
func decline(noun string, p particle) string {
	last, _ := decompose([]rune(noun)[utf8.RuneCountInString(noun)-1])
	if last.final == finalNone || last.final == finalL && strings.HasPrefix(p.consonant, "으로") {
		return noun + p.vowel
	}
	return noun + p.consonant
}
