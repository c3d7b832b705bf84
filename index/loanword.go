package index

import "strings"

// Korean and Japanese write an English word they borrow as it sounds,
// with vowels of their own between its consonants: Triennale is
// トリエンナーレ (torienāre) and 트리엔날레 (teurienalle), centre is センター
// and 센터, UNESCO ユネスコ and 유네스코. A dictionary lists few of the
// names and terms an article brings; the consonants tell them. A question's
// word in katakana, or in Hangul that is no Sino-Korean word, is compared
// by its consonants with the English words of the corpus.

// minSkeleton is the fewest consonants a loanword is matched by: with two
// ("swap": s, p) too many English words share them.
const minSkeleton = 4

// maxLoanwords bounds the English words a loanword may stand for.
const maxLoanwords = 2

// skeleton returns the consonants of a word in Latin letters, as sound
// classes that English, Japanese and Korean spellings of one word share:
// p, b, f and v are one; t and d; k, g, q and a hard c; s, z, j, ch, sh
// and a soft c; l and r (Japanese and Korean have one sound for both);
// m; n. Vowels, h, w and y are left out, and a class repeated is one
// (センター's tt, 트리엔날레's ll).
func skeleton(word string) string {
	w := strings.ToLower(word)
	for _, r := range [][2]string{{"ph", "f"}, {"th", "t"}, {"sh", "s"}, {"ch", "s"}, {"ts", "s"}, {"ck", "k"}, {"qu", "k"}, {"x", "ks"}} {
		w = strings.ReplaceAll(w, r[0], r[1])
	}
	var b strings.Builder
	last := byte(0)
	for i := 0; i < len(w); i++ {
		var c byte
		switch w[i] {
		case 'p', 'b', 'f', 'v':
			c = 'p'
		case 't', 'd':
			c = 't'
		case 'k', 'g', 'q':
			c = 'k'
		case 'c':
			c = 'k'
			if i+1 < len(w) && strings.IndexByte("eiy", w[i+1]) >= 0 {
				c = 's'
			}
		case 's', 'z', 'j':
			c = 's'
		case 'l', 'r':
			c = 'r'
		case 'm':
			c = 'm'
		case 'n':
			c = 'n'
		default:
			if w[i] >= 0x80 {
				return "" // not Latin letters
			}
			continue
		}
		if c != last {
			b.WriteByte(c)
			last = c
		}
	}
	return b.String()
}

// loanwords returns the English terms of the corpus whose consonants are
// skel, or skel and a final r that the borrowing dropped (centre: センター),
// the commonest first; nothing for a skeleton under minSkeleton.
func (s *snapshotStats) loanwords(skel string) []string {
	if len(skel) < minSkeleton {
		return nil
	}
	return s.remember("\x03"+skel, func() []string {
		var cands []termCount
		d, err := s.r.FieldDict(fieldBody)
		if err != nil {
			return nil
		}
		defer d.Close()
		for {
			e, err := d.Next()
			if err != nil || e == nil {
				break
			}
			if len(e.Term) < 4 {
				continue
			}
			if k := skeleton(e.Term); k == skel || k == skel+"r" {
				cands = append(cands, termCount{e.Term, e.Count})
			}
		}
		return commonest(cands, maxLoanwords)
	})
}
