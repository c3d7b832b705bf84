package knowledge

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefaultCorpus(t *testing.T) {
	arts, err := DefaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	files, err := fs.Glob(defaultCorpus, "corpus/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != len(files) || len(arts) == 0 {
		t.Fatalf("%d articles from %d files", len(arts), len(files))
	}
	ids := map[string]bool{}
	for i, a := range arts {
		if ids[a.ID] {
			t.Errorf("id %q is used twice", a.ID)
		}
		ids[a.ID] = true
		if i > 0 && arts[i-1].ID >= a.ID {
			t.Errorf("articles not sorted by id: %q before %q", arts[i-1].ID, a.ID)
		}
		if err := a.Validate(); err != nil {
			t.Errorf("%s: %v", a.ID, err)
		}
		if !a.IsGlobal() {
			t.Errorf("%s: built-in articles must be global, scope is %q", a.ID, a.Scope)
		}
		if len(a.Topics) == 0 {
			t.Errorf("%s: no topics", a.ID)
		}
	}
	if !ids["kyodo-2019-12-16-madrid"] {
		t.Errorf("the Kyodo article is missing")
	}
}

func TestDefaultCorpusNotes(t *testing.T) {
	arts, err := DefaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if a.Kind != KindNote {
			continue
		}
		t.Run(a.ID, func(t *testing.T) {
			if len(a.Sources) == 0 {
				t.Fatalf("a note needs at least one source")
			}
			urls := map[string]bool{}
			for _, s := range a.Sources {
				urls[s.URL] = true
			}
			for i, e := range a.Events {
				if !urls[e.Source.URL] {
					t.Errorf("events[%d] (%s) cites %q, which is not among the sources", i, e.Text, e.Source.URL)
				}
				if e.Source.Title == "" {
					t.Errorf("events[%d] (%s) has no source title", i, e.Text)
				}
			}
		})
	}
}

func TestLoadCorpus(t *testing.T) {
	file := func(id string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(corpusFile(map[string]string{"id": id}, testBody))}
	}
	tests := []struct {
		name    string
		fsys    fstest.MapFS
		wantIDs []string
		wantErr []string
	}{
		{
			name:    "sorted by id, other files skipped",
			wantIDs: []string{"a", "b", "c"},
			fsys: fstest.MapFS{
				"z.md": file("a"), "y.md": file("c"), "x.md": file("b"),
				"README.txt": {Data: []byte("not an article")}, ".hidden.md": {Data: []byte("junk")},
				"sub/d.md": file("d"), "notes.md.bak": {Data: []byte("junk")},
			},
		},
		{name: "empty", fsys: fstest.MapFS{}},
		{
			name:    "duplicate ids",
			fsys:    fstest.MapFS{"one.md": file("same"), "two.md": file("same")},
			wantErr: []string{"two.md", `id: "same" is already the id of one.md`},
		},
		{
			name:    "bad file is named",
			fsys:    fstest.MapFS{"good.md": file("good"), "bad.md": {Data: []byte(corpusFile(map[string]string{"published": "yesterday"}, testBody))}},
			wantErr: []string{"bad.md:5: published"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := LoadCorpus(tt.fsys)
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("LoadCorpus succeeded, want an error")
				}
				if ErrorCode(err) != EINVALID {
					t.Errorf("code %q, want %q", ErrorCode(err), EINVALID)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(ErrorMessage(err), w) {
						t.Errorf("error %q does not contain %q", ErrorMessage(err), w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, a := range arts {
				ids = append(ids, a.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.wantIDs, ",") {
				t.Errorf("ids %v, want %v", ids, tt.wantIDs)
			}
		})
	}
}

func TestLoadCorpusDirectory(t *testing.T) {
	dir := t.TempDir()
	// A missing directory is an error, not an empty corpus.
	if _, err := LoadCorpus(dirFS(dir + "/missing")); err == nil {
		t.Errorf("LoadCorpus of a missing directory succeeded")
	}
	if err := WriteFileAtomic(dir+"/a.md", []byte(corpusFile(map[string]string{"id": "from-disk"}, testBody))); err != nil {
		t.Fatal(err)
	}
	arts, err := LoadCorpus(dirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].ID != "from-disk" {
		t.Errorf("got %v", arts)
	}
}
