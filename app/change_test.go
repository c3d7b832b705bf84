package app

import (
	"strings"
	"testing"
	"time"

	"github.com/disputebot/disputebot/knowledge"
)

// TestComplete checks the rules of adding an article, which every way in
// (a link, a file, the form, the command line, an import) goes through.
func TestComplete(t *testing.T) {
	t.Parallel()
	member := knowledge.Actor{ID: "1500000000000000002", Name: "Mina", Guild: "1500000000000000001"}
	published := time.Date(2024, 5, 21, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name                     string
		by                       knowledge.Actor
		imported                 bool
		scope                    string // the article's own
		publisher                string
		wantScope, wantPublisher string
	}{
		{"a member adds to their server", member, false, "", "", member.Guild, "Added by Mina"},
		{"whatever the article says", member, false, knowledge.Global, "Kyodo", member.Guild, "Kyodo"},
		{"even when imported", member, true, "1700000000000000001", "Kyodo", member.Guild, "Kyodo"},
		{"the operator adds for every server", Operator(""), false, "", "", knowledge.Global, "Added on the command line"},
		{"whatever the file says", Operator(""), false, "1700000000000000001", "Kyodo", knowledge.Global, "Kyodo"},
		{"or for the server --guild names", Operator("1600000000000000001"), false, "", "", "1600000000000000001", "Added on the command line"},
		{"an import keeps its record's scope", Operator(""), true, "1700000000000000001", "Kyodo", "1700000000000000001", "Kyodo"},
		{"or is global", Operator(""), true, "", "Kyodo", knowledge.Global, "Kyodo"},
		{"unless --guild names a server", Operator("1600000000000000001"), true, "1700000000000000001", "Kyodo", "1600000000000000001", "Kyodo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &knowledge.Article{Scope: tt.scope, Publisher: tt.publisher, Published: published}
			complete(a, tt.by, tt.imported)
			if a.Scope != tt.wantScope || a.Publisher != tt.wantPublisher || !a.Published.Equal(published) {
				t.Errorf("scope %q, publisher %q, published %v; want %q, %q, %v",
					a.Scope, a.Publisher, a.Published, tt.wantScope, tt.wantPublisher, published)
			}
		})
	}
	t.Run("without a date it is today's", func(t *testing.T) {
		a := &knowledge.Article{}
		complete(a, member, false)
		if y, m, d := time.Now().UTC().Date(); a.Published != time.Date(y, m, d, 0, 0, 0, 0, time.UTC) {
			t.Errorf("published %v, want today", a.Published)
		}
	})
}

// TestCheckImport: an import is checked as it will be added, so that it is
// all or nothing.
func TestCheckImport(t *testing.T) {
	t.Parallel()
	good := func() *knowledge.Article {
		return &knowledge.Article{Title: "Talks resume", Kind: knowledge.KindArticle,
			Body: []knowledge.Paragraph{{Text: "Japan and South Korea resumed talks in Seoul."}}}
	}
	badScope := good()
	badScope.Scope = "not-a-server"
	badURL := good()
	badURL.URL = "javascript:alert(1)"
	items := []ImportItem{{good(), "a.jsonl:1"}, {badScope, "a.jsonl:2"}, {badURL, "a.jsonl:3"}}

	bad := CheckImport(items, Operator(""))
	if len(bad) != 2 || !strings.HasPrefix(bad[0], "a.jsonl:2: scope") || !strings.HasPrefix(bad[1], "a.jsonl:3: url") {
		t.Errorf("CheckImport = %q, want the scope of line 2 and the url of line 3", bad)
	}
	// With --guild, the record's scope is replaced, and so no longer wrong.
	if bad := CheckImport(items[:2], Operator("1600000000000000001")); len(bad) != 0 {
		t.Errorf("CheckImport with --guild = %q, want nothing", bad)
	}
	if items[1].Article.Scope != "not-a-server" {
		t.Errorf("CheckImport changed the item: scope %q", items[1].Article.Scope)
	}
}
