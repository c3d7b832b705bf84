// Package thesaurus is a general English thesaurus compiled from WordNet
// 3.0: the synonyms of a word or phrase in its most frequent senses, and
// whether a word is English at all.
//
// Retrieval uses it so that a question sharing no word with its answer
// ("did tokyo back off", for a passage saying the curbs were scrapped)
// can still find it, at a low weight, and so that a real English word the
// corpus lacks is told apart from slang, a typo or a romanized Korean or
// Japanese word. The tables are embedded as sorted text and searched in
// place, so that nothing is loaded at start: a command that asks one
// question pays nothing for them.
//
// WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
// It is distributed under the WordNet 3.0 licence, which permits use,
// copying and redistribution with this notice; see LICENSE.wordnet.
package thesaurus

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/disputebot/disputebot/knowledge/internal/sorted"
)

//go:generate go run gen.go -wordnet /usr/share/wordnet

// wordnet holds one line per lemma, sorted: the lemma, a tab, its number
// of senses in all parts of speech, a tab, its most frequent senses
// separated by ";", each a list of synonyms separated by "|", a tab, and
// the words of each sense's broader concepts in the same form.
//
//go:embed wordnet.txt
var wordnet string

// exceptions holds WordNet's irregular forms, sorted: the form, a tab, the
// base forms separated by "|" ("went\tgo").
//
//go:embed exceptions.txt
var exceptions string

// formsTable holds, sorted, a verb's or a noun's lemma, a tab, and its
// irregular forms separated by "|" ("lead\tled").
//
//go:embed forms.txt
var formsTable string

// derived holds, one line per lemma and sorted, the lemma, a tab, and the
// nouns and verbs WordNet derives from it or it from them, separated by
// "|" ("decide\tdeciding|decision").
//
//go:embed derived.txt
var derived string

// persons holds, one per line and sorted, the one-word nouns whose
// commonest sense WordNet files among people (noun.person): "actor",
// "wrestler", "pitcher".
//
//go:embed persons.txt
var persons string

// Derived returns the nouns and verbs derived from a lemma, or it from
// them (decide: decision; payment: pay; die: death), leaving out the
// nouns of who does it (payer, visitor): a question asks "when did they
// decide" of a passage on "the decision", which stemming does not join.
func Derived(lemma string) []string {
	rest, ok := lookup(derived, lemma)
	if !ok || rest == "" {
		return nil
	}
	return strings.Split(rest, "|")
}

// adjectives holds, one line per adjective and sorted, the adjective and
// the nouns it relates to (WordNet's pertainyms and derivations: imperial:
// emperor, empire), separated by "|".
//
//go:embed adjectives.txt
var adjectives string

// Adjectives returns the nouns an adjective relates to (imperial:
// emperor, empire; judicial: judge, justice): a question asks about "the
// imperial household" of a passage on the Emperor, and stemming joins
// neither.
func Adjectives(lemma string) []string {
	rest, ok := lookup(adjectives, lemma)
	if !ok || rest == "" {
		return nil
	}
	return strings.Split(rest, "|")
}

// notNouns holds, one per line and sorted, the one-word lemmas that
// WordNet knows only as verbs, adjectives or adverbs.
//
//go:embed notnouns.txt
var notNouns string

// lookup returns the rest of the line of a sorted table that starts with
// key and a tab.
func lookup(table, key string) (string, bool) { return sorted.Lookup(table, key) }

// Senses returns the synonyms of a lemma (a lowercase word or phrase in
// its base form) by sense, most frequent sense first.
func Senses(lemma string) [][]string {
	_, syn, _ := columns(lemma)
	return split(syn)
}

// Broader returns the words of the broader concepts of a lemma's senses
// (its hypernyms: "beer" for "lager", "traveler" for "holidaymaker"), most
// frequent sense first.
func Broader(lemma string) [][]string {
	_, _, up := columns(lemma)
	return split(up)
}

// Polysemy returns how many senses WordNet gives a word or phrase, through
// its base forms, or 0 when it is not English. The commoner a word, the
// more senses it has (Zipf's law of meaning): "sit" has 17, "feud" 2,
// "olympics" 1. A word with many senses says less about what a question is
// about.
func Polysemy(word string) int {
	n := 0
	for _, l := range Lemmas(word) {
		c, _, _ := columns(l)
		k, _ := strconv.Atoi(c)
		n = max(n, k)
	}
	return n
}

// columns returns the fields of a lemma's line.
func columns(lemma string) (count, synonyms, broader string) {
	rest, _ := lookup(wordnet, lemma)
	count, rest, _ = strings.Cut(rest, "\t")
	synonyms, broader, _ = strings.Cut(rest, "\t")
	return count, synonyms, broader
}

func split(senses string) [][]string {
	if senses == "" {
		return nil
	}
	var out [][]string
	for s := range strings.SplitSeq(senses, ";") {
		out = append(out, strings.Split(s, "|"))
	}
	return out
}

// Nominal reports whether a lowercase word may be a noun: it is, or one of
// its base forms is, a noun in WordNet, or WordNet does not know it (a
// name, a new word). A question's topic is said in nouns; a verb or an
// adverb the corpus lacks ("characterise", "automatically") is how the
// question is put, not what it is about.
func Nominal(word string) bool {
	lemmas := Lemmas(word)
	for _, l := range lemmas {
		if _, ok := lookup(notNouns, l); !ok {
			return true
		}
	}
	return len(lemmas) == 0
}

// Correct returns the English word that a misspelt word of five letters or
// more is one edit from ("actualy": actually, "goverment": government),
// or "" when there is none. Edits are tried in the order typists make
// them most: two letters swapped, a letter left out, one too many, one
// wrong; the first word WordNet knows is the one.
func Correct(word string) string {
	if len(word) < 5 || len(word) > maxCorrect || Known(word) {
		return ""
	}
	for _, r := range word {
		if r < 'a' || r > 'z' {
			return "" // a name, a number, another script: not a typo of English
		}
	}
	const letters = "abcdefghijklmnopqrstuvwxyz"
	try := func(w string) bool { _, ok := lookup(wordnet, w); return ok || len(Lemmas(w)) > 0 }
	for i := 0; i+1 < len(word); i++ {
		if w := word[:i] + string(word[i+1]) + string(word[i]) + word[i+2:]; try(w) {
			return w
		}
	}
	for i := 0; i <= len(word); i++ {
		for _, c := range letters {
			if w := word[:i] + string(c) + word[i:]; try(w) {
				return w
			}
		}
	}
	for i := range len(word) {
		if w := word[:i] + word[i+1:]; try(w) {
			return w
		}
	}
	for i := range len(word) {
		for _, c := range letters {
			if byte(c) == word[i] {
				continue
			}
			if w := word[:i] + string(c) + word[i+1:]; try(w) {
				return w
			}
		}
	}
	return ""
}

// maxCorrect bounds the words Correct tries, in bytes: it tries some
// fifty edits a letter, and English words are shorter.
const maxCorrect = 24

// Known reports whether a lowercase word or phrase is in WordNet as it is
// or through one of its base forms ("visited", "talks", "went").
func Known(word string) bool {
	return len(Lemmas(word)) > 0
}

// Forms returns the irregular forms of a verb or a noun that WordNet
// lists (lead: led; hold: held; win: won), or nil: what a stemmer does not
// join to it, as it joins "leading" and "leads".
func Forms(lemma string) []string {
	rest, ok := lookup(formsTable, lemma)
	if !ok {
		return nil
	}
	return strings.Split(rest, "|")
}

// Lemmas returns the base forms of a lowercase word or phrase that WordNet
// lists, the word itself first when it is one: the irregular forms of
// WordNet's exception lists, then its detachment rules for regular
// inflections ("-ies" to "-y", "-ed" to "" or "-e", ...), as WordNet's own
// morphy does.
func Lemmas(word string) []string {
	var out []string
	add := func(l string) {
		if l == "" {
			return
		}
		if _, ok := lookup(wordnet, l); ok && !contains(out, l) {
			out = append(out, l)
		}
	}
	add(word)
	if rest, ok := lookup(exceptions, word); ok {
		for b := range strings.SplitSeq(rest, "|") {
			add(b)
		}
	}
	// A phrase inflects in its first word ("backed off", "took place").
	head, tail, phrase := strings.Cut(word, " ")
	if phrase {
		if rest, ok := lookup(exceptions, head); ok {
			for b := range strings.SplitSeq(rest, "|") {
				add(b + " " + tail)
			}
		}
	}
	for _, r := range detachments {
		if stem, ok := strings.CutSuffix(head, r[0]); ok && stem != "" {
			l := stem + r[1]
			if phrase {
				l += " " + tail
			}
			add(l)
		}
	}
	return out
}

// detachments are WordNet's rules for regular inflections: a suffix and
// what replaces it (wndb(5WN), "morphy"), the nouns' first.
var detachments = [][2]string{
	{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"},
	{"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
	{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"},
}

// nounDetachments are the rules of detachments for nouns.
var nounDetachments = detachments[:8]

// Plurals returns the plurals of a noun that are only its plural (sister:
// sisters; box: boxes; child: children), by WordNet's rules and irregular
// forms turned around; not those that are words of their own (arms,
// customs), nor anything for a word that is never a noun.
func Plurals(noun string) []string {
	if strings.Contains(noun, " ") || !Nominal(noun) {
		return nil
	}
	cands := Forms(noun)
	for _, r := range nounDetachments {
		if stem, ok := strings.CutSuffix(noun, r[1]); ok && stem != "" {
			cands = append(cands, stem+r[0])
		}
	}
	var out []string
	for _, p := range cands {
		if ls := Lemmas(p); contains(ls, noun) && !contains(ls, p) && !contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// Person reports whether a lemma's commonest sense as a noun is a person
// ("actor", "wrestler", "poet"), not a thing or a place ("island").
func Person(lemma string) bool {
	_, ok := sorted.Lookup(persons, lemma)
	return ok
}
