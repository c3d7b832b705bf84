package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disputebot/disputebot/app"
)

// TestNewcomerMessages checks issue 10's seventh failure: each message of
// the list now tells a newcomer what is wrong and what to do.
func TestNewcomerMessages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	long := strings.Repeat("Seoul and Tokyo met again to talk about the labor ruling and compensation. ", 10)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // in stdout
		stderr string // all of stderr
	}{
		{"empty text file", []string{"corpus", "add", file("empty.txt", "")}, exitUsage, "",
			"disputebot: empty.txt is empty\n"},
		{"short text file", []string{"corpus", "add", file("short.txt", "A title\n\nOnly a few words here.")}, exitUsage, "",
			"disputebot: short.txt has only 5 words of text below its title, and an article needs at least 60; add the rest of the article\n"},
		{"misspelt field", []string{"corpus", "add", file("typo.md", "---\ntitle: T\npublishr: Kyodo\npublished: 2024-05-14\n---\n"+long)}, exitUsage, "",
			"disputebot: typo.md:3: publishr: is not a field of corpus files; did you mean publisher?\n"},
		{"a directory to add", []string{"corpus", "add", dir}, exitUsage, "",
			"disputebot: " + dir + " is a directory; to add every file in it, run: disputebot corpus import " + dir + "\n"},
		{"remove what is not there", []string{"corpus", "remove", "nope"}, exitUsage, "",
			"disputebot: no added article has the id \"nope\"; 'disputebot corpus list' shows the ids\n"},
		// The front matter's topics count: an article declared "other"
		// is found by --topic other, whatever its text is classified as.
		{"topics the text is not about", []string{"corpus", "add", file("other.md", "---\ntitle: T\npublisher: P\npublished: 2024-05-14\ntopics: [other]\n---\n"+long)}, exitOK,
			"(2024-05-14, 1 passages, other)", ""},
		{"topics only some passages are about", []string{"corpus", "add", file("two.md", "---\ntitle: T\npublisher: P\npublished: 2024-05-14\ntopics: [labor-ruling, talks]\n---\n"+long)}, exitOK,
			"note: no passage of it is about talks, which its front matter lists: each passage keeps the listed topics its text is about (labor-ruling here)", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || tt.stderr != "" && stderr != tt.stderr {
				t.Errorf("exit %d, want %d\nstdout %s\nstderr %s\nwant   %s", code, tt.code, stdout, stderr, tt.stderr)
			}
		})
	}
}

// TestImportAllOrNothing checks the import part of issue 10's seventh
// failure: an import with bad lines reports every one as FILE:LINE: what is
// wrong, and writes nothing, so that it can be fixed and run again; a
// clean one adds everything.
func TestImportAllOrNothing(t *testing.T) {
	t.Parallel()
	dataDir := t.TempDir()
	rec := func(id, text string) string {
		return `{"id":"` + id + `","title":"Title of ` + id + `","publisher":"P","published":"2024-05-14","kind":"article",` +
			`"scope":"global","body":[{"text":"` + strings.Repeat(text+" ", 20) + `"}]}`
	}
	good1 := rec("first", "Seoul and Tokyo agreed on a new ferry schedule.")
	good2 := rec("second", "The export controls on three chemicals were lifted in 2023.")
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	badData := strings.Join([]string{
		good1,
		`{"id": "x", nope}`,
		``,
		strings.Replace(good2, `"published":"`, `"published":"20`, 1), // "202024-05-14"
		`{"id": "y", "title": 5}`,
		`{"id": "z", "titel": "T"}`,
	}, "\n")
	if err := os.WriteFile(bad, []byte(badData), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, dataDir, "corpus", "import", bad)
	wantLines := []string{
		bad + `:2: not valid JSON at character 13 (invalid character 'n' looking for beginning of object key string); each line must be one JSON object, as 'disputebot corpus export' writes them`,
		bad + `:4: published: "20`,
		bad + `:5: title: expected text, not a JSON number`,
		bad + `:6: "titel" is not a field of an exported article; the fields are those 'disputebot corpus export' writes`,
		`disputebot: nothing was imported: 4 of 5 records or files have a mistake (listed above); fix them and import again`,
	}
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	got := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(got) != len(wantLines) {
		t.Fatalf("stderr:\n%s\nwant %d lines", stderr, len(wantLines))
	}
	for i, w := range wantLines {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("line %d:\n%s\nwant it to start with\n%s", i+1, got[i], w)
		}
	}
	if stdout != "" {
		t.Errorf("stdout: %s", stdout)
	}
	if entries, _ := os.ReadDir(filepath.Join(dataDir, "corpus")); len(entries) != 0 {
		t.Errorf("a failed import wrote %d corpus files", len(entries))
	}
	if _, err := os.Stat(filepath.Join(dataDir, "audit.log")); err == nil {
		t.Errorf("a failed import wrote the audit log")
	}

	// Fixed, it adds both.
	good := filepath.Join(dir, "good.jsonl")
	if err := os.WriteFile(good, []byte(good1+"\n"+good2+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = run(t, dataDir, "corpus", "import", good)
	if code != exitOK || !strings.Contains(stdout, "2 added, 0 skipped") {
		t.Errorf("import: exit %d\n%s%s", code, stdout, stderr)
	}
}

// FuzzParseRecord checks that any line of an import file either gives an
// article that the store would check, or an error in words: never a panic,
// and never Go's names for types.
func FuzzParseRecord(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","title":"T","publisher":"P","published":"2024-05-14","kind":"article","scope":"global","body":[{"text":"x"}]}`,
		`{"id": "x", nope}`, `{"title": 5}`, `{"titel": "T"}`, `[]`, `null`, `{"events":[{"date":"2024-02-30"}]}`,
		`{"published":"2024-5-14"}`, `{"body":"text"}`, `{} {}`, `{"added_at":"yesterday"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		a, err := parseRecord(line)
		if err != nil {
			if strings.HasPrefix(err.Error(), ":") {
				t.Errorf("the message names no field: %s", err)
			}
			for _, internal := range []string{"main.", "knowledge.", "[]", "struct", "json: ", "Go value"} {
				if strings.Contains(err.Error(), internal) {
					t.Errorf("the message shows %q: %s", internal, err)
				}
			}
			return
		}
		if a == nil {
			t.Fatal("no article and no error")
		}
		app.CheckImport([]app.ImportItem{{Article: a, Source: "fuzz.jsonl:1"}}, app.Operator("")) // must not panic
	})
}
