package dictionary

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/disputebot/disputebot/knowledge/internal/sorted"
)

// nativeHomographs are the native nouns and adverbs of the table that
// Korean also reads as a Sino-Korean word, kept because the native word
// is the common one: 모두 is "all" far more often than 冒頭 ("outset"),
// 매우 "very" than 梅雨 ("rainy season"). Any other entry that Korean
// reads is a Sino-Korean word, which the table leaves to Korean.
var nativeHomographs = []string{"가장", "고래", "매우", "모두", "불길", "오직", "조금"}

// nativeSenses are Sino-Korean words of the table, kept for the sense
// Korean gives them, which the English of the Japanese word they read
// lacks: 예능 is a television variety show (芸能, "public
// entertainment"), 청와대 the Blue House (青瓦台), 감독 a director or a
// team's manager (監督, first "supervision" and "control"), 선수 a player
// (選手, and 先手, "the first move"). An English question
// finds them in a Korean article by that sense (NativeKoreanFor), and a
// Korean question in an English one; in a Japanese article it finds
// them as the Sino-Korean words they are.
var nativeSenses = []string{"감독", "담임", "대본", "연예인", "영수증", "예고편", "예능", "예능인", "예선", "전공", "청와대", "충치", "선수", "학생증", "홍보"}

func TestNativeTable(t *testing.T) {
	// Sorted strictly: a headword written twice is out of order too.
	if k := sorted.Unsorted(nativeTable); k != "" {
		t.Errorf("native.txt is not sorted, or repeats a headword, at %q", k)
	}
	// Question words and the words of grammar say nothing of a question's
	// subject.
	for _, w := range strings.Fields("누구 무엇 뭐 어디 언제 왜 어떻게 얼마 몇 이 그 저 것 거 수 등 때문 좀 진짜 그냥 하- 있- 없- 되- 않-") {
		if _, ok := lookup(nativeTable, w); ok {
			t.Errorf("native.txt holds %s, a word of grammar", w)
		}
	}
	if !strings.HasSuffix(nativeTable, "\n") {
		t.Error("native.txt does not end in a newline")
	}
	counts := map[bool]int{} // stems (true) and words
	for line := range strings.SplitSeq(strings.TrimSuffix(nativeTable, "\n"), "\n") {
		head, english, ok := strings.Cut(line, "\t")
		if !ok || head == "" || english == "" {
			t.Errorf("native.txt: malformed line %q", line)
			continue
		}
		stem, isStem := strings.CutSuffix(head, "-")
		counts[isStem]++
		for _, r := range stem {
			if _, ok := decompose(r); !ok {
				t.Errorf("native.txt: %q is not written in Hangul syllables", head)
				break
			}
		}
		senses := strings.Split(english, "|")
		if len(senses) > 4 {
			t.Errorf("native.txt: %s has %d senses, want at most 4", head, len(senses))
		}
		for _, e := range senses {
			if e == "" || e != strings.TrimSpace(e) || e != strings.ToLower(e) || strings.IndexFunc(e, func(r rune) bool { return unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Han, r) }) >= 0 {
				t.Errorf("native.txt: %s has the English %q; want plain lowercase English", head, e)
			}
		}
		if !isStem && Korean(head) != nil && !slices.Contains(nativeHomographs, head) && !slices.Contains(nativeSenses, head) {
			t.Errorf("native.txt: %s is read by Korean as %q: a Sino-Korean word, or a homograph to list in nativeHomographs", head, Korean(head))
		}
	}
	if n := counts[true] + counts[false]; n < 500 || n > 5500 {
		t.Errorf("native.txt has %d entries, want 500 to 5500", n)
	}
	t.Logf("native.txt: %d stems, %d words", counts[true], counts[false])
	for _, h := range append(slices.Clone(nativeHomographs), nativeSenses...) {
		if _, ok := lookup(nativeTable, h); !ok || Korean(h) == nil {
			t.Errorf("nativeHomographs, nativeSenses: %s is not read by Korean, or not in the table", h)
		}
	}
}

func TestNativeKorean(t *testing.T) {
	for _, tt := range []struct{ word, want string }{
		// Verbs with their endings fused into the stem's last syllable.
		{"던진", "throw"},      // 던지 + ㄴ
		{"던지는", "throw"},     // + 는
		{"던질건데", "throw"},    // + ㄹ건데
		{"던진거임", "throw"},    // + ㄴ거임, chat
		{"세워진", "build"},     // 세우 + 어지 + ㄴ, the passive
		{"세웠다", "found"},     // 세우 + 었 + 다
		{"세우셨다", "found"},    // + 시, the honorific
		{"훔친", "steal"},      // 훔치 + ㄴ
		{"훔쳤는데", "steal"},    // 훔치 + 었 + 는데
		{"되찾으려면", "recover"}, // 되찾, not 되
		{"되찾았다", "recover"},
		{"받아야", "receive"}, // 받 + 아야
		{"받은", "receive"},
		{"받습니까", "receive"},
		{"받았냐고", "receive"},
		{"받던데", "receive"},
		{"받는거임", "receive"},
		{"졌다", "lose"},  // 지 + 었 + 다
		{"보였음", "show"}, // 보이 + 었 + 음
		{"보여주려고", "show"},
		{"냈습니까", "issue"}, // 내 + 었 + 습니까
		{"이겼어", "win"},    // 이기 + 었 + 어
		{"이길까", "win"},
		{"열렸다", "be held"}, // 열리 + 었 + 다
		// Hearsay, as chat asks what it heard.
		{"옮겼다던데", "move"},    // 옮기 + 었 + 다던데
		{"끼어든다던데", "cut in"}, // 끼어들 + ㄴ다던데, the present
		{"낮다던데", "low"},      // an adjective
		{"이겼다면서", "win"},     // + 다면서
		{"졌다는데", "lose"},     // + 다는데
		{"이긴대요", "win"},      // + ㄴ대요
		{"찾아줬다", "find"},     // 찾 + 아주 + 었 + 다, the benefactive
		{"훔쳐줬다는데", "steal"},  // 훔치 + 어주 + 었 + 다는데
		{"돌려줬어", "return"},   // 돌려주 + 었 + 어
		// Verbs of chat's questions (articles/dev14.jsonl 22: 돌았냐;
		// dev11 36: 불렸을때; dev8 14: 안긴).
		{"돌았냐", "turn"},
		{"불렸을", "be called"}, // 불렸을때, with 때 apart (see index.normalize)
		{"불린", "be called"},
		{"안긴", "hug"},
		// Words Korean reads from Chinese characters as Japanese does
		// not (은퇴, 隱退: Japanese retires with 引退), chat's borrowed
		// words, and native ones added in stop 21 (articles/dev6.jsonl
		// 6, 19 and 31: 새겨진, 어이없게, 밀려났습니까).
		{"은퇴", "retirement"},
		{"환율이", "exchange rate"},
		{"금메달", "gold medal"},
		{"새겨진", "engrave"},
		{"어이없게", "absurd"},
		{"밀려났습니까", "be pushed out"},
		{"만났다", "meet"}, // 만나 + 았 + 다, contracted
		{"만나서", "meet"},
		{"팔았어", "sell"},
		{"파는", "sell"}, // 팔 loses its ㄹ before ㄴ
		{"팝니다", "sell"},
		{"죽었다", "die"},
		{"늘었다", "increase"},
		{"늘어난", "increase"},
		{"줄었어", "decrease"},
		{"줄인", "reduce"},
		{"풀렸어", "be lifted"},
		{"풀었나요", "lift"},
		{"막으려고", "block"},
		{"막혔다", "be blocked"},
		{"뺐다", "remove"},  // 빼 + 었, contracted
		{"넣었음", "put in"}, // ㅓ after a stem in ㅓ
		{"올렸다", "raise"},
		{"내렸어요", "lower"},
		{"바꿨다", "change"}, // 바꾸 + 었
		{"끝났냐", "end"},    // 끝나 + 았 + 냐
		{"끝냈습니다", "end"},  // 끝내 + 었
		{"돌아가셨다", "pass away"},
		{"말했다", "say"}, // 말하 + 였, 했
		{"일하는", "work"},
		{"살았던", "live"},
		{"사는", "buy"},        // 사 and 살 both; the stem as written first
		{"들었다", "lift"},      // 들 and 듣 both; the stem as written first
		{"들으면", "hear"},      // 듣: ㄷ turned ㄹ
		{"물어봤다", "ask"},      // 물어보 + 았
		{"도와줘", "help"},      // 도와주 + 어
		{"도왔다", "help"},      // 돕, irregular in ㅂ
		{"새로운", "new"},       // 새롭: 새로우 + ㄴ
		{"어려워", "difficult"}, // 어렵 + 어
		{"몰랐다", "not know"},  // 모르 + 았: 르 turned ㄹ라
		{"달랐다", "different"}, // 다르 + 았
		{"따라", "follow"},     // 따르 + 아: ㅡ falls out
		{"지은", "build"},      // 짓, irregular in ㅅ
		{"빨간", "red"},        // 빨갛, irregular in ㅎ
		{"커졌다", "grow"},      // 커지, its own entry
		{"바빠서", "busy"},      // 바쁘 + 아서
		{"썼다", "write"},      // 쓰 + 었
		{"삶", "life"},        // the noun, not 살 + ㅁ
		{"모임", "gather"},     // 모이 + ㅁ
		{"크게", "big"},
		{"일으켰다", "cause"},   // 일으키 + 었: 켰
		{"오래됐다", "old"},     // 오래되 + 었: 됐
		{"왔다", "come"},      // 오 + 았: 왔
		{"봤어", "see"},       // 보 + 았: 봤
		{"줬어", "give"},      // 주 + 었: 줬
		{"받으셨다", "receive"}, // 받 + 으시 + 었
		{"던지냐", "throw"},    // the questions: 냐, 느냐, 니, ㅂ니까
		{"받느냐", "receive"},
		{"던지니", "throw"},
		{"던집니까", "throw"},
		{"던집니다", "throw"},
		{"던지려면", "throw"}, // 려면 after a vowel, 으려면 after a consonant
		{"던지려고", "throw"},
		{"받으려고", "receive"},
		{"던지면", "throw"},
		{"받으면", "receive"},
		{"받지만", "receive"},
		{"받고", "receive"},
		{"던지기", "throw"}, // the nominalizer
		{"던지게", "throw"},
		{"던지지", "throw"}, // before 않다
		{"받아서", "receive"},
		{"던져서", "throw"},
		{"받아요", "receive"},
		{"던져요", "throw"},
		{"작은데", "small"},    // ㄴ데 of adjectives
		{"받을거야", "receive"}, // the chat endings
		{"이긴거야", "win"},
		{"받은건데", "receive"},
		{"큰", "big"}, // no character reads 큰
		{"많은", "many"},
		{"높이는", "raise"}, // the stem with its ending, not 높이 + 는
		{"가지고", "have"},
		{"지켜야", "protect"},
		// Nouns, adverbs and determiners with particles.
		{"마지막에", "last"},
		{"처음으로", "first"},
		{"사람들이", "people"},
		{"나라들의", "country"},
		{"돈을", "money"},
		{"섬은", "island"},
		{"바다에서", "sea"},
		{"바다에서는", "sea"},
		{"땅이었다", "land"},
		{"섬임", "island"},
		{"나라입니다", "country"},
		{"길로", "road"},
		{"팔을", "arm"}, // the noun: 팔 takes no 을 as a stem
		{"높이", "height"},
		{"다시", "again"},
		{"아직도", "still"},
		{"이미", "already"},
		{"모두", "all"},
	} {
		if got := NativeKorean(tt.word); !slices.Contains(got, tt.want) {
			t.Errorf("NativeKorean(%q) = %q, want %q among them", tt.word, got, tt.want)
		}
	}
}

func TestNativeKoreanNotFound(t *testing.T) {
	for _, w := range []string{
		// Sino-Korean words, alone or with particles, that begin with a
		// native stem or noun: the dictionary's, not the table's.
		"지난해", "지원", "살해", "정부가", "판결을", "수출규제", "사고", "보고", "일과", "산",
		// Question words and the words of grammar.
		"누구임", "어디서", "언제", "몇명", "했다", "하는", "있는", "없어", "된", "그", "것을", "왜", "얼마나",
		// Not Korean, or too long.
		"", "money", "돈\t", "던지다던지다던지다던지다던지다던지다",
		// A stem with no ending, and a particle a stem does not take.
		"훔치", "세우", "내가", "지도", "내", "진", "판",
		// Words of grammar.
		"나는", "아니", "내게", "보다",
	} {
		if got := NativeKorean(w); got != nil {
			t.Errorf("NativeKorean(%q) = %q, want nil", w, got)
		}
	}
}

func TestCandidateStems(t *testing.T) {
	for _, tt := range []struct{ prefix, want string }{
		{"던진", "던지"}, {"졌", "지"}, {"봤", "보"}, {"줬", "주"}, {"됐", "되"}, {"냈", "내"},
		{"했", "하"}, {"렸", "리"}, {"웠", "우"}, {"쳤", "치"}, {"켰", "키"}, {"셨", "시"},
		{"판", "팔"}, {"파", "팔"}, {"몰", "모르"}, {"들", "듣"}, {"새로", "새롭"}, {"지", "짓"}, {"빨간", "빨갛"},
	} {
		if got := candidateStems([]rune(tt.prefix)); !slices.Contains(got, tt.want) {
			t.Errorf("candidateStems(%q) = %q, want %q among them", tt.prefix, got, tt.want)
		}
	}
}

func BenchmarkNativeKorean(b *testing.B) {
	words := []string{"훔쳤는데", "되찾으려면", "사람들이", "정부가", "수출규제", "돌려줬어"}
	for b.Loop() {
		for _, w := range words {
			NativeKorean(w)
		}
	}
}
