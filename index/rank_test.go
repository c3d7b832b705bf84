package index

import (
	"context"
	"strings"
	"testing"

	"github.com/disputebot/disputebot/knowledge"
)

// TestAgeAsWritten: a question asking an age ("how old", 몇 살, 何歳) is
// answered by a passage that gives it as Korean and Japanese write it,
// a number with the counter of age (67세, 16歳), which no spelling of
// "years old" matches — the class of the dev article question "Who is
// the youngest of the nine, and how old is she?" (最年少のニナは15歳).
func TestAgeAsWritten(t *testing.T) {
	idx, _ := openTest(t, append(defaultCorpus(t), fixture(t, "ja-osaka-theatre.md"), fixture(t, "ko-shipyard.md")))
	cases := []struct{ q, want string }{
		{"how old is the youngest actor in the osaka show", "出演者の最年少は16歳"},
		{"the welder kim man-seok, how old is he?", "김만석(67세)"},
		{"金万石さんって何歳？", "김만석(67세)"},
	}
	if n := inTopThree(t, idx, cases); n < 2 {
		t.Errorf("%d of %d in the top three", n, len(cases))
	}
}

// clumpArticles are articles of subjects the default corpus does not
// mention, each naming its subject in most of its passages, and others
// that say once a word the questions about the subject use (mayor, 市長,
// 시장) of someone else.
func clumpArticles() []*knowledge.Article {
	return []*knowledge.Article{
		articleIn(knowledge.English, "gurye", "2024-05-20",
			"GURYE, May 20 -- Otters have returned in numbers to the Seomjin River around Gurye, a survey by the county's environment office found this week, three decades after pollution and hunting had nearly wiped them out of the valley.",
			"Volunteers walked 40 kilometres of riverbank near Gurye in April, looking for tracks, droppings and dens, and counted 212 otters, up from 150 in the previous survey of 2019 and from fewer than 60 in 2004.",
			"Gurye credits cleaner water. Since 2015 farms upstream have cut fertiliser run-off by a third, and the otters' prey, catfish and carp, has recovered in the slower stretches of the river.",
			"Gurye plans to fit ten of the animals with radio tags next year to learn how far they travel between the river and the rice paddies, the county chief, Kim Soon-ho, told reporters."),
		articleIn(knowledge.English, "sokcho", "2023-10-02",
			"SOKCHO, Oct. 2 -- The city's lantern festival moved this year from the harbour to Cheongcho Lake, drawing 180,000 visitors over four nights, the largest crowd since the festival began in 2009.",
			"The main reason for the move, organisers said, was the cost of closing the harbour road for four nights, which had doubled since 2020 as fishing boats and delivery trucks competed for the space.",
			"About 300 volunteers helped run the festival, and local schools made 2,000 of the lanterns that lined the lake shore, many of them shaped like fish, seagulls and the city's fishing boats. The mayor, Lee Byeong-seon, lit the first one."),
		articleIn(knowledge.Japanese, "arita", "2023-06-05",
			"【佐賀】有田焼の始祖とされる朝鮮人陶工、李参平をたたえる記念碑の前で4日、没後370年の法要が営まれ、有田町の関係者や韓国・公州市の代表団ら約150人が参列した。",
			"有田の陶山神社の境内にある碑は、1917年に有田の窯元らが建てた。朝鮮半島から渡った李参平が泉山で磁器の原料となる陶石を見つけ、日本で初めて磁器を焼いたことへの感謝を伝えるためだという。",
			"有田では毎年5月の陶器市に100万人以上が訪れる。公州市とは1990年に姉妹都市となり、有田と公州の陶芸家が互いの窯を訪ねる交流を続けている。",
			"有田町の松尾佳昭町長は法要のあいさつで、李参平の功績を紹介する展示館を来年、有田駅前に開く計画を明らかにし、韓国からの観光客も呼び込みたいと述べた。"),
		articleIn(knowledge.Korean, "hadong", "2024-04-28",
			"(하동=연합) 경남 하동에서 27일 야생차문화축제가 개막했다. 하동은 신라 때 당나라에서 들여온 차 씨앗을 처음 심은 곳으로 알려져 있으며, 올해 축제에는 닷새 동안 20만 명이 찾을 것으로 보인다.",
			"하동 화개면 일대의 차밭은 2017년 국가중요농업유산으로 지정됐다. 하동 녹차는 지리산 자락의 큰 일교차와 안개 덕분에 맛이 부드럽다는 평가를 받는다.",
			"하동군은 올해 일본 시즈오카현의 차 생산자 20여 명을 축제에 초청했다. 하승철 하동군수는 두 지역이 차 재배 기술을 나누는 협약을 맺을 계획이라고 밝혔다.",
			"하동 축제장에서는 덖음차 만들기 체험과 찻사발 전시가 열리며, 하동 읍내와 축제장을 잇는 셔틀버스가 30분마다 운행한다."),
	}
}

// TestClumping: the word an article is about stands in many of its
// passages and in no other article's, and weighs in the ranking as a word
// said once (see clumped). A question naming that subject and a word
// another article says once of something else ranks the subject's article
// first: with the dev articles, "What total score did Kim Yu-na post to
// win the women's competition in Vancouver?" (articles/dev9.jsonl 1),
// "川崎のヘイト条例って罰金とかいつから本格的に効くの？" (articles/dev12.jsonl 1)
// and "今回の新規上場は、国内ではどの企業の上場以来の規模とされていますか。"
// (articles/dev10.jsonl 10) rank their passage first with it, and lower
// without it.
func TestClumping(t *testing.T) {
	idx, _ := openTest(t, append(defaultCorpus(t), clumpArticles()...))
	weighs := func(q, label string) float64 {
		for _, c := range analyzeQuestion(t, idx, q).concepts {
			if c.label == label {
				return c.topical
			}
		}
		t.Fatalf("%q: no concept %q", q, label)
		return 0
	}
	for _, tc := range []struct{ q, subject, other string }{
		{"who is gurye's mayor", "gurye", "mayor"},
		{"有田の市長って誰？", "有田", "mayor"},
		{"하동 시장 누구임?", "하동", "시장"},
	} {
		if s, o := weighs(tc.q, tc.subject), weighs(tc.q, tc.other); s < 1.15 || o > 1.05 {
			t.Errorf("%q: %s weighs %.2f times its weight, %s %.2f: want the subject of an article more, the other not", tc.q, tc.subject, s, tc.other, o)
		}
	}
	top := func(q string) string {
		_, ranked, _ := idx.debugRank(t, q)
		if len(ranked) == 0 {
			return ""
		}
		return ranked[0].p.hit.ArticleID
	}
	if got := top("who is gurye's mayor"); got != "gurye" {
		t.Errorf("who is gurye's mayor: ranked first from %q, want gurye", got)
	}
	idx.ranking.Clumping = 0
	defer func() { idx.ranking = defaultRanking }()
	if got := top("who is gurye's mayor"); got == "gurye" {
		t.Errorf("without clumping gurye still ranks first: the test shows nothing")
	}
}

// TestSumOrShare: a question asking how much is answered by a passage
// that gives a sum or a share, and one giving neither misses what it asks
// (ranking.SumOrShare). A member asks what a deal cost or what a ticket
// costs of an article that gives no price: the dev articles' near
// off-topic questions of the class ("How much did Kakao Games pay Cygames
// for the Korean publishing rights to Uma Musume?", articles/dev14.jsonl
// 32; "권희로 씨가 폭력조직에 갚아야 했던 빚은 얼마였습니까?",
// articles/dev13.jsonl 39; "how much did osaka prefecture use to give the
// korean schools in subsidies", articles/dev16.jsonl 32) were answered by
// a passage on the subject with no sum in it. A share answers how much of
// something, or by how much it changed (dev.jsonl 171, 416: Japan's share
// of the world market, the fall of Uniqlo's sales). The articles are ours,
// in three languages.
func TestSumOrShare(t *testing.T) {
	hanji := articleIn(knowledge.English, "hanji", "2024-09-03",
		"JEONJU, Sept. 3 -- A hanji paper mill in Jeonju has won an order to supply restorers at the Kyoto National Museum, the first time a Japanese museum has bought Korean mulberry paper in bulk, the city said on Tuesday.",
		"The museum will pay 180 million won for 40,000 sheets of the paper over three years, the city said. The mill's sales abroad rose 35% last year, most of them to conservators in Japan and Europe.",
		"Jeonju's mills make the paper by hand from the bark of paper mulberry grown on farms around the city, a craft that the mill's owner, Choi Young-soo, learned from his father.")
	idx, _ := openTest(t, append(defaultCorpus(t), append(clumpArticles(), hanji)...))
	given := []struct{ q, want string }{
		{"how much will the kyoto museum pay for the hanji", "180 million won"},
		{"京都の博物館は韓紙にいくら払うの？", "180 million won"},
		{"how much did the hanji mill's sales abroad grow", "rose 35%"},
	}
	notGiven := []string{
		"how much did gurye spend on the otter radio tags?",
		"하동 축제 예산 얼마야?",
		"how much does a ticket to the sokcho lantern festival cost",
	}
	measure := func() (first, answered int) {
		for _, tc := range given {
			ans, err := idx.Search(context.Background(), knowledge.Query{Text: tc.q})
			if err != nil {
				t.Fatal(err)
			}
			if len(ans.Hits) > 0 && strings.Contains(ans.Hits[0].Text, tc.want) {
				first++
			}
		}
		for _, q := range notGiven {
			ans, err := idx.Search(context.Background(), knowledge.Query{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			if len(ans.Hits) > 0 {
				answered++
				t.Logf("%q answered: %.60s", q, ans.Hits[0].Text)
			}
		}
		return first, answered
	}
	first, answered := measure()
	if first < len(given) || answered > 0 {
		t.Errorf("sums and shares first: %d of %d; questions of sums not given answered: %d of %d", first, len(given), answered, len(notGiven))
	}
	idx.ranking.SumOrShare = false
	idx.cache.invalidate()
	defer func() { idx.ranking = defaultRanking; idx.cache.invalidate() }()
	if f, a := measure(); f >= first && a <= answered {
		t.Errorf("without the rule: %d first, %d answered: the test shows nothing", f, a)
	}
}
