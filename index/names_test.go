package index

import (
	"context"
	"testing"

	"github.com/disputebot/disputebot/knowledge"
)

// TestGivenNames: a Japanese question names a Japanese person in full in
// kanji, and an English or Korean article writes the given name by its
// sound (Akio, 하루키), where a surname of one kanji (孫, Son) is no name
// the table of surnames holds. The class of the dev questions 孫正義
// (articles/dev18.jsonl 9), 伊藤博文 (articles/dev18.jsonl 43, 히로부미) and
// 大村秀章 (articles/dev.jsonl 161, Hideaki). A word of the dictionary
// (正義, "justice") is not read as a given name.
func TestGivenNames(t *testing.T) {
	en := article("walkman", "", "1979-07-01",
		"TOKYO, July 1 -- Sony co-founder Akio Morita unveiled a portable cassette player on Sunday.",
		"The device weighs about 400 grams and will sell for 33,000 yen.",
		"Masayoshi Takeda, a retailer in Akihabara, said he had ordered 200 units.")
	ko := articleIn(knowledge.Korean, "haruki", "2023-04-13",
		"(서울=연합) 일본 작가 무라카미 하루키의 새 장편소설이 13일 일본에서 출간됐다.",
		"초판은 30만 부를 찍었다.")
	idx, _ := openTest(t, append(defaultCorpus(t), en, ko))
	checkSaidAs(t, idx, []saidAs{
		{"盛田昭夫が発表したのは何？", "盛田昭夫", "akio"},
		{"村上春樹の新作の初版は何部？", "村上春樹", "하루키"},
		{"武田正義さんは何台注文した？", "武田正義", "masayoshi"},
	})
	if c := findConcept(analyzeQuestion(t, idx, "正義とは何か"), "正義"); c != nil && hasAlt(c, "masayoshi") {
		t.Errorf("正義, \"justice\", is said as the given name Masayoshi")
	}
	ans, err := idx.Search(context.Background(), knowledge.Query{Text: "武田正義さんは何台注文したの？", Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Hits) == 0 || ans.Hits[0].ArticleID != "walkman" {
		t.Errorf("武田正義: hits %v, want the article walkman first", ans.Hits)
	}
}

// TestThreeLetterNames: a Japanese name in kanji whose reading is three
// letters (小野, Ono; 真央, Mao) is said as the English article spells it,
// though English has a word of those letters (ono, a fish; Mao Zedong):
// the kanji are a name. The class of the dev questions 浅田真央 and 真央
// (articles/dev9.jsonl 9, 10 and 39) and 小野 (articles/dev27.jsonl 13).
func TestThreeLetterNames(t *testing.T) {
	en := article("drug", "", "2020-10-13",
		"SEOUL, Oct. 13 -- A South Korean drugmaker licensed its new sleep medicine in Japan to Ono Pharmaceutical on Tuesday.",
		"Ono will pay 5 billion yen up front and royalties on sales.",
		"The skater Mao Ueda, who appears in the Japanese advertisements, said she had trouble sleeping before competitions.")
	idx, _ := openTest(t, append(defaultCorpus(t), en))
	checkSaidAs(t, idx, []saidAs{
		{"小野薬品は契約金いくら払う？", "小野", "ono"},
		{"上田真央って誰", "上田真央", "mao"},
	})
}

// TestKoreanNamesEndingAsEndings: a Korean name whose last syllable reads
// as a verb's ending (전창한 and 김태한, whose 한 is that of 하다) is the
// name an English article spells, not its first two syllables
// (articles/dev28.jsonl 11 and 14: 전창한 씨, Chon Chang-han); a word of
// the dictionary with a particle is no name (선수가: 선수, "player", not
// Sun Su-ga). A given name's syllable that English spells as a stop word
// (Park Jung-in) is the gap the analyzer leaves.
func TestKoreanNamesEndingAsEndings(t *testing.T) {
	en := article("court", "", "2016-07-19",
		"TOKYO, July 19 -- A Tokyo court sentenced Chon Chang-han, 28, to four years in prison on Tuesday.",
		"His lawyer, Kim Tae-han, said he would appeal the ruling.",
		"Prosecutors had asked for five years, the court said.")
	idx, _ := openTest(t, append(defaultCorpus(t), en))
	checkSaidAs(t, idx, []saidAs{
		{"전창한 씨는 몇 년 형 받았어?", "전창", "chon chang han"},
		{"김태한 변호사는 뭐라고 했어?", "김태", "kim tae han"},
	})
	// A given name's syllable that English spells as a stop word is the
	// gap the analyzer leaves in the name (Park Jung-in: 박정인).
	idx2, _ := openTest(t, append(defaultCorpus(t), article("lawyer", "", "2016-07-20",
		"SEOUL, July 20 -- His lawyer, Park Jung-in, said on Wednesday that he would appeal the ruling.")))
	q := analyzeQuestion(t, idx2, "박정인 변호사는 뭐라고 했어?")
	if c := findConcept(q, "박정인"); c == nil || !hasAlt(c, "park", "jung", "") {
		t.Errorf("박정인: concepts %q, want it said as park jung-in", conceptLabels(q))
	}
	if c := findConcept(analyzeQuestion(t, idx, "선수가 몇 명이었어?"), "선수"); c != nil && hasAlt(c, "sun") {
		t.Errorf("선수가 is read as a name")
	}
}

// TestKoreanNamesWithWoo: English spells the syllable 우 of a Korean name
// Woo (Choi Sung-woo, Sung Jin-woo), and a company's name as a person's
// syllables (Daewoo, Hanjin), the compound that holds it read as the name
// and a noun (대우조선, 한진해운), and a Japanese question's kanji by their
// Korean reading (大宇: 대우, Daewoo). The class of the dev questions 최승우
// (articles/dev10.jsonl 5), 성진우 (articles/dev9.jsonl 36), 대우조선
// (articles/dev19.jsonl 5) and 大宇造船海洋 (articles/dev19.jsonl 11, 15).
func TestKoreanNamesWithWoo(t *testing.T) {
	en := article("shipping", "", "2016-08-31",
		"SEOUL, Aug. 31 -- Hanjin Shipping filed for court receivership on Wednesday after its creditors refused further aid.",
		"Its chairman, Park Min-woo, said 85 ships were stranded at sea.",
		"Daewoo Shipbuilding said orders from the line had been cancelled.")
	idx, _ := openTest(t, append(defaultCorpus(t), en))
	checkSaidAs(t, idx, []saidAs{
		{"박민우 회장이 뭐라고 했어?", "박민우", "park min woo"},
		{"한진해운 법정관리 언제 신청함?", "한진해운", "hanjin"},
		{"대우조선은 어떻게 됐어", "대우조선", "daewoo"},
		// Japanese writes the company in the Chinese characters its
		// Korean name reads (大宇, 대우; articles/dev19.jsonl 11 and 15).
		{"大宇造船への発注はどうなった？", "大宇", "daewoo"},
	})
}

// TestJapaneseNamesEndingInParticles: a Japanese name whose last syllable
// in Hangul is also a particle (아사카와, 모리카와: 와, "and"; 하세가와: 가
// and 와) is indexed without it, and an English question still finds it
// by its sound: the class of articles/dev20.jsonl 33, 35 and 45 (Asakawa
// Takumi, of a Korean article).
func TestJapaneseNamesEndingInParticles(t *testing.T) {
	ko := articleIn(knowledge.Korean, "exchange", "2019-05-20",
		"모리카와 유키 교장이 이끄는 학생 20명이 전주를 찾았다.",
		"교류를 이끈 하세가와 겐지 지사는 \"이웃으로서 더 가까워지자\"고 말했다.")
	idx, _ := openTest(t, append(defaultCorpus(t), ko))
	checkSaidAs(t, idx, []saidAs{
		{"how many students did morikawa bring", "morikawa", "모리카"},
		{"what did governor hasegawa say", "hasegawa", "하세"},
	})
}

// TestLatinNamesInKatakana: an English question names a Korean person in
// Latin letters, and a Japanese article writes the name by its sound in
// katakana, as Japanese news writes most Korean names (Park Chan-wook:
// パク・チャヌク). English spells a given name's syllable that begins with
// the vowel u with a w (욱: wook, 웅: woong), and a syllable of a given
// name is no chat shorthand for all a hyphen joins it ("min" of Choi
// Min-sik is no "minutes"). The class of the dev questions Park Chan-wook
// (articles/dev23.jsonl 17), Oh Dae-su (articles/dev23.jsonl 20) and Shin
// Dong-bin (articles/dev6.jsonl 27, シン・ドンビン).
func TestLatinNamesInKatakana(t *testing.T) {
	ja := articleIn(knowledge.Japanese, "busan-filmfest", "2019-10-04",
		"【釜山＝本紙特派員】第24回釜山国際映画祭が3日開幕し、開幕式の司会をチョン・ヘイン（31）とイ・ハニ（36）が務めた。",
		"審査委員長はキム・ドンウク監督で、今年は85カ国から303本が出品された。",
		"開幕作にはカザフスタンの映画が選ばれ、チェ・ミンジュン記者によると前売り券は2分で売り切れた。")
	idx, _ := openTest(t, append(defaultCorpus(t), ja))
	checkSaidAs(t, idx, []saidAs{
		{"who hosted the opening, jung hae-in?", "jung hae in", "チョン・ヘイン"},
		{"what did Kim Dong-wook judge at busan", "kim dong wook", "キム・ドンウク"},
		{"choi min-jun said tickets sold out how fast", "choi min jun", "チェ・ミンジュン"},
	})
	if c := findConcept(analyzeQuestion(t, idx, "choi min-jun said tickets sold out how fast"), "minutes"); c != nil {
		t.Errorf("the min of Choi Min-jun is read as minutes")
	}
	ans := ask(t, idx, knowledge.Query{Text: "who was kim dong-wook at the festival", Limit: 3})
	if len(ans.Hits) == 0 || ans.Hits[0].ArticleID != "busan-filmfest" {
		t.Errorf("kim dong-wook: hits %v, want busan-filmfest first", ans.Hits)
	}
}
