package discordtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"mime"
	"mime/multipart"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// maxBody is Discord's default upload limit plus room for the JSON payload.
const maxBody = 25<<20 + 1<<20

// An endpoint answers one method of a route. It runs with Server.mu held,
// so it must not block.
type endpoint struct {
	kind   Kind
	handle func(s *Server, c *call) reply
}

type authMode int

const (
	authNone     authMode = iota // webhook routes: the token is in the path
	authOptional                 // checked only when sent
	authRequired
)

type route struct {
	pattern string
	auth    authMode
	methods map[string]endpoint
}

// A call is one REST request being served.
type call struct {
	r     *http.Request
	now   time.Time
	rec   *Request
	body  []byte // JSON payload
	files []File
	in    *interaction // set by interaction routes
}

// A reply is an answer to a REST request.
type reply struct {
	status int
	body   []byte
	header http.Header
}

func jsonReply(status int, v any) reply {
	b, err := json.Marshal(v)
	if err != nil {
		return errorReply(http.StatusInternalServerError, 0, "500: Internal Server Error")
	}
	return reply{status: status, body: b}
}

// errorReply is Discord's error body: {"message": ..., "code": ...}.
func errorReply(status, code int, msg string) reply {
	b, _ := json.Marshal(struct {
		Message string `json:"message"`
		Code    int    `json:"code"`
	}{msg, code})
	return reply{status: status, body: b}
}

func noContent() reply { return reply{status: http.StatusNoContent} }

var versionPattern = regexp.MustCompile(`^v[0-9]+$`)

func (s *Server) routes() []route {
	cmds := map[string]endpoint{
		http.MethodGet:  {KindCommands, (*Server).listCommands},
		http.MethodPut:  {KindCommands, (*Server).overwriteCommands},
		http.MethodPost: {KindCommands, (*Server).createCommand},
	}
	cmd := map[string]endpoint{
		http.MethodGet:    {KindCommands, (*Server).getCommand},
		http.MethodDelete: {KindCommands, (*Server).deleteCommand},
	}
	app := map[string]endpoint{http.MethodGet: {KindApplication, (*Server).getApplication}}
	return []route{
		{"/api/{v}/gateway", authOptional, map[string]endpoint{http.MethodGet: {KindGateway, (*Server).getGateway}}},
		{"/api/{v}/gateway/bot", authRequired, map[string]endpoint{http.MethodGet: {KindGateway, (*Server).getGatewayBot}}},
		{"/api/{v}/users/@me", authRequired, map[string]endpoint{http.MethodGet: {KindUser, (*Server).getMe}}},
		{"/api/{v}/oauth2/applications/@me", authRequired, app},
		{"/api/{v}/applications/@me", authRequired, app},
		{"/api/{v}/applications/{app}/commands", authRequired, cmds},
		{"/api/{v}/applications/{app}/commands/{cmd}", authRequired, cmd},
		{"/api/{v}/applications/{app}/guilds/{guild}/commands", authRequired, cmds},
		{"/api/{v}/applications/{app}/guilds/{guild}/commands/{cmd}", authRequired, cmd},
		{"/api/{v}/interactions/{id}/{token}/callback", authNone, map[string]endpoint{
			http.MethodPost: {KindCallback, (*Server).callback},
		}},
		{"/api/{v}/webhooks/{app}/{token}", authNone, map[string]endpoint{
			http.MethodPost: {KindFollowup, (*Server).followup},
		}},
		{"/api/{v}/webhooks/{app}/{token}/messages/{msg}", authNone, map[string]endpoint{
			http.MethodGet:    {KindGetMessage, (*Server).getMessage},
			http.MethodPatch:  {KindEdit, (*Server).editMessage},
			http.MethodDelete: {KindDelete, (*Server).deleteMessage},
		}},
	}
}

func (s *Server) handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.Handle(rt.pattern, s.apiHandler(rt))
	}
	unknown := s.apiHandler(route{pattern: "", methods: nil})
	mux.Handle("/api/", unknown)
	mux.Handle("/", unknown)
	mux.HandleFunc("/gw", s.serveGateway)
	mux.HandleFunc("/gw/", s.serveGateway)
	mux.HandleFunc("GET /attachments/", s.serveAttachment)
	return s.track(mux)
}

// track counts in-flight requests so that Close can wait for them.
func (s *Server) track(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			http.Error(w, "discordtest: server closed", http.StatusServiceUnavailable)
			return
		}
		s.wg.Add(1)
		s.mu.Unlock()
		defer s.wg.Done()
		h.ServeHTTP(w, r)
	})
}

func (s *Server) apiHandler(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.serveAPI(rt, w, r)
	})
}

// serveAPI runs every REST request through the same steps Discord's edge
// does: latency, body parsing, injected faults, authentication, rate
// limits, then the endpoint, and records the outcome before answering.
func (s *Server) serveAPI(rt route, w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	latency := s.latency
	s.mu.Unlock()
	if latency > 0 {
		t := time.NewTimer(latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		case <-s.done:
			t.Stop()
			return
		}
	}

	s.waitHTTPResponse(r)
	c := &call{r: r, now: time.Now()}
	if ns, err := strconv.ParseInt(r.Header.Get(recordingHeader), 10, 64); err == nil {
		c.now = time.Unix(0, ns)
	}
	c.rec = &Request{
		Method: r.Method,
		Path:   r.URL.Path,
		Query:  r.URL.RawQuery,
		Header: r.Header.Clone(),
		Kind:   KindUnknown,
		Time:   c.now,
	}
	ep, known := rt.methods[r.Method]
	if rt.pattern != "" && !versionPattern.MatchString(r.PathValue("v")) {
		rt, known = route{}, false
	}
	if known {
		c.rec.Kind = ep.kind
	}
	parseErr := c.parseBody(w, r)

	s.mu.Lock()
	rep := s.serveLocked(rt, ep, known, c, parseErr)
	s.finishLocked(c, rep)
	s.mu.Unlock()

	h := w.Header()
	for k, vs := range rep.header {
		h[k] = vs
	}
	h.Set("Date", c.now.UTC().Format(http.TimeFormat))
	if rep.body != nil {
		h.Set("Content-Type", "application/json")
	}
	w.WriteHeader(rep.status)
	w.Write(rep.body)
}

func (s *Server) serveLocked(rt route, ep endpoint, known bool, c *call, parseErr error) reply {
	s.associateLocked(c)
	if rep, ok := s.takeFaultLocked(c); ok {
		c.rec.Injected = true
		return rep
	}
	limit := s.rateLimitLocked(c)
	if limit.status != 0 {
		return limit
	}
	rep := s.answerLocked(rt, ep, known, c, parseErr)
	if rep.header == nil {
		rep.header = make(http.Header)
	}
	for k, vs := range limit.header {
		rep.header[k] = vs
	}
	return rep
}

func (s *Server) answerLocked(rt route, ep endpoint, known bool, c *call, parseErr error) reply {
	if rt.pattern == "" {
		return errorReply(http.StatusNotFound, 0, "404: Not Found")
	}
	if !known {
		return errorReply(http.StatusMethodNotAllowed, 0, "405: Method Not Allowed")
	}
	auth := c.r.Header.Get("Authorization")
	if rt.auth == authRequired || (rt.auth == authOptional && auth != "") {
		if auth != "Bot "+s.cfg.token {
			return errorReply(http.StatusUnauthorized, 0, "401: Unauthorized")
		}
	}
	if parseErr != nil {
		var tooBig *http.MaxBytesError
		if errors.As(parseErr, &tooBig) {
			return errorReply(http.StatusRequestEntityTooLarge, 40005, "Request entity too large")
		}
		return errorReply(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
	}
	return ep.handle(s, c)
}

// associateLocked ties a request that names an interaction, by ID or by
// token, to it, so that even requests failed with FailNext are listed in
// Responses.
func (s *Server) associateLocked(c *call) {
	var in *interaction
	if id := c.r.PathValue("id"); id != "" {
		if in = s.interactions[id]; in != nil && in.token != c.r.PathValue("token") {
			in = nil
		}
	} else if token := c.r.PathValue("token"); token != "" {
		in = s.byToken[token]
	}
	if in != nil {
		c.attach(in)
	}
}

// finishLocked records the request and its answer.
func (s *Server) finishLocked(c *call, rep reply) {
	c.rec.Status = rep.status
	if len(rep.body) > 0 {
		c.rec.Response = json.RawMessage(rep.body)
	}
	rec := *c.rec
	s.requests = append(s.requests, rec)
	if c.in != nil {
		c.in.requests = append(c.in.requests, rec)
	}
	for _, v := range rec.Violations {
		s.violations = append(s.violations, v)
		s.logf("discordtest: violation", "violation", v)
	}
	s.logf("discordtest: request", "method", rec.Method, "path", rec.Path, "status", rec.Status)
	s.notifyLocked()
}

// parseBody reads a JSON or multipart/form-data body. A multipart body
// carries the JSON in the payload_json part and files in files[n] parts.
func (c *call) parseBody(w http.ResponseWriter, r *http.Request) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		return fmt.Errorf("reading body: %w", err)
	}
	if len(body) == 0 {
		return nil
	}
	mediaType, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mediaType != "multipart/form-data" {
		if !json.Valid(body) {
			return errors.New("invalid JSON body")
		}
		c.body = body
		c.rec.Body = json.RawMessage(body)
		return nil
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("reading multipart body: %w", err)
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return fmt.Errorf("reading part %q: %w", p.FormName(), err)
		}
		switch name := p.FormName(); {
		case name == "payload_json":
			if !json.Valid(data) {
				return errors.New("invalid payload_json")
			}
			c.body = data
		case p.FileName() != "":
			c.files = append(c.files, File{Field: name, Name: p.FileName(), ContentType: p.Header.Get("Content-Type"), Data: data})
		}
	}
	c.rec.Body = json.RawMessage(c.body)
	c.rec.Files = c.files
	return nil
}

// A fault is a failure queued with FailNext.
type fault struct {
	path       string
	n          int
	status     int
	retryAfter time.Duration
}

// FailNext makes the next n REST requests fail with status, as if Discord
// had an outage or rate-limited the bot. For 429 the answer carries
// retryAfter in Discord's body and headers, which discordgo sleeps and
// retries on.
func (s *Server) FailNext(n int, status int, retryAfter time.Duration) {
	s.FailNextPath("", n, status, retryAfter)
}

// FailNextPath is FailNext for only the requests whose path contains
// substr, such as "/callback" or "/messages/@original".
func (s *Server) FailNextPath(substr string, n int, status int, retryAfter time.Duration) {
	if n <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &fault{path: substr, n: n, status: status, retryAfter: retryAfter})
}

func (s *Server) takeFaultLocked(c *call) (reply, bool) {
	for i, f := range s.faults {
		if !strings.Contains(c.r.URL.Path, f.path) {
			continue
		}
		f.n--
		if f.n == 0 {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
		}
		if f.status == http.StatusTooManyRequests {
			return tooManyRequests(c.now, f.retryAfter, bucketHash(c.r.URL.Path), s.cfg.rateLimit), true
		}
		text := http.StatusText(f.status)
		if text == "" {
			text = "Error"
		}
		return errorReply(f.status, 0, fmt.Sprintf("%d: %s", f.status, text)), true
	}
	return reply{}, false
}

// A bucket counts requests in one rate limit window.
type bucket struct {
	count int
	reset time.Time
}

// rateLimitLocked counts the request in its bucket and returns the
// X-RateLimit-* headers to send, or a 429 reply when the bucket is empty.
// Buckets follow Discord's major parameters: one per interaction, per
// webhook token, per application and guild.
func (s *Server) rateLimitLocked(c *call) reply {
	r := c.r
	key := r.Method + " " + r.Pattern + " " + r.PathValue("id") + "/" + r.PathValue("token") + "/" + r.PathValue("app") + "/" + r.PathValue("guild")
	if len(s.buckets) > 1024 {
		for k, b := range s.buckets {
			if !c.now.Before(b.reset) {
				delete(s.buckets, k)
			}
		}
	}
	b := s.buckets[key]
	if b == nil || !c.now.Before(b.reset) {
		b = &bucket{reset: c.now.Add(s.cfg.rateWindow)}
		s.buckets[key] = b
	}
	b.count++
	hash := bucketHash(key)
	until := b.reset.Sub(c.now)
	if b.count > s.cfg.rateLimit {
		return tooManyRequests(c.now, until, hash, s.cfg.rateLimit)
	}
	return reply{header: rateLimitHeader(c.now, until, hash, s.cfg.rateLimit, s.cfg.rateLimit-b.count)}
}

func tooManyRequests(now time.Time, retryAfter time.Duration, hash string, limit int) reply {
	rep := jsonReply(http.StatusTooManyRequests, struct {
		Message    string  `json:"message"`
		RetryAfter float64 `json:"retry_after"`
		Global     bool    `json:"global"`
	}{"You are being rate limited.", math.Round(retryAfter.Seconds()*1000) / 1000, false})
	rep.header = rateLimitHeader(now, retryAfter, hash, limit, 0)
	rep.header.Set("Retry-After", strconv.Itoa(int(math.Ceil(retryAfter.Seconds()))))
	rep.header.Set("X-RateLimit-Scope", "user")
	return rep
}

func rateLimitHeader(now time.Time, resetAfter time.Duration, hash string, limit, remaining int) http.Header {
	h := make(http.Header)
	h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	reset := float64(now.Add(resetAfter).UnixMilli()) / 1000
	h.Set("X-RateLimit-Reset", strconv.FormatFloat(reset, 'f', 3, 64))
	h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(resetAfter.Seconds(), 'f', 3, 64))
	h.Set("X-RateLimit-Bucket", hash)
	return h
}

func bucketHash(key string) string {
	h := fnv.New64a()
	h.Write([]byte(key))
	return fmt.Sprintf("%016x", h.Sum64())
}

// serveAttachment serves the files of attachment options and of uploaded
// attachments, as Discord's CDN does.
func (s *Server) serveAttachment(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	f, ok := s.files[r.URL.Path]
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	if f.ContentType != "" {
		w.Header().Set("Content-Type", f.ContentType)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(f.Data)))
	w.Write(f.Data)
}

func (s *Server) getGateway(c *call) reply {
	return jsonReply(http.StatusOK, map[string]string{"url": s.wsURL})
}

func (s *Server) getGatewayBot(c *call) reply {
	return jsonReply(http.StatusOK, map[string]any{
		"url":    s.wsURL,
		"shards": s.cfg.shards,
		"session_start_limit": map[string]int{
			"total":           1000,
			"remaining":       1000 - s.identifies,
			"reset_after":     14400000,
			"max_concurrency": s.cfg.concurrency,
		},
	})
}

func (s *Server) getMe(c *call) reply {
	u := s.botUserJSON()
	u["verified"] = true
	u["mfa_enabled"] = false
	u["flags"] = 0
	u["locale"] = "en-US"
	return jsonReply(http.StatusOK, u)
}

func (s *Server) getApplication(c *call) reply {
	return jsonReply(http.StatusOK, map[string]any{
		"id":                     s.cfg.appID,
		"name":                   s.cfg.username,
		"icon":                   nil,
		"description":            "",
		"bot_public":             false,
		"bot_require_code_grant": false,
		"verify_key":             strings.Repeat("0", 64),
		"flags":                  s.applicationFlags(),
		"bot":                    s.botUserJSON(),
		"owner":                  userJSON(s.user),
		"team":                   nil,
	})
}

// applicationFlags announces which privileged intents are enabled, as the
// GATEWAY_*_LIMITED flags of an unverified application.
func (s *Server) applicationFlags() int {
	flags := 0
	if s.cfg.privileged&(1<<8) != 0 {
		flags |= 1 << 13 // GATEWAY_PRESENCE_LIMITED
	}
	if s.cfg.privileged&(1<<1) != 0 {
		flags |= 1 << 15 // GATEWAY_GUILD_MEMBERS_LIMITED
	}
	if s.cfg.privileged&(1<<15) != 0 {
		flags |= 1 << 19 // GATEWAY_MESSAGE_CONTENT_LIMITED
	}
	return flags
}

func (s *Server) botUserJSON() map[string]any {
	return map[string]any{
		"id":            s.cfg.appID,
		"username":      s.cfg.username,
		"global_name":   nil,
		"discriminator": "0",
		"avatar":        nil,
		"bot":           true,
		"public_flags":  0,
	}
}
