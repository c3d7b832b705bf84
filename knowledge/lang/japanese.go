package lang

import (
	"strings"
	"unicode/utf8"
)

// Japanese is written without spaces, but its scripts divide it: content
// words (nouns, the stems of verbs and adjectives) are written in kanji,
// and loanwords and foreign names in katakana, while particles, endings
// and auxiliaries are written in hiragana. 輸出規制はいつ解除されたの
// ("when were the export controls lifted") is 輸出規制 | はいつ | 解除 |
// されたの: the kanji runs are what the question is about. A
// morphological analyzer would divide the kanji runs further, but a
// question's kanji compounds are matched against the lexicon inside the
// runs anyway, and the rest can only count as words the corpus lacks.

// japaneseFunctionWords are kanji and katakana words of asking and of
// grammar.
var japaneseFunctionWords = map[string]bool{}

func init() {
	for _, w := range []string{
		"何", "何故", "何時", "何処", "誰", "何人", "何年", "何月", "何日", "何回", "何分", "何時間", "何社", "何故か", "如何",
		"一体", "程度", "側", "頃", "日", "今", "今回", "最近", "当時", "結局", "本当", "実際", "正確", "具体", "具体的", "大体", "事", "物", "方", "時", "件", "話", "的", "等", "中", "後", "前",
		"私", "僕", "俺", "君", "彼", "彼女", "我々", "皆", "様", "教", "知", "言", "思", "聞", "見",
		"マジ", // chat's "for real" (〜ってマジ？)
		"関", "関係", "内容", "理由", "説明", "質問", "詳", "簡単", "結果", "状況", "現在", "今後", "政府", "当局",
		"以降", "以前", "以後", "以上", "以下", "当初", "直後", "直前", "同日", "同月", "同年", "今年", "昨年", "両国", "同国",
	} {
		japaneseFunctionWords[w] = true
	}
}

// JapaneseWord is a content word of a Japanese text: a run of kanji or
// katakana that is not a word of asking or of grammar.
type JapaneseWord struct {
	Text       string
	Start, End int
	// Weak words are a single kanji: the stem of a verb or a word too
	// short to tell much (外 of 外された, "was removed").
	Weak bool
}

// JapaneseContent returns the content words of Japanese text.
func JapaneseContent(text string) []JapaneseWord {
	var out []JapaneseWord
	for _, r := range Runs(text) {
		if r.Script != Kanji && r.Script != Katakana {
			continue
		}
		start, end := r.Start, r.End
		if r.Script == Kanji {
			start, end = trimFunctionKanji(text, start, end)
		}
		if start == end || japaneseFunctionWords[text[start:end]] || strings.Trim(text[start:end], "ー・") == "" {
			continue // a long-vowel mark alone lengthens a hiragana word (くーぱん, すごーい)
		}
		w := text[start:end]
		out = append(out, JapaneseWord{Text: w, Start: start, End: end, Weak: r.Script == Kanji && utf8.RuneCountInString(w) == 1})
	}
	return out
}

// trimFunctionKanji returns the part of the kanji run text[start:end]
// that is content: before a word of asking that starts with 何 (何人,
// 何番目, 何か国: the counter asked for), and without the words of
// grammar written in kanji at its ends, which kanji runs glue to their
// neighbours (結局何人, "how many in the end"; 一体何).
func trimFunctionKanji(text string, start, end int) (int, int) {
	if i := strings.Index(text[start:end], "何"); i >= 0 {
		end = start + i
	}
	for start < end {
		n := functionAffix(text[start:end], strings.HasPrefix)
		if n == 0 {
			break
		}
		start += n
	}
	for start < end {
		n := functionAffix(text[start:end], strings.HasSuffix)
		if n == 0 {
			break
		}
		end -= n
	}
	return start, end
}

// functionAffix returns the length in bytes of the longest word of
// grammar of two kanji or more that w begins with (has is
// strings.HasPrefix) or ends with (strings.HasSuffix) and is longer than,
// or 0.
func functionAffix(w string, has func(s, affix string) bool) int {
	best := 0
	for f := range japaneseFunctionWords {
		if len(f) > best && len(f) < len(w) && utf8.RuneCountInString(f) >= 2 && has(w, f) {
			best = len(f)
		}
	}
	return best
}
