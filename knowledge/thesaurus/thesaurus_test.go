package thesaurus

import (
	"slices"
	"strings"
	"testing"

	"github.com/disputebot/disputebot/knowledge/internal/sorted"
)

func TestTablesSorted(t *testing.T) {
	for name, table := range map[string]string{"wordnet": wordnet, "exceptions": exceptions, "notnouns": notNouns, "derived": derived, "forms": formsTable, "persons": persons} {
		if k := sorted.Unsorted(table); k != "" {
			t.Errorf("%s.txt is not sorted by its first column at %q; regenerate it", name, k)
		}
	}
}

func TestSenses(t *testing.T) {
	tests := []struct {
		lemma string
		want  string // a synonym of some listed sense
	}{
		{"retaliate", "strike back"},
		{"pact", "treaty"},
		{"back off", "back down"},
		{"curb", "restrict"},
		{"compensation", "recompense"},
	}
	for _, tt := range tests {
		found := false
		for _, s := range Senses(tt.lemma) {
			found = found || slices.Contains(s, tt.want)
		}
		if !found {
			t.Errorf("Senses(%q) = %q, want %q among them", tt.lemma, Senses(tt.lemma), tt.want)
		}
	}
	for _, w := range []string{"", "gsomia", "zzzz", "a\tb", "\n"} {
		if s := Senses(w); s != nil {
			t.Errorf("Senses(%q) = %q, want none", w, s)
		}
	}
}

func TestBroader(t *testing.T) {
	tests := []struct{ lemma, want string }{
		{"lager", "beer"},
		{"holidaymaker", "traveler"},
		{"verdict", "finding"},
	}
	for _, tt := range tests {
		found := false
		for _, s := range Broader(tt.lemma) {
			found = found || slices.Contains(s, tt.want)
		}
		if !found {
			t.Errorf("Broader(%q) = %q, want %q among them", tt.lemma, Broader(tt.lemma), tt.want)
		}
	}
}

func TestPolysemy(t *testing.T) {
	tests := []struct {
		word     string
		min, max int
	}{
		{"sit", 10, 30},
		{"feud", 1, 3},
		{"olympics", 1, 2},
		{"visited", 5, 20},
		{"gsomia", 0, 0},
		{"kyosei", 0, 0},
	}
	for _, tt := range tests {
		if got := Polysemy(tt.word); got < tt.min || got > tt.max {
			t.Errorf("Polysemy(%q) = %d, want %d to %d", tt.word, got, tt.min, tt.max)
		}
	}
}

func TestLemmas(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"visited", []string{"visit"}},
		{"went", []string{"go"}},
		{"talks", []string{"talks", "talk"}},
		{"ministries", []string{"ministry"}},
		{"backed off", []string{"back off"}},
		{"took place", []string{"take place"}},
		{"broke off", []string{"break off"}},
		{"gave up", []string{"give up"}},
		{"gsomia", nil},
		{"kyosei", nil},
		{"baisho", nil},
	}
	for _, tt := range tests {
		if got := Lemmas(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("Lemmas(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestNominal(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"automatically", false}, {"characterise", false}, {"quickly", false}, {"renewed", false},
		{"ramen", true}, {"blossoms", true}, {"verdict", true}, {"talks", true}, {"kishida", true},
		{"led", true}, // LED, a diode
	} {
		if got := Nominal(tt.word); got != tt.want {
			t.Errorf("Nominal(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"lift", "", "zz", "a b", "\t", "ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Senses(s)
		Broader(s)
		Polysemy(s)
		Lemmas(s)
	})
}

func BenchmarkLemmasAndSenses(b *testing.B) {
	for b.Loop() {
		for _, l := range Lemmas("retaliated") {
			Senses(l)
		}
	}
}

func TestCorrect(t *testing.T) {
	tests := []struct{ word, want string }{
		{"actualy", "actually"},
		{"goverment", "government"},
		{"recieved", "received"},
		{"compensaton", "compensation"},
		{"actually", ""}, // right already
		{"govt", ""},     // too short to tell
		{"gsomia", ""},   // no English word near
		{"hanketsu", ""}, // romanized Japanese
		{"Seoul", ""},    // a name
		{"보상금", ""},      // another script
	}
	for _, tt := range tests {
		if got := Correct(tt.word); got != tt.want {
			t.Errorf("Correct(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func FuzzCorrect(f *testing.F) {
	f.Add("actualy")
	f.Add("zzzzzzzz")
	f.Fuzz(func(t *testing.T, w string) {
		if len(w) > 40 {
			return
		}
		if got := Correct(w); got != "" && !Known(got) {
			t.Errorf("Correct(%q) = %q, which is not English", w, got)
		}
	})
}

// BenchmarkCorrect: the longest word Correct tries, with no English word
// near it, is its slowest case.
func BenchmarkCorrect(b *testing.B) {
	w := strings.Repeat("qz", maxCorrect/2)
	for b.Loop() {
		Correct(w)
	}
}

func TestDerived(t *testing.T) {
	for _, tt := range []struct{ lemma, want string }{
		{"decide", "decision"},
		{"decision", "decide"},
		{"agree", "agreement"},
		{"pay", "payment"},
		{"die", "death"},
		{"dissolve", "dissolution"},
		{"withdrawal", "withdraw"},
	} {
		if got := Derived(tt.lemma); !slices.Contains(got, tt.want) {
			t.Errorf("Derived(%q) = %q, want %q among them", tt.lemma, got, tt.want)
		}
	}
	for _, tt := range []struct{ lemma, not string }{{"pay", "payer"}, {"visit", "visitor"}, {"sell", "seller"}} {
		if got := Derived(tt.lemma); slices.Contains(got, tt.not) {
			t.Errorf("Derived(%q) = %q: %q names who does it", tt.lemma, got, tt.not)
		}
	}
	for _, w := range []string{"", "zzzz", "a\tb", "decided"} {
		if got := Derived(w); got != nil {
			t.Errorf("Derived(%q) = %q, want nil", w, got)
		}
	}
}

func TestForms(t *testing.T) {
	for _, tc := range []struct {
		lemma string
		want  []string
	}{
		{"lead", []string{"led"}},
		{"hold", []string{"held"}},
		{"fight", []string{"fought"}},
		{"good", nil}, // an adjective's comparatives are other words
		{"walk", nil},
	} {
		if got := Forms(tc.lemma); !slices.Equal(got, tc.want) {
			t.Errorf("Forms(%q) = %q, want %q", tc.lemma, got, tc.want)
		}
	}
}

// TestAdjectives: an adjective gives the nouns it relates to, which
// stemming does not join to it, and a noun gives nothing (its adjectives
// are said of much else).
func TestAdjectives(t *testing.T) {
	for _, c := range []struct {
		adj, noun string
	}{{"imperial", "emperor"}, {"naval", "navy"}, {"volcanic", "volcano"}, {"judicial", "judge"}, {"legislative", "legislature"}} {
		if got := Adjectives(c.adj); !contains(got, c.noun) {
			t.Errorf("Adjectives(%q) = %v, want %q among them", c.adj, got, c.noun)
		}
	}
	if got := Adjectives("sex"); got != nil {
		t.Errorf("Adjectives(%q) = %v, want none: only adjectives have nouns", "sex", got)
	}
}

// TestPerson: the nouns news puts beside a name for a person are filed
// among people in WordNet, as things and places are not.
func TestPerson(t *testing.T) {
	for w, want := range map[string]bool{
		"actor": true, "director": true, "wrestler": true, "pitcher": true, "poet": true, "minister": true, "plaintiff": true,
		"island": false, "school": false, "company": false, "statue": false, "film": false, "": false,
	} {
		if got := Person(w); got != want {
			t.Errorf("Person(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestPlurals: a noun's plurals by WordNet's rules and irregular forms,
// but not a plural that is a word of its own, nor any of a word that is
// never a noun.
func TestPlurals(t *testing.T) {
	for _, tc := range []struct{ word, plural string }{
		{"sister", "sisters"}, {"option", "options"}, {"repercussion", "repercussions"}, {"child", "children"}, {"box", "boxes"}, {"city", "cities"},
	} {
		if got := Plurals(tc.word); !slices.Contains(got, tc.plural) {
			t.Errorf("Plurals(%q) = %q, want %q among them", tc.word, got, tc.plural)
		}
	}
	for _, w := range []string{"arm", "custom", "new", "automatically"} {
		if got := Plurals(w); len(got) > 0 {
			t.Errorf("Plurals(%q) = %q, want none", w, got)
		}
	}
}
