package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportDirectoryOfSavedPages: a self-hoster who saved a few pages and
// notes into a folder imports them all with one command, as corpus add
// would read each, and is told which files were passed over.
func TestImportDirectoryOfSavedPages(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"hotline.html": `<!doctype html><html lang="en"><head><title>Coast guards open a Genkai Sea hotline</title>
<meta property="article:published_time" content="2025-03-02T09:00:00Z"></head><body><article>
<h1>Coast guards open a Genkai Sea hotline</h1>
<p>The coast guards of Japan and South Korea opened a telephone hotline across the Genkai Sea on Sunday, so that patrol boats can warn each other of drifting fishing vessels.</p>
<p>Officials said the line would be tested every week and staffed around the clock by duty officers in Fukuoka and Busan.</p>
<p>The agreement was signed by the two agencies' deputy commissioners after a year of talks, and follows several cases in which boats from both countries drifted into the other's waters during winter storms.</p>
</article></body></html>`,
		"ferry.txt": "Ferry service between Busan and Tsushima resumes\n\nThe ferry between Busan and the island of Tsushima resumed daily sailings in March after a three-year pause, carrying mostly day-trippers from South Korea.\n\nLocal shops in Izuhara said the return of visitors doubled their weekend takings.\n\nThe operator plans a second sailing on Saturdays from May, and the city of Tsushima has asked Tokyo for money to repair the pier at Hitakatsu, which was damaged by a typhoon in 2022.\n",
		"notes.md":  "# Kimchi exports to Japan hit a record\n\nSouth Korean kimchi exports to Japan reached a record value last year, the agriculture ministry in Sejong said, driven by convenience-store sales.\n\nShipments rose by a fifth in value, and Japan took more than half of all the kimchi the country sold abroad. Makers in Gwangju said demand for milder recipes made for Japanese tastes had grown fastest, and several now run factories that make nothing else.\n",
		"photo.png": "\x89PNG\r\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data := t.TempDir()
	code, stdout, stderr := run(t, data, "corpus", "import", src)
	if code != 0 {
		t.Fatalf("corpus import: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "3 added, 0 skipped") {
		t.Errorf("stdout = %q, want the three articles added", stdout)
	}
	if !strings.Contains(stderr, "passed over "+filepath.Join(src, "photo.png")) {
		t.Errorf("stderr = %q, want the picture named as passed over", stderr)
	}
	for _, q := range []string{"when did the genkai sea hotline open", "tsushima ferry back?", "kimchi exports japan record"} {
		code, out, errOut := run(t, data, "ask", q)
		if code != 0 || strings.Contains(strings.ToLower(out), "not covered") {
			t.Errorf("ask %q: exit %d\n%s%s", q, code, out, errOut)
		}
	}
}
