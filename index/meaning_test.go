package index

import "testing"

// TestInContext: a synonym counts when it is near one of the question's
// other words. The dropped ones are of the dev off-topic questions that
// their wrong-sense synonyms had answered; the kept ones are of the sense
// the question means.
func TestInContext(t *testing.T) {
	for _, tt := range []struct {
		question, lemma, synonym string
		want                     bool
	}{
		{"whats the weather gonna be like in seoul tmrw", "weather", "conditions", false},
		{"when do the cherry blossoms bloom at yasukuni shrine", "blossom", "prime", false},
		{"Which Japanese minister is in charge of the 2025 Osaka Expo?", "charge", "complaint", false},
		{"when did japan lift the export curbs", "lift", "repeal", true},
		{"did the victims get redress from the court ruling", "redress", "compensation", true},
		{"did the legislator's bill pass parliament", "legislator", "lawmaker", true},
		{"weather", "weather", "conditions", true},              // no other word to judge by
		{"when did japan lift the curbs", "lift", "zzqx", true}, // a word the vectors lack
	} {
		if got := inContext(tt.synonym, contextFor(tt.lemma, questionContext(tt.question)), defaultRanking.SynonymContext); got != tt.want {
			t.Errorf("%q: %s for %s: %v, want %v", tt.question, tt.synonym, tt.lemma, got, tt.want)
		}
	}
}

// TestSynonymsOfTheQuestionsSense: off-topic questions whose words the
// corpus says only in another sense go unanswered, as they did not before
// synonyms were judged by their context (the dev questions of TestInContext).
func TestSynonymsOfTheQuestionsSense(t *testing.T) {
	idx := defaultIndex(t)
	if idx.ranking.SynonymContext <= 0 {
		t.Fatal("synonyms are not judged by their context in the ranking in use")
	}
	qs := []string{"whats the weather gonna be like in seoul tmrw", "what's the weather like in tokyo this weekend"}
	with, without := ablated(idx, func(r *ranking) { r.SynonymContext = 0 }, func() int { return answered(t, idx, qs) })
	t.Logf("off-topic questions answered: %d of %d judging synonyms by context, %d without", with, len(qs), without)
	if with != 0 || without == 0 {
		t.Errorf("answered %d with, %d without", with, without)
	}
}

func FuzzQuestionContext(f *testing.F) {
	f.Add("whats the weather gonna be like in seoul tmrw")
	f.Add("\xff\x00 강경화 US$5")
	f.Fuzz(func(t *testing.T, q string) {
		ctx := questionContext(q)
		for _, c := range ctx {
			if c.text == "" || int(c.vec) < minMeaningRank {
				t.Fatalf("context word %+v", c)
			}
		}
		inContext("conditions", contextFor("weather", ctx), 0.4)
	})
}

// TestSynonymsNoFunctionWords: a sense the thesaurus spells as a word of
// asking or grammar is no synonym, since a passage says it in every other
// sense: "can" (a toilet) for bathroom and potty (articles/dev28.jsonl 2,
// dev.jsonl 312), "go" for die (articles/dev20.jsonl 33), "say" for
// supposed (dev.jsonl 99 and 224).
func TestSynonymsNoFunctionWords(t *testing.T) {
	idx := defaultIndex(t)
	for _, tt := range []struct{ q, label, not string }{
		{"who was the judge on the yasukuni bathroom bomb trial", "bathroom", "can"},
		{"tips for potty training a puppy?", "potty", "can"},
		{"When did Asakawa Takumi die, and what was the cause?", "die", "go"},
		{"What was supposed to happen later in December, after the Madrid meeting?", "supposed", "say"},
	} {
		if c := findConcept(analyzeQuestion(t, idx, tt.q), tt.label); c != nil && hasAlt(c, tt.not) {
			t.Errorf("%q: %s is said as %q", tt.q, tt.label, tt.not)
		}
	}
}
