package knowledge

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Topic is one strand of the dispute. Every passage carries at least one.
type Topic string

// The topics. The first three are the strands users ask about; north-korea and
// other catch passages that touch none of them.
const (
	TopicTalks          Topic = "talks"
	TopicLaborRuling    Topic = "labor-ruling"
	TopicExportControls Topic = "export-controls"
	TopicNorthKorea     Topic = "north-korea"
	TopicOther          Topic = "other"
)

// Topics lists every topic in display order.
var Topics = []Topic{TopicTalks, TopicLaborRuling, TopicExportControls, TopicNorthKorea, TopicOther}

// TopicNames returns the topic names in display order.
func TopicNames() []string {
	names := make([]string, len(Topics))
	for i, t := range Topics {
		names[i] = string(t)
	}
	return names
}

// Valid reports whether t is a known topic.
func (t Topic) Valid() bool { return slices.Contains(Topics, t) }

// Label is the topic's name for people.
func (t Topic) Label() string {
	switch t {
	case TopicTalks:
		return "Diplomatic talks"
	case TopicLaborRuling:
		return "Wartime labor rulings"
	case TopicExportControls:
		return "Export controls"
	case TopicNorthKorea:
		return "North Korea"
	default:
		return "Other"
	}
}

// ParseTopic accepts a topic name in any case, with spaces or underscores for
// dashes, and a few everyday names ("trade", "forced labor").
func ParseTopic(s string) (Topic, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.NewReplacer("_", "-", " ", "-").Replace(k)
	switch k {
	case "labor", "labour", "labour-ruling", "ruling", "rulings", "forced-labor", "forced-labour", "wartime-labor", "compensation":
		return TopicLaborRuling, nil
	case "export", "exports", "export-control", "trade", "export-curbs", "white-list", "whitelist":
		return TopicExportControls, nil
	case "talk", "diplomacy", "diplomatic-talks", "meetings", "summit":
		return TopicTalks, nil
	case "nk", "dprk", "northkorea":
		return TopicNorthKorea, nil
	}
	if t := Topic(k); t.Valid() {
		return t, nil
	}
	return "", Errorf(EINVALID, "unknown topic %q: choose one of %s", s, strings.Join(TopicNames(), ", "))
}

// topicRule is one cue: a phrase of whole words (a trailing * makes its last
// word a prefix) and how much it counts towards its topic.
type topicRule struct {
	phrase string
	weight int
}

// topicRules are the classifier's cues. A passage gets a topic when its cues
// add up to topicThreshold: one strong cue (2) or two weak ones (1 each).
// They are deliberately plain so that a tag can be explained by reading them.
var topicRules = map[Topic][]topicRule{
	TopicTalks: {
		{"talks", 2}, {"held talks", 2}, {"summit*", 2}, {"foreign ministers", 2}, {"foreign minister", 1},
		{"met", 1}, {"meet", 1}, {"meeting*", 1}, {"dialogue", 2}, {"sidelines", 2}, {"negotiat*", 2},
		{"diplomacy", 2}, {"diplomat*", 1}, {"shuttle diplomacy", 2}, {"counterpart*", 1}, {"agreed", 1},
		{"ministerial", 1}, {"conference", 1}, {"visit*", 1}, {"groundwork", 1}, {"leaders", 1},
		{"asem", 2}, {"asia-europe", 2}, {"ties", 1}, {"relations", 1}, {"consultations", 1},
	},
	TopicLaborRuling: {
		{"wartime labor", 2}, {"wartime labour", 2}, {"forced labor", 2}, {"forced labour", 2},
		{"forced mobilization", 2}, {"conscripted", 2}, {"requisitioned", 2}, {"compensat*", 2},
		{"supreme court", 2}, {"top court", 2}, {"court", 1}, {"ruling*", 1}, {"rulings", 1}, {"plaintiff*", 2},
		{"1965", 2}, {"claims", 1}, {"separation of powers", 2}, {"colonial", 1}, {"donations", 1},
		{"nippon steel", 2}, {"mitsubishi heavy", 2}, {"seizure", 2}, {"seize*", 1}, {"assets", 1},
		{"victims", 1}, {"foundation", 1}, {"damages", 2}, {"reparation*", 2}, {"comfort women", 1},
		{"finally and completely", 2}, {"completely and finally", 2}, {"bill", 1}, {"third-party", 1},
	},
	TopicExportControls: {
		{"export control*", 2}, {"export curb*", 2}, {"export restriction*", 2}, {"exports", 1}, {"export", 1},
		{"trade controls", 2}, {"trade curbs", 2}, {"semiconductor*", 2}, {"display panels", 2},
		{"white list", 2}, {"whitelist", 2}, {"white countries", 2}, {"group a", 1}, {"photoresist*", 2},
		{"resist", 1}, {"hydrogen fluoride", 2}, {"polyimide", 2}, {"wto", 2}, {"world trade organization", 2},
		{"licen*", 1}, {"meti", 2}, {"motie", 2}, {"director general-level", 2}, {"materials", 1},
		{"trade", 1}, {"boycott*", 2}, {"chips", 1}, {"regulations", 1},
	},
	TopicNorthKorea: {
		{"north korea*", 2}, {"pyongyang", 2}, {"ballistic missile*", 2}, {"missile*", 1}, {"nuclear", 1},
		{"icbm*", 2}, {"denucleari*", 2}, {"kim jong un", 2},
	},
}

const topicThreshold = 2

// topicAnchors are, for the strands of the dispute whose cues are words
// of any news of their kind (a court, a ruling, a plaintiff; exports,
// trade), the cues that tie an article to this dispute: a passage gets
// such a topic only when its article says one of them somewhere. A
// Japanese Supreme Court ruling on a Korean resident's promotion in the
// Tokyo civil service has a court, a plaintiff and compensation, and is
// no wartime-labor ruling.
var topicAnchors = map[Topic][]string{
	TopicLaborRuling: {
		"wartime labor", "wartime labour", "forced labor", "forced labour", "forced mobilization",
		"conscripted", "requisitioned", "nippon steel", "mitsubishi heavy", "1965", "reparation*",
		"finally and completely", "completely and finally", "comfort women", "third-party",
	},
	TopicExportControls: {
		"export control*", "export curb*", "export restriction*", "trade controls", "trade curbs",
		"white list", "whitelist", "white countries", "photoresist*", "hydrogen fluoride", "polyimide",
		"wto", "world trade organization", "meti", "motie", "semiconductor*", "boycott*",
	},
}

// Classify tags a piece of text with the topics whose cues it contains, in
// display order. Text that matches none of the main topics is north-korea
// when it is about North Korea, and other otherwise, so the result is never
// empty.
func Classify(text string) []Topic {
	return classify(text, nil)
}

// classify is Classify, keeping a topic of topicAnchors only where anchored
// holds it, when anchored is not nil.
func classify(text string, anchored map[Topic]bool) []Topic {
	rules := compiledRules()
	hit := rules.hits(text)
	score := map[Topic]int{}
	for ri, ok := range hit {
		if ok {
			score[rules.all[ri].topic] += rules.all[ri].weight
		}
	}
	var out []Topic
	for _, t := range Topics {
		if score[t] >= topicThreshold && (anchored == nil || topicAnchors[t] == nil || anchored[t]) {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		out = []Topic{TopicOther}
	}
	return out
}

// compiledRule is a topic rule split into words, for matching word by word
// (Classify runs on every passage that is indexed).
type compiledRule struct {
	topic  Topic
	weight int
	words  []string
	prefix bool // the last word is a prefix
	anchor bool // one of topicAnchors
}

// matchAt reports whether the rule's words stand at words[i:].
func (r *compiledRule) matchAt(words []string, i int) bool {
	if i+len(r.words) > len(words) {
		return false
	}
	last := len(r.words) - 1
	for k, w := range r.words {
		if k == last && r.prefix {
			if !strings.HasPrefix(words[i+k], w) {
				return false
			}
		} else if words[i+k] != w {
			return false
		}
	}
	return true
}

// hits reports which rules match in text.
func (rs *ruleSet) hits(text string) []bool {
	words := splitWords(text)
	hit := make([]bool, len(rs.all))
	for i, w := range words {
		for _, ri := range rs.byFirst[w] {
			if !hit[ri] && rs.all[ri].matchAt(words, i) {
				hit[ri] = true
			}
		}
		if len(w) >= prefixKey {
			for _, ri := range rs.prefixFirst[w[:prefixKey]] {
				if !hit[ri] && rs.all[ri].matchAt(words, i) {
					hit[ri] = true
				}
			}
		}
	}
	return hit
}

// anchoredTopics returns the topics of topicAnchors that a text says one
// of the anchors of.
func anchoredTopics(text string) map[Topic]bool {
	rs := compiledRules()
	out := map[Topic]bool{}
	for ri, ok := range rs.hits(text) {
		if ok && rs.all[ri].anchor {
			out[rs.all[ri].topic] = true
		}
	}
	return out
}

// prefixKey is how many leading bytes of a word select the prefix rules
// that may match it; every one-word prefix rule is at least that long.
const prefixKey = 4

type ruleSet struct {
	all         []compiledRule
	byFirst     map[string][]int // rules by their first word, when it is a whole word
	prefixFirst map[string][]int // one-word prefix rules, by their first prefixKey bytes
}

var (
	rulesOnce sync.Once
	rules     ruleSet
)

func compiledRules() *ruleSet {
	rulesOnce.Do(func() {
		rules.byFirst = map[string][]int{}
		rules.prefixFirst = map[string][]int{}
		for _, t := range Topics {
			for _, r := range topicRules[t] {
				c := compiledRule{topic: t, weight: r.weight, prefix: strings.HasSuffix(r.phrase, "*"), anchor: slices.Contains(topicAnchors[t], r.phrase)}
				c.words = strings.Fields(strings.TrimSuffix(r.phrase, "*"))
				i := len(rules.all)
				rules.all = append(rules.all, c)
				if c.prefix && len(c.words) == 1 {
					if len(c.words[0]) < prefixKey {
						panic("knowledge: topic rule prefix shorter than prefixKey: " + r.phrase)
					}
					k := c.words[0][:prefixKey]
					rules.prefixFirst[k] = append(rules.prefixFirst[k], i)
				} else {
					rules.byFirst[c.words[0]] = append(rules.byFirst[c.words[0]], i)
				}
			}
		}
	})
	return &rules
}

// splitWords lowercases s and splits it into runs of letters, digits and dashes,
// so that phrases match across punctuation. It slices one lowercased copy
// rather than building a normalized string to split: Classify runs on
// every passage indexed.
func splitWords(s string) []string {
	s = strings.ToLower(s)
	out := make([]string, 0, len(s)/6+1)
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out, start = append(out, s[start:i]), -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// disputeWords tie a question to the dispute without pointing to one topic.
var disputeWords = []string{
	"dispute", "row", "rift", "feud", "spat", "tension", "tensions", "labor", "labour", "wartime", "colonial",
	"apology", "treaty", "bilateral", "diplomatic", "sanctions", "retaliation", "economic", "chemicals", "history",
}

// CueWords returns the single words among the classifier's cues, and other
// words of the dispute's vocabulary: words that, in a question, tie it to
// the dispute.
func CueWords() []string {
	out := append([]string(nil), disputeWords...)
	for _, t := range Topics {
		for _, r := range topicRules[t] {
			w := strings.TrimSuffix(r.phrase, "*")
			if !strings.Contains(w, " ") {
				out = append(out, w)
			}
		}
	}
	return out
}
