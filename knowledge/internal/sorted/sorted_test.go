package sorted

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	const tab = "apple\tred\nbanana\tyellow|green\ncherry\nplum\tpurple"
	for _, tt := range []struct {
		key, want string
		ok        bool
	}{
		{"apple", "red", true}, {"banana", "yellow|green", true}, {"cherry", "", true}, {"plum", "purple", true},
		{"apricot", "", false}, {"", "", false}, {"app", "", false}, {"zebra", "", false}, {"a\tb", "", false},
	} {
		if got, ok := Lookup(tab, tt.key); got != tt.want || ok != tt.ok {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.key, got, ok, tt.want, tt.ok)
		}
	}
}

func TestHasPrefix(t *testing.T) {
	const tab = "apple\tred\nbanana\tyellow|green\ncherry\nplum\tpurple"
	for _, tt := range []struct {
		prefix string
		want   bool
	}{
		{"a", true}, {"app", true}, {"apple", true}, {"ban", true}, {"cherry", true}, {"pl", true}, {"plum", true},
		{"apples", false}, {"b", true}, {"bb", false}, {"c", true}, {"d", false}, {"zebra", false}, {"", false}, {"a\tb", false}, {"0", false},
	} {
		if got := HasPrefix(tab, tt.prefix); got != tt.want {
			t.Errorf("HasPrefix(%q) = %v, want %v", tt.prefix, got, tt.want)
		}
	}
}

func TestUnsorted(t *testing.T) {
	for table, want := range map[string]string{
		"a\tx\nb\ty\nc\n": "", "a\nc\nb": "b", "a\na": "a", "": "",
	} {
		if got := Unsorted(table); got != want {
			t.Errorf("Unsorted(%q) = %q, want %q", table, got, want)
		}
	}
}

func FuzzLookup(f *testing.F) {
	const tab = "apple\tred\nbanana\tyellow\ncherry\tred"
	for _, s := range []string{"apple", "", "\n", "zzz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		if rest, ok := Lookup(tab, key); ok && rest == "" {
			t.Fatalf("Lookup(%q) found an empty rest", key)
		}
	})
}

// FuzzHasPrefix: HasPrefix agrees with a scan of the table's keys.
func FuzzHasPrefix(f *testing.F) {
	const tab = "apple\tred\nbanana\tyellow\ncherry\tred\nplum"
	for _, s := range []string{"a", "ap", "", "\n", "zzz", "plu"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, prefix string) {
		want := false
		for _, k := range []string{"apple", "banana", "cherry", "plum"} {
			if prefix != "" && !strings.ContainsAny(prefix, "\t\n") && strings.HasPrefix(k, prefix) {
				want = true
			}
		}
		if got := HasPrefix(tab, prefix); got != want {
			t.Fatalf("HasPrefix(%q) = %v, want %v", prefix, got, want)
		}
	})
}
