package index

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/disputebot/disputebot/knowledge/evalset"
)

// The ranking's weights can also be chosen on every tuning split at once,
// each scored in its own index (the default corpus and that split's
// articles, as `corpus import` adds them), with the validation splits
// measured, never searched on:
//
//	go test ./index -run TestTuneAll -tuneall -timeout 2h
//
// The tuning splits count alike, as the README's objective sums them: a
// weight that helps the questions on the default corpus and hurts those
// on added articles is no gain. The held-out splits are never read here.
var (
	tuneAll    = flag.Bool("tuneall", false, "TestTuneAll: search the ranking's weights on all tuning splits")
	tuneNames  = flag.String("tunenames", "", "TestTuneAll: the weights to search, comma-separated (default: all of allGrid)")
	tuneSet    = flag.String("tuneset", "", "TestTuneAll: instead of searching, score these settings, as Name=v;Name=v")
	tuneFold   = flag.String("tunefold", "", "TestTuneAll: A or B, tune on that half of all the splits (tuning and validation, alternately) and measure the other")
	tuneScreen = flag.Bool("tunescreen", false, "TestTuneAll: score each weight's values alone, from the ranking in use (or -tuneset's), on both halves (-tunefold)")
	tuneAblate = flag.Bool("tuneablate", false, "TestTuneAll: with -tuneset, also score each setting put back as in use")
)

// split is a question file and the directory of the articles its
// questions are about, if any, relative to testdata/eval.
type split struct{ name, questions, articles string }

// tuningSplits are the splits the ranking is tuned on; validationSplits
// are measured for every change and never tuned on (see README,
// Evaluation).
var (
	tuningSplits = []split{
		{"dev", "dev.jsonl", ""}, {"dev2", "dev2.jsonl", ""},
		{"art", "articles/dev.jsonl", "articles/dev"}, {"ad3", "articles/dev3.jsonl", "articles/dev3"},
		{"ad6", "articles/dev6.jsonl", "articles/dev6"}, {"ad7", "articles/dev7.jsonl", "articles/dev7"},
		{"ad8", "articles/dev8.jsonl", "articles/dev8"}, {"ad9", "articles/dev9.jsonl", "articles/dev9"},
		{"ad10", "articles/dev10.jsonl", "articles/dev10"}, {"ad11", "articles/dev11.jsonl", "articles/dev11"},
		{"ad12", "articles/dev12.jsonl", "articles/dev12"}, {"ad13", "articles/dev13.jsonl", "articles/dev13"},
		{"ad14", "articles/dev14.jsonl", "articles/dev14"},
		{"ad15", "articles/dev15.jsonl", "articles/dev15"},
		{"ad16", "articles/dev16.jsonl", "articles/dev16"},
		{"ad17", "articles/dev17.jsonl", "articles/dev17"},
		{"ad18", "articles/dev18.jsonl", "articles/dev18"},
		{"ad19", "articles/dev19.jsonl", "articles/dev19"},
		{"ad20", "articles/dev20.jsonl", "articles/dev20"},
		{"ad21", "articles/dev21.jsonl", "articles/dev21"},
		{"ad22", "articles/dev22.jsonl", "articles/dev22"},
		{"ad23", "articles/dev23.jsonl", "articles/dev23"},
		{"ad24", "articles/dev24.jsonl", "articles/dev24"},
		{"ad25", "articles/dev25.jsonl", "articles/dev25"},
		{"ad26", "articles/dev26.jsonl", "articles/dev26"},
		{"ad27", "articles/dev27.jsonl", "articles/dev27"},
		{"ad28", "articles/dev28.jsonl", "articles/dev28"},
		{"ad29", "articles/dev29.jsonl", "articles/dev29"},
	}
	validationSplits = []split{
		{"dev3", "dev3.jsonl", ""}, {"art2", "articles/dev2.jsonl", "articles/dev2"},
		{"ad4", "articles/dev4.jsonl", "articles/dev4"}, {"ad5", "articles/dev5.jsonl", "articles/dev5"},
	}
)

// allGrid are the values tried for each weight.
var allGrid = map[string][]float64{
	"Synonyms": {0.4, 0.5, 0.6, 0.7}, "Broader": {0.1, 0.2, 0.3}, "UnknownWeight": {0.7, 0.85, 1}, "UnknownCJK": {0.2, 0.3, 0.4}, "UnknownOther": {0.4, 0.6, 0.8}, "UnknownMixed": {0.5, 0.6, 0.8, 1},
	"PolysemyExp": {0.25, 0.5, 0.75}, "B": {0.3, 0.5, 0.7}, "TitleWeight": {0.3, 0.5, 0.7}, "ContextWeight": {0.2, 0.4, 0.6},
	"TitleCredit": {0.5, 0.7, 0.85}, "ContextCredit": {0.1, 0.2, 0.3}, "ArticleCredit": {0.1, 0.2, 0.3}, "Clumping": {0, 1, 1.5, 2},
	"CoverageExp": {1.5, 2, 2.5}, "BM25Share": {0.6, 0.8, 0.9}, "Proximity": {0.15, 0.3, 0.45}, "Topical": {0.1, 0.2, 0.3}, "FirstMention": {0.3, 0.5, 0.7},
	"TypeMiss": {0.6, 0.7, 0.8}, "TypeEvidence": {0.8, 0.9, 1}, "FocusMiss": {0.5, 0.6, 0.7}, "YearMiss": {0.5, 0.6, 0.7}, "SentenceType": {0.7, 0.8, 0.9},
	"OwnShare": {0.4, 0.5, 0.6}, "PartCredit": {0.3, 0.4, 0.5}, "Translation": {0.8, 0.9, 1}, "Romanized": {0.7, 0.8, 0.9}, "RareWords": {0, 0.4, 0.8}, "NonNoun": {0.4, 0.5, 0.6},
	"EvidenceSentence": {0.15, 0.25, 0.35}, "MinEvidence": {0.6, 0.65, 0.7}, "LongQuestion": {0.04, 0.06, 0.08}, "MinLong": {0.3, 0.35, 0.4},
	"MinRest": {0.1, 0.15, 0.2}, "MinBody": {0.05, 0.1, 0.15}, "MinSpecific": {0.15, 0.2, 0.25}, "MinRelative": {0.1, 0.15, 0.2},
}

// tuneIndex is a split loaded in its own index.
type tuneIndex struct {
	split
	idx   *Index
	cases []evalset.Case
}

func loadSplits(t *testing.T, splits []split) []tuneIndex {
	t.Helper()
	root := filepath.Join("..", "testdata", "eval")
	out := make([]tuneIndex, len(splits))
	for i, s := range splits {
		cases, err := evalset.ReadFile(filepath.Join(root, s.questions))
		if err != nil {
			t.Fatal(err)
		}
		arts := defaultCorpus(t)
		if s.articles != "" {
			arts = append(arts, fixtureArticles(t, filepath.Join(root, s.articles))...)
		}
		idx, _ := openTest(t, arts)
		idx.timeout = time.Minute // a loaded machine must not turn a slow search into a wrong answer
		out[i] = tuneIndex{s, idx, cases}
	}
	return out
}

// scoreSplits sets the ranking of every split's index and returns the sum
// of their objectives, and each split's report, two splits at a time.
func scoreSplits(t *testing.T, ts []tuneIndex, r ranking) (float64, []*evalset.Report) {
	t.Helper()
	reports := make([]*evalset.Report, len(ts))
	errs := make([]error, len(ts))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i := range ts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			ts[i].idx.ranking = r
			ts[i].idx.cache.invalidate()
			reports[i], errs[i] = evalset.Run(context.Background(), ts[i].idx.Search, ts[i].cases, evalset.DefaultTargets)
		}()
	}
	wg.Wait()
	sum := 0.0
	for i, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
		sum += objective(reports[i])
	}
	return sum, reports
}

func setWeight(r *ranking, name string, v float64) bool {
	f := reflect.ValueOf(r).Elem().FieldByName(name)
	switch {
	case !f.IsValid():
		return false
	case f.Kind() == reflect.Bool:
		f.SetBool(v != 0) // a switch: 0 is off
	case f.Kind() == reflect.Float64:
		f.SetFloat(v)
	default:
		return false
	}
	return true
}

// TestTuneAll searches the ranking's weights one at a time on the tuning
// splits (coordinate ascent, two rounds), then prints the tuning and
// validation measures of the start and of the best found; with -tuneset
// it only scores the settings given.
func TestTuneAll(t *testing.T) {
	if !*tuneAll {
		t.Skip("run with -tuneall")
	}
	tuning, validation := loadSplits(t, tuningSplits), loadSplits(t, validationSplits)
	if *tuneFold != "" {
		// Two-fold cross-validation over all the splits: tune on one
		// half, measure on the other, and the other way round; a weight
		// both halves move the same way is no fit to either's questions.
		all := slices.Concat(tuning, validation)
		tuning, validation = nil, nil
		for i, s := range all {
			if (i%2 == 0) == (*tuneFold == "A") {
				tuning = append(tuning, s)
			} else {
				validation = append(validation, s)
			}
		}
	}
	r := defaultRanking
	report := func(label string, r ranking) {
		tsum, treps := scoreSplits(t, tuning, r)
		vsum, vreps := scoreSplits(t, validation, r)
		var b strings.Builder
		fmt.Fprintf(&b, "%s: tuning %.4f validation %.4f\n", label, tsum, vsum)
		for i, rep := range treps {
			fmt.Fprintf(&b, "  %-5s %s\n", tuning[i].name, summary(rep))
		}
		for i, rep := range vreps {
			fmt.Fprintf(&b, "  %-5s %s\n", validation[i].name, summary(rep))
		}
		t.Log(b.String())
	}
	report("start", r)
	if *tuneSet != "" {
		for _, kv := range strings.Split(*tuneSet, ";") {
			name, v, _ := strings.Cut(kv, "=")
			x, err := strconv.ParseFloat(v, 64)
			if err != nil || !setWeight(&r, name, x) {
				t.Fatalf("-tuneset %q: want Name=value of a ranking weight", kv)
			}
		}
		report("set", r)
		if *tuneAblate {
			// Each setting back at its value in use, the others kept:
			// which of them carry the change.
			for _, kv := range strings.Split(*tuneSet, ";") {
				name, _, _ := strings.Cut(kv, "=")
				a := r
				setWeight(&a, name, reflect.ValueOf(defaultRanking).FieldByName(name).Float())
				tsum, _ := scoreSplits(t, tuning, a)
				vsum, _ := scoreSplits(t, validation, a)
				t.Logf("without %s: tuning %.4f validation %.4f", name, tsum, vsum)
			}
		}
		if !*tuneScreen {
			return
		}
	}
	if *tuneScreen {
		// Each weight alone at each of its values: its change on either
		// half, kept only where both halves gain (see -tunefold).
		ta, _ := scoreSplits(t, tuning, r)
		va, _ := scoreSplits(t, validation, r)
		for _, name := range sortedKeys(allGrid) {
			for _, v := range allGrid[name] {
				a := r
				if v == reflect.ValueOf(r).FieldByName(name).Float() || !setWeight(&a, name, v) {
					continue
				}
				tb, _ := scoreSplits(t, tuning, a)
				vb, _ := scoreSplits(t, validation, a)
				mark := ""
				if tb > ta+1e-9 && vb > va+1e-9 {
					mark = " both"
				}
				t.Logf("%s=%g: %+.4f %+.4f%s", name, v, tb-ta, vb-va, mark)
			}
		}
		return
	}
	names := sortedKeys(allGrid)
	if *tuneNames != "" {
		names = strings.Split(*tuneNames, ",")
	}
	best, _ := scoreSplits(t, tuning, r)
	for round := range 2 {
		for _, name := range names {
			keep := reflect.ValueOf(&r).Elem().FieldByName(name).Float()
			for _, v := range allGrid[name] {
				if v == keep || !setWeight(&r, name, v) {
					continue
				}
				if s, _ := scoreSplits(t, tuning, r); s > best+1e-9 {
					best, keep = s, v
					t.Logf("round %d: %s=%g -> %.4f", round, name, v, s)
				}
			}
			setWeight(&r, name, keep)
		}
	}
	report("best", r)
	t.Logf("%+v", r)
}
