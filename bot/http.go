package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Discord can deliver interactions as signed HTTP POSTs to an
// "Interactions Endpoint URL" instead of over the gateway. The first
// response then goes in the HTTP answer, and everything after it (the edit
// of a deferred reply) over REST, as on the gateway path. The handlers are
// the same; only the Responder differs.

// maxSkew is how far a request's signed timestamp may be from the clock:
// older requests are refused as replays, as Discord's own examples do.
const maxSkew = 5 * time.Minute

// maxRequestBody bounds what the endpoint reads of a request. Discord's
// interactions are a few kilobytes, with the resolved users, roles and
// attachments of a command.
const maxRequestBody = 1 << 20

// errUnauthorized is a request without a valid signature, or with one too
// old or seen before.
var errUnauthorized = errors.New("invalid request signature")

// Endpoint serves Discord's HTTP interactions at POST /interactions: it
// checks each request's Ed25519 signature, answers PING with PONG, and
// gives every other interaction to the bot's handlers.
type Endpoint struct {
	bot  *Bot
	key  ed25519.PublicKey
	rest *discordgo.Session // for what follows the first response
	now  func() time.Time

	mu   sync.Mutex
	seen map[string]time.Time // signatures accepted, until they are too old anyway
}

// NewEndpoint returns the endpoint for the application whose public key
// is key; opts give the token and API base of the REST calls that follow
// a first response.
func (b *Bot) NewEndpoint(key ed25519.PublicKey, opts SessionOptions) (*Endpoint, error) {
	if len(key) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("public key is %d bytes, want %d", len(key), ed25519.PublicKeySize)
	}
	s, err := discordgo.New("Bot " + opts.Token)
	if err != nil {
		return nil, fmt.Errorf("create REST session: %w", err)
	}
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: rewriteTransport{base: opts.APIBase, next: http.DefaultTransport}}
	s.StateEnabled = false
	return &Endpoint{bot: b, key: key, rest: s, now: time.Now, seen: map[string]time.Time{}}, nil
}

// ServeHTTP implements http.Handler.
func (e *Endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/interactions" {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBody))
	if err != nil {
		e.bot.metrics.HTTPInteraction("bad_request")
		http.Error(w, "request too large or cut short", http.StatusBadRequest)
		return
	}
	i, err := e.parse(r.Header, body)
	if errors.Is(err, errUnauthorized) {
		e.bot.metrics.HTTPInteraction("unauthorized")
		e.bot.log.Debug("refused an HTTP interaction", "remote", r.RemoteAddr, "err", err)
		http.Error(w, errUnauthorized.Error(), http.StatusUnauthorized)
		return
	}
	if err != nil {
		e.bot.metrics.HTTPInteraction("bad_request")
		e.bot.log.Warn("bad HTTP interaction", "remote", r.RemoteAddr, "err", err)
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	e.bot.metrics.HTTPInteraction("ok")
	if i.Type == discordgo.InteractionPing {
		writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	hr := &httpResponder{rest: SessionResponder{S: e.rest}, first: make(chan firstResponse), gone: make(chan struct{})}
	handled := make(chan struct{})
	go func() {
		defer close(handled)
		e.bot.Handle(hr, i)
	}()
	defer close(hr.gone)
	select {
	case fr := <-hr.first:
		// Flushed before the bot goes on, so that Discord has the first
		// response before an edit that follows it.
		err := writeResponse(w, fr.resp)
		if err == nil {
			err = http.NewResponseController(w).Flush()
		}
		fr.written <- err
	case <-handled:
		// The bot chose not to answer (it is shutting down, or the
		// interaction was malformed): Discord shows the member a failure.
		http.Error(w, "no response", http.StatusServiceUnavailable)
	case <-r.Context().Done():
	}
}

// parse checks a request's signature and decodes its interaction. An
// error wrapping errUnauthorized means the signature is missing, wrong,
// too old or replayed; any other, that the signed body is not an
// interaction.
func (e *Endpoint) parse(h http.Header, body []byte) (*discordgo.Interaction, error) {
	sigHex, ts := h.Get("X-Signature-Ed25519"), h.Get("X-Signature-Timestamp")
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return nil, fmt.Errorf("no signature: %w", errUnauthorized)
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("no timestamp: %w", errUnauthorized)
	}
	now := e.now()
	if at := time.Unix(sec, 0); at.Before(now.Add(-maxSkew)) || at.After(now.Add(maxSkew)) {
		return nil, fmt.Errorf("timestamp %v off: %w", now.Sub(at).Round(time.Second), errUnauthorized)
	}
	msg := make([]byte, 0, len(ts)+len(body))
	msg = append(append(msg, ts...), body...)
	if !ed25519.Verify(e.key, msg, sig) {
		return nil, fmt.Errorf("signature does not match: %w", errUnauthorized)
	}
	if !e.firstSeen(string(sig), now) {
		return nil, fmt.Errorf("replayed: %w", errUnauthorized)
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		return nil, fmt.Errorf("decode interaction: %w", err)
	}
	if i.ID == "" || i.Token == "" && i.Type != discordgo.InteractionPing {
		return nil, errors.New("interaction without id or token")
	}
	return &i, nil
}

// maxSeen bounds the signatures remembered against replays: well above
// what one replica receives in maxSkew.
const maxSeen = 200_000

// firstSeen reports whether sig was not accepted before, and remembers it
// for as long as its timestamp would pass. A replay within that time is
// refused; after it, the timestamp check refuses it.
func (e *Endpoint) firstSeen(sig string, now time.Time) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.seen[sig]; ok {
		return false
	}
	if len(e.seen) >= maxSeen {
		for k, until := range e.seen {
			if now.After(until) {
				delete(e.seen, k)
			}
		}
	}
	if len(e.seen) >= maxSeen {
		return false // flooded with valid signatures: refuse rather than forget
	}
	e.seen[sig] = now.Add(2 * maxSkew)
	return true
}

// httpResponder sends the first response of an interaction in the HTTP
// answer, and anything after it over REST.
type httpResponder struct {
	rest  SessionResponder
	first chan firstResponse
	gone  chan struct{} // closed when the HTTP request is over

	mu   sync.Mutex
	used bool
}

type firstResponse struct {
	resp    *discordgo.InteractionResponse
	written chan error
}

// Respond implements Responder.
func (h *httpResponder) Respond(ctx context.Context, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	h.mu.Lock()
	used := h.used
	h.used = true
	h.mu.Unlock()
	if used {
		return h.rest.Respond(ctx, i, resp)
	}
	fr := firstResponse{resp: resp, written: make(chan error, 1)}
	select {
	case h.first <- fr:
	case <-h.gone:
		return errors.New("the HTTP request ended before the response")
	case <-ctx.Done():
		return ctx.Err()
	}
	return <-fr.written
}

// EditOriginal implements Responder.
func (h *httpResponder) EditOriginal(ctx context.Context, i *discordgo.Interaction, e *discordgo.WebhookEdit, files []*discordgo.File) error {
	return h.rest.EditOriginal(ctx, i, e, files)
}

// writeResponse writes an interaction response as the answer to Discord's
// POST: JSON, or multipart with the files, as a callback over REST is.
func writeResponse(w http.ResponseWriter, resp *discordgo.InteractionResponse) error {
	if resp.Type == discordgo.InteractionApplicationCommandAutocompleteResult && (resp.Data == nil || len(resp.Data.Choices) == 0) {
		body := noChoices{Type: resp.Type}
		body.Data.Choices = []*discordgo.ApplicationCommandOptionChoice{}
		return writeJSON(w, body)
	}
	if resp.Data != nil && len(resp.Data.Files) > 0 {
		contentType, body, err := discordgo.MultipartBodyWithJSON(resp, resp.Data.Files)
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return fmt.Errorf("encode files: %w", err)
		}
		w.Header().Set("Content-Type", contentType)
		_, err = w.Write(body)
		return err
	}
	return writeJSON(w, resp)
}

func writeJSON(w http.ResponseWriter, v any) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return fmt.Errorf("encode response: %w", err)
	}
	w.Header().Set("Content-Type", "application/json")
	_, err := w.Write(buf.Bytes())
	return err
}

// ServeEndpoint registers the commands (as Run does: doing it again changes
// nothing) and answers the interactions Discord posts to ln until ctx is
// done; it then lets replies in flight finish. It makes no gateway
// connection: with an Interactions Endpoint URL set, Discord sends
// interactions there and not over the gateway.
func (b *Bot) ServeEndpoint(ctx context.Context, ln net.Listener, key ed25519.PublicKey, opts SessionOptions) error {
	if opts.ShutdownTimeout <= 0 {
		opts.ShutdownTimeout = 15 * time.Second
	}
	defer discordLogs.add(b.log, opts.Token)()
	e, err := b.NewEndpoint(key, opts)
	if err != nil {
		return err
	}
	app, err := e.rest.Application("@me")
	if err != nil {
		ln.Close()
		if tokenRejected(err) {
			return ErrTokenRejected
		}
		return fmt.Errorf("look up the application: %w", err)
	}
	if err := b.register(ctx, e.rest, app.ID, opts.GuildID); err != nil {
		ln.Close()
		return err
	}
	srv := &http.Server{Handler: e, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	b.log.Info("answering interactions over HTTP", "addr", ln.Addr().String(), "path", "/interactions")
	select {
	case err := <-served:
		return fmt.Errorf("serve interactions: %w", err)
	case <-ctx.Done():
	}
	b.shutdown(opts.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
	return nil
}
