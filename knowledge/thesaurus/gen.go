//go:build ignore

// gen compiles WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet) into
// the two tables this package embeds: wordnet.txt, each lemma with the
// synonyms of its most frequent senses, and exceptions.txt, WordNet's
// irregular inflections. Run it with `go generate ./knowledge/thesaurus`
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
		})
	}
	table := map[string][][]string{} // lemma -> senses -> synonyms
	for _, p := range pos {
		readLines(filepath.Join(*dir, "index."+p), func(line string) {
			f := strings.Fields(line)
			if len(f) < 6 {
				return
			}
			lemma := clean(f[0])
			nsyn, _ := strconv.Atoi(f[2])
			offsets := f[len(f)-nsyn:]
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
	for _, l := range lemmas {
		var parts []string
		for _, s := range table[l] {
			if len(s) > 0 {
				parts = append(parts, strings.Join(s, "|"))
			}
		}
		fmt.Fprintf(w, "%s\t%s\n", l, strings.Join(parts, ";"))
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	out.Close()

	exc := map[string][]string{}
	for _, p := range pos {
		readLines(filepath.Join(*dir, p+".exc"), func(line string) {
			f := strings.Fields(line)
			if len(f) >= 2 {
				form := clean(f[0])
				for _, b := range f[1:] {
					if b = clean(b); !slices.Contains(exc[form], b) {
						exc[form] = append(exc[form], b)
					}
				}
			}
		})
	}
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
