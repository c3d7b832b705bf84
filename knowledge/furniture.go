package knowledge

import (
	"regexp"
	"strings"
)

// Pages and pasted articles carry text that is not the article: the byline
// ("By Jane Doe, Staff Reporter"), the dateline that opens the first
// paragraph ("SEOUL (Yonhap) —"), photo captions, and site furniture
// (copyright lines, newsletter boxes, "Related articles"). None of it
// answers a question, and glued to the first paragraph it made that
// paragraph look like the best answer to many. Passages leave it out of
// their text: a dateline and captions go to the context of the passages
// near them, where they still help find them; the rest goes.

var (
	// bylinePattern: "By" and a capitalized name, as bylines open.
	bylinePattern = regexp.MustCompile(`^(?:By|BY|Written by|Reporting by|Story by|Words by)\s+\p{Lu}`)
	// datelinePattern: a place in capitals, an optional date and agency
	// in brackets, and a dash: "SEOUL (Yonhap) -- ", "TOKYO, Dec. 16
	// (Kyodo) — ", "MADRID — ".
	datelinePattern = regexp.MustCompile(`^\p{Lu}[\p{Lu}\p{Lu} .'’-]{1,40}(?:,\s*[\p{L}\p{N} .,]{1,25}?)?\s*(?:\([^()]{1,40}\))?\s*(?:—|–|--|-)\s+`)
	// furniturePattern: the lines of a page that are not the article.
	furniturePattern = regexp.MustCompile(`(?i)^(?:©|\(c\)\s|copyright\b|all rights reserved|sign up\b|subscribe\b|get our\b|newsletter|related(?: articles| stories| news| coverage)?:?$|read more\b|more on this\b|share (?:this|on|via)\b|follow us\b|advertisement$|click here\b|photo:|image:|file photo|this article (?:was|has been)\b|reporting by\b|editing by\b)|all rights reserved`)
)

// maxFurnitureWords: a byline or a line of furniture is short.
const maxFurnitureWords = 20

// isByline reports whether a paragraph is the article's byline.
func isByline(text, byline string) bool {
	if wordCount(text) > maxFurnitureWords/2+2 {
		return false
	}
	if byline != "" && strings.EqualFold(strings.TrimSpace(text), strings.TrimSpace(byline)) {
		return true
	}
	return bylinePattern.MatchString(text)
}

// isFurniture reports whether a paragraph is site furniture.
func isFurniture(text string) bool {
	return wordCount(text) <= maxFurnitureWords && furniturePattern.MatchString(strings.TrimSpace(text))
}

// cutDateline returns a paragraph's dateline and the text after it, or ""
// and the text when it has none. The place must be in capitals, as
// datelines write it, so that a sentence is never taken for one.
func cutDateline(text string) (dateline, rest string) {
	m := datelinePattern.FindStringIndex(text)
	if m == nil {
		return "", text
	}
	place := strings.TrimSpace(text[:m[1]])
	letters := 0
	for _, r := range place {
		if r >= 'A' && r <= 'Z' {
			letters++
		}
		if r >= 'a' && r <= 'z' {
			break // the place in capitals ends before a lowercase word
		}
	}
	if letters < 3 || wordCount(text[m[1]:]) < 5 {
		return "", text
	}
	return strings.TrimRight(place, " —–-"), text[m[1]:]
}
