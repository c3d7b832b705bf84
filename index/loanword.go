package index

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge"
	"github.com/disputebot/disputebot/knowledge/dictionary"
	"github.com/disputebot/disputebot/knowledge/lang"
)

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
	skel, _ := sounds(word)
	return skel
}

// sounds returns a word's skeleton (see skeleton) and its vowels: the
// vowels before its first consonant, between each two, and after its
// last, one string per gap (len(skel)+1). A y is the vowel i.
func sounds(word string) (string, []string) {
	w := strings.ToLower(word)
	for _, r := range [][2]string{{"ph", "f"}, {"th", "t"}, {"sh", "s"}, {"ch", "s"}, {"ts", "s"}, {"ck", "k"}, {"qu", "k"}, {"x", "ks"}, {"y", "i"}} {
		w = strings.ReplaceAll(w, r[0], r[1])
	}
	var skel strings.Builder
	vowels := []string{""}
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
			if i+1 < len(w) && strings.IndexByte("ei", w[i+1]) >= 0 {
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
		case 'a', 'e', 'i', 'o', 'u', 1, 2:
			vowels[len(vowels)-1] += w[i : i+1]
			continue
		default:
			if w[i] >= 0x80 {
				return "", nil // not Latin letters
			}
			continue
		}
		if c != last {
			skel.WriteByte(c)
			vowels = append(vowels, "")
			last = c
		}
	}
	return skel.String(), vowels
}

// minLoanSound is the least share of its vowels (see loanSound) by which
// a loanword is the English word its consonants match: セレモニー is
// ceremony, not chairman; ドラゴン dragon, not hydrogen.
const minLoanSound = 0.6

// loanSound returns how well the vowels of a loanword's reading agree
// with an English word of the same consonants, from 0 to 1: the share of
// the gaps between its consonants, and before the first where either has
// a vowel, whose vowels agree; not after the last, where English writes
// a silent e and Japanese adds a vowel to every word. They agree where
// the two write a vowel letter alike or neither writes one, and where the
// loanword's vowel is one that Korean and Japanese add to close a
// syllable (the u of スワップ, the eu of 트리엔날레, the o after t and d
// of ドラゴン) and English has none. They half agree where a vowel English
// spells one way is written as it sounds: the u of bus and tunnel, the o
// of love (バス, トンネル, ラブ), the a of game (ゲーム), and Korean's eo,
// which writes the vowel of many an English syllable (버스, 센터).
func loanSound(reading, english string) float64 {
	v := loanSoundAs(reading, english)
	// Korean and Japanese borrow English without an r closing a
	// syllable: short is ショート and 쇼트, party パーティー and 파티.
	if nr := nonRhotic(english); nr != english {
		v = max(v, loanSoundAs(reading, nr))
	}
	return v
}

// loanSoundAs is loanSound for one spelling of the English word.
func loanSoundAs(reading, english string) float64 {
	sk, lv := sounds(koreanVowels.Replace(reading))
	ek, ev := sounds(english)
	if sk == "" || sk != strings.TrimSuffix(ek, "r") && sk != ek {
		return 0
	}
	// The vowels after the last consonant do not count, nor those before
	// the first where neither word has any.
	first := 0
	if lv[0] == "" && ev[0] == "" {
		first = 1
	}
	if first == len(sk) {
		return 1 // one consonant, no vowel before it: nothing to disagree
	}
	sum := 0.0
	for i := first; i < len(sk); i++ {
		sum += vowelsAgree(lv[i], ev[i], i > 0 && sk[i-1] == 't')
	}
	return sum / float64(len(sk)-first)
}

// koreanVowels writes as one byte each the vowels that romanized Hangul
// spells with two letters and English with none of them: eo and eu. The
// ae of 밸리 (valley) and 캔슬 (cancel) stays two letters, either of
// which English writes.
var koreanVowels = strings.NewReplacer("eo", "\x01", "eu", "\x02")

// vowelsAgree scores a gap of loanSound: l the loanword's vowels there,
// e the English word's, afterT whether a t or d comes before.
func vowelsAgree(l, e string, afterT bool) float64 {
	switch {
	case l == "" && e == "":
		return 1
	case e == "":
		if l == "u" || l == "\x02" || l == "o" && afterT {
			return 1
		}
		return 0
	case l == "":
		return 0
	case strings.ContainsAny(l, e):
		return 1
	case strings.Contains(l, "\x01"),
		(l == "a" || l == "o") && strings.ContainsAny(e, "uo"),
		strings.Contains(l, "e") && e == "a":
		return 0.5
	}
	return 0
}

// loanwords returns the English terms of the corpus that a loanword's
// reading in Latin letters sounds like: those of its consonants (see
// skeleton), or of its consonants and a final r that the borrowing
// dropped (centre: センター), whose vowels agree with it (see loanSound);
// the best agreeing first, then the commonest, limit at most. A skeleton
// under minSkel consonants finds nothing.
func (s *snapshotStats) loanwords(reading string, minSkel, limit int) []string {
	skel := skeleton(reading)
	if len(skel) < minSkel {
		return nil
	}
	return s.remember(fmt.Sprintf("\x03%d\x00%s", limit, reading), func() []string {
		bySkel := s.skeletons()
		type cand struct {
			termCount
			sound float64
		}
		var cands []cand
		for _, k := range []string{skel, skel + "r"} {
			for _, tc := range bySkel[k] {
				if v := loanSound(reading, tc.term); v >= minLoanSound {
					cands = append(cands, cand{tc, v})
				}
			}
		}
		slices.SortFunc(cands, func(a, b cand) int {
			return cmp.Or(cmp.Compare(b.sound, a.sound), cmp.Compare(b.df, a.df), cmp.Compare(a.term, b.term))
		})
		var out []string
		for _, c := range cands[:min(len(cands), limit)] {
			out = append(out, c.term)
		}
		return out
	})
}

// Korean and Japanese write a name of two English words as one word
// (파라다이스시티, Paradise City). Each part sounds like many English words
// of two consonants; the two that the corpus says together are the name.

// maxPartWords bounds the English words each part of a two-word
// loanword is tried as.
const maxPartWords = 256

// maxPartHolders bounds the passages read for each of them: a word said
// in more is too common to be half a name.
const maxPartHolders = 5000

// minPartSound is the least agreement of vowels (see loanSound) by which
// each part of a loanword compound is an English word.
const minPartSound = 0.75

// minLift is how many times more often than by chance the words of a
// name are said together (see loanPair).
const minLift = 10

// loanPair returns the two English words of the corpus that two parts of
// a loanword written as one word sound like (each of the same consonants,
// its vowels agreeing by minPartSound), where the two are said together
// as the words of a name are: the passages holding both, two at least,
// are half at least of those holding the rarer, and minLift times as many
// as would hold both if the two were said independently. Two rare words
// in one passage are no name, nor is a word with one said everywhere
// (money, Korea). Of several such pairs, the one whose vowels agree best,
// then the one said together most; nil for none. The part with fewer
// words is read first, and of the other's only those rare enough to pass
// are read at all.
func (s *snapshotStats) loanPair(left, right string) []string {
	return s.remember("\x05"+left+"\x00"+right, func() []string {
		ls, rs := s.partWords(left), s.partWords(right)
		swapped := len(rs) < len(ls)
		if swapped {
			ls, rs = rs, ls
		}
		n := float64(max(1, s.passages()))
		held := map[string]map[string]bool{}
		holders := func(term string) map[string]bool {
			h, ok := held[term]
			if !ok {
				h = s.holders(term)
				held[term] = h
			}
			return h
		}
		var best []string
		bestSound, bestBoth := 0.0, 0
		for _, a := range ls {
			ha := holders(a.term)
			if len(ha) < 2 {
				continue
			}
			for _, b := range rs {
				if minLift*float64(s.docFreqIn(b.term, fieldBody)) > n {
					continue // too common to be said with a more than by chance
				}
				hb := holders(b.term)
				both := 0
				for id := range hb {
					if ha[id] {
						both++
					}
				}
				chance := float64(len(ha)) * float64(len(hb)) / n
				if both < 2 || 2*both < min(len(ha), len(hb)) || float64(both) < minLift*chance {
					continue
				}
				if v := a.sound + b.sound; v > bestSound || v == bestSound && both > bestBoth {
					best, bestSound, bestBoth = []string{a.term, b.term}, v, both
					if swapped {
						best[0], best[1] = best[1], best[0]
					}
				}
			}
		}
		return best
	})
}

// soundedTerm is an English term and how well a loanword's vowels agree
// with it (see loanSound).
type soundedTerm struct {
	term  string
	sound float64
}

// partWords returns the English terms of the corpus with a part of a
// loanword's consonants exactly (no final r dropped, as a whole word may:
// see loanwords) and its vowels agreeing by minPartSound, the best
// agreeing first: maxPartWords at most.
func (s *snapshotStats) partWords(reading string) []soundedTerm {
	skel := skeleton(reading)
	if len(skel) < 2 {
		return nil
	}
	var out []soundedTerm
	for _, tc := range s.skeletons()[skel] {
		if v := loanSound(reading, tc.term); v >= minPartSound {
			out = append(out, soundedTerm{tc.term, v})
		}
	}
	slices.SortStableFunc(out, func(a, b soundedTerm) int { return cmp.Compare(b.sound, a.sound) })
	return out[:min(len(out), maxPartWords)]
}

// holders returns the passages (by internal id) that hold a term in their
// body; nil where more than maxPartHolders do.
func (s *snapshotStats) holders(term string) map[string]bool {
	tfr, err := s.r.TermFieldReader(context.Background(), []byte(term), fieldBody, false, false, false)
	if err != nil {
		return nil
	}
	defer tfr.Close()
	if tfr.Count() > maxPartHolders {
		return nil
	}
	out := map[string]bool{}
	for doc, err := tfr.Next(nil); err == nil && doc != nil; doc, err = tfr.Next(doc) {
		out[string(doc.ID)] = true
	}
	return out
}

// skeletons returns the English terms of the body by their skeletons
// (see skeleton), read once per snapshot.
func (s *snapshotStats) skeletons() map[string][]termCount {
	return built(s, "skeletons", func() map[string][]termCount {
		m := map[string][]termCount{}
		s.eachTerm(fieldBody, math.MaxInt, func(tc termCount) {
			if len(tc.term) < 4 {
				return
			}
			k := skeleton(tc.term)
			if len(k) >= 2 {
				m[k] = append(m[k], tc)
			}
			// Also as borrowed, without an r closing a syllable.
			if nr := skeleton(nonRhotic(tc.term)); len(nr) >= 2 && nr != k {
				m[nr] = append(m[nr], tc)
			}
		})
		return m
	})
}

// Korean and Japanese borrow the same English words, each in its own
// script: swap is スワップ and 스와프, boycott ボイコット and 보이콧, radar
// レーダー and 레이더. An English question's word whose dictionary
// translation is katakana (swap: スワップ) is, in a Korean article, the
// Hangul word that sounds the same, and a Japanese question's katakana
// word is too. Their readings in Latin letters differ in ways both
// scripts share, which loanKey takes out.

// minLoanKey is the shortest loan key matched across Korean and
// Japanese: shorter ones (パス, 버스) are too many words.
const minLoanKey = 4

// loanKey returns the sound of a borrowed word read in Latin letters (a
// Revised Romanization of Hangul, or Hepburn of katakana) as Korean and
// Japanese spellings of one English word share it: Korean's eo, eu and ae
// as Japanese writes them (a, u, e: 센터 senteo, センター senta); the
// vowel each adds after a consonant that ends a syllable in English (the
// u of スワップ suwappu and 스와프 seuwapeu, Japanese's o after t and d:
// ボイコット boikotto, 보이콧 boikot); a sound written twice once; l and r,
// f and p, v and b, z and j as one; an
// n before p or b as m (トランプ, 트럼프); an opening y, which English does
// not write before u (UNESCO, 유네스코); q as the k it sounds (Uniqlo, 유니클로).
func loanKey(latin string) string {
	w := hardC(strings.ToLower(latin))
	// English spells the yu of UNESCO, unit and Uniqlo u, which Korean
	// and Japanese write 유 and ユ.
	w = strings.TrimPrefix(w, "y")
	w = strings.NewReplacer("eo", "a", "eu", "u", "ae", "e", "oe", "e", "ui", "i", "ei", "e",
		"sh", "s", "sy", "s", "ch", "c", "ts", "s", "l", "r", "f", "p", "v", "b", "z", "j", "qu", "kw", "q", "k",
		"ng", "n").Replace(w)
	w = strings.ReplaceAll(w, "sy", "s") // 빗슈's tsyu: ts, then sy
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	b := []byte(w)
	var out []byte
	for i, c := range b {
		if c < 'a' || c > 'z' {
			return ""
		}
		if i > 0 && !vowel(b[i-1]) && (c == 'u' || c == 'o' && (b[i-1] == 't' || b[i-1] == 'd')) && (i+1 == len(b) || !vowel(b[i+1])) {
			continue // an added vowel: ス of スワ, 트 of 트리
		}
		if c == 'n' && i+1 < len(b) && b[i+1] == 'p' {
			c = 'm'
		}
		if len(out) > 0 && out[len(out)-1] == c {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// hardC spells an English word's c as it sounds, k or s (club, 클럽;
// concert, 콘서트; cinema, 시네마), and ck as k: Korean and Japanese write
// the sound. The c of ch stays, which loanKey reads as Korean and
// Japanese write ch (チ, ㅊ); romanized Hangul and kana have no other c.
func hardC(w string) string {
	if !strings.Contains(w, "c") {
		return w
	}
	w = strings.ReplaceAll(w, "ck", "k")
	b := []byte(w)
	for i, c := range b {
		if c != 'c' || i+1 < len(b) && b[i+1] == 'h' {
			continue
		}
		if i+1 < len(b) && strings.IndexByte("eiy", b[i+1]) >= 0 {
			b[i] = 's'
		} else {
			b[i] = 'k'
		}
	}
	return string(b)
}

// hangulLoanKey is the loan key of a Hangul word, and kanaLoanKey that of
// a katakana one: "" when it is not all of the script, or for Hangul not
// spelt as a loanword may be (see lang.LoanwordSpelling).
func hangulLoanKey(word string) string {
	if !lang.LoanwordSpelling(word) {
		return ""
	}
	return loanKey(lang.RomanizeKoreanLinked(lang.WithoutDoubling(word)))
}

func kanaLoanKey(word string) string {
	for _, r := range word {
		if (r < 'ァ' || r > 'ヶ') && r != 'ー' {
			return ""
		}
	}
	return loanKey(lang.RomanizeKana(word))
}

// maxLoanSyllables bounds the Hangul words, and the parts of longer ones,
// that are read for their loan key: a borrowed word is seldom longer.
const maxLoanSyllables = 6

// koreanLoanwords returns the Korean words of the corpus that sound like a
// katakana word (see loanKey): the word alone, and the compounds that
// begin or end with it (통화스와프, "currency swap", for スワップ), the
// commonest first; nothing for a key under minLoanKey. The keys of the
// Korean terms and of their parts are read once per snapshot.
func (s *snapshotStats) koreanLoanwords(key string) (words, compounds []string) {
	if len(key) < minLoanKey {
		return nil, nil
	}
	keys := built(s, "loanKeys", func() map[string][]termCount {
		keys := map[string][]termCount{}
		for _, tc := range s.koreanTerms() {
			if len(keys) >= maxSpelled {
				break
			}
			runes := []rune(tc.term)
			if len(runes) < 2 {
				continue
			}
			// A word the dictionary reads as Chinese characters is
			// no loanword (대상, 對象, "target", is not デッサン, "sketch";
			// 한도, 限度, "limit", not ハンド, "hand"), nor is a word of
			// the native lexicon (사랑, "love", is not "seoul lion").
			if len(runes) <= maxLoanSyllables && !inKoreanLexicon(tc.term) {
				if k := hangulLoanKey(tc.term); len(k) >= minLoanKey {
					keys[k] = append(keys[k], tc)
					if l := looseKey(k); l != "" {
						keys[l] = append(keys[l], tc)
					}
				}
			}
			// The parts of a compound, marked apart: a loanword and a
			// word of two syllables at least (스와프 of 통화스와프), not
			// a word and its suffix or ending (반도 of 반도체, "peninsula"
			// of "semiconductor", is not バンド, "band").
			for n := 2; n <= len(runes)-2 && n <= maxLoanSyllables; n++ {
				for _, part := range []string{string(runes[:n]), string(runes[len(runes)-n:])} {
					if dictionary.Korean(part) != nil {
						continue
					}
					if k := hangulLoanKey(part); len(k) >= minLoanKey {
						keys["+"+k] = append(keys["+"+k], tc)
						if l := looseKey(k); l != "" {
							keys["+"+l] = append(keys["+"+l], tc)
						}
					}
				}
			}
		}
		return keys
	})
	w, c := keys[key], keys["+"+key]
	if l := looseKey(key); l != "" && len(w) == 0 && len(c) == 0 {
		w, c = keys[l], keys["+"+l]
	}
	if len(w) == 0 && len(c) == 0 {
		w = cutShort(keys, key)
	}
	return commonest(slices.Clone(w), maxLoanwords), commonest(slices.Clone(c), maxCompounds)
}

// cutShort returns the Korean terms that a loanword of a loan key was
// indexed as where its last syllables read as particles and came off
// (see lang.KoreanForms): 바르셀로나 (Barcelona) is indexed as 바르셀, as if
// it were 바르셀 with 로 and 나, and 홋카이도 (Hokkaido) as 홋카이. A term
// whose key begins the loanword's is one where the term with some
// particles has the loanword's key and comes back to the term.
func cutShort(keys map[string][]termCount, key string) []termCount {
	var out []termCount
	for n := len(key) - 1; n >= minLoanKey && len(out) == 0; n-- {
		for _, tc := range keys[key[:n]] {
			if head, _ := dictionary.NativeKoreanHead(tc.term); head != "" {
				continue // a form of a native word (열린, "held"), no name cut short
			}
			for _, tail := range lang.ParticleTails(tc.term) {
				if hangulLoanKey(tc.term+tail) == key {
					out = append(out, tc)
					break
				}
			}
		}
	}
	return out
}

// looseKey is a loan key without its vowels: Korean writes the vowel of
// English "tunnel" and "bus" ㅓ (터널, 버스), Japanese writes it o or a
// (トンネル, バス) and drops it after t where it adds one elsewhere, so that
// the two agree on the consonants only. Where the keys differ, a word is
// found by its consonants, three at least; "" for fewer. Voiced and
// voiceless stops are one there too: Korean writes the first consonant of
// a Japanese name voiced (도쿄, Tokyo; 교토, Kyoto; 벳푸, Beppu). So are s
// and z (read j) ending a word: English spells the sound of a plural s,
// which Korean writes 즈 (Kakao Games: 카카오게임즈).
func looseKey(key string) string {
	var b strings.Builder
	b.WriteByte('~')
	for i := 0; i < len(key); i++ {
		switch c := key[i]; {
		case strings.IndexByte("aeiou", c) >= 0:
		case c == 'd':
			b.WriteByte('t')
		case c == 'g':
			b.WriteByte('k')
		case c == 'b':
			b.WriteByte('p')
		case c == 'j' && strings.Trim(key[i+1:], "aeiou") == "":
			b.WriteByte('s')
		default:
			b.WriteByte(c)
		}
	}
	if b.Len() < 4 {
		return ""
	}
	return b.String()
}

// katakanaByKey maps the loan keys of the dictionary's katakana words to
// the words, built once (a few hundred words).
var katakanaByKey = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, k := range dictionary.Katakana() {
		if key := kanaLoanKey(k); len(key) >= minLoanKey {
			m[key] = append(m[key], k)
		}
	}
	return m
})

// addKatakana adds what a Korean word that no table reads as Chinese
// characters is when it is a loanword the dictionary has in katakana
// (레이더: レーダー): the word's English, at confidence Romanized, and the
// katakana as a Japanese article writes it, at CrossReading. The Korean
// loanwords of a Korean question on an English or a Japanese article are
// otherwise found only by their consonants (see loanwords), which short
// ones have too few of.
func (idx *Index) addKatakana(st stats, c *concept, w cjkWord, r ranking, seen map[string]bool) {
	if w.lang != knowledge.Korean || len(dictionary.Korean(w.text)) > 0 {
		return
	}
	// A borrowed word of the Japanese articles themselves (피코마:
	// ピッコマ), which no dictionary lists.
	if r.CrossReading > 0 && idx.hasLanguage(knowledge.Japanese) {
		for _, k := range st.katakanaLoanwords(hangulLoanKey(w.text)) {
			c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, k), r.CrossReading, seen)
		}
	}
	for _, k := range katakanaByKey()[hangulLoanKey(w.text)] {
		if r.Romanized > 0 {
			for _, e := range dictionary.Japanese(k) {
				c.addAlt(st, knowledge.English, idx.phraseIn(knowledge.English, e), r.Romanized, seen)
			}
		}
		if r.CrossReading > 0 && idx.hasLanguage(knowledge.Japanese) {
			c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, k), r.CrossReading, seen)
		}
	}
}

// loanPhrases adds, as one concept each, the names and terms of two or
// three English words that a Korean article writes as one borrowed word
// (Tokyo Dome: 도쿄돔; slam dunk: 슬램덩크), which no word of them finds
// alone, and returns the text without them. The words are read before
// the lexicon, which would take Tokyo for Japan.
func (a *reading) loanPhrases(text string) string {
	idx, st, r := a.idx, a.st, a.r
	korean, japanese := idx.hasLanguage(knowledge.Korean), idx.hasLanguage(knowledge.Japanese)
	if r.Romanized <= 0 || !korean && !japanese {
		return text
	}
	// borrowed returns the Korean and the Japanese words that sound like
	// English words said as one.
	borrowed := func(parts []string) (ko, ja []string) {
		joined := strings.Join(parts, "")
		key := loanKey(joined)
		if korean {
			ko, _ = st.koreanLoanwords(key)
		}
		if japanese {
			ja = st.katakanaLoanwords(key)
		}
		kana, hangul := byScript(st.borrowedBySound(joined))
		return appendNew(ko, hangul...), appendNew(ja, kana...)
	}
	words := latinWord.FindAllStringIndex(text, -1)
	out := []byte(text)
	for size := 3; size >= 2; size-- {
		for i := 0; i+size <= len(words); i++ {
			var parts []string
			for k := i; k < i+size; k++ {
				w := strings.ToLower(text[words[k][0]:words[k][1]])
				if k > i && strings.TrimSpace(text[words[k-1][1]:words[k][0]]) != "" || !loanPart(w) || out[words[k][0]] == ' ' {
					parts = nil
					break
				}
				parts = append(parts, w)
			}
			if parts == nil {
				continue
			}
			ko, ja := borrowed(parts)
			if len(ko)+len(ja) == 0 {
				continue
			}
			if size > 2 {
				// Its first words alone sound the same, by a looser key
				// (kakao games ceo, kakao games: 카카오게임즈): the word
				// after them is no part of it.
				if sko, sja := borrowed(parts[:size-1]); slices.Equal(sko, ko) && slices.Equal(sja, ja) {
					continue
				}
			}
			c := concept{label: strings.Join(parts, " ")}
			for _, k := range ko {
				c.addAlt(st, knowledge.Korean, []string{k}, r.Romanized, a.seen)
			}
			for _, k := range ja {
				c.addAlt(st, knowledge.Japanese, idx.phraseIn(knowledge.Japanese, k), r.Romanized, a.seen)
			}
			english := idx.phraseIn(knowledge.English, c.label)
			c.addAlt(st, knowledge.English, english, 1, a.seen)
			if len(c.alts) == 0 {
				continue
			}
			c.weigh(st, english, a.n, r, "")
			a.add(c)
			for k := words[i][0]; k < words[i+size-1][1]; k++ {
				out[k] = ' '
			}
		}
	}
	return string(out)
}

// loanPart reports whether a word of a question may be part of a name
// Korean borrows whole: a word of two letters or more, no stop word or
// question word, in Latin letters alone.
func loanPart(w string) bool {
	return len(w) >= 2 && !stopWords[w] && !askingWords[w] && strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) < 0
}

// katakanaWords returns the words a Japanese text writes in katakana, of
// three characters or more (ウェブトゥーン, ピッコマ; the parts of a name a
// middle dot divides), once each: the borrowed words and foreign names
// that fieldKatakana holds.
func katakanaWords(text string) []string {
	var out []string
	for _, r := range lang.Runs(text) {
		if r.Script != lang.Katakana {
			continue
		}
		for w := range strings.FieldsFuncSeq(r.Text, func(c rune) bool { return c == '・' || c == '･' }) {
			if utf8.RuneCountInString(w) >= 3 && !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

// katakanaLoanwords returns the katakana words of the Japanese articles
// that sound like a word of a loan key (see loanKey), or failing that of
// its looser key, without the glides w and y that English spells and
// Hepburn does not (webtoon: ウェブトゥーン, uebutoun), or without a final
// r that Japanese drops (illustrator: イラストレーター); the commonest
// first: an English question's "webtoon" is ウェブトゥーン, a Korean one's
// 피코마 ピッコマ. The keys are read once per snapshot.
func (s *snapshotStats) katakanaLoanwords(key string) []string {
	if len(key) < minLoanKey {
		return nil
	}
	keys := built(s, "katakanaKeys", func() map[string][]termCount {
		keys := map[string][]termCount{}
		s.eachTerm(fieldKatakana, maxKoreanTerms, func(tc termCount) {
			k := kanaLoanKey(tc.term)
			if len(k) < minLoanKey {
				return
			}
			for _, v := range katakanaKeys(k) {
				keys[v] = append(keys[v], tc)
			}
		})
		return keys
	})
	for _, k := range []string{key, strings.TrimSuffix(key, "r")} {
		for _, v := range katakanaKeys(k) {
			if found := keys[v]; len(found) > 0 {
				return commonest(slices.Clone(found), maxLoanwords)
			}
		}
	}
	return nil
}

// heardTerm is a term of the corpus with its reading in Latin letters.
type heardTerm struct {
	termCount
	reading string
}

// soundSpellings returns the spellings an English word may be borrowed
// by: its own; the one with its "th" said as s, as it is borrowed more
// often than as t (death: デス, 데스; thriller: スリラー; but Thomas:
// トーマス), and the silent gh of igh left out (fighter: ファイター); and
// each of those without an r closing a syllable (see nonRhotic).
func soundSpellings(english string) []string {
	var out []string
	for _, w := range []string{english, strings.NewReplacer("th", "s", "igh", "i").Replace(english)} {
		out = appendNew(out, w, nonRhotic(w))
	}
	return out
}

// borrowedBySound returns the katakana words of the Japanese articles and
// the Hangul words of the Korean ones and their headlines that no lexicon
// reads (사랑, "love", is no "school ruling"), of minSkeleton consonants
// at least, that sound like a word in Latin letters: an English word or
// name (see soundSpellings), or a loanword's reading, whose vowels are
// matched either way (see loanSound). Death Note, which an English
// question writes as two words, is デスノート and 데스노트; the
// インフィルトレーション of a Japanese question is 인필트레이션. The katakana
// words, then the Hangul ones (see byScript), maxLoanwords of each at
// most, the best agreeing first, then the commonest.
func (s *snapshotStats) borrowedBySound(english string) []string {
	english = strings.ToLower(english)
	return s.remember("\x04"+english, func() []string {
		bySkel := built(s, "borrowedSkeletons", func() map[string][]heardTerm {
			m := map[string][]heardTerm{}
			add := func(tc termCount, reading string) {
				if k := skeleton(reading); len(k) >= minSkeleton {
					m[k] = append(m[k], heardTerm{tc, reading})
				}
			}
			s.eachTerm(fieldKatakana, maxKoreanTerms, func(tc termCount) {
				if kanaLoanKey(tc.term) != "" {
					add(tc, lang.RomanizeKana(tc.term))
				}
			})
			// A headline may name what its passages do not (the
			// nickname of '인필트레이션' 이선우).
			heard := map[string]bool{}
			hangul := func(tc termCount) {
				if n := utf8.RuneCountInString(tc.term); !heard[tc.term] && n >= 2 && n <= maxLoanSyllables && lang.LoanwordSpelling(tc.term) && !inKoreanLexicon(tc.term) {
					heard[tc.term] = true
					add(tc, lang.RomanizeKoreanLinked(lang.WithoutDoubling(tc.term)))
				}
			}
			for _, tc := range s.koreanTerms() {
				hangul(tc)
			}
			s.eachTerm(fieldTitleKo, maxKoreanTerms, hangul)
			return m
		})
		type cand struct {
			heardTerm
			sound float64
		}
		var cands []cand
		best := map[string]int{} // term: its index in cands
		for _, sp := range soundSpellings(english) {
			for _, st := range bySkel[skeleton(sp)] {
				v := max(loanSound(st.reading, sp), loanSound(sp, st.reading))
				if v < minLoanSound {
					continue
				}
				if i, ok := best[st.term]; ok {
					cands[i].sound = max(cands[i].sound, v)
					continue
				}
				best[st.term] = len(cands)
				cands = append(cands, cand{st, v})
			}
		}
		slices.SortFunc(cands, func(a, b cand) int {
			return cmp.Or(cmp.Compare(b.sound, a.sound), cmp.Compare(b.df, a.df), cmp.Compare(a.term, b.term))
		})
		terms := make([]string, len(cands))
		for i, c := range cands {
			terms[i] = c.term
		}
		kana, hangul := byScript(terms)
		return slices.Concat(kana[:min(len(kana), maxLoanwords)], hangul[:min(len(hangul), maxLoanwords)])
	})
}

// katakanaKeys are the keys a katakana word is matched by, closest first:
// its loan key, its loose key, and the loose key without w and y where
// three consonants at least are left; each once.
func katakanaKeys(key string) []string {
	keys := []string{key}
	loose := looseKey(key)
	if loose == "" {
		return keys
	}
	keys = append(keys, loose)
	if g := strings.NewReplacer("w", "", "y", "").Replace(loose); g != loose && len(g) >= 4 {
		keys = append(keys, g)
	}
	return keys
}

// inKoreanLexicon reports whether a Hangul word is one the dictionary
// reads as Chinese characters or the native lexicon lists: no borrowed
// word.
func inKoreanLexicon(word string) bool {
	return dictionary.Korean(word) != nil || dictionary.NativeKorean(word) != nil
}

// byScript divides borrowed words into those in katakana and those in
// Hangul.
func byScript(words []string) (katakana, hangul []string) {
	for _, w := range words {
		if kanaLoanKey(w) != "" {
			katakana = append(katakana, w)
		} else {
			hangul = append(hangul, w)
		}
	}
	return katakana, hangul
}

// appendNew appends the words of more that list does not hold yet.
func appendNew(list []string, more ...string) []string {
	for _, w := range more {
		if !slices.Contains(list, w) {
			list = append(list, w)
		}
	}
	return list
}
