package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Gateway opcodes.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opPresenceUpdate = 3
	opVoiceState     = 4
	opResume         = 6
	opReconnect      = 7
	opRequestMembers = 8
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatAck   = 11
)

// maxClientPayload is the largest payload Discord accepts from a client.
const maxClientPayload = 4096

// maxReplay bounds the dispatches a session keeps for RESUME.
const maxReplay = 10000

const privilegedIntents = discordgo.IntentGuildMembers | discordgo.IntentGuildPresences | discordgo.IntentMessageContent

// An Identify is the IDENTIFY payload a bot sent, kept so tests can check
// the token and intents it connects with.
type Identify struct {
	Token   string
	Intents discordgo.Intent
	Shard   []int
	Raw     json.RawMessage
	At      time.Time // when it arrived
}

// shard is the shard id the IDENTIFY named, 0 without sharding.
func (id Identify) shard() int {
	if len(id.Shard) == 2 {
		return id.Shard[0]
	}
	return 0
}

// A gwConn is one websocket connection to the gateway.
type gwConn struct {
	ws *websocket.Conn

	qmu   sync.Mutex
	queue []outFrame
	wake  chan struct{}
	gone  chan struct{} // closed when the connection is dead
	once  sync.Once

	// Guarded by Server.mu.
	session *gwSession
	authed  bool // identified or resumed, and not invalidated since
	ready   bool // may receive dispatches
	greeted bool // has been sent READY or RESUMED, so op 11 is safe
	ackOwed bool // a heartbeat came before READY
	dropped bool // closed by the fake, not by the client
}

type outFrame struct {
	data  []byte
	close int // if not zero, a close frame with this code and data as reason
}

// A gwSession is a gateway session: what READY starts and RESUME continues.
type gwSession struct {
	id   string
	seq  int64
	log  []gwEvent // dispatches sent, for replay on RESUME
	conn *gwConn

	shard, shardCount int   // from IDENTIFY; 0 and 1 without sharding
	attached          int64 // when it was last attached (Server.attachCount)
}

// ShardOf is the shard that Discord sends a guild's events to:
// (guild_id >> 22) % shardCount. Events outside guilds go to shard 0.
func ShardOf(guildID string, shardCount int) int {
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil || shardCount < 1 {
		return 0
	}
	return int((id >> 22) % uint64(shardCount))
}

// receives reports whether sess gets ev: every session without sharding,
// the guild's shard with it.
func (sess *gwSession) receives(ev gwEvent) bool {
	return sess.shardCount <= 1 || ShardOf(ev.guild, sess.shardCount) == sess.shard
}

// A gwEvent is a dispatch, sent or waiting for a connection.
type gwEvent struct {
	seq   int64
	typ   string
	data  json.RawMessage
	in    *interaction // for INTERACTION_CREATE
	guild string       // the guild it belongs to, which decides its shard
}

type frame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int64          `json:"s"`
	T  *string         `json:"t"`
}

func encodeFrame(op int, d any, seq int64, typ string) []byte {
	raw, ok := d.(json.RawMessage)
	if !ok {
		var err error
		if raw, err = json.Marshal(d); err != nil {
			raw = json.RawMessage("null")
		}
	}
	f := frame{Op: op, D: raw}
	if op == opDispatch {
		f.S, f.T = &seq, &typ
	}
	b, _ := json.Marshal(f)
	return b
}

// send queues a frame. It never blocks, so it can be called with Server.mu
// held; the writer goroutine keeps the order.
func (c *gwConn) send(b []byte) {
	c.push(outFrame{data: b})
}

// closeWith queues a close frame, after which the connection is closed.
func (c *gwConn) closeWith(code int, reason string) {
	c.push(outFrame{data: []byte(reason), close: code})
}

func (c *gwConn) push(f outFrame) {
	c.qmu.Lock()
	c.queue = append(c.queue, f)
	c.qmu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// kill closes the TCP connection without a close frame.
func (c *gwConn) kill() {
	c.once.Do(func() {
		close(c.gone)
		c.ws.Close()
	})
}

// writeLoop is the only writer of the connection.
func (c *gwConn) writeLoop() {
	for {
		select {
		case <-c.wake:
		case <-c.gone:
			return
		}
		c.qmu.Lock()
		q := c.queue
		c.queue = nil
		c.qmu.Unlock()
		for _, f := range q {
			c.ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
			if f.close != 0 {
				c.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(f.close, string(f.data)))
				c.kill()
				return
			}
			if err := c.ws.WriteMessage(websocket.TextMessage, f.data); err != nil {
				c.kill()
				return
			}
		}
	}
}

var upgrader = websocket.Upgrader{
	CheckOrigin: func(*http.Request) bool { return true },
}

// serveGateway upgrades /gw/ to a websocket and says HELLO.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if enc := q.Get("encoding"); enc != "" && enc != "json" {
		http.Error(w, "discordtest: only encoding=json is supported", http.StatusBadRequest)
		return
	}
	if q.Get("compress") != "" {
		http.Error(w, "discordtest: transport compression is not supported", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	refusing := s.refusing
	s.mu.Unlock()
	if refusing {
		http.Error(w, "discordtest: the gateway refuses connections (RefuseGateway)", http.StatusServiceUnavailable)
		return
	}
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered
	}
	c := &gwConn{ws: ws, wake: make(chan struct{}, 1), gone: make(chan struct{})}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		c.kill()
		return
	}
	s.conns[c] = true
	s.wg.Add(1)
	hung := s.hung
	s.mu.Unlock()
	go func() {
		defer s.wg.Done()
		c.writeLoop()
	}()
	s.logf("discordtest: gateway connected", "query", r.URL.RawQuery)
	if hung {
		s.readLoop(c) // never HELLO
		return
	}

	if v := q.Get("v"); v != "" {
		if n, err := strconv.Atoi(v); err != nil || n < 6 || n > 10 {
			c.closeWith(4012, "Invalid API version.")
			s.readLoop(c)
			return
		}
	}
	c.send(encodeFrame(opHello, map[string]any{"heartbeat_interval": s.cfg.heartbeat.Milliseconds(), "_trace": []string{"discordtest"}}, 0, ""))
	s.readLoop(c)
}

// readLoop handles what the client sends until the connection ends.
func (s *Server) readLoop(c *gwConn) {
	c.ws.SetReadLimit(1 << 20)
	for {
		_, msg, err := c.ws.ReadMessage()
		if err != nil {
			s.disconnected(c, err)
			return
		}
		if len(msg) > maxClientPayload {
			c.closeWith(4002, "Error while decoding payload.")
			continue
		}
		var f struct {
			Op *int            `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if json.Unmarshal(msg, &f) != nil || f.Op == nil {
			c.closeWith(4002, "Error while decoding payload.")
			continue
		}
		s.handleOp(c, *f.Op, f.D)
	}
}

func (s *Server) handleOp(c *gwConn, op int, d json.RawMessage) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch op {
	case opHeartbeat:
		if s.hung {
			break
		}
		if c.greeted {
			c.send(encodeFrame(opHeartbeatAck, nil, 0, ""))
		} else {
			// Acknowledging before READY deadlocks discordgo's Open
			// (bwmarrin/discordgo#513); Discord's answer can arrive later
			// too, so the fake sends it after READY.
			c.ackOwed = true
		}
	case opIdentify:
		s.identifyLocked(c, d)
	case opResume:
		s.resumeLocked(c, d)
	case opPresenceUpdate, opVoiceState, opRequestMembers:
		if !c.authed {
			c.closeWith(4003, "Not authenticated.")
		}
	default:
		c.closeWith(4001, "Unknown opcode.")
	}
}

func (s *Server) identifyLocked(c *gwConn, d json.RawMessage) {
	var id struct {
		Token   string `json:"token"`
		Intents *int64 `json:"intents"`
		Shard   []int  `json:"shard"`
	}
	if json.Unmarshal(d, &id) != nil {
		c.closeWith(4002, "Error while decoding payload.")
		return
	}
	switch {
	case c.authed:
		c.closeWith(4005, "Already authenticated.")
		return
	case strings.TrimPrefix(id.Token, "Bot ") != s.cfg.token:
		c.closeWith(4004, "Authentication failed.")
		return
	case id.Intents == nil || *id.Intents < 0 || *id.Intents >= 1<<26:
		c.closeWith(4013, "Invalid intent(s).")
		return
	case discordgo.Intent(*id.Intents)&privilegedIntents&^s.cfg.privileged != 0:
		c.closeWith(4014, "Disallowed intent(s).")
		return
	case id.Shard != nil && (len(id.Shard) != 2 || id.Shard[1] < 1 || id.Shard[0] < 0 || id.Shard[0] >= id.Shard[1]):
		c.closeWith(4010, "Invalid shard.")
		return
	}
	s.identifies++
	now := time.Now()
	s.lastIdentify = &Identify{Token: id.Token, Intents: discordgo.Intent(*id.Intents), Shard: id.Shard, Raw: append(json.RawMessage(nil), d...), At: now}
	sess := &gwSession{id: newSessionID(), shardCount: 1}
	if id.Shard != nil {
		sess.shard, sess.shardCount = id.Shard[0], id.Shard[1]
	}
	// Discord lets max_concurrency shards identify per 5 s, one per
	// rate-limit bucket (shard % max_concurrency). Checked for each shard's
	// first IDENTIFY, the start-up that a bot schedules; discordgo's own
	// identify after an invalid session is left alone.
	first := true
	for _, prev := range s.identifyLog {
		if prev.shard() == sess.shard {
			first = false
		}
	}
	for _, prev := range s.identifyLog {
		p := prev.shard()
		if first && p%s.cfg.concurrency == sess.shard%s.cfg.concurrency && now.Sub(prev.At) < 5*time.Second {
			s.violations = append(s.violations, fmt.Sprintf("gateway: IDENTIFY of shard %d %v after shard %d's, in the same bucket of max_concurrency %d (Discord allows one per 5 s)",
				sess.shard, now.Sub(prev.At).Round(time.Millisecond), p, s.cfg.concurrency))
			break
		}
	}
	s.identifyLog = append(s.identifyLog, *s.lastIdentify)

	s.sessions[sess.id] = sess
	s.attachLocked(c, sess)

	guilds := make([]map[string]any, 0, len(s.cfg.guilds))
	for _, g := range s.cfg.guilds {
		guilds = append(guilds, map[string]any{"id": g, "unavailable": true})
	}
	ready := map[string]any{
		"v":                  9,
		"user":               s.readyUser(),
		"guilds":             guilds,
		"session_id":         sess.id,
		"session_type":       "normal",
		"resume_gateway_url": s.wsURL,
		"private_channels":   []any{},
		"relationships":      []any{},
		"application":        map[string]any{"id": s.cfg.appID, "flags": s.applicationFlags()},
		"_trace":             []string{"discordtest"},
	}
	if id.Shard != nil {
		ready["shard"] = id.Shard
	}
	s.sendLocked(c, gwEvent{typ: "READY", data: mustJSON(ready)})
	if discordgo.Intent(*id.Intents)&discordgo.IntentGuilds != 0 {
		for _, g := range s.cfg.guilds {
			s.sendLocked(c, gwEvent{typ: "GUILD_CREATE", data: mustJSON(s.guildCreate(g))})
		}
	}
	s.flushLocked(c)
}

func (s *Server) resumeLocked(c *gwConn, d json.RawMessage) {
	var r struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if json.Unmarshal(d, &r) != nil {
		c.closeWith(4002, "Error while decoding payload.")
		return
	}
	if c.authed {
		c.closeWith(4005, "Already authenticated.")
		return
	}
	if strings.TrimPrefix(r.Token, "Bot ") != s.cfg.token {
		c.closeWith(4004, "Authentication failed.")
		return
	}
	sess := s.sessions[r.SessionID]
	if sess != nil && len(sess.log) > 0 && r.Seq < sess.log[0].seq-1 {
		sess = nil // the events to replay are gone
	}
	if sess == nil {
		c.send(encodeFrame(opInvalidSession, false, 0, ""))
		return
	}
	if r.Seq > sess.seq {
		c.closeWith(4007, "Invalid seq.")
		return
	}
	if old := sess.conn; old != nil && old != c {
		old.dropped = true
		old.ready = false
		old.kill()
	}
	s.resumes++
	s.attachLocked(c, sess)
	for _, ev := range sess.log {
		if ev.seq > r.Seq {
			c.send(encodeFrame(opDispatch, ev.data, ev.seq, ev.typ))
		}
	}
	s.sendLocked(c, gwEvent{typ: "RESUMED", data: mustJSON(map[string]any{"_trace": []string{"discordtest"}})})
	s.flushLocked(c)
}

// attachLocked makes sess the session of c and c the connection that
// receives dispatches.
func (s *Server) attachLocked(c *gwConn, sess *gwSession) {
	if old := c.session; old != nil && old != sess && old.conn == c {
		old.conn = nil
	}
	c.session = sess
	sess.conn = c
	c.authed, c.ready, c.greeted = true, true, true
	s.current = sess
	s.attachCount++
	sess.attached = s.attachCount
}

// flushLocked sends the dispatches that waited for a connection, and a
// heartbeat ACK the client is owed.
func (s *Server) flushLocked(c *gwConn) {
	pending := s.pending
	s.pending = nil
	for _, ev := range pending {
		if c.session.receives(ev) {
			s.sendLocked(c, ev)
		} else {
			s.pending = append(s.pending, ev)
		}
	}
	if c.ackOwed {
		c.ackOwed = false
		c.send(encodeFrame(opHeartbeatAck, nil, 0, ""))
	}
	s.notifyLocked()
}

// sendLocked sends a dispatch on c with the session's next sequence number.
func (s *Server) sendLocked(c *gwConn, ev gwEvent) {
	sess := c.session
	sess.seq++
	ev.seq = sess.seq
	if ev.in != nil && ev.in.sentAt.IsZero() {
		ev.in.sentAt = time.Now()
	}
	ev.in = nil
	sess.log = append(sess.log, ev)
	if len(sess.log) > maxReplay {
		sess.log = sess.log[len(sess.log)-maxReplay:]
	}
	c.send(encodeFrame(opDispatch, ev.data, ev.seq, ev.typ))
}

// dispatchLocked sends a dispatch to the current session, or keeps it until
// a connection is ready.
func (s *Server) dispatchLocked(ev gwEvent) {
	if sess := s.sessionForLocked(ev); sess != nil {
		s.sendLocked(sess.conn, ev)
	} else {
		s.pending = append(s.pending, ev)
	}
	s.notifyLocked()
}

// sessionForLocked is the ready session that receives ev: the one attached
// last among those of its shard.
func (s *Server) sessionForLocked(ev gwEvent) *gwSession {
	var best *gwSession
	for _, sess := range s.sessions {
		if sess.conn == nil || !sess.conn.ready || !sess.receives(ev) {
			continue
		}
		if best == nil || sess.attached > best.attached {
			best = sess
		}
	}
	return best
}

// IdentifyLog returns every IDENTIFY the gateway received, in order.
func (s *Server) IdentifyLog() []Identify {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Identify(nil), s.identifyLog...)
}

// DropShard is DropConnections for the connections of one shard only.
func (s *Server) DropShard(shard int) {
	s.mu.Lock()
	var conns []*gwConn
	for c := range s.conns {
		if c.session == nil || c.session.shard != shard {
			continue
		}
		c.dropped = true
		c.ready = false
		if c.session.conn == c {
			c.session.conn = nil
		}
		conns = append(conns, c)
	}
	s.notifyLocked()
	s.mu.Unlock()
	for _, c := range conns {
		c.kill()
	}
}

// disconnected forgets a connection. Discord invalidates the session when
// the client closes with 1000 or 1001, so a later RESUME fails.
func (s *Server) disconnected(c *gwConn, err error) {
	s.mu.Lock()
	delete(s.conns, c)
	c.ready = false
	if sess := c.session; sess != nil && sess.conn == c {
		sess.conn = nil
		if !c.dropped && websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway) {
			delete(s.sessions, sess.id)
			if s.current == sess {
				s.current = nil
			}
		}
	}
	s.notifyLocked()
	s.mu.Unlock()
	c.kill()
	s.logf("discordtest: gateway disconnected", "err", err)
}

func (s *Server) readyUser() map[string]any {
	u := s.botUserJSON()
	u["verified"] = true
	u["mfa_enabled"] = false
	u["flags"] = 0
	return u
}

func (s *Server) guildCreate(id string) map[string]any {
	return map[string]any{
		"id":           id,
		"name":         "discordtest " + id,
		"icon":         nil,
		"owner_id":     s.user.ID,
		"unavailable":  false,
		"member_count": 2,
		"large":        false,
		"joined_at":    timestamp(time.Now()),
		"features":     []string{},
		"roles": []map[string]any{{
			"id": id, "name": "@everyone", "permissions": strconv.FormatInt(defaultMemberPermissions, 10),
			"position": 0, "color": 0, "hoist": false, "managed": false, "mentionable": false,
		}},
		"channels": []map[string]any{{
			"id": s.channelID, "type": 0, "name": "general", "position": 0, "guild_id": id,
		}},
		"members":                []any{},
		"voice_states":           []any{},
		"presences":              []any{},
		"threads":                []any{},
		"emojis":                 []any{},
		"stickers":               []any{},
		"stage_instances":        []any{},
		"guild_scheduled_events": []any{},
		"preferred_locale":       "en-US",
	}
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		return json.RawMessage("null")
	}
	return b
}

// Identifies counts the IDENTIFYs answered with READY. A bot that resumes
// properly identifies once per process.
func (s *Server) Identifies() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.identifies
}

// Resumes counts the RESUMEs answered with RESUMED.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resumes
}

// LastIdentify returns the latest accepted IDENTIFY, to check the intents a
// bot asks for.
func (s *Server) LastIdentify() (Identify, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lastIdentify == nil {
		return Identify{}, false
	}
	return *s.lastIdentify, true
}

// WaitReady waits until a gateway connection has been sent READY or
// RESUMED and can receive dispatches, which is when a bot is online.
func (s *Server) WaitReady(ctx context.Context) error {
	err := s.wait(ctx, func() bool {
		sess := s.current
		return sess != nil && sess.conn != nil && sess.conn.ready
	})
	if err != nil {
		return fmt.Errorf("discordtest: waiting for a ready gateway connection: %w", err)
	}
	return nil
}

// DropConnections closes the TCP connection of every gateway client
// without a close frame, as a network failure would. Sessions stay valid,
// so a well-behaved client resumes.
func (s *Server) DropConnections() {
	s.mu.Lock()
	var conns []*gwConn
	for c := range s.conns {
		c.dropped = true
		c.ready = false
		if sess := c.session; sess != nil && sess.conn == c {
			sess.conn = nil
		}
		conns = append(conns, c)
	}
	s.notifyLocked()
	s.mu.Unlock()
	for _, c := range conns {
		c.kill()
	}
}

// RefuseGateway makes the gateway refuse new connections (with 503) while
// refuse is true, as an outage of Discord's gateway nodes does, so that a
// client whose connection dropped stays disconnected until it is set
// false again. Connections already open are not touched.
func (s *Server) RefuseGateway(refuse bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refusing = refuse
}

// Hang makes the gateway stop answering while keeping its connections
// open, as an outage behind a proxy looks: heartbeats go unacknowledged,
// and new gateway connections are accepted but never sent HELLO, which
// leaves discordgo's reconnect waiting with the session locked. REST keeps
// working.
func (s *Server) Hang() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hung = true
}

// SendReconnect asks every ready client to reconnect and resume (op 7), as
// Discord does before restarting a gateway node. Dispatches wait for the
// resumed connection.
func (s *Server) SendReconnect() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		if c.ready {
			c.ready = false
			c.send(encodeFrame(opReconnect, nil, 0, ""))
		}
	}
	s.notifyLocked()
}

// SendInvalidSession tells every ready client that its session is invalid
// (op 9). If resumable is false the session is gone, so the client must
// IDENTIFY again.
func (s *Server) SendInvalidSession(resumable bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		if !c.ready {
			continue
		}
		c.ready, c.authed = false, false
		sess := c.session
		if sess != nil && sess.conn == c {
			sess.conn = nil
		}
		if sess != nil && !resumable {
			delete(s.sessions, sess.id)
			if s.current == sess {
				s.current = nil
			}
		}
		c.send(encodeFrame(opInvalidSession, resumable, 0, ""))
	}
	s.notifyLocked()
}

// Dispatch sends an interaction to the bot as INTERACTION_CREATE, with the
// JSON shape Discord uses. If no connection is ready it is queued, and its
// deadlines start when it is sent.
func (s *Server) Dispatch(i *discordgo.Interaction) error {
	if i == nil {
		return errors.New("discordtest: dispatch of a nil interaction")
	}
	b, err := s.interactionJSON(i)
	if err != nil {
		return fmt.Errorf("discordtest: encoding interaction %s: %w", i.ID, err)
	}
	return s.DispatchJSON(b)
}

// DispatchJSON sends raw interaction JSON as INTERACTION_CREATE, for
// payloads discordgo's types cannot express. The interaction is tracked
// when it has an id and a token.
func (s *Server) DispatchJSON(data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("discordtest: server closed")
	}
	in, err := s.trackLocked(data)
	if err != nil {
		return err
	}
	guild := ""
	if in != nil {
		guild = in.guildID
	}
	s.dispatchLocked(gwEvent{typ: "INTERACTION_CREATE", data: append(json.RawMessage(nil), data...), in: in, guild: guild})
	return nil
}

// trackLocked records an interaction about to be sent, when it has an id
// and a token, so that the bot's answers to it can be checked.
func (s *Server) trackLocked(data []byte) (*interaction, error) {
	var head struct {
		ID        string                    `json:"id"`
		AppID     string                    `json:"application_id"`
		Type      discordgo.InteractionType `json:"type"`
		Token     string                    `json:"token"`
		GuildID   string                    `json:"guild_id"`
		ChannelID string                    `json:"channel_id"`
		Member    *struct {
			User map[string]any `json:"user"`
		} `json:"member"`
		User map[string]any `json:"user"`
		Data struct {
			Name string `json:"name"`
			Type int    `json:"type"`
		} `json:"data"`
		Message json.RawMessage `json:"message"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("discordtest: decoding interaction: %w", err)
	}
	var in *interaction
	if head.ID != "" && head.Token != "" {
		if s.interactions[head.ID] != nil || s.byToken[head.Token] != nil {
			return nil, fmt.Errorf("discordtest: interaction %s was already dispatched", head.ID)
		}
		in = &interaction{
			id: head.ID, token: head.Token, appID: head.AppID, typ: head.Type,
			guildID: head.GuildID, channelID: head.ChannelID, user: head.User,
		}
		if head.Member != nil {
			in.user = head.Member.User
		}
		switch {
		case head.Type == discordgo.InteractionApplicationCommand && head.Data.Type > 1:
			in.name, in.msgType = head.Data.Name, 23 // CONTEXT_MENU_COMMAND
		case head.Type == discordgo.InteractionApplicationCommand:
			in.name, in.msgType = head.Data.Name, 20 // CHAT_INPUT_COMMAND
		}
		if len(head.Message) > 0 && string(head.Message) != "null" {
			var w wireMessage
			if err := json.Unmarshal(head.Message, &w); err != nil {
				return nil, fmt.Errorf("discordtest: decoding the interaction's message: %w", err)
			}
			if w.ID == "" {
				return nil, errors.New("discordtest: the interaction's message has no id")
			}
			if s.messages[w.ID] == nil {
				w.normalize()
				s.messages[w.ID] = &message{wire: w}
			}
			in.componentMsg = w.ID
		}
		s.interactions[in.id] = in
		s.byToken[in.token] = in
	}
	return in, nil
}

// DispatchEvent sends any other gateway event, such as MESSAGE_CREATE, for
// bots that listen to more than interactions.
func (s *Server) DispatchEvent(eventType string, data any) error {
	b, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("discordtest: encoding %s: %w", eventType, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("discordtest: server closed")
	}
	s.dispatchLocked(gwEvent{typ: eventType, data: b})
	return nil
}
