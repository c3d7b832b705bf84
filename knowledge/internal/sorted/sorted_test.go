package sorted

import "testing"

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
