package knowledge

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// DateLayout is the layout of dates in corpus files and JSON output.
const DateLayout = "2006-01-02"

// ParseDateBound reads one end of a date range as people type it:
// YYYY-MM-DD, YYYY-MM or YYYY. A month or year given as the end of a range
// means its last day. An empty string is an open end (the zero time).
func ParseDateBound(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, f := range []struct {
		layout string
		last   func(time.Time) time.Time
	}{
		{DateLayout, func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if t, err := time.Parse(f.layout, s); err == nil {
			if end {
				t = f.last(t)
			}
			return t, nil
		}
	}
	if len(s) > 20 {
		s = s[:20] + "…"
	}
	return time.Time{}, fmt.Errorf("%q is not a date; write it as 2019-12-16, 2019-12 or 2019", s)
}

// ParseDate parses a YYYY-MM-DD date as UTC midnight. Its error says what
// is wrong with the date and what to write: a date in another form, or one
// in the right form that is not on the calendar.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(DateLayout, s); err == nil {
		return t, nil
	}
	shown := s
	if utf8.RuneCountInString(shown) > 40 {
		shown = string([]rune(shown)[:40]) + "…"
	}
	m := looseDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, fmt.Errorf("%q is not a date; write it as YYYY-MM-DD, such as 2019-12-16", shown)
	}
	var y, mo, d int
	fmt.Sscanf(m[1]+" "+m[2]+" "+m[3], "%d %d %d", &y, &mo, &d)
	switch {
	case mo < 1 || mo > 12:
		return time.Time{}, fmt.Errorf("%s is not a real date: there is no month %d", shown, mo)
	case d < 1 || d > daysIn(y, time.Month(mo)):
		return time.Time{}, fmt.Errorf("%s is not a real date: %s %d has %d days", shown, time.Month(mo), y, daysIn(y, time.Month(mo)))
	}
	return time.Time{}, fmt.Errorf("%q is not written YYYY-MM-DD; write %04d-%02d-%02d", shown, y, mo, d)
}

// looseDate is a date in digits with a month or day of one digit too.
var looseDate = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)

// daysIn is the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
