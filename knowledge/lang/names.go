package lang

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// English news spells Korean personal names as the people themselves do,
// which is seldom the Revised Romanization: 이용수 is Lee Yong-soo, not I
// Yongsu; 정경두 Jeong Kyeong-doo; 양금덕 Yang Geum-deok. A Korean question
// that names someone an English article names finds the article only
// through such a spelling. KoreanName gives the spellings a name may
// have: the surname's usual ones, and for each syllable of the given name
// the Revised Romanization and the variants that names keep from older
// systems (eo as u, eu as u, u as oo, i as ee, g as k, j as ch). The
// corpus decides which it says.

// surnames are the usual English spellings of the commonest Korean
// surnames, which cover most of the population.
var surnames = map[string][]string{
	"김": {"kim"}, "이": {"lee", "yi", "rhee"}, "박": {"park", "pak"}, "최": {"choi", "choe"}, "정": {"jeong", "jung", "chung", "chong"},
	"강": {"kang"}, "조": {"cho", "jo"}, "윤": {"yoon", "yun"}, "장": {"jang", "chang"}, "임": {"lim", "im"},
	"한": {"han"}, "오": {"oh"}, "서": {"seo", "suh"}, "신": {"shin"}, "권": {"kwon"}, "황": {"hwang"},
	"안": {"ahn"}, "송": {"song"}, "류": {"ryu", "yoo"}, "유": {"yoo", "yu"}, "홍": {"hong"}, "전": {"jeon", "chun", "chon"},
	"고": {"ko", "koh"}, "문": {"moon", "mun"}, "양": {"yang"}, "손": {"son", "sohn"}, "배": {"bae"},
	"백": {"baek", "paik"}, "허": {"heo", "huh"}, "남": {"nam"}, "심": {"shim", "sim"}, "노": {"roh", "noh"},
	"하": {"ha"}, "곽": {"kwak"}, "성": {"sung", "seong"}, "차": {"cha"}, "주": {"joo", "ju"}, "우": {"woo"},
	"구": {"koo", "ku"}, "민": {"min"}, "진": {"jin"}, "나": {"na"}, "지": {"ji"}, "엄": {"eom", "um"},
	"채": {"chae"}, "원": {"won"}, "천": {"cheon", "chun"}, "방": {"bang"}, "공": {"kong"}, "현": {"hyun"},
	"함": {"ham"}, "변": {"byun", "byeon"}, "염": {"yeom"}, "여": {"yeo"}, "추": {"choo", "chu"}, "도": {"do"},
	"석": {"seok", "suk"}, "선": {"sun", "seon"}, "설": {"seol"}, "마": {"ma"}, "길": {"gil", "kil"},
	"연": {"yeon"}, "표": {"pyo"}, "명": {"myung"}, "반": {"ban"}, "왕": {"wang"}, "금": {"keum", "geum"},
	"육": {"yook"}, "인": {"in"}, "탁": {"tak"}, "국": {"kook"}, "은": {"eun"}, "봉": {"bong"}, "태": {"tae"},
}

// KoreanSurname reports whether latin spells the Korean surname syllable
// ("park" for 박).
func KoreanSurname(syllable, latin string) bool {
	return slices.Contains(surnames[syllable], strings.ToLower(latin))
}

// syllableVariants returns the spellings of a syllable of a given name:
// its Revised Romanization and the older spellings names keep.
func syllableVariants(syllable string) []string {
	rr := revised(syllable, false)
	out := []string{rr}
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, v := range slices.Clone(out) {
		add(strings.Replace(v, "eo", "u", 1))    // deok: duk, seong: sung
		add(strings.Replace(v, "yeo", "you", 1)) // yeong: young
		add(strings.Replace(v, "eu", "u", 1))    // geum: gum
		add(strings.Replace(v, "eu", "eo", 1))   // eun: eon (rare)
		if strings.HasSuffix(v, "u") && !strings.HasSuffix(v, "eu") {
			add(v + "o") // su: soo, du: doo
			add(strings.TrimSuffix(v, "u") + "oo")
		}
		if strings.HasPrefix(v, "u") && !strings.HasPrefix(v, "ui") {
			add("woo" + v[1:]) // 우: Woo, Daewoo, Hyun-woo; 욱: Chan-wook; 웅: Young-woong
		}
		if strings.HasSuffix(v, "i") && !strings.HasSuffix(v, "ui") {
			add(v + "e") // hi: hee (and si: sie, harmless)
			add(strings.TrimSuffix(v, "i") + "ee")
		}
		if strings.HasSuffix(v, "ui") {
			add(strings.TrimSuffix(v, "ui") + "ee") // hui: hee
		}
	}
	for _, v := range slices.Clone(out) {
		switch {
		case strings.HasPrefix(v, "g"):
			add("k" + v[1:]) // gyeong: kyeong, kyung
		case strings.HasPrefix(v, "j"):
			add("ch" + v[1:]) // jeong: cheong, chung
		case strings.HasPrefix(v, "s") && strings.HasPrefix(v[1:], "i"):
			add("sh" + v[1:]) // sin: shin
		case strings.HasPrefix(v, "b"):
			add("p" + v[1:])
		case strings.HasPrefix(v, "d"):
			add("t" + v[1:])
		}
	}
	return out
}

// KoreanName reads a word of Hangul as a Korean personal name, a surname
// of one syllable and a given name of two: the surname's usual spellings
// and each given-name syllable's. ok is false for a word that is not of
// that form.
func KoreanName(word string) (surname []string, given [2][]string, ok bool) {
	r := []rune(word)
	if len(r) != 3 {
		return nil, given, false
	}
	for _, c := range r {
		if _, _, _, ok := syllable(c); !ok {
			return nil, given, false
		}
	}
	surname, ok = surnames[string(r[0])]
	if !ok {
		return nil, given, false
	}
	given[0], given[1] = syllableVariants(string(r[1])), syllableVariants(string(r[2]))
	return surname, given, true
}

// maxNameSpellings bounds the spellings NameSpellings returns.
const maxNameSpellings = 64

// NameSpellings returns the ways English may spell a Korean proper noun
// of two or three syllables that is no personal name, its syllables
// joined as a company or a place spells them (대우: Daewoo; 삼성: Samsung;
// 성동: Sungdong): each syllable as syllableVariants spells it in a given
// name, which keeps the older systems' spellings that such names keep.
// nil for a word of other length or not all Hangul.
func NameSpellings(word string) []string {
	r := []rune(word)
	if len(r) < 2 || len(r) > 3 {
		return nil
	}
	out := []string{""}
	for _, c := range r {
		if _, _, _, ok := syllable(c); !ok {
			return nil
		}
		variants := syllableVariants(string(c))
		var next []string
		for _, prefix := range out {
			for _, v := range variants {
				if len(next) < maxNameSpellings {
					next = append(next, prefix+v)
				}
			}
		}
		out = next
	}
	return out
}

// The other way: a name an English question spells, as Korean writes it.
var (
	surnameSpellings  = sync.OnceValue(func() map[string][]string { return invert(surnames) })
	syllableSpellings = sync.OnceValue(func() map[string][]string {
		all := map[string][]string{}
		for r := rune(0xAC00); r <= 0xD7A3; r++ {
			// Names use plain syllables: no tense first consonant (ㄲ ㄸ
			// ㅃ ㅆ ㅉ) and no final but ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ.
			ini, _, fin, _ := syllable(r)
			if ini == 1 || ini == 4 || ini == 8 || ini == 10 || ini == 13 || !slices.Contains([]int{0, 1, 4, 8, 16, 17, 21}, fin) {
				continue
			}
			all[string(r)] = syllableVariants(string(r))
		}
		return invert(all)
	})
)

// invert maps each spelling to the Hangul it spells, in Hangul order.
func invert(m map[string][]string) map[string][]string {
	out := map[string][]string{}
	for h, spellings := range m {
		for _, s := range spellings {
			out[s] = append(out[s], h)
		}
	}
	for _, hs := range out {
		slices.Sort(hs)
	}
	return out
}

// maxLatinNames bounds the Hangul names KoreanNameOf returns.
const maxLatinNames = 64

// KoreanNameOf returns the Hangul a Korean personal name spelt in Latin
// letters may be, a surname and the two syllables of a given name (shin,
// kyuk, ho: 신격호 among others), or nothing when the surname is no
// usual spelling of one or a syllable no spelling of any. The corpus
// decides among them.
func KoreanNameOf(surname, given1, given2 string) []string {
	ss := surnameSpellings()[strings.ToLower(surname)]
	if len(ss) == 0 {
		return nil // most words are no surname: the syllables' table is not built for them
	}
	g1 := syllableSpellings()[strings.ToLower(given1)]
	g2 := syllableSpellings()[strings.ToLower(given2)]
	var out []string
	for _, s := range ss {
		for _, a := range g1 {
			for _, b := range g2 {
				if len(out) == maxLatinNames {
					return out
				}
				out = append(out, s+a+b)
			}
		}
	}
	return out
}

// KoreanNameJoined returns the Hangul a Korean personal name spelt in
// Latin letters may be when its given name's two syllables are written
// together (yu, miri: 유미리), each way of dividing them tried, or nothing.
func KoreanNameJoined(surname, given string) []string {
	g := strings.ToLower(given)
	if len(surnameSpellings()[strings.ToLower(surname)]) == 0 || len(g) < 2 || len(g) > 12 {
		return nil
	}
	var out []string
	for i := 1; i < len(g) && len(out) < maxLatinNames; i++ {
		for _, h := range KoreanNameOf(surname, g[:i], g[i:]) {
			if len(out) < maxLatinNames && !slices.Contains(out, h) {
				out = append(out, h)
			}
		}
	}
	return out
}

// personTitles are the words Korean and Japanese write after a person's
// name to say who the person is or to name them politely (아사다 선수,
// 이강철 감독, 신격호 회장; 浅田真央選手, 是枝監督, 重光武雄氏): a closed class
// of the grammar of names, as "Mr." and "President" are in English.
var personTitles = map[string]bool{
	// Korean
	"선수": true, "감독": true, "회장": true, "사장": true, "대표": true, "씨": true, "님": true,
	"대통령": true, "총리": true, "장관": true, "교수": true, "작가": true, "시인": true,
	"의원": true, "위원장": true, "대사": true, "대변인": true, "의장": true, "차관": true,
	"지사": true, "도지사": true, "선생": true, "선생님": true, "기자": true, "변호사": true, "후보": true, "명예회장": true,
	// Japanese
	"選手": true, "監督": true, "会長": true, "社長": true, "代表": true, "氏": true,
	"大統領": true, "首相": true, "外相": true, "大臣": true, "長官": true, "議長": true,
	"大使": true, "報道官": true, "次官": true, "知事": true, "教授": true, "議員": true,
	"作家": true, "詩人": true, "先生": true, "記者": true, "弁護士": true, "候補": true,
	"市長": true, "町長": true, "理事長": true, "委員長": true, "名誉会長": true, "容疑者": true, "被告": true, "元首相": true, "前首相": true, "元大統領": true, "前大統領": true,
}

// PersonTitle reports whether a Korean or Japanese word is a title that
// follows a person's name (see personTitles).
func PersonTitle(word string) bool { return personTitles[word] }

// TrailingTitle returns the length in bytes of the person's title that a
// run of kanji ends with, where at least two kanji come before it, as
// Japanese writes a name and its title as one run (浅田真央選手, 是枝監督):
// 0 when it ends with none.
func TrailingTitle(run string) int {
	for _, t := range kanjiTitles() {
		if strings.HasSuffix(run, t) && utf8.RuneCountInString(run[:len(run)-len(t)]) >= 2 {
			return len(t)
		}
	}
	return 0
}

// kanjiTitles are the titles of personTitles in kanji, longest first
// (名誉会長 before 会長).
var kanjiTitles = sync.OnceValue(func() []string { return PersonTitles(Kanji) })

// PersonTitles returns the titles of personTitles written in a script
// (Hangul or Kanji), longest first (명예회장 before 회장), as a pattern
// that tries each in turn needs them.
func PersonTitles(script Script) []string {
	var out []string
	for t := range personTitles {
		if r, _ := utf8.DecodeRuneInString(t); ScriptOf(r) == script {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	return out
}
