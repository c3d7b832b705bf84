package knowledge

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestTopics(t *testing.T) {
	if got := strings.Join(TopicNames(), ","); got != "talks,labor-ruling,export-controls,north-korea,other" {
		t.Errorf("TopicNames() = %s", got)
	}
	labels := map[Topic]string{
		TopicTalks: "Diplomatic talks", TopicLaborRuling: "Wartime labor rulings", TopicExportControls: "Export controls",
		TopicNorthKorea: "North Korea", TopicOther: "Other", "nonsense": "Other",
	}
	for topic, want := range labels {
		t.Run(string(topic), func(t *testing.T) {
			if got := topic.Label(); got != want {
				t.Errorf("Label() = %q, want %q", got, want)
			}
			if got, want := topic.Valid(), topic != "nonsense"; got != want {
				t.Errorf("Valid() = %v, want %v", got, want)
			}
		})
	}
}

func TestParseTopic(t *testing.T) {
	tests := []struct {
		in   string
		want Topic // "" means an error
	}{
		{"talks", TopicTalks},
		{"TALKS", TopicTalks},
		{"  Talks  ", TopicTalks},
		{"diplomacy", TopicTalks},
		{"diplomatic talks", TopicTalks},
		{"summit", TopicTalks},
		{"labor-ruling", TopicLaborRuling},
		{"labor_ruling", TopicLaborRuling},
		{"Labor Ruling", TopicLaborRuling},
		{"labour", TopicLaborRuling},
		{"forced labor", TopicLaborRuling},
		{"Forced_Labour", TopicLaborRuling},
		{"compensation", TopicLaborRuling},
		{"export-controls", TopicExportControls},
		{"export controls", TopicExportControls},
		{"trade", TopicExportControls},
		{"whitelist", TopicExportControls},
		{"white list", TopicExportControls},
		{"north-korea", TopicNorthKorea},
		{"North Korea", TopicNorthKorea},
		{"DPRK", TopicNorthKorea},
		{"nk", TopicNorthKorea},
		{"other", TopicOther},
		{"", ""},
		{"   ", ""},
		{"weather", ""},
		{"talks!", ""},
		{"export--controls", ""},
		{"north korea\n", TopicNorthKorea},
		{"north\tkorea", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseTopic(tt.in)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("ParseTopic(%q) = %q, want an error", tt.in, got)
				}
				if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "choose one of talks, labor-ruling") {
					t.Errorf("error %q (%s) should list the topics", ErrorMessage(err), ErrorCode(err))
				}
				if got != "" {
					t.Errorf("ParseTopic returned %q with its error", got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseTopic(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func FuzzParseTopic(f *testing.F) {
	for _, s := range []string{"talks", "Forced Labor", "north_korea", "", "white list", "\xff", "OTHER"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		topic, err := ParseTopic(s)
		if err != nil {
			if topic != "" || ErrorCode(err) != EINVALID {
				t.Fatalf("ParseTopic(%q) = %q, %v", s, topic, err)
			}
			return
		}
		if !topic.Valid() {
			t.Fatalf("ParseTopic(%q) = invalid topic %q", s, topic)
		}
		if again, err := ParseTopic(string(topic)); err != nil || again != topic {
			t.Fatalf("ParseTopic(%q) = %q, %v; want itself", topic, again, err)
		}
	})
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Topic
	}{
		{"talks: held talks", "Motegi and Kang held talks on the sidelines of the conference.", []Topic{TopicTalks}},
		{"talks: summit", "Abe and Moon are to hold a summit in Chengdu.", []Topic{TopicTalks}},
		{"talks: two weak cues", "The ministers met and agreed to keep in touch.", []Topic{TopicTalks}},
		{"talks: one weak cue is not enough", "The ministers met.", []Topic{TopicOther}},
		{"labor: supreme court", "South Korea's Supreme Court ordered Nippon Steel to compensate four plaintiffs.", []Topic{TopicLaborRuling}},
		{"labor: forced labor", "Victims of forced labor during the colonial era.", []Topic{TopicLaborRuling}},
		{"labor: 1965", "Japan says the 1965 agreement settled the matter.", []Topic{TopicLaborRuling}},
		{"labor: prefix cue", "The plaintiffs sought reparations.", []Topic{TopicLaborRuling}},
		{"export: controls", "Japan tightened export controls on three materials.", []Topic{TopicExportControls}},
		{"export: semiconductors", "Materials needed to make semiconductors and display panels.", []Topic{TopicExportControls}},
		{"export: white list", "Tokyo removed Seoul from its white list of trusted trading partners.", []Topic{TopicExportControls}},
		{"export: WTO", "Seoul filed a complaint with the WTO.", []Topic{TopicExportControls}},
		{"export: case and punctuation", "EXPORT-CONTROLS? No: Export Controls!", []Topic{TopicExportControls}},
		{"north korea", "North Korea fired a ballistic missile into the sea.", []Topic{TopicNorthKorea}},
		{"north korea: pyongyang", "Pyongyang warned of nuclear tests.", []Topic{TopicNorthKorea}},
		{"several topics in display order", "At the summit they discussed export controls and the Supreme Court rulings.", []Topic{TopicTalks, TopicLaborRuling, TopicExportControls}},
		{"talks and north korea", "The foreign ministers discussed North Korea.", []Topic{TopicTalks, TopicNorthKorea}},
		{"other: weather", "It was a sunny day in Madrid.", []Topic{TopicOther}},
		{"other: empty", "", []Topic{TopicOther}},
		{"other: punctuation", "!!! ... ???", []Topic{TopicOther}},
		{"whole words only", "The courtyard was metallic; the exporters left.", []Topic{TopicOther}},
		{"prefix cue needs a word start", "unsummitable", []Topic{TopicOther}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Classify(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Classify(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestCueWords(t *testing.T) {
	cues := CueWords()
	for _, w := range []string{"talks", "summit", "compensat", "wto", "pyongyang"} {
		if !slices.Contains(cues, w) {
			t.Errorf("CueWords() lacks %q", w)
		}
	}
	for _, w := range cues {
		if w == "" || strings.ContainsAny(w, " *") {
			t.Errorf("CueWords() holds %q", w)
		}
	}
}

func FuzzClassify(f *testing.F) {
	for _, s := range []string{
		"", "North Korea fired a missile.", "export controls and the Supreme Court", "\xff\xfe", "summit* talks*",
		"ＳＵＭＭＩＴ", "İstanbul talks", "- - -", "north-korea",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := Classify(text)
		if len(got) == 0 {
			t.Fatalf("Classify(%q) is empty", text)
		}
		last := -1
		for _, topic := range got {
			i := slices.Index(Topics, topic)
			if i < 0 {
				t.Fatalf("Classify(%q) = %v: unknown topic %q", text, got, topic)
			}
			if i <= last {
				t.Fatalf("Classify(%q) = %v: not in display order or repeated", text, got)
			}
			last = i
		}
		if slices.Contains(got, TopicOther) && len(got) > 1 {
			t.Fatalf("Classify(%q) = %v: other with other topics", text, got)
		}
	})
}

// FuzzSplitWords: splitWords splits as the plain way would, lowercasing the
// whole text and splitting it on everything but letters, digits and dashes.
func FuzzSplitWords(f *testing.F) {
	for _, s := range []string{"", "Export-controls, in July 2019!", "İstanbul ÀB", "강제징용 判決", "\xff\xfeA-b", "a  b\u00a0c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
		})
		if got := splitWords(s); !slices.Equal(got, want) && len(got)+len(want) > 0 {
			t.Errorf("splitWords(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestTopicAnchors: a passage takes a strand of the dispute told by the
// words of any news of its kind (a court, a ruling, a plaintiff; exports,
// trade) only in an article that ties itself to the dispute by one of its
// anchors somewhere: the Tsushima Buddha statue ruling (articles/dev3),
// the 2005 ruling on Chong Hyang-gyun's promotion (articles/dev13), the
// 1999 end of fingerprinting (articles/dev7) and the 1998 Kim–Obuchi
// declaration (articles/dev2) were "wartime labor rulings". Topics its
// front matter declares tie an article to their strands.
func TestTopicAnchors(t *testing.T) {
	court := "The Supreme Court ruled on Wednesday that the city was right to refuse the plaintiff a promotion, and rejected her claim for compensation."
	trade := "Exports of scallops rose as trade resumed, the ministry said, and licences for the season were issued."
	for _, tt := range []struct {
		name     string
		paras    []string
		declared []Topic
		want     Topic // the first passage's first topic
	}{
		{"a court ruling of another matter", []string{court, "The ruling ends a case she brought ten years ago."}, nil, TopicOther},
		{"a court ruling of the dispute", []string{court, "Her lawyers compared the case to the forced labor suits against Nippon Steel."}, nil, TopicLaborRuling},
		{"a court ruling its author files under the strand", []string{court, "The ruling ends a case she brought ten years ago."}, []Topic{TopicLaborRuling, TopicTalks}, TopicLaborRuling},
		{"trade of another matter", []string{trade, "Fishermen welcomed the news."}, nil, TopicOther},
		{"trade of the dispute", []string{trade, "The export controls of 2019 did not touch seafood."}, nil, TopicExportControls},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{ID: "a", Title: "News of the day", Kind: KindArticle, Topics: tt.declared}
			for _, p := range tt.paras {
				a.Body = append(a.Body, Paragraph{Text: p})
			}
			ps := a.Passages()
			if len(ps) == 0 || ps[0].Topics[0] != tt.want {
				t.Errorf("topics of the first passage %v, want %s first", ps[0].Topics, tt.want)
			}
		})
	}
	// Every anchor is a cue of its topic, which marks it.
	for topic, anchors := range topicAnchors {
		for _, a := range anchors {
			if !slices.ContainsFunc(topicRules[topic], func(r topicRule) bool { return r.phrase == a }) {
				t.Errorf("anchor %q is no cue of %s", a, topic)
			}
		}
	}
}
