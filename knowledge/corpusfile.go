package knowledge

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The corpus file format is Markdown with YAML front matter, one file per
// article, so that people can read, write and review articles with any
// editor and in diffs:
//
//	---
//	id: kyodo-2019-12-16-madrid
//	title: Japan, S. Korea agree on importance of solving wartime labor row
//	publisher: Kyodo News
//	published: 2019-12-16
//	url: https://...
//	---
//	First paragraph.
//
//	[caption] A photo caption, searchable but labeled as a caption.
//
// Paragraphs are separated by blank lines; lines inside a paragraph are
// joined with a space. Lines starting with # are headings and are skipped.

// captionPrefix marks a paragraph as a photo caption.
const captionPrefix = "[caption]"

// DateLayout is the layout of dates in corpus files and JSON output.
const DateLayout = "2006-01-02"

// frontMatter is the YAML header of a corpus file. Dates are strings so that
// errors can say exactly which value is wrong.
type frontMatter struct {
	ID        string        `yaml:"id"`
	Title     string        `yaml:"title"`
	Publisher string        `yaml:"publisher"`
	URL       string        `yaml:"url,omitempty"`
	Published string        `yaml:"published"`
	Dateline  string        `yaml:"dateline,omitempty"`
	Byline    string        `yaml:"byline,omitempty"`
	Language  string        `yaml:"language,omitempty"`
	Kind      string        `yaml:"kind,omitempty"`
	Topics    []string      `yaml:"topics,omitempty,flow"`
	Scope     string        `yaml:"scope,omitempty"`
	AddedBy   string        `yaml:"added_by,omitempty"`
	AddedAt   string        `yaml:"added_at,omitempty"`
	Reprints  []string      `yaml:"reprints,omitempty"`
	Related   []string      `yaml:"related,omitempty"`
	Sources   []Source      `yaml:"sources,omitempty"`
	Events    []eventRecord `yaml:"events,omitempty"`
}

type eventRecord struct {
	Date   string `yaml:"date"`
	Event  string `yaml:"event"`
	Topic  string `yaml:"topic"`
	Source string `yaml:"source,omitempty"` // URL of one of the note's sources
}

// MaxFileBytes bounds a corpus file, front matter included.
const MaxFileBytes = MaxArticleBytes + 256<<10

// ParseArticle reads one corpus file. name is used in error messages only.
// The article is validated; errors name the file and the field at fault.
func ParseArticle(name string, data []byte) (*Article, error) {
	a, err := parseArticle(data)
	if err == nil {
		err = a.Validate()
	}
	if err != nil {
		return nil, &Error{Code: EINVALID, Message: name + ": " + ErrorMessage(err), Err: err}
	}
	return a, nil
}

func parseArticle(data []byte) (*Article, error) {
	if len(data) > MaxFileBytes {
		return nil, Errorf(EINVALID, "file is %d bytes, more than the %d allowed", len(data), MaxFileBytes)
	}
	if !utf8.Valid(data) {
		return nil, Errorf(EINVALID, "file is not valid UTF-8 text")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, Errorf(EINVALID, "file contains NUL bytes; is it binary?")
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	if !strings.HasPrefix(text, "---\n") {
		return nil, Errorf(EINVALID, "front matter: the file must start with a line '---'")
	}
	// head keeps the newline that ends the opening '---', so that it may be
	// empty and YAML's line numbers are those of the file.
	head, body, ok := strings.Cut(text[3:], "\n---\n")
	if !ok {
		if h, found := strings.CutSuffix(text[3:], "\n---"); found {
			head, body, ok = h, "", true
		}
	}
	if !ok {
		return nil, Errorf(EINVALID, "front matter: no closing '---' line")
	}
	if err := checkFrontMatterChars(head); err != nil {
		return nil, err
	}
	var fm frontMatter
	dec := yaml.NewDecoder(strings.NewReader(head))
	dec.KnownFields(true)
	if err := dec.Decode(&fm); err != nil && !errors.Is(err, io.EOF) {
		return nil, frontMatterError(head, err)
	}
	a, err := fm.article()
	if err != nil {
		return nil, err
	}
	a.Body = ParseBody(body)
	return a, nil
}

// checkFrontMatterChars rejects the characters that YAML does not allow,
// naming the key whose line holds one: YAML's own error names neither.
func checkFrontMatterChars(head string) error {
	for n, line := range strings.Split(head, "\n") {
		for _, r := range line {
			if r == '\t' || r == '\r' || r >= 0x20 && r <= 0x7e || r == 0x85 || r >= 0xa0 && r <= 0xd7ff ||
				r >= 0xe000 && r <= 0xfffd || r >= 0x10000 {
				continue
			}
			field := "front matter"
			if key := keyAtLine(head, n+1); key != "" {
				field = key
			}
			return Errorf(EINVALID, "%s: contains a control character (%U) on line %d", field, r, n+1)
		}
	}
	return nil
}

// frontMatterError words a YAML decoding error for the user. Type errors
// only give a line number, so the key on that line is named too.
func frontMatterError(head string, err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return Errorf(EINVALID, "front matter: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	msgs := make([]string, len(te.Errors))
	for i, m := range te.Errors {
		var line int
		m = plainTypeError(m)
		if _, err := fmt.Sscanf(m, "line %d:", &line); err == nil {
			if key := keyAtLine(head, line); key != "" {
				m = key + ": " + m
			}
		}
		msgs[i] = m
	}
	return Errorf(EINVALID, "front matter: %s", strings.Join(msgs, "; "))
}

// yamlTypeError matches YAML's "cannot unmarshal !!int `5` into []string".
var yamlTypeError = regexp.MustCompile("cannot unmarshal !!(\\w+)(?: `([^`]*)`)? into (\\S+)$")

// plainTypeError rewords YAML's type errors, which speak of YAML tags and
// Go types, in words that the writer of the file knows.
func plainTypeError(m string) string {
	sm := yamlTypeError.FindStringSubmatchIndex(m)
	if sm == nil {
		return m
	}
	tag, value, into := m[sm[2]:sm[3]], "", m[sm[6]:sm[7]]
	if sm[4] >= 0 {
		value = m[sm[4]:sm[5]]
	}
	got := map[string]string{"int": "a number", "float": "a number", "bool": "true or false", "str": "text",
		"seq": "a list", "map": "a set of fields", "null": "nothing", "timestamp": "a time"}[tag]
	if got == "" {
		got = "a value of another kind"
	}
	if value != "" {
		got += " (" + value + ")"
	}
	want := "a value of another kind"
	switch {
	case strings.HasPrefix(into, "[]"):
		want = "a list, such as [a, b]"
	case into == "string":
		want = "text"
	case strings.HasPrefix(into, "knowledge."):
		want = "a set of fields"
	}
	return m[:sm[0]] + "expected " + want + ", not " + got
}

// keyAtLine returns the top-level key whose value spans line n (from 1) of
// the front matter, or "".
func keyAtLine(head string, n int) string {
	lines := strings.Split(head, "\n")
	for i := min(n, len(lines)) - 1; i >= 0; i-- {
		l := lines[i]
		if l == "" || l[0] == ' ' || l[0] == '\t' || l[0] == '-' || l[0] == '#' {
			continue
		}
		if k, _, ok := strings.Cut(l, ":"); ok {
			return strings.TrimSpace(k)
		}
		return ""
	}
	return ""
}

func (fm *frontMatter) article() (*Article, error) {
	a := &Article{
		ID: strings.TrimSpace(fm.ID), Title: strings.TrimSpace(fm.Title), Publisher: strings.TrimSpace(fm.Publisher),
		URL: strings.TrimSpace(fm.URL), Dateline: fm.Dateline, Byline: fm.Byline, Language: fm.Language,
		Kind: Kind(fm.Kind), Scope: fm.Scope, AddedBy: fm.AddedBy, Reprints: fm.Reprints, Related: fm.Related,
		Sources: fm.Sources,
	}
	if a.Kind == "" {
		a.Kind = KindArticle
	}
	if a.Language == "" {
		a.Language = "en"
	}
	if a.Scope == "" {
		a.Scope = Global
	}
	var err error
	if fm.Published != "" {
		if a.Published, err = ParseDate(fm.Published); err != nil {
			return nil, Errorf(EINVALID, "published: %v", err)
		}
	}
	if fm.AddedAt != "" {
		if a.AddedAt, err = time.Parse(time.RFC3339, fm.AddedAt); err != nil {
			return nil, Errorf(EINVALID, "added_at: %q is not an RFC 3339 time such as 2026-01-02T15:04:05Z", fm.AddedAt)
		}
	}
	for _, t := range fm.Topics {
		topic, err := ParseTopic(t)
		if err != nil {
			return nil, Errorf(EINVALID, "topics: %v", ErrorMessage(err))
		}
		a.Topics = append(a.Topics, topic)
	}
	for i, e := range fm.Events {
		field := fmt.Sprintf("events[%d]", i)
		d, err := ParseDate(e.Date)
		if err != nil {
			return nil, Errorf(EINVALID, "%s.date: %v", field, err)
		}
		t, err := ParseTopic(e.Topic)
		if err != nil {
			return nil, Errorf(EINVALID, "%s.topic: %v", field, ErrorMessage(err))
		}
		ev := Event{Date: d, Text: strings.TrimSpace(e.Event), Topic: t}
		if e.Source != "" {
			src, ok := findSource(a.Sources, e.Source)
			if !ok {
				return nil, Errorf(EINVALID, "%s.source: %q is not the url of one of the sources", field, e.Source)
			}
			ev.Source = src
		}
		a.Events = append(a.Events, ev)
	}
	return a, nil
}

func findSource(sources []Source, url string) (Source, bool) {
	for _, s := range sources {
		if s.URL == url {
			return s, true
		}
	}
	return Source{}, false
}

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

// ParseDate parses a YYYY-MM-DD date as UTC midnight.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	return t, nil
}

// ParseBody splits Markdown-ish text into paragraphs: blocks separated by
// blank lines, with inner line breaks folded into spaces. Headings (#) are
// skipped, "[caption]" marks a caption, and a leading backslash keeps a
// paragraph that starts with either of those as plain text.
func ParseBody(body string) []Paragraph {
	var out []Paragraph
	var cur []string
	escaped := false
	flush := func() {
		if len(cur) == 0 {
			return
		}
		p := Paragraph{Text: CleanText(strings.Join(cur, " "))}
		if rest, ok := strings.CutPrefix(p.Text, captionPrefix); ok && !escaped {
			p = Paragraph{Text: strings.TrimSpace(rest), Caption: true}
		}
		if p.Text != "" {
			out = append(out, p)
		}
		cur, escaped = cur[:0], false
	}
	for line := range strings.SplitSeq(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flush()
		case len(cur) == 0 && strings.HasPrefix(line, `\`):
			cur, escaped = append(cur, line[1:]), true
		case strings.HasPrefix(line, "#"):
			flush()
		default:
			cur = append(cur, line)
		}
	}
	flush()
	return out
}

// CleanText folds runs of white space, including line breaks, into single
// spaces and trims the ends: the form paragraphs are kept in.
func CleanText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// FormatArticle writes an article in the corpus file format. ParseArticle of
// the result gives the same article back.
func FormatArticle(a *Article) ([]byte, error) {
	fm := frontMatter{
		ID: a.ID, Title: a.Title, Publisher: a.Publisher, URL: a.URL, Dateline: a.Dateline, Byline: a.Byline,
		Language: a.Language, Kind: string(a.Kind), Scope: a.Scope, AddedBy: a.AddedBy,
		Reprints: a.Reprints, Related: a.Related, Sources: a.Sources,
	}
	if !a.Published.IsZero() {
		fm.Published = a.Published.Format(DateLayout)
	}
	if !a.AddedAt.IsZero() {
		// Nanoseconds are kept so that the file gives back the same time,
		// and the original offset where UTC would leave years 0-9999.
		t := a.AddedAt.UTC()
		if t.Year() < 0 || t.Year() > 9999 {
			t = a.AddedAt
		}
		fm.AddedAt = t.Format(time.RFC3339Nano)
	}
	for _, t := range a.Topics {
		fm.Topics = append(fm.Topics, string(t))
	}
	for _, e := range a.Events {
		fm.Events = append(fm.Events, eventRecord{
			Date: e.Date.Format(DateLayout), Event: e.Text, Topic: string(e.Topic), Source: e.Source.URL,
		})
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&fm); err != nil {
		return nil, fmt.Errorf("encode front matter: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode front matter: %w", err)
	}
	buf.WriteString("---\n")
	for i, p := range a.Body {
		if i > 0 {
			buf.WriteString("\n")
		}
		text := CleanText(p.Text)
		if p.Caption {
			text = captionPrefix + " " + text
		} else if strings.HasPrefix(text, "#") || strings.HasPrefix(text, captionPrefix) || strings.HasPrefix(text, `\`) {
			// A paragraph that merely looks like markup is escaped so that
			// it is not read back as a heading or a caption.
			text = `\` + text
		}
		buf.WriteString(text)
		buf.WriteString("\n")
	}
	return buf.Bytes(), nil
}
