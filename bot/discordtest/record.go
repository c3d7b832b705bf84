package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
)

// A Kind says what a recorded request was for, so that tests can find the
// answer they care about without parsing paths.
type Kind string

// The kinds of REST request the fake knows.
const (
	KindCallback    Kind = "callback"    // POST /interactions/{id}/{token}/callback
	KindEdit        Kind = "edit"        // PATCH /webhooks/{app}/{token}/messages/{id or @original}
	KindFollowup    Kind = "followup"    // POST /webhooks/{app}/{token}
	KindGetMessage  Kind = "get"         // GET /webhooks/{app}/{token}/messages/{id or @original}
	KindDelete      Kind = "delete"      // DELETE /webhooks/{app}/{token}/messages/{id or @original}
	KindCommands    Kind = "commands"    // /applications/{app}[/guilds/{guild}]/commands[/{id}]
	KindGateway     Kind = "gateway"     // GET /gateway, GET /gateway/bot
	KindUser        Kind = "user"        // GET /users/@me
	KindApplication Kind = "application" // GET /oauth2/applications/@me, /applications/@me
	KindUnknown     Kind = "unknown"     // anything Discord would answer with 404 here
)

// A File is a file the bot uploaded with a message, as one part of a
// multipart/form-data body.
type File struct {
	Field       string // form field, such as "files[0]"
	Name        string
	ContentType string
	Data        []byte
}

// A Request is one REST request the fake received, with the answer it gave.
type Request struct {
	Method string
	Path   string // as received, such as "/api/v9/interactions/1/tok/callback"
	Query  string
	Header http.Header
	Kind   Kind

	// InteractionID is set when the request used an interaction's token.
	InteractionID string
	// MessageID is "@original" or a message ID for webhook message routes.
	MessageID string

	// Body is the JSON payload: the request body, or the payload_json part
	// of a multipart body.
	Body  json.RawMessage
	Files []File

	// Time is when the request arrived, after any latency set with
	// SetLatency. At is the same time measured from the moment the
	// interaction was sent on the gateway; it is zero for requests not tied
	// to an interaction.
	Time time.Time
	At   time.Duration

	Status   int
	Response json.RawMessage // the body answered, if any

	// Injected reports that the answer came from FailNext rather than from
	// the fake's checks.
	Injected bool
	// Violations lists the Discord limits the request broke; such a
	// request was answered with 400 and had no effect.
	Violations []string
	// IsMessage reports that the request created or edited a message
	// (callback types 4 and 7, edits and follow-ups), and
	// MentionsSuppressed that it carried "allowed_mentions" with an
	// explicit empty "parse" list, the only way to make sure text quoted
	// from elsewhere cannot ping @everyone, roles or users.
	IsMessage          bool
	MentionsSuppressed bool
}

// InteractionResponse decodes the body of a callback, including its
// components, which a plain json.Unmarshal into discordgo types cannot do.
func (r Request) InteractionResponse() (*discordgo.InteractionResponse, error) {
	var v struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data *struct {
			discordgo.InteractionResponseData
			Components []json.RawMessage `json:"components"`
		} `json:"data"`
	}
	if err := json.Unmarshal(r.Body, &v); err != nil {
		return nil, fmt.Errorf("discordtest: decoding interaction response: %w", err)
	}
	resp := &discordgo.InteractionResponse{Type: v.Type}
	if v.Data != nil {
		resp.Data = &v.Data.InteractionResponseData
		cs, err := decodeComponents(v.Data.Components)
		if err != nil {
			return nil, err
		}
		resp.Data.Components = cs
	}
	return resp, nil
}

// WebhookEdit decodes the body of an edit.
func (r Request) WebhookEdit() (*discordgo.WebhookEdit, error) {
	var v struct {
		discordgo.WebhookEdit
		Components *[]json.RawMessage `json:"components"`
	}
	if err := json.Unmarshal(r.Body, &v); err != nil {
		return nil, fmt.Errorf("discordtest: decoding webhook edit: %w", err)
	}
	edit := v.WebhookEdit
	if v.Components != nil {
		cs, err := decodeComponents(*v.Components)
		if err != nil {
			return nil, err
		}
		edit.Components = &cs
	}
	return &edit, nil
}

// WebhookParams decodes the body of a follow-up.
func (r Request) WebhookParams() (*discordgo.WebhookParams, error) {
	var v struct {
		discordgo.WebhookParams
		Components []json.RawMessage `json:"components"`
	}
	if err := json.Unmarshal(r.Body, &v); err != nil {
		return nil, fmt.Errorf("discordtest: decoding webhook params: %w", err)
	}
	params := v.WebhookParams
	cs, err := decodeComponents(v.Components)
	if err != nil {
		return nil, err
	}
	params.Components = cs
	return &params, nil
}

// ResponseMessage decodes the message the fake answered with, for edits,
// gets and follow-ups sent with wait=true.
func (r Request) ResponseMessage() (*discordgo.Message, error) {
	var m discordgo.Message
	if err := json.Unmarshal(r.Response, &m); err != nil {
		return nil, fmt.Errorf("discordtest: decoding response message: %w", err)
	}
	return &m, nil
}

func decodeComponents(raws []json.RawMessage) ([]discordgo.MessageComponent, error) {
	if raws == nil {
		return nil, nil
	}
	cs := make([]discordgo.MessageComponent, 0, len(raws))
	for _, raw := range raws {
		c, err := discordgo.MessageComponentFromJSON(raw)
		if err != nil {
			return nil, fmt.Errorf("discordtest: decoding component: %w", err)
		}
		cs = append(cs, c)
	}
	return cs, nil
}

// AllRequests returns every REST request received so far, in order of
// arrival.
func (s *Server) AllRequests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Responses returns the requests the bot made with the token of one
// interaction, in order of arrival, including rejected ones.
func (s *Server) Responses(interactionID string) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.responsesLocked(interactionID)
}

func (s *Server) responsesLocked(id string) []Request {
	in := s.interactions[id]
	if in == nil {
		return nil
	}
	return append([]Request(nil), in.requests...)
}

// WaitResponses waits until the bot has made at least n requests for an
// interaction, because handlers answer asynchronously.
func (s *Server) WaitResponses(ctx context.Context, interactionID string, n int) ([]Request, error) {
	return s.WaitFor(ctx, interactionID, func(rs []Request) bool { return len(rs) >= n })
}

// WaitFor waits until done reports true for the requests made so far for an
// interaction, and returns them. On timeout it returns those it has, with an
// error.
func (s *Server) WaitFor(ctx context.Context, interactionID string, done func([]Request) bool) ([]Request, error) {
	var rs []Request
	err := s.wait(ctx, func() bool {
		rs = s.responsesLocked(interactionID)
		return done(rs)
	})
	if err != nil {
		return rs, fmt.Errorf("discordtest: waiting for responses to interaction %s (have %d): %w", interactionID, len(rs), err)
	}
	return rs, nil
}

// Violations returns a line for every Discord limit a request broke, so a
// test can assert the bot never sent anything Discord would reject.
func (s *Server) Violations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.violations...)
}

// MissingAllowedMentions returns the message-carrying requests that did not
// send "allowed_mentions" with an explicit empty "parse" list.
func (s *Server) MissingAllowedMentions() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var rs []Request
	for _, r := range s.requests {
		if r.IsMessage && !r.MentionsSuppressed {
			rs = append(rs, r)
		}
	}
	return rs
}

// FailedRequests returns the requests that the fake answered with a status
// of 400 or more, other than those failed on purpose with FailNext. In a
// test of a correct bot it is empty.
func (s *Server) FailedRequests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var rs []Request
	for _, r := range s.requests {
		if r.Status >= 400 && !r.Injected {
			rs = append(rs, r)
		}
	}
	return rs
}

// Commands returns the commands registered for a guild, or the global ones
// when guildID is "", as Discord would list them.
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copyCommands(s.commands[guildID])
}

func copyCommands(cmds []*discordgo.ApplicationCommand) []*discordgo.ApplicationCommand {
	out := make([]*discordgo.ApplicationCommand, 0, len(cmds))
	for _, c := range cmds {
		b, err := json.Marshal(c)
		if err != nil {
			continue
		}
		var cp discordgo.ApplicationCommand
		if json.Unmarshal(b, &cp) == nil {
			out = append(out, &cp)
		}
	}
	return out
}

// OriginalMessage returns the message that answers an interaction as it
// stands now, after edits, or nil if there is none. For a component
// interaction it is the message the component is on, which makes it the
// natural input to ButtonClick for paging tests.
func (s *Server) OriginalMessage(interactionID string) *discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.interactions[interactionID]
	if in == nil {
		return nil
	}
	return s.messageLocked(in.originalID)
}

// Followups returns the follow-up messages of an interaction that still
// exist, oldest first.
func (s *Server) Followups(interactionID string) []*discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.interactions[interactionID]
	if in == nil {
		return nil
	}
	var ms []*discordgo.Message
	for _, id := range in.followups {
		if m := s.messageLocked(id); m != nil {
			ms = append(ms, m)
		}
	}
	return ms
}

func (s *Server) messageLocked(id string) *discordgo.Message {
	m := s.messages[id]
	if m == nil || m.deleted {
		return nil
	}
	b, err := json.Marshal(m.wire)
	if err != nil {
		return nil
	}
	var dm discordgo.Message
	if err := json.Unmarshal(b, &dm); err != nil {
		return nil
	}
	return &dm
}
