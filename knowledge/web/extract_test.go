package web

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/disputebot/disputebot/knowledge"
)

// cookieWall is a page whose only text is a consent notice, as many news
// sites show to visitors without cookies: long enough to pass for an
// article by its word count alone.
const cookieWall = `<!doctype html><html><head><title>Example News</title></head><body>
<div id="cookie-banner" class="cookie-consent">
<h2>We value your privacy</h2>
<p>We and our 842 partners store and/or access information on a device, such as cookies, and process personal data, such as unique identifiers and standard information sent by a device, for personalised advertising and content, advertising and content measurement, audience research and services development.</p>
<p>With your permission we and our partners may use precise geolocation data and identification through device scanning. You may click to consent to our and our partners' processing as described above. Alternatively you may access more detailed information and change your preferences before consenting or to refuse consenting.</p>
<p>Please note that some processing of your personal data may not require your consent, but you have a right to object to such processing. Your preferences will apply to this website only. You can change your preferences at any time by returning to this site or visiting our privacy policy.</p>
<button>Accept all cookies</button> <button>Reject all</button> <button>Manage preferences</button>
</div>
<script>window.__APP__={"article":"Japan and South Korea"}</script>
</body></html>`

// scriptOnly is a page that renders its article with JavaScript: all the
// text is in scripts, none in the document.
var scriptOnly = `<!doctype html><html><head><title>Loading…</title><script src="/app.js"></script></head>
<body><div id="root"></div><script>` + strings.Repeat("window.__DATA__.push('Japan and South Korea resume talks in Seoul on export controls');\n", 200) +
	`</script><noscript>You need to enable JavaScript to run this app.</noscript></body></html>`

// newsWithBanner is a real article with a cookie banner beside it: the
// consent check must not refuse it.
var newsWithBanner = `<!doctype html><html><head><title>Japan and South Korea resume vice-ministerial strategic dialogue</title></head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience. By continuing you accept our use of cookies and our privacy policy.</p><button>Accept all</button></div>
<article><h1>Japan and South Korea resume vice-ministerial strategic dialogue</h1>` + article[strings.Index(article, "<p>"):]

// manyParagraphs is a document of n short paragraphs, in the given format.
func manyParagraphs(n int, html bool) string {
	var b strings.Builder
	if html {
		b.WriteString("<html><head><title>Live: talks</title></head><body><article>")
	} else {
		b.WriteString("Live: Japan and South Korea talks\n\n")
	}
	for i := range n {
		if html {
			fmt.Fprintf(&b, "<p>Update %d: delegates of Japan and South Korea talk about export controls.</p>\n", i)
		} else {
			fmt.Fprintf(&b, "Update %d: delegates of Japan and South Korea talk about export controls.\n\n", i)
		}
	}
	if html {
		b.WriteString("</article></body></html>")
	}
	return b.String()
}

// TestFromFileRefusals feeds FromFile what moderators will upload by
// mistake. Each must be refused with an EINVALID error whose message says
// what is wrong in words a moderator understands, never a Go or YAML
// internal.
func TestFromFileRefusals(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
	latin1 := "Les n\xe9gociations entre le Japon et la Cor\xe9e du Sud ont repris \xe0 S\xe9oul.\n\n" + strings.Repeat("Le texte continue en fran\xe7ais. ", 30)
	tests := []struct {
		name, file, data string
		want             []string
	}{
		{"empty", "notes.md", "", []string{"notes.md", "empty"}},
		{"NUL bytes", "notes.txt", "Japan\x00Korea " + strings.Repeat("word ", 80), []string{"binary"}},
		{"PNG bytes", "photo.md", png, []string{"binary"}},
		{"PNG named .html", "page.html", png, []string{"binary"}},
		{"not UTF-8", "notes.txt", latin1, []string{"notes.txt", "not UTF-8"}},
		{"over 1 MB", "big.txt", strings.Repeat("Japan and Korea. ", 70000), []string{"larger than 1 MB"}},
		{"unknown type", "talks.pdf", "%PDF-1.7", []string{".txt, .md and .html"}},
		{"script only", "app.html", scriptOnly, []string{"no article text"}},
		{"cookie notice", "saved.html", cookieWall, []string{"cookie or privacy notice"}},
		// Issue 10: a file is told about its words, not about login walls.
		{"empty text file", "empty.txt", "", []string{"empty.txt is empty"}},
		{"short text file", "short.txt", "A title\n\nFive words of text here.", []string{"short.txt has only 5 words", "at least 60"}},
		{"too short", "note.txt", "Talks resumed.\n\nThey went well.", []string{"only 3 words", "at least 60"}},
		{"topics a number", "talks.md", "---\ntitle: Talks\npublisher: Kyodo\npublished: 2024-05-01\ntopics: 5\n---\n" + strings.Repeat("Japan and South Korea talk. ", 20),
			[]string{"talks.md", "topics"}},
		{"published yesterday", "talks.md", "---\ntitle: Talks\npublisher: Kyodo\npublished: yesterday\n---\n" + strings.Repeat("Japan and South Korea talk. ", 20),
			[]string{"talks.md", "published", `"yesterday"`, "YYYY-MM-DD"}},
		{"unknown topic", "talks.md", "---\ntitle: Talks\npublisher: Kyodo\npublished: 2024-05-01\ntopics: [weather]\n---\n" + strings.Repeat("Japan and South Korea talk. ", 20),
			[]string{"topics", `unknown topic "weather"`}},
		{"10,000 paragraphs of HTML", "live.html", manyParagraphs(10000, true), []string{"more than 500 paragraphs"}},
		// Uploads need no id: what is wrong besides is what is reported.
		{"no publisher", "talks.md", "---\ntitle: Talks\npublished: 2024-05-01\n---\n" + strings.Repeat("Japan and South Korea talk. ", 20),
			[]string{"talks.md", "publisher: is required"}},
		{"10,000 paragraphs of Markdown", "live.md", "---\ntitle: Live\npublisher: Kyodo\npublished: 2024-05-01\n---\n" + manyParagraphs(10000, false),
			[]string{"live.md", "10001 paragraphs", "2000"}},
		{"wrong type on line 5", "talks.md", "---\ntitle: Talks\npublisher: Kyodo\npublished: 2024-05-01\nrelated: 7\n---\n" + strings.Repeat("Japan and South Korea talk. ", 20),
			[]string{"talks.md:5: related:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromFile(tt.file, []byte(tt.data))
			if err == nil {
				t.Fatalf("FromFile accepted it as %q with %d paragraphs", a.Title, len(a.Body))
			}
			wantRefusal(t, err, tt.want...)
			msg := knowledge.ErrorMessage(err)
			if strings.HasSuffix(tt.file, ".txt") && (strings.Contains(msg, "login") || strings.Contains(msg, "cookie")) {
				t.Errorf("a text file is told about web pages: %q", msg)
			}
			for _, internal := range []string{"!!int", "[]string", "unmarshal", "<nil>", "%!", "id:"} {
				if strings.Contains(msg, internal) {
					t.Errorf("message %q shows an internal detail (%q)", msg, internal)
				}
			}
		})
	}
}

// TestFromFileLongText: a long plain-text or Markdown upload is read whole,
// so that the store can refuse it by its paragraph count (see the store and
// engine tests) rather than keep a silent fragment.
func TestFromFileLongText(t *testing.T) {
	a, err := FromFile("live.txt", []byte(manyParagraphs(10000, false)))
	if err != nil {
		t.Fatalf("FromFile: %v", err)
	}
	if len(a.Body) != 10000 {
		t.Errorf("%d paragraphs, want all 10000", len(a.Body))
	}
	a.ID, a.Publisher, a.Published = "live", "Kyodo", time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	if err := a.Validate(); err == nil || !strings.Contains(knowledge.ErrorMessage(err), "10000 paragraphs") {
		t.Errorf("Validate = %v, want it refused for its 10000 paragraphs", err)
	}
}

// TestFromFileMarkdown: an upload's front matter may leave out the id
// (the store makes one) and the scope, and is otherwise read in full.
func TestFromFileMarkdown(t *testing.T) {
	for name, fm := range map[string]string{
		"no id":              "title: Talks resume\npublisher: Kyodo\npublished: 2024-05-01\ntopics: [talks]\n",
		"no id, list last":   "title: Talks resume\npublisher: Kyodo\npublished: 2024-05-01\ntopics:\n  - talks\n",
		"with an id":         "id: talks-resume\ntitle: Talks resume\npublisher: Kyodo\npublished: 2024-05-01\ntopics: [talks]\n",
		"no id, no final NL": "title: Talks resume\npublisher: Kyodo\npublished: 2024-05-01\ntopics: [talks]\n",
	} {
		t.Run(name, func(t *testing.T) {
			body := "\n" + strings.Repeat("Japan and South Korea talk. ", 20) + "\n"
			if name == "no id, no final NL" {
				body = ""
			}
			a, err := FromFile("talks.md", []byte("---\n"+fm+"---"+body))
			if name == "no id, no final NL" {
				wantRefusal(t, err, "body: has no text")
				return
			}
			if err != nil {
				t.Fatalf("FromFile: %v", err)
			}
			if a.Title != "Talks resume" || a.Publisher != "Kyodo" || len(a.Topics) != 1 || len(a.Body) != 1 {
				t.Errorf("read as %+v", a)
			}
			if want := map[bool]string{true: "talks-resume", false: ""}[strings.HasPrefix(fm, "id:")]; a.ID != want {
				t.Errorf("id %q, want %q", a.ID, want)
			}
		})
	}
}

// TestFromHTMLAccepts is the control for the refusals: pages that are
// articles, one of them with a cookie banner, are read.
func TestFromHTMLAccepts(t *testing.T) {
	u, _ := url.Parse("https://news.example.com/2024/05/talks")
	for name, page := range map[string]string{"plain": article, "with a cookie banner": newsWithBanner} {
		t.Run(name, func(t *testing.T) {
			a, err := FromHTML([]byte(page), u)
			if err != nil {
				t.Fatalf("FromHTML: %v", err)
			}
			if !strings.Contains(a.Text(), "working-level talks in three years") {
				t.Errorf("the article text is missing:\n%s", a.Text())
			}
			if strings.Contains(a.Text(), "We use cookies") {
				t.Errorf("the cookie banner was taken for article text:\n%s", a.Text())
			}
		})
	}
}

// TestFromHTMLCaptions: the photo captions of the templates publishers
// use are captions, not paragraphs, with or without <figure>.
func TestFromHTMLCaptions(t *testing.T) {
	body := strings.Repeat("Officials from both governments met again on Wednesday to discuss the dispute over wartime labour and the export controls that followed it. ", 6)
	for name, photo := range map[string]string{
		"figcaption":      `<figure><img src="a.jpg" alt=""><figcaption>The ministers shake hands in Seoul on Wednesday. (Pool photo)</figcaption></figure>`,
		"a class on a p":  `<div class="img_box"><img src="a.jpg" alt=""><p class="img_caption">The ministers shake hands in Seoul on Wednesday. (Pool photo)</p></div>`,
		"wordpress":       `<div class="wp-caption alignnone"><img src="a.jpg" alt=""><p class="wp-caption-text">The ministers shake hands in Seoul on Wednesday. (Pool photo)</p></div>`,
		"an id on a span": `<div><img src="a.jpg" alt=""><span id="photoCaption1">The ministers shake hands in Seoul on Wednesday. (Pool photo)</span></div>`,
	} {
		t.Run(name, func(t *testing.T) {
			page := `<!doctype html><html lang="en"><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>` +
				photo + `<p>` + body + `</p><p>` + body + `</p></article></body></html>`
			a, err := FromHTML([]byte(page), nil)
			if err != nil {
				t.Fatalf("FromHTML: %v", err)
			}
			var caption, inText bool
			for _, p := range a.Body {
				if strings.Contains(p.Text, "shake hands") {
					caption, inText = caption || p.Caption, inText || !p.Caption
				}
			}
			if !caption || inText {
				t.Errorf("caption read as a caption %v, as article text %v", caption, inText)
			}
		})
	}
}

// TestFromHTMLHeadlineAndTime: a headline and a <time> beside each other
// in the article (articles/dev12's Japanese page: <h1>, a byline, then
// <time>) come out as paragraphs of their own, not as one line "headline
// date", which no rule for a lone title or date could tell apart.
func TestFromHTMLHeadlineAndTime(t *testing.T) {
	body := strings.Repeat("公共の場でヘイトスピーチを繰り返した者に刑事罰を科す条例が12日、市議会本会議で可決、成立した。", 4)
	page := `<!doctype html><html lang="ja"><head><title>川崎市、ヘイトスピーチに全国初の刑事罰 | 例</title></head><body><main><article>` +
		`<h1>川崎市、ヘイトスピーチに全国初の刑事罰　差別根絶条例が成立</h1><p class="byline">社会部・川崎支局</p>` +
		`<time datetime="2019-12-12T18:30:00+09:00">2019年12月12日 18時30分</time>` +
		`<p>` + body + `</p><p>` + body + `</p></article></main></body></html>`
	a, err := FromHTML([]byte(page), nil)
	if err != nil {
		t.Fatalf("FromHTML: %v", err)
	}
	for _, p := range a.Body {
		if strings.Contains(p.Text, "18時30分") && strings.Contains(p.Text, "刑事罰") {
			t.Errorf("the headline and the date are one paragraph: %q", p.Text)
		}
	}
	for _, p := range a.Passages() {
		if strings.Contains(p.Text, "18時30分") {
			t.Errorf("a passage holds the date line: %q", p.Text)
		}
	}
}

// TestFromHTMLDeck: the deck under a page's headline and the dates
// printed with it, in the header that holds the headline, are no answer
// text: the first passage opens with the article's first paragraph, and
// the deck heads it in its context (articles/dev27's Korean page, whose
// first passage quoted "업계 3위와 5위 결합에 … 판단 2022.03.22 11:42 ·
// 수정" before its text). A heading in the text heads the paragraphs under
// it.
func TestFromHTMLDeck(t *testing.T) {
	first := "편의점 업계 3위와 5위가 하나로 합쳐진다. 공정거래위원회는 두 회사의 결합이 시장 경쟁을 제한할 우려가 없다고 보고 22일 승인했다고 밝혔다. 인수 금액은 약 3133억원이다."
	first += " 롯데그룹은 지난 1월 일본 측과 주식 전부를 사들이는 계약을 맺고 사흘 뒤 공정위에 기업결합을 신고했다."
	second := "공정위는 소비자가 가까운 점포를 고르는 경향이 강해 간판의 주인이 바뀌어도 경쟁에는 큰 영향이 없다고 판단했다. 업계는 상위 3사 간 경쟁이 더 치열해질 것으로 본다. 두 브랜드의 점포를 더하면 1만3천여 개로 선두 두 회사를 바짝 뒤쫓게 된다."
	page := `<!doctype html><html lang="ko"><head><title>공정위, 편의점 인수 승인 | 예시</title></head><body><main><article class="news-article">` +
		`<header class="article-head"><p class="kicker">유통</p><h1>공정위, 편의점 인수 승인</h1><p class="subtitle">업계 3위와 5위 결합에 "경쟁 제한 우려 없다" 판단</p>` +
		`<p class="dates">입력 <time datetime="2022-03-22T11:42:00+09:00">2022.03.22 11:42</time> · 수정 <time datetime="2022-03-22T16:05:00+09:00">2022.03.22 16:05</time></p></header>` +
		`<div class="article-body" id="article-body"><p>` + first + `</p><h2>심사 내용</h2><p>` + second + `</p></div></article></main></body></html>`
	a, err := FromHTML([]byte(page), nil)
	if err != nil {
		t.Fatalf("FromHTML: %v", err)
	}
	ps := a.Passages()
	if len(ps) != 2 {
		t.Fatalf("passages %+v, want two", ps)
	}
	if !strings.HasPrefix(ps[0].Text, "편의점 업계") || !strings.Contains(ps[0].Context, "경쟁 제한 우려 없다") {
		t.Errorf("first passage %q, context %q: want the text first, the deck in the context", ps[0].Text, ps[0].Context)
	}
	if !strings.Contains(ps[1].Context, "심사 내용") || strings.Contains(ps[1].Text, "심사 내용") {
		t.Errorf("second passage %q, context %q: want the heading in the context", ps[1].Text, ps[1].Context)
	}
	for _, p := range ps {
		if strings.Contains(p.Text, "2022.03.22") || strings.Contains(p.Text, "수정") {
			t.Errorf("a passage holds the date line: %q", p.Text)
		}
	}
}

// TestFromHTMLSiteAndAddress: a saved page (a file, no address of its
// own) is cited by the site its <title> names after the headline and by
// the address it gives itself, where its meta tags name no site
// (articles/dev13's Korean page was cited as "Added on the command line",
// with no link), and its title is the headline without the site; a
// headline with a dash in it names no site.
func TestFromHTMLSiteAndAddress(t *testing.T) {
	body := strings.Repeat("Officials from both governments met again on Wednesday to discuss the dispute over wartime labour and the export controls that followed it. ", 6)
	page := func(head, h1 string) string {
		return `<!doctype html><html lang="en"><head>` + head + `</head><body><article><h1>` + h1 + `</h1><p>` + body + `</p><p>` + body + `</p></article></body></html>`
	}
	for _, tt := range []struct {
		name, page, publisher, url string
		title                      string // "": not checked
	}{
		{"site after a longer headline",
			page(`<title>Talks resume…both sides hopeful | Harbor Line Times</title><meta property="og:title" content="Talks resume"><meta property="og:url" content="https://example.com/talks-resume">`, "Talks resume"),
			"Harbor Line Times", "https://example.com/talks-resume", ""},
		{"Japanese site after a dash",
			page(`<title>日韓局長級協議を再開 - 例新聞</title>`, "日韓局長級協議を再開"),
			"例新聞", "", "日韓局長級協議を再開"},
		{"a dash in the headline",
			page(`<title>Japan - Korea talks resume</title><link rel="canonical" href="https://www.news.example.org/a/1">`, "Japan - Korea talks resume"),
			"news.example.org", "https://www.news.example.org/a/1", "Japan - Korea talks resume"},
		{"meta tags first",
			page(`<title>Talks resume | The Title Site</title><meta property="og:site_name" content="The Meta Site">`, "Talks resume"),
			"The Meta Site", "", ""},
		{"a relative address is none",
			page(`<title>Talks resume</title><link rel="canonical" href="/a/1">`, "Talks resume"),
			"", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromHTML([]byte(tt.page), nil)
			if err != nil {
				t.Fatalf("FromHTML: %v", err)
			}
			if a.Publisher != tt.publisher || a.URL != tt.url || tt.title != "" && a.Title != tt.title {
				t.Errorf("publisher %q, url %q; want %q, %q (title %q)", a.Publisher, a.URL, tt.publisher, tt.url, a.Title)
			}
		})
	}
}
