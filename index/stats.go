package index

import (
	"cmp"
	"context"
	"encoding/binary"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/disputebot/disputebot/knowledge/dictionary"
	"github.com/disputebot/disputebot/knowledge/lang"
)

// numFields is the number of fields the ranking reads of a passage: its
// text, its article's title and its context, in that order.
const numFields = 3

// indexedFields are the fields whose terms are counted: the text and title
// of every language.
var indexedFields = [...]string{fieldBody, fieldTitle, fieldBodyKo, fieldTitleKo, fieldBodyJa, fieldTitleJa}

// docCounts remembers how many passages hold a term, for one snapshot of
// the index: a question looks up each of its words and their spellings in
// every segment's dictionary of every field, and the questions of a server
// about one dispute keep using the same words.
type docCounts struct {
	mu     sync.Mutex
	snap   index.IndexReader // the snapshot the counts are of
	counts map[string]uint64 // "field\x00term"
	// compounds remembers what walks of the term dictionary found for a
	// question's words (see snapshotStats.remember): Korean compounds,
	// the names of initials, aliases, under keys of their own.
	compounds map[string][]string
	// tables are what is read once per snapshot from its whole term
	// dictionary (see built): its Korean terms, their Latin spellings
	// and loan keys, the readings of its Japanese pairs of characters.
	tables map[string]any
}

// maxDocCounts bounds the counts remembered: a few megabytes.
const maxDocCounts = 50_000

// maxCorrectedRunes is the longest word that misspellings are sought for.
const maxCorrectedRunes = 24

// snapshotStats are the corpus statistics of one snapshot (see stats).
type snapshotStats struct {
	r index.IndexReader
	c *docCounts
	n uint64
}

// stats returns the statistics of a snapshot, with its counts remembered,
// forgetting those of another snapshot.
func (c *docCounts) stats(r index.IndexReader) *snapshotStats {
	c.mu.Lock()
	if c.snap != r || len(c.counts) > maxDocCounts {
		c.snap, c.counts, c.compounds, c.tables = r, map[string]uint64{}, map[string][]string{}, map[string]any{}
	}
	c.mu.Unlock()
	n, _ := r.DocCount()
	return &snapshotStats{r: r, c: c, n: n}
}

func (s *snapshotStats) passages() uint64 { return s.n }

// docFreq is the number of passages holding the term in the field where
// it is commonest: a word of a title is in every passage of its article.
func (s *snapshotStats) docFreq(term string) uint64 {
	var df uint64
	for _, f := range indexedFields {
		df = max(df, s.docFreqIn(term, f))
	}
	return df
}

func (s *snapshotStats) docFreqIn(term, field string) uint64 {
	key := field + "\x00" + term
	n, ok := s.recall(key)
	if ok {
		return n
	}
	tfr, err := s.r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return 0
	}
	n = tfr.Count()
	tfr.Close()
	s.keep(key, n)
	return n
}

// recall returns a remembered count.
func (s *snapshotStats) recall(key string) (uint64, bool) {
	s.c.mu.Lock()
	defer s.c.mu.Unlock()
	n, ok := s.c.counts[key]
	return n, ok
}

// keep remembers a count of the snapshot, unless the index has changed
// since: the counts are then another snapshot's.
func (s *snapshotStats) keep(key string, n uint64) {
	s.c.mu.Lock()
	if s.c.snap == s.r {
		s.c.counts[key] = n
	}
	s.c.mu.Unlock()
}

// corrections returns the passage words within one edit of a term the
// corpus lacks (two for terms of eight letters or more), commonest first:
// the words a misspelling most likely meant. The first letter is taken as
// written, as people seldom mistype it (the first two for two edits).
func (s *snapshotStats) corrections(term string, limit int) []string {
	// Four letters one edit apart are too often another word ("govt",
	// "got"): shorter words are not corrected; nor are words longer than
	// any word, whose automaton would be slow to build.
	n := utf8.RuneCountInString(term)
	if n < 5 || n > maxCorrectedRunes {
		return nil
	}
	fuzz := 1
	if n >= 8 {
		fuzz = 2
	}
	fr, ok := s.r.(index.IndexReaderFuzzy)
	if !ok {
		return nil
	}
	// Two edits are searched with the first two letters fixed: an
	// automaton of two edits over the whole dictionary is slow.
	prefix := string([]rune(term)[:fuzz])
	d, err := fr.FieldDictFuzzy(fieldBody, term, fuzz, prefix)
	if err != nil {
		return nil
	}
	defer d.Close()
	var cands []termCount
	for range 64 {
		e, err := d.Next()
		if err != nil || e == nil {
			break
		}
		// The fuzzy dictionary's counts are not the passages that
		// hold a term across segments: those are counted.
		cands = append(cands, termCount{e.Term, s.docFreq(e.Term)})
	}
	return commonest(cands, limit)
}

// commonest returns the terms held by the most passages, at most limit,
// in that order (and in the dictionary's among equals).
func commonest(cands []termCount, limit int) []string {
	slices.SortFunc(cands, func(a, b termCount) int { return cmp.Or(cmp.Compare(b.df, a.df), cmp.Compare(a.term, b.term)) })
	var out []string
	for _, c := range cands[:min(len(cands), limit)] {
		out = append(out, c.term)
	}
	return out
}

// nativeForms returns the Korean words of the corpus that are forms of a
// headword of the native lexicon (훔치-: 훔친, 훔쳤다; 바다: 바다에서), most
// frequent first: Korean writes a verb's endings, and often a noun's
// particles, into the word, which the index keeps whole. A noun's forms
// begin with it; a stem's with all its syllables but the last, and then a
// syllable of the last one's initial and vowel, or of the vowel it
// contracts to (훔치: 훔친, 훔쳐), which conjugation leaves. Hangul orders
// syllables by initial, then vowel, so each is one run of the sorted
// terms.
func (s *snapshotStats) nativeForms(head string) []string {
	ranges := nativeRanges(head)
	if len(ranges) == 0 {
		return nil
	}
	return s.remember("native\x00"+head, func() []string {
		terms := s.koreanTerms()
		at := func(key string) int {
			i, _ := slices.BinarySearchFunc(terms, key, func(tc termCount, k string) int { return strings.Compare(tc.term, k) })
			return i
		}
		var cands []termCount
		for _, r := range ranges {
			start, end := at(r[0]), at(r[1])
			for i := start; i < end && i-start < maxNativeScan && len(cands) < maxNativeForms; i++ {
				if h, _ := dictionary.NativeKoreanHead(terms[i].term); h == head {
					cands = append(cands, termCount{terms[i].term, s.docFreq(terms[i].term)})
				}
			}
		}
		return commonest(cands, maxCompounds)
	})
}

// nativeRanges returns the bounds [lo, hi) of the runs of sorted terms
// that may be forms of a headword (see nativeForms).
func nativeRanges(head string) [][2]string {
	stem, isStem := strings.CutSuffix(head, "-")
	runes := []rune(stem)
	if len(runes) == 0 {
		return nil
	}
	if !isStem {
		return [][2]string{{stem, stem + "\U0010FFFF"}}
	}
	last := runes[len(runes)-1]
	if last < 0xAC00 || last > 0xD7A3 {
		return nil
	}
	prefix := string(runes[:len(runes)-1])
	block := func(initial, medial rune) [2]string {
		first := 0xAC00 + (initial*21+medial)*28
		return [2]string{prefix + string(first), prefix + string(first+28)}
	}
	initial, medial := (last-0xAC00)/588, (last-0xAC00)%588/28
	out := [][2]string{block(initial, medial)}
	if m, ok := contracted[medial]; ok {
		out = append(out, block(initial, m))
	}
	return out
}

// contracted maps a stem's last vowel to the vowel it fuses into with the
// ending 어 or 아 (지 + 었: 졌; 보 + 았: 봤; 주 + 었: 줬; 되 + 었: 됐; 쓰 + 었: 썼).
var contracted = map[rune]rune{20: 6, 8: 9, 13: 14, 11: 10, 18: 4}

// maxNativeForms bounds the forms of one native word sought, and
// maxNativeScan the terms read for them: a stem of one syllable (팔-,
// "sell") shares its initial with a fourteenth of a large corpus's
// terms, and each is read in some 20 µs.
const (
	maxNativeForms = 64
	maxNativeScan  = 400
)

// maxKoreanTerms bounds the Korean terms kept for compound searches.
const maxKoreanTerms = 500_000

// compounds returns the Korean words of the corpus that hold a word inside
// them, most frequent first: Korean writes nouns together (세계유산위원회
// holds 유산 and 세계유산), which a question may write apart.
func (s *snapshotStats) compounds(word string, limit int) []string {
	if utf8.RuneCountInString(word) < 2 || utf8.RuneCountInString(word) > maxCorrectedRunes {
		return nil
	}
	return s.remember(word+"\x00"+strconv.Itoa(limit), func() []string { return s.findCompounds(word, limit) })
}

// remember returns what find returns for key, found once per snapshot:
// the words that a walk of the term dictionary gives for a question's word
// (its compounds, the names it is the initials of, its aliases).
func (s *snapshotStats) remember(key string, find func() []string) []string {
	s.c.mu.Lock()
	out, ok := s.c.compounds[key]
	s.c.mu.Unlock()
	if ok {
		return out
	}
	out = find()
	s.c.mu.Lock()
	if s.c.snap == s.r && len(s.c.compounds) < maxDocCounts {
		s.c.compounds[key] = out
	}
	s.c.mu.Unlock()
	return out
}

func (s *snapshotStats) findCompounds(word string, limit int) []string {
	var cands []termCount
	for _, tc := range s.koreanTerms() {
		if tc.term != word && strings.Contains(tc.term, word) {
			cands = append(cands, tc)
		}
	}
	return commonest(cands, limit)
}

// termCount is a term and the number of passages holding it.
type termCount struct {
	term string
	df   uint64
}

// koreanTerms returns the terms of the Korean text of the snapshot, read
// once: scanning them for a word is faster than a regular expression over
// the dictionary (a few milliseconds for 100,000 terms).
func (s *snapshotStats) koreanTerms() []termCount {
	return built(s, "korean", func() []termCount {
		terms := []termCount{}
		s.eachTerm(fieldBodyKo, maxKoreanTerms, func(tc termCount) { terms = append(terms, tc) })
		return terms
	})
}

// eachTerm calls f with each term of a field of the snapshot and the
// number of passages holding it, in the dictionary's order, up to limit
// terms.
func (s *snapshotStats) eachTerm(field string, limit int, f func(termCount)) {
	d, err := s.r.FieldDict(field)
	if err != nil {
		return
	}
	defer d.Close()
	for n := 0; n < limit; n++ {
		e, err := d.Next()
		if err != nil || e == nil {
			return
		}
		f(termCount{e.Term, e.Count})
	}
}

// built returns the table of a snapshot named name, built once: the
// first question after the index changes reads the term dictionary, the
// others look the table up. It is built without the lock, so that other
// questions' counts need not wait; two questions may build it at once.
func built[T any](s *snapshotStats, name string, build func() T) T {
	s.c.mu.Lock()
	v, ok := s.c.tables[name]
	if s.c.snap != s.r {
		ok = false
	}
	s.c.mu.Unlock()
	if ok {
		return v.(T)
	}
	t := build()
	s.c.mu.Lock()
	if s.c.snap == s.r {
		s.c.tables[name] = t
	}
	s.c.mu.Unlock()
	return t
}

// kanjiPairs returns the pairs of Chinese characters of the Japanese
// articles (the Japanese body is indexed in pairs: 辛格, 格浩 of 辛格浩) that
// a pair of Hangul syllables reads, as a word's first syllables or inside
// one (신격: 辛格; 노동 and 로동: 労働), read once per snapshot.
func (s *snapshotStats) kanjiPairs(reading string) []string {
	pairs := built(s, "kanjiPairs", func() map[string][]string {
		pairs := map[string][]string{}
		s.eachTerm(fieldBodyJa, maxKoreanTerms, func(tc termCount) {
			if utf8.RuneCountInString(tc.term) != 2 || !allHan(tc.term) {
				return
			}
			r := dictionary.Reading(tc.term)
			if r == "" {
				return
			}
			pairs[r] = append(pairs[r], tc.term)
			if first := dictionary.InitialSound(r); first != r {
				pairs[first] = append(pairs[first], tc.term)
			}
			// 金 is 금 but as a surname 김, the commonest in Korea
			// (金寛永, 김관영; 金在龍, 김재용).
			if rest, ok := strings.CutPrefix(r, "금"); ok && strings.HasPrefix(tc.term, "金") {
				pairs["김"+rest] = append(pairs["김"+rest], tc.term)
			}
		})
		return pairs
	})
	return pairs[reading]
}

// allHan reports whether a word is all Chinese characters.
func allHan(word string) bool {
	for _, r := range word {
		if lang.ScriptOf(r) != lang.Kanji {
			return false
		}
	}
	return word != ""
}

// maxSpelled bounds the Latin spellings of Korean words kept, a few tens
// of megabytes at most, and maxSpelledSyllables the length of the words
// spelled: the places and things a member writes in Latin letters are
// short words, and romanizing every term of a large Korean corpus takes
// a second.
const (
	maxSpelled          = 200_000
	maxSpelledSyllables = 6
)

// koreanSpelled returns the Korean words of the corpus that a word in Latin
// letters spells (geoje: 거제, and 거제시 whose last syllable is a suffix of
// places; gimhae: 김해공항, "Gimhae airport"), commonest first: a member names a Korean place or thing of a
// Korean article in the Latin letters that English uses for it, which no
// dictionary lists. The spellings are those of lang.RomanizeKorean, built
// once per snapshot.
func (s *snapshotStats) koreanSpelled(latin string) []string {
	if utf8.RuneCountInString(latin) < minRomanizedRunes {
		return nil
	}
	spelled := built(s, "romanized", func() map[string][]termCount {
		spelled := map[string][]termCount{}
		for _, tc := range s.koreanTerms() {
			runes := []rune(tc.term)
			if len(runes) < 2 || len(runes) > maxSpelledSyllables {
				continue
			}
			if len(spelled) >= maxSpelled {
				break
			}
			stems := []string{tc.term}
			if len(runes) >= 3 {
				stems = append(stems, string(runes[:len(runes)-1]))
			}
			// A name heading a compound with a word of two syllables or
			// more (김해공항, "Gimhae airport"; 판교역사): Korean writes
			// them as one word, English apart.
			for n := 2; n+2 <= len(runes); n++ {
				if dictionary.Korean(string(runes[n:])) != nil {
					stems = append(stems, string(runes[:n]))
				}
			}
			for _, st := range stems {
				for _, l := range lang.RomanizeKorean(st) {
					spelled[l] = append(spelled[l], tc)
				}
			}
		}
		return spelled
	})
	return commonest(slices.Clone(spelled[strings.ToLower(latin)]), maxCompounds)
}

// articleTable maps a snapshot's passages to their articles: by document
// number (the scorch internal ID, eight bytes big-endian), the article's
// ordinal plus one (0 for none), and the number of articles.
type articleTable struct {
	of       []uint32
	articles uint64
}

// maxSpreadPostings is the most passages whose articles are counted for
// one term: a term held by more is common, and its spread is not read.
const maxSpreadPostings = 5000

// maxDocNumber bounds the table of articles (four bytes a passage): a
// larger document number is no passage of an index this program builds,
// and its article is not counted.
const maxDocNumber = 1 << 26

// notCounted marks a remembered spread that was not counted.
const notCounted = ^uint64(0)

// articles returns the table of the snapshot's passages' articles.
func (s *snapshotStats) articles() articleTable {
	return built(s, "articles", func() articleTable {
		var t articleTable
		d, err := s.r.FieldDict(fieldArticleID)
		if err != nil {
			return t
		}
		defer d.Close()
		for {
			e, err := d.Next()
			if err != nil || e == nil {
				return t
			}
			t.articles++
			tfr, err := s.r.TermFieldReader(context.Background(), []byte(e.Term), fieldArticleID, false, false, false)
			if err != nil {
				continue
			}
			for doc, err := tfr.Next(nil); err == nil && doc != nil; doc, err = tfr.Next(doc) {
				if n, ok := docNumber(doc.ID); ok && n < maxDocNumber {
					if n >= uint64(len(t.of)) {
						t.of = slices.Grow(t.of, int(n)+1-len(t.of))[:n+1]
					}
					t.of[n] = uint32(t.articles)
				}
			}
			tfr.Close()
		}
	})
}

// docNumber reads the document number of a scorch internal ID.
func docNumber(id index.IndexInternalID) (uint64, bool) {
	if len(id) != 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(id), true
}

// spread returns how many articles hold a term in any indexed field, and
// how many articles the index has; 0 articles when it is not counted.
func (s *snapshotStats) spread(term string) (held, articles uint64) {
	t := s.articles()
	if t.articles == 0 || term == "" {
		return 0, 0
	}
	key := "spread\x00" + term
	n, ok := s.recall(key)
	if ok {
		if n == notCounted {
			return 0, 0
		}
		return n, t.articles
	}
	seen := map[uint32]bool{}
	read := 0
	for _, f := range indexedFields {
		tfr, err := s.r.TermFieldReader(context.Background(), []byte(term), f, false, false, false)
		if err != nil {
			continue
		}
		if read += int(tfr.Count()); read > maxSpreadPostings {
			tfr.Close()
			s.keep(key, notCounted)
			return 0, 0
		}
		for doc, err := tfr.Next(nil); err == nil && doc != nil; doc, err = tfr.Next(doc) {
			if d, ok := docNumber(doc.ID); ok && d < uint64(len(t.of)) && t.of[d] > 0 {
				seen[t.of[d]] = true
			}
		}
		tfr.Close()
	}
	n = uint64(len(seen))
	s.keep(key, n)
	return n, t.articles
}
