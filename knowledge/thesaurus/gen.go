//go:build ignore

// gen compiles WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet) into
// the tables this package embeds: wordnet.txt, each lemma with its
// number of senses, the synonyms of its most frequent senses and the words of their broader
// concepts (hypernyms: "beer" for "lager"), exceptions.txt, WordNet's
// irregular inflections, and notnouns.txt, the one-word lemmas that are
// never nouns, and derived.txt, the nouns and verbs derived from one
// another (decide: decision; pay: payment), agent nouns left out, and
// adjectives.txt, adjectives and the nouns they relate to (imperial:
// emperor, empire; judicial: judge), and persons.txt, the one-word nouns
// whose commonest sense is a person (actor, wrestler). Run it
// with `go generate ./knowledge/thesaurus`
// after `apt-get install wordnet-base`.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// personFile is the number of WordNet's lexicographer file of nouns for
// people (noun.person), the second field of a synset's line.
const personFile = "18"

// senses is how many of a lemma's senses, most frequent first, give
// synonyms: WordNet orders senses by how often they were tagged in
// SemCor, and rarer senses mostly add noise ("lift" as a face-lift).
const senses = 4

// maxPerSense bounds the synonyms kept of one sense.
const maxPerSense = 8

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet's dict directory")
	flag.Parse()
	pos := []string{"noun", "verb", "adj", "adv"}
	synsets := map[string][]string{} // "pos offset" -> words
	people := map[string]bool{}      // the offsets of the noun synsets of people
	broader := map[string][]string{} // "pos offset" -> its hypernyms, as "pos offset"
	for _, p := range pos {
		readLines(filepath.Join(*dir, "data."+p), func(line string) {
			f := strings.Fields(line)
			if len(f) < 5 {
				return
			}
			n, err := strconv.ParseInt(f[3], 16, 32)
			if err != nil || len(f) < 4+2*int(n) {
				return
			}
			var words []string
			for i := 0; i < int(n); i++ {
				words = append(words, clean(f[4+2*i]))
			}
			synsets[p+" "+f[0]] = words
			if p == "noun" && f[1] == personFile {
				people[f[0]] = true
			}
			// Pointers follow the words: a count, then symbol, offset,
			// part of speech and source/target for each.
			k := 4 + 2*int(n)
			np, err := strconv.Atoi(f[k])
			if err != nil {
				return
			}
			for i := 0; i < np && k+4+4*i <= len(f); i++ {
				sym, off, ps := f[k+1+4*i], f[k+2+4*i], f[k+3+4*i]
				if sym == "@" || sym == "@i" {
					broader[p+" "+f[0]] = append(broader[p+" "+f[0]], posName[ps]+" "+off)
				}
				// An adjective and the noun it relates to (pertainym "\\",
				// or derivation "+": imperial, emperor; judicial, judge):
				// a question says "the imperial household" of a passage
				// on the Emperor.
				adjNoun := p == "adj" && ps == "n" && (sym == "\\" || sym == "+") || p == "noun" && (ps == "a" || ps == "s") && sym == "+"
				if (sym == "+" && (p == "noun" || p == "verb") && (ps == "n" || ps == "v") && posName[ps] != p || adjNoun) && k+4+4*i < len(f) {
					// A derivationally related form, between a noun and a
					// verb: word to word, by their numbers in the two
					// synsets (source and target, two hex digits each).
					st := f[k+4+4*i]
					src, err1 := strconv.ParseInt(st[:2], 16, 32)
					dst, err2 := strconv.ParseInt(st[2:], 16, 32)
					if err1 == nil && err2 == nil && len(st) == 4 {
						links = append(links, link{p + " " + f[0], int(src), posName[ps] + " " + off, int(dst), adjNoun})
					}
				}
			}
		})
	}
	derived := map[string][]string{} // lemma -> the nouns and verbs derived from it or it from them
	related := map[string][]string{} // adjective -> the nouns it relates to
	for _, l := range links {
		from, to := synsets[l.from], synsets[l.to]
		if l.src < 1 || l.src > len(from) || l.dst < 1 || l.dst > len(to) {
			continue
		}
		a, b := from[l.src-1], to[l.dst-1]
		if a == b || strings.Contains(a, " ") || strings.Contains(b, " ") {
			continue
		}
		if l.adjective {
			// From the adjective, whichever way the link points
			// (imperial to emperor, or emperor to imperial). Agent nouns
			// are kept: an emperor is no one who "emperors".
			if l.from[:3] != "adj" {
				a, b = b, a
			}
			if !slices.Contains(related[a], b) {
				related[a] = append(related[a], b)
			}
			continue
		}
		if agent(b) || slices.Contains(derived[a], b) {
			continue
		}
		derived[a] = append(derived[a], b)
	}
	write("derived.txt", derived)
	write("adjectives.txt", related)

	table := map[string][][]string{} // lemma -> senses -> synonyms
	hyper := map[string][][]string{} // lemma -> senses -> words of the broader concepts
	count := map[string]int{}        // lemma -> its senses in all parts of speech
	noun := map[string]bool{}        // lemma -> whether it has a sense as a noun
	var persons []string             // the one-word nouns whose commonest sense is a person
	for _, p := range pos {
		readLines(filepath.Join(*dir, "index."+p), func(line string) {
			f := strings.Fields(line)
			if len(f) < 6 {
				return
			}
			lemma := clean(f[0])
			nsyn, _ := strconv.Atoi(f[2])
			count[lemma] += nsyn
			offsets := f[len(f)-nsyn:]
			if p == "noun" {
				noun[lemma] = true
				if people[offsets[0]] && !strings.Contains(lemma, " ") {
					persons = append(persons, lemma)
				}
			}
			for i, off := range offsets {
				if i == senses {
					break
				}
				var syn []string
				for _, w := range synsets[p+" "+off] {
					if w != lemma && !slices.Contains(syn, w) && len(syn) < maxPerSense {
						syn = append(syn, w)
					}
				}
				table[lemma] = append(table[lemma], syn)
				var up []string
				for _, h := range broader[p+" "+off] {
					for _, w := range synsets[h] {
						if w != lemma && !slices.Contains(up, w) && len(up) < maxPerSense {
							up = append(up, w)
						}
					}
				}
				hyper[lemma] = append(hyper[lemma], up)
			}
			if _, ok := table[lemma]; !ok {
				table[lemma] = nil
			}
		})
	}
	lemmas := make([]string, 0, len(table))
	for l := range table {
		lemmas = append(lemmas, l)
	}
	slices.Sort(lemmas)
	out, err := os.Create("wordnet.txt")
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(out)
	join := func(senses [][]string) string {
		var parts []string
		for _, s := range senses {
			if len(s) > 0 {
				parts = append(parts, strings.Join(s, "|"))
			}
		}
		return strings.Join(parts, ";")
	}
	for _, l := range lemmas {
		fmt.Fprintf(w, "%s\t%d\t%s\t%s\n", l, count[l], join(table[l]), join(hyper[l]))
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	out.Close()

	slices.Sort(persons)
	if err := os.WriteFile("persons.txt", []byte(strings.Join(persons, "\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}

	var notNouns []string
	for _, l := range lemmas {
		if !noun[l] && !strings.Contains(l, " ") {
			notNouns = append(notNouns, l)
		}
	}
	if err := os.WriteFile("notnouns.txt", []byte(strings.Join(notNouns, "\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}

	// exceptions.txt: every irregular form and its lemmas. forms.txt: the
	// irregular forms of verbs and nouns by their lemma (lead: led), for
	// what stemming does not join; the adjectives' (good: better, best)
	// are other words to a reader.
	exc := map[string][]string{}
	inflected := map[string][]string{}
	for _, p := range pos {
		readLines(filepath.Join(*dir, p+".exc"), func(line string) {
			f := strings.Fields(line)
			if len(f) < 2 {
				return
			}
			form := clean(f[0])
			for _, b := range f[1:] {
				b = clean(b)
				if !slices.Contains(exc[form], b) {
					exc[form] = append(exc[form], b)
				}
				if (p == "verb" || p == "noun") && b != form && !strings.Contains(b, " ") && !slices.Contains(inflected[b], form) {
					inflected[b] = append(inflected[b], form)
				}
			}
		})
	}
	write("forms.txt", inflected)

	forms := make([]string, 0, len(exc))
	for f := range exc {
		forms = append(forms, f)
	}
	slices.Sort(forms)
	out, err = os.Create("exceptions.txt")
	if err != nil {
		log.Fatal(err)
	}
	w = bufio.NewWriter(out)
	for _, f := range forms {
		fmt.Fprintf(w, "%s\t%s\n", f, strings.Join(exc[f], "|"))
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	out.Close()
}

// link is a derivationally related form: word src of synset from and word
// dst of synset to, both counted from 1.
type link struct {
	from      string
	src       int
	to        string
	dst       int
	adjective bool // between an adjective and a noun
}

var links []link

// agent reports whether a noun names who does something (payer, seller,
// visitor, payee): a question about paying is not about the payer.
func agent(w string) bool {
	for _, suffix := range []string{"er", "or", "ee", "ist"} {
		if strings.HasSuffix(w, suffix) && len(w) > len(suffix)+2 {
			return true
		}
	}
	return false
}

// write writes a table of lemmas, sorted, each with its words separated
// by "|".
func write(name string, table map[string][]string) {
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		vs := slices.Clone(table[k])
		slices.Sort(vs)
		fmt.Fprintf(&b, "%s\t%s\n", k, strings.Join(vs, "|"))
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}

// posName maps the part-of-speech letters of pointers to file names.
var posName = map[string]string{"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}

// clean turns a WordNet word into text: underscores are spaces, and
// adjective markers such as "(a)" go.
func clean(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 {
		w = w[:i]
	}
	return strings.ToLower(strings.ReplaceAll(w, "_", " "))
}

// readLines calls fn for each line of a WordNet file, skipping the licence
// header (lines starting with two spaces).
func readLines(path string, fn func(string)) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<20)
	for sc.Scan() {
		if line := sc.Text(); !strings.HasPrefix(line, "  ") {
			fn(line)
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
}
