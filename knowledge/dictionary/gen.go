//go:build ignore

// gen compiles the tables this package embeds from EDICT, the
// Japanese–English dictionary of the Electronic Dictionary Research and
// Development Group (Debian's edict package), and from the Korean readings
// of Chinese characters of the hanja npm package (version 1.1.5,
// lib/data/hanjaeum.json):
//
//   - japanese.txt: each common Japanese word written in kanji or katakana
//     (EDICT's "(P)" entries), and each common verb and adjective written
//     in kanji with a hiragana ending (祀る), a tab, and the English words
//     of its first two senses, separated by "|"; and each common noun of
//     one kanji (賞, prize) with the words of its first sense, but those
//     the IPA dictionary has as bound nouns or suffixes of names
//     (internal/ipagen/bound.txt);
//   - kananouns.txt: each common noun written in kanji with hiragana in
//     or after them (重み, 見通し, 手続き), a tab, and the English words of
//     its first two senses: dictionary.Inflected finds them where a
//     question says them, but they are no words an English question's
//     word is translated into (news writes 訪問, not 訪れ, for "visit");
//   - korean.txt: the Sino-Korean reading of each of those written in kanji
//     alone ("교과서" for 教科書), a tab, and the words it reads, separated
//     by "|";
//   - rare.txt: each of EDICT's other words written in kanji alone, of
//     two characters or more, a tab, and the English words of its first
//     sense (観艦式: naval review; 済州: Jeju), for the words of the news
//     that are not common ones;
//   - rarekorean.txt: the reading of each of those of three characters or
//     more that no common word reads as, a tab, and the words;
//   - propernames.txt: each proper name of up to three words that is the
//     first sense of one of the other words, in lower case (busan), a tab,
//     and their headwords in kanji or katakana (釜山), separated by "|":
//     the English an English question names a place or a thing by;
//   - kanaforms.txt: the reading in katakana, of three kana or more, of
//     each noun whose first sense EDICT marks as usually written in kana
//     ("(uk)": 鸛, こうのとり, stork), a tab, and the English of that
//     sense: news writes the names of animals and plants so (コウノトリ),
//     which are no borrowed words;
//   - hanja.txt: each Chinese character of the basic block, a tab, and its
//     Korean reading.
//
// Japanese writes many characters in the simplified forms of 1946 (証 for
// 證, 担 for 擔, 芸 for 藝), some of which were other characters before,
// with other readings (芸, "rue", 운): a Japanese word is read in Korean
// through its characters' traditional forms, from the kyujitai npm
// package (version 1.3.0, data/kyujitai.json, MIT), so that 証言 reads
// 증언 and 担当 담당, as Korean writes them.
//
// Only common words are kept: they are what questions use, and a Korean
// reading stands for several words, fewer among the common ones.
//
//	apt-get download edict && dpkg -x edict_*.deb /tmp/edict
//	npm pack hanja@1.1.5 && tar xzf hanja-1.1.5.tgz -C /tmp
//	iconv -f EUC-JP -t UTF-8 /tmp/edict/usr/share/edict/edict >/tmp/edict.utf8
//	npm pack kyujitai@1.3.0 && mkdir -p /tmp/kyujitai && tar xzf kyujitai-1.3.0.tgz -C /tmp/kyujitai
//	go run gen.go -edict /tmp/edict.utf8 -hanja /tmp/package/lib/data/hanjaeum.json -kyujitai /tmp/kyujitai/package/data/kyujitai.json
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge/dictionary"
)

const (
	// senses is how many of an entry's senses give English words: the
	// first is the common meaning, later ones mostly figurative.
	senses = 2
	// maxWords bounds the English words kept for an entry, and maxLen
	// their length in words: a gloss longer than a short phrase is an
	// explanation, not a word a passage would use.
	maxWords = 5
	maxLen   = 3
	// maxNameLen is the length allowed a gloss that is a proper name,
	// every word capitalized but its small words ("International Court
	// of Justice" for 国際司法裁判所, "Agency for Cultural Affairs" for
	// 文化庁): an institution's English name is long, and it is what an
	// English article calls it.
	maxNameLen = 6
)

var (
	entryRE = regexp.MustCompile(`^(\S+)(?: \[[^\]]*\])? /(.*)/$`)
	readRE  = regexp.MustCompile(`^\S+ \[([^\]]*)\] /`)
	tagsRE  = regexp.MustCompile(`^((?:\([^)]*\)\s*)*)(.*)$`)
	senseRE = regexp.MustCompile(`\((\d+)\)`)
	parenRE = regexp.MustCompile(`\([^)]*\)`)
)

func main() {
	edict := flag.String("edict", "/tmp/edict.utf8", "EDICT in UTF-8")
	hanja := flag.String("hanja", "/tmp/package/lib/data/hanjaeum.json", "the Korean readings of Chinese characters")
	boundFile := flag.String("bound", "internal/ipagen/bound.txt", "the kanji that are bound nouns (see internal/ipagen)")
	kyujitaiFile := flag.String("kyujitai", "/tmp/kyujitai/package/data/kyujitai.json", "the traditional forms of the simplified Japanese characters")
	flag.Parse()
	b, err := os.ReadFile(*boundFile)
	if err != nil {
		log.Fatal(err)
	}
	bound := map[string]bool{}
	for _, k := range strings.Fields(string(b)) {
		bound[k] = true
	}

	var eum map[string]string
	b, err = os.ReadFile(*hanja)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(b, &eum); err != nil {
		log.Fatal(err)
	}
	b, err = os.ReadFile(*kyujitaiFile)
	if err != nil {
		log.Fatal(err)
	}
	oldForms := traditional(b, eum)

	words := map[string][]string{}     // headword -> English
	kana := map[string][]string{}      // the same, of the nouns written with kana (see kanaNoun)
	rare := map[string][]string{}      // the same, of the entries that are not common
	proper := map[string][]string{}    // a proper name in English, lower case -> the rare headwords it glosses
	kanaForms := map[string][]string{} // the reading in katakana of a noun usually written in kana -> its English
	f, err := os.Open(*edict)
	if err != nil {
		log.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		m := entryRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		// A noun usually written in kana (鸛, こうのとり, "stork") is
		// written in katakana where it names an animal or a plant
		// (コウノトリ): its reading so written, of three kana at least,
		// gives the English of its first sense.
		if r := readRE.FindStringSubmatch(line); r != nil && usuallyKana(m[2]) && noun(m[2]) {
			english := glosses(m[2], 1)
			for _, k := range strings.Split(r[1], ";") {
				k = katakana(parenRE.ReplaceAllString(k, ""))
				if _, ok := kanaForms[k]; !ok && utf8.RuneCountInString(k) >= 3 && written(k) && len(english) > 0 {
					kanaForms[k] = english
				}
			}
		}
		if !strings.Contains(line, "(P)") {
			// A rare entry gives the English of its first sense to
			// each of its headwords written in kanji alone: the terms
			// of news that a question may use (観艦式, "naval review";
			// 済州, Jeju; 対抗措置, "countermeasure").
			english := glosses(m[2], 1)
			for _, h := range strings.Split(m[1], ";") {
				h = parenRE.ReplaceAllString(h, "")
				if utf8.RuneCountInString(h) >= 2 && kanji(h) && len(english) > 0 {
					rare[h] = english
				}
			}
			// A rare entry whose first sense is a proper name (釜山:
			// Busan; カザフスタン: Kazakhstan) gives it the headwords
			// in kanji or katakana: a name is the gloss of few words.
			for _, name := range properNames(m[2]) {
				for _, h := range strings.Split(m[1], ";") {
					h = parenRE.ReplaceAllString(h, "")
					if utf8.RuneCountInString(h) >= 2 && written(h) && !slices.Contains(proper[name], h) {
						proper[name] = append(proper[name], h)
					}
				}
			}
			continue
		}
		english := glosses(m[2], senses)
		if len(english) == 0 {
			continue
		}
		// A noun of one kanji (賞, prize; 碑, stele; 島, island) is a
		// word questions use alone; its first sense only, the others
		// being mostly its uses as a suffix. A bound noun (事, 後, 人
		// of 三人) is grammar, and a name's suffix (市 of 光州市) part
		// of a name the dictionary lacks, not a word.
		if h := parenRE.ReplaceAllString(strings.Split(m[1], ";")[0], ""); utf8.RuneCountInString(h) == 1 && kanji(h) && noun(m[2]) && !bound[h] {
			for _, w := range glosses(m[2], 1) {
				if !slices.Contains(words[h], w) {
					words[h] = append(words[h], w)
				}
			}
		}
		for _, h := range strings.Split(m[1], ";") {
			h = strings.ReplaceAll(parenRE.ReplaceAllString(h, ""), "(P)", "")
			if utf8.RuneCountInString(h) >= 2 && !written(h) && !inflected(h, m[2]) && kanaNoun(h, m[2]) {
				kana[h] = english
				continue
			}
			if utf8.RuneCountInString(h) < 2 || !written(h) && !inflected(h, m[2]) {
				continue
			}
			for _, w := range english {
				if !slices.Contains(words[h], w) {
					words[h] = append(words[h], w)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}

	readings := map[string][]string{} // Korean reading -> headwords
	for h := range words {
		// One kanji's reading is one syllable, part of too many
		// Korean words to stand for it.
		if utf8.RuneCountInString(h) < 2 {
			continue
		}
		for _, r := range oldForms.readings(h, eum) {
			readings[r] = append(readings[r], h)
		}
	}
	// Rare words are kept apart, for the words the common ones lack: a
	// headword keeps its common English, and a Korean reading its common
	// words. A rare word is read in Korean only when it has three
	// characters or more, where one reading seldom stands for two words
	// (관함식 is only 観艦式).
	rareReadings := map[string][]string{}
	for h := range rare {
		if _, ok := words[h]; ok {
			delete(rare, h)
			continue
		}
		if utf8.RuneCountInString(h) < minRareReading {
			continue
		}
		for _, r := range oldForms.readings(h, eum) {
			if _, taken := readings[r]; !taken {
				rareReadings[r] = append(rareReadings[r], h)
			}
		}
	}
	// The katakana forms where no headword is so written.
	for k := range kanaForms {
		_, common := words[k]
		if _, ok := rare[k]; ok || common {
			delete(kanaForms, k)
		}
	}
	write("rare.txt", rare)
	write("kanaforms.txt", kanaForms)
	write("propernames.txt", proper)
	write("rarekorean.txt", rareReadings)
	// A word's English keeps EDICT's order, its first sense first:
	// english.txt ranks the words an English word translates by where it
	// stands in each (see TestEnglishTable).
	writeOrdered("japanese.txt", words)
	writeOrdered("kananouns.txt", kana)
	write("korean.txt", readings)
	chars := map[string][]string{} // kanji -> its Korean reading
	for c, e := range eum {
		if r, _ := utf8.DecodeRuneInString(c); utf8.RuneCountInString(c) == 1 && r >= 0x4E00 && r <= 0x9FFF && e != "" {
			chars[c] = []string{e}
		}
	}
	write("hanja.txt", chars)
}

// keptReadings are the simplified characters read as they are, not as
// their traditional forms: 円 is the yen (1億円 is 1억 엔, not 원), 楽 is
// read 악 as often as 락 (音楽, 楽器), and the table's forms of 萌 and 鎌
// are variants that Korean reads otherwise.
var keptReadings = map[string]bool{"円": true, "楽": true, "萌": true, "鎌": true}

// addedForms are the simplified characters that were other characters
// before 1946 and that the kyujitai table leaves out, with the form they
// stand for in words: 予 (予定, 予算) is 豫.
var addedForms = map[string]string{"予": "豫"}

// oldWords maps a word whose simplified character stands for a
// character other than its usual traditional form to the word in
// traditional characters (台風: 颱風, read 태풍, where 台 is otherwise 臺).
type oldWords map[string]string

// readings returns the Korean readings of a word: that of its characters
// and, for a word of oldWords, that of its older spelling too, since
// Korean writes some of them as Japanese did before (颱風, 태풍) and
// others as Japanese does now (梅雨, 매우, not 黴雨).
func (o oldWords) readings(word string, eum map[string]string) []string {
	var out []string
	for _, w := range []string{word, o[word]} {
		if w == "" {
			continue
		}
		if r, ok := korean(w, eum); ok && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// traditional reads the kyujitai table: it gives each simplified
// character the reading of its traditional form in eum, and returns the
// words written with a simplified character that stands for another
// character.
func traditional(data []byte, eum map[string]string) oldWords {
	var table struct {
		Kyuji [][]string `json:"kyuji"` // simplified, traditional, variation selector
		Douon []struct {
			Old   []string `json:"old"`
			New   []string `json:"new"`
			Words []string `json:"words"`
		} `json:"douon"`
	}
	if err := json.Unmarshal(data, &table); err != nil {
		log.Fatal(err)
	}
	forms := maps.Clone(addedForms)
	for _, p := range table.Kyuji {
		if len(p) >= 2 && p[0] != p[1] {
			forms[p[0]] = p[1]
		}
	}
	for simple, old := range forms {
		if r := eum[old]; r != "" && !keptReadings[simple] {
			eum[simple] = r
		}
	}
	words := oldWords{}
	for _, d := range table.Douon {
		if len(d.Old) == 0 || len(d.New) != 1 {
			continue
		}
		for _, w := range d.Words {
			words[w] = strings.ReplaceAll(w, d.New[0], d.Old[0])
		}
	}
	return words
}

// minRareReading is the fewest characters of a rare word read in Korean.
const minRareReading = 3

// glosses returns the English of an entry's senses up to the given one,
// at most maxWords, each a plain phrase of maxLen words at most.
func glosses(entry string, upTo int) []string {
	var english []string
	sense := 1
	for _, g := range strings.Split(entry, "/") {
		g = strings.TrimSpace(g)
		if g == "" || g == "(P)" || strings.HasPrefix(g, "EntL") {
			continue
		}
		t := tagsRE.FindStringSubmatch(g)
		if s := senseRE.FindStringSubmatch(t[1]); s != nil {
			fmt.Sscan(s[1], &sense)
		}
		if sense > upTo {
			continue
		}
		w := strings.TrimSpace(parenRE.ReplaceAllString(t[2], ""))
		limit := maxLen
		if properName(w) {
			limit = maxNameLen
		}
		w = strings.TrimPrefix(strings.ToLower(w), "to ")
		if w == "" || len(strings.Fields(w)) > limit || !plain(w) || slices.Contains(english, w) {
			continue
		}
		english = append(english, w)
	}
	return english[:min(len(english), maxWords)]
}

// properNames returns, in lower case, the glosses of an entry's first
// sense that are proper names of at most three words, each capitalized
// ("Busan", "Pusan"; "Opium War"), with what parentheses hold left out
// ("Busan (South Korea)").
func properNames(entry string) []string {
	var out []string
	sense := 1
	for _, g := range strings.Split(entry, "/") {
		t := tagsRE.FindStringSubmatch(strings.TrimSpace(g))
		if s := senseRE.FindStringSubmatch(t[1]); s != nil {
			fmt.Sscan(s[1], &sense)
		}
		if sense > 1 {
			break
		}
		w := strings.TrimSpace(parenRE.ReplaceAllString(t[2], ""))
		if capitalizedRE.MatchString(w) && !slices.Contains(out, strings.ToLower(w)) {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

// capitalizedRE is a name of one to three capitalized words.
var capitalizedRE = regexp.MustCompile(`^[A-Z][a-z]+(?:[- ][A-Z][a-z]+){0,2}$`)

// properName reports whether a gloss is a name: each of its words
// capitalized but the small words English leaves in lower case.
func properName(g string) bool {
	words := strings.Fields(g)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		switch w {
		case "of", "for", "and", "the", "on", "in", "de":
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// noun reports whether an entry's first sense is a noun: its first tags
// name the part of speech n, not only a prefix, suffix or counter.
func noun(entry string) bool {
	t := tagsRE.FindStringSubmatch(entry)
	first := t[1]
	if i := strings.Index(first, ")"); i >= 0 {
		first = first[:i]
	}
	return slices.Contains(strings.Split(strings.TrimPrefix(first, "("), ","), "n")
}

// kanji reports whether a headword is written in Chinese characters alone.
func kanji(h string) bool {
	for _, r := range h {
		if !unicode.Is(unicode.Han, r) && r != '々' {
			return false
		}
	}
	return true
}

// plain reports whether an English gloss is made of letters, spaces,
// hyphens and apostrophes only.
func plain(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r == ' ' || r == '-' || r == '\'') {
			return false
		}
	}
	return true
}

// usuallyKana reports whether an entry's first sense is marked as usually
// written in kana ("(uk)").
func usuallyKana(entry string) bool {
	t := tagsRE.FindStringSubmatch(entry)
	return strings.Contains(t[1], "(uk)")
}

// katakana returns a word's hiragana written in katakana.
func katakana(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'ぁ' && r <= 'ゖ' {
			return r + 0x60
		}
		return r
	}, s)
}

// written reports whether a headword is written in kanji or katakana
// alone: hiragana words are grammar, and mixed ones are verbs that the
// question analysis does not keep whole.
func written(h string) bool {
	for _, r := range h {
		if !unicode.Is(unicode.Han, r) && !unicode.Is(unicode.Katakana, r) && r != 'ー' && r != '々' {
			return false
		}
	}
	return true
}

// inflected reports whether a headword is a verb or an adjective written
// in kanji with its ending in hiragana (祀る, 持ち込む, 高い): the form
// dictionary.Inflected finds behind a question's conjugated one. 来る,
// "come", is tagged vk, the one irregular verb written with a kanji stem
// (来た, 来ない: dropping る as the v1 verbs do); する, the other, is
// written in hiragana, grammar after a noun (合祀する), and its kanji 為る
// is out of use, and the vs-s verbs (対する, 関する) are mostly grammar
// too (に対する, "towards"), so neither is kept.
func inflected(h, glosses string) bool {
	if !strings.Contains(glosses, "(v1") && !strings.Contains(glosses, "(v5") && !strings.Contains(glosses, "(vk") && !strings.Contains(glosses, "(adj-i") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(h)
	last, _ := utf8.DecodeLastRuneInString(h)
	if !unicode.Is(unicode.Han, first) || !unicode.Is(unicode.Hiragana, last) {
		return false
	}
	for _, r := range h {
		if !unicode.Is(unicode.Han, r) && !unicode.Is(unicode.Hiragana, r) {
			return false
		}
	}
	return true
}

// kanaNoun reports whether a headword is a noun written in kanji with
// hiragana in or after them (重み, "weight"; 見通し, "outlook"; 手続き,
// "procedure"; 取り組み, "efforts"): news and questions say them as they
// do nouns of kanji alone, and dictionary.Inflected finds them before the
// particle that follows.
func kanaNoun(h, glosses string) bool {
	first, _ := utf8.DecodeRuneInString(h)
	if !noun(glosses) || !unicode.Is(unicode.Han, first) {
		return false
	}
	kana := false
	tail := 0 // where the kana after the last kanji begin
	for i, r := range h {
		if unicode.Is(unicode.Hiragana, r) {
			kana = true
		} else if !unicode.Is(unicode.Han, r) && r != '々' {
			return false
		} else {
			tail = i + utf8.RuneLen(r)
		}
	}
	return kana && !slices.Contains(grammarTails, h[tail:])
}

// grammarTails are the kana that make an entry of a word and its grammar
// (人たち, "people"; 先に, "earlier"; 自ら): a particle or the plural after
// a noun, which a question's noun takes as it comes.
var grammarTails = []string{"に", "の", "は", "で", "と", "へ", "が", "を", "も", "たち", "ら"}

// korean returns the Sino-Korean reading of a word written in kanji, with
// the initial-sound rule of South Korean spelling (력사 is written 역사).
func korean(h string, eum map[string]string) (string, bool) {
	var b strings.Builder
	for _, r := range h {
		e, ok := eum[string(r)]
		if !ok || !unicode.Is(unicode.Han, r) {
			return "", false
		}
		b.WriteString(e)
	}
	return dictionary.InitialSound(b.String()), true
}

// write writes a table with its keys and each key's values sorted.
func write(name string, table map[string][]string) {
	for _, vs := range table {
		slices.Sort(vs)
	}
	writeOrdered(name, table)
}

// writeOrdered writes a table with its keys sorted and each key's values
// in the order given.
func writeOrdered(name string, table map[string][]string) {
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out, err := os.Create(name)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(out)
	for _, k := range keys {
		fmt.Fprintf(w, "%s\t%s\n", k, strings.Join(table[k], "|"))
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
}
