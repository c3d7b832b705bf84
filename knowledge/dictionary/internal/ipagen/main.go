// Command ipagen writes names.txt, the readings of Japanese proper nouns
// that the dictionary package embeds, and readings.txt, the readings of
// the common words of japanese.txt, from the IPA dictionary (mecab-ipadic
// 2.7.0) as kagome ships it.
//
// It is a module of its own so that the bot does not carry the 90 MB
// dictionary: only the names it needs, 2.8 MB of text, are kept.
//
//	cd knowledge/dictionary/internal/ipagen && go run . >../../names.txt
//	go run . -common ../../japanese.txt >../../readings.txt
//	go run . -bound >bound.txt
//	go run . -given >../../given.txt
//
// bound.txt lists the kanji that are nouns only bound to other words or
// the suffixes of names (see writeBound), which gen.go leaves out of the
// nouns of one kanji.
//
// A line of readings.txt holds a word of japanese.txt, a tab, and its
// katakana readings separated by "|".
//
// A line holds a name written in two or more kanji (places,
// organizations, surnames and other proper nouns; given names are left
// out, their readings being too many to guess from), a tab, and its
// katakana readings separated by "|", in the dictionary's order.
//
// given.txt holds the given names of two or more kanji in the same form
// (真央	マオ): a full name (浅田真央, 孫正義) is read by its given name where
// the surname is too short or too common to tell the person.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/dict"
	"github.com/ikawaha/kagome-dict/ipa"
)

func main() {
	common := flag.String("common", "", "write the readings of the words of this japanese.txt instead of the names")
	bound := flag.Bool("bound", false, "write the kanji that are bound nouns instead of the names")
	given := flag.Bool("given", false, "write the given names instead of the other names")
	flag.Parse()
	d := ipa.Dict()
	if *common != "" {
		writeReadings(d, *common)
		return
	}
	if *bound {
		writeBound(d)
		return
	}
	names := d.POSTable.NameList
	readings := map[string][]string{}
	for i, c := range d.Contents {
		pos := d.POSTable.POSs[i]
		if len(pos) < 4 || len(c) < 4 || names[pos[0]] != "名詞" || names[pos[1]] != "固有名詞" {
			continue
		}
		if isGiven := names[pos[2]] == "人名" && names[pos[3]] == "名"; isGiven != *given {
			continue
		}
		// Features after the part of speech: conjugation type and form,
		// base form, reading, pronunciation.
		surface, reading := c[2], c[3]
		if utf8.RuneCountInString(surface) < 2 || !allKanji(surface) || reading == "" || slices.Contains(readings[surface], reading) {
			continue
		}
		readings[surface] = append(readings[surface], reading)
	}
	writeSorted(readings)
}

// writeReadings writes the katakana readings of the words of a
// japanese.txt, as the IPA dictionary gives them for the same surface.
func writeReadings(d *dict.Dict, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	want := map[string]bool{}
	for line := range strings.SplitSeq(string(data), "\n") {
		if w, _, ok := strings.Cut(line, "\t"); ok {
			want[w] = true
		}
	}
	readings := map[string][]string{}
	for _, c := range d.Contents {
		if len(c) < 4 {
			continue
		}
		// A conjugated form's reading is not its word's (持ち込ま).
		surface, reading := c[2], c[3]
		// A word of one kanji has too many readings to be told by one
		// (島: shima, tō).
		if utf8.RuneCountInString(surface) < 2 {
			continue
		}
		if c[1] != "*" && c[1] != "基本形" || !want[surface] || reading == "" || reading == "*" || slices.Contains(readings[surface], reading) {
			continue
		}
		readings[surface] = append(readings[surface], reading)
	}
	writeSorted(readings)
}

// writeBound writes, a line each, the kanji that the IPA dictionary has
// as a noun bound to other words: a dependent noun (事 of 行く事, 者, 方),
// an adverbial one (後, 前, 中, 日), a counter (人 of 三人, 件, 名) or
// the suffix of a place's or a person's name (市 of 光州市, 県, 島; 氏).
// Alone in a question such a kanji is grammar or part of a name the
// dictionary lacks, not a thing asked about (どんな人, "what kind of
// person"; 光州市 is no "market"), where a free noun (賞, 碑, 寺) is.
func writeBound(d *dict.Dict) {
	names := d.POSTable.NameList
	bound := map[string][]string{}
	for i, c := range d.Contents {
		pos := d.POSTable.POSs[i]
		if len(c) < 3 || len(pos) < 3 || names[pos[0]] != "名詞" {
			continue
		}
		surface := c[2]
		if utf8.RuneCountInString(surface) != 1 || !allKanji(surface) {
			continue
		}
		if names[pos[1]] == "非自立" || names[pos[1]] == "副詞可能" || names[pos[2]] == "副詞可能" || names[pos[2]] == "助数詞" || names[pos[1]] == "接尾" && (names[pos[2]] == "地域" || names[pos[2]] == "人名") {
			bound[surface] = nil
		}
	}
	writeSorted(bound)
}

// writeSorted writes a word and its readings a line, sorted by word; a
// word without readings alone.
func writeSorted(readings map[string][]string) {
	keys := make([]string, 0, len(readings))
	for k := range readings {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w := bufio.NewWriter(os.Stdout)
	for _, k := range keys {
		if len(readings[k]) == 0 {
			fmt.Fprintln(w, k)
			continue
		}
		fmt.Fprintf(w, "%s\t%s\n", k, strings.Join(readings[k], "|"))
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
}

func allKanji(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}
