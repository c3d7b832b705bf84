// Package dictionary gives the English words for common Japanese words and
// for the Sino-Korean words that share their Chinese characters, compiled
// from EDICT.
//
// Retrieval uses it for the Korean or Japanese words of a question that
// the lexicon (knowledge/glossary.txt) does not know: a member who asks
// "靖国神社には何人くらいが祀られていますか" or "일본 교과서는 독도를 어떻게
// 가르쳐?" about an English article a moderator added finds it through
// "yasukuni shrine" and "textbook". Korean reaches the dictionary through
// the Korean reading of the characters (교과서 is 教科書), so only
// Sino-Korean words do, which are most of the words of the news; a
// reading stands for every common word read so (사고: accident, thought),
// and the corpus decides which it says.
//
// The tables are embedded as sorted text and searched in place, as the
// thesaurus's are: nothing is loaded at start.
//
// EDICT is the property of the Electronic Dictionary Research and
// Development Group (https://www.edrdg.org/), and is used in conformance
// with the Group's licence (Creative Commons Attribution-ShareAlike 3.0);
// see LICENSE.edict and http://www.csse.monash.edu.au/~jwb/edict.html.
// The Korean readings of the characters come from the hanja package by
// Rock Picado (MIT licence, LICENSE.hanja). The readings of Japanese
// names (竹島: Takeshima) come from the IPA dictionary, mecab-ipadic
// 2.7.0 (NAIST, LICENSE.ipadic), as the kagome project ships it.
package dictionary

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge/internal/sorted"
)

//go:generate sh -c "echo see gen.go for where EDICT and the readings come from && go run gen.go -edict /tmp/edict.utf8 -hanja /tmp/package/lib/data/hanjaeum.json -kyujitai /tmp/kyujitai/package/data/kyujitai.json"

// japaneseTable holds one line per word, sorted: the word, a tab, and its
// English words separated by "|".
//
//go:embed japanese.txt
var japaneseTable string

// kanaNounTable holds, as japaneseTable does, the common nouns written
// in kanji with hiragana in or after them (重み, "weight"; 見通し,
// "outlook"), which Inflected finds.
//
//go:embed kananouns.txt
var kanaNounTable string

// koreanTable holds one line per Sino-Korean reading, sorted: the reading, a
// tab, and the Japanese words it reads, separated by "|".
//
//go:embed korean.txt
var koreanTable string

// rareTable holds, as japaneseTable does, EDICT's other words written in
// kanji alone, and rareKoreanTable, as koreanTable does, the readings of
// those of three characters or more that no common word reads as: the
// terms of the news (観艦式, "naval review"; 対抗措置, "countermeasure";
// 관함식), looked up only where the common words have nothing. Translations
// and readings in Latin letters come from the common words alone: an
// English word is the gloss of many rare words, most of which no article
// uses.
//
//go:embed rare.txt
var rareTable string

// kanaFormsTable holds, as japaneseTable does, the nouns usually written in
// kana, in katakana as news writes the names of animals and plants
// (コウノトリ, "stork"): Japanese words, not borrowed ones, and rare.
//
//go:embed kanaforms.txt
var kanaFormsTable string

//go:embed rarekorean.txt
var rareKoreanTable string

// properTable holds, for each proper name that is the first sense of one
// of EDICT's other words, in lower case, the words it glosses (busan:
// 釜山): the rare words an English word translates are too many to use,
// but a name glosses few, and they are the ones an article names.
//
//go:embed propernames.txt
var properTable string

// englishTable is japaneseTable turned around: one line per English word
// or phrase, sorted, a tab, and the Japanese words it translates, closest
// first, separated by "|". TestEnglishTable derives it (-update writes it).
//
//go:embed english.txt
var englishTable string

// kindsTable holds one line per English noun, sorted: the noun, a tab,
// and the words, common ones first, one of whose meanings is a phrase the
// noun heads ("buddhist statue" and "statue of buddha" of 仏像, for
// statue; "buddhist temple" of 寺刹, for temple), separated by "|":
// kinds of the thing, which an article names where a question names the
// thing, and which the corpus chooses among. TestKindsTable derives it
// from japanese.txt and rare.txt (-update writes it).
//
//go:embed kinds.txt
var kindsTable string

// romajiTable holds one line per romanized reading of a common word,
// sorted: the reading in Latin letters (Hepburn, and without long vowels as
// people type it: baishou, baisho), a tab, and the words that read so,
// separated by "|". TestRomajiTable derives it from readings.txt, the
// words' readings in the IPA dictionary (internal/ipagen; -update writes
// it).
//
//go:embed romaji.txt
var romajiTable string

// romajaTable holds one line per romanized reading of a Sino-Korean word
// of koreanTable, sorted: the reading in Revised Romanization and its
// variants (baesang, besang), a tab, and the hangul words that read so,
// separated by "|". TestRomajaTable derives it from koreanTable (-update
// writes it).
//
//go:embed romaja.txt
var romajaTable string

// namesRomajiTable holds one line per romanized reading of a name of
// namesTable, as romajiTable does for common words (takamatsu: 高松):
// TestNamesRomajiTable derives it (-update writes it).
//
//go:embed namesromaji.txt
var namesRomajiTable string

// namesTable holds one line per Japanese proper noun of two kanji or more,
// sorted: the name, a tab, and its katakana readings separated by "|";
// from the IPA dictionary (see internal/ipagen).
//
//go:embed names.txt
var namesTable string

// givenTable holds the given names of two kanji or more in the form of
// namesTable (真央	マオ), from the IPA dictionary (see internal/ipagen).
//
//go:embed given.txt
var givenTable string

// hanjaTable holds one line per Chinese character, sorted: the character,
// a tab, and its Korean reading.
//
//go:embed hanja.txt
var hanjaTable string

// maxRunes bounds the words looked up: no dictionary word is longer.
const maxRunes = 16

// lookup returns the rest of the line of a sorted table that starts with
// key and a tab.
func lookup(table, key string) (string, bool) { return sorted.Lookup(table, key) }

// list returns the values, separated by "|", of key's line in a sorted
// table, or nil.
func list(table, key string) []string {
	rest, ok := lookup(table, key)
	if !ok {
		return nil
	}
	return strings.Split(rest, "|")
}

// invert adds to m, under each value of each line of a table whose key
// keep accepts, the key: the table turned around (a native word's
// English to the word; a Japanese word to its Korean readings).
func invert(m map[string][]string, table string, keep func(key string) bool) {
	for line := range strings.SplitSeq(table, "\n") {
		key, values, ok := strings.Cut(line, "\t")
		if !ok || !keep(key) {
			continue
		}
		for _, v := range strings.Split(values, "|") {
			m[v] = append(m[v], key)
		}
	}
}

// Japanese returns the English words for a Japanese word written in kanji
// or katakana, of a common word or else of a rare one, of a noun usually
// written in kana (コウノトリ: stork) or of a country's name (カナダ:
// canada), or nil.
func Japanese(word string) []string {
	if w := list(japaneseTable, word); w != nil {
		return w
	}
	if w := list(rareTable, word); w != nil {
		return w
	}
	if w := list(kanaFormsTable, word); w != nil {
		return w
	}
	if !isHangul(word) {
		return country(word)
	}
	return nil
}

// Known reports whether a Japanese word is one of the dictionary's
// words, common or rare.
func Known(word string) bool {
	if _, ok := lookup(japaneseTable, word); ok {
		return true
	}
	if _, ok := lookup(rareTable, word); ok {
		return true
	}
	_, ok := lookup(kanaFormsTable, word)
	return ok
}

// KanaForm reports whether a word in katakana is a Japanese noun usually
// written in kana (コウノトリ, "stork"), not a borrowed word.
func KanaForm(word string) bool {
	_, ok := lookup(kanaFormsTable, word)
	return ok
}

// ProperName returns the Japanese words, in kanji or katakana, of which a
// proper name in English is the first sense, or nil (busan: 釜山; jeju:
// 済州). Common words are not among them: Translations has those.
func ProperName(english string) []string {
	return list(properTable, strings.ToLower(english))
}

// Rare reports whether a word is a rare one (see rareTable): a Japanese
// word, or with korean a Korean reading, that no common word is. Its
// English is the gloss of a word seldom used, less surely what a question
// means by it.
func Rare(word string, korean bool) bool {
	common, rare := japaneseTable, rareTable
	if korean {
		common, rare = koreanTable, rareKoreanTable
	}
	if _, ok := lookup(common, word); ok {
		return false
	}
	if _, ok := lookup(rare, word); ok {
		return true
	}
	return !korean && KanaForm(word)
}

// Kanji returns the common Japanese words that a Sino-Korean word written
// in hangul reads (교과서: 教科書), or where none does the rare ones (관함식:
// 観艦式), or nil: what a Japanese article writes for it.
func Kanji(word string) []string {
	if w := list(koreanTable, word); w != nil {
		return w
	}
	return list(rareKoreanTable, word)
}

// Hangul returns the Korean readings of a Japanese word written in kanji
// alone (教科書: 교과서; 追悼式: 추도식), or nil: what a Korean article
// writes for it. A common word's reading comes from the dictionary; any
// other word's is read character by character.
func Hangul(word string) []string {
	if r := common(word); r != nil {
		return r
	}
	if r := Reading(word); r != "" {
		return []string{InitialSound(r)}
	}
	return nil
}

// Reading returns the Korean reading of each Chinese character of a word,
// as the characters sound inside a word (辛格: 신격; 労働: 로동, not the
// 노동 that begins a word), or "" when one has none.
func Reading(word string) string {
	var b strings.Builder
	for _, c := range word {
		e, ok := lookup(hanjaTable, string(c))
		if !ok {
			return ""
		}
		b.WriteString(e)
	}
	return b.String()
}

// common returns the Korean readings of a common Japanese word.
func common(word string) []string {
	hangulOnce.Do(func() {
		hangul = map[string][]string{}
		invert(hangul, koreanTable, func(string) bool { return true })
	})
	return hangul[word]
}

var (
	hangulOnce sync.Once
	hangul     map[string][]string // Japanese word -> its Korean readings
)

// Translations returns the common Japanese words that an English word or
// phrase translates (currency: 通貨, 貨幣), closest first: those of which it
// is the sole or first meaning before those it is one of many of. Their
// Korean readings (Hangul) are what a Korean article writes for the
// Sino-Korean ones. An English question finds Korean and Japanese articles
// through them.
func Translations(english string) []string {
	out := list(englishTable, strings.ToLower(english))
	for _, n := range countryNames(english) {
		if !contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// Kinds returns the Japanese words that name a kind of what an English
// noun names (statue: 仏像, 銅像, 彫像, ...; earthquake: 大震災, 震災, ...),
// common words first, or nil: an article writes the specific word, and a
// question in English the general one. They are many; the corpus decides
// which are meant.
func Kinds(english string) []string {
	return list(kindsTable, strings.ToLower(english))
}

// Head returns the noun that an English meaning of two to four words is
// a kind of: its last word, or its last before "of" (buddhist statue,
// statue of buddha: statue; song lyrics: lyrics), or "" for a verb's
// meaning ("to take part", "be affected") and a single word. An article
// may name the kind where the dictionary's phrase is not its wording:
// 歌詞 is "song lyrics", which a report writes "the lyrics of the song".
func Head(meaning string) string {
	fields := strings.Fields(meaning)
	if len(fields) < 2 || len(fields) > 4 || fields[0] == "to" || fields[0] == "be" {
		return ""
	}
	if i := slices.Index(fields, "of"); i >= 0 {
		fields = fields[:i]
	}
	if len(fields) == 0 {
		return ""
	}
	h := fields[len(fields)-1]
	for _, r := range h {
		if (r < 'a' || r > 'z') && r != '-' {
			return ""
		}
	}
	if len(h) < 3 || headStopWords[h] {
		return ""
	}
	return h
}

// headStopWords end phrases without naming a thing.
// A verb's meaning ends in a particle ("take back", "turn upside down"),
// or a reflexive ("find oneself").
var headStopWords = map[string]bool{"the": true, "and": true, "for": true, "with": true, "one": true, "etc": true, "from": true, "into": true, "own": true,
	"out": true, "off": true, "up": true, "down": true, "back": true, "over": true, "away": true, "apart": true, "together": true, "around": true, "about": true, "oneself": true, "itself": true}

// Romaji returns the common Japanese words that a word in Latin letters is
// the reading of (baisho: 賠償; hanketsu: 判決; kisei: 規制, 帰省 and the
// other words read so), or nil: members who learned Japanese by ear type
// its words in Latin letters, and the corpus decides among the readings.
func Romaji(word string) []string {
	return list(romajiTable, strings.ToLower(word))
}

// NamesRomaji returns the Japanese proper nouns that a word in Latin
// letters is the reading of (takamatsu: 高松; matsuyama: 松山, 松山町), or
// nil: an English question names a place or a person of a Japanese
// article as English writes it, and the corpus decides which name it is.
func NamesRomaji(word string) []string {
	return list(namesRomajiTable, strings.ToLower(word))
}

// Romaja returns the Sino-Korean words that a word in Latin letters is the
// reading of (baesang: 배상; tanhaek: 탄핵), or nil: Korean typed in Latin
// letters, as Japanese is (see Romaji).
func Romaja(word string) []string {
	return list(romajaTable, strings.ToLower(word))
}

// Korean returns the English words for a Sino-Korean word written in
// hangul: those of every Japanese word with its reading (see Kanji).
func Korean(word string) []string {
	var out []string
	for _, w := range Kanji(word) {
		for _, e := range Japanese(w) {
			if !contains(out, e) {
				out = append(out, e)
			}
		}
	}
	return out
}

// Split divides a word into the dictionary's words: 国際司法裁判所 into
// 国際, 司法 and 裁判所; 방어훈련 into 방어 and 훈련; カナダ人 into カナダ (a
// country's name, see countriesTable) and 人. Of the ways to divide it,
// the one that leaves the fewest characters uncovered, then uses the
// fewest words, is chosen. A character that no word covers is skipped in
// Japanese; in Korean only a last one is, a suffix (들, 적, 像 of 소녀상; see
// koreanSuffixes), not a given name's last syllable: a hangul word
// that does not divide into readings otherwise is not Sino-Korean, and
// dividing it would find words it does not hold. The word itself is
// returned whole when the dictionary has it.
func Split(word string, korean bool) []string {
	tables := []string{japaneseTable, rareTable, kanaFormsTable, countriesTable}
	if korean {
		tables = []string{koreanTable, rareKoreanTable}
	}
	return split(word, korean, tables...)
}

// SplitCommon divides a word into common words only, as Split does: a
// rare word's parts (合祀, "enshrine together", into 祀 of 祀る, enshrine)
// say in a word what its gloss says in a phrase that an article may not
// use.
func SplitCommon(word string, korean bool) []string {
	if korean {
		return split(word, true, koreanTable)
	}
	return split(word, false, japaneseTable)
}

// SplitNames divides a Japanese word into the names of the names table
// it holds: 佐渡金山 into 佐渡 and 金山, 石破茂首相 into 石破 (茂, a given
// name, and 首相 are not in the table).
func SplitNames(word string) []string {
	return split(word, false, namesTable)
}

// SplitFullNames divides a Japanese word that no table of common words
// holds into names as SplitNames does, given names counted: 浅田真央 into
// 浅田 and 真央, 孫正義 into 正義. A person is named in full in kanji, and
// English and Korean write the given name by its sound (Mao, 마오;
// Masayoshi), where a surname of one kanji (孫, Son) is too short to be
// read alone. A word of the dictionary (正義, "justice") is no name.
func SplitFullNames(word string) []string {
	if Japanese(word) != nil {
		return SplitNames(word)
	}
	return split(word, false, namesTable, givenTable)
}

// Names returns the katakana readings of a Japanese proper noun written in
// kanji (竹島: タケシマ, タケジマ), or failing that of a given name (真央:
// マオ), or nil: a name read aloud is what an English article writes.
func Names(word string) []string {
	if r := list(namesTable, word); r != nil {
		return r
	}
	return list(givenTable, word)
}

// KanjiNames returns the Japanese proper nouns of the names table, of two
// to four Chinese characters, that a Korean word reads character by
// character (역도산: 力道山; 이등박문: 伊藤博文), at most maxKanjiNames:
// Korean names a Japanese person or place as often by the Korean reading
// of its characters as by its sound. The names are built a character at a
// time, each prefix kept only while the names table has a name that
// begins with it.
func KanjiNames(word string) []string {
	syllables := []rune(word)
	if len(syllables) < 2 || len(syllables) > 4 {
		return nil
	}
	byReading := kanjiByReading()
	prefixes := []string{""}
	for i, s := range syllables {
		chars := byReading[string(s)]
		if i == 0 {
			chars = byReading[initialKey+string(s)]
		}
		var next []string
		for _, p := range prefixes {
			for _, c := range chars {
				if w := p + c; sorted.HasPrefix(namesTable, w) && len(next) < maxKanjiPrefixes {
					next = append(next, w)
				}
			}
		}
		prefixes = next
	}
	var out []string
	for _, w := range prefixes {
		if _, ok := lookup(namesTable, w); ok && len(out) < maxKanjiNames {
			out = append(out, w)
		}
	}
	return out
}

// maxKanjiNames bounds the names KanjiNames returns, and maxKanjiPrefixes
// the names it builds at once: 역 alone reads more than a hundred
// characters.
const (
	maxKanjiNames    = 8
	maxKanjiPrefixes = 200
)

// initialKey marks, in kanjiByReading, the reading of a character that
// begins a word (力, 력, begins one as 역: see InitialSound).
const initialKey = "^"

// kanjiByReading returns the Chinese characters of each Korean reading,
// read once from the characters' table, under the reading and under
// initialKey and the reading as it begins a word.
func kanjiByReading() map[string][]string {
	byReadingOnce.Do(func() {
		byReading = map[string][]string{}
		for line := range strings.SplitSeq(hanjaTable, "\n") {
			c, r, ok := strings.Cut(line, "\t")
			if !ok || utf8.RuneCountInString(c) != 1 {
				continue
			}
			byReading[r] = append(byReading[r], c)
			byReading[initialKey+InitialSound(r)] = append(byReading[initialKey+InitialSound(r)], c)
		}
	})
	return byReading
}

// SinoKorean reports whether a Hangul syllable is the Korean reading of
// some Chinese character (노, 동, 력), as a word begins or goes on: a
// syllable none reads (넥, 슨, 캐) is of a native or a borrowed word.
func SinoKorean(syllable string) bool {
	m := kanjiByReading()
	return m[syllable] != nil || m[initialKey+syllable] != nil
}

var (
	byReadingOnce sync.Once
	byReading     map[string][]string // Korean reading -> its Chinese characters
)

// split divides word into the words of the tables, skipping characters no word
// covers (in Korean, only a last one).
func split(word string, korean bool, tables ...string) []string {
	// rank is 0 for a word of the first table, 1 for one of the second
	// (a rare word), and -1 for no word.
	rank := func(w string) int {
		for i, t := range tables {
			if _, ok := lookup(t, w); ok {
				return i
			}
		}
		return -1
	}
	runes := []rune(word)
	if len(runes) > 4*maxRunes {
		return nil
	}
	if rank(word) >= 0 {
		return []string{word}
	}
	// best[i] is the best division of runes[i:]: its cost (uncovered
	// characters first, then words, then words of the later tables) and
	// the length of its first part (0: the first character is skipped).
	type division struct{ skipped, words, rare, first int }
	const impossible = 1 << 30
	better := func(a, b division) bool {
		if a.skipped != b.skipped {
			return a.skipped < b.skipped
		}
		if a.words != b.words {
			return a.words < b.words
		}
		return a.rare < b.rare
	}
	best := make([]division, len(runes)+1)
	for i := len(runes) - 1; i >= 0; i-- {
		best[i] = division{skipped: impossible}
		if !korean || i == len(runes)-1 && strings.ContainsRune(koreanSuffixes, runes[i]) {
			next := best[i+1]
			best[i] = division{skipped: next.skipped + 1, words: next.words, rare: next.rare}
		}
		for n := 2; n <= min(maxRunes, len(runes)-i); n++ {
			next := best[i+n]
			if next.skipped >= impossible {
				continue
			}
			r := rank(string(runes[i : i+n]))
			if r < 0 {
				continue
			}
			if d := (division{skipped: next.skipped, words: next.words + 1, rare: next.rare + r, first: n}); better(d, best[i]) {
				best[i] = d
			}
		}
	}
	if best[0].skipped >= impossible || best[0].words == 0 {
		return nil
	}
	var parts []string
	skippedKana := false
	for i := 0; i < len(runes); {
		if n := best[i].first; n > 0 {
			parts = append(parts, string(runes[i:i+n]))
			i += n
		} else {
			skippedKana = skippedKana || isKatakana(runes[i])
			i++
		}
	}
	if skippedKana {
		// Katakana the dictionary does not cover is a borrowed word or a
		// name, which a short word found inside it seldom is part of
		// (アナ, "announcer", of アシアナ, Asiana; サイ, "rhinoceros", of
		// サイゲームス, Cygames): only a longer one is kept (ゲーム).
		parts = slices.DeleteFunc(parts, func(p string) bool {
			n := utf8.RuneCountInString(p)
			return n < 3 && strings.IndexFunc(p, isKatakana) >= 0
		})
		if len(parts) == 0 {
			return nil
		}
	}
	return parts
}

// isKatakana reports whether r is a katakana letter or the long-vowel mark.
func isKatakana(r rune) bool { return r >= 'ァ' && r <= 'ヶ' || r == 'ー' }

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// koreanSuffixes are the syllables that end a Sino-Korean word as a
// suffix of its own, which a Korean word may be divided before (한국인들:
// 한국인 and 들; 경제적: 경제 and 적; 대표팀, "national team": 대표 and 팀).
// Any other last syllable is no suffix: a personal name is a surname and
// a given name whose first syllables may read as a word (이강철 is no 以降,
// "since", and 철).
const koreanSuffixes = "들적성화계권론측님씨별형급판률율비료층류학인자가상장원식관소국청부처회단당법안금품물시군구항역실점설증표액량세사전제산팀"

// InitialSound applies 두음법칙 to a word's first syllable: ㄹ becomes ㅇ
// before i and y vowels and ㄴ before the others; ㄴ becomes ㅇ before i
// and y vowels, as South Korean spelling does (勞動 is 노동, 歷史 역사).
func InitialSound(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	code := int(r) - 0xAC00
	if code < 0 || code > 11171 {
		return s
	}
	initial, medial, final := code/588, code%588/28, code%28
	iy := medial == 2 || medial == 3 || medial == 6 || medial == 7 || medial == 12 || medial == 17 || medial == 20
	switch {
	case initial == 5 && iy: // ㄹ
		initial = 11
	case initial == 5:
		initial = 2
	case initial == 2 && iy:
		initial = 11
	}
	return string(rune(0xAC00+initial*588+medial*28+final)) + s[size:]
}

// Katakana returns the common words written in katakana alone (レーダー,
// スワップ), read once: the English words that Japanese borrows, and Korean
// too, in Hangul that sounds alike (레이더, 스와프). A Korean word that no
// table reads is matched to them by its sound.
func Katakana() []string {
	katakanaOnce.Do(func() {
		for line := range strings.SplitSeq(japaneseTable, "\n") {
			word, _, ok := strings.Cut(line, "\t")
			if ok && word != "" && strings.IndexFunc(word, func(r rune) bool { return !isKatakana(r) }) < 0 {
				katakana = append(katakana, word)
			}
		}
	})
	return katakana
}

var (
	katakanaOnce sync.Once
	katakana     []string
)
