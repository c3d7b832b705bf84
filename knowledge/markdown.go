package knowledge

import (
	"regexp"
	"strings"
)

// mdEscaper escapes the characters that Discord's Markdown gives a meaning to
// anywhere in a line, so that corpus text shows as written: it cannot format,
// quote, mask a link, spoil, or mention.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, `~`, `\~`, "`", "\\`", `|`, `\|`, `>`, `\>`, `<`, `\<`,
	`[`, `\[`, `]`, `\]`,
	"@", "@\u200b", // @everyone, @here and <@id> can neither ping nor render as mentions
	"://", ":\u200b//", // bare URLs in corpus text are not turned into links
	"\r\n", " ", "\r", " ", "\n", " ",
)

// lineStart matches what makes a heading, a list item or a quote when it opens
// a line, indented or not.
var lineStart = regexp.MustCompile(`^[ \t]*(#|-|\+|\d+\.)`)

// EscapeMarkdown makes text inert in a Discord message: no formatting, no
// links, no mentions and no line breaks, even when it opens a line. It is
// applied to every piece of corpus text before it is shown.
func EscapeMarkdown(s string) string {
	s = mdEscaper.Replace(s)
	if m := lineStart.FindStringSubmatchIndex(s); m != nil {
		at := m[2] // "1." is escaped as "1\.", the others with a backslash before
		if s[m[3]-1] == '.' {
			at = m[3] - 1
		}
		return s[:at] + `\` + s[at:]
	}
	return s
}
