package discordtest

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// PostInteraction delivers an interaction the way Discord does to an
// application with an Interactions Endpoint URL: a POST of its JSON to
// endpoint, signed with key (Ed25519 over the timestamp followed by the
// body, hex in X-Signature-Ed25519, the Unix time in X-Signature-Timestamp).
// A 200 answer is the interaction's first response, which the fake checks
// and records as it does a callback made over REST (KindCallback, its At
// counted from the POST), so that the bot's edits and follow-ups find the
// interaction acknowledged. It returns the endpoint's status and body.
func (s *Server) PostInteraction(ctx context.Context, endpoint string, key ed25519.PrivateKey, i *discordgo.Interaction) (int, []byte, error) {
	p, err := s.NewPost(ctx, endpoint, key, i)
	if err != nil {
		return 0, nil, err
	}
	return p.Send()
}

// A Post is an interaction ready to be posted to an endpoint, signed, so
// that a load test can send many at once without counting the signing,
// which Discord does on its side.
type Post struct {
	s    *Server
	in   *interaction
	typ  discordgo.InteractionType
	req  *http.Request
	sent bool
}

// NewPost tracks and signs an interaction for PostInteraction, to be sent
// with Send.
func (s *Server) NewPost(ctx context.Context, endpoint string, key ed25519.PrivateKey, i *discordgo.Interaction) (*Post, error) {
	if i == nil {
		return nil, errors.New("discordtest: post of a nil interaction")
	}
	data, err := s.interactionJSON(i)
	if err != nil {
		return nil, fmt.Errorf("discordtest: encoding interaction %s: %w", i.ID, err)
	}
	req, err := SignedRequest(ctx, endpoint, key, time.Now(), data)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errors.New("discordtest: server closed")
	}
	in, err := s.trackLocked(data)
	if err != nil {
		return nil, err
	}
	return &Post{s: s, in: in, typ: i.Type, req: req}, nil
}

// Send posts the interaction, once, and records a 200 answer as its first
// response (see PostInteraction).
func (p *Post) Send() (int, []byte, error) {
	if p.sent {
		return 0, nil, errors.New("discordtest: post sent twice")
	}
	p.sent = true
	s, in := p.s, p.in
	if in != nil {
		s.mu.Lock()
		in.sentAt = time.Now()
		in.posting = make(chan struct{})
		s.mu.Unlock()
		defer close(in.posting)
	}
	resp, err := http.DefaultClient.Do(p.req)
	if err != nil {
		return 0, nil, fmt.Errorf("discordtest: post interaction: %w", err)
	}
	answered := time.Now()
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, nil, fmt.Errorf("discordtest: read the endpoint's answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK || in == nil || p.typ == discordgo.InteractionPing {
		return resp.StatusCode, body, nil
	}
	// The answer is the first response: put it through the callback route.
	cb, err := http.NewRequestWithContext(p.req.Context(), http.MethodPost,
		s.url+"/api/v"+discordgo.APIVersion+"/interactions/"+in.id+"/"+in.token+"/callback", bytes.NewReader(body))
	if err != nil {
		return resp.StatusCode, body, err
	}
	cb.Header.Set("Content-Type", resp.Header.Get("Content-Type"))
	// The callback is checked and timed as of when the answer came.
	cb.Header.Set(recordingHeader, strconv.FormatInt(answered.UnixNano(), 10))
	cbResp, err := http.DefaultClient.Do(cb)
	if err != nil {
		return resp.StatusCode, body, fmt.Errorf("discordtest: record the response: %w", err)
	}
	io.Copy(io.Discard, cbResp.Body)
	cbResp.Body.Close()
	return resp.StatusCode, body, nil
}

// SignedRequest is the POST that Discord sends an Interactions Endpoint
// URL, signed with key at the time at; tests forge the bad ones by
// changing it.
func SignedRequest(ctx context.Context, endpoint string, key ed25519.PrivateKey, at time.Time, body []byte) (*http.Request, error) {
	ts := strconv.FormatInt(at.Unix(), 10)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("discordtest: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, append([]byte(ts), body...))))
	return req, nil
}

// InteractionJSON is the JSON Discord sends for i, as Dispatch and
// PostInteraction send it.
func (s *Server) InteractionJSON(i *discordgo.Interaction) ([]byte, error) {
	return s.interactionJSON(i)
}

// recordingHeader marks PostInteraction's own callback request, which
// must not wait for the answer it records, with the time the answer came
// (Unix nanoseconds), which it is checked and timed as of.
const recordingHeader = "X-Discordtest-Http-Answer"

// waitHTTPResponse holds a webhook request (an edit or a follow-up) of an
// interaction whose HTTP answer PostInteraction is still taking in, for at
// most a few seconds: Discord has the answer, the first response, before
// the bot's next request reaches it, as the bot sent it first.
func (s *Server) waitHTTPResponse(r *http.Request) {
	if r.Header.Get(recordingHeader) != "" {
		return
	}
	token := r.PathValue("token")
	if token == "" {
		return
	}
	s.mu.Lock()
	var posting chan struct{}
	if in := s.byToken[token]; in != nil {
		posting = in.posting
	}
	s.mu.Unlock()
	if posting == nil {
		return
	}
	select {
	case <-posting:
	case <-time.After(5 * time.Second):
	case <-r.Context().Done():
	}
}
