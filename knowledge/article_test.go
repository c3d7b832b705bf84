package knowledge

import (
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestKind(t *testing.T) {
	tests := []struct {
		kind  Kind
		valid bool
		label string
	}{
		{KindArticle, true, "news article"},
		{KindNote, true, "background note"},
		{KindCaption, true, "photo caption"},
		{"", false, "news article"},
		{"Article", false, "news article"},
		{"blog", false, "news article"},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			if got := tt.kind.Valid(); got != tt.valid {
				t.Errorf("Valid() = %v, want %v", got, tt.valid)
			}
			if got := tt.kind.Label(); got != tt.label {
				t.Errorf("Label() = %q, want %q", got, tt.label)
			}
		})
	}
}

func TestValidID(t *testing.T) {
	tests := []struct {
		name string
		id   string
		want bool
	}{
		{"typical", "kyodo-2019-12-16-madrid", true},
		{"single char", "a", true},
		{"digits first", "2019-notes", true},
		{"128 chars", strings.Repeat("a", 128), true},
		{"129 chars", strings.Repeat("a", 129), false},
		{"empty", "", false},
		{"uppercase", "Kyodo", false},
		{"underscore", "kyodo_2019", false},
		{"leading dash", "-kyodo", false},
		{"slash", "a/b", false},
		{"dot dot", "..", false},
		{"space", "a b", false},
		{"newline at end", "abc\n", false},
		{"non-ASCII", "kyōdo", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ValidID(tt.id); got != tt.want {
				t.Errorf("ValidID(%q) = %v, want %v", tt.id, got, tt.want)
			}
		})
	}
}

func TestCheckURL(t *testing.T) {
	tests := []struct {
		name string
		url  string
		ok   bool
	}{
		{"https", "https://english.kyodonews.net/news/2019/12/x.html", true},
		{"http", "http://www.khaosodenglish.com/news/", true},
		{"query", "https://m.koreaherald.com/view.php?mp=1&np=1&ud=20230316000785", true},
		{"javascript", "javascript:alert(1)", false},
		{"file", "file:///etc/passwd", false},
		{"ftp", "ftp://example.com/x", false},
		{"data", "data:text/html,<script>", false},
		{"relative", "/news/x.html", false},
		{"no scheme", "example.com/x", false},
		{"no host", "https:///x", false},
		{"user info", "https://user:pass@example.com/", false},
		{"space", "https://example.com/a b", false},
		{"quote", `https://example.com/a"b`, false},
		{"angle bracket", "https://example.com/<b>", false},
		{"newline", "https://example.com/\nx", false},
		{"too long", "https://example.com/" + strings.Repeat("a", MaxURLLen), false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckURL(tt.url)
			if (err == nil) != tt.ok {
				t.Errorf("CheckURL(%q) = %v, want ok=%v", tt.url, err, tt.ok)
			}
		})
	}
}

// validArticle returns an article that passes Validate.
func validArticle() *Article {
	return &Article{
		ID: "test-article", Title: "Japan and South Korea hold talks", Publisher: "Test News",
		URL:       "https://example.com/news/1",
		Published: time.Date(2019, 12, 16, 0, 0, 0, 0, time.UTC),
		Language:  "en", Kind: KindArticle, Scope: Global,
		Topics: []Topic{TopicTalks},
		Body:   []Paragraph{{Text: "The ministers met in Madrid."}},
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(a *Article)
		field string // "" means valid
	}{
		{"valid", func(a *Article) {}, ""},
		{"guild scope", func(a *Article) { a.Scope = "123456789012345678" }, ""},
		{"empty scope is global", func(a *Article) { a.Scope = "" }, ""},
		{"language with region", func(a *Article) { a.Language = "en-GB" }, ""},
		{"bad id", func(a *Article) { a.ID = "Bad ID" }, "id:"},
		{"blank title", func(a *Article) { a.Title = "  " }, "title: is required"},
		{"long title", func(a *Article) { a.Title = strings.Repeat("x", MaxTitleLen+1) }, "title: is 301 characters"},
		{"title at limit", func(a *Article) { a.Title = strings.Repeat("界", MaxTitleLen) }, ""},
		{"control char in title", func(a *Article) { a.Title = "a\x07b" }, "title: contains a control character (U+0007)"},
		{"DEL in byline", func(a *Article) { a.Byline = "a\x7fb" }, "byline: contains a control character"},
		{"invalid UTF-8 title", func(a *Article) { a.Title = "a\xffb" }, "title: is not valid UTF-8"},
		{"no publisher", func(a *Article) { a.Publisher = "" }, "publisher: is required"},
		{"long dateline", func(a *Article) { a.Dateline = strings.Repeat("x", MaxFieldLen+1) }, "dateline:"},
		{"bad url", func(a *Article) { a.URL = "javascript:alert(1)" }, "url:"},
		{"bad reprint", func(a *Article) { a.Reprints = []string{"https://ok.example/", "ftp://x/"} }, "reprints[1]:"},
		{"no date", func(a *Article) { a.Published = time.Time{} }, "published: is required"},
		{"bad kind", func(a *Article) { a.Kind = "blog" }, "kind:"},
		{"bad language", func(a *Article) { a.Language = "english!" }, "language:"},
		{"too many topics", func(a *Article) {
			a.Topics = []Topic{TopicTalks, TopicTalks, TopicTalks, TopicTalks, TopicTalks, TopicTalks}
		}, "topics: at most 5"},
		{"unknown topic", func(a *Article) { a.Topics = []Topic{"weather"} }, `topics: unknown topic "weather"`},
		{"bad scope", func(a *Article) { a.Scope = "guild-1" }, "scope:"},
		{"no body", func(a *Article) { a.Body = nil }, "body: has no text"},
		{"blank paragraph", func(a *Article) { a.Body = []Paragraph{{Text: "ok"}, {Text: " "}} }, "body paragraph 2: is required"},
		{"too many paragraphs", func(a *Article) {
			a.Body = make([]Paragraph, MaxParagraphs+1)
			for i := range a.Body {
				a.Body[i].Text = "x"
			}
		}, "body: has 2001 paragraphs"},
		{"body too large", func(a *Article) {
			a.Body = []Paragraph{{Text: strings.Repeat("x", MaxArticleBytes/2+1)}, {Text: strings.Repeat("y", MaxArticleBytes/2)}}
		}, "body: is 1048577 bytes"},
		{"too many related", func(a *Article) { a.Related = make([]string, MaxRelated+1) }, "related: at most 50"},
		{"blank related", func(a *Article) { a.Related = []string{""} }, "related[0]: is required"},
		{"source without title", func(a *Article) { a.Sources = []Source{{URL: "https://example.com/"}} }, "sources[0].title"},
		{"source bad url", func(a *Article) { a.Sources = []Source{{Title: "x", URL: "file:///x"}} }, "sources[0].url"},
		{"event without date", func(a *Article) { a.Events = []Event{{Text: "x", Topic: TopicTalks}} }, "events[0].date"},
		{"event without text", func(a *Article) {
			a.Events = []Event{{Date: a.Published, Topic: TopicTalks}}
		}, "events[0].event: is required"},
		{"event bad topic", func(a *Article) {
			a.Events = []Event{{Date: a.Published, Text: "x", Topic: "rain"}}
		}, "events[0].topic"},
		{"event bad source", func(a *Article) {
			a.Events = []Event{{Date: a.Published, Text: "x", Topic: TopicTalks, Source: Source{URL: "javascript:x"}}}
		}, "events[0].source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validArticle()
			tt.edit(a)
			err := a.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate() = nil, want an error naming %q", tt.field)
			}
			if ErrorCode(err) != EINVALID {
				t.Errorf("code = %q, want %q", ErrorCode(err), EINVALID)
			}
			if msg := ErrorMessage(err); !strings.HasPrefix(msg, tt.field) {
				t.Errorf("message %q does not start with %q", msg, tt.field)
			}
		})
	}
}

func TestIsGlobal(t *testing.T) {
	for _, tt := range []struct {
		scope string
		want  bool
	}{{"", true}, {Global, true}, {"1234", false}} {
		t.Run("scope="+tt.scope, func(t *testing.T) {
			a := &Article{Scope: tt.scope}
			if got := a.IsGlobal(); got != tt.want {
				t.Errorf("IsGlobal() = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestVisible: every server sees the global articles and its own, a DM or
// the command line without a server the global ones only.
func TestVisible(t *testing.T) {
	arts := []*Article{{ID: "old", Scope: ""}, {ID: "global", Scope: Global}, {ID: "ours", Scope: "1234"}, {ID: "theirs", Scope: "5678"}}
	for _, tt := range []struct {
		guild string
		want  []string
	}{
		{"", []string{"old", "global"}},
		{"1234", []string{"old", "global", "ours"}},
		{"5678", []string{"old", "global", "theirs"}},
		{"9999", []string{"old", "global"}},
	} {
		var got []string
		for _, a := range Visible(arts, tt.guild) {
			got = append(got, a.ID)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Visible(%q) = %v, want %v", tt.guild, got, tt.want)
		}
	}
}

func TestParseArticleErrors(t *testing.T) {
	bigBody := strings.Repeat("A paragraph.\n\n", 10000)
	tests := []struct {
		name string
		data string
		want []string // substrings of the message, which names the field
	}{
		{"missing front matter", "Just some text.\n", []string{"front matter", "must start"}},
		{"front matter not first", "\n---\nid: a\n---\nbody\n", []string{"front matter", "must start"}},
		{"unclosed front matter", "---\nid: a\ntitle: T\npublisher: P\npublished: 2019-12-16\nbody\n", []string{"front matter", "closing"}},
		{"unknown key", corpusFile(map[string]string{"titel": "x"}, testBody), []string{"titel"}},
		{"duplicate key", "---\nid: a\nid: b\ntitle: T\npublisher: P\npublished: 2019-12-16\n---\nx\n", []string{`"id"`}},
		{"topics as a number", corpusFile(map[string]string{"topics": "3"}, testBody), []string{"topics"}},
		{"title as a list", corpusFile(map[string]string{"title": "[a, b]"}, testBody), []string{"title"}},
		{"events as a string", corpusFile(map[string]string{"events": "soon"}, testBody), []string{"events"}},
		{"event date as a list", corpusFile(map[string]string{"events": "\n  - date: [1]\n    event: x\n    topic: talks"}, testBody), []string{"events"}},
		{"published yesterday", corpusFile(map[string]string{"published": "yesterday"}, testBody), []string{"published", `"yesterday"`}},
		{"published 2019-13-45", corpusFile(map[string]string{"published": "2019-13-45"}, testBody), []string{"published", "2019-13-45"}},
		{"published as a time", corpusFile(map[string]string{"published": "2019-12-16T10:00:00Z"}, testBody), []string{"published"}},
		{"added_at not RFC 3339", corpusFile(map[string]string{"added_at": "2019-12-16"}, testBody), []string{"added_at"}},
		{"invalid id", corpusFile(map[string]string{"id": "Kyodo_2019"}, testBody), []string{"id", "Kyodo_2019"}},
		{"missing id", corpusFile(map[string]string{"id": ""}, testBody), []string{"id"}},
		{"missing title", corpusFile(map[string]string{"title": ""}, testBody), []string{"title: is required"}},
		{"blank title", corpusFile(map[string]string{"title": `"   "`}, testBody), []string{"title: is required"}},
		{"missing publisher", corpusFile(map[string]string{"publisher": ""}, testBody), []string{"publisher: is required"}},
		{"missing published", corpusFile(map[string]string{"published": ""}, testBody), []string{"published: is required"}},
		{"javascript url", corpusFile(map[string]string{"url": `"javascript:alert(1)"`}, testBody), []string{"url:", "not an http or https link"}},
		{"file url", corpusFile(map[string]string{"url": "file:///etc/passwd"}, testBody), []string{"url:"}},
		{"ftp url", corpusFile(map[string]string{"url": "ftp://example.com/a"}, testBody), []string{"url:"}},
		{"bad reprint", corpusFile(map[string]string{"reprints": "\n  - ftp://example.com/a"}, testBody), []string{"reprints[0]"}},
		{"bad source url", corpusFile(map[string]string{"kind": "note", "sources": "\n  - title: x\n    url: javascript:x"}, testBody), []string{"sources[0].url"}},
		{"escaped control character in title", corpusFile(map[string]string{"title": `"Japan\x01Korea"`}, testBody), []string{"title", "control character"}},
		{"raw control character in title", corpusFile(map[string]string{"title": "Japan\x01Korea"}, testBody), []string{"title", "control character"}},
		{"raw escape character in byline", corpusFile(map[string]string{"byline": "A\x1b[31mB"}, testBody), []string{"byline", "control character"}},
		{"control character in body", corpusFile(nil, "Text \x02 here.\n"), []string{"body paragraph 1", "control character"}},
		{"invalid UTF-8", corpusFile(map[string]string{"title": "Japan \xff\xfe"}, testBody), []string{"UTF-8"}},
		{"NUL bytes", corpusFile(nil, "text\x00more\n"), []string{"NUL"}},
		{"10,000 paragraphs", corpusFile(nil, bigBody), []string{"body", "10000 paragraphs"}},
		{"oversize file", corpusFile(nil, strings.Repeat("x", MaxFileBytes)), []string{"file is", "bytes"}},
		{"body over the byte limit", corpusFile(nil, strings.Repeat(strings.Repeat("x", 1000)+"\n\n", MaxArticleBytes/1000+1)), []string{"body", "bytes"}},
		{"empty body", corpusFile(nil, "# Only a heading\n\n"), []string{"body: has no text"}},
		{"event source not among sources", corpusFile(map[string]string{
			"kind":    "note",
			"sources": "\n  - title: Source\n    url: https://example.com/a",
			"events":  "\n  - date: 2019-12-15\n    event: Ministers meet\n    topic: talks\n    source: https://example.com/b",
		}, testBody), []string{"events[0].source", "https://example.com/b"}},
		{"event bad date", corpusFile(map[string]string{"events": "\n  - date: 15 Dec 2019\n    event: x\n    topic: talks"}, testBody), []string{"events[0].date"}},
		{"event unknown topic", corpusFile(map[string]string{"events": "\n  - date: 2019-12-15\n    event: x\n    topic: weather"}, testBody), []string{"events[0].topic", "weather"}},
		{"unknown topic", corpusFile(map[string]string{"topics": "[talks, weather]"}, testBody), []string{"topics", `unknown topic "weather"`}},
		{"bad kind", corpusFile(map[string]string{"kind": "blog"}, testBody), []string{"kind"}},
		{"bad scope", corpusFile(map[string]string{"scope": "everyone"}, testBody), []string{"scope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseArticle("test.md", []byte(tt.data))
			if err == nil {
				t.Fatalf("ParseArticle succeeded with %+v, want an error", a)
			}
			if a != nil {
				t.Errorf("ParseArticle returned an article with its error")
			}
			if ErrorCode(err) != EINVALID {
				t.Errorf("code = %q, want %q", ErrorCode(err), EINVALID)
			}
			msg := ErrorMessage(err)
			if !strings.HasPrefix(msg, "test.md: ") && !strings.HasPrefix(msg, "test.md:") {
				t.Errorf("message %q does not name the file", msg)
			}
			if err.Error() != msg {
				t.Errorf("the error for logs %q is not the message %q", err.Error(), msg)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q does not contain %q", msg, w)
				}
			}
			if !utf8.ValidString(msg) {
				t.Errorf("message %q is not valid UTF-8", msg)
			}
		})
	}
}

// TestParseArticleLineNumbers checks that YAML errors point at the line of
// the file, counting the opening '---'.
func TestParseArticleLineNumbers(t *testing.T) {
	data := "---\nid: a\ntitle: T\npublisher: P\npublished: 2019-12-16\ntopics: 3\n---\nbody\n"
	_, err := ParseArticle("f.md", []byte(data))
	if msg := ErrorMessage(err); !strings.HasPrefix(msg, "f.md:6: topics: ") {
		t.Errorf("message %q should name topics on line 6", msg)
	}
}

func TestParseArticleDefaults(t *testing.T) {
	tests := []struct {
		name string
		data string
		want Article
	}{
		{
			name: "minimal",
			data: corpusFile(nil, testBody),
			want: Article{
				ID: "test-article", Title: "Japan and South Korea hold talks", Publisher: "Test News",
				Published: time.Date(2019, 12, 16, 0, 0, 0, 0, time.UTC), Language: "en", Kind: KindArticle, Scope: Global,
				Body: []Paragraph{{Text: "The foreign ministers of Japan and South Korea met in Madrid."}},
			},
		},
		{
			name: "CRLF, BOM, trimmed values and topic aliases",
			data: "\ufeff" + strings.ReplaceAll(corpusFile(map[string]string{
				"title": `"  Spaced title  "`, "topics": "[Trade, forced labor]", "scope": `"42"`,
				"added_at": "2026-01-02T15:04:05+09:00",
			}, "# Heading\nline one\nline two\n\n[caption] A photo.\n"), "\n", "\r\n"),
			want: Article{
				ID: "test-article", Title: "Spaced title", Publisher: "Test News",
				Published: time.Date(2019, 12, 16, 0, 0, 0, 0, time.UTC), Language: "en", Kind: KindArticle, Scope: "42",
				Topics:  []Topic{TopicExportControls, TopicLaborRuling},
				AddedAt: time.Date(2026, 1, 2, 6, 4, 5, 0, time.UTC),
				Body:    []Paragraph{{Text: "Heading", Heading: true}, {Text: "line one line two"}, {Text: "A photo.", Caption: true}},
			},
		},
		{
			name: "closing line at end of file without body newline",
			data: "---\nid: a\ntitle: T\npublisher: P\npublished: 2019-12-16\n---\nx",
			want: Article{
				ID: "a", Title: "T", Publisher: "P", Published: time.Date(2019, 12, 16, 0, 0, 0, 0, time.UTC),
				Language: "en", Kind: KindArticle, Scope: Global, Body: []Paragraph{{Text: "x"}},
			},
		},
		{
			name: "note with sources and events",
			data: corpusFile(map[string]string{
				"kind":    "note",
				"sources": "\n  - title: First\n    url: https://example.com/a\n  - title: Second\n    url: https://example.com/b",
				"events":  "\n  - date: 2019-12-15\n    event: \" Ministers meet \"\n    topic: diplomacy\n    source: https://example.com/b\n  - date: 2019-12-16\n    event: No source\n    topic: other",
			}, testBody),
			want: Article{
				ID: "test-article", Title: "Japan and South Korea hold talks", Publisher: "Test News",
				Published: time.Date(2019, 12, 16, 0, 0, 0, 0, time.UTC), Language: "en", Kind: KindNote, Scope: Global,
				Sources: []Source{{"First", "https://example.com/a"}, {"Second", "https://example.com/b"}},
				Events: []Event{
					{Date: time.Date(2019, 12, 15, 0, 0, 0, 0, time.UTC), Text: "Ministers meet", Topic: TopicTalks, Source: Source{"Second", "https://example.com/b"}},
					{Date: time.Date(2019, 12, 16, 0, 0, 0, 0, time.UTC), Text: "No source", Topic: TopicOther},
				},
				Body: []Paragraph{{Text: "The foreign ministers of Japan and South Korea met in Madrid."}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseArticle("test.md", []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if !sameArticle(a, &tt.want) {
				t.Errorf("got  %+v\nwant %+v", *a, tt.want)
			}
		})
	}
}

func TestParseKyodoArticle(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("corpus", "kyodo-2019-12-16-madrid.md"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseArticle("kyodo-2019-12-16-madrid.md", data)
	if err != nil {
		t.Fatal(err)
	}
	str := []struct{ field, got, want string }{
		{"ID", a.ID, "kyodo-2019-12-16-madrid"},
		{"Title", a.Title, "Japan, S. Korea agree on importance of solving wartime labor row"},
		{"Publisher", a.Publisher, "Kyodo News"},
		{"URL", a.URL, "https://english.kyodonews.net/news/2019/12/c850319238f5-update1-japan-s-korea-agree-on-importance-of-solving-wartime-labor-row.html"},
		{"Published", a.Published.Format(DateLayout), "2019-12-16"},
		{"Dateline", a.Dateline, "MADRID"},
		{"Language", a.Language, "en"},
		{"Kind", string(a.Kind), "article"},
		{"Scope", a.Scope, Global},
	}
	for _, s := range str {
		if s.got != s.want {
			t.Errorf("%s = %q, want %q", s.field, s.got, s.want)
		}
	}
	if want := []Topic{TopicTalks, TopicLaborRuling, TopicExportControls}; !reflect.DeepEqual(a.Topics, want) {
		t.Errorf("Topics = %v, want %v", a.Topics, want)
	}
	if len(a.Reprints) != 2 {
		t.Errorf("%d reprints, want 2", len(a.Reprints))
	}
	wantRelated := []string{
		`Japan, South Korea improve "mutual understanding" on export controls`,
		`New light shed on Japan's 2012 proposal to heal "comfort women" rift`,
		`S. Korea calls Japan flag "flag of hatred" in seeking ban at Olympics`,
		`EXCLUSIVE: Wartime documents shed light on Japan gov't role in recruiting "comfort women"`,
	}
	if !reflect.DeepEqual(a.Related, wantRelated) {
		t.Errorf("Related = %q, want %q", a.Related, wantRelated)
	}
	text := a.Text()
	for _, r := range a.Related {
		if strings.Contains(text, r) {
			t.Errorf("related headline %q is in the body", r)
		}
	}
	if len(a.Body) != 17 {
		t.Fatalf("%d paragraphs, want 17", len(a.Body))
	}
	var captions []int
	for i, p := range a.Body {
		if p.Caption {
			captions = append(captions, i)
		}
		if p.Text != CleanText(p.Text) {
			t.Errorf("paragraph %d is not clean: %q", i+1, p.Text)
		}
	}
	if !reflect.DeepEqual(captions, []int{4}) {
		t.Fatalf("caption paragraphs %v, want [4]", captions)
	}
	if c := a.Body[4].Text; !strings.HasPrefix(c, "Japanese Foreign Minister Toshimitsu Motegi (R)") || strings.Contains(c, captionPrefix) {
		t.Errorf("caption text = %q", c)
	}
	if got := a.Body[0].Text; !strings.HasPrefix(got, "Foreign ministers of Japan and South Korea reaffirmed") {
		t.Errorf("first paragraph = %q", got)
	}
	if got := a.Body[16].Text; !strings.HasSuffix(got, "canceled due to scheduling difficulties.") {
		t.Errorf("last paragraph = %q", got)
	}
	if !strings.Contains(text, "\n\n") || strings.Count(text, "\n\n") != 16 {
		t.Errorf("Text() should join 17 paragraphs with blank lines")
	}
}

func TestParseBody(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []Paragraph
	}{
		{"empty", "", nil},
		{"blank lines only", "\n\n  \n\t\n", nil},
		{"one line", "Hello.", []Paragraph{{Text: "Hello."}}},
		{"lines joined", "one\ntwo  three\n   four", []Paragraph{{Text: "one two three four"}}},
		{"paragraphs", "one\n\ntwo\n\n\n\nthree\n", []Paragraph{{Text: "one"}, {Text: "two"}, {Text: "three"}}},
		{"CRLF", "one\r\ntwo\r\n\r\nthree\r\n", []Paragraph{{Text: "one two"}, {Text: "three"}}},
		{"headings kept as headings", "# Title\nText\n\n## Sub\n\nMore", []Paragraph{{Text: "Title", Heading: true}, {Text: "Text"}, {Text: "Sub", Heading: true}, {Text: "More"}}},
		{"heading ends a paragraph", "one\n# Heading\ntwo", []Paragraph{{Text: "one"}, {Text: "Heading", Heading: true}, {Text: "two"}}},
		{"empty heading dropped", "#\n\n##   \ntext", []Paragraph{{Text: "text"}}},
		{"caption", "[caption] A photo of the ministers.", []Paragraph{{Text: "A photo of the ministers.", Caption: true}}},
		{"caption without space", "[caption]A photo.", []Paragraph{{Text: "A photo.", Caption: true}}},
		{"caption over lines", "[caption] A photo\nof two people.", []Paragraph{{Text: "A photo of two people.", Caption: true}}},
		{"empty caption dropped", "[caption]\n\ntext", []Paragraph{{Text: "text"}}},
		{"caption marker mid paragraph", "text [caption] here", []Paragraph{{Text: "text [caption] here"}}},
		{"escaped caption", `\[caption] not a caption`, []Paragraph{{Text: "[caption] not a caption"}}},
		{"escaped heading", `\# 1 is a number`, []Paragraph{{Text: "# 1 is a number"}}},
		{"escaped backslash", `\\path`, []Paragraph{{Text: `\path`}}},
		{"escape only at paragraph start", "one\n\\two", []Paragraph{{Text: `one \two`}}},
		{"escape is per paragraph", "\\[caption] a\n\n[caption] b", []Paragraph{{Text: "[caption] a"}, {Text: "b", Caption: true}}},
		{"unicode spaces folded", "a\u00a0\u00a0b\u3000c", []Paragraph{{Text: "a b c"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseBody(tt.body)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseBody(%q) = %+v, want %+v", tt.body, got, tt.want)
			}
		})
	}
}

func TestFormatArticle(t *testing.T) {
	a := validArticle()
	a.Body = []Paragraph{
		{Text: "Plain."},
		{Text: "# not a heading"},
		{Text: "[caption] not a caption"},
		{Text: `\ starts with a backslash`},
		{Text: "A real caption.", Caption: true},
		{Text: "messy   white\n space"},
	}
	a.AddedAt = time.Date(2026, 1, 2, 15, 4, 5, 500_000_000, time.FixedZone("KST", 9*3600))
	a.Sources = []Source{{Title: "S", URL: "https://example.com/s"}}
	a.Events = []Event{{Date: a.Published, Text: "E", Topic: TopicTalks, Source: a.Sources[0]}}
	data, err := FormatArticle(a)
	if err != nil {
		t.Fatal(err)
	}
	wantBody := "---\nPlain.\n\n\\# not a heading\n\n\\[caption] not a caption\n\n\\\\ starts with a backslash\n\n[caption] A real caption.\n\nmessy white space\n"
	if !strings.HasSuffix(string(data), wantBody) {
		t.Errorf("body written as\n%s\nwant suffix\n%s", data, wantBody)
	}
	for _, want := range []string{"id: test-article\n", "published: \"2019-12-16\"\n", "topics: [talks]\n", "source: https://example.com/s\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("front matter lacks %q:\n%s", want, data)
		}
	}
	b, err := ParseArticle("x.md", data)
	if err != nil {
		t.Fatalf("ParseArticle(FormatArticle(a)): %v\n%s", err, data)
	}
	a.Body[5].Text = "messy white space"
	if !sameArticle(a, b) {
		t.Errorf("round trip:\n got  %+v\n want %+v", *b, *a)
	}
	if !b.AddedAt.Equal(a.AddedAt) {
		t.Errorf("AddedAt = %v, want %v (sub-second precision must survive)", b.AddedAt, a.AddedAt)
	}
}

// TestRoundTripCorpus formats every built-in article and parses it back.
func TestRoundTripCorpus(t *testing.T) {
	arts, err := DefaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		t.Run(a.ID, func(t *testing.T) {
			data, err := FormatArticle(a)
			if err != nil {
				t.Fatal(err)
			}
			b, err := ParseArticle(a.ID+".md", data)
			if err != nil {
				t.Fatal(err)
			}
			if !sameArticle(a, b) {
				t.Errorf("round trip changed the article:\n got  %+v\n want %+v", *b, *a)
			}
		})
	}
}

func FuzzParseArticle(f *testing.F) {
	// Seeds from the corpus, cut short: the fuzzer minimizes every new
	// input it finds, which is slow on whole articles.
	for _, name := range []string{"kyodo-2019-12-16-madrid.md", "note-gsomia.md", "note-wto-dispute-ds590.md"} {
		data, err := os.ReadFile(filepath.Join("corpus", name))
		if err != nil {
			f.Fatal(err)
		}
		a, err := ParseArticle(name, data)
		if err != nil {
			f.Fatal(err)
		}
		a.Body = a.Body[:min(len(a.Body), 2)]
		a.Related = a.Related[:min(len(a.Related), 2)]
		a.Sources = a.Sources[:min(len(a.Sources), 2)]
		var events []Event
		for _, e := range a.Events {
			if e.Source.URL == "" || slices.Contains(a.Sources, e.Source) {
				events = append(events, e)
			}
		}
		a.Events = events[:min(len(events), 2)]
		out, err := FormatArticle(a)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(out)
	}
	f.Add([]byte(corpusFile(nil, testBody)))
	f.Add([]byte(corpusFile(map[string]string{
		"kind": "note", "topics": "[talks, trade]", "dateline": `" MADRID "`, "byline": "'By: A, B'",
		"added_at": "2026-01-02T15:04:05.123456789+09:00", "related": "\n  - \"a\\nb\"", "scope": "\"123\"",
		"sources": "\n  - title: S\n    url: https://example.com/s",
		"events":  "\n  - date: 2019-12-15\n    event: E\n    topic: nk\n    source: https://example.com/s",
	}, "# h\n\\# not h\n\n[caption] c\n\n\\[caption] x\n\n\\\\y\n\n\"Quote,\" he said.\n")))
	f.Add([]byte("---\nid: a\ntitle: T\npublisher: P\npublished: 2019-12-16\n---"))
	f.Add([]byte("---\r\nid: a\r\ntitle: |\r\n  multi\r\n  line\r\npublisher: P\r\npublished: 2019-12-16\r\n---\r\nx\r\n"))
	f.Add([]byte("\ufeff---\nid: a\ntitle: &x T\npublisher: *x\npublished: 2019-12-16\n---\nbody\n---\nmore\n"))
	f.Add([]byte("---\nid: a\ntitle: \"\\u2028x\\x85\"\npublisher: P\npublished: 0000-01-01\nadded_at: 0000-01-01T00:00:00+01:00\n---\nx\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\ntopics: 3\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseArticle("fuzz.md", data)
		if err != nil {
			if a != nil || ErrorCode(err) != EINVALID || !strings.HasPrefix(ErrorMessage(err), "fuzz.md:") {
				t.Fatalf("bad error result: %v, %v", a, err)
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("ParseArticle returned an invalid article: %v", err)
		}
		out, err := FormatArticle(a)
		if err != nil {
			t.Fatalf("FormatArticle: %v", err)
		}
		b, err := ParseArticle("fuzz.md", out)
		if err != nil {
			t.Fatalf("ParseArticle(FormatArticle(a)): %v\n%s", err, out)
		}
		if !sameArticle(a, b) {
			t.Fatalf("round trip changed the article:\n got  %#v\n want %#v\nfile:\n%s", *b, *a, out)
		}
		out2, err := FormatArticle(b)
		if err != nil || string(out2) != string(out) {
			t.Fatalf("FormatArticle is not stable: %v\n%s\n----\n%s", err, out, out2)
		}
	})
}

func FuzzParseBody(f *testing.F) {
	for _, s := range []string{
		"", "one\n\ntwo", "# h\ntext", "[caption] c", `\[caption] x`, `\\`, `\`, "a\r\nb\r\n\r\nc",
		"[caption]", "\\# x\n\\# y", "\u00a0\n\u2028\n\u0085x", "text\n#tag", "[caption] [caption] x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		ps := ParseBody(body)
		for i, p := range ps {
			if p.Text == "" || p.Text != CleanText(p.Text) {
				t.Fatalf("paragraph %d is empty or not clean: %q", i, p.Text)
			}
		}
		if len(ps) == 0 || !utf8.ValidString(body) {
			return
		}
		// Written back in the corpus format, the paragraphs read the same.
		a := validArticle()
		a.Body = ps
		if a.Validate() != nil {
			return // e.g. control characters, which ParseArticle rejects
		}
		data, err := FormatArticle(a)
		if err != nil {
			t.Fatal(err)
		}
		b, err := ParseArticle("fuzz.md", data)
		if err != nil {
			t.Fatalf("ParseArticle: %v\n%s", err, data)
		}
		if !reflect.DeepEqual(b.Body, ps) {
			t.Fatalf("body round trip:\n got  %+v\n want %+v", b.Body, ps)
		}
	})
}

func FuzzCheckURL(f *testing.F) {
	for _, s := range []string{
		"https://english.kyodonews.net/news/2019/12/x.html", "javascript:alert(1)", "file:///etc/passwd",
		"ftp://x/", "https://u:p@x/", "http://x/ y", "HTTPS://X.Y/", "https://[::1]:80/", "//x.y/", "https:x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if CheckURL(raw) != nil {
			return
		}
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatalf("CheckURL accepted %q, which url.Parse rejects: %v", raw, err)
		}
		if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.User != nil {
			t.Fatalf("CheckURL accepted %q (scheme %q, host %q)", raw, u.Scheme, u.Host)
		}
		if strings.ContainsAny(raw, " \t\r\n<>\"") || len(raw) > MaxURLLen {
			t.Fatalf("CheckURL accepted %q", raw)
		}
		for _, r := range raw {
			if r < 0x20 || r == 0x7f {
				t.Fatalf("CheckURL accepted a control character in %q", raw)
			}
		}
	})
}
