package main

import (
	"slices"
	"testing"
)

func TestParseShards(t *testing.T) {
	for _, tt := range []struct {
		spec string
		want []int // nil: an error
	}{
		{"0", []int{0}},
		{"0-3", []int{0, 1, 2, 3}},
		{"1-2", []int{1, 2}},
		{"0,2,5-7", []int{0, 2, 5, 6, 7}},
		{" 3 , 1 ", []int{1, 3}},
		{"1,1,0-1", []int{0, 1}},
		{"4095", []int{4095}},
		{"", nil},
		{"0,", nil},
		{"3-1", nil},
		{"-1", nil},
		{"1-", nil},
		{"a", nil},
		{"1.5", nil},
		{"+1", nil},
		{"4096", nil},
		{"0-99999", nil},
		{"0-1-2", nil},
	} {
		got, err := parseShards(tt.spec)
		if tt.want == nil {
			if err == nil {
				t.Errorf("parseShards(%q) = %v, want an error", tt.spec, got)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("parseShards(%q) = %v, %v; want %v", tt.spec, got, err, tt.want)
		}
	}
}

// FuzzParseShards: any spec gives sorted, distinct ids in [0, maxShard),
// or an error, and never panics.
func FuzzParseShards(f *testing.F) {
	for _, s := range []string{"0", "0-3", "0,2,5-7", "", "3-1", "1,,2", "4095", "0-4095", " 1 - 2 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		ids, err := parseShards(spec)
		if err != nil {
			return
		}
		if len(ids) == 0 || len(ids) > maxShard {
			t.Fatalf("%q: %d ids", spec, len(ids))
		}
		for i, id := range ids {
			if id < 0 || id >= maxShard || i > 0 && id <= ids[i-1] {
				t.Fatalf("%q: ids %v", spec, ids)
			}
		}
	})
}
