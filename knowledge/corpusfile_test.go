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
		{map[string]string{"topics": "5"}, "topics: line 6: expected a list, such as [a, b], not a number (5)"},
		{map[string]string{"title": "[a, b]"}, "title: line 3: expected text, not a list"},
		{map[string]string{"title": "{x: 1}"}, "title: line 3: expected text, not a set of fields"},
		{map[string]string{"events": "soon"}, "events: line 6: expected a list, such as [a, b], not text (soon)"},
		{map[string]string{"reprints": "true"}, "reprints: line 6: expected a list, such as [a, b], not true or false (true)"},
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
