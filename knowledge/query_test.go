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

func TestExcerptMarkdown(t *testing.T) {
	m := func(s string) Span { return Span{Text: s, Mark: true} }
	p := func(s string) Span { return Span{Text: s} }
	tests := []struct {
		name string
		e    Excerpt
		want string
	}{
		{"empty", Excerpt{}, ""},
		{"empty with ellipses", Excerpt{CutBefore: true, CutAfter: true}, "……"},
		{"plain only", Excerpt{Spans: []Span{p("Motegi and Kang met.")}}, "Motegi and Kang met."},
		{"one mark", Excerpt{Spans: []Span{p("Japan tightened "), m("export controls"), p(" in July.")}},
			"Japan tightened **export controls** in July."},
		{"marks joined by a space merged", Excerpt{Spans: []Span{p("Minister "), m("Kang Kyung"), p(" "), m("Wha"), p(" said.")}},
			"Minister **Kang Kyung Wha** said."},
		{"marks joined by several spaces merged", Excerpt{Spans: []Span{m("a"), p("  "), m("b"), p(" "), m("c")}}, "**a  b c**"},
		{"adjacent marks merged", Excerpt{Spans: []Span{p("("), m("文"), m("喜"), m("相"), p(")")}}, "(**文喜相**)"},
		{"marks across an empty span merged", Excerpt{Spans: []Span{m("a"), p(""), p(""), m("b")}}, "**ab**"},
		{"marks joined by a dash stay apart", Excerpt{Spans: []Span{m("Kang Kyung"), p("-"), m("wha")}}, `**Kang Kyung**\-**wha**`},
		{"ellipses", Excerpt{Spans: []Span{p("the "), m("summit"), p(" in Chengdu")}, CutBefore: true, CutAfter: true},
			"…the **summit** in Chengdu…"},
		{"mark at both ends", Excerpt{Spans: []Span{m("Seoul"), p(" and "), m("Tokyo")}, CutAfter: true}, "**Seoul** and **Tokyo**…"},
		{"marked word with a star", Excerpt{Spans: []Span{p("the "), m("a*b"), p(" rule")}}, `the **a\*b** rule`},
		{"marked word with markdown", Excerpt{Spans: []Span{m("_x_ ~y~ `z` |w|")}}, "**\\_x\\_ \\~y\\~ \\`z\\` \\|w\\|**"},
		{"marked word ending in a backslash", Excerpt{Spans: []Span{m(`a\`), p(" b")}}, `**a\\** b`},
		{"spaces of a mark go outside", Excerpt{Spans: []Span{p("x"), m(" Seoul "), p("y")}}, "x **Seoul** y"},
		{"tab of a mark goes outside", Excerpt{Spans: []Span{p("x"), m("\tSeoul\u00a0"), p("y")}}, "x\t**Seoul**\u00a0y"},
		{"line break in a mark", Excerpt{Spans: []Span{m("Kang\nWha"), p("\nsaid")}}, "**Kang Wha** said"},
		{"white space mark is plain", Excerpt{Spans: []Span{p("a"), m(" "), p("b")}}, "a b"},
		{"empty mark is plain", Excerpt{Spans: []Span{p("a"), m(""), p("b")}}, "ab"},
		{"plain text escaped", Excerpt{Spans: []Span{p("*x* @everyone "), m("Seoul")}}, `\*x\* @` + zwsp + `everyone **Seoul**`},
		{"mention in a mark", Excerpt{Spans: []Span{m("@here")}}, "**@" + zwsp + "here**"},
		{"heading at the start", Excerpt{Spans: []Span{p("# Title "), m("x")}}, `\# Title **x**`},
		{"link split over spans", Excerpt{Spans: []Span{p("see http:"), p("//example.com")}}, "see http:" + zwsp + "//example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.Markdown(); got != tt.want {
				t.Errorf("Markdown()\n got  %q\n want %q", got, tt.want)
			}
		})
	}
}

// renderedRune is a rune of rendered Markdown and whether it is bold.
type renderedRune struct {
	r    rune
	bold bool
}

// renderBold reads the Markdown that Excerpt.Markdown writes: backslash
// escapes, "**" pairs and the zero-width spaces that break mentions and
// links. It fails on any other unescaped markup.
func renderBold(t *testing.T, md string) []renderedRune {
	t.Helper()
	var out []renderedRune
	bold := false
	lastPair := -2 // rune offset after the last "**"
	rs := []rune(md)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\\' && i+1 < len(rs):
			i++
			out = append(out, renderedRune{rs[i], bold})
		case r == '*' && i+1 < len(rs) && rs[i+1] == '*':
			if lastPair == i {
				// "****" renders as stars, not as two bold runs.
				t.Fatalf("empty or adjacent bold pairs at rune %d of %q", i, md)
			}
			i++
			lastPair = i + 1
			bold = !bold
		case strings.ContainsRune(specials, r):
			t.Fatalf("unescaped %q at rune %d of %q", r, i, md)
		case r == '\u200b':
		default:
			out = append(out, renderedRune{r, bold})
		}
	}
	if bold {
		t.Fatalf("bold pair left open in %q", md)
	}
	return out
}

func FuzzExcerptMarkdown(f *testing.F) {
	f.Add("Minister \x00Kang Kyung\x00 \x00Wha\x00 said.", uint16(0b01010), false, false)
	f.Add("(\x00文\x00喜\x00相\x00)", uint16(0b01110), true, true)
	f.Add("a*b\x00 **x** \x00_y_", uint16(0b101), true, false)
	f.Add("http:\x00//x.y\x00@everyone\x00# h", uint16(0b0110), false, true)
	f.Add(" \t\x00 \x00\n\x00", uint16(0xffff), false, false)
	f.Add("\x00\x00a\x00\x00b\x00", uint16(0b01001), false, false)
	f.Fuzz(func(t *testing.T, text string, marks uint16, cutBefore, cutAfter bool) {
		if !utf8.ValidString(text) {
			return
		}
		// Zero-width spaces are what the escaping inserts, and CR and LF
		// fold into one space or two depending on the spans: keep them out.
		text = strings.NewReplacer(zwsp, "", "\r", "").Replace(text)
		e := Excerpt{CutBefore: cutBefore, CutAfter: cutAfter}
		for i, s := range strings.Split(text, "\x00") {
			e.Spans = append(e.Spans, Span{Text: s, Mark: marks&(1<<(i%16)) != 0})
		}
		md := e.Markdown()
		if mentionPattern.MatchString(md) || strings.Contains(md, "://") || strings.ContainsAny(md, "\r\n") {
			t.Fatalf("unsafe Markdown %q from %+v", md, e)
		}
		got := renderBold(t, md) // fails on unescaped markup and open pairs

		// The rendered text is the plain text, with line breaks as spaces;
		// marked text is bold and unmarked text is not, white space aside.
		var want []renderedRune
		add := func(s string, bold bool) {
			for _, r := range newlinesToSpaces(s) {
				want = append(want, renderedRune{r, bold})
			}
		}
		if cutBefore {
			add(Ellipsis, false)
		}
		for _, s := range e.Spans {
			add(s.Text, s.Mark)
		}
		if cutAfter {
			add(Ellipsis, false)
		}
		if len(got) != len(want) {
			t.Fatalf("rendered %q from %q, want the plain text %q", string(runesOf(got)), md, newlinesToSpaces(e.Plain()))
		}
		for i := range got {
			if got[i].r != want[i].r {
				t.Fatalf("rendered %q from %q, want the plain text %q", string(runesOf(got)), md, newlinesToSpaces(e.Plain()))
			}
			if got[i].bold != want[i].bold && !unicode.IsSpace(got[i].r) {
				t.Fatalf("rune %d (%q) bold=%v, want %v: %q from %+v", i, got[i].r, got[i].bold, want[i].bold, md, e)
			}
		}
	})
}

func runesOf(rs []renderedRune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = r.r
	}
	return out
}
