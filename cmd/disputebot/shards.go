package main

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// maxShard bounds shard ids and counts: far beyond any bot's (Discord
// recommends one shard per 1,000 servers), and small enough that a typo
// cannot make the process start a million sessions.
const maxShard = 4096

// parseShards reads SHARDS: shard ids and ranges separated by commas, such
// as "0-3" or "0,2,5-7", into sorted ids without repeats.
func parseShards(spec string) ([]int, error) {
	var ids []int
	for part := range strings.SplitSeq(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			return nil, errors.New("an empty item in the list")
		}
		lo, hi, isRange := strings.Cut(part, "-")
		first, err := shardID(lo)
		if err != nil {
			return nil, err
		}
		last := first
		if isRange {
			if last, err = shardID(hi); err != nil {
				return nil, err
			}
			if last < first {
				return nil, fmt.Errorf("the range %d-%d runs backwards", first, last)
			}
		}
		for id := first; id <= last; id++ {
			ids = append(ids, id)
		}
		if len(ids) > maxShard {
			return nil, fmt.Errorf("more than %d shards", maxShard)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// shardID reads one shard id: decimal digits only, below maxShard.
func shardID(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.Trim(s, "0123456789") != "" || len(s) > 4 {
		return 0, errors.New("a shard id is a number such as 0 or 12")
	}
	n, _ := strconv.Atoi(s)
	if n >= maxShard {
		return 0, fmt.Errorf("a shard id is below %d", maxShard)
	}
	return n, nil
}
