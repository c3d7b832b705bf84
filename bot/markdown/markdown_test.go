package markdown

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge"
)

const zwsp = "\u200b"

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "Motegi and Kang met in Madrid.", "Motegi and Kang met in Madrid."},
		{"bold", "**bold**", `\*\*bold\*\*`},
		{"italics and underline", "_it_ __under__ *it*", `\_it\_ \_\_under\_\_ \*it\*`},
		{"strike, spoiler, code", "~~s~~ ||spoiler|| `code`", "\\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`"},
		{"masked link", "[click](https://example.com)", `\[click\](https:` + zwsp + `//example.com)`},
		{"bare URL", "see https://example.com/a_b now", `see https:` + zwsp + `//example.com/a\_b now`},
		{"everyone", "@everyone look", "@" + zwsp + "everyone look"},
		{"here", "hi @here", "hi @" + zwsp + "here"},
		{"user mention", "<@123>", `\<@` + zwsp + `123\>`},
		{"role mention", "<@&456>", `\<@` + zwsp + `&456\>`},
		{"channel and timestamp", "<#789> <t:1700000000>", `\<#789\> \<t:1700000000\>`},
		{"heading", "# heading", `\# heading`},
		{"subheading", "### heading", `\### heading`},
		{"subtext", "-# small", `\-# small`},
		{"list item", "- item", `\- item`},
		{"plus item", "+ item", `\+ item`},
		{"numbered item", "1. item", `1\. item`},
		{"long number", "2019. A year", `2019\. A year`},
		{"indented heading", "  # heading", `  \# heading`},
		{"indented item", " - item", ` \- item`},
		{"tab-indented number", "\t3. item", "\t3\\. item"},
		{"quote", "> quote", `\> quote`},
		{"block quote", ">>> quote", `\>\>\> quote`},
		{"star list", "* item", `\* item`},
		{"marker mid line", "a - b # c 1. d", "a - b # c 1. d"},
		{"newlines", "a\nb\r\nc\rd", "a b c d"},
		{"newline then heading", "line\n# heading", "line # heading"},
		{"backslash", `back\slash \*`, `back\\slash \\\*`},
		{"brackets", "[a] (b)", `\[a\] (b)`},
		{"number without dot", "1965 agreement", "1965 agreement"},
		{"decimal", "3.5% rise", `3\.5% rise`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

// specials are the characters that Escape must leave escaped.
const specials = "*_~`|<>[]"

// unescapedSpecial returns the first special character in s that is not
// preceded by an odd number of backslashes, and its byte offset.
func unescapedSpecial(s string) (byte, int) {
	backslashes := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' {
			backslashes++
			continue
		}
		if strings.IndexByte(specials, c) >= 0 && backslashes%2 == 0 {
			return c, i
		}
		backslashes = 0
	}
	return 0, -1
}

var (
	mentionPattern   = regexp.MustCompile(`(?i)@(everyone|here)`)
	lineStartPattern = regexp.MustCompile(`^[ \t]*(#|-|\+|>|\*|\d+\.)`)
)

// checkInert checks what all escaped text must satisfy.
func checkInert(t *testing.T, in, out string) {
	t.Helper()
	if c, i := unescapedSpecial(out); i >= 0 {
		t.Fatalf("%q: unescaped %q at %d in %q", in, c, i, out)
	}
	if mentionPattern.MatchString(out) {
		t.Fatalf("%q: mention in %q", in, out)
	}
	if strings.Contains(out, "://") {
		t.Fatalf("%q: link in %q", in, out)
	}
	if strings.ContainsAny(out, "\r\n") {
		t.Fatalf("%q: line break in %q", in, out)
	}
	if utf8.ValidString(in) && !utf8.ValidString(out) {
		t.Fatalf("%q: invalid UTF-8 in %q", in, out)
	}
}

// unescape undoes Escape on text without zero-width spaces: it
// drops the zero-width spaces and the backslashes that escape a character.
func unescape(s string) string {
	s = strings.ReplaceAll(s, zwsp, "")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func newlinesToSpaces(s string) string {
	return strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{
		"", "**bold** _it_", "[a](https://x.y)", "@everyone @here <@1> <@&2>", "# h", " - i", "1. x", "12.5",
		"> q", "a\nb\r\nc", `\*`, "~~||`", "http://a :// ://", "@@everyone", "\xff@\xfe", "\t+ x", "-# s",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Escape(s)
		checkInert(t, s, out)
		if m := lineStartPattern.FindString(out); m != "" {
			t.Fatalf("%q: %q opens the line %q", s, m, out)
		}
		if !strings.Contains(s, zwsp) {
			if got, want := unescape(out), newlinesToSpaces(s); got != want {
				t.Fatalf("unescape(Escape(%q)) = %q, want %q", s, got, want)
			}
		}
	})
}

func TestExcerpt(t *testing.T) {
	m := func(s string) knowledge.Span { return knowledge.Span{Text: s, Mark: true} }
	p := func(s string) knowledge.Span { return knowledge.Span{Text: s} }
	tests := []struct {
		name string
		e    knowledge.Excerpt
		want string
	}{
		{"empty", knowledge.Excerpt{}, ""},
		{"empty with ellipses", knowledge.Excerpt{CutBefore: true, CutAfter: true}, "……"},
		{"plain only", knowledge.Excerpt{Spans: []knowledge.Span{p("Motegi and Kang met.")}}, "Motegi and Kang met."},
		{"one mark", knowledge.Excerpt{Spans: []knowledge.Span{p("Japan tightened "), m("export controls"), p(" in July.")}},
			"Japan tightened **export controls** in July."},
		{"marks joined by a space merged", knowledge.Excerpt{Spans: []knowledge.Span{p("Minister "), m("Kang Kyung"), p(" "), m("Wha"), p(" said.")}},
			"Minister **Kang Kyung Wha** said."},
		{"marks joined by several spaces merged", knowledge.Excerpt{Spans: []knowledge.Span{m("a"), p("  "), m("b"), p(" "), m("c")}}, "**a  b c**"},
		{"adjacent marks merged", knowledge.Excerpt{Spans: []knowledge.Span{p("("), m("文"), m("喜"), m("相"), p(")")}}, "(**文喜相**)"},
		{"marks across an empty span merged", knowledge.Excerpt{Spans: []knowledge.Span{m("a"), p(""), p(""), m("b")}}, "**ab**"},
		{"marks joined by a dash stay apart", knowledge.Excerpt{Spans: []knowledge.Span{m("Kang Kyung"), p("-"), m("wha")}}, `**Kang Kyung**\-**wha**`},
		{"ellipses", knowledge.Excerpt{Spans: []knowledge.Span{p("the "), m("summit"), p(" in Chengdu")}, CutBefore: true, CutAfter: true},
			"…the **summit** in Chengdu…"},
		{"mark at both ends", knowledge.Excerpt{Spans: []knowledge.Span{m("Seoul"), p(" and "), m("Tokyo")}, CutAfter: true}, "**Seoul** and **Tokyo**…"},
		{"marked word with a star", knowledge.Excerpt{Spans: []knowledge.Span{p("the "), m("a*b"), p(" rule")}}, `the **a\*b** rule`},
		{"marked word with markdown", knowledge.Excerpt{Spans: []knowledge.Span{m("_x_ ~y~ `z` |w|")}}, "**\\_x\\_ \\~y\\~ \\`z\\` \\|w\\|**"},
		{"marked word ending in a backslash", knowledge.Excerpt{Spans: []knowledge.Span{m(`a\`), p(" b")}}, `**a\\** b`},
		{"spaces of a mark go outside", knowledge.Excerpt{Spans: []knowledge.Span{p("x"), m(" Seoul "), p("y")}}, "x **Seoul** y"},
		{"tab of a mark goes outside", knowledge.Excerpt{Spans: []knowledge.Span{p("x"), m("\tSeoul\u00a0"), p("y")}}, "x\t**Seoul**\u00a0y"},
		{"line break in a mark", knowledge.Excerpt{Spans: []knowledge.Span{m("Kang\nWha"), p("\nsaid")}}, "**Kang Wha** said"},
		{"white space mark is plain", knowledge.Excerpt{Spans: []knowledge.Span{p("a"), m(" "), p("b")}}, "a b"},
		{"empty mark is plain", knowledge.Excerpt{Spans: []knowledge.Span{p("a"), m(""), p("b")}}, "ab"},
		{"plain text escaped", knowledge.Excerpt{Spans: []knowledge.Span{p("*x* @everyone "), m("Seoul")}}, `\*x\* @` + zwsp + `everyone **Seoul**`},
		{"mention in a mark", knowledge.Excerpt{Spans: []knowledge.Span{m("@here")}}, "**@" + zwsp + "here**"},
		{"heading at the start", knowledge.Excerpt{Spans: []knowledge.Span{p("# Title "), m("x")}}, `\# Title **x**`},
		{"link split over spans", knowledge.Excerpt{Spans: []knowledge.Span{p("see http:"), p("//example.com")}}, "see http:" + zwsp + "//example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Excerpt(tt.e); got != tt.want {
				t.Errorf("Excerpt()\n got  %q\n want %q", got, tt.want)
			}
		})
	}
}

// renderedRune is a rune of rendered Markdown and whether it is bold.
type renderedRune struct {
	r    rune
	bold bool
}

// renderBold reads the Markdown that Excerpt writes: backslash
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

func FuzzExcerpt(f *testing.F) {
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
		e := knowledge.Excerpt{CutBefore: cutBefore, CutAfter: cutAfter}
		for i, s := range strings.Split(text, "\x00") {
			e.Spans = append(e.Spans, knowledge.Span{Text: s, Mark: marks&(1<<(i%16)) != 0})
		}
		md := Excerpt(e)
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
			add(knowledge.Ellipsis, false)
		}
		for _, s := range e.Spans {
			add(s.Text, s.Mark)
		}
		if cutAfter {
			add(knowledge.Ellipsis, false)
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
