package knowledge

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind says what sort of text a piece of the corpus is, so that answers can
// label it honestly: a news report, a background note written for the
// project, or a photo caption.
type Kind string

// The kinds of articles and passages.
const (
	KindArticle Kind = "article"
	KindNote    Kind = "note"
	KindCaption Kind = "caption"
)

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	return k == KindArticle || k == KindNote || k == KindCaption
}

// Label is the human name of the kind, as shown next to a source.
func (k Kind) Label() string {
	switch k {
	case KindNote:
		return "background note"
	case KindCaption:
		return "photo caption"
	default:
		return "news article"
	}
}

// Global is the scope of articles visible in every Discord server.
const Global = "global"

// Limits on what the corpus accepts, so that one bad file cannot blow up the
// index or a Discord message.
const (
	MaxTitleLen      = 300     // runes
	MaxFieldLen      = 200     // runes, for publisher, byline, dateline
	MaxURLLen        = 2048    // bytes
	MaxParagraphs    = 2000    // per article
	MaxArticleBytes  = 1 << 20 // body text, bytes
	MaxRelated       = 50
	MaxTopicsPerItem = 5
)

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,127}$`)
	guildPattern = regexp.MustCompile(`^[0-9]{1,20}$`)
)

// ValidID reports whether id can name an article: lowercase letters, digits
// and dashes, so that it is safe as a file name and in a Discord custom id.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// Paragraph is one block of an article's body.
type Paragraph struct {
	Text    string
	Caption bool // a photo caption: read with the passage it follows, never quoted as an answer
	// Heading paragraphs are section headings: not answer text, but
	// what the passages under them are about.
	Heading bool
}

// Source is a reference that a background note rests on.
type Source struct {
	Title string `yaml:"title" json:"title"`
	URL   string `yaml:"url" json:"url"`
}

// Event is a dated happening recorded by an article, which feeds timelines.
type Event struct {
	Date   time.Time `json:"date"`
	Text   string    `json:"event"`
	Topic  Topic     `json:"topic"`
	Source Source    `json:"source"`
}

// Article is one document of the corpus: a news report, a background note or
// a captioned photo. The on-disk corpus files are the system of record; the
// search index is derived from them.
type Article struct {
	ID        string
	Title     string
	Publisher string
	URL       string    // canonical link to the original
	Published time.Time // date of publication (UTC midnight)
	Dateline  string
	Byline    string
	Language  string // BCP 47 tag, e.g. "en"
	Kind      Kind
	Topics    []Topic // declared topics; passages are classified on their own
	Body      []Paragraph
	Related   []string // headlines the original linked to: shown, never used as answers
	Reprints  []string // other URLs carrying the same text
	Sources   []Source // what a note is written from
	Events    []Event
	Scope     string // Global or a Discord guild id
	AddedBy   string
	AddedAt   time.Time
}

// IsGlobal reports whether the article is visible in every server.
func (a *Article) IsGlobal() bool { return a.Scope == "" || a.Scope == Global }

// VisibleIn reports whether a Discord server sees the article: every
// server sees the global articles, and each its own. guild "" (a DM, or the
// command line without --guild) sees the global ones only.
func (a *Article) VisibleIn(guild string) bool {
	return a.IsGlobal() || guild != "" && a.Scope == guild
}

// Visible returns the articles that a Discord server sees (see VisibleIn),
// in the order given.
func Visible(articles []*Article, guild string) []*Article {
	var out []*Article
	for _, a := range articles {
		if a.VisibleIn(guild) {
			out = append(out, a)
		}
	}
	return out
}

// Validate checks an article and returns an *Error naming the first field at
// fault.
func (a *Article) Validate() error {
	bad := func(field, format string, args ...any) error {
		return Errorf(EINVALID, "%s: %s", field, fmt.Sprintf(format, args...))
	}
	if !ValidID(a.ID) {
		return bad("id", "%q must be 1-128 lowercase letters, digits or dashes", a.ID)
	}
	if err := checkText("title", a.Title, MaxTitleLen, true); err != nil {
		return err
	}
	for _, f := range []struct{ name, v string }{
		{"publisher", a.Publisher}, {"dateline", a.Dateline}, {"byline", a.Byline}, {"added_by", a.AddedBy},
	} {
		if err := checkText(f.name, f.v, MaxFieldLen, false); err != nil {
			return err
		}
	}
	if strings.TrimSpace(a.Publisher) == "" {
		return bad("publisher", "is required")
	}
	if a.URL != "" {
		if err := CheckURL(a.URL); err != nil {
			return bad("url", "%v", err)
		}
	}
	for i, u := range a.Reprints {
		if err := CheckURL(u); err != nil {
			return bad(fmt.Sprintf("reprints[%d]", i), "%v", err)
		}
	}
	if a.Published.IsZero() {
		return bad("published", "is required (YYYY-MM-DD)")
	}
	if !a.Kind.Valid() {
		return bad("kind", "%q must be article, note or caption", a.Kind)
	}
	if a.Language != "" && !regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$`).MatchString(a.Language) {
		return bad("language", "%q is not a language tag such as en or ko", a.Language)
	}
	if len(a.Topics) > MaxTopicsPerItem {
		return bad("topics", "at most %d", MaxTopicsPerItem)
	}
	for _, t := range a.Topics {
		if !t.Valid() {
			return bad("topics", "unknown topic %q (known: %s)", t, strings.Join(TopicNames(), ", "))
		}
	}
	if a.Scope != "" && a.Scope != Global && !guildPattern.MatchString(a.Scope) {
		return bad("scope", "%q must be %q or a Discord server id", a.Scope, Global)
	}
	if !slices.ContainsFunc(a.Body, func(p Paragraph) bool { return !p.Heading }) {
		return bad("body", "has no text")
	}
	if len(a.Body) > MaxParagraphs {
		return bad("body", "has %d paragraphs, more than the %d allowed", len(a.Body), MaxParagraphs)
	}
	size := 0
	for i, p := range a.Body {
		if err := checkText(fmt.Sprintf("body paragraph %d", i+1), p.Text, MaxArticleBytes, true); err != nil {
			return err
		}
		size += len(p.Text)
	}
	if size > MaxArticleBytes {
		return bad("body", "is %d bytes, more than the %d allowed", size, MaxArticleBytes)
	}
	if len(a.Related) > MaxRelated {
		return bad("related", "at most %d headlines", MaxRelated)
	}
	for i, r := range a.Related {
		if err := checkText(fmt.Sprintf("related[%d]", i), r, MaxTitleLen, true); err != nil {
			return err
		}
	}
	for i, s := range a.Sources {
		if err := checkText(fmt.Sprintf("sources[%d].title", i), s.Title, MaxTitleLen, true); err != nil {
			return err
		}
		if err := CheckURL(s.URL); err != nil {
			return bad(fmt.Sprintf("sources[%d].url", i), "%v", err)
		}
	}
	for i, e := range a.Events {
		field := fmt.Sprintf("events[%d]", i)
		if e.Date.IsZero() {
			return bad(field+".date", "is required (YYYY-MM-DD)")
		}
		if err := checkText(field+".event", e.Text, MaxTitleLen, true); err != nil {
			return err
		}
		if !e.Topic.Valid() {
			return bad(field+".topic", "unknown topic %q", e.Topic)
		}
		if e.Source.URL != "" {
			if err := CheckURL(e.Source.URL); err != nil {
				return bad(field+".source", "%v", err)
			}
		}
	}
	return nil
}

// checkText rejects invalid UTF-8, control characters and overlong values.
func checkText(field, s string, max int, required bool) error {
	if required && strings.TrimSpace(s) == "" {
		return Errorf(EINVALID, "%s: is required", field)
	}
	if !utf8.ValidString(s) {
		return Errorf(EINVALID, "%s: is not valid UTF-8", field)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return Errorf(EINVALID, "%s: is %d characters long, more than the %d allowed", field, n, max)
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return Errorf(EINVALID, "%s: contains a control character (%U)", field, r)
		}
	}
	return nil
}

// CheckURL accepts absolute http and https URLs with a host and nothing that
// could smuggle credentials or odd schemes into a link.
func CheckURL(raw string) error {
	if len(raw) > MaxURLLen {
		return fmt.Errorf("URL longer than %d bytes", MaxURLLen)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("not a URL: %q", raw)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%q is not an http or https link", raw)
	}
	if u.Host == "" || u.User != nil {
		return fmt.Errorf("%q has no host, or carries a user name", raw)
	}
	if strings.ContainsAny(raw, " \t\r\n<>\"") {
		return fmt.Errorf("%q contains spaces or quotes", raw)
	}
	return nil
}

// Text returns the body as plain text, paragraphs separated by blank lines.
func (a *Article) Text() string {
	parts := make([]string, len(a.Body))
	for i, p := range a.Body {
		parts[i] = p.Text
	}
	return strings.Join(parts, "\n\n")
}
