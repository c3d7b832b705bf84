package knowledge

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

func TestCleanQuestion(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "When did Japan tighten export controls?", "When did Japan tighten export controls?"},
		{"spaces folded and trimmed", "  When   did\u00a0Japan \u3000act?  ", "When did Japan act?"},
		{"tabs and newlines", "a\tb\nc\r\nd\re", "a b c d e"},
		{"zero-width space", "Kang\u200bKyung\u200b-wha", "KangKyung-wha"},
		{"zero-width joiner and BOM", "\ufeffa\u200db\u2060c", "abc"},
		{"right-to-left override", "\u202eevil\u202c text", "evil text"},
		{"bidi isolates and marks", "a\u2066b\u2069\u200ec\u200f", "abc"},
		{"soft hyphen", "ex\u00adport", "export"},
		{"NUL", "a\x00b", "a b"},
		{"other C0 controls", "a\x01\x07\x1b[31mb", "a [31mb"},
		{"DEL and C1 controls", "a\x7fb\u0085c\u009bd", "a b c d"},
		{"line and paragraph separators", "a\u2028b\u2029c", "a b c"},
		{"invalid UTF-8", "a\xffb\xc3", "a b"},
		{"invalid UTF-8 runs", "\xff\xfe\xfd", ""},
		{"replacement character kept", "a\ufffdb", "a\ufffdb"},
		{"Korean and Japanese kept", " 강경화는  茂木と ", "강경화는 茂木と"},
		{"emoji kept", "ok 👍🏽", "ok 👍🏽"},
		{"only formatting", "\u200b\u202e\u200d", ""},
		{"user and role mentions", "<@123456789012345678> what did <@!42> and <@&987> say", "what did and say"},
		{"channel, command, emoji, timestamp", "<#1234> </ask:5678> <:kang:1234> <a:x_y:99> <t:1576454400:R> Madrid", "Madrid"},
		{"everyone and here", "@everyone @here GSOMIA?", "GSOMIA?"},
		{"lookalikes kept", "<@abc> email@everyone.com", "<@abc> email@everyone.com"},
		{"pasted link", "when did japan act https://www.example.com/news/2019/07/01/japan-curbs?utm=x lol", "when did japan act lol"},
		{"link without embed", "is this true <https://example.com/a_b> ??", "is this true ??"},
		{"masked link keeps its text", "what does [the Kyodo report](https://english.kyodonews.net/x) say", "what does the Kyodo report say"},
		{"only a link", "HTTP://example.com", ""},
		{"scheme-like words kept", "https is not a link, nor http: alone", "https is not a link, nor http: alone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanQuestion(tt.in); got != tt.want {
				t.Errorf("CleanQuestion(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzCleanQuestion(f *testing.F) {
	for _, s := range []string{
		"", "When did Japan tighten export controls?", "a\u200bb\u202ec", "\x00\x01\xff", "  a  \t\n b ",
		"\u0085\u2028\u00a0", "강경화는", "\ufeff\u200d👍", "\xed\xa0\x80", "a\ufffdb",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := CleanQuestion(s)
		if !utf8.ValidString(out) {
			t.Fatalf("CleanQuestion(%q) = %q: invalid UTF-8", s, out)
		}
		for _, r := range out {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r) && r != ' ' {
				t.Fatalf("CleanQuestion(%q) = %q: holds %U", s, out, r)
			}
		}
		if strings.Contains(out, "  ") || strings.TrimSpace(out) != out {
			t.Fatalf("CleanQuestion(%q) = %q: double or outer spaces", s, out)
		}
		if again := CleanQuestion(out); again != out {
			t.Fatalf("not idempotent: %q, then %q", out, again)
		}
		if len(out) > 3*len(s) {
			t.Fatalf("CleanQuestion(%q) grew to %d bytes", s, len(out))
		}
	})
}

func TestQueryNormalize(t *testing.T) {
	day := func(s string) time.Time {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name      string
		q         Query
		wantErr   string
		wantText  string
		wantLimit int
	}{
		{"typical", Query{Text: "  When did Japan\ttighten export controls?\u200b "}, "", "When did Japan tighten export controls?", DefaultLimit},
		{"empty", Query{Text: ""}, "the question is empty", "", 0},
		{"white space only", Query{Text: " \t\n\u00a0 "}, "the question is empty", "", 0},
		{"formatting only", Query{Text: "\u200b\u202e"}, "the question is empty", "", 0},
		{"1000 runes", Query{Text: strings.Repeat("界", MaxQuestionRunes)}, "", strings.Repeat("界", MaxQuestionRunes), DefaultLimit},
		{"1001 runes", Query{Text: strings.Repeat("界", MaxQuestionRunes+1)}, "1001 characters long; please keep it under 1000", "", 0},
		{"1000 runes after cleaning", Query{Text: "   " + strings.Repeat("a", MaxQuestionRunes) + "\u200b\u200b  "}, "", strings.Repeat("a", MaxQuestionRunes), DefaultLimit},
		{"limit 0 is the default", Query{Text: "q", Limit: 0}, "", "q", DefaultLimit},
		{"negative limit", Query{Text: "q", Limit: -5}, "", "q", DefaultLimit},
		{"limit kept", Query{Text: "q", Limit: 10}, "", "q", 10},
		{"limit at the maximum", Query{Text: "q", Limit: MaxLimit}, "", "q", MaxLimit},
		{"limit clamped", Query{Text: "q", Limit: MaxLimit + 1}, "", "q", MaxLimit},
		{"huge limit clamped", Query{Text: "q", Limit: 1 << 30}, "", "q", MaxLimit},
		{"date range", Query{Text: "q", From: day("2019-01-01"), To: day("2019-12-31")}, "", "q", DefaultLimit},
		{"one-day range", Query{Text: "q", From: day("2019-12-16"), To: day("2019-12-16")}, "", "q", DefaultLimit},
		{"open start", Query{Text: "q", To: day("2019-12-16")}, "", "q", DefaultLimit},
		{"open end", Query{Text: "q", From: day("2019-12-16")}, "", "q", DefaultLimit},
		{"inverted date range", Query{Text: "q", From: day("2019-12-31"), To: day("2019-01-01")}, "the date range ends (2019-01-01) before it starts (2019-12-31)", "", 0},
		{"known topics", Query{Text: "q", Topics: []Topic{TopicTalks, TopicOther}}, "", "q", DefaultLimit},
		{"unknown topic", Query{Text: "q", Topics: []Topic{TopicTalks, "weather"}}, `unknown topic "weather"`, "", 0},
		{"offset", Query{Text: "q", Offset: MaxOffset}, "", "q", DefaultLimit},
		{"offset too far", Query{Text: "q", Offset: MaxOffset + 1}, "cannot page that far", "", 0},
		{"negative offset", Query{Text: "q", Offset: -1}, "cannot page that far", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			err := q.Normalize()
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("Normalize() = nil, want %q", tt.wantErr)
				}
				if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), tt.wantErr) {
					t.Errorf("Normalize() = %q (%s), want %q", ErrorMessage(err), ErrorCode(err), tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Normalize() = %v", err)
			}
			if q.Text != tt.wantText {
				t.Errorf("Text = %q, want %q", q.Text, tt.wantText)
			}
			if q.Limit != tt.wantLimit {
				t.Errorf("Limit = %d, want %d", q.Limit, tt.wantLimit)
			}
		})
	}
}

func FuzzQueryNormalize(f *testing.F) {
	f.Add("When did Japan tighten export controls?", 0, 0, int64(0), int64(0), "talks")
	f.Add("", -1, -1, int64(100), int64(-100), "")
	f.Add(strings.Repeat("界", 1001), 26, 101, int64(0), int64(5), "weather")
	f.Add("\u200b \xff", 1<<40, 50, int64(-1<<40), int64(1<<40), "other")
	f.Fuzz(func(t *testing.T, text string, limit, offset int, from, to int64, topic string) {
		q := Query{Text: text, Limit: limit, Offset: offset, Topics: []Topic{Topic(topic)}}
		if topic == "" {
			q.Topics = nil
		}
		if from != 0 {
			q.From = time.Unix(from%(1<<36), 0).UTC()
		}
		if to != 0 {
			q.To = time.Unix(to%(1<<36), 0).UTC()
		}
		err := q.Normalize()
		if err != nil {
			if ErrorCode(err) != EINVALID || ErrorMessage(err) == "" {
				t.Fatalf("error %v has code %q", err, ErrorCode(err))
			}
			return
		}
		if q.Text != CleanQuestion(text) {
			t.Fatalf("Text = %q, want CleanQuestion(%q)", q.Text, text)
		}
		if n := utf8.RuneCountInString(q.Text); n < 1 || n > MaxQuestionRunes {
			t.Fatalf("Text has %d runes", n)
		}
		if q.Limit < 1 || q.Limit > MaxLimit {
			t.Fatalf("Limit = %d", q.Limit)
		}
		if q.Offset < 0 || q.Offset > MaxOffset {
			t.Fatalf("Offset = %d", q.Offset)
		}
		for _, tp := range q.Topics {
			if !tp.Valid() {
				t.Fatalf("topic %q accepted", tp)
			}
		}
		if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
			t.Fatalf("inverted range accepted")
		}
		// Normalizing again changes nothing.
		again := q
		if err := again.Normalize(); err != nil || again.Text != q.Text || again.Limit != q.Limit {
			t.Fatalf("second Normalize: %v, %+v", err, again)
		}
	})
}

func TestExcerptPlain(t *testing.T) {
	e := Excerpt{Spans: []Span{{Text: "a "}, {Text: "b", Mark: true}, {Text: " c"}}, CutBefore: true, CutAfter: true}
	if got, want := e.Plain(), "…a b c…"; got != want {
		t.Errorf("Plain() = %q, want %q", got, want)
	}
	if got := (Excerpt{}).Plain(); got != "" {
		t.Errorf("empty Plain() = %q", got)
	}
}
