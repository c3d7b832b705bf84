package knowledge

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

const zwsp = "\u200b"

func TestEscapeMarkdown(t *testing.T) {
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
			if got := EscapeMarkdown(tt.in); got != tt.want {
				t.Errorf("EscapeMarkdown(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

// specials are the characters that EscapeMarkdown must leave escaped.
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

// unescape undoes EscapeMarkdown on text without zero-width spaces: it
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

func FuzzEscapeMarkdown(f *testing.F) {
	for _, s := range []string{
		"", "**bold** _it_", "[a](https://x.y)", "@everyone @here <@1> <@&2>", "# h", " - i", "1. x", "12.5",
		"> q", "a\nb\r\nc", `\*`, "~~||`", "http://a :// ://", "@@everyone", "\xff@\xfe", "\t+ x", "-# s",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := EscapeMarkdown(s)
		checkInert(t, s, out)
		if m := lineStartPattern.FindString(out); m != "" {
			t.Fatalf("%q: %q opens the line %q", s, m, out)
		}
		if !strings.Contains(s, zwsp) {
			if got, want := unescape(out), newlinesToSpaces(s); got != want {
				t.Fatalf("unescape(EscapeMarkdown(%q)) = %q, want %q", s, got, want)
			}
		}
	})
}
