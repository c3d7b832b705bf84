package index

import (
	"regexp"
	"slices"
	"strings"
)

// Follow-up questions. In a chat a member asks about one thing, then
// about what it led to, in as few words as people use with each other:
// "why did seoul end gsomia?", then "and how did the us react". The
// second says what it asks (a reaction, the US) and not what about: that
// is in the question before. A follow-up is read with the concepts of the
// question it follows, at a share of their weight (ranking.FollowUp), so
// that the passages about both come first; its own words, its answer
// type and its language are its own.

// followUpOpening is how a follow-up begins: a conjunction carrying the
// talk on ("and", "so", "but", "ok and"), "what about", or their Korean
// (그럼, 그리고, 근데, 그래서) and Japanese (じゃあ, それで, で、, あと)
// counterparts.
var followUpOpening = regexp.MustCompile(`(?i)^\s*(?:(?:ok(?:ay)?|so|and|but|then|also|wait|hm+|oh)\b[\s,]*)+|^\s*(?:what|how) about\b|^\s*(?:그럼|그러면|그리고|근데|그런데|그래서|그럼에도|아 ?그럼)|^\s*(?:じゃあ|じゃ|それで|それじゃ|で、|あと|ちなみに|ところで)`)

// followUpReference is a word that refers back to something named before:
// a pronoun or a demonstrative ("it", "that", "they", "his"; 그, 그거,
// 거기, 그때; それ, その, そこ, 彼).
var followUpReference = regexp.MustCompile(`(?i)\b(?:it|its|that|this|those|these|they|them|their|he|him|his|she|her|there|same)\b|그거|그게|그건|그걸|그때|거기|그 사람|그분|그들|걔|그 |それ|その|そこ|あれ|あの|彼|同じ`)

// followsUp reports whether a question reads as the continuation of the
// one before it: it opens as a follow-up does, or refers back to
// something it does not name.
func followsUp(text string) bool {
	return followUpOpening.MatchString(text) || followUpReference.MatchString(text)
}

// addContext adds to a follow-up the concepts of the question it follows
// that it does not itself have, at the given share of their weight, and
// returns how many. They count in its coverage like its own, and are
// searched; what it asks (its known concepts, its heaviest concept, its
// focus) stays its own.
func (q *question) addContext(prev question, share float64) (added int) {
	for _, c := range prev.concepts {
		if !c.known || q.hasConcept(c) {
			continue
		}
		c.before = c.weight
		c.weight *= share
		c.focus = false
		q.concepts = append(q.concepts, c)
		added++
	}
	return added
}

// hasConcept reports whether the question has a concept saying what c
// says: the same label, or a spelling in common.
func (q *question) hasConcept(c concept) bool {
	for _, own := range q.concepts {
		if strings.EqualFold(own.label, c.label) {
			return true
		}
		for _, a := range own.alts {
			for _, b := range c.alts {
				if a.conf == 1 && b.conf == 1 && slices.Equal(a.terms, b.terms) {
					return true
				}
			}
		}
	}
	return false
}
