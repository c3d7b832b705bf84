package knowledge

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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
	datelinePattern = regexp.MustCompile(`^\p{Lu}[\p{Lu}\p{Lu} .'’/-]{1,40}(?:,\s*[\p{L}\p{N} .,]{1,25}?)?\s*(?:\([^()]{1,40}\))?\s*(?:—|–|--|-)\s+`)
	// furniturePattern: the lines of a page that are not the article.
	furniturePattern = regexp.MustCompile(`(?i)^(?:©|\(c\)\s|copyright\b|all rights reserved|sign up\b|subscribe\b|get our\b|newsletter|related(?: articles| stories| news| coverage)?(?::?$|:\s)|(?:also read|see also|recommended|most read|trending)\b:?|read more\b|more on this\b|share (?:this|on|via)\b|follow us\b|advertisement$|click here\b|photo:|image:|file photo|this article (?:was|has been)\b|reporting by\b|editing by\b|(?:` + updateWords + `)(?: on| at|:)?\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)|[(（]?(?:` + cjkDateLabels + `|最終更新|` + updateWords + `)\s*[:：]?$|[(（]?\d{1,2}[:：]\d\d(?:\s?[ap]\.?\s?m\.?)?(?:\s+[a-z]{2,4})?[)）]?$)|all rights reserved|\b\d+ min(?:ute)?s? read$`)
	// navigationRow: a row of a site's menu or breadcrumbs, short items
	// between bars, bullets or chevrons: "World | Asia | Business",
	// "Home › News › Politics".
	navigationRow = regexp.MustCompile(`^(?:[\p{L}\p{N}&'’. -]{1,30}\s*[|•·»›/]\s*){2,}[\p{L}\p{N}&'’. -]{1,30}$`)
	// loneDate: a line that is only a date, as pages print the day of
	// publication apart from the text: "December 16, 1963", "Nov. 26,
	// 2004", "Monday, 4 March 2025", "2024-03-22".
	loneDate = regexp.MustCompile(`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)` + clockTime + `$|` + cjkLoneDate)
	// lonePlace: a dateline written as a line of its own, a place in
	// capitals and a date: "SEOUL, March 4, 2025", "TOKYO (Kyodo)".
	lonePlace = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’/-]{2,40}(?:,\s*[\p{L}\p{N} .,]{1,25})?\s*(?:\([^()]{1,40}\))?\s*(?:—|–|--|-)?$`)
)

// clockTime is the time of day a page may print after the date, with its
// zone and the time of the last update: ", 6:40 p.m. JST", "10:30 GMT ·
// Updated 11:05 a.m.".
const clockTime = `(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s?[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4})?)?(?:\s*[·|]?\s*\(?(?:Updated|Last updated)[:\s]\s*[^·|()]{1,40}\)?)?`

// cjkDateLabels are the words Korean and Japanese pages print before the
// date of publication or of the last update (입력 2013-05-16, 기사입력,
// 승인; 更新, 配信).
const cjkDateLabels = `(?:기사)?입력|(?:최종)?수정|승인|등록|更新|配信|公開|掲載`

// updateWords are those English pages print before it.
const updateWords = `published|updated|posted|last updated`

// cjkDateTime is a date as Japanese and Korean pages print it, with or
// without the time: "2019年12月12日 18時30分", "2013년 5월 16일",
// "2013.05.16 10:30", "2013-05-16 오후 3:00".
const cjkDateTime = `(?:(?:19|20)\d\d\s?[年년]\s?\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일](?:\s?[(（][^)）]{1,3}[)）])?|(?:19|20)\d\d[./-]\s?\d{1,2}[./-]\s?\d{1,2}\.?)(?:\s*(?:午前|午後|오전|오후)?\s*\d{1,2}(?:[:：]\d\d|\s?[時시]\s?(?:\d{1,2}\s?[分분])?))?`

// cjkLoneDate is a line that is only a date as Japanese and Korean pages
// print it, with its label, and the date of the last update after it in
// brackets or after a dot: "입력 2013-05-16 10:30", "2019年12月12日
// （最終更新 11:30）", "입력 2022.03.22 11:42 · 수정 2022.03.22 16:05". A
// page's <time> elements leave the label of the second on the line of the
// first ("2022.03.22 11:42 · 수정").
const cjkLoneDate = `^(?:` + cjkDateLabels + `)?\s*[:：]?\s*` + cjkDateTime + `(?:\s*[(（](?:最終更新|更新|수정)[^)）]{1,20}[)）]|\s*[·|/]?\s*(?:` + cjkDateLabels + `|最終更新)\s*[:：]?\s*(?:` + cjkDateTime + `)?)?$`

// repeatsTitle reports whether a paragraph is the article's title printed
// again, as a page's headline above its text: the same characters but for
// spaces (a full-width space in one, an ASCII space in the other).
func repeatsTitle(text, title string) bool {
	squeeze := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	t := squeeze(title)
	return t != "" && squeeze(text) == t
}

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

// maxLabelWords: a label above an article's text is a few words.
const maxLabelWords = 5

// isLabel reports whether a paragraph is a label rather than a sentence:
// a few words that no punctuation ends, as a kicker or a section name.
func isLabel(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" || wordCount(text) > maxLabelWords {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	return !strings.ContainsRune(".!?。！？:：;\"”'’)）」』", last)
}

// textFollows reports whether paragraphs hold a paragraph of text of a
// passage's length: a label heads text, and an article of a few short
// lines is all text.
func textFollows(body []Paragraph) bool {
	return slices.ContainsFunc(body, func(p Paragraph) bool {
		return !p.Caption && !p.Heading && wordCount(p.Text) >= MinPassageWords
	})
}

// isFurniture reports whether a paragraph is site furniture: a line of
// the page around the article or a row of its menu.
func isFurniture(text string) bool {
	text = strings.TrimSpace(text)
	return wordCount(text) <= maxFurnitureWords && (furniturePattern.MatchString(text) || navigationRow.MatchString(text))
}

// loneDateline returns a paragraph that is only a dateline ("SEOUL, March
// 4, 2025", "TOKYO (Kyodo) —"), without its dash, or "": a place of three
// capitals or more, all in capitals; or only a date ("December 16, 1963"),
// which glued to the first paragraph made it the answer to every question
// asking when.
func loneDateline(text string) string {
	text = strings.TrimSpace(text)
	if loneDate.MatchString(text) {
		return text
	}
	if !lonePlace.MatchString(text) {
		return ""
	}
	place, _, _ := strings.Cut(text, ",")
	place, _, _ = strings.Cut(place, "(")
	place = strings.TrimSpace(strings.TrimRight(place, " —–-"))
	caps := 0
	for _, r := range place {
		if unicode.IsUpper(r) {
			caps++
		}
	}
	if caps < 3 || strings.ToUpper(place) != place {
		return ""
	}
	return strings.TrimSpace(strings.TrimRight(text, " —–-"))
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

var (
	// datelineDay: the month and day a dateline gives ("Oct. 17", "July
	// 22"), and a year when it has one.
	datelineDay = regexp.MustCompile(`\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b(?:,?\s+((?:19|20)\d\d))?`)
	// weekdayWord: the day of the week news writes an event under ("on
	// Thursday").
	weekdayWord = regexp.MustCompile(`\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b`)
	// yearWord: a year the text mentions.
	yearWord = regexp.MustCompile(`\b(?:19|20)\d\d\b`)
)

// DatelineDate returns the date of an article that gives none but opens
// with a dateline: "TOKYO, July 22 (East Asia Wire) — The UNESCO World
// Heritage Committee on Thursday adopted …". A dateline writes the month
// and day, and the year only seldom; the year is the one, from the year
// before the latest the text mentions up to now, on which that day fell on
// the weekday the first paragraph names. Without a weekday, or with none
// such year, it reports false: a guess would be worse than none.
func DatelineDate(a *Article, now time.Time) (time.Time, bool) {
	var first, lone string
	for _, p := range a.Body[:min(len(a.Body), 3)] {
		text := CleanText(p.Text)
		if d := loneDateline(text); d != "" && lone == "" {
			lone = d
			continue
		}
		if text != "" && !p.Caption && !p.Heading && !isByline(text, a.Byline) && !isFurniture(text) {
			first = text
			break
		}
	}
	dateline, rest := cutDateline(first)
	if dateline == "" {
		dateline, rest = cmp.Or(lone, a.Dateline), first
	}
	m := datelineDay.FindStringSubmatch(dateline)
	if m == nil {
		return time.Time{}, false
	}
	mon, err := time.Parse("Jan", m[1])
	day, _ := strconv.Atoi(m[2])
	if err != nil || day < 1 {
		return time.Time{}, false
	}
	month := mon.Month()
	if m[3] != "" {
		y, _ := strconv.Atoi(m[3])
		d := time.Date(y, month, day, 0, 0, 0, 0, time.UTC)
		return d, day <= daysIn(y, month) && !d.After(now)
	}
	wd := weekdayWord.FindString(rest)
	if wd == "" {
		return time.Time{}, false
	}
	latest := 0
	for _, p := range a.Body {
		for _, y := range yearWord.FindAllString(p.Text, -1) {
			if n, _ := strconv.Atoi(y); n <= now.Year() {
				latest = max(latest, n)
			}
		}
	}
	if latest == 0 {
		latest = now.Year()
	}
	for y := latest - 1; y <= now.Year(); y++ {
		d := time.Date(y, month, day, 0, 0, 0, 0, time.UTC)
		if day <= daysIn(y, month) && !d.After(now) && d.Weekday().String() == wd {
			return d, true
		}
	}
	return time.Time{}, false
}
