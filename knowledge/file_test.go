package knowledge

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func dirFS(dir string) fs.FS { return os.DirFS(dir) }

func TestWriteFileAtomic(t *testing.T) {
	tests := []struct {
		name     string
		existing *string     // content before, nil for none
		mode     fs.FileMode // mode of the existing file
		data     string      // written
		wantMode fs.FileMode // mode after
	}{
		{name: "new file", data: "hello\n", wantMode: 0o644},
		{name: "empty file", data: "", wantMode: 0o644},
		{name: "replace", existing: ptr("old content that is longer\n"), mode: 0o644, data: "new\n", wantMode: 0o644},
		{name: "replace keeps a private mode", existing: ptr("secret"), mode: 0o600, data: "still secret", wantMode: 0o600},
		{name: "replace keeps a group mode", existing: ptr("x"), mode: 0o664, data: "y", wantMode: 0o664},
		{name: "binary", data: "\x00\xff\n", wantMode: 0o644},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "article.md")
			if tt.existing != nil {
				if err := os.WriteFile(path, []byte(*tt.existing), tt.mode); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(path, tt.mode); err != nil {
					t.Fatal(err)
				}
			}
			dirBefore, err := os.Stat(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := WriteFileAtomic(path, []byte(tt.data)); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.data {
				t.Errorf("content %q, want %q", got, tt.data)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 || entries[0].Name() != "article.md" {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("directory holds %v, want only article.md (no temporary files)", names)
			}
			st, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if !st.Mode().IsRegular() {
				t.Errorf("%s is not a regular file: %v", path, st.Mode())
			}
			if runtime.GOOS != "windows" {
				// The umask may take bits away from a new file's mode, never add.
				want := tt.wantMode
				if tt.existing == nil {
					want = tt.wantMode &^ umask(t)
				}
				if st.Mode().Perm() != want {
					t.Errorf("file mode %v, want %v", st.Mode().Perm(), want)
				}
			}
			dirAfter, err := os.Stat(dir)
			if err != nil {
				t.Fatal(err)
			}
			if dirAfter.Mode() != dirBefore.Mode() {
				t.Errorf("directory mode changed from %v to %v", dirBefore.Mode(), dirAfter.Mode())
			}
		})
	}
}

// umask finds the process umask by creating a file with mode 0666.
func umask(t *testing.T) fs.FileMode {
	t.Helper()
	p := filepath.Join(t.TempDir(), "probe")
	if err := os.WriteFile(p, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return 0o666 &^ st.Mode().Perm()
}

func TestWriteFileAtomicErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		path string
		want string
	}{
		{"missing directory", filepath.Join(dir, "no", "such", "dir", "a.md"), "write "},
		{"path is a directory", dir, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := WriteFileAtomic(tt.path, []byte("x"))
			if err == nil {
				t.Fatalf("WriteFileAtomic(%q) succeeded", tt.path)
			}
			if !strings.Contains(err.Error(), tt.path) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q should name %q", err, tt.path)
			}
			if ErrorCode(err) != EINTERNAL {
				t.Errorf("code %q, want %q", ErrorCode(err), EINTERNAL)
			}
		})
	}
	// Nothing is left behind by the failures.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func ptr[T any](v T) *T { return &v }
