// Package chart draws disputebot's pictures: the timeline of the dispute as
// a PNG that Discord shows under the /timeline reply and that the command
// line writes with `disputebot timeline --png`.
//
// It draws with gonum.org/v1/plot: its vg canvas rasterises with
// anti-aliasing, its embedded Liberation fonts need nothing installed, and
// its axis code lays out the years. The output depends on the input only,
// so the same timeline always gives the same bytes.
package chart

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"strconv"
	"strings"
	"time"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/disputebot/disputebot/knowledge"
)

// The size of the picture in pixels: 16:9, which Discord previews at about
// 400–550 px wide, so every text is drawn at 18 px or more to stay legible
// there.
const (
	Width  = 1200
	Height = 675
)

// topicColors are the marker colours of the topics, which the bot's embeds
// take for their stripes too (TopicColor), so that a topic looks alike
// everywhere.
var topicColors = map[knowledge.Topic]color.RGBA{
	knowledge.TopicTalks:          rgb(0x3b82f6),
	knowledge.TopicLaborRuling:    rgb(0xd97706),
	knowledge.TopicExportControls: rgb(0x059669),
	knowledge.TopicNorthKorea:     rgb(0x7c3aed),
	knowledge.TopicOther:          rgb(0x6b7280),
}

// TopicColor is the colour of a topic; unknown topics get other's.
func TopicColor(t knowledge.Topic) color.RGBA {
	if c, ok := topicColors[t]; ok {
		return c
	}
	return topicColors[knowledge.TopicOther]
}

func rgb(v uint32) color.RGBA {
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// Colours and sizes of everything else, in pixels (the canvas runs at 72
// dpi, so a point is a pixel).
var (
	ink       = rgb(0x111827) // titles and labels
	muted     = rgb(0x4b5563) // secondary text
	faint     = rgb(0xdde1e6) // year lines
	fainter   = rgb(0xeceef1) // month lines
	laneShade = color.RGBA{R: 0xf3, G: 0xf4, B: 0xf6, A: 0xff}
	white     = color.RGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
)

const (
	margin      = 28  // around the picture
	titleSize   = 32  // title font
	textSize    = 20  // subtitle, legend, years
	labelSize   = 19  // event labels
	markerR     = 8   // marker radius
	swarmStep   = 13  // vertical distance between stacked markers
	maxLabelW   = 410 // widest event label
	minLabelW   = 150 // narrowest: a date and a word or two
	labelGap    = 14  // least space between two labels in a row
	gapWidth    = 40  // width of a break in the time axis
	maxBreaks   = 4   // breaks kept in the time axis
	breakYears  = 4   // empty years that make a break
	minYearStep = 62  // least room per year label
	minMonthPx  = 58  // least room per month label
	maxRows     = 3   // label rows on each side of a lane's markers
	maxLaneH    = 230 // tallest lane
	axisH       = 34  // the time axis and its labels, about
	fullLabelW  = 640 // widest label, where a lane has the room
	inset       = markerR + 4
)

// fonts used by the chart: Liberation Sans, which gonum embeds.
var (
	sans     = font.Font{Typeface: "Liberation", Variant: "Sans"}
	sansBold = font.Font{Typeface: "Liberation", Variant: "Sans", Weight: xfont.WeightBold}
)

func style(f font.Font, size float64, c color.Color) text.Style {
	return text.Style{
		Color: c, Font: font.From(f, vg.Length(size)), Handler: plot.DefaultTextHandler,
		XAlign: draw.XLeft, YAlign: draw.YBottom,
	}
}

// TimelinePNG draws entries, which must be in date order as
// knowledge.Timeline returns them, as a PNG of Width × Height pixels: a
// time axis with year marks, one lane per topic that has entries, a
// coloured marker per entry, a legend, the title, and short labels for as
// many entries as fit without overlapping, earliest first in each lane.
// Long stretches without events are cut out of the axis and marked with a
// break, so that 1965 and 2019 can share one picture.
//
// With no entries it returns a picture with the title and "No dated events
// to show" rather than an error, so that a caller can always show what it
// asked for; callers that would rather say so in words check for an empty
// timeline first.
func TimelinePNG(entries []knowledge.TimelineEntry, title string) ([]byte, error) {
	c := vgimg.NewWith(vgimg.UseWH(Width, Height), vgimg.UseDPI(72), vgimg.UseBackgroundColor(white))
	dc := draw.New(c)
	page := canvas{dc}

	title = strings.TrimSpace(title)
	if title == "" {
		title = "Timeline of the Japan–South Korea dispute"
	}
	titleSty := style(sansBold, titleSize, ink)
	page.text(titleSty, margin, margin, fitText(titleSty, title, Width-2*margin))

	if len(entries) == 0 {
		msg := style(sans, 26, muted)
		msg.XAlign, msg.YAlign = draw.XCenter, draw.YCenter
		dc.FillText(msg, vg.Point{X: Width / 2, Y: Height / 2}, "No dated events to show")
		return encode(c)
	}

	lanes := lanesOf(entries)
	sub := style(sans, textSize, muted)
	first, last := entries[0].Date, entries[len(entries)-1].Date
	summary := fmt.Sprintf("%d %s, %s – %s", len(entries), plural(len(entries), "event", "events"),
		first.Format("Jan 2006"), last.Format("Jan 2006"))
	if first.Year() == last.Year() && first.Month() == last.Month() {
		summary = fmt.Sprintf("%d %s, %s", len(entries), plural(len(entries), "event", "events"), first.Format("January 2006"))
	}
	y := margin + titleSize + 12.0
	page.text(sub, margin, y, summary)
	drawLegend(page, lanes, Width-margin, y)

	top := y + textSize + 22
	p := plot.New()
	p.BackgroundColor = nil
	p.HideY()
	ax := newAxis(entries)
	p.X.Min, p.X.Max = ax.min(), ax.max()
	p.X.Scale = ax
	p.X.Tick.Marker = ax
	p.X.Tick.Length = 0
	p.X.Tick.Label = style(sans, textSize, muted)
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XCenter, draw.YTop
	p.X.LineStyle = draw.LineStyle{} // lanePlotter draws the line, wider than the axis
	p.X.Padding = 0
	p.Y.Padding = 0
	p.Y.Min, p.Y.Max = 0, float64(len(lanes))
	p.Add(&lanePlotter{lanes: lanes, axis: ax})
	// Lanes grow with the room, up to maxLaneH: a lone lane stretched over
	// the whole picture is mostly empty, so the lanes and their axis are
	// then centred instead.
	bottom := float64(margin - 8)
	if spare := (Height - top - bottom - axisH) - float64(len(lanes)*maxLaneH); spare > 0 {
		top += spare / 2
		bottom += spare / 2
	}
	p.Draw(draw.Crop(dc, margin+inset, -margin-inset, vg.Length(bottom), -vg.Length(top)))
	return encode(c)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// encode writes the picture as a PNG. Compression is set for speed: the
// default level spends a third of the drawing time on a file hardly any
// smaller, and the bot draws a chart for every /timeline.
func encode(c *vgimg.Canvas) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, c.Image()); err != nil {
		return nil, fmt.Errorf("encode timeline chart: %w", err)
	}
	return buf.Bytes(), nil
}

// canvas draws with the origin at the top left, as pictures are laid out,
// rather than vg's bottom left.
type canvas struct{ draw.Canvas }

// text draws s with its top left corner at x, y.
func (c canvas) text(sty text.Style, x, y float64, s string) {
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YTop
	c.FillText(sty, vg.Point{X: vg.Length(x), Y: Height - vg.Length(y)}, s)
}

// dot draws a filled circle centred at x, y with a white ring, so that
// markers that touch stay countable.
func (c canvas) dot(x, y vg.Length, r vg.Length, col color.Color) {
	var ring, disc vg.Path
	ring.Arc(vg.Point{X: x, Y: y}, r+2, 0, 2*math.Pi)
	ring.Close()
	c.SetColor(white)
	c.Fill(ring)
	disc.Arc(vg.Point{X: x, Y: y}, r, 0, 2*math.Pi)
	disc.Close()
	c.SetColor(col)
	c.Fill(disc)
}

// drawLegend lists the topics of the lanes with their colours and counts,
// right-aligned so that it ends at right, on the line whose top is y.
func drawLegend(c canvas, lanes []lane, right, y float64) {
	sty := style(sans, textSize, ink)
	type item struct {
		label string
		col   color.Color
	}
	var items []item
	total := 0.0
	for _, l := range lanes {
		label := shortTopic(l.topic) + " (" + strconv.Itoa(len(l.entries)) + ")"
		items = append(items, item{label, TopicColor(l.topic)})
		total += 2*markerR + 8 + float64(sty.Width(label)) + 22
	}
	x := right - total + 22
	cy := Height - vg.Length(y) - textSize/2 - 1
	for _, it := range items {
		c.dot(vg.Length(x+markerR), cy, markerR, it.col)
		x += 2*markerR + 8
		c.text(sty, x, y, it.label)
		x += float64(sty.Width(it.label)) + 22
	}
}

// shortTopic is a topic's name short enough for a legend.
func shortTopic(t knowledge.Topic) string {
	switch t {
	case knowledge.TopicTalks:
		return "Talks"
	case knowledge.TopicLaborRuling:
		return "Labor rulings"
	}
	return t.Label()
}

// fitText clips s to at most w wide, at a word boundary, with an ellipsis.
// Measuring text is the slow part of drawing, so it searches the cut by
// halves.
func fitText(sty text.Style, s string, w float64) string {
	if float64(sty.Width(s)) <= w {
		return s
	}
	fits := func(t string) bool { return float64(sty.Width(t)) <= w }
	words := strings.Fields(s)
	cut := func(n int) string {
		return strings.TrimRight(strings.Join(words[:n], " "), ",;:.–-") + knowledge.Ellipsis
	}
	if n := longest(len(words)-1, func(n int) bool { return fits(cut(n)) }); n > 0 {
		return cut(n)
	}
	runes := []rune(s)
	if n := longest(len(runes)-1, func(n int) bool { return fits(string(runes[:n]) + knowledge.Ellipsis) }); n > 0 {
		return string(runes[:n]) + knowledge.Ellipsis
	}
	return ""
}

// longest is the largest n in [1, hi] for which ok holds, ok being true up
// to some n and false after, or 0 when it holds for none.
func longest(hi int, ok func(int) bool) int {
	lo := 0 // ok(lo) holds, or lo is 0
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if ok(mid) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// lane is the row of one topic.
type lane struct {
	topic   knowledge.Topic
	entries []knowledge.TimelineEntry
}

// lanesOf groups entries by topic, in the topics' display order.
func lanesOf(entries []knowledge.TimelineEntry) []lane {
	by := map[knowledge.Topic][]knowledge.TimelineEntry{}
	for _, e := range entries {
		t := e.Topic
		if !t.Valid() {
			t = knowledge.TopicOther
		}
		by[t] = append(by[t], e)
	}
	var out []lane
	for _, t := range knowledge.Topics {
		if len(by[t]) > 0 {
			out = append(out, lane{topic: t, entries: by[t]})
		}
	}
	return out
}

// decimalYear places a date on the axis: 2019.5 is about 1 July 2019.
func decimalYear(t time.Time) float64 {
	start := time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(1, 0, 0)
	return float64(t.Year()) + t.Sub(start).Hours()/end.Sub(start).Hours()
}
