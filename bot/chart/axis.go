package chart

import (
	"math"
	"slices"
	"strconv"
	"time"

	"gonum.org/v1/plot"

	"github.com/disputebot/disputebot/knowledge"
)

// span is a stretch of the axis, [from, to) in decimal years: whole years,
// or whole months for a timeline shorter than shortRange.
type span struct{ from, to float64 }

// shortRange is the length, in years, under which the axis runs from the
// first event's month to the last's rather than over whole years.
const shortRange = 2

// timeAxis maps decimal years to the axis, cutting out long stretches
// without events: the corpus runs from the 1965 treaty to the 2020s, and a
// linear axis would squeeze the busy years into a sliver. It is the axis's
// plot.Normalizer and plot.Ticker.
type timeAxis struct {
	spans []span
	// start and end of each span as a fraction of the axis length.
	start, end []float64
}

// dataWidth is about the length of the axis in pixels, which sizes the
// breaks and spaces the year labels.
const dataWidth = Width - 2*margin - 2*inset

func newAxis(entries []knowledge.TimelineEntry) *timeAxis {
	var years []int
	for _, e := range entries {
		if y := e.Date.Year(); len(years) == 0 || years[len(years)-1] != y {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	years = slices.Compact(years)
	var spans []span
	for _, y := range years {
		if n := len(spans); n > 0 && float64(y)-spans[n-1].to < breakYears {
			spans[n-1].to = float64(y + 1)
			continue
		}
		spans = append(spans, span{float64(y), float64(y + 1)})
	}
	// Too many breaks make the axis a puzzle: close the narrowest.
	for len(spans)-1 > maxBreaks {
		best := 0
		for i := 1; i < len(spans)-1; i++ {
			if spans[i+1].from-spans[i].to < spans[best+1].from-spans[best].to {
				best = i
			}
		}
		spans[best].to = spans[best+1].to
		spans = slices.Delete(spans, best+1, best+2)
	}
	// A short timeline gets the months around it only, at least three, so
	// that a few weeks of events are not squeezed into a corner of a year.
	first, last := entries[0].Date, entries[0].Date
	for _, e := range entries {
		first, last = minTime(first, e.Date), maxTime(last, e.Date)
	}
	if decimalYear(last)-decimalYear(first) < shortRange {
		from := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
		to := time.Date(last.Year(), last.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
		if months := monthsBetween(from, to); months < 3 {
			from = from.AddDate(0, -1, 0)
			to = to.AddDate(0, 3-months-1, 0)
		}
		spans = []span{{decimalYear(from), decimalYear(to)}}
	}
	a := &timeAxis{spans: spans}
	gap := float64(gapWidth) / dataWidth
	years0 := 0.0
	for _, s := range spans {
		years0 += s.to - s.from
	}
	room := 1 - gap*float64(len(spans)-1)
	at := 0.0
	for _, s := range spans {
		a.start = append(a.start, at)
		at += room * (s.to - s.from) / years0
		a.end = append(a.end, at)
		at += gap
	}
	return a
}

func (a *timeAxis) min() float64 { return a.spans[0].from }
func (a *timeAxis) max() float64 { return a.spans[len(a.spans)-1].to }

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func monthsBetween(from, to time.Time) int {
	return (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month())
}

// fromYear is the date at decimal year x, to the day.
func fromYear(x float64) time.Time {
	y := int(math.Floor(x))
	start := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	days := (x - float64(y)) * start.AddDate(1, 0, 0).Sub(start).Hours() / 24
	return start.AddDate(0, 0, int(math.Round(days)))
}

// months lists the first days of the months that start within span s.
func (s span) months() []time.Time {
	first := fromYear(s.from)
	var out []time.Time
	for m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC); decimalYear(m) < s.to-1e-9; m = m.AddDate(0, 1, 0) {
		if decimalYear(m) >= s.from-1e-9 {
			out = append(out, m)
		}
	}
	return out
}

// years lists the whole years that start within span s.
func (s span) years() []int {
	var out []int
	for y := int(math.Ceil(s.from - 1e-9)); float64(y) < s.to-1e-9; y++ {
		out = append(out, y)
	}
	return out
}

// Normalize implements plot.Normalizer: x's place along the axis, from 0
// to 1. Years in a break are spread over it.
func (a *timeAxis) Normalize(_, _, x float64) float64 {
	for i, s := range a.spans {
		from, to := s.from, s.to
		if x < from && i > 0 {
			prev := a.spans[i-1].to
			return a.end[i-1] + (x-prev)/(from-prev)*(a.start[i]-a.end[i-1])
		}
		if x <= to || i == len(a.spans)-1 {
			return a.start[i] + (x-from)/(to-from)*(a.end[i]-a.start[i])
		}
	}
	return 1
}

// pxPerYear is how wide a year of span i is drawn.
func (a *timeAxis) pxPerYear(i int) float64 {
	s := a.spans[i]
	return (a.end[i] - a.start[i]) * dataWidth / (s.to - s.from)
}

// yearStep is how many years apart span i labels its years.
func (a *timeAxis) yearStep(i int) int {
	for _, step := range []int{1, 2, 5, 10, 20, 25, 50, 100} {
		if a.pxPerYear(i)*float64(step) >= minYearStep {
			return step
		}
	}
	return 1000
}

// monthStep is how many months apart span i labels its months, or 0 when
// its years are too narrow for month labels.
func (a *timeAxis) monthStep(i int) int {
	for _, step := range []int{1, 2, 3, 6} {
		if a.pxPerYear(i)/12*float64(step) >= minMonthPx {
			return step
		}
	}
	return 0
}

// Ticks implements plot.Ticker: a label in the middle of each year, or
// of every second, fifth... year where years are narrow; where they are
// wide, a label in the middle of every month or every few months, the
// year standing for January.
func (a *timeAxis) Ticks(_, _ float64) []plot.Tick {
	var ticks []plot.Tick
	for i, s := range a.spans {
		if ms := a.monthStep(i); ms > 0 {
			for k, m := range s.months() {
				if (int(m.Month())-1)%ms != 0 {
					continue
				}
				label := m.Format("Jan")
				switch {
				case m.Month() == time.January:
					label = strconv.Itoa(m.Year())
				case k == 0:
					label = m.Format("Jan 2006") // a short axis names its year
				}
				mid := (decimalYear(m) + decimalYear(m.AddDate(0, 1, 0))) / 2
				ticks = append(ticks, plot.Tick{Value: mid, Label: label})
			}
			continue
		}
		step := a.yearStep(i)
		for _, y := range s.years() {
			if y%step == 0 {
				ticks = append(ticks, plot.Tick{Value: float64(y) + 0.5, Label: strconv.Itoa(y)})
			}
		}
	}
	return ticks
}
