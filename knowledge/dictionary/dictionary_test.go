package dictionary

import (
	"cmp"
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge/internal/sorted"
	"github.com/disputebot/disputebot/knowledge/lang"
)

func TestTablesSorted(t *testing.T) {
	for name, table := range map[string]string{"japanese": japaneseTable, "korean": koreanTable, "rare": rareTable, "rarekorean": rareKoreanTable, "names": namesTable, "given": givenTable, "namesromaji": namesRomajiTable, "hanja": hanjaTable, "kananouns": kanaNounTable} {
		if n := strings.Count(table, "\n"); n < 1000 {
			t.Errorf("%s: %d lines", name, n)
		}
		if k := sorted.Unsorted(table); k != "" {
			t.Errorf("%s.txt is not sorted at %q; regenerate it", name, k)
		}
	}
}

func TestJapanese(t *testing.T) {
	for _, tt := range []struct{ word, want string }{
		{"教科書", "textbook"},
		{"戦犯", "war criminal"},
		{"靖国神社", "yasukuni shrine"},
		{"輸出", "export"},
		{"首相", "prime minister"},
		{"ホテル", "hotel"},
		{"観艦式", "naval review"},    // rare words: the terms of the news
		{"対抗措置", "countermeasure"}, // that are not common words
		{"済州", "jeju"},
		// An institution's English name, however long: what an English
		// article calls it.
		{"国際司法裁判所", "international court of justice"},
		{"文化庁", "agency for cultural affairs"},
		{"外務省", "ministry of foreign affairs"},
		{"日韓", "japan and south korea"},
		// A noun of one kanji, by its first sense.
		{"賞", "prize"},
		{"寺", "temple"},
		{"碑", "stele"},
	} {
		if got := Japanese(tt.word); !slices.Contains(got, tt.want) {
			t.Errorf("Japanese(%q) = %q, want %q among them", tt.word, got, tt.want)
		}
	}
	// One kanji that is a prefix (同, "the same"; 全, "all"), a bound
	// noun (人 of どんな人, "what kind of person", and of 三人; 事; 後) or
	// the suffix of a name (市 of 光州市, which is no "market") is no word
	// of its own, and no reading of one syllable stands for one kanji (상
	// is 賞, "prize", and 上, 商, 像 and many more).
	for _, w := range []string{"同", "全", "人", "事", "後", "市"} {
		if got := Japanese(w); got != nil {
			t.Errorf("Japanese(%q) = %q, want nil: a prefix or a bound noun", w, got)
		}
	}
	if got := Kanji("상"); got != nil {
		t.Errorf("Kanji(상) = %q, want nil", got)
	}
	// A long gloss that is no name is an explanation, which no passage
	// says: 留守's "being away from home", 月末's "end of the month".
	for _, w := range []string{"留守", "月末", "帰国"} {
		for _, g := range Japanese(w) {
			if len(strings.Fields(g)) > 3 {
				t.Errorf("Japanese(%s) holds %q, an explanation", w, g)
			}
		}
	}
	for _, w := range []string{"", "は", "textbook", "\t", "教科書\n"} {
		if got := Japanese(w); got != nil {
			t.Errorf("Japanese(%q) = %q, want nil", w, got)
		}
	}
}

func TestKorean(t *testing.T) {
	for _, tt := range []struct{ word, want string }{
		{"교과서", "textbook"},    // 教科書
		{"훈련", "training"},     // 訓練
		{"전범", "war criminal"}, // 戦犯
		{"영토", "territory"},    // 領土: the initial-sound rule, not 령토
		{"노동", "manual labor"}, // 労働: 로동 is written 노동
		{"사고", "accident"},     // 事故, among the words read 사고
		{"사고", "thought"},      // 思考
		{"실망", "disappointment"},
		{"관함식", "naval review"}, // 観艦式, a rare word of three characters
		{"대항조치", "countermeasure"},
	} {
		if got := Korean(tt.word); !slices.Contains(got, tt.want) {
			t.Errorf("Korean(%q) = %q, want %q among them", tt.word, got, tt.want)
		}
	}
	// A rare word of two characters is not read in Korean (제주, 済州):
	// two syllables read too many words alike.
	for _, w := range []string{"", "어떻게", "했어", "교과서는", "제주"} {
		if got := Korean(w); got != nil {
			t.Errorf("Korean(%q) = %q, want nil", w, got)
		}
	}
}

func TestSplit(t *testing.T) {
	for _, tt := range []struct {
		word   string
		korean bool
		want   []string
	}{
		{"国際司法裁判所", false, []string{"国際司法裁判所"}}, // a rare word, whole
		{"国際司法裁判所判決", false, []string{"国際司法裁判所", "判決"}},
		{"教科書", false, []string{"教科書"}},
		{"방어훈련", true, []string{"방어", "훈련"}},
		{"국제사법재판소판결", true, []string{"국제사법재판소", "판결"}},
		{"외교안보", true, []string{"외교", "안보"}},
		{"교과서", true, []string{"교과서"}},
		{"피해자들", true, []string{"피해자"}}, // a suffix at the end
		{"소녀상", true, []string{"소녀"}},   // 像, "statue"
		{"정치인", true, []string{"정치"}},   // 人, "person"
		// Personal names, whose first syllables may read as a word, end
		// in no suffix (articles/dev6.jsonl 17, 19 and 20): 이강철 is not
		// 以降 ("since") and 철.
		{"이강철", true, nil},
		{"김광현", true, nil},
		{"양의지", true, nil},
		// A borrowed word or a name in katakana that the dictionary does
		// not cover holds no short word of it (articles/dev14.jsonl 10:
		// アシアナ, Asiana, is no アナ, "announcer"; dev10: ネクソン,
		// Nexon, no クソ; dev2: サムスン, Samsung, no サム); a longer one
		// is kept (dev14: カカオゲームズ, Kakao Games: ゲーム), and
		// katakana the dictionary covers is divided as before.
		{"アシアナ", false, nil},
		{"ネクソン", false, nil},
		{"サムスン", false, nil},
		{"カカオゲームズ", false, []string{"ゲーム"}},
		{"スマートフォン", false, []string{"スマート", "フォン"}},
		{"가르치게", true, nil}, // not Sino-Korean
		{"어떻게", true, nil},
		{"", true, nil},
	} {
		if got := Split(tt.word, tt.korean); !slices.Equal(got, tt.want) {
			t.Errorf("Split(%q, %v) = %q, want %q", tt.word, tt.korean, got, tt.want)
		}
	}
}

func TestKanjiAndHangul(t *testing.T) {
	for _, tt := range []struct{ hangul, kanji string }{
		{"교과서", "教科書"}, {"배상", "賠償"}, {"원고", "原告"}, {"수출", "輸出"}, {"허가", "許可"},
	} {
		if got := Kanji(tt.hangul); !slices.Contains(got, tt.kanji) {
			t.Errorf("Kanji(%q) = %q, want %q among them", tt.hangul, got, tt.kanji)
		}
		if got := Hangul(tt.kanji); !slices.Contains(got, tt.hangul) {
			t.Errorf("Hangul(%q) = %q, want %q among them", tt.kanji, got, tt.hangul)
		}
	}
	for _, tt := range []struct{ kanji, hangul string }{
		{"追悼式", "추도식"}, {"労働者", "노동자"}, {"展示室", "전시실"},
	} {
		if got := Hangul(tt.kanji); !slices.Contains(got, tt.hangul) {
			t.Errorf("Hangul(%q) = %q, want %q, read character by character", tt.kanji, got, tt.hangul)
		}
	}
	if got := Hangul("ホワイト"); got != nil {
		t.Errorf("Hangul of katakana = %q, want none", got)
	}
}

// TestKanjiNames: the Japanese names a Korean word reads character by
// character, the first character as it begins a word (力 is 력, 역 at
// the start); none for a word of one syllable or five, or one no name
// reads.
func TestKanjiNames(t *testing.T) {
	for _, tt := range []struct {
		word string
		want string // among the names, or "" for none
	}{
		{"역도산", "力道山"},
		{"이등", "伊藤"},
		{"풍신", "豊臣"},
		{"좌도", "佐渡"},
		{"역", ""},
		{"역도산역도", ""},
		{"존맛", ""},
		{"rikidozan", ""},
	} {
		got := KanjiNames(tt.word)
		if tt.want == "" && got != nil || tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("KanjiNames(%q) = %q, want %q", tt.word, got, tt.want)
		}
		if len(got) > maxKanjiNames {
			t.Errorf("KanjiNames(%q) gives %d names", tt.word, len(got))
		}
	}
}

// FuzzKanjiNames: any word gives at most maxKanjiNames names, each one of
// the names table that reads as the word.
func FuzzKanjiNames(f *testing.F) {
	for _, s := range []string{"역도산", "이등", "", "가나다라", "\x00력"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		got := KanjiNames(word)
		if len(got) > maxKanjiNames {
			t.Fatalf("KanjiNames(%q) gives %d names", word, len(got))
		}
		for _, n := range got {
			if Names(n) == nil || utf8.RuneCountInString(n) != utf8.RuneCountInString(word) {
				t.Fatalf("KanjiNames(%q) gives %q", word, n)
			}
		}
	})
}

func TestNames(t *testing.T) {
	for _, tt := range []struct {
		word  string
		parts []string
		want  string // a reading of the first part
	}{
		{"竹島", []string{"竹島"}, "タケシマ"},
		{"佐渡金山", []string{"佐渡", "金山"}, "サド"},
		{"石破茂首相", []string{"石破"}, "イシバ"},
		{"島根県", []string{"島根"}, "シマネ"},
		{"首相", nil, ""},
	} {
		parts := SplitNames(tt.word)
		if !slices.Equal(parts, tt.parts) {
			t.Errorf("SplitNames(%q) = %q, want %q", tt.word, parts, tt.parts)
			continue
		}
		if len(parts) > 0 && !slices.Contains(Names(parts[0]), tt.want) {
			t.Errorf("Names(%q) = %q, want %q among them", parts[0], Names(parts[0]), tt.want)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"国際司法裁判所", "방어훈련", "피해자들", "a\tb", "\xff", "教科書教科書教科書"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range []bool{false, true} {
			for _, p := range Split(s, k) {
				if !strings.Contains(s, p) || utf8.RuneCountInString(p) < 2 {
					t.Fatalf("Split(%q, %v) gave %q", s, k, p)
				}
			}
		}
		for _, p := range SplitNames(s) {
			if !strings.Contains(s, p) || len(Names(p)) == 0 {
				t.Fatalf("SplitNames(%q) gave %q", s, p)
			}
		}
		Japanese(s)
		Korean(s)
	})
}

// TestInflected: a conjugated verb or adjective is found in its dictionary
// form; a noun followed by a particle is not taken for one.
func TestInflected(t *testing.T) {
	tests := []struct {
		text, word, stem string
		english          string // one of its English words
	}{
		{"祀られていますか？", "祀る", "祀", "enshrine"},
		{"持ち込もうとしたことがありますか", "持ち込む", "持ち込", "bring in"},
		{"命じられた？", "命じる", "命じ", "order"},
		{"払ったの", "払う", "払", "pay"},
		{"認めていない", "認める", "認め", ""},
		{"高かった", "高い", "高", "high"},
		// An adjective's noun of degree, not a verb in る (重る, "get
		// heavy"), which takes さ only before せ.
		{"どのくらいの重さなの", "", "", ""},
		{"重さなの", "重い", "重", "heavy"},
		{"高さって何メートル", "高い", "高", "tall"},
		{"長さは", "長い", "長", "long"},
		{"見させる", "見る", "見", "see"},
		{"割り当ての最終調整", "割り当てる", "割り当て", "allocate"},
		{"話し合いは", "話し合う", "話し合い", "discuss"},
		{"取り消し", "取り消す", "取り消し", "cancel"},
		{"見直しを求めた", "見直す", "見直し", "review"},
		// A noun written with kana, no form of a verb or adjective,
		// before its particle, って or the end (articles/dev22.jsonl 26:
		// 発言の重みを, "the weight of the remarks"; articles/dev12.jsonl
		// 33: 後回しにした, "put off"; articles/dev3.jsonl 27: 気持ちを,
		// "feelings", which was read as 持つ, "hold").
		{"重みをどう評価", "重み", "重み", "weight"},
		{"後回しにした理由", "後回し", "後回し", "postponing"},
		{"気持ちを示して", "気持ち", "気持ち", "feeling"},
		{"今後の見通しは", "", "", ""}, // 今後 first: a noun of kanji alone
		{"見通しは", "見通し", "見通し", "forecast"},
		{"手続き", "手続き", "手続き", "procedure"},
		{"気持ちってどうなの", "気持ち", "気持ち", "feeling"},
		// 来る, the irregular verb EDICT tags vk, not v1 or v5.
		{"来たのはいつ", "来る", "来", "come"},
		{"来ないと言った", "来る", "来", "come"},
		{"来ますか", "来る", "来", "arrive"},
		{"上は", "", "", ""},       // 上 and は, not 上る
		{"竹島を", "", "", ""},      // a noun and its particle
		{"判決で日本企業は", "", "", ""}, // nouns
		{"輸出規制", "", "", ""},     // no ending
		{"はい", "", "", ""},
		{"", "", "", ""},
	}
	for _, tc := range tests {
		w, english, n := Inflected(tc.text)
		if w != tc.word || tc.text[:n] != tc.stem {
			t.Errorf("Inflected(%q) = %q, stem %q; want %q, %q", tc.text, w, tc.text[:n], tc.word, tc.stem)
		}
		if tc.english != "" && !contains(english, tc.english) {
			t.Errorf("Inflected(%q): English %v, want %q among them", tc.text, english, tc.english)
		}
	}
}

func FuzzInflected(f *testing.F) {
	for _, s := range []string{"祀られています", "持ち込もう", "上は", "高", "々る"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, _, n := Inflected(s)
		if n > len(s) || (w == "") != (n == 0) || w != "" && !strings.HasPrefix(w, s[:n]) {
			t.Errorf("Inflected(%q) = %q, %d", s, w, n)
		}
	})
}

func TestTranslations(t *testing.T) {
	tests := []struct{ english, want string }{
		{"currency", "通貨"},
		{"swap", "スワップ"},
		{"visit", "訪問"},
		{"textbook", "教科書"},
	}
	for _, tt := range tests {
		if got := Translations(tt.english); !slices.Contains(got, tt.want) {
			t.Errorf("Translations(%q) = %q, want %q among them", tt.english, got, tt.want)
		}
	}
	if got := Translations("zzzz"); got != nil {
		t.Errorf("Translations(zzzz) = %q, want none", got)
	}
	if got := Translations("currency"); got[0] != "通貨" && got[0] != "カレンシー" {
		t.Errorf("Translations(currency) = %q: a word whose sole meaning it is comes first", got)
	}
}

var update = flag.Bool("update", false, "write english.txt from japanese.txt, romaji.txt from readings.txt, romaja.txt from korean.txt and kinds.txt from japanese.txt and rare.txt")

// englishTableOf turns the Japanese table around (see englishTable): for
// each English meaning, the words of which it is the earliest meaning
// first, then those with the fewest meanings, at most maxTranslations.
func englishTableOf(japanese string) string {
	type cand struct {
		word      string
		rank, all int
	}
	byEnglish := map[string][]cand{}
	for line := range strings.SplitSeq(japanese, "\n") {
		word, meanings, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		ms := strings.Split(meanings, "|")
		for i, m := range ms {
			if m != "" && !strings.ContainsAny(m, "\t\n") {
				byEnglish[m] = append(byEnglish[m], cand{word, i, len(ms)})
			}
		}
	}
	return rankedTable(byEnglish, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.all, b.all))
	}, func(c cand) string { return c.word }, maxTranslations)
}

// rankedTable writes, for each key, the words of its candidates in the
// order order gives them, at most limit (see formatTable).
func rankedTable[C any](by map[string][]C, order func(a, b C) int, word func(C) string, limit int) string {
	words := make(map[string][]string, len(by))
	for k, cs := range by {
		slices.SortStableFunc(cs, order)
		for _, c := range cs[:min(len(cs), limit)] {
			words[k] = append(words[k], word(c))
		}
	}
	return formatTable(words)
}

// maxTranslations bounds the Japanese words given for one English word.
const maxTranslations = 6

// kindsTableOf lists, for each English noun, the words of the tables
// (common first) one of whose meanings is a phrase of two to four words
// that the noun heads: its last word, or the last before "of" ("statue
// of buddha"), at most maxKinds. A meaning that begins with "to" or "be"
// is a verb's.
func kindsTableOf(tables ...string) string {
	type cand struct {
		word        string
		table, rank int
	}
	byHead := map[string][]cand{}
	for ti, table := range tables {
		for line := range strings.SplitSeq(table, "\n") {
			word, meanings, ok := strings.Cut(line, "\t")
			if !ok || strings.ContainsFunc(word, isHiragana) {
				continue // a verb or an adjective, whose meanings name no thing
			}
			for i, m := range strings.Split(meanings, "|") {
				h := Head(m)
				if h == "" || slices.ContainsFunc(byHead[h], func(c cand) bool { return c.word == word }) {
					continue
				}
				byHead[h] = append(byHead[h], cand{word, ti, i})
			}
		}
	}
	return rankedTable(byHead, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.table, b.table), cmp.Compare(a.rank, b.rank))
	}, func(c cand) string { return c.word }, maxKinds)
}

func isHiragana(r rune) bool { return lang.ScriptOf(r) == lang.Hiragana }

// maxKinds bounds the words listed for one noun.
const maxKinds = 32

// TestKindsTable: kinds.txt is what kindsTableOf derives from the common
// and the rare words; run with -update after regenerating them.
func TestKindsTable(t *testing.T) {
	checkDerived(t, "kinds.txt", kindsTable, kindsTableOf(japaneseTable, rareTable))
}

// TestKinds: the specific words an article uses for what a question calls
// by a general one (articles/dev3: 불상 of 仏像 for "buddha statue";
// 大震災 for "quake", read as "earthquake"; 校歌 for "school song").
func TestKinds(t *testing.T) {
	for _, tt := range []struct{ english, want string }{
		{"statue", "仏像"}, {"earthquake", "大震災"}, {"song", "校歌"}, {"temple", "寺院"}, {"court", "地裁"},
	} {
		if got := Kinds(tt.english); !slices.Contains(got, tt.want) {
			t.Errorf("Kinds(%q) = %q, want it to hold %s", tt.english, got, tt.want)
		}
	}
	for _, m := range []string{"to take part", "be affected", "theft", "of buddha", "one's own", "a b c d e", "take back", "turn upside down", "find oneself"} {
		if h := Head(m); h != "" {
			t.Errorf("Head(%q) = %q, want none", m, h)
		}
	}
}

// TestEnglishTable: english.txt is japanese.txt turned around; run with
// -update after regenerating japanese.txt.
func TestEnglishTable(t *testing.T) {
	checkDerived(t, "english.txt", englishTable, englishTableOf(japaneseTable))
}

// checkDerived checks that an embedded table is what its test derives from
// another, and sorted; with -update it writes it instead.
func checkDerived(t *testing.T, file, table, want string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if table != want {
		t.Errorf("%s is not what %s derives: run it with -update", file, t.Name())
	}
	if k := sorted.Unsorted(table); k != "" {
		t.Errorf("%s is not sorted at %q", file, k)
	}
}

// formatTable writes a sorted table: each key, a tab, and its values
// separated by "|".
func formatTable(values map[string][]string) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(values)) {
		fmt.Fprintf(&b, "%s\t%s\n", k, strings.Join(values[k], "|"))
	}
	return b.String()
}

// romajiTableOf turns readings.txt into the romaji table (see romajiTable):
// each katakana reading in Hepburn, and also without its long vowels
// (ou, oo, uu as o, o, u), at most maxRomaji words a reading.
func romajiTableOf(readings string) string {
	byRomaji := map[string][]string{}
	for line := range strings.SplitSeq(readings, "\n") {
		word, rs, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		for r := range strings.SplitSeq(rs, "|") {
			h := lang.RomanizeKana(r)
			if len(h) < 3 {
				continue
			}
			short := strings.NewReplacer("ou", "o", "oo", "o", "uu", "u").Replace(h)
			for _, k := range []string{h, short} {
				if !slices.Contains(byRomaji[k], word) && len(byRomaji[k]) < maxRomaji {
					byRomaji[k] = append(byRomaji[k], word)
				}
			}
		}
	}
	return formatTable(byRomaji)
}

// maxRomaji bounds the words given for one reading.
const maxRomaji = 8

// TestRomajiTable: romaji.txt is readings.txt romanized; run with -update
// after regenerating readings.txt.
func TestRomajiTable(t *testing.T) {
	readings, err := os.ReadFile("readings.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkDerived(t, "romaji.txt", romajiTable, romajiTableOf(string(readings)))
	for _, c := range []struct{ romaji, want string }{
		{"baisho", "賠償"}, {"baishou", "賠償"}, {"hanketsu", "判決"}, {"kyosei", "強制"}, {"rodo", "労働"}, {"yushutsu", "輸出"},
	} {
		if got := Romaji(c.romaji); !slices.Contains(got, c.want) {
			t.Errorf("Romaji(%q) = %q, want %q among them", c.romaji, got, c.want)
		}
	}
}

// TestNamesRomajiTable: namesromaji.txt is names.txt's readings
// romanized; run with -update after regenerating names.txt.
func TestNamesRomajiTable(t *testing.T) {
	checkDerived(t, "namesromaji.txt", namesRomajiTable, romajiTableOf(namesTable))
	for _, c := range []struct{ romaji, want string }{
		{"takamatsu", "高松"}, {"matsuyama", "松山"}, {"TSUSHIMA", "対馬"}, {"takeshima", "竹島"},
	} {
		if got := NamesRomaji(c.romaji); !slices.Contains(got, c.want) {
			t.Errorf("NamesRomaji(%q) = %q, want %q among them", c.romaji, got, c.want)
		}
	}
	if got := NamesRomaji("zzq"); got != nil {
		t.Errorf("NamesRomaji(zzq) = %q", got)
	}
}

// romajaTableOf romanizes the readings of korean.txt (see romajaTable), at
// most maxRomaji words a reading.
func romajaTableOf(korean string) string {
	byRomaja := map[string][]string{}
	for line := range strings.SplitSeq(korean, "\n") {
		word, _, ok := strings.Cut(line, "\t")
		if !ok || utf8.RuneCountInString(word) < 2 {
			continue
		}
		for _, k := range lang.RomanizeKorean(word) {
			if len(k) >= 4 && !slices.Contains(byRomaja[k], word) && len(byRomaja[k]) < maxRomaji {
				byRomaja[k] = append(byRomaja[k], word)
			}
		}
	}
	return formatTable(byRomaja)
}

// TestRomajaTable: romaja.txt is korean.txt's readings romanized; run with
// -update after regenerating korean.txt.
func TestRomajaTable(t *testing.T) {
	checkDerived(t, "romaja.txt", romajaTable, romajaTableOf(koreanTable))
	for _, c := range []struct{ romaja, want string }{
		{"baesang", "배상"}, {"pangyeol", "판결"}, {"tanhaek", "탄핵"}, {"gangje", "강제"}, {"undong", "운동"},
	} {
		if got := Romaja(c.romaja); !slices.Contains(got, c.want) {
			t.Errorf("Romaja(%q) = %q, want %q among them", c.romaja, got, c.want)
		}
	}
}

// TestReading: each character's Korean reading as it sounds inside a word
// (歷史 begins a word as 역사 but is 력사 inside one), "" for a word with a
// character that has none.
func TestReading(t *testing.T) {
	for word, want := range map[string]string{"辛格浩": "신격호", "朴槿恵": "박근혜", "歷史": "력사", "辛a": ""} {
		if got := Reading(word); got != want {
			t.Errorf("Reading(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestSinoKorean(t *testing.T) {
	for _, tc := range []struct {
		syllable string
		want     bool
	}{
		{"노", true}, {"동", true}, {"력", true}, {"역", true},
		{"넥", false}, {"슨", false}, {"밴", false}, {"캐", false}, {"렸", false},
	} {
		if got := SinoKorean(tc.syllable); got != tc.want {
			t.Errorf("SinoKorean(%q) = %v, want %v", tc.syllable, got, tc.want)
		}
	}
}

// TestTraditionalReadings: a Japanese word written in the simplified
// characters of 1946 reads in Korean as its traditional form does (証言,
// 證言: 증언; 担当, 擔當: 담당; 予定, 豫定: 예정), not as the simplified
// character read alone (証 정, 担 단, 予 여); a word whose character stands
// for yet another (台風, 颱風) has both readings, and 円 stays the yen.
func TestTraditionalReadings(t *testing.T) {
	tests := []struct{ japanese, korean string }{
		{"証言", "증언"},
		{"担当", "담당"},
		{"予定", "예정"},
		{"芸術", "예술"},
		{"舞台", "무대"},
		{"台湾", "대만"},
		{"台風", "태풍"},
		{"専門", "전문"},
		{"欠陥", "결함"},
	}
	for _, tt := range tests {
		if got := Hangul(tt.japanese); !slices.Contains(got, tt.korean) {
			t.Errorf("Hangul(%s) = %q, want %s among them", tt.japanese, got, tt.korean)
		}
		if got := Kanji(tt.korean); !slices.Contains(got, tt.japanese) {
			t.Errorf("Kanji(%s) = %q, want %s among them", tt.korean, got, tt.japanese)
		}
	}
	if got := Reading("円"); got != "엔" {
		t.Errorf("Reading(円) = %q, want 엔", got)
	}
}

// TestProperName: a proper name that is the first sense of a rare word
// finds the word, whatever its case; a common word is not a name.
func TestProperName(t *testing.T) {
	for _, tt := range []struct {
		english string
		want    string
	}{
		{"Busan", "釜山"},
		{"incheon", "仁川"},
		{"Kazakhstan", "カザフスタン"},
		{"house", ""},
		{"statue", ""},
	} {
		if got := ProperName(tt.english); tt.want == "" && got != nil || tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("ProperName(%q) = %q, want %q", tt.english, got, tt.want)
		}
	}
}

func TestSplitFullNames(t *testing.T) {
	for _, tt := range []struct {
		word string
		want []string
	}{
		{"浅田真央", []string{"浅田", "真央"}},
		{"孫正義", []string{"正義"}}, // 孫, a surname of one kanji, is in no table
		{"正義", nil},             // "justice", a word of the dictionary
		{"竹島", []string{"竹島"}},
	} {
		if got := SplitFullNames(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("SplitFullNames(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	if got := Names("真央"); !slices.Contains(got, "マオ") {
		t.Errorf("Names(真央) = %q, want マオ among them", got)
	}
}

// TestCountries: the names of countries no other table reads are read in
// Korean, with particles as a native noun is, and in Japanese, and found
// from their English name or adjective; one another table reads (미국,
// 中国) is left to it.
func TestCountries(t *testing.T) {
	if k := sorted.Unsorted(countriesTable); k != "" {
		t.Fatalf("countries.txt is not sorted at %q", k)
	}
	for _, tt := range []struct {
		got  []string
		want string
		what string
	}{
		{Japanese("カナダ"), "canada", "Japanese(カナダ)"},
		{Japanese("ギリシャ"), "greek", "Japanese(ギリシャ)"},
		{Japanese("イギリス"), "britain", "Japanese(イギリス)"}, // WordNet's synonym of CLDR's "United Kingdom"
		{NativeKorean("네덜란드"), "holland", "NativeKorean(네덜란드)"},
		{NativeKorean("캐나다에서"), "canada", "NativeKorean(캐나다에서)"},
		{NativeKorean("그리스"), "greece", "NativeKorean(그리스)"},
		{Translations("argentine"), "アルゼンチン", "Translations(argentine)"},
		{NativeKoreanFor("canadian"), "캐나다", "NativeKoreanFor(canadian)"},
		{Split("カナダ人", false), "カナダ", "Split(カナダ人)"},
	} {
		if !slices.Contains(tt.got, tt.want) {
			t.Errorf("%s = %q, want %q among them", tt.what, tt.got, tt.want)
		}
	}
	for _, name := range []string{"미국", "中国", "러시아"} {
		if _, ok := lookup(countriesTable, name); ok {
			t.Errorf("countries.txt holds %s, which another table reads", name)
		}
	}
}

// TestKanaForm: the katakana form of a noun EDICT marks as usually written
// in kana is a Japanese word with its English; a borrowed word is not
// one, nor is a reading of fewer than three kana.
func TestKanaForm(t *testing.T) {
	for _, tt := range []struct {
		word    string
		kana    bool
		english string
	}{
		{"コウノトリ", true, "stork"},
		{"マグロ", true, "tuna"},
		{"コンサート", false, ""},
		{"トキ", false, ""},
	} {
		if got := KanaForm(tt.word); got != tt.kana {
			t.Errorf("KanaForm(%q) = %v, want %v", tt.word, got, tt.kana)
		}
		if tt.english != "" && !slices.Contains(Japanese(tt.word), tt.english) {
			t.Errorf("Japanese(%q) = %q, want %q among them", tt.word, Japanese(tt.word), tt.english)
		}
	}
}
