package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/disputebot/disputebot/knowledge"
)

func day(s string) time.Time {
	d, err := knowledge.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func entry(date string, topic knowledge.Topic, text string) knowledge.TimelineEntry {
	return knowledge.TimelineEntry{
		Date: day(date), Topic: topic, Text: text, Kind: knowledge.KindNote, ArticleID: "note-x",
		Source: knowledge.Source{Title: "A source", URL: "https://example.org/"},
	}
}

func corpusTimeline(t *testing.T, f knowledge.TimelineFilter) []knowledge.TimelineEntry {
	t.Helper()
	arts, err := knowledge.DefaultCorpus()
	if err != nil {
		t.Fatal(err)
	}
	return knowledge.Timeline(arts, f)
}

// decode checks that b is a PNG of the chart's size and returns it.
func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if got := img.Bounds().Size(); got != image.Pt(Width, Height) {
		t.Fatalf("size %v, want %dx%d", got, Width, Height)
	}
	return img
}

// pixels returns the picture's pixels as RGBA, four bytes each. An opaque
// PNG decodes as *image.RGBA; anything else is converted, slowly.
func pixels(img image.Image) []uint8 {
	if rgba, ok := img.(*image.RGBA); ok && rgba.Stride == 4*rgba.Rect.Dx() {
		return rgba.Pix
	}
	b := img.Bounds()
	out := make([]uint8, 0, 4*b.Dx()*b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			out = append(out, c.R, c.G, c.B, c.A)
		}
	}
	return out
}

// colours counts the pixels of each exact colour.
func colours(img image.Image) map[color.RGBA]int {
	out := map[color.RGBA]int{}
	pix := pixels(img)
	for i := 0; i+3 < len(pix); i += 4 {
		out[color.RGBA{R: pix[i], G: pix[i+1], B: pix[i+2], A: pix[i+3]}]++
	}
	return out
}

// inkPixels counts the pixels that are clearly not background.
func inkPixels(img image.Image) int {
	n := 0
	pix := pixels(img)
	for i := 0; i+3 < len(pix); i += 4 {
		if pix[i] < 0xc0 || pix[i+1] < 0xc0 || pix[i+2] < 0xc0 {
			n++
		}
	}
	return n
}

// saveOnFailure keeps the picture of a failed test where a person can look
// at it.
func saveOnFailure(t *testing.T, name string, b []byte) {
	t.Cleanup(func() {
		if t.Failed() {
			path := t.TempDir() + "/" + name + ".png"
			if dir := os.Getenv("CHART_DEBUG_DIR"); dir != "" {
				path = dir + "/" + name + ".png"
			}
			if err := os.WriteFile(path, b, 0o644); err == nil {
				t.Logf("picture: %s", path)
			}
		}
	})
}

func TestTimelinePNG(t *testing.T) {
	for _, tc := range []struct {
		name    string
		entries []knowledge.TimelineEntry
		topics  []knowledge.Topic // whose marker colour must appear
	}{
		{"default corpus", corpusTimeline(t, knowledge.TimelineFilter{}),
			[]knowledge.Topic{knowledge.TopicTalks, knowledge.TopicLaborRuling, knowledge.TopicExportControls, knowledge.TopicOther}},
		{"one topic", corpusTimeline(t, knowledge.TimelineFilter{Topic: knowledge.TopicExportControls}),
			[]knowledge.Topic{knowledge.TopicExportControls}},
		{"one year, month labels", corpusTimeline(t, knowledge.TimelineFilter{From: day("2019-01-01"), To: day("2019-12-31")}),
			[]knowledge.Topic{knowledge.TopicTalks, knowledge.TopicLaborRuling, knowledge.TopicExportControls, knowledge.TopicOther}},
		{"one day, unknown topic drawn as other", []knowledge.TimelineEntry{
			entry("2019-07-04", knowledge.TopicNorthKorea, "A missile test"),
			entry("2019-07-04", knowledge.TopicTalks, "Talks"), entry("2019-07-04", knowledge.TopicTalks, "More talks"),
			entry("2019-07-04", "sports", "A match"),
		}, []knowledge.Topic{knowledge.TopicNorthKorea, knowledge.TopicTalks, knowledge.TopicOther}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b, err := TimelinePNG(tc.entries, "Timeline: "+tc.name)
			if err != nil {
				t.Fatal(err)
			}
			// The same input gives the same bytes: drawing depends on
			// nothing else, such as map order. Once is enough to check.
			if tc.name == "default corpus" {
				if again, err := TimelinePNG(slices.Clone(tc.entries), "Timeline: "+tc.name); err != nil || !bytes.Equal(again, b) {
					t.Errorf("a second drawing differs (error %v)", err)
				}
			}
			saveOnFailure(t, strings.ReplaceAll(tc.name, " ", "-"), b)
			img := decode(t, b)
			if n := inkPixels(img); n < 5000 {
				t.Errorf("only %d pixels drawn: blank?", n)
			}
			cs := colours(img)
			for _, topic := range knowledge.Topics {
				n := cs[TopicColor(topic)]
				switch present := slices.Contains(tc.topics, topic); {
				case present && n < 100:
					t.Errorf("%s: %d pixels of its colour, want its markers", topic, n)
				case !present && n > 0:
					t.Errorf("%s: %d pixels of its colour, but it has no events", topic, n)
				}
			}
		})
	}
}

// TestTimelinePNGEmpty checks the documented choice: no entries give a
// picture that says so, not an error.
func TestTimelinePNGEmpty(t *testing.T) {
	t.Parallel()
	b, err := TimelinePNG(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	saveOnFailure(t, "empty", b)
	img := decode(t, b)
	if n := inkPixels(img); n < 500 {
		t.Errorf("only %d pixels drawn; want the title and the message", n)
	}
	cs := colours(img)
	for _, topic := range knowledge.Topics {
		if cs[TopicColor(topic)] > 0 {
			t.Errorf("a %s marker in a picture of no events", topic)
		}
	}
}

// TestTimelinePNGMany checks that a big timeline stays quick to draw and
// within bounds: the bot draws one per /timeline.
func TestTimelinePNGMany(t *testing.T) {
	t.Parallel()
	var entries []knowledge.TimelineEntry
	start := day("2015-01-01")
	for i := range 1000 {
		entries = append(entries, entry(start.AddDate(0, 0, i*2).Format(knowledge.DateLayout),
			knowledge.Topics[i%len(knowledge.Topics)], strings.Repeat("very long words ", 40)))
	}
	begin := time.Now()
	b, err := TimelinePNG(entries, strings.Repeat("A very long title ", 20))
	if err != nil {
		t.Fatal(err)
	}
	decode(t, b)
	// About 0.1 s normally and a few under -race on a busy machine; a
	// label placement gone quadratic took minutes.
	if d := time.Since(begin); d > 30*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestAxis(t *testing.T) {
	for _, tc := range []struct {
		name  string
		years []int
		spans []span
	}{
		{"one month: the months around it", []int{2019}, []span{{decimalYear(day("2019-02-01")), decimalYear(day("2019-05-01"))}}},
		{"under two years: whole months", []int{2019, 2020}, []span{{decimalYear(day("2019-03-01")), decimalYear(day("2020-04-01"))}}},
		{"close years join", []int{2016, 2019, 2023}, []span{{2016, 2024}}},
		{"a long gap breaks", []int{1965, 1966, 2016, 2019, 2022, 2025}, []span{{1965, 1967}, {2016, 2026}}},
		{"four empty years break", []int{2010, 2015}, []span{{2010, 2011}, {2015, 2016}}},
		{"three do not", []int{2010, 2014}, []span{{2010, 2015}}},
		{"at most maxBreaks breaks, the narrowest closed", []int{1900, 1910, 1920, 1930, 1950, 1970, 1990}, []span{{1900, 1921}, {1930, 1931}, {1950, 1951}, {1970, 1971}, {1990, 1991}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var entries []knowledge.TimelineEntry
			for _, y := range tc.years {
				entries = append(entries, entry(fmt.Sprintf("%d-03-01", y), knowledge.TopicTalks, "x"))
			}
			a := newAxis(entries)
			if !slices.Equal(a.spans, tc.spans) {
				t.Errorf("spans %v, want %v", a.spans, tc.spans)
			}
			// The scale runs from 0 to 1 and never goes back.
			prev := -1.0
			for x := a.min(); x <= a.max(); x += 0.05 {
				n := a.Normalize(a.min(), a.max(), x)
				if n < prev-1e-9 || n < -1e-9 || n > 1+1e-9 {
					t.Fatalf("Normalize(%v) = %v after %v", x, n, prev)
				}
				prev = n
			}
			if n := a.Normalize(0, 0, a.max()); math.Abs(n-1) > 1e-9 {
				t.Errorf("the end maps to %v, want 1", n)
			}
			ticks := a.Ticks(a.min(), a.max())
			if len(ticks) == 0 {
				t.Error("no year labels")
			}
			for _, tk := range ticks {
				if tk.Value < a.min() || tk.Value > a.max() || tk.Label == "" {
					t.Errorf("tick %+v outside [%v, %v] or unlabelled", tk, a.min(), a.max())
				}
			}
		})
	}
}

func TestDecimalYear(t *testing.T) {
	for _, tc := range []struct {
		date string
		want float64
	}{
		{"2019-01-01", 2019}, {"2019-07-02", 2019.5}, {"2020-12-31", 2020 + 365.0/366},
	} {
		if got := decimalYear(day(tc.date)); math.Abs(got-tc.want) > 0.002 {
			t.Errorf("decimalYear(%s) = %v, want %v", tc.date, got, tc.want)
		}
	}
}

func TestTimelineTitle(t *testing.T) {
	for _, tc := range []struct {
		f    knowledge.TimelineFilter
		want string
	}{
		{knowledge.TimelineFilter{}, "Japan–South Korea dispute: timeline"},
		{knowledge.TimelineFilter{Topic: knowledge.TopicExportControls}, "Export controls: timeline"},
		{knowledge.TimelineFilter{From: day("2019-01-01"), To: day("2019-12-31")}, "Japan–South Korea dispute: timeline, 1 Jan 2019 – 31 Dec 2019"},
		{knowledge.TimelineFilter{Topic: knowledge.TopicTalks, From: day("2023-03-16")}, "Diplomatic talks: timeline from 16 Mar 2023"},
		{knowledge.TimelineFilter{To: day("2019-12-31")}, "Japan–South Korea dispute: timeline to 31 Dec 2019"},
		{knowledge.TimelineFilter{From: day("2022-07-08"), To: day("2022-07-08")}, "Japan–South Korea dispute: timeline, 8 Jul 2022"},
	} {
		if got := TimelineTitle(tc.f); got != tc.want {
			t.Errorf("TimelineTitle(%+v) = %q, want %q", tc.f, got, tc.want)
		}
	}
}
