//go:build ignore

// narrowgen derives narrower.txt from wordnet.txt (see gen.go): for each
// lemma, the lemmas whose commonest sense has it among the words of its
// broader concept ("restroom" and "washroom" for bathroom), where they are
// at most maxNarrower: a word with more ("person", "building") names too
// wide a concept for its kinds to stand for it. Run it with
// `go generate ./knowledge/thesaurus`, after gen.go.
package main

import (
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
)

// maxNarrower is the most narrower lemmas a lemma is listed with.
const maxNarrower = 25

func main() {
	b, err := os.ReadFile("wordnet.txt")
	if err != nil {
		log.Fatal(err)
	}
	narrower := map[string][]string{}
	for line := range strings.SplitSeq(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 4 || f[3] == "" {
			continue
		}
		first, _, _ := strings.Cut(f[3], ";")
		for _, up := range strings.Split(first, "|") {
			if !slices.Contains(narrower[up], f[0]) {
				narrower[up] = append(narrower[up], f[0])
			}
		}
	}
	keys := make([]string, 0, len(narrower))
	for k, v := range narrower {
		if len(v) <= maxNarrower {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out strings.Builder
	for _, k := range keys {
		v := narrower[k]
		slices.Sort(v)
		fmt.Fprintf(&out, "%s\t%s\n", k, strings.Join(v, "|"))
	}
	if err := os.WriteFile("narrower.txt", []byte(out.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}
