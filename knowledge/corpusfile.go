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
// joined with a space. Lines starting with # are headings: not text of
// their own, but the context of the passages under them.

// captionPrefix marks a paragraph as a photo caption.
const captionPrefix = "[caption]"

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
// The article is validated. An error is one line saying where the mistake
// is (the file, the line when there is one, and the field), what is wrong,
// and what is expected:
//
//	note.md:5: published: 2024-02-30 is not a real date: February 2024 has 29 days
func ParseArticle(name string, data []byte) (*Article, error) {
	a, root, err := parseArticle(data)
	if err == nil {
		err = a.Validate()
	}
	if err == nil {
		return a, nil
	}
	pe := placeError(err, root, data)
	where := name
	if pe.line > 0 {
		where = fmt.Sprintf("%s:%d", name, pe.line)
	}
	msg := where + ": " + pe.msg
	if pe.field != "" {
		msg = where + ": " + pe.field + ": " + pe.msg
	}
	return nil, &Error{Code: EINVALID, Message: msg}
}

// placedError is a mistake in a corpus file: the line it is on (from 1;
// 0 when it is on none, as for a field that is missing), the field, and
// what is wrong.
type placedError struct {
	line  int
	field string
	msg   string
}

func (e *placedError) Error() string { return e.field + ": " + e.msg }

// placeError finds the line of a mistake that names its field only, as
// Validate's do, in the front matter root (nil when it did not parse).
func placeError(err error, root *yaml.Node, data []byte) *placedError {
	var pe *placedError
	if errors.As(err, &pe) {
		return pe
	}
	msg := ErrorMessage(err)
	field, what, ok := strings.Cut(msg, ": ")
	if !ok || strings.Contains(field, " ") && !strings.HasPrefix(field, "body") {
		return &placedError{msg: msg}
	}
	pe = &placedError{field: field, msg: what}
	if strings.HasPrefix(field, "body") {
		pe.line = bodyLine(data)
		return pe
	}
	pe.line = fieldLine(root, field)
	if pe.line == 0 && what == "is required" {
		pe.msg = "is required, and missing: every corpus file needs id, title, publisher and published in its front matter"
	}
	return pe
}

// bodyLine is the line where the text after the front matter starts.
func bodyLine(data []byte) int {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	if i := strings.Index(text[min(3, len(text)):], "\n---\n"); i >= 0 {
		return strings.Count(text[:i+3+5], "\n") + 1
	}
	return 0
}

// fieldLine returns the line of field, such as "published", "topics" or
// "events[2].date", in the front matter, or 0.
func fieldLine(root *yaml.Node, field string) int {
	if root == nil || len(root.Content) == 0 {
		return 0
	}
	n, line := root.Content[0], 0
	for part := range strings.SplitSeq(field, ".") {
		name, idx := part, -1
		if i := strings.IndexByte(part, '['); i > 0 && strings.HasSuffix(part, "]") {
			name = part[:i]
			fmt.Sscanf(part[i+1:len(part)-1], "%d", &idx)
		}
		if n.Kind != yaml.MappingNode {
			return line
		}
		var v *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == name {
				line, v = n.Content[i].Line, n.Content[i+1]
			}
		}
		if v == nil {
			return line
		}
		n = v
		if idx >= 0 {
			if n.Kind != yaml.SequenceNode || idx >= len(n.Content) {
				return line
			}
			n = n.Content[idx]
			line = n.Line
		}
	}
	return line
}

// parseArticle parses a corpus file; root is its front matter as YAML
// nodes, for the lines of fields, when it got that far.
func parseArticle(data []byte) (*Article, *yaml.Node, error) {
	if len(data) > MaxFileBytes {
		return nil, nil, Errorf(EINVALID, "the file is %d bytes, more than the %d allowed; is it an article?", len(data), MaxFileBytes)
	}
	if !utf8.Valid(data) {
		return nil, nil, Errorf(EINVALID, "the file is not UTF-8 text; save it as UTF-8")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, nil, &placedError{line: 1 + bytes.Count(data[:i], []byte("\n")), msg: "the file contains NUL bytes; is it binary?"}
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	if !strings.HasPrefix(text, "---\n") {
		return nil, nil, &placedError{line: 1, field: "front matter",
			msg: "the file must start with a line '---', then the fields (id, title, publisher, published, …), then '---'"}
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
		return nil, nil, &placedError{line: 1, field: "front matter",
			msg: "no closing '---' line; end the fields with a line '---' before the text"}
	}
	if err := checkFrontMatterChars(head); err != nil {
		return nil, nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(head), &root); err != nil {
		return nil, nil, frontMatterError(head, err)
	}
	var fm frontMatter
	dec := yaml.NewDecoder(strings.NewReader(head))
	dec.KnownFields(true)
	if err := dec.Decode(&fm); err != nil && !errors.Is(err, io.EOF) {
		return nil, &root, frontMatterError(head, err)
	}
	a, err := fm.article()
	if err != nil {
		return nil, &root, err
	}
	a.Body = ParseBody(body)
	if a.Language == "" {
		a.Language = a.SearchLanguage() // not declared: what the script says
	}
	return a, &root, nil
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
			return &placedError{line: n + 1, field: field, msg: fmt.Sprintf("contains a control character (%U); remove it", r)}
		}
	}
	return nil
}

// yamlLine reads the line number YAML puts in its messages.
var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

// yamlDuplicate matches YAML's "mapping key "id" already defined at line 2".
var yamlDuplicate = regexp.MustCompile(`mapping key "([^"]*)" already defined at line (\d+)`)

// yamlUnknown matches YAML's "field publishr not found in type knowledge.frontMatter".
var yamlUnknown = regexp.MustCompile(`field (\S+) not found in type \S*?(\w+)$`)

// frontMatterError words a YAML decoding error for the person who wrote the
// file: its line, its field, and what to write instead, without YAML tags
// or Go types. Of several mistakes, the first is told.
func frontMatterError(head string, err error) error {
	m := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		m = te.Errors[0]
	}
	pe := &placedError{}
	if sm := yamlLine.FindStringSubmatch(m); sm != nil {
		fmt.Sscanf(sm[1], "%d", &pe.line)
		m = m[len(sm[0]):]
	}
	m = strings.TrimPrefix(m, "yaml: ")
	pe.field = keyAtLine(head, pe.line)
	switch sm := yamlUnknown.FindStringSubmatch(m); {
	case sm != nil:
		pe.field = sm[1]
		pe.msg = unknownFieldMessage(sm[1], sm[2])
		return pe
	}
	if sm := yamlDuplicate.FindStringSubmatch(m); sm != nil {
		pe.field = sm[1]
		pe.msg = fmt.Sprintf("%q appears twice (first on line %s); keep one", sm[1], sm[2])
		return pe
	}
	if te != nil {
		pe.msg = plainTypeError(m)
		return pe
	}
	if pe.field == "" {
		pe.field = "front matter"
	}
	pe.msg = "is not valid YAML (" + m + "); check the colons, quotes and indentation, as in README's example"
	return pe
}

// fieldNames are the fields of each part of a corpus file's front matter,
// by the name of the Go type YAML reports.
var fieldNames = map[string][]string{
	"frontMatter": {"id", "title", "publisher", "published", "url", "dateline", "byline", "language", "kind",
		"topics", "scope", "added_by", "added_at", "reprints", "related", "sources", "events"},
	"eventRecord": {"date", "event", "topic", "source"},
	"Source":      {"title", "url"},
}

// unknownFieldMessage explains a field that corpus files do not have,
// suggesting the one meant when the name is close to one.
func unknownFieldMessage(name, typ string) string {
	known := fieldNames[typ]
	where := "corpus files"
	switch typ {
	case "eventRecord":
		where = "events"
	case "Source":
		where = "sources"
	}
	best, bestDist := "", 3
	for _, k := range known {
		if d := levenshtein(strings.ToLower(name), k); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf("is not a field of %s; did you mean %s?", where, best)
	}
	return fmt.Sprintf("is not a field of %s, which are: %s", where, strings.Join(known, ", "))
}

// levenshtein is the edit distance between two short field names. (The
// glossary has its own, tuned for words of questions.)
func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
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
	return "expected " + want + ", not " + got
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

// ParseBody splits Markdown-ish text into paragraphs: blocks separated by
// blank lines, with inner line breaks folded into spaces. A line starting
// with # is a heading paragraph, "[caption]" marks a caption, and a leading
// backslash keeps a paragraph that starts with either of those as plain
// text.
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
			if h := CleanText(strings.TrimLeft(line, "# ")); h != "" {
				out = append(out, Paragraph{Text: h, Heading: true})
			}
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
		switch {
		case p.Caption:
			text = captionPrefix + " " + text
		case p.Heading:
			text = "# " + text
		case strings.HasPrefix(text, "#") || strings.HasPrefix(text, captionPrefix) || strings.HasPrefix(text, `\`):
			// A paragraph that merely looks like markup is escaped so that
			// it is not read back as a heading or a caption.
			text = `\` + text
		}
		buf.WriteString(text)
		buf.WriteString("\n")
	}
	return buf.Bytes(), nil
}
