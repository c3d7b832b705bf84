// Package markdown renders corpus text for Discord, and is the one place
// that knows Discord's Markdown: Escape makes any text inert (no
// formatting, links, mentions or line breaks), and Excerpt shows an
// excerpt's marked words in bold and the rest escaped. Package knowledge
// keeps text and excerpts as text with marked spans; the bot, and the
// command line's --json output, render them with this package.
package markdown

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/disputebot/disputebot/knowledge"
)

// escaper escapes the characters that Discord's Markdown gives a meaning to
// anywhere in a line, so that corpus text shows as written: it cannot format,
// quote, mask a link, spoil, or mention.
var escaper = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, `~`, `\~`, "`", "\\`", `|`, `\|`, `>`, `\>`, `<`, `\<`,
	`[`, `\[`, `]`, `\]`,
	"@", "@\u200b", // @everyone, @here and <@id> can neither ping nor render as mentions
	"://", ":\u200b//", // bare URLs in corpus text are not turned into links
	"\r\n", " ", "\r", " ", "\n", " ",
)

// lineStart matches what makes a heading, a list item or a quote when it opens
// a line, indented or not.
var lineStart = regexp.MustCompile(`^[ \t]*(#|-|\+|\d+\.)`)

// Escape makes text inert in a Discord message: no formatting, no
// links, no mentions and no line breaks, even when it opens a line. It is
// applied to every piece of corpus text before it is shown.
func Escape(s string) string {
	s = escaper.Replace(s)
	if m := lineStart.FindStringSubmatchIndex(s); m != nil {
		at := m[2] // "1." is escaped as "1\.", the others with a backslash before
		if s[m[3]-1] == '.' {
			at = m[3] - 1
		}
		return s[:at] + `\` + s[at:]
	}
	return s
}

// Excerpt renders an excerpt for Discord: marked words in bold, all other
// text escaped so that it cannot format, link or mention. Marks separated only
// by white space are joined into one bold run, and no bold pair is ever left
// open.
func Excerpt(e knowledge.Excerpt) string {
	var b strings.Builder
	if e.CutBefore {
		b.WriteString(knowledge.Ellipsis)
	}
	// Unmarked text is escaped in one piece, so that nothing split across
	// spans (a "://", say) slips through.
	var plain strings.Builder
	flush := func() {
		b.WriteString(Escape(plain.String()))
		plain.Reset()
	}
	spans := e.Spans
	for i := 0; i < len(spans); i++ {
		s := spans[i]
		if !s.Mark || strings.TrimSpace(s.Text) == "" {
			plain.WriteString(s.Text)
			continue
		}
		// Gather marked spans, adjacent or joined by white space, into one
		// bold run: "**a****b**" would not render as bold.
		text := s.Text
		for {
			j := i + 1
			for j < len(spans) && !spans[j].Mark && strings.TrimSpace(spans[j].Text) == "" {
				j++
			}
			if j == len(spans) || !spans[j].Mark {
				break
			}
			for _, sp := range spans[i+1 : j+1] {
				text += sp.Text
			}
			i = j
		}
		// White space at the ends goes outside the pair, escaped like the
		// rest of the text (a line break becomes a space).
		rest := strings.TrimLeftFunc(text, unicode.IsSpace)
		inner := strings.TrimRightFunc(rest, unicode.IsSpace)
		plain.WriteString(text[:len(text)-len(rest)])
		flush()
		b.WriteString("**" + escapeInBold(inner) + "**")
		plain.WriteString(rest[len(inner):])
	}
	flush()
	if e.CutAfter {
		b.WriteString(knowledge.Ellipsis)
	}
	return b.String()
}

// escapeInBold escapes text inside a bold pair. A leading list or heading
// marker is harmless there, so only the inline escapes apply.
func escapeInBold(s string) string { return escaper.Replace(s) }
