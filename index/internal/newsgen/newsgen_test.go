package newsgen

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/disputebot/disputebot/knowledge"
)

func TestArticlesDeterministic(t *testing.T) {
	a, b := Articles(7, 300), Articles(7, 300)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("Articles(7, 300) differs between two calls")
	}
	if c := Articles(8, 300); reflect.DeepEqual(a, c) {
		t.Fatal("Articles(8, 300) equals Articles(7, 300)")
	}
	// A longer corpus from the same seed starts with the same articles.
	if long := Articles(7, 600); !reflect.DeepEqual(long[0].Body, a[0].Body) {
		t.Error("the first article depends on the corpus size")
	}
}

func TestArticlesShape(t *testing.T) {
	for _, want := range []int{1, 4, 5, 11, 997} {
		arts := Articles(1, want)
		got := 0
		ids := map[string]bool{}
		for _, a := range arts {
			if err := a.Validate(); err != nil {
				t.Fatalf("%s: %v", a.ID, err)
			}
			if ids[a.ID] {
				t.Fatalf("duplicate id %s", a.ID)
			}
			ids[a.ID] = true
			if len(a.Body) > MaxParagraphs {
				t.Errorf("%s: %d paragraphs, want at most %d", a.ID, len(a.Body), MaxParagraphs)
			}
			ps := a.Passages()
			if len(ps) != len(a.Body) {
				t.Fatalf("%s: %d paragraphs became %d passages", a.ID, len(a.Body), len(ps))
			}
			for _, p := range ps {
				if n := len(strings.Fields(p.Text)); n < MinWords || n > MaxWords {
					t.Errorf("%s: %d words, want %d-%d", p.ID(), n, MinWords, MaxWords)
				}
			}
			if n := len(strings.Fields(a.Title)); n < 6 || n > 12 {
				t.Errorf("%s: title %q has %d words", a.ID, a.Title, n)
			}
			got += len(ps)
		}
		if got != want {
			t.Errorf("Articles(1, %d) holds %d passages", want, got)
		}
		// All but the last article have a full number of paragraphs.
		for _, a := range arts[:len(arts)-1] {
			if len(a.Body) < MinParagraphs {
				t.Errorf("%s: %d paragraphs, want at least %d", a.ID, len(a.Body), MinParagraphs)
			}
		}
	}
}

// TestArticlesLookLikeNews checks the word statistics: function words on
// top, a long tail, and the dispute's names at plausible rates.
func TestArticlesLookLikeNews(t *testing.T) {
	arts := Articles(3, 2000)
	counts := map[string]int{}
	total := 0
	var passages []string
	for _, a := range arts {
		for _, p := range a.Body {
			passages = append(passages, p.Text)
			for _, w := range strings.Fields(p.Text) {
				counts[strings.ToLower(strings.Trim(w, `.,"'`))]++
				total++
			}
		}
	}
	if share := float64(counts["the"]) / float64(total); share < 0.05 || share > 0.2 {
		t.Errorf("\"the\" is %.3f of the words, want 0.05-0.2", share)
	}
	if len(counts) < 10000 {
		t.Errorf("%d distinct words in 2000 passages, want a long tail (>= 10000)", len(counts))
	}
	share := func(re string) float64 {
		rx := regexp.MustCompile(re)
		n := 0
		for _, p := range passages {
			if rx.MatchString(p) {
				n++
			}
		}
		return float64(n) / float64(len(passages))
	}
	for _, c := range []struct {
		re       string
		min, max float64
	}{
		{`\bJapan`, 0.3, 0.95},
		{`\bMotegi\b`, 0.01, 0.15},
		{`\bKang\b`, 0.01, 0.15},
		{`\bexport controls\b`, 0.02, 0.2},
		{`\bwhite ?list\b`, 0.01, 0.15},
		{`\bGSOMIA\b`, 0.005, 0.1},
		{`\bSupreme Court\b`, 0.01, 0.15},
		{`\bNippon Steel\b`, 0.01, 0.15},
		{`\bwartime labor\b`, 0.02, 0.2},
		{`\b(Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{1,2}, 20\d\d\b`, 0.03, 0.4},
	} {
		if s := share(c.re); s < c.min || s > c.max {
			t.Errorf("%s is in %.3f of passages, want %.3f-%.3f", c.re, s, c.min, c.max)
		}
	}
}

func TestVocabulary(t *testing.T) {
	v := Vocabulary()
	if len(v) != VocabularySize {
		t.Fatalf("%d words, want %d", len(v), VocabularySize)
	}
	if v[0] != "the" {
		t.Errorf("top word %q, want \"the\"", v[0])
	}
	seen := map[string]bool{}
	excluded := excludedWords()
	for k, w := range v {
		if seen[w] {
			t.Errorf("%q twice", w)
		}
		seen[w] = true
		if k >= vocab().head && excluded[w] {
			t.Errorf("pseudo-word %q is a glossary, cue or calendar word", w)
		}
		for _, r := range w {
			if !unicode.IsLower(r) && r != '\'' {
				t.Fatalf("word %q is not lowercase letters", w)
			}
		}
	}
	// Head words must not be names: those enter the text as mentions.
	// Broad groups are everyday words ("minister", "first"), not names.
	names := knowledge.DefaultGlossary()
	for _, h := range headWords {
		if m, _ := names.Match(h); len(m) > 0 && !m[0].Group.Broad {
			t.Errorf("head word %q is the glossary's %q", h, m[0].Group.Canonical())
		}
	}
}

func TestQuestions(t *testing.T) {
	qs := Questions(5, 1000)
	if !reflect.DeepEqual(qs, Questions(5, 1000)) {
		t.Fatal("Questions(5, 1000) differs between two calls")
	}
	if reflect.DeepEqual(qs, Questions(6, 1000)) {
		t.Fatal("Questions(6, 1000) equals Questions(5, 1000)")
	}
	var cjk, when, howLong, say, glossary int
	g := knowledge.DefaultGlossary()
	for _, q := range qs {
		if n := len(strings.Fields(q)); n < MinQuestionWords || n > MaxQuestionWords {
			t.Errorf("%q has %d words", q, n)
		}
		if strings.IndexFunc(q, func(r rune) bool { return unicode.In(r, unicode.Hangul, unicode.Han) }) >= 0 {
			cjk++
		}
		lq := strings.ToLower(q)
		switch {
		case strings.HasPrefix(lq, "when "):
			when++
		case strings.HasPrefix(lq, "how long"):
			howLong++
		case strings.Contains(lq, "say about"):
			say++
		}
		if m, _ := g.Match(q); len(m) > 0 {
			glossary++
		}
	}
	for _, c := range []struct {
		name string
		n    int
		min  int
	}{{"in Korean or Japanese script", cjk, 100}, {"when", when, 50}, {"how long", howLong, 30},
		{"say about", say, 30}, {"with a glossary name", glossary, 900}} {
		if c.n < c.min {
			t.Errorf("%d of 1000 questions %s, want at least %d", c.n, c.name, c.min)
		}
	}
}
