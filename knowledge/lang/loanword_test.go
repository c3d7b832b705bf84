package lang

import "testing"

// TestLoanwordSpelling: borrowed words are spelt within the loanword
// orthography (articles/dev.jsonl 41: 레이더; 106: 스와프), verb forms
// mostly not (dev2.jsonl 82: 되는거).
func TestLoanwordSpelling(t *testing.T) {
	for w, want := range map[string]bool{
		"레이더": true, "스와프": true, "보이콧": true, "센터": true, "트리엔날레": true, "유네스코": true,
		"되는거": false, "했다": false, "없어": false, "까지": false, "의견": false, "radar": false, "": false,
		// A final before a syllable without an initial: an ending or a
		// particle on a stem (money's マネー is not 만에, 8년여 만에, "after
		// eight years"; parlour's パーラー not 팔아, "sell"; jaguar's
		// ジャガー not 적어, "write").
		"만에": false, "팔아": false, "적어": false, "글로벌": true, "셔틀": true, "비자": true, "싱어": true,
		// 쓰 is how the rules write Japanese つ; no other tense consonant.
		"쓰시마": true, "마쓰노": true, "쓰나미": true, "싸우다": false, "쓴": false,
	} {
		if got := LoanwordSpelling(w); got != want {
			t.Errorf("LoanwordSpelling(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestWithoutDoubling: a borrowed word's final ㅅ before a consonant is
// taken out and the consonant made voiceless (롯데: 로테, as ロッテ;
// 다르빗슈: 다르비슈); before ㅇ, or in a word without one, nothing changes.
func TestWithoutDoubling(t *testing.T) {
	for in, want := range map[string]string{"롯데": "로테", "다르빗슈": "다르비슈", "커피숍": "커피숍", "깃업": "깃업", "터널": "터널", "a롯": "a롯"} {
		if got := WithoutDoubling(in); got != want {
			t.Errorf("WithoutDoubling(%q) = %q, want %q", in, got, want)
		}
	}
}
