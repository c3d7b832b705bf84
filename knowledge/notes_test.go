package knowledge

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The bot quotes the background notes as sourced facts about a sensitive
// dispute, and their dated events feed the timeline. A claim-by-claim review
// (issue 14) found events whose dates the notes' own text never gives, and
// the same happening dated differently in two places. The checks below keep
// the notes consistent with themselves, with their sources and with each
// other, on every `go test ./...`:
//
//   - an event's date is written in its note's body (see dateWritten);
//   - an event cites one of its note's sources, by URL;
//   - a weekday written next to a date is that date's weekday;
//   - events of two notes that share most of their informative words
//     (see sameHappening) carry the same date.
//
// They cannot tell whether a source says what a note says; that is for
// people to read. They catch the slips that creep in when a note is edited.

// months are the month names the notes write, January first.
var months = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// yearRe finds the years written in a paragraph, 1800 to 2099: the notes
// go back to 1910.
var yearRe = regexp.MustCompile(`\b(1[89]\d\d|20\d\d)\b`)

// dayRange is one end of a range of days, as in "16–17 March" or "13 and 14
// April", so that a date at either end of a range counts as written.
const dayRange = `\d{1,2}\s*(?:–|-|and|to)\s*`

// dateWritten reports whether paragraph p writes date d. Every event has a
// day (the corpus format takes YYYY-MM-DD only), so the rule is: the day and
// the month's name, in either order ("22 June", "June 22"), alone or at
// either end of a range ("16–17 March", "13 and 14 April", "March 14-16"),
// and the year anywhere in the same paragraph ("22 June" in a paragraph
// about 1965 writes 1965-06-22). A paragraph is the unit because a note's
// paragraph is about one happening and names its year once, then leaves it
// out, as people write.
func dateWritten(p string, d time.Time) bool {
	if !slices.Contains(yearRe.FindAllString(p, -1), strconv.Itoa(d.Year())) {
		return false
	}
	day, month := strconv.Itoa(d.Day()), months[d.Month()-1]
	dayFirst := regexp.MustCompile(`\b(?:` + dayRange + `)?` + day + `(?:\s*(?:–|-|and|to)\s*\d{1,2})?\s+` + month + `\b`)
	monthFirst := regexp.MustCompile(`\b` + month + `\s+(?:` + dayRange + `)?` + day + `\b`)
	return dayFirst.MatchString(p) || monthFirst.MatchString(p)
}

// eventDatesWritten returns a problem for each event of a whose date is not
// written in any paragraph of its body.
func eventDatesWritten(a *Article) []string {
	var out []string
	for i, e := range a.Events {
		found := slices.ContainsFunc(a.Body, func(p Paragraph) bool { return dateWritten(p.Text, e.Date) })
		if !found {
			out = append(out, fmt.Sprintf("%s: events[%d] %s (%q): the body never writes this date",
				a.ID, i, e.Date.Format(DateLayout), e.Text))
		}
	}
	return out
}

// eventSourcesListed returns a problem for each event of a that cites no
// source, or a source that is not among the note's sources: a reader checks
// the note against its list, so an event must rest on the same list.
func eventSourcesListed(a *Article) []string {
	listed := map[string]bool{}
	for _, s := range a.Sources {
		listed[s.URL] = true
	}
	var out []string
	for i, e := range a.Events {
		switch {
		case e.Source.URL == "":
			out = append(out, fmt.Sprintf("%s: events[%d] (%q) cites no source", a.ID, i, e.Text))
		case !listed[e.Source.URL]:
			out = append(out, fmt.Sprintf("%s: events[%d] (%q) cites %s, which is not among the note's sources",
				a.ID, i, e.Text, e.Source.URL))
		}
	}
	return out
}

var (
	weekdayNames = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	monthNames   = `(` + strings.Join(months[:], "|") + `)`
	// "Monday, 16 December 2019", "on Friday 2 August 2019", "Tuesday 8 January".
	weekdayDayMonth = regexp.MustCompile(`\b` + weekdayNames + `,?\s+(?:the\s+)?(\d{1,2})\s+` + monthNames + `\b(?:,?\s+(\d{4})\b)?`)
	// "Monday, December 16, 2019", "Friday August 2".
	weekdayMonthDay = regexp.MustCompile(`\b` + weekdayNames + `,?\s+` + monthNames + `\s+(\d{1,2})\b(?:,?\s+(\d{4})\b)?`)
)

// weekdaysRight returns a problem for each weekday written next to a date
// in paragraph p that is not that date's weekday, or next to a day that does
// not exist. A date without its year ("Tuesday 8 January") takes the
// nearest year written before it in the paragraph, else the first after it;
// with no year in the paragraph it cannot be checked and is left alone.
func weekdaysRight(p string) []string {
	var out []string
	check := func(at int, text, weekday, dayS, monthS, yearS string) {
		year := 0
		if yearS != "" {
			year, _ = strconv.Atoi(yearS)
		} else {
			year = yearNear(p, at)
		}
		if year == 0 {
			return
		}
		day, _ := strconv.Atoi(dayS)
		month := time.Month(slices.Index(months[:], monthS) + 1)
		d := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
		switch {
		case d.Day() != day || d.Month() != month:
			out = append(out, fmt.Sprintf("%q: %d %s %d is not a date", text, day, monthS, year))
		case d.Weekday().String() != weekday:
			out = append(out, fmt.Sprintf("%q: %s was a %s", text, d.Format("2 January 2006"), d.Weekday()))
		}
	}
	for _, m := range weekdayDayMonth.FindAllStringSubmatchIndex(p, -1) {
		check(m[0], p[m[0]:m[1]], p[m[2]:m[3]], p[m[4]:m[5]], p[m[6]:m[7]], group(p, m, 4))
	}
	for _, m := range weekdayMonthDay.FindAllStringSubmatchIndex(p, -1) {
		check(m[0], p[m[0]:m[1]], p[m[2]:m[3]], p[m[6]:m[7]], p[m[4]:m[5]], group(p, m, 4))
	}
	return out
}

// group is submatch n of a match found by FindAllStringSubmatchIndex, or ""
// when it did not take part.
func group(s string, m []int, n int) string {
	if m[2*n] < 0 {
		return ""
	}
	return s[m[2*n]:m[2*n+1]]
}

// yearNear is the year written nearest before byte offset at in p, else the
// first written after it, else 0.
func yearNear(p string, at int) int {
	year := 0
	for _, m := range yearRe.FindAllStringIndex(p, -1) {
		if m[0] >= at && year != 0 {
			break
		}
		year, _ = strconv.Atoi(p[m[0]:m[1]])
		if m[0] >= at {
			break
		}
	}
	return year
}

// commonWords carry no information about which happening an event is: the
// function words, the names that nearly every event of this dispute has,
// and the verbs that any event can have ("takes effect", "says", "is
// held"). Without them two events of one kind but different happenings
// would look alike for sharing "Japan", "South Korea" and "takes effect".
var commonWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but of to in on at by for from with as into onto
		over under after before since than that this these those its it is are was were be been
		his her their they he she which who whom whose what when where not no also more most
		such about up out own will would
		japan japanese korea korean south seoul tokyo country countries
		take takes taken took effect hold holds held say says said`) {
		commonWords[w] = true
	}
}

// ordinals number the happenings of a series ("first round", "second
// round"): two events with different ordinals are different happenings,
// however many other words they share.
var ordinals = map[string]bool{"first": true, "second": true, "third": true, "fourth": true,
	"fifth": true, "next": true, "last": true, "final": true}

// contentWords are the informative words of an event's text, lowercased and
// cut to a crude stem so that "approves" meets "approved" and "withdrawal"
// meets "withdraws".
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range splitWords(s) {
		w = strings.Trim(w, "-")
		if len(w) < 2 || commonWords[w] {
			continue
		}
		if _, err := strconv.Atoi(w); err == nil && len(w) < 3 {
			continue // days and small counts say little; figures such as 308 do
		}
		out[stem(w)] = true
	}
	return out
}

// stem strips the commonest English endings. It need not give real words,
// only the same word for the forms events use.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s", "al"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) && !strings.HasSuffix(w, "ss") {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// jaccard is the share of the two sets' words that both have.
func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for w := range a {
		if b[w] {
			common++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

// sameHappeningThreshold is the overlap of informative words at or above
// which two events are taken to describe one happening. Events of the
// corpus that are different happenings overlap by 0.5 at most ("Japan's
// restoration of South Korea to its white list takes effect" in 2023
// against the removal's taking effect in 2019), so 0.6 leaves a margin; an
// event copied from another note with a word or two changed stays above it.
const sameHappeningThreshold = 0.6

// sameHappening reports whether two event texts describe one happening: by
// the share of informative words they have in common, unless they number
// different happenings of a series.
func sameHappening(a, b string) bool {
	wa, wb := contentWords(a), contentWords(b)
	oa, ob := ordinalsIn(a), ordinalsIn(b)
	if len(oa) > 0 && len(ob) > 0 && !slices.Equal(oa, ob) {
		return false
	}
	return jaccard(wa, wb) >= sameHappeningThreshold
}

// ordinalsIn returns the ordinals of s, sorted.
func ordinalsIn(s string) []string {
	var out []string
	for _, w := range splitWords(s) {
		if ordinals[w] && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}

// datesAgree returns a problem for each pair of events of two different
// articles that describe the same happening on different dates.
func datesAgree(articles []*Article) []string {
	type ev struct {
		id string
		e  Event
	}
	var all []ev
	for _, a := range articles {
		for _, e := range a.Events {
			all = append(all, ev{a.ID, e})
		}
	}
	var out []string
	for i, x := range all {
		for _, y := range all[i+1:] {
			if x.id == y.id || x.e.Date.Equal(y.e.Date) || !sameHappening(x.e.Text, y.e.Text) {
				continue
			}
			out = append(out, fmt.Sprintf("%s dates %q %s, but %s dates %q %s",
				x.id, x.e.Text, x.e.Date.Format(DateLayout), y.id, y.e.Text, y.e.Date.Format(DateLayout)))
		}
	}
	return out
}

// TestNotesAgree runs every check over the embedded corpus.
func TestNotesAgree(t *testing.T) {
	arts, err := DefaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	events := 0
	for _, a := range arts {
		events += len(a.Events)
		t.Run(a.ID, func(t *testing.T) {
			var problems []string
			if a.Kind == KindNote {
				problems = append(problems, eventSourcesListed(a)...)
			}
			problems = append(problems, eventDatesWritten(a)...)
			for _, p := range a.Body {
				problems = append(problems, weekdaysRight(p.Text)...)
			}
			for _, p := range problems {
				t.Error(p)
			}
		})
	}
	if events == 0 {
		t.Fatal("the default corpus records no events: nothing was checked")
	}
	for _, p := range datesAgree(arts) {
		t.Error(p)
	}
}

func TestDateWritten(t *testing.T) {
	for _, tc := range []struct {
		para string
		date string
		want bool
	}{
		{"Signed in Tokyo on 22 June 1965.", "1965-06-22", true},
		{"Signed in Tokyo on June 22, 1965.", "1965-06-22", true},
		{"In 1965 the treaty was signed. The agreement was signed the same day, 22 June.", "1965-06-22", true},
		{"On Wednesday 18 September 2019 the removal took effect.", "2019-09-18", true},
		{"The visit ran on 16–17 March 2023.", "2023-03-17", true},
		{"The visit ran on 16–17 March 2023.", "2023-03-16", true},
		{"Payments were reported on 13 and 14 April 2023.", "2023-04-14", true},
		{"Talks ran March 14-16, 2023.", "2023-03-16", true},
		{"Talks in Geneva on 11 October and 19 November 2019.", "2019-10-11", true},
		// A deliberately wrong date: the event says 23 June, the body 22 June.
		{"Signed in Tokyo on 22 June 1965.", "1965-06-23", false},
		{"Signed in Tokyo on 22 June 1965.", "1966-06-22", false}, // wrong year
		{"Signed in Tokyo on 22 June 1965.", "1965-07-22", false}, // wrong month
		{"Signed in Tokyo on 22 June 1965.", "1965-06-02", false}, // a day inside another
		{"It happened on 122 June 1965.", "1965-06-22", false},
		{"In late November 2019 the draft was reported.", "2019-11-26", false},
		{"On 26 November the draft was reported.", "2019-11-26", false}, // no year in the paragraph
		{"On 26 November 2018 the draft was reported.", "2019-11-26", false},
	} {
		if got := dateWritten(tc.para, tlDate(tc.date)); got != tc.want {
			t.Errorf("dateWritten(%q, %s) = %v, want %v", tc.para, tc.date, got, tc.want)
		}
	}
}

// noteWith is a note with one paragraph of body and the given events, each
// "date|text|source URL"; its only source is https://example.org/source.
func noteWith(id, body string, events ...string) *Article {
	a := &Article{
		ID: id, Title: "Background: " + id, Publisher: "disputebot background notes", Kind: KindNote,
		Published: tlDate("2026-01-01"), Topics: []Topic{TopicOther},
		Sources: []Source{{Title: "The source", URL: "https://example.org/source"}},
		Body:    []Paragraph{{Text: body}},
	}
	for _, e := range events {
		f := strings.Split(e, "|")
		a.Events = append(a.Events, Event{Date: tlDate(f[0]), Text: f[1], Topic: TopicOther,
			Source: Source{Title: "Its source", URL: f[2]}})
	}
	return a
}

func TestEventDatesWritten(t *testing.T) {
	const body = "On Tuesday 30 October 2018 the court ruled against Nippon Steel."
	for _, tc := range []struct {
		name  string
		event string
		want  int
	}{
		{"date in the body", "2018-10-30|The court rules|https://example.org/source", 0},
		{"deliberately wrong date", "2018-10-31|The court rules|https://example.org/source", 1},
		{"date only in the event", "2019-01-03|A court approves a seizure|https://example.org/source", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := eventDatesWritten(noteWith("note-x", body, tc.event))
			if len(got) != tc.want {
				t.Errorf("got %d problems %q, want %d", len(got), got, tc.want)
			}
		})
	}
}

func TestEventSourcesListed(t *testing.T) {
	for _, tc := range []struct {
		name  string
		event string
		want  string
	}{
		{"listed", "2018-10-30|The court rules|https://example.org/source", ""},
		{"not listed", "2018-10-30|The court rules|https://example.org/other", "not among the note's sources"},
		{"a listed URL's near twin", "2018-10-30|The court rules|https://example.org/source/", "not among the note's sources"},
		{"none", "2018-10-30|The court rules|", "cites no source"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(eventSourcesListed(noteWith("note-x", "On 30 October 2018.", tc.event)), "\n")
			if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
				t.Errorf("got %q, want a problem containing %q", got, tc.want)
			}
		})
	}
}

func TestWeekdaysRight(t *testing.T) {
	for _, tc := range []struct {
		para string
		want []string // substrings of the problems, in order
	}{
		{"On Monday 16 December 2019 the dialogue was held.", nil},
		{"On Monday, 16 December 2019 the dialogue was held.", nil},
		{"On Monday, December 16, 2019 the dialogue was held.", nil},
		{"The Cabinet approved it on Friday 2 August 2019.", nil},
		{"KBS says it was approved on Thursday 3 January 2019 and made public on Tuesday 8 January.", nil},
		{"Law360 dates it to Monday 16 September, after the request of 11 September 2019.", nil},
		{"Signed on Monday 16 December in the year 2019.", nil}, // a year after the date
		{"He spoke on Monday in Tokyo.", nil},                   // no date
		{"Held on Monday 16 December.", nil},                    // no year at all: cannot be checked
		// Deliberately wrong weekdays.
		{"On Tuesday 16 December 2019 the dialogue was held.", []string{"16 December 2019 was a Monday"}},
		{"On Monday, December 17, 2019 they met.", []string{"17 December 2019 was a Tuesday"}},
		{"Approved on Thursday 3 January 2019, made public on Wednesday 8 January.", []string{"8 January 2019 was a Tuesday"}},
		{"In 2018 and on Friday 2 August 2019.", nil},
		{"Early in 2019; then on Friday 2 August, and in 2020.", nil}, // the year before wins
		{"On Friday 31 June 2019.", []string{"31 June 2019 is not a date"}},
	} {
		got := weekdaysRight(tc.para)
		if len(got) != len(tc.want) {
			t.Errorf("weekdaysRight(%q) = %q, want %d problems", tc.para, got, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			if !strings.Contains(got[i], w) {
				t.Errorf("weekdaysRight(%q)[%d] = %q, want it to contain %q", tc.para, i, got[i], w)
			}
		}
	}
}

func TestSameHappening(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Japan's Cabinet approves taking South Korea off its white list, the first country ever removed",
			"Japan's Cabinet approved taking South Korea off the white list", true},
		{"Foreign Minister Park Jin announces that a Korean foundation will pay the 2018 court awards",
			"Park Jin announces a Korean foundation will pay the court awards", true},
		{"The WTO Dispute Settlement Body sets up a panel at South Korea's second request",
			"WTO Dispute Settlement Body sets up a panel after South Korea's second request", true},
		// Different happenings with words in common.
		{"Japan's restoration of South Korea to its white list takes effect",
			"Japan's removal of South Korea from its white list takes effect", false},
		{"South Korea announces it will withdraw the WTO complaint as Japan decides to lift its curbs",
			"South Korea's WTO withdrawal and Japan's lifting of the three-item curbs take effect", false},
		{"Japan's Cabinet approves taking South Korea off its white list, the first country ever removed",
			"Japan's removal of South Korea from its white list takes effect", false},
		{"First round of Japan–South Korea WTO consultations in Geneva",
			"Second round of WTO consultations in Geneva", false},
		{"Japan and South Korea", "South Korea and Japan", false}, // nothing informative
	} {
		if got := sameHappening(tc.a, tc.b); got != tc.want {
			t.Errorf("sameHappening(%q, %q) = %v (overlap %.2f), want %v", tc.a, tc.b, got,
				jaccard(contentWords(tc.a), contentWords(tc.b)), tc.want)
		}
	}
}

func TestDatesAgree(t *testing.T) {
	a := noteWith("note-a", "x",
		"2019-08-02|Japan's Cabinet approves taking South Korea off its white list|https://example.org/source",
		"2019-08-28|Japan's removal of South Korea from its white list takes effect|https://example.org/source")
	sameDay := noteWith("note-b", "x",
		"2019-08-02|Japan's Cabinet approves taking South Korea off the white list|https://example.org/source")
	// The same happening dated a day late, as a slip would.
	wrongDay := noteWith("note-c", "x",
		"2019-08-03|The Japanese Cabinet approves taking South Korea off its white list|https://example.org/source")
	other := noteWith("note-d", "x",
		"2023-07-21|Japan's restoration of South Korea to its white list takes effect|https://example.org/source")

	for _, tc := range []struct {
		name string
		arts []*Article
		want []string
	}{
		{"same happening, same date", []*Article{a, sameDay}, nil},
		{"different happenings, different dates", []*Article{a, other}, nil},
		{"one note's own events are not compared", []*Article{noteWith("note-e", "x",
			"2019-08-02|Japan's Cabinet approves taking South Korea off its white list|https://example.org/source",
			"2019-08-03|Japan's Cabinet approves taking South Korea off its white list|https://example.org/source")}, nil},
		{"same happening, different dates", []*Article{a, sameDay, wrongDay, other}, []string{
			`note-a dates "Japan's Cabinet approves taking South Korea off its white list" 2019-08-02, but note-c dates`,
			`note-b dates "Japan's Cabinet approves taking South Korea off the white list" 2019-08-02, but note-c dates`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := datesAgree(tc.arts)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d problems %q, want %d", len(got), got, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("problem %d = %q, want it to start %q", i, got[i], w)
				}
			}
		})
	}
}
