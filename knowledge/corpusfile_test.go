package knowledge

import (
	"strings"
	"testing"
)

// TestFrontMatterTypeErrors: a value of the wrong kind in the front matter
// of an upload is explained in words a moderator knows, naming the key and
// line, without YAML tags or Go types.
func TestFrontMatterTypeErrors(t *testing.T) {
	tests := []struct {
		over map[string]string
		want string
	}{
		{map[string]string{"topics": "5"}, "upload.md:6: topics: expected a list, such as [a, b], not a number (5)"},
		{map[string]string{"title": "[a, b]"}, "upload.md:3: title: expected text, not a list"},
		{map[string]string{"title": "{x: 1}"}, "upload.md:3: title: expected text, not a set of fields"},
		{map[string]string{"events": "soon"}, "upload.md:6: events: expected a list, such as [a, b], not text (soon)"},
		{map[string]string{"reprints": "true"}, "upload.md:6: reprints: expected a list, such as [a, b], not true or false (true)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, err := ParseArticle("upload.md", []byte(corpusFile(tt.over, testBody)))
			msg := ErrorMessage(err)
			if ErrorCode(err) != EINVALID || !strings.Contains(msg, tt.want) {
				t.Fatalf("error %q, want %q", msg, tt.want)
			}
			for _, internal := range []string{"!!", "unmarshal", "[]string", "knowledge."} {
				if strings.Contains(msg, internal) {
					t.Errorf("message %q shows %q", msg, internal)
				}
			}
		})
	}
}

// TestCorpusFileErrors checks issue 10's second failure at its root: a
// corpus file that does not parse gets one error with the file, the line,
// the field, what is wrong and what is expected, saying nothing twice and
// blaming a date that is not on the calendar for that, not for its form.
func TestCorpusFileErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string // the whole message
	}{
		{"date with one-digit month", corpusFile(map[string]string{"published": `"2024-5-14"`}, testBody),
			`note.md:5: published: "2024-5-14" is not written YYYY-MM-DD; write 2024-05-14`},
		{"February 30", corpusFile(map[string]string{"published": "2024-02-30"}, testBody),
			"note.md:5: published: 2024-02-30 is not a real date: February 2024 has 29 days"},
		{"month 13", corpusFile(map[string]string{"published": "2019-13-01"}, testBody),
			"note.md:5: published: 2019-13-01 is not a real date: there is no month 13"},
		{"not a date", corpusFile(map[string]string{"published": "yesterday"}, testBody),
			`note.md:5: published: "yesterday" is not a date; write it as YYYY-MM-DD, such as 2019-12-16`},
		{"misspelt field", corpusFile(map[string]string{"publishr": "Kyodo"}, testBody),
			"note.md:6: publishr: is not a field of corpus files; did you mean publisher?"},
		{"unknown field", corpusFile(map[string]string{"colour": "red"}, testBody),
			"note.md:6: colour: is not a field of corpus files, which are: id, title, publisher, published, url, " +
				"dateline, byline, language, kind, topics, scope, added_by, added_at, reprints, related, sources, events"},
		{"misspelt event field", corpusFile(map[string]string{"events": "\n  - dat: 2019-12-15\n    event: x\n    topic: talks"}, testBody),
			"note.md:7: dat: is not a field of events; did you mean date?"},
		{"event date not real", corpusFile(map[string]string{"events": "\n  - event: x\n    topic: talks\n    date: 2019-04-31"}, testBody),
			"note.md:9: events[0].date: 2019-04-31 is not a real date: April 2019 has 30 days"},
		{"second event's topic", corpusFile(map[string]string{"events": "\n  - {date: 2019-12-15, event: x, topic: talks}\n  - {date: 2019-12-16, event: y, topic: weather}"}, testBody),
			`note.md:8: events[1].topic: unknown topic "weather": choose one of talks, labor-ruling, export-controls, north-korea, other`},
		{"twice the same field", "---\nid: a\ntitle: T\ntitle: U\npublisher: P\npublished: 2019-12-16\n---\nx\n",
			`note.md:4: title: "title" appears twice (first on line 3); keep one`},
		{"missing publisher", corpusFile(map[string]string{"publisher": ""}, testBody),
			"note.md: publisher: is required, and missing: every corpus file needs id, title, publisher and published in its front matter"},
		{"blank title", corpusFile(map[string]string{"title": `""`}, testBody),
			"note.md:3: title: is required"},
		{"no text", corpusFile(nil, "# Only a heading\n"), "note.md:7: body: has no text"},
		{"bad YAML", "---\nid: a\ntitle: \"T\npublisher: P\n---\nx\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseArticle("note.md", []byte(tt.data))
			if err == nil {
				t.Fatal("no error")
			}
			msg := ErrorMessage(err)
			if tt.want != "" && msg != tt.want {
				t.Errorf("got  %s\nwant %s", msg, tt.want)
			}
			if err.Error() != msg {
				t.Errorf("the error for logs says more than the message: %s", err)
			}
			words := strings.Fields(msg)
			for n := 4; n <= len(words)/2; n++ {
				for i := 0; i+n <= len(words); i++ {
					if phrase := strings.Join(words[i:i+n], " "); strings.Count(msg, phrase) > 1 {
						t.Fatalf("%q is said twice in %s", phrase, msg)
					}
				}
			}
		})
	}
}
