package main

// The format of 'disputebot corpus export' and 'corpus import FILE.jsonl':
// one JSON object a line, an article with all its metadata and its text.

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/disputebot/disputebot/app"
	"github.com/disputebot/disputebot/knowledge"
)

// exportRecord is one line of `corpus export`: an article with all its
// metadata and its text.
type exportRecord struct {
	ID        string             `json:"id"`
	Title     string             `json:"title"`
	Publisher string             `json:"publisher"`
	URL       string             `json:"url,omitempty"`
	Published string             `json:"published"`
	Dateline  string             `json:"dateline,omitempty"`
	Byline    string             `json:"byline,omitempty"`
	Language  string             `json:"language,omitempty"`
	Kind      knowledge.Kind     `json:"kind"`
	Topics    []knowledge.Topic  `json:"topics,omitempty"`
	Scope     string             `json:"scope"`
	AddedBy   string             `json:"added_by,omitempty"`
	AddedAt   string             `json:"added_at,omitempty"`
	Reprints  []string           `json:"reprints,omitempty"`
	Related   []string           `json:"related,omitempty"`
	Sources   []knowledge.Source `json:"sources,omitempty"`
	Events    []exportEvent      `json:"events,omitempty"`
	Builtin   bool               `json:"builtin,omitempty"`
	Body      []exportParagraph  `json:"body,omitempty"`
}

type exportEvent struct {
	Date   string           `json:"date"`
	Event  string           `json:"event"`
	Topic  knowledge.Topic  `json:"topic"`
	Source knowledge.Source `json:"source"`
}

type exportParagraph struct {
	Text    string `json:"text"`
	Caption bool   `json:"caption,omitempty"`
	Heading bool   `json:"heading,omitempty"`
}

func toRecord(a *knowledge.Article, builtin bool) exportRecord {
	r := exportRecord{
		ID: a.ID, Title: a.Title, Publisher: a.Publisher, URL: a.URL, Published: a.Published.Format(knowledge.DateLayout),
		Dateline: a.Dateline, Byline: a.Byline, Language: a.Language, Kind: a.Kind, Topics: a.Topics, Scope: a.Scope,
		AddedBy: a.AddedBy, Reprints: a.Reprints, Related: a.Related, Sources: a.Sources, Builtin: builtin,
	}
	if !a.AddedAt.IsZero() {
		r.AddedAt = a.AddedAt.UTC().Format(time.RFC3339)
	}
	for _, e := range a.Events {
		r.Events = append(r.Events, exportEvent{Date: e.Date.Format(knowledge.DateLayout), Event: e.Text, Topic: e.Topic, Source: e.Source})
	}
	for _, p := range a.Body {
		r.Body = append(r.Body, exportParagraph{Text: p.Text, Caption: p.Caption, Heading: p.Heading})
	}
	return r
}

func (r exportRecord) article() (*knowledge.Article, error) {
	a := &knowledge.Article{
		ID: r.ID, Title: r.Title, Publisher: r.Publisher, URL: r.URL, Dateline: r.Dateline, Byline: r.Byline,
		Language: r.Language, Kind: r.Kind, Topics: r.Topics, Scope: r.Scope, AddedBy: r.AddedBy,
		Reprints: r.Reprints, Related: r.Related, Sources: r.Sources,
	}
	var err error
	if a.Published, err = knowledge.ParseDate(r.Published); err != nil {
		return nil, knowledge.Errorf(knowledge.EINVALID, "published: %v", err)
	}
	if r.AddedAt != "" {
		if a.AddedAt, err = time.Parse(time.RFC3339, r.AddedAt); err != nil {
			return nil, knowledge.Errorf(knowledge.EINVALID, "added_at: %q is not an RFC 3339 time", r.AddedAt)
		}
	}
	for i, e := range r.Events {
		d, err := knowledge.ParseDate(e.Date)
		if err != nil {
			return nil, knowledge.Errorf(knowledge.EINVALID, "events[%d].date: %v", i, err)
		}
		a.Events = append(a.Events, knowledge.Event{Date: d, Text: e.Event, Topic: e.Topic, Source: e.Source})
	}
	for _, p := range r.Body {
		a.Body = append(a.Body, knowledge.Paragraph{Text: knowledge.CleanText(p.Text), Caption: p.Caption, Heading: p.Heading})
	}
	if a.Kind == "" {
		a.Kind = knowledge.KindArticle
	}
	return a, nil
}

// writeExport writes the whole corpus as JSON lines.
func writeExport(w io.Writer, svc *app.Service) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, a := range svc.All() {
		if err := enc.Encode(toRecord(a, svc.IsBuiltin(a.ID))); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// parseRecord reads one line of an export, with errors in words.
func parseRecord(line string) (*knowledge.Article, error) {
	var r exportRecord
	dec := json.NewDecoder(strings.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, jsonError(err)
	}
	if dec.More() {
		return nil, errors.New("more than one JSON object on the line; put each record on a line of its own")
	}
	a, err := r.article()
	if err != nil {
		return nil, errors.New(knowledge.ErrorMessage(err))
	}
	return a, nil
}

// jsonError words a JSON decoding error for the person who wrote the line.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("not valid JSON at character %d (%s); each line must be one JSON object, "+
			"as 'disputebot corpus export' writes them", syn.Offset, strings.TrimPrefix(syn.Error(), "json: "))
	case errors.As(err, &typ) && typ.Field == "":
		return fmt.Errorf("expected an object such as 'disputebot corpus export' writes, not a JSON %s", typ.Value)
	case errors.As(err, &typ):
		return fmt.Errorf("%s: expected %s, not a JSON %s", typ.Field, jsonKind(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the JSON object is cut short; each line must be one whole JSON object")
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return fmt.Errorf("%s is not a field of an exported article; the fields are those 'disputebot corpus export' writes", f)
	}
	return fmt.Errorf("not an exported article: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// jsonKind names a Go kind in JSON's words.
func jsonKind(kind string) string {
	switch kind {
	case "string":
		return "text"
	case "slice", "array":
		return "a list"
	case "struct", "map":
		return "an object"
	case "bool":
		return "true or false"
	}
	return "a number"
}
