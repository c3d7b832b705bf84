package index

import "regexp"

// Cues are coarse facts about what a passage contains, indexed as keywords
// so that the form of a question can favour passages of the right kind:
// "when" questions want dates, "how long" questions want durations, "how
// much" questions want numbers.
const (
	cueDate     = "date"
	cueDuration = "duration"
	cueNumber   = "number"
)

var (
	month    = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`
	cueRegex = map[string]*regexp.Regexp{
		cueDate: regexp.MustCompile(`\b` + month + `\s+\d{1,2}\b|\b\d{1,2}\s+` + month +
			`|\b(19|20)\d\d\b|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b` + month + `\s+(19|20)\d\d\b`),
		cueDuration: regexp.MustCompile(`(?i)\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few|\d+-odd)[ -](minutes?|hours?|days?|weeks?|months?|years?|decades?)\b|\b(lasted|for around|for about)\b`),
		// Amounts and counts, not dates: a number with a unit or a noun.
		cueNumber: regexp.MustCompile(`(?i)\d[\d,.]*\s*(%|percent|per cent|million|billion|trillion|won|yen|dollars?|people|plaintiffs|victims|workers|items|shipments|visitors|companies|firms|countries|shares|patents|lawmakers|times|members)\b|[$¥₩€]\s?\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?) (plaintiffs|victims|workers|items|companies|countries|materials|cases)\b`),
	}
)

// cues returns the cues of a passage's text.
func cues(text string) []string {
	var out []string
	for _, c := range []string{cueDate, cueDuration, cueNumber} {
		if cueRegex[c].MatchString(text) {
			out = append(out, c)
		}
	}
	return out
}
