package newsgen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge"
)

// Shape of the articles.
const (
	// MinParagraphs and MaxParagraphs bound the paragraphs of an article
	// (the last article of a corpus may have fewer, to hit the passage count
	// exactly).
	MinParagraphs = 5
	MaxParagraphs = 10
	// MinWords and MaxWords bound the words of a paragraph. Both are within
	// knowledge's passage limits, so each paragraph is one passage.
	MinWords = 100
	MaxWords = 200
)

// Rates of what a sentence carries besides ordinary words.
const (
	mentionRate = 0.55 // a name or term of the dispute
	themeShare  = 0.6  // of mentions, the share drawn from the article's theme
	dateRate    = 0.12 // a date ("Dec. 16, 2019", "on Monday", "in 2019")
	numberRate  = 0.10 // a number ("10 minutes", "3.5 percent")
	quoteRate   = 0.10 // a quote attributed to a person
	commaRate   = 0.35 // a comma inside the sentence
)

// weighted is a phrase with its relative weight in a list of mentions.
type weighted struct {
	phrase string
	weight int
}

// theme is what an article is about: the declared topics and the names and
// terms it mentions most.
type theme struct {
	name     string
	weight   int // relative frequency among articles
	topics   []knowledge.Topic
	mentions []weighted
	headline []string // phrases a title is built around
}

// common are mentioned by articles of every theme.
var common = []weighted{
	{"Japan", 30}, {"South Korea", 26}, {"Japanese", 14}, {"South Korean", 12}, {"Seoul", 14},
	{"Tokyo", 14}, {"Japan's", 6}, {"South Korea's", 6}, {"the two countries", 6}, {"the neighbors", 3},
	{"Shinzo Abe", 3}, {"Prime Minister Shinzo Abe", 2}, {"Abe", 3}, {"Moon Jae-in", 3}, {"President Moon Jae-in", 2},
	{"Yoshihide Suga", 2}, {"Fumio Kishida", 2}, {"Yoon Suk Yeol", 2}, {"the United States", 3}, {"China", 3},
	{"Washington", 2}, {"Beijing", 1}, {"the Foreign Ministry", 3}, {"Cheong Wa Dae", 1},
}

// themes are the subjects of articles.
var themes = []theme{
	{
		name: "talks", weight: 22, topics: []knowledge.Topic{knowledge.TopicTalks},
		mentions: []weighted{
			{"Toshimitsu Motegi", 5}, {"Motegi", 7}, {"Foreign Minister Toshimitsu Motegi", 2},
			{"Kang Kyung-wha", 6}, {"Kang", 6}, {"Kang Kyung Wha", 2}, {"Taro Kono", 3}, {"Kono", 2},
			{"Park Jin", 2}, {"Yoshimasa Hayashi", 2}, {"foreign ministers", 5}, {"the two ministers", 4},
			{"held talks", 4}, {"talks", 8}, {"summit", 5}, {"a summit", 3}, {"the sidelines", 3},
			{"Madrid", 3}, {"Nagoya", 2}, {"Chengdu", 3}, {"Bangkok", 1}, {"ASEM", 2}, {"shuttle diplomacy", 2},
			{"the trilateral summit", 2}, {"dialogue", 3}, {"counterpart", 3}, {"bilateral relations", 3},
			{"ties", 3}, {"met", 4},
		},
		headline: []string{"foreign ministers", "talks", "summit", "Motegi, Kang", "shuttle diplomacy", "meeting"},
	},
	{
		name: "labor", weight: 22, topics: []knowledge.Topic{knowledge.TopicLaborRuling},
		mentions: []weighted{
			{"the Supreme Court", 6}, {"South Korea's top court", 4}, {"the top court", 3},
			{"Nippon Steel", 6}, {"Nippon Steel & Sumitomo Metal", 1}, {"Mitsubishi Heavy Industries", 4},
			{"Mitsubishi Heavy", 2}, {"wartime labor", 8}, {"forced labor", 5}, {"wartime laborers", 2},
			{"compensation", 6}, {"the plaintiffs", 4}, {"the 1965 agreement", 4}, {"the 1965 claims agreement", 2},
			{"finally and completely", 2}, {"the ruling", 5}, {"the rulings", 3}, {"damages", 2},
			{"Moon Hee-sang", 3}, {"the National Assembly", 2}, {"asset seizure", 2}, {"seized assets", 2},
			{"Lee Chun-sik", 2}, {"Yang Geum-deok", 1}, {"POSCO", 1}, {"a foundation", 2}, {"colonial rule", 3},
		},
		headline: []string{"wartime labor", "Supreme Court", "Nippon Steel", "compensation", "forced labor ruling", "court"},
	},
	{
		name: "export", weight: 22, topics: []knowledge.Topic{knowledge.TopicExportControls},
		mentions: []weighted{
			{"export controls", 8}, {"the export controls", 4}, {"export curbs", 3}, {"stricter regulations", 2},
			{"the white list", 5}, {"the whitelist", 2}, {"preferential trade status", 2}, {"semiconductors", 5},
			{"chips", 3}, {"display panels", 3}, {"photoresist", 3}, {"hydrogen fluoride", 3},
			{"fluorinated polyimide", 2}, {"METI", 3}, {"Hiroshige Seko", 2}, {"Seko", 2}, {"Sung Yun-mo", 2},
			{"the WTO", 4}, {"the World Trade Organization", 2}, {"a boycott", 3}, {"the boycott", 2},
			{"Samsung Electronics", 3}, {"SK Hynix", 2}, {"trade", 5}, {"exports", 4},
			{"director general-level talks", 2}, {"materials", 3},
		},
		headline: []string{"export controls", "white list", "semiconductors", "WTO", "trade", "boycott"},
	},
	{
		name: "security", weight: 10, topics: []knowledge.Topic{knowledge.TopicNorthKorea},
		mentions: []weighted{
			{"GSOMIA", 8}, {"the General Security of Military Information Agreement", 2},
			{"the intelligence-sharing pact", 4}, {"North Korea", 8}, {"Pyongyang", 4}, {"ballistic missiles", 3},
			{"missile", 3}, {"nuclear", 3}, {"the Pentagon", 1}, {"Kim Jong Un", 2}, {"the alliance", 2},
		},
		headline: []string{"GSOMIA", "intelligence-sharing pact", "North Korea", "missile"},
	},
	{
		name: "general", weight: 24, topics: []knowledge.Topic{knowledge.TopicOther},
		mentions: []weighted{
			{"Osaka", 3}, {"Busan", 3}, {"tourists", 3}, {"the won", 2}, {"the yen", 2}, {"Olympics", 2},
			{"K-pop", 2}, {"exports", 1}, {"Incheon", 1}, {"Fukuoka", 1}, {"visitors", 2},
		},
		headline: []string{"Seoul", "Tokyo", "tourism", "economy", "culture"},
	},
}

// persons are the people quotes are attributed to, by theme.
var persons = map[string][]string{
	"talks":    {"Motegi", "Kang", "Kono", "a senior Japanese official", "a South Korean official"},
	"labor":    {"the court", "a lawyer for the plaintiffs", "Suga", "Lee Chun-sik", "Moon Hee-sang"},
	"export":   {"Seko", "Sung Yun-mo", "a METI official", "an industry official"},
	"security": {"a Defense Ministry official", "Cheong Wa Dae", "a Pentagon spokesman"},
	"general":  {"an official", "a spokesman", "an analyst"},
}

// publisher is a news outlet; domains are under the reserved .example TLD
// so that no generated link points at a real page.
type publisher struct{ name, slug, domain string }

var publishers = []publisher{
	{"Kyodo News", "kyodo", "kyodonews.example"},
	{"Yonhap News Agency", "yonhap", "yna.example"},
	{"The Japan Times", "japantimes", "japantimes.example"},
	{"The Korea Herald", "koreaherald", "koreaherald.example"},
	{"Nikkei Asia", "nikkei", "asia.nikkei.example"},
	{"The Asahi Shimbun", "asahi", "asahi.example"},
	{"The Korea Times", "koreatimes", "koreatimes.example"},
	{"NHK World", "nhk", "nhk.example"},
	{"The Mainichi", "mainichi", "mainichi.example"},
	{"Korea JoongAng Daily", "joongang", "joongang.example"},
}

var datelines = []string{"TOKYO", "SEOUL", "TOKYO", "SEOUL", "OSAKA", "BUSAN", "MADRID", "GENEVA", "WASHINGTON", "BEIJING"}

// apMonths are month names as news agencies abbreviate them in dates.
var apMonths = [...]string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

// Publication dates are spread over this range.
var (
	firstDay = time.Date(2018, 10, 1, 0, 0, 0, 0, time.UTC)
	lastDay  = time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)
)

// generator holds the random source and the vocabulary of one call.
type generator struct {
	r *rand.Rand
	v *vocabulary
}

// newGenerator returns a generator whose output is a pure function of seed
// and salt.
func newGenerator(seed int64, salt uint64) *generator {
	return &generator{r: rand.New(rand.NewPCG(uint64(seed), salt)), v: vocab()}
}

// Articles returns news articles that hold exactly passages passages in all
// (as knowledge.Article.Passages cuts them): MinParagraphs to MaxParagraphs
// paragraphs each, of MinWords to MaxWords words, every one a passage. Every
// article passes Validate. The same seed gives the same articles.
func Articles(seed int64, passages int) []*knowledge.Article {
	g := newGenerator(seed, 0x61727469636c6573)
	var out []*knowledge.Article
	for n := 0; passages > 0; n++ {
		k := min(passages, MinParagraphs+g.r.IntN(MaxParagraphs-MinParagraphs+1))
		out = append(out, g.article(n, k))
		passages -= k
	}
	return out
}

// article generates the n-th article with the given number of paragraphs.
func (g *generator) article(n, paragraphs int) *knowledge.Article {
	th := g.theme()
	pub := publishers[g.r.IntN(len(publishers))]
	published := firstDay.AddDate(0, 0, g.r.IntN(int(lastDay.Sub(firstDay).Hours()/24)+1))
	id := fmt.Sprintf("%s-%s-%06d", pub.slug, published.Format(knowledge.DateLayout), n)
	a := &knowledge.Article{
		ID:        id,
		Title:     g.title(th),
		Publisher: pub.name,
		URL:       fmt.Sprintf("https://%s/news/%s/%s.html", pub.domain, published.Format("2006/01/02"), id),
		Published: published,
		Dateline:  datelines[g.r.IntN(len(datelines))],
		Language:  "en",
		Kind:      knowledge.KindArticle,
		Topics:    slices.Clone(th.topics),
		Scope:     knowledge.Global,
	}
	a.Body = make([]knowledge.Paragraph, paragraphs)
	for i := range a.Body {
		a.Body[i].Text = g.paragraph(th, published)
	}
	return a
}

// theme draws an article's theme.
func (g *generator) theme() *theme {
	total := 0
	for i := range themes {
		total += themes[i].weight
	}
	k := g.r.IntN(total)
	for i := range themes {
		if k -= themes[i].weight; k < 0 {
			return &themes[i]
		}
	}
	return &themes[len(themes)-1]
}

// pick draws a phrase from a weighted list.
func (g *generator) pick(list []weighted) string {
	total := 0
	for _, w := range list {
		total += w.weight
	}
	k := g.r.IntN(total)
	for _, w := range list {
		if k -= w.weight; k < 0 {
			return w.phrase
		}
	}
	return list[len(list)-1].phrase
}

// title is a headline of 6 to 10 words around one of the theme's phrases.
func (g *generator) title(th *theme) string {
	words := strings.Fields(g.pick(common[:6]))
	words = append(words, strings.Fields(th.headline[g.r.IntN(len(th.headline))])...)
	for want := 6 + g.r.IntN(5); len(words) < want; {
		words = append(words, g.v.contentWord(g.r))
	}
	// Shuffle the content words in among the phrase, keeping the phrase
	// words in order: move one content word to the front half of the time.
	if g.r.IntN(2) == 0 {
		last := words[len(words)-1]
		copy(words[1:], words[:len(words)-1])
		words[0] = last
	}
	return capitalize(strings.Join(words, " "))
}

// paragraph is MinWords to MaxWords words of sentences.
func (g *generator) paragraph(th *theme, published time.Time) string {
	var b strings.Builder
	for left := MinWords + g.r.IntN(MaxWords-MinWords+1); left > 0; {
		n := 8 + g.r.IntN(12) + g.r.IntN(12) // 8 to 30 words
		if left-n < 8 {
			n = left // the last sentence takes the rest, so none is shorter than 8
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		g.sentence(&b, th, published, n)
		left -= n
	}
	return b.String()
}

// sentence writes a sentence of exactly n words (n >= 8).
func (g *generator) sentence(b *strings.Builder, th *theme, published time.Time, n int) {
	var inserts [][]string
	used := 0
	add := func(phrase []string) {
		if used+len(phrase) <= n-3 {
			inserts = append(inserts, phrase)
			used += len(phrase)
		}
	}
	if g.r.Float64() < mentionRate {
		if g.r.Float64() < themeShare {
			add(strings.Fields(g.pick(th.mentions)))
		} else {
			add(strings.Fields(g.pick(common)))
		}
	}
	if g.r.Float64() < dateRate {
		add(g.date(published))
	}
	if g.r.Float64() < numberRate {
		add(g.number())
	}
	var attribution []string
	if g.r.Float64() < quoteRate {
		who := persons[th.name]
		attribution = append(strings.Fields(who[g.r.IntN(len(who))]), "said.")
		if used+len(attribution) > n-3 {
			attribution = nil
		}
	}
	body := n - len(attribution)
	words := make([]string, 0, n)
	for i := used; i < body; i++ {
		words = append(words, g.v.word(g.r))
	}
	for _, p := range inserts {
		at := g.r.IntN(len(words) + 1)
		words = append(words[:at], append(append([]string(nil), p...), words[at:]...)...)
	}
	if g.r.Float64() < commaRate && len(words) > 4 {
		i := 2 + g.r.IntN(len(words)-3)
		if !strings.ContainsAny(words[i], ".,") {
			words[i] += ","
		}
	}
	words[0] = capitalize(words[0])
	last := len(words) - 1
	words[last] = strings.TrimRight(words[last], ".,")
	if attribution != nil {
		words[0] = `"` + words[0]
		words[last] += `,"`
		words = append(words, attribution...)
	} else {
		words[last] += "."
	}
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
}

// date is a date phrase about a day up to a year before publication.
func (g *generator) date(published time.Time) []string {
	d := published.AddDate(0, 0, -g.r.IntN(365))
	switch g.r.IntN(6) {
	case 0, 1:
		return []string{"on", apMonths[d.Month()-1], strconv.Itoa(d.Day()) + ",", strconv.Itoa(d.Year())}
	case 2:
		return []string{"on", d.Weekday().String()}
	case 3:
		return []string{"in", d.Month().String(), strconv.Itoa(d.Year())}
	case 4:
		return []string{"in", strconv.Itoa(d.Year())}
	default:
		return []string{"on", apMonths[d.Month()-1], strconv.Itoa(d.Day())}
	}
}

// number is a quantity phrase: a duration, a share or an amount.
func (g *generator) number() []string {
	switch g.r.IntN(6) {
	case 0:
		return []string{"about", strconv.Itoa(5 * (1 + g.r.IntN(12))), "minutes"}
	case 1:
		return []string{[]string{"two", "three", "four", "five", "several"}[g.r.IntN(5)], "years"}
	case 2:
		return []string{strconv.FormatFloat(float64(g.r.IntN(200))/10, 'f', 1, 64), "percent"}
	case 3:
		return []string{strconv.FormatFloat(float64(1+g.r.IntN(99))/10, 'f', 1, 64), "trillion", "won"}
	case 4:
		return []string{"$" + strconv.Itoa(1+g.r.IntN(900)), "million"}
	default:
		return []string{strconv.Itoa(10 + g.r.IntN(2000)), "companies"}
	}
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
