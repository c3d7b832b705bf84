// Command spellgen compiles spelling.txt, the British spellings of English
// words and the American spellings of the same words, from Debian's word
// lists (wbritish and wamerican, SCOWL, public domain and MIT-like
// licences: /usr/share/doc/wbritish/copyright).
//
// A pair is kept only when the British word is in the British list alone,
// the American word in the American list alone, and one of the regular
// differences of spelling turns the first into the second (-our, -ise,
// -yse, -tre, -ence, a doubled l before an ending, -ogue, -mme, ae and
// oe): so "colour" gives "color", and "promise", in both lists, gives
// nothing. A few differences that never make one word another (-ence,
// -mme, -ogue, -dgement) also count where the American list has the
// British form as a variant: "licence" gives "license". Run it with
//
//	apt-get install wbritish wamerican
//	go run ./knowledge/lang/internal/spellgen >knowledge/lang/spelling.txt
package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"regexp"
	"slices"
	"strings"
)

// rules are the regular British spellings, each with its American form.
var rules = []struct{ british, american string }{
	{"our", "or"},
	{"ise", "ize"}, {"ised", "ized"}, {"ises", "izes"}, {"ising", "izing"}, {"isation", "ization"}, {"iser", "izer"},
	{"yse", "yze"}, {"ysed", "yzed"}, {"ysing", "yzing"},
	{"tre", "ter"}, {"tres", "ters"},
	{"ence", "ense"}, {"ences", "enses"},
	{"lled", "led"}, {"lling", "ling"}, {"ller", "ler"}, {"llers", "lers"},
	{"ogue", "og"}, {"ogues", "ogs"},
	{"mme", "m"}, {"mmes", "ms"},
	{"ae", "e"}, {"oe", "e"},
}

// either are the differences whose British form is also in the American
// list, as a variant (licence, programme, catalogue, judgement), and that
// never make one word another: a pair of these is kept whenever the
// American form is in the American list. (-our is not one of them: "four"
// would become "for".)
var either = []struct{ british, american string }{
	{"ence", "ense"}, {"ences", "enses"},
	{"mme", "m"}, {"mmes", "ms"},
	{"ogue", "og"}, {"ogues", "ogs"},
	{"dgement", "dgment"}, {"dgements", "dgments"},
}

var plain = regexp.MustCompile(`^[a-z]+$`)

func read(path string) map[string]bool {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	words := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := sc.Text(); plain.MatchString(w) {
			words[w] = true
		}
	}
	return words
}

func main() {
	british := read("/usr/share/dict/british-english")
	american := read("/usr/share/dict/american-english")
	pairs := map[string]string{}
	for b := range british {
		if american[b] {
			for _, r := range either {
				if a, ok := strings.CutSuffix(b, r.british); ok && american[a+r.american] {
					pairs[b] = a + r.american
				}
			}
			continue
		}
		for _, r := range rules {
			for i := strings.Index(b, r.british); i >= 0; {
				a := b[:i] + r.american + b[i+len(r.british):]
				if american[a] && !british[a] {
					if old, ok := pairs[b]; !ok || a < old {
						pairs[b] = a
					}
				}
				next := strings.Index(b[i+1:], r.british)
				if next < 0 {
					break
				}
				i += 1 + next
			}
		}
	}
	keys := make([]string, 0, len(pairs))
	for b := range pairs {
		keys = append(keys, b)
	}
	slices.Sort(keys)
	w := bufio.NewWriter(os.Stdout)
	for _, b := range keys {
		fmt.Fprintf(w, "%s\t%s\n", b, pairs[b])
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
}
