package chart

import (
	"image/color"
	"math"
	"slices"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/disputebot/disputebot/knowledge"
)

// lanePlotter draws the lanes, markers and labels inside the plot's data
// area; gonum draws the time axis under it.
type lanePlotter struct {
	lanes []lane
	axis  *timeAxis
}

// box is a label's place, in canvas units (y up).
type box struct{ x0, x1, y0, y1 vg.Length }

func (b box) overlaps(o box, gap vg.Length) bool {
	return b.x0 < o.x1+gap && o.x0 < b.x1+gap && b.y0 < o.y1 && o.y0 < b.y1
}

// marker is one entry placed in its lane.
type marker struct {
	x, y  vg.Length
	entry knowledge.TimelineEntry
}

// label is the short text shown for a marker.
type label struct {
	at         box
	date, text string
	leader     [2]vg.Point
}

// Plot implements plot.Plotter.
func (lp *lanePlotter) Plot(c draw.Canvas, p *plot.Plot) {
	xf, yf := p.Transforms(&c)
	n := len(lp.lanes)
	// The axis is inset so that an event on its first or last day still
	// shows its whole marker; lanes, labels and the axis line, drawn here
	// rather than by gonum, reach past.
	left, right := c.Min.X-inset, c.Max.X+inset
	top, bottom := yf(float64(n)), yf(0)
	defer c.StrokeLine2(draw.LineStyle{Color: muted, Width: 1.5}, left, bottom, right, bottom)

	// Lane backgrounds, alternately shaded so that the eye can follow a
	// lane across the picture.
	for i := range lp.lanes {
		if i%2 == 0 {
			hi, lo := yf(float64(n-i)), yf(float64(n-i-1))
			c.FillPolygon(laneShade, []vg.Point{{X: left, Y: lo}, {X: right, Y: lo}, {X: right, Y: hi}, {X: left, Y: hi}})
		}
	}
	lp.drawYears(c, xf, top, bottom)
	lp.drawBreaks(c, xf, top, bottom)

	var markers [][]marker
	var labels [][]label
	for i, l := range lp.lanes {
		hi, lo := yf(float64(n-i)), yf(float64(n-i-1))
		ms, levels := swarm(l.entries, xf, (hi+lo)/2, hi-lo)
		markers = append(markers, ms)
		labels = append(labels, placeLabels(l, ms, levels, hi, lo, left, right))
	}
	for i, l := range lp.lanes {
		col := TopicColor(l.topic)
		lead := draw.LineStyle{Color: color.RGBA{R: col.R, G: col.G, B: col.B, A: 0xff}, Width: 1.5}
		for _, lb := range labels[i] {
			c.StrokeLine2(lead, lb.leader[0].X, lb.leader[0].Y, lb.leader[1].X, lb.leader[1].Y)
		}
	}
	for i, l := range lp.lanes {
		col := TopicColor(l.topic)
		for _, m := range markers[i] {
			canvas{c}.dot(m.x, m.y, markerR, col)
		}
	}
	dateSty := style(sansBold, labelSize, muted)
	textSty := style(sans, labelSize, ink)
	for i, l := range lp.lanes {
		hi := yf(float64(n - i))
		bg := white
		if i%2 == 0 {
			bg = laneShade
		}
		name := style(sansBold, labelSize, darker(TopicColor(l.topic)))
		name.XAlign, name.YAlign = draw.XLeft, draw.YTop
		nw := name.Width(laneName(l))
		c.FillPolygon(bg, []vg.Point{{X: left + 4, Y: hi - 4}, {X: left + 12 + nw, Y: hi - 4}, {X: left + 12 + nw, Y: hi - 6 - labelSize - 4}, {X: left + 4, Y: hi - 6 - labelSize - 4}})
		c.FillText(name, vg.Point{X: left + 8, Y: hi - 5}, laneName(l))
		for _, lb := range labels[i] {
			// The label's own background keeps year lines and breaks
			// from running through its letters.
			c.FillPolygon(bg, []vg.Point{{X: lb.at.x0 - 3, Y: lb.at.y0}, {X: lb.at.x1 + 3, Y: lb.at.y0}, {X: lb.at.x1 + 3, Y: lb.at.y1}, {X: lb.at.x0 - 3, Y: lb.at.y1}})
			pt := vg.Point{X: lb.at.x0, Y: lb.at.y0 + dateSty.FontExtents().Descent + 1}
			c.FillText(dateSty, pt, lb.date)
			pt.X += dateSty.Width(lb.date + " ")
			c.FillText(textSty, pt, lb.text)
		}
	}
}

// laneName is the name written at the start of a lane.
func laneName(l lane) string { return l.topic.Label() }

// darker is c at two thirds of its brightness, for text in a topic's
// colour that must stay readable on white.
func darker(c color.RGBA) color.RGBA {
	return color.RGBA{R: uint8(int(c.R) * 2 / 3), G: uint8(int(c.G) * 2 / 3), B: uint8(int(c.B) * 2 / 3), A: 0xff}
}

// drawYears draws a faint line at the start of every year, or of every
// labelled year where years are narrow; where months are labelled, at the
// start of every labelled month too, fainter still.
func (lp *lanePlotter) drawYears(c draw.Canvas, xf func(float64) vg.Length, top, bottom vg.Length) {
	year := draw.LineStyle{Color: faint, Width: 1.5}
	month := draw.LineStyle{Color: fainter, Width: 1}
	for i, s := range lp.axis.spans {
		if ms := lp.axis.monthStep(i); ms > 0 {
			for _, m := range s.months() {
				if m.Month() != time.January && (int(m.Month())-1)%ms == 0 {
					x := xf(decimalYear(m))
					c.StrokeLine2(month, x, bottom, x, top)
				}
			}
		}
		step := 1
		if lp.axis.pxPerYear(i) < 14 {
			step = lp.axis.yearStep(i)
		}
		for _, y := range append(s.years(), int(math.Ceil(s.to-1e-9))) {
			if y%step == 0 || float64(y) <= s.from+1e-9 || float64(y) >= s.to-1e-9 {
				if x := float64(y); x >= s.from-1e-9 && x <= s.to+1e-9 {
					c.StrokeLine2(year, xf(x), bottom, xf(x), top)
				}
			}
		}
	}
}

// drawBreaks marks each cut in the time axis with a zigzag across the
// lanes and a gap in the axis line.
func (lp *lanePlotter) drawBreaks(c draw.Canvas, xf func(float64) vg.Length, top, bottom vg.Length) {
	for i := 1; i < len(lp.axis.spans); i++ {
		x0, x1 := xf(lp.axis.spans[i-1].to), xf(lp.axis.spans[i].from)
		c.FillPolygon(white, []vg.Point{{X: x0 + 1, Y: bottom - 3}, {X: x1 - 1, Y: bottom - 3}, {X: x1 - 1, Y: top}, {X: x0 + 1, Y: top}})
		mid := (x0 + x1) / 2
		var zig []vg.Point
		for y, k := top, 0; y > bottom; y, k = y-10, k+1 {
			zig = append(zig, vg.Point{X: mid + vg.Length(5*(1-2*(k%2))), Y: y})
		}
		c.StrokeLines(draw.LineStyle{Color: muted, Width: 1.5}, zig)
	}
}

// swarm places a lane's markers: at the lane's centre line, or stacked
// above and below it where they would cover each other, so that a busy
// month shows as a cluster rather than as one dot. It returns the markers
// and how many levels it stacked on each side.
func swarm(entries []knowledge.TimelineEntry, xf func(float64) vg.Length, mid, height vg.Length) ([]marker, int) {
	levels := 1
	switch {
	case height > 300:
		levels = 3
	case height > 150:
		levels = 2
	}
	var out []marker
	used := 0
	minDist := vg.Length(2*markerR + 2)
	for _, e := range entries {
		x := xf(decimalYear(e.Date))
		bestY, bestD := mid, vg.Length(-1)
		for _, k := range levelOrder(levels) {
			y := mid + vg.Length(k)*swarmStep
			d := vg.Length(math.Inf(1))
			for j := len(out) - 1; j >= 0 && x-out[j].x < minDist; j-- {
				d = min(d, vg.Length(math.Hypot(float64(x-out[j].x), float64(y-out[j].y))))
			}
			if d >= minDist {
				bestY, bestD = y, d
				break
			}
			if d > bestD {
				bestY, bestD = y, d
			}
		}
		if bestY != mid {
			used = max(used, int(math.Abs(float64((bestY-mid)/swarmStep))+0.5))
		}
		out = append(out, marker{x: x, y: bestY, entry: e})
	}
	return out, used
}

// levelOrder is the order in which stacking levels are tried: the centre,
// then alternately above and below.
func levelOrder(levels int) []int {
	out := []int{0}
	for k := 1; k <= levels; k++ {
		out = append(out, k, -k)
	}
	return out
}

// placeLabels gives as many markers of a lane as fit a short label in
// rows above and below the markers, none overlapping another or the
// lane's name. Every cluster of markers gets a chance before any gets a
// second label, the busiest first, so that the labels spread over the
// lane rather than pile up at its start; each label starts at its marker,
// or ends there when that fits better.
func placeLabels(l lane, ms []marker, levels int, hi, lo, left, right vg.Length) []label {
	dateSty := style(sansBold, labelSize, muted)
	textSty := style(sans, labelSize, ink)
	rowH := vg.Length(labelSize + 6)
	mid := (hi + lo) / 2
	reach := vg.Length(levels)*swarmStep + markerR + 6
	var rows []vg.Length // the bottom of each row's boxes
	for k := 0; k < maxRows; k++ {
		above := mid + reach + vg.Length(k)*rowH
		below := mid - reach - vg.Length(k+1)*rowH
		fitA, fitB := above+rowH <= hi-2, below >= lo+2
		if !fitA && !fitB {
			break
		}
		if fitA {
			rows = append(rows, above)
		}
		if fitB {
			rows = append(rows, below)
		}
	}
	nameSty := style(sansBold, labelSize, ink)
	used := &taken{labels: []box{{x0: left, x1: left + 8 + nameSty.Width(laneName(l)) + 4, y0: hi - 5 - rowH, y1: hi}}}
	var out []label
	var full []string // the whole text of each label
	for _, i := range labelOrder(ms) {
		m := ms[i]
		date := m.entry.Date.Format("Jan 2006")
		// Where not even a short label fits, skip measuring this one's.
		if _, _, ok := fitLabel(m, minLabelW, rowH, rows, used, left, right); !ok {
			continue
		}
		room := float64(maxLabelW - dateSty.Width(date+" "))
		txt := fitText(textSty, m.entry.Text, room)
		if txt == "" {
			continue
		}
		w := dateSty.Width(date+" ") + textSty.Width(txt)
		b, lead, ok := fitLabel(m, w, rowH, rows, used, left, right)
		if !ok {
			continue
		}
		used.labels = append(used.labels, b)
		used.leaders = append(used.leaders, lead)
		out = append(out, label{at: b, date: date, text: txt, leader: [2]vg.Point{{X: m.x, Y: lead.y0}, {X: m.x, Y: lead.y1}}})
		full = append(full, m.entry.Text)
	}
	// Where the chosen labels leave room, say more: each label grows
	// towards its whole text as far as its row allows, keeping its place.
	for i := range out {
		lb := &out[i]
		if lb.text == full[i] {
			continue
		}
		others := &taken{leaders: used.leaders}
		for j, o := range used.labels {
			if j != i+1 { // used.labels[0] is the lane's name
				others.labels = append(others.labels, o)
			}
		}
		leftwards := lb.leader[0].X-lb.at.x0 > (lb.at.x1-lb.at.x0)/2 // it ends at its marker
		most := min(fullLabelW, right-lb.at.x0)
		if leftwards {
			most = min(fullLabelW, lb.at.x1-left)
		}
		txt := fitText(textSty, full[i], float64(most-dateSty.Width(lb.date+" ")))
		w := dateSty.Width(lb.date+" ") + textSty.Width(txt)
		if w <= lb.at.x1-lb.at.x0 {
			continue
		}
		b := lb.at
		if leftwards {
			b.x0 = b.x1 - w
		} else {
			b.x1 = b.x0 + w
		}
		if !others.freeLabel(b) {
			continue
		}
		lb.at, lb.text = b, txt
		used.labels[i+1] = b
	}
	return out
}

// taken is what a new label must keep clear of: the labels placed so far
// and the leader lines that tie them to their markers, so that no leader
// runs behind another label and seems to point at it.
type taken struct{ labels, leaders []box }

func (t *taken) free(label, leader box) bool {
	for _, o := range t.labels {
		if leader.overlaps(o, 0) {
			return false
		}
	}
	return t.freeLabel(label)
}

// freeLabel reports whether a label fits, its leader aside.
func (t *taken) freeLabel(label box) bool {
	for _, o := range t.labels {
		if label.overlaps(o, labelGap) {
			return false
		}
	}
	for _, o := range t.leaders {
		if label.overlaps(o, 4) {
			return false
		}
	}
	return true
}

// fitLabel finds a free place for a label w wide for marker m: in the
// nearest row first, starting at the marker, else ending at it. It
// returns the label's box and its leader's.
func fitLabel(m marker, w, rowH vg.Length, rows []vg.Length, t *taken, left, right vg.Length) (box, box, bool) {
	for _, r := range rows {
		lead := box{x0: m.x - 1, x1: m.x + 1, y0: m.y, y1: r} // a row above
		if r < m.y {
			lead.y0, lead.y1 = r+rowH, m.y
		}
		for _, x0 := range []vg.Length{m.x - 8, m.x + 8 - w} {
			x0 = max(min(x0, right-w), left)
			b := box{x0: x0, x1: x0 + w, y0: r, y1: r + rowH}
			if t.free(b, lead) {
				return b, lead, true
			}
		}
	}
	return box{}, box{}, false
}

// clusterGap is the distance between markers that starts a new cluster.
const clusterGap = 4 * markerR

// labelOrder is the order in which markers, sorted by date, are offered a
// label: the first marker of every cluster, biggest cluster first, then
// the others by date.
func labelOrder(ms []marker) []int {
	type cluster struct{ first, size int }
	var cs []cluster
	for i := range ms {
		if i == 0 || ms[i].x-ms[i-1].x > clusterGap {
			cs = append(cs, cluster{first: i})
		}
		cs[len(cs)-1].size++
	}
	slices.SortStableFunc(cs, func(a, b cluster) int { return b.size - a.size })
	var out []int
	firsts := map[int]bool{}
	for _, c := range cs {
		out = append(out, c.first)
		firsts[c.first] = true
	}
	for i := range ms {
		if !firsts[i] {
			out = append(out, i)
		}
	}
	return out
}
