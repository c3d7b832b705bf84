package knowledge

import (
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for an error
	}{
		{"2019-12-16", "2019-12-16"},
		{" 2019-12-16\n", "2019-12-16"},
		{"2020-02-29", "2020-02-29"},
		{"2019-02-29", ""},
		{"2019-13-45", ""},
		{"2019-1-2", ""},
		{"16/12/2019", ""},
		{"yesterday", ""},
		{"2019-12-16T10:00:00Z", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %v, want an error", tt.in, d)
				}
				if !strings.Contains(err.Error(), "YYYY-MM-DD") && !strings.Contains(err.Error(), "is not a real date") {
					t.Errorf("error %q neither shows the form nor says the date is not real", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Format(DateLayout); got != tt.want || d.Location() != time.UTC || d.Hour() != 0 {
				t.Errorf("ParseDate(%q) = %v, want %s UTC midnight", tt.in, d, tt.want)
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2019-12-16", " 2020-02-29 ", "2019-13-45", "yesterday", "0000-01-01", "9999-12-31", ""} {
		f.Add(s)
	}
	f.Add("2024-5-14")
	f.Add("2024-02-30")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) = %v with an error", s, d)
			}
			// The error says what is wrong: the form, or the calendar.
			if msg := err.Error(); !strings.Contains(msg, "is not a date") && !strings.Contains(msg, "is not a real date") &&
				!strings.Contains(msg, "is not written YYYY-MM-DD") {
				t.Fatalf("ParseDate(%q): %s", s, msg)
			}
			return
		}
		if got := d.Format(DateLayout); got != strings.TrimSpace(s) {
			t.Fatalf("ParseDate(%q) = %s", s, got)
		}
		if d.Location() != time.UTC || !d.Equal(d.Truncate(24*time.Hour)) {
			t.Fatalf("ParseDate(%q) = %v, not UTC midnight", s, d)
		}
	})
}

func TestParseDateBound(t *testing.T) {
	tests := []struct {
		in         string
		start, end string // "" for the zero time; "error" for an error
	}{
		{"", "", ""},
		{"2019-12-16", "2019-12-16", "2019-12-16"},
		{" 2019-12 ", "2019-12-01", "2019-12-31"},
		{"2020-02", "2020-02-01", "2020-02-29"},
		{"2019", "2019-01-01", "2019-12-31"},
		{"yesterday", "error", "error"},
		{"2019-13", "error", "error"},
	}
	show := func(d time.Time, err error) string {
		switch {
		case err != nil:
			return "error"
		case d.IsZero():
			return ""
		}
		return d.Format(DateLayout)
	}
	for _, tt := range tests {
		if got := show(ParseDateBound(tt.in, false)); got != tt.start {
			t.Errorf("ParseDateBound(%q, false) = %q, want %q", tt.in, got, tt.start)
		}
		if got := show(ParseDateBound(tt.in, true)); got != tt.end {
			t.Errorf("ParseDateBound(%q, true) = %q, want %q", tt.in, got, tt.end)
		}
	}
}
