package lang

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Korean attaches grammar to the end of its words: a noun takes particles
// (일본이, 일본은, 일본에서는: "Japan" as subject, topic, "in Japan"), and a
// verb or adjective takes endings (해제됐어, 해제했나요: "was it lifted").
// Most of the dispute's vocabulary is Sino-Korean nouns that become verbs
// with 하다 ("do") or 되다 ("become"): 해제하다 "to lift", 결정되다 "to be
// decided". Taking off the endings, then 하다/되다, then the particles,
// leaves the noun that a lexicon or an index knows.

// koreanEndings are sentence and clause endings of verbs and adjectives,
// as written after a stem (했어 = 하 + 였 + 어), including the polite and
// interrogative forms that questions use.
var koreanEndings = []string{
	// -하다 / -되다 in the past, as questions or statements
	"했습니까", "했나요", "했어요", "했는지", "했을까", "했었나", "했었어", "했는데", "했잖아", "했다고", "했대", "했지", "했나", "했니", "했냐", "했어", "했다", "했음", "했던", "했고", "했을",
	"됐습니까", "됐나요", "됐어요", "됐는지", "됐을까", "됐는데", "됐다고", "됐대", "됐지", "됐나", "됐니", "됐냐", "됐어", "됐다", "됐음", "됐던", "됐고", "됐을",
	"되었습니까", "되었나요", "되었어요", "되었는지", "되었나", "되었어", "되었다", "되었던",
	"하였습니까", "하였나요", "하였나", "하였어", "하였다", "하였던",
	// present and future
	"합니까", "합니다", "하나요", "하나", "하니", "하냐", "해요", "해서", "하는지", "하는데", "하는", "하고", "하려고", "하려는", "할까", "할", "한다", "한",
	// orders, plans and concessions reported in the news (배상하라는,
	// 지급하기로, 요구했지만)
	"하라는", "하라고", "하라며", "하기로", "하기는", "하기", "하면서", "하며", "했지만", "하지만", "됐지만", "되면서", "되며",
	"됩니까", "됩니다", "되나요", "되나", "되니", "되냐", "돼요", "돼서", "되는지", "되는", "되고", "될까", "될", "된다", "된", "돼",
	// passive and causative verbs of the dispute
	"당했나요", "당했어", "당했나", "당한", "받았나요", "받았어", "받았나", "받은", "시켰어", "시킨",
	// the copula and question endings after nouns
	"입니까", "인가요", "인가", "인지", "이에요", "예요", "이야", "이냐", "였나요", "였어", "였나", "였다", "였던", "이었나", "이었어", "이었다", "이다", "이라고", "라고", "이라는", "라는",
	// the copula's past and chat forms (몇 명이었냐, 누구였음, 얼마임)
	"이었습니까", "였습니까", "이었어요", "였어요", "이었냐", "였냐", "이었니", "였니", "이었음", "였음", "이었지", "였지", "이었대", "였대", "이었는데", "였는데", "인데", "임",
	"나요", "까요", "냐고", "냐", "니", "죠", "지요",
}

// koreanParticles are the case and topic particles of nouns, longest
// first where one ends another.
var koreanParticles = []string{
	"에서는", "에서도", "에게서", "한테서", "으로는", "으로도", "까지는", "부터는", "에게는", "이라도", "에서의", "으로의", "과의", "와의", "에의",
	"에서", "에게", "한테", "으로", "까지", "부터", "보다", "처럼", "이랑", "에는", "에도", "로는", "로도", "이나", "께서", "마저", "조차", "밖에", "이란", "란",
	"은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "랑", "께", "나", "요",
}

// afterConsonant are the particles that only follow a syllable ending in a
// consonant; after a vowel Korean writes their other form (가, 는, 를, 와,
// 로, 나, 랑, 란).
var afterConsonant = map[string]bool{
	"이": true, "은": true, "을": true, "과": true, "으로": true, "이나": true, "이랑": true, "이란": true,
	"으로는": true, "으로도": true, "으로의": true, "과의": true, "이라도": true,
}

// endsInConsonant reports whether a word's last syllable has a final
// consonant (받침).
func endsInConsonant(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return r >= 0xAC00 && r <= 0xD7A3 && (r-0xAC00)%28 != 0
}

// topicOrObject reports whether a word of two syllables is a noun of one
// and the particle of topic or object that fits its sound: 은 and 을 after
// a consonant, 는 and 를 after a vowel (법은, 섬을, 씨는, 배를). Few words
// of two syllables end so (마을 and 가을 end in 을 after a vowel), where
// 이, 가, 의 and 에 end many (길이, 휴가, 회의, 차에).
func topicOrObject(w, particle string) bool {
	rest := strings.TrimSuffix(w, particle)
	switch particle {
	case "은", "을":
		return endsInConsonant(rest)
	case "는", "를":
		return !endsInConsonant(rest)
	}
	return false
}

// KoreanForms returns a Korean word and the shorter forms left as its
// endings and particles come off, longest first: 해제됐나요 gives 해제됐나요
// and 해제; 일본에서는 gives 일본에서는 and 일본. Nothing is cut to less than
// one syllable, and a particle of one syllable comes off only a word of
// three or more, since it may be the noun's own last syllable (회의,
// "meeting", ends in the particle 의).
func KoreanForms(word string) []string {
	out := []string{word}
	w := word
	cut := func(suffixes []string, minLeft int) bool {
		s := longestSuffix(w, suffixes)
		if s == "" || utf8.RuneCountInString(w)-utf8.RuneCountInString(s) < minLeft {
			return false
		}
		if utf8.RuneCountInString(s) == 1 && utf8.RuneCountInString(w) < 3 && !topicOrObject(w, s) {
			return false
		}
		rest := strings.TrimSuffix(w, s)
		if afterConsonant[s] && !endsInConsonant(rest) {
			// 이나, 은, 을... follow a consonant; after a vowel they are
			// part of the word (이쿠이나, a name, is not 이쿠 + 이나).
			return false
		}
		if s == "니" && !endsInConsonant(rest) {
			// The question ending 니 follows a past or a consonant
			// (했니, 없니); after a vowel it is more often a noun's last
			// syllable (어머니, "mother"; 오타니, a name).
			return false
		}
		w = rest
		out = append(out, w)
		return true
	}
	if noun, ok := copulaPast(w); ok {
		return append(out, noun)
	}
	// A person named with the copula's adnominal 인, "who is" (권씨인 그,
	// "he, who is Mr. Kwon"): after 씨 or a name only, since most nouns
	// ending in 인 are words of their own (한국인, 원인, 확인).
	if rest, ok := strings.CutSuffix(w, "인"); ok && utf8.RuneCountInString(rest) >= 2 {
		_, _, isName := KoreanName(rest)
		if strings.HasSuffix(rest, "씨") || isName {
			w = rest
			out = append(out, w)
		}
	}
	if noun, ok := nounVerb(w); ok {
		return append(out, noun)
	}
	cut(koreanEndings, 1)
	for range 2 { // a particle may follow another: 일본에서는, 일본과의
		if !cut(koreanParticles, 1) {
			break
		}
	}
	// A name and 씨 written as one word, as chat does (정몽주씨가): the
	// name (not 아저씨, "mister", whose 아저 is no name).
	if name, ok := strings.CutSuffix(w, "씨"); ok {
		if _, _, isName := KoreanName(name); isName {
			out = append(out, name)
		}
	}
	return out
}

// ParticleTails returns the particles, one or two, that KoreanForms cuts
// off a word ending with them on the way to stem (the index keeps the
// last form, which further particles after them take to stem: 바르셀로나에서
// is indexed as 바르셀로), where they may as well be
// the last syllables of a borrowed name: syllables of a consonant and a
// vowel (로, 나, 도, 가, and 와, which ends many Japanese names). A name so
// ending loses them (바르셀로나 is read as 바르셀 with 로 and 나, 홋카이도
// as 홋카이 with 도); particles that begin with a vowel (에, 은, 을) are
// rarely a name's.
func ParticleTails(stem string) []string {
	var single []string
	for _, p := range nameLikeParticles {
		if slices.Contains(KoreanForms(stem+p), stem) {
			single = append(single, p)
		}
	}
	out := slices.Clone(single)
	for _, p := range nameLikeParticles {
		for _, q := range single {
			if slices.Contains(KoreanForms(stem+p+q), stem) {
				out = append(out, p+q)
			}
		}
	}
	return out
}

// nameLikeParticles are the particles of one syllable that may end a
// borrowed name (see ParticleTails): a consonant and a vowel, or 와.
var nameLikeParticles = func() []string {
	var out []string
	for _, p := range koreanParticles {
		r, n := utf8.DecodeRuneInString(p)
		if n != len(p) {
			continue
		}
		if ini, _, fin, ok := syllable(r); ok && fin == 0 && (ini != initialNone || p == "와") {
			out = append(out, p)
		}
	}
	return out
}()

// copulaPast returns the noun of a word that is a noun with the copula in
// the past and any chain of endings after it, as questions and relative
// clauses write it (선수였던거, "that was a player"; 회장이었던, "who was
// chairman"; 점이었나요, "was it points"): 였 after a vowel, 이었 after a
// consonant. A bound noun may close the chain in chat (던거, 던게).
func copulaPast(w string) (string, bool) {
	for _, marker := range []string{"이었", "였"} {
		i := strings.LastIndex(w, marker)
		if i <= 0 {
			continue
		}
		noun, rest := w[:i], w[i+len(marker):]
		if endsInConsonant(noun) != (marker == "이었") {
			continue
		}
		if rest == "" || KoreanInflection(cutChatNoun(rest)) {
			return noun, true
		}
	}
	return "", false
}

// nounVerbs are the forms that 되다 ("become"), 하다 ("do") in the past,
// 시키다 ("make"), 당하다 ("suffer") and 받다 ("receive") take after a noun
// to make a verb of it (포함되어, "included"; 포함시켰습니까, "did they
// include"; 학살당한, "massacred"; 처벌받음, "punished"), in the forms their
// endings give the stem. Not the present
// forms of 하다 (해, 하, 한, 할) or 되다's 된 and 될, which end nouns too
// (일본해, the Sea of Japan; 피해, "damage"; 무제한): koreanEndings lists
// them with their endings. No Chinese character reads 됐, 돼, 했, 켜 or 킨,
// so no noun ends in them.
var nounVerbs = strings.Fields(`되어 되었 됐 돼 했 하였 시켜 시켰 시키 시킨 당했 당해 당하 당한 받`)

// nounVerb returns the noun of a word that is a noun of two syllables or
// more made a verb with one of nounVerbs, and any chain of endings after
// it (품절됐더라, "it sold out"; 예정되어, "scheduled"), with a bound noun
// at the end in chat (학살당한거, "the massacre of them").
func nounVerb(w string) (string, bool) {
	for i, r := range w {
		if i == 0 || utf8.RuneCountInString(w[:i]) < 2 || !(r >= 0xAC00 && r <= 0xD7A3) {
			continue
		}
		for _, v := range nounVerbs {
			rest, ok := strings.CutPrefix(w[i:], v)
			if rest = cutChatNoun(rest); ok && (rest == "" || KoreanInflection(rest)) {
				return w[:i], true
			}
		}
		for _, v := range presentVerbs {
			if rest, ok := strings.CutPrefix(w[i:], v); ok && presentEnding(rest) {
				return w[:i], true
			}
		}
	}
	return "", false
}

// presentVerbs are the present and future forms of 하다 and 되다 after a
// noun, which end nouns too (일본해, the Sea of Japan; 남북한; 인하,
// "cut"): they make a verb of the noun before them only with an ending
// that no particle is (see presentEnding).
var presentVerbs = strings.Fields(`하 한 할 해 되 된 될`)

// presentEnding reports whether what follows a present form of 하다 or
// 되다 is a verb's ending that no noun's last syllable and particle
// spell: a chain of two syllables or more (발표한다던데, "they say it will
// be announced"; 발표하셨음), one of presentOnly (운동하던, 자문해준, "who
// advised"), or a chain closed with chat's bound noun (역전한거, 발표할듯).
// Not a particle (일본해는, 남북한은), nor a syllable and a particle, as
// nouns that begin with a form of 하다 end (부당해고는, "unfair
// dismissal"; 상용한자는; 계약해지도).
func presentEnding(rest string) bool {
	if chain := cutChatNoun(rest); chain != rest {
		return chain == "" || KoreanInflection(chain)
	}
	if slices.Contains(presentOnly, rest) {
		return true
	}
	r := []rune(rest)
	switch {
	case len(r) < 2:
		return false
	case len(r) == 2 && slices.Contains(koreanParticles, string(r[1])):
		return false
	}
	return KoreanInflection(rest)
}

// presentOnly are the endings of one syllable that follow 하다 and 되다
// and begin no noun (하던, 된대, 해준), and those of condition and
// obligation (졸업하면, "once they graduate"; 인도해야, "must hand over").
var presentOnly = strings.Fields(`던 대 냐 니 래 죠 준 줘 면 야`)

// cutChatNoun takes off the bound noun that chat closes a chain of
// endings with (던거, 한거임, 줬던게).
func cutChatNoun(endings string) string {
	for _, b := range []string{"거임", "거야", "거지", "거", "게", "건", "걸", "듯", "중"} {
		if r, ok := strings.CutSuffix(endings, b); ok {
			return r
		}
	}
	return endings
}

// KoreanStem is the shortest of KoreanForms: the word without its
// grammar.
func KoreanStem(word string) string {
	f := KoreanForms(word)
	return f[len(f)-1]
}

// koreanFunctionWords are question words, pronouns, adverbs and nouns of
// grammar that say nothing about what a question is about, and the forms
// chat types them in (어케 and 어캐 for 어떻게, "how"; 어떰 for 어때, "how
// is it").
var koreanFunctionWords = map[string]bool{}

func init() {
	for w := range strings.FieldsSeq(`뭐 뭔 뭐야 뭐지 뭔가 무엇 무엇이 무슨 어떤 어떻게 어땠 어때 어떤가 언제 어디 어디서 누구 누가 누구야 왜 얼마 얼마나 몇 어느 
		그 이 저 그것 이것 저것 그거 이거 저거 것 거 게 걸 때 수 등 중 및 또 또는 그리고 그래서 그러면 그럼 근데 그런데 하지만 그러나 
		거기 여기 저기 그곳 이곳 저곳 거긴 여긴 거기서 여기서 저기서 
		좀 진짜 정말 혹시 아직 다시 이제 지금 요즘 최근 당시 결국 과연 대체 도대체 제일 가장 많이 
		정확히 실제로 확실히 솔직히 구체적으로 대략 대충 정도 쯤 가량 예전 옛날 나중 요새 
		보는 봐 봐요 봤어 봤어요 봤다 봤나 보나요 본다 
		관련 대해 대한 대해서 관해 관한 관해서 관련된 관련해 통해 위해 위한 따라 따른 때문 때문에 
		있어 있나 있나요 있었어 있었나 있는 있었 없어 없나 없는 했어 했나 해 하나 한 된 됐어 되나 
		어땠어 어땠어요 어땠나 어땠나요 어때 어때요 어떤데 뭐였어 뭐였나 뭐예요 뭔데 뭐임 아님 맞아 맞지 맞나요 아니야 거야 건가 건지 
		거 게 건 걸 데 뭘 왜요 머 가운데 
		알려줘 알려주세요 설명 설명해 설명해줘 말해줘 궁금 궁금해 궁금해요 질문 요약 정리 내용 뭐였지 뭐였어 
		나 너 우리 저희 제가 내가 니가 걔 쟤 얘 분 사람들 정부 당국 
		이후 이전 당시 현재 이번 지난 올해 작년 그때 이때 동안 전후 직후 직전 이상 이하 또한 이미 아직 계속 모두 각각 
		거임 아님 나오 내는 하는 되는 있던 없던 후 전 며칠 몇살 
		어케 어캐 어떰`) {
		koreanFunctionWords[w] = true
	}
}

// questionWords are the Korean words of asking that take the copula. 머 is
// how chat types 뭐 (슬로건 머였지, 이거 머임): alone or with the copula
// only, since many words begin with it (머리, 머물다).
var questionWords = []string{"뭐", "머", "무엇", "언제", "어디", "누구", "얼마", "왜", "몇", "어느", "어떤", "무슨"}

// copulaEndings are the copula and sentence endings a question word takes:
// 언제야, 언제예요, 누구였지, 무엇입니까.
var copulaEndings = map[string]bool{}

func init() {
	for _, e := range strings.Fields(`야 지 냐 니 요 죠 예요 에요 이야 이지 이냐 이니 이에요 이죠 였어 였지 였냐 였나 였나요 였어요 였죠 였을까
		이었어 이었지 이었나 이었나요 이었어요 이었죠 일까 일까요 인가 인가요 인지 인데 입니까 입니다 이었습니까 였습니까 임 이었음 였음`) {
		copulaEndings[e] = true
	}
}

// koreanInflections are the pieces that follow the stem of a verb or
// adjective: honorific, tense and mood (시, 셨, 겠, 었, 졌), the benefactive
// auxiliary (주, 줘: "for me"), and the endings that close a clause or a
// sentence. Questions chain them (하+셨+어, 재개하+겠+다고, 알려+주+시+겠+
// 습니까); KoreanInflection reads such a chain.
var koreanInflections = strings.Fields(`시 셨 셔 겠 었 았 였 졌 져 주 줘 줄 준 주세요
	습니까 습니다 니까 니다 ㅂ니다 어요 아요 여요 에요 세요 어 아 여 요 죠 지요 지 다 고 다고 다는 다며 다면 다던데 던데 데 는데 는지 은지 는가 은가
	나 나요 냐 냐고 니 네 군 구나 대 대요 래 래요 자 며 면 면서 으며 으면 서 게 도록 려 려고 려는 려다 려면 기 기로 음 임 는 은 을 던 ㄴ ㄹ 까 까요 ㄹ까
	잖아 잖아요 더라 더라고 던가
	심 구 댔 야 함 됨 봄 봐 버림 버렸 버려`)

// lightStems are the stems of the verbs that carry grammar rather than
// meaning in a question: 하다 "do" and 되다 "become" (which the nouns of the
// dispute take: 해제하다), 있다 and 없다, 계시다 (있다 said of an elder:
// 살아 계셔), 알리다 of "tell me" (알려주시겠습니까), and the past of 오다
// "come" and 가다 "go", which after a verb say that it went on (해 왔어요,
// "have been doing") and alone are the "came" and "went" English questions
// leave out; in the forms their endings give the stem. Not their present
// forms, which other words begin with (가지, 가요, 오늘).
var lightStems = strings.Fields(`하 해 했 할 한 합 되 돼 됐 될 된 됩 있 없 계시 계셔 계신 계세 알려 왔 갔`)

// KoreanInflection reports whether s is made only of the pieces of a verb
// ending (koreanInflections): what is left of a verb whose stem a lexicon
// word took (졌습니까 of 떨어졌습니까), or the ending of a light verb.
func KoreanInflection(s string) bool {
	if s == "" {
		return false
	}
	// ok[i]: s[:i] is a chain of inflections.
	ok := make([]bool, len(s)+1)
	ok[0] = true
	for i := range len(s) {
		if !ok[i] {
			continue
		}
		for _, p := range koreanInflections {
			if strings.HasPrefix(s[i:], p) {
				ok[i+len(p)] = true
			}
		}
	}
	return ok[len(s)]
}

// boundNouns are the nouns that cannot stand alone: counters (명 people,
// 년 years, 위 rank, 번 times, 건 cases) and 측/쪽 "side". With a particle
// (측은, 년에, 2위를) they are how a question counts or points, not what it
// is about.
var boundNouns = strings.Fields(`측 쪽 분 명 년 위 번 건 개 곳 차 회 살 번째`)

// boundParticles are the particles a bound noun is read with. Not 의 or
// 도, which end nouns of their own: 회의 "meeting", 건의 "proposal", 년도
// "fiscal year".
var boundParticles = map[string]bool{"은": true, "는": true, "이": true, "가": true, "을": true, "를": true, "에": true, "에서": true, "으로": true, "로": true}

// interrogatives begin the words of asking however they end (몇건이나,
// 얼마씩, 어디셔, 뭐라): no content word of Korean begins so. 왜 is not
// among them (왜곡, "distortion"), nor 몇몇, "several".
var interrogatives = strings.Fields(`얼마 몇 어디 누구 언제 뭐 무엇 어느 어떤 어떻 어땠 무슨`)

// KoreanEnding reports whether s is grammar alone, an ending or a
// particle, written after a word (인가요 of 학교인가요; 에서는 of
// 일본에서는).
func KoreanEnding(s string) bool {
	return slices.Contains(koreanEndings, s) || slices.Contains(koreanParticles, s) || KoreanInflection(s)
}

// KoreanSuffix reports whether s, written right after a word of the
// lexicon or a figure, is a suffix of one syllable with its grammar (장은
// of 재판장은, 들은 of 원고들은, 위를 of 2위를) or grammar alone
// (졌습니까 of 떨어졌습니까): it makes a longer word of what came before,
// not a word of its own.
func KoreanSuffix(s string) bool {
	if s == "" {
		return false
	}
	if KoreanFunctionWord(s) || KoreanInflection(s) {
		return true
	}
	_, size := utf8.DecodeRuneInString(s)
	rest := s[size:]
	return rest == "" || KoreanEnding(rest)
}

// KoreanFunctionWord reports whether a Korean word, in any of its forms,
// is a word of grammar or of asking rather than of content.
func KoreanFunctionWord(word string) bool {
	// What a lexicon match leaves of a word: its particle or ending alone.
	if slices.Contains(koreanParticles, word) || slices.Contains(koreanEndings, word) {
		return true
	}
	// Letters not made into syllables are chat's laughter, tears and
	// shorthand (ㅋㅋ, ㅠㅠ, ㄹㅇ "for real", ㅇㅇ "yeah"), not words a
	// passage writes.
	if word != "" && strings.IndexFunc(word, func(r rune) bool { return r < 0x3131 || r > 0x318E }) < 0 {
		return true
	}
	for _, q := range interrogatives {
		if strings.HasPrefix(word, q) && !strings.HasPrefix(word, "몇몇") {
			return true
		}
	}
	// A light verb in any form (하겠다고, 하셨어, 해줘, 계셔), 있다 and 없다,
	// "there is" and "there is not", among them (있었다는, 없었던).
	for _, stem := range lightStems {
		if rest, ok := strings.CutPrefix(word, stem); ok && (rest == "" || KoreanInflection(rest)) {
			return true
		}
	}
	// A bound noun alone or with its particle (측은, 년에, 번째).
	if slices.Contains(boundNouns, word) {
		return true
	}
	for _, b := range boundNouns {
		if rest, ok := strings.CutPrefix(word, b); ok && boundParticles[rest] {
			return true
		}
	}
	for _, f := range KoreanForms(word) {
		if koreanFunctionWords[f] || f != word && slices.Contains(boundNouns, f) {
			return true // 명이라는 of 몇 명이라는: a counter with the copula
		}
	}
	// A question word with the copula or a sentence ending (언제야, 얼마야,
	// 무엇이었나요, 어디였지): the question word, however it ends.
	for _, q := range questionWords {
		if rest, ok := strings.CutPrefix(word, q); ok && rest != "" && copulaEndings[rest] {
			return true
		}
	}
	// A function word of one syllable with its particle (거에, 뭘): too
	// short for KoreanForms to cut.
	if r := []rune(word); len(r) == 2 && koreanFunctionWords[string(r[:1])] && slices.Contains(koreanParticles, string(r[1:])) {
		return true
	}
	return false
}

// koreanPlaceSuffixes are the Sino-Korean words for a kind of place that
// Korean writes after a place's name as one word (가와사키시, 이시카와현,
// 노토반도, 도시샤대학), longest first, so that 반도 is taken before 도.
var koreanPlaceSuffixes = []string{"특별시", "광역시", "대학교", "반도", "대학", "공항", "신사", "해협",
	"시", "현", "도", "군", "구", "정", "촌", "섬", "역", "항", "성", "만"}

// koreanKindSuffixes are Sino-Korean words of one syllable other than a
// place's kind that Korean writes after a name as one word: 상, a prize
// (賞: 아쿠타가와상, the Akutagawa Prize) or a minister (相: 문부과학상).
var koreanKindSuffixes = []string{"상"}

// KoreanKindBase returns the name a Korean word is made of with a word of
// koreanKindSuffixes (아쿠타가와상: 아쿠타가와), when three syllables at
// least are left: a shorter word so ending is a word of its own (이상,
// 사상, 대상).
func KoreanKindBase(word string) (string, bool) {
	return baseBefore(word, koreanKindSuffixes, 3)
}

// KoreanPlaceBase returns the name a Korean word of a place is made of
// with its kind (가와사키시: 가와사키), when two syllables at least are left.
func KoreanPlaceBase(word string) (string, bool) {
	return baseBefore(word, koreanPlaceSuffixes, 2)
}

// baseBefore returns what a word is before the first of suffixes it ends
// with, when least syllables at least are left.
func baseBefore(word string, suffixes []string, least int) (string, bool) {
	for _, s := range suffixes {
		if base, ok := strings.CutSuffix(word, s); ok && utf8.RuneCountInString(base) >= least {
			return base, true
		}
	}
	return "", false
}
