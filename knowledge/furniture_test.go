package knowledge

import (
	"strings"
	"testing"
	"time"
)

func TestDatelineDate(t *testing.T) {
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	body := func(ps ...string) *Article {
		a := &Article{}
		for _, p := range ps {
			a.Body = append(a.Body, Paragraph{Text: p})
		}
		return a
	}
	tests := []struct {
		name string
		a    *Article
		want string // "" for no date
	}{
		{"weekday and a later deadline", body("By Hana Yoshida-Clarke, Tokyo Correspondent",
			"TOKYO, July 22 (East Asia Wire) — The UNESCO World Heritage Committee on Thursday adopted a decision.",
			"The sites were inscribed in July 2015. Japan must report by Dec. 1, 2022."), "2021-07-22"},
		{"weekday, older years in the text", body(
			"SEOUL, Oct. 17 (Korea Pacific Press) — Japanese Prime Minister Shigeru Ishiba sent a ritual offering to Yasukuni Shrine on Thursday, the first day of its festival.",
			"Kishida had done so in 2023."), "2024-10-17"},
		{"a year in the dateline", body("TOKYO, Dec. 16, 2019 (Kyodo) — The two ministers met on Monday in Madrid for talks."), "2019-12-16"},
		{"no weekday", body("TOKYO, July 22 (East Asia Wire) — The committee adopted a decision on the sites in 2021."), ""},
		{"no dateline", body("The committee on Thursday adopted a decision about the sites inscribed in 2015."), ""},
		{"the weekday fits no year", body("TOKYO, July 22 (Wire) — The committee met on Monday to adopt a decision.", "It was 2026."), ""},
		{"not yet", body("TOKYO, Dec. 24 (Wire) — The ministers will meet on Thursday to agree on the plan.", "It is 2026."), ""},
	}
	for _, tc := range tests {
		d, ok := DatelineDate(tc.a, now)
		got := ""
		if ok {
			got = d.Format(DateLayout)
		}
		if got != tc.want {
			t.Errorf("%s: DatelineDate = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func FuzzDatelineDate(f *testing.F) {
	f.Add("TOKYO, July 22 (East Asia Wire) — The committee on Thursday adopted a decision.", "Report by 2022.")
	f.Add("SEOUL, Feb. 30 — On Monday nothing at all happened here today.", "")
	f.Fuzz(func(t *testing.T, first, second string) {
		now := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
		a := &Article{Body: []Paragraph{{Text: first}, {Text: second}}}
		if d, ok := DatelineDate(a, now); ok && (d.After(now) || d.Year() < 1900) {
			t.Errorf("DatelineDate(%q) = %v", first, d)
		}
	})
}

// TestFurnitureLines: the lines a news page puts around the article are
// not answer text; sentences that merely mention publishing are.
func TestFurnitureLines(t *testing.T) {
	for _, text := range []string{
		"Published August 19, 2023, 6:40 a.m. ET | Updated 11:05 a.m. ET 6 min read",
		"Updated 3 hours ago",
		"Posted 12 March 2024",
		"4 min read",
		"© 2024 The Example Times. All rights reserved.",
		"World | Asia | Business | Sport",
		"Home › News › Politics › North Asia",
		"Related: Japan and South Korea mark 60 years of diplomatic ties",
		"Also read: Seoul protests Takeshima Day",
		// The label of a date and a time printed apart from it, as a
		// page's <time> elements leave them (articles/dev25's 입력,
		// dev24's "9:05 p.m." after "Updated").
		"입력",
		"Updated:",
		"（最終更新",
		"9:05 p.m.",
		"11:30）",
	} {
		if !isFurniture(text) {
			t.Errorf("isFurniture(%q) = false", text)
		}
	}
	for _, text := range []string{
		"Published figures for 2019 differ, because the agencies count visitors differently.",
		"The ministry updated its list of trusted trading partners on 28 August 2019.",
		"The report was published in 2021 and read widely in Seoul.",
		"Related talks are due in Tokyo next month, officials said.",
		"The vote was 94-2, with three abstentions.",
		"입력된 자료는 모두 공개됐다.",
		"9:05 p.m. was when the vote ended.",
	} {
		if isFurniture(text) {
			t.Errorf("isFurniture(%q) = true", text)
		}
	}
}

// TestKicker: a label above a page's text (articles/dev26's "PyeongChang
// 2018 · Curling" above its dateline and text) heads the first section
// and is no passage text; an article of short lines only keeps them as
// its text.
func TestKicker(t *testing.T) {
	lead := "GANGNEUNG, South Korea — South Korea's women's curling team is certain of an Olympic medal for the first time after its skip's final stone of an extra end came to rest on the button on Friday night."
	a := &Article{ID: "x", Title: "Garlic Girls reach the final", Kind: KindArticle, Body: []Paragraph{
		{Text: "PyeongChang 2018 · Curling"},
		{Text: "February 23, 2018, 11:40 p.m. KST"},
		{Text: lead},
		{Text: "The win sends the hosts into Sunday's gold medal game against Sweden, and makes them the first team from Asia to play for Olympic gold in curling."},
	}}
	ps := a.Passages()
	if len(ps) != 2 {
		t.Fatalf("%d passages: %q", len(ps), passageTexts(ps))
	}
	if !strings.HasPrefix(ps[0].Text, "South Korea's women's") {
		t.Errorf("first passage %.60q: the kicker, the date and the dateline are not its text", ps[0].Text)
	}
	for _, p := range ps {
		if !strings.Contains(p.Context, "PyeongChang 2018 · Curling") {
			t.Errorf("passage %d: context %.80q lacks the kicker", p.N, p.Context)
		}
	}
	if !strings.Contains(ps[0].Context, "February 23, 2018") {
		t.Errorf("first passage: context %.80q lacks the date", ps[0].Context)
	}
	for _, body := range [][]Paragraph{
		{{Text: "Diplomacy"}, {Text: "Leaders meet"}},
		{{Text: "In brief"}, {Text: "Seoul: talks resume."}},
	} {
		a.Body = body
		got := strings.Join(passageTexts(a.Passages()), " ")
		for _, p := range body {
			if !strings.Contains(got, p.Text) {
				t.Errorf("short article %v: %q lost from the text %q", body, p.Text, got)
			}
		}
	}
}

// TestLoneDateline: a dateline on a line of its own is the dateline, not
// a paragraph; a short line in capitals that is no place with a date or
// an agency is not one.
func TestLoneDateline(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"SEOUL, March 4, 2025", "SEOUL, March 4, 2025"},
		{"TOKYO (Kyodo) —", "TOKYO (Kyodo)"},
		{"WASHINGTON", "WASHINGTON"},
		{"Seoul, March 4, 2025", ""},
		{"OK", ""},
		{"SEOUL, March 4, 2025 South Korea and Japan will hold talks.", ""},
		{"Meanwhile:", ""},
		// A date alone, as a page prints the day of publication apart
		// (articles/dev7's <time> between byline and text).
		{"December 16, 1963", "December 16, 1963"},
		{"Nov. 26, 2004", "Nov. 26, 2004"},
		{"Monday, 4 March 2025", "Monday, 4 March 2025"},
		{"2024-03-22", "2024-03-22"},
		{"December 16, 1963 was a Monday.", ""},
		{"In March 2025", ""},
		// As Japanese and Korean pages print it (articles/dev12's
		// Japanese page: 2019年12月12日 18時30分).
		{"2019年12月12日 18時30分", "2019年12月12日 18時30分"},
		{"2013년 5월 16일", "2013년 5월 16일"},
		{"입력 2013.05.16 오후 3:20", "입력 2013.05.16 오후 3:20"},
		{"2019年12月12日、市議会で可決された。", ""},
		// With the date of the last update after a dot, and the label
		// of that date left on the first's line by the page's <time>
		// elements (articles/dev27's Korean page).
		{"입력 2022.03.22 11:42 · 수정 2022.03.22 16:05", "입력 2022.03.22 11:42 · 수정 2022.03.22 16:05"},
		{"2022.03.22 11:42 · 수정", "2022.03.22 11:42 · 수정"},
		{"기사입력 2019.07.04 오전 9:00", "기사입력 2019.07.04 오전 9:00"},
		{"配信 2021年3月10日 14時05分 / 更新 2021年3月10日 15時", "配信 2021年3月10日 14時05分 / 更新 2021年3月10日 15時"},
		{"2022.03.22 수정된 법이 시행됐다.", ""},
		// With the time of day, its zone and the time of the last
		// update (articles/dev20 and dev26 print "December 2, 2020,
		// 6:40 p.m. JST" above the text).
		{"December 2, 2020, 6:40 p.m. JST", "December 2, 2020, 6:40 p.m. JST"},
		{"February 8, 2023, 7:00 a.m. KST · Updated 9:40 a.m.", "February 8, 2023, 7:00 a.m. KST · Updated 9:40 a.m."},
		{"4 March 2025 10:30 GMT", "4 March 2025 10:30 GMT"},
		{"2023年9月15日 9:00（最終更新 11:30）", "2023年9月15日 9:00（最終更新 11:30）"},
		{"December 2, 2020, 6:40 p.m. JST the Diet voted.", ""},
		// Two places, as a joint dateline names them.
		{"TOKYO/SEOUL (Harbor Line Times) —", "TOKYO/SEOUL (Harbor Line Times)"},
	} {
		if got := loneDateline(tc.text); got != tc.want {
			t.Errorf("loneDateline(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	a := &Article{ID: "x", Title: "Title", Kind: KindArticle, Body: []Paragraph{
		{Text: "SEOUL, March 4, 2025"},
		{Text: "South Korea and Japan will hold their first round of fisheries negotiations in nine years on Tuesday, the two governments said."},
	}}
	ps := a.Passages()
	if len(ps) != 1 || !strings.HasPrefix(ps[0].Context, "SEOUL, March 4, 2025") || strings.Contains(ps[0].Text, "SEOUL") {
		t.Errorf("passages %+v: the lone dateline should open the context only", ps)
	}
	if d, ok := DatelineDate(a, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); !ok || d.Format("2006-01-02") != "2025-03-04" {
		t.Errorf("DatelineDate = %v, %v; want 2025-03-04", d, ok)
	}
	a.Body = []Paragraph{
		{Text: "December 16, 1963"},
		{Text: "TOKYO — Rikidozan, the professional wrestler, died on Sunday night at a hospital in Akasaka, a week after he was stabbed in a nightclub."},
	}
	ps = a.Passages()
	if len(ps) != 1 || strings.Contains(ps[0].Text, "1963") || !strings.Contains(ps[0].Context, "December 16, 1963") {
		t.Errorf("passages %+v: the lone date should be in the context only", ps)
	}
}

// TestTitleAndDateApart: a page's headline printed again above its text
// and its date on a line of its own (articles/dev12's Japanese page) are
// not passage text; a paragraph that only begins like the title is.
func TestTitleAndDateApart(t *testing.T) {
	a := &Article{ID: "x", Title: "川崎市、ヘイトスピーチに全国初の刑事罰　差別根絶条例が成立", Language: Japanese, Kind: KindArticle, Body: []Paragraph{
		{Text: "川崎市、ヘイトスピーチに全国初の刑事罰 差別根絶条例が成立"},
		{Text: "2019年12月12日 18時30分"},
		{Text: "公共の場でヘイトスピーチを繰り返した者に刑事罰を科す条例が12日、市議会本会議で可決、成立した。ヘイトスピーチに罰則を設けた条例は全国で初めて。"},
		{Text: "川崎市、ヘイトスピーチに全国初の刑事罰を科す条例は来年7月1日に全面施行される。市は審査会を設ける。"},
	}}
	ps := a.Passages()
	for _, p := range ps {
		if strings.Contains(p.Text, "18時30分") || strings.HasPrefix(p.Text, "川崎市、ヘイトスピーチに全国初の刑事罰 差別根絶") {
			t.Errorf("passage %q holds the headline or the date line", p.Text)
		}
	}
	if len(ps) == 0 || !strings.Contains(ps[len(ps)-1].Text, "全面施行") {
		t.Errorf("passages %+v: the last paragraph, which begins like the title, is text", ps)
	}
}
