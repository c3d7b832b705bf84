package app

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/disputebot/disputebot/knowledge"
)

// backupArticle is the n-th article a writer adds.
func backupArticle(n int) *knowledge.Article {
	// Zero-padded wide enough that the store's order by id is the order
	// of writing: a fast writer passed article 999 in the last round, and
	// "round-1000" sorted before "round-101".
	tag := fmt.Sprintf("round-%06d", n)
	return &knowledge.Article{
		ID:    "backup-" + tag,
		Title: "Japan and South Korea hold " + tag + " of talks", Publisher: "Example News",
		URL:       "https://news.example.com/2024/05/" + tag,
		Published: time.Date(2024, 5, 21, 0, 0, 0, 0, time.UTC), Kind: knowledge.KindArticle, Language: "en",
		Body: []knowledge.Paragraph{{Text: "Diplomats of Japan and South Korea held the " + tag + " of talks in Seoul."}},
	}
}

// TestBackupDuringWrites takes backups while a writer adds articles one
// after another, as /corpus add and `corpus add` do, and restores each: a
// restored corpus must be the writer's first k articles, each exactly as
// written, with their k audit lines, where k is at least what was
// acknowledged when the backup started and at most what was when it
// ended (plus the one in flight).
func TestBackupDuringWrites(t *testing.T) {
	dir := t.TempDir()
	store, err := knowledge.OpenStore(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	acked := 0
	stop := make(chan struct{})
	var writing sync.WaitGroup
	writing.Go(func() {
		for n := 0; ; n++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := store.Add(backupArticle(n), knowledge.Actor{ID: "tester"}, "test"); err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			acked = n + 1
			mu.Unlock()
		}
	})
	ackedNow := func() int { mu.Lock(); defer mu.Unlock(); return acked }

	for round := range 5 {
		time.Sleep(20 * time.Millisecond)
		before := ackedNow()
		var buf bytes.Buffer
		info, err := Backup(dir, &buf, "test")
		if err != nil {
			t.Fatal(err)
		}
		after := ackedNow()

		restored := t.TempDir()
		if _, err := Restore(restored, bytes.NewReader(buf.Bytes())); err != nil {
			t.Fatal(err)
		}
		rs, err := knowledge.OpenStoreReadOnly(restored, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := rs.All()
		k := len(got)
		if k < before || k > after+1 {
			t.Fatalf("round %d: restored %d articles; %d were acknowledged when the backup started, %d when it ended", round, k, before, after)
		}
		for n, a := range got {
			want, _ := knowledge.FormatArticle(mustGet(t, store, backupArticle(n).ID))
			have, _ := knowledge.FormatArticle(a)
			if a.ID != backupArticle(n).ID || !bytes.Equal(have, want) {
				t.Fatalf("round %d: restored article %d is %s, not as written", round, n, a.ID)
			}
		}
		audit, _ := os.ReadFile(filepath.Join(restored, "audit.log"))
		if lines := strings.Count(string(audit), "\n"); lines != k {
			t.Errorf("round %d: %d audit lines for %d articles", round, lines, k)
		}
		t.Logf("round %d: %d files, %d articles (acknowledged %d..%d)", round, info.Files, k, before, after)
	}
	close(stop)
	writing.Wait()
}

func mustGet(t *testing.T, s *knowledge.Store, id string) *knowledge.Article {
	t.Helper()
	a, ok := s.Get(id)
	if !ok {
		t.Fatalf("%s is not in the store", id)
	}
	return a
}

// archive builds a gzipped tar of entries (name, content), for Restore.
func archive(t *testing.T, entries ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for _, e := range entries {
		if err := tw.WriteHeader(&tar.Header{Name: e[0], Mode: 0o644, Size: int64(len(e[1])), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(e[1]))
	}
	tw.Close()
	zw.Close()
	return buf.Bytes()
}

// TestRestoreRefuses: Restore writes nothing outside DATA_DIR, nothing
// over a corpus, and nothing from an archive that is not a backup.
func TestRestoreRefuses(t *testing.T) {
	manifest := [2]string{backupManifest, `{"format":1}`}
	for _, tt := range []struct {
		name string
		data []byte
		full bool // DATA_DIR already holds a file
	}{
		{"not gzip", []byte("hello"), false},
		{"no manifest", archive(t, [2]string{"corpus/a.md", "x"}), false},
		{"unknown format", archive(t, [2]string{backupManifest, `{"format":9}`}), false},
		{"parent directory", archive(t, manifest, [2]string{"../evil", "x"}), false},
		{"absolute path", archive(t, manifest, [2]string{"/tmp/evil", "x"}), false},
		{"the index", archive(t, manifest, [2]string{"index/CURRENT", "x"}), false},
		{"over a corpus", archive(t, manifest, [2]string{"corpus/a.md", "x"}), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "data")
			if tt.full {
				os.MkdirAll(filepath.Join(dir, "corpus"), 0o755)
				os.WriteFile(filepath.Join(dir, "corpus", "old.md"), []byte("old"), 0o644)
			}
			if _, err := Restore(dir, bytes.NewReader(tt.data)); err == nil {
				t.Fatal("restored")
			}
			if _, err := os.Stat(filepath.Join(parent, "evil")); err == nil {
				t.Error("wrote outside DATA_DIR")
			}
		})
	}
}
