package web

import (
	"bytes"
	"encoding/json"
	"net/url"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/disputebot/disputebot/knowledge"
)

// Limits on what is extracted.
const (
	MinWords      = 60      // less article text than this is not an article
	MaxFileBytes  = 1 << 20 // uploaded files
	maxParagraphs = 500
)

// FromPage extracts an article from a fetched page.
func FromPage(p *Page) (*knowledge.Article, error) {
	if p.ContentType == "text/plain" {
		a, err := fromText(string(p.Body), "", "")
		if err != nil {
			return nil, err
		}
		a.URL = p.URL.String()
		if a.Publisher == "" {
			a.Publisher = p.URL.Hostname()
		}
		return a, nil
	}
	body, err := toUTF8(p.Body, p.Charset)
	if err != nil {
		return nil, err
	}
	return FromHTML(body, p.URL)
}

// toUTF8 decodes a page in its declared or sniffed character set.
func toUTF8(body []byte, label string) ([]byte, error) {
	r, err := charset.NewReader(bytes.NewReader(body), "text/html; charset="+label)
	if err != nil {
		return nil, knowledge.Errorf(knowledge.EINVALID, "the page uses a character set I can't read")
	}
	var b bytes.Buffer
	if _, err := b.ReadFrom(r); err != nil {
		return nil, knowledge.Errorf(knowledge.EINVALID, "the page is not readable text")
	}
	return b.Bytes(), nil
}

// FromHTML extracts the article from an HTML page: its title, text,
// publisher (site name), byline, publication date (from meta tags or
// JSON-LD) and canonical URL. The id is left for the store to choose.
func FromHTML(body []byte, pageURL *url.URL) (*knowledge.Article, error) {
	if !utf8.Valid(body) {
		body = bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, knowledge.Errorf(knowledge.EINVALID, "the page is not HTML I can read")
	}
	meta := readMeta(doc)
	headings := headingTexts(doc)
	markCaptions(doc)
	ra, err := readability.FromDocument(doc, pageURL)
	if err != nil || ra.Node == nil {
		return nil, knowledge.Errorf(knowledge.EINVALID, "I found no article text on that page")
	}
	a := &knowledge.Article{Kind: knowledge.KindArticle}
	a.Title = firstNonEmpty(ra.Title(), meta["og:title"], meta["title"])
	a.URL = canonical(meta, pageURL)
	// A page names its site in its meta tags, or else after its headline
	// in its <title> ("Headline | Site"), or by its address.
	site, sep := titleSite(meta["title"], firstNonEmpty(meta["og:title"], meta["h1"], a.Title))
	if t, ok := strings.CutSuffix(a.Title, sep+site); site != "" && ok && t != "" {
		a.Title = strings.TrimSpace(t) // the headline without the site, where readability left it on
	}
	a.Publisher = firstNonEmpty(ra.SiteName(), meta["og:site_name"], meta["ld:publisher"], site)
	if a.Publisher == "" {
		u := pageURL
		if u == nil {
			u, _ = url.Parse(a.URL) // a saved page: the address it gives itself
		}
		if u != nil {
			a.Publisher = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	a.Byline = clipText(ra.Byline(), knowledge.MaxFieldLen)
	if lang := ra.Language(); len(lang) >= 2 {
		a.Language = strings.ToLower(lang[:2])
	}
	if t, err := ra.PublishedTime(); err == nil && t.Year() > 1900 {
		a.Published = dateOnly(t)
	}
	a.Body = paragraphs(ra.Node)
	for i, p := range a.Body {
		if !p.Caption && headings[p.Text] {
			a.Body[i].Heading = true
		}
	}
	if len(a.Body) > maxParagraphs {
		// Cutting it silently would store a fragment the moderator never
		// sees; an article this long is more likely a whole site or a feed.
		return nil, knowledge.Errorf(knowledge.EINVALID,
			"I found more than %d paragraphs there, more than an article has; is it a list page or a whole site?", maxParagraphs)
	}
	return finish(a)
}

// readMeta collects the page metadata readability does not expose: the
// canonical link, Open Graph tags, the <title>, the first <h1>, and the
// JSON-LD publisher.
func readMeta(doc *html.Node) map[string]string {
	m := map[string]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && m["canonical"] == "" {
					m["canonical"] = attr(n, "href")
				}
			case "meta":
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name")))
				if key != "" && m[key] == "" {
					m[key] = strings.TrimSpace(attr(n, "content"))
				}
			case "title":
				if n.FirstChild != nil && m["title"] == "" {
					m["title"] = strings.TrimSpace(n.FirstChild.Data)
				}
			case "h1":
				if m["h1"] == "" {
					m["h1"] = knowledge.CleanText(render.InnerText(n))
				}
			case "script":
				if strings.EqualFold(attr(n, "type"), "application/ld+json") && n.FirstChild != nil {
					readJSONLD(n.FirstChild.Data, m)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// readJSONLD picks the publisher's name out of a JSON-LD block.
func readJSONLD(text string, m map[string]string) {
	var v any
	if json.Unmarshal([]byte(text), &v) != nil {
		return
	}
	var visit func(v any)
	visit = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				visit(x)
			}
		case map[string]any:
			if p, ok := v["publisher"].(map[string]any); ok && m["ld:publisher"] == "" {
				if name, ok := p["name"].(string); ok {
					m["ld:publisher"] = strings.TrimSpace(name)
				}
			}
			if g, ok := v["@graph"]; ok {
				visit(g)
			}
		}
	}
	visit(v)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// canonical is the page's canonical URL, resolved against the page, when
// it is an http(s) link on the same site or an absolute one; otherwise
// the URL the page was fetched from.
func canonical(meta map[string]string, pageURL *url.URL) string {
	for _, c := range []string{meta["canonical"], meta["og:url"]} {
		if c == "" {
			continue
		}
		// A saved page (a file) has no address of its own but the full one
		// it gives itself, which is where a reader finds it.
		base := pageURL
		if base == nil {
			base = &url.URL{}
		}
		u, err := base.Parse(strings.TrimSpace(c))
		if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && knowledge.CheckURL(u.String()) == nil {
			return clean(u)
		}
	}
	if pageURL == nil {
		return ""
	}
	u := *pageURL
	return clean(&u)
}

// titleSeparators part a page's headline from its site's name in its
// <title>, longest first.
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " · ", " / "}

// maxSiteWords bounds the words of a site's name read from a <title>.
const maxSiteWords = 8

// titleSite returns the site's name that a page's <title> gives after its
// headline ("Seoul protests | The Korea Post", "記事 - 例新聞") and the
// separator before it, or "": the part after the last separator, where
// the part before it is the headline or begins with it and the headline
// does not hold the part after ("Japan - Korea talks resume" names no
// site).
func titleSite(title, headline string) (string, string) {
	headline = strings.TrimSpace(headline)
	if title == "" || headline == "" {
		return "", ""
	}
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		before, site := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if site == "" || len(strings.Fields(site)) > maxSiteWords || strings.Contains(headline, site) {
			continue
		}
		if strings.HasPrefix(before, headline) || strings.HasPrefix(headline, before) {
			return site, sep
		}
	}
	return "", ""
}

// clean drops the fragment and tracking parameters of a link.
func clean(u *url.URL) string {
	u.Fragment = ""
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(k, "utm_") || k == "fbclid" || k == "gclid" {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// headingTexts returns the text of each heading of a page, and of each
// paragraph of the header that holds its headline: the deck under the
// headline ("업계 3위와 5위 결합에 '경쟁 제한 우려 없다' 판단"), the kicker
// above it. Readability keeps them but not their elements, and read as
// paragraphs they opened the first passage, whose answer they are not:
// they say what the text under them is about.
func headingTexts(doc *html.Node) map[string]bool {
	out := map[string]bool{}
	add := func(n *html.Node) {
		if t := knowledge.CleanText(render.InnerText(n)); t != "" {
			out[t] = true
		}
	}
	var walk func(n *html.Node, inHeader bool)
	walk = func(n *html.Node, inHeader bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				add(n)
				return
			case atom.P:
				if inHeader {
					add(n)
				}
				return
			case atom.Header:
				inHeader = holdsHeadline(n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inHeader)
		}
	}
	walk(doc, false)
	return out
}

// holdsHeadline reports whether a node is or holds an <h1>.
func holdsHeadline(n *html.Node) bool {
	return holds(n, func(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == atom.H1 })
}

// holds reports whether a node, or one inside it, is what match looks for.
func holds(n *html.Node, match func(*html.Node) bool) bool {
	if match(n) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if holds(c, match) {
			return true
		}
	}
	return false
}

// paragraphs turns the article node into paragraphs, photo captions
// marked as such.
func paragraphs(n *html.Node) []knowledge.Paragraph {
	var captions []string
	var strip func(n *html.Node)
	strip = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if isCaption(c) {
				if t := knowledge.CleanText(render.InnerText(c)); t != "" {
					captions = append(captions, t)
				}
				n.RemoveChild(c)
			} else {
				strip(c)
			}
			c = next
		}
	}
	strip(n)
	lineApart(n)
	var out []knowledge.Paragraph
	for _, block := range strings.Split(render.InnerText(n), "\n") {
		if t := knowledge.CleanText(block); t != "" {
			out = append(out, knowledge.Paragraph{Text: t})
		}
		if len(out) > maxParagraphs {
			return out // enough to refuse it
		}
	}
	for _, c := range captions {
		out = append(out, knowledge.Paragraph{Text: c, Caption: true})
	}
	return out
}

// lineApart puts each heading and <time> of the article on a line of its
// own, as the page shows them: inline beside one another they came out as
// one paragraph ("川崎市、…条例が成立 2019年12月12日 18時30分", a headline
// and its date), which no rule for a lone title or date could tell apart.
func lineApart(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Time:
			// The text renderer breaks lines at paragraphs, not at
			// headings, nor at a <time> outside one.
			c.Data, c.DataAtom = "p", atom.P
		default:
			lineApart(c)
		}
	}
}

// isCaption reports whether a node is a photo caption.
func isCaption(n *html.Node) bool {
	return n.Type == html.ElementNode && n.Data == "figcaption"
}

// markCaptions makes figcaptions of the photo captions that publishers'
// templates write without <figure>: elements whose class or id says
// caption ("img_caption", "wp-caption-text", "photoCaption") and hold no
// picture themselves. Readability drops classes, and a caption read as a
// paragraph would be answered as one: it names the article's subject in
// few words.
func markCaptions(n *html.Node) {
	if n.Type == html.ElementNode && n.Data != "figcaption" && saysCaption(n) && !holdsPicture(n) {
		n.Data, n.DataAtom = "figcaption", atom.Figcaption
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		markCaptions(c)
	}
}

// saysCaption reports whether an element's class or id says caption.
func saysCaption(n *html.Node) bool {
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && strings.Contains(strings.ToLower(a.Val), "caption") {
			return true
		}
	}
	return false
}

// holdsPicture reports whether a node is or contains an image.
func holdsPicture(n *html.Node) bool {
	return holds(n, func(n *html.Node) bool {
		return n.Type == html.ElementNode && (n.Data == "img" || n.Data == "picture" || n.Data == "video")
	})
}

// FromFile reads an uploaded file: .md (with optional front matter), .txt
// or .html, at most MaxFileBytes.
func FromFile(name string, data []byte) (*knowledge.Article, error) {
	if len(data) > MaxFileBytes {
		return nil, knowledge.Errorf(knowledge.EINVALID, "%s is larger than 1 MB", clipText(name, 80))
	}
	if len(data) == 0 {
		return nil, knowledge.Errorf(knowledge.EINVALID, "%s is empty", clipText(name, 80))
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, knowledge.Errorf(knowledge.EINVALID, "%s looks like a binary file, not text", clipText(name, 80))
	}
	switch ext := strings.ToLower(path.Ext(name)); ext {
	case ".html", ".htm":
		body, err := toUTF8(data, "")
		if err != nil {
			return nil, err
		}
		return FromHTML(body, nil)
	case ".md", ".markdown", ".txt":
		if !utf8.Valid(data) {
			return nil, knowledge.Errorf(knowledge.EINVALID, "%s is not UTF-8 text", clipText(name, 80))
		}
		text := strings.TrimPrefix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\ufeff")
		if ext != ".txt" && strings.HasPrefix(text, "---\n") {
			return fromMarkdown(name, text)
		}
		a, err := fromText(text, strings.TrimSuffix(path.Base(name), ext), name)
		if err != nil {
			return nil, err
		}
		return a, nil
	default:
		return nil, knowledge.Errorf(knowledge.EINVALID, "I read .txt, .md and .html files; %s is none of those", clipText(name, 80))
	}
}

// fromMarkdown reads a corpus file whose front matter may lack fields that
// the uploader cannot be expected to know (id, scope).
func fromMarkdown(name, text string) (*knowledge.Article, error) {
	a, err := knowledge.ParseArticle(name, []byte(text))
	if err == nil {
		return a, nil
	}
	// Try again without requiring an id: uploads get one from the store.
	// The id goes last in the front matter, so that the line numbers of
	// errors stay those of the file, and an error of the second try is
	// the one to report: the first only says that the id is missing.
	if !strings.Contains(text[:min(len(text), 4096)], "\nid:") {
		withID := ""
		if head, rest, ok := strings.Cut(text[3:], "\n---\n"); ok {
			withID = "---" + head + "\nid: upload\n---\n" + rest
		} else if head, ok := strings.CutSuffix(text[3:], "\n---"); ok {
			withID = "---" + head + "\nid: upload\n---"
		}
		if withID != "" {
			b, err2 := knowledge.ParseArticle(name, []byte(withID))
			if err2 != nil {
				return nil, err2
			}
			b.ID = ""
			return b, nil
		}
	}
	return nil, err
}

// fromText reads plain text: the first line (or a "# " heading) is the
// title, the rest paragraphs.
func fromText(text, fallbackTitle, file string) (*knowledge.Article, error) {
	if !utf8.ValidString(text) {
		return nil, knowledge.Errorf(knowledge.EINVALID, "the text is not UTF-8")
	}
	lines := strings.SplitN(strings.TrimSpace(text), "\n", 2)
	title := strings.TrimSpace(strings.TrimLeft(lines[0], "# "))
	rest := ""
	if len(lines) > 1 {
		rest = lines[1]
	}
	if utf8.RuneCountInString(title) > 200 || rest == "" {
		title, rest = fallbackTitle, text
	}
	a := &knowledge.Article{Kind: knowledge.KindArticle, Title: title, Body: knowledge.ParseBody(rest)}
	if file != "" {
		// Words for files: a page's (a login or cookie wall) would puzzle
		// someone who wrote the file.
		switch words := countWords(a.Body); {
		case words == 0:
			return nil, knowledge.Errorf(knowledge.EINVALID, "%s has no text below its title; an article needs at least %d words",
				clipText(file, 80), MinWords)
		case words < MinWords:
			return nil, knowledge.Errorf(knowledge.EINVALID, "%s has only %d words of text below its title, and an article "+
				"needs at least %d; add the rest of the article", clipText(file, 80), words, MinWords)
		}
	}
	return finish(a)
}

// countWords counts the words of an article's text, captions and headings
// aside.
func countWords(body []knowledge.Paragraph) int {
	words := 0
	for _, p := range body {
		if !p.Caption && !p.Heading {
			words += knowledge.WordCount(p.Text)
		}
	}
	return words
}

// finish checks that there is an article: enough text, a title.
func finish(a *knowledge.Article) (*knowledge.Article, error) {
	if a.Language == "" {
		a.Language = a.SearchLanguage() // the page did not say: what the script says
	}
	words := countWords(a.Body)
	if words < MinWords {
		return nil, knowledge.Errorf(knowledge.EINVALID,
			"I found only %d words of article text there (at least %d needed); is it behind a login, a cookie wall or scripts?", words, MinWords)
	}
	if consentNotice(a.Body, words) {
		return nil, knowledge.Errorf(knowledge.EINVALID,
			"all I found there is a cookie or privacy notice, not an article; the site probably shows it instead of the page. Try uploading the article as a file.")
	}
	a.Title = clipText(knowledge.CleanText(a.Title), knowledge.MaxTitleLen)
	if a.Title == "" {
		a.Title = clipText(a.Body[0].Text, 120)
	}
	a.Publisher = clipText(knowledge.CleanText(a.Publisher), knowledge.MaxFieldLen)
	return a, nil
}

// consentWords are the words of cookie banners and consent walls.
var consentWords = regexp.MustCompile(`(?i)\b(cookies?|consent\w*|privacy|preferences|personal data|partners|advertising|tracking|opt[- ]out|gdpr|accept all|reject all)\b`)

// consentNotice reports whether text is a cookie or consent notice rather
// than an article: one that mentions cookies or consent and in which such
// words make up a share that no news text has (a notice runs at 10% and
// more, an article on the dispute under 1%).
func consentNotice(body []knowledge.Paragraph, words int) bool {
	hits, cookie := 0, false
	for _, p := range body {
		for _, m := range consentWords.FindAllString(p.Text, -1) {
			hits++
			m = strings.ToLower(m)
			cookie = cookie || strings.HasPrefix(m, "cookie") || strings.HasPrefix(m, "consent")
		}
	}
	return cookie && hits*100 >= words*4
}

func dateOnly(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// clipText cuts s to n runes.
func clipText(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n-1])) + knowledge.Ellipsis
}
