package discordtest

import (
	"encoding/json"
	"net/http"
	"slices"
	"time"

	"github.com/bwmarrin/discordgo"
)

// An interaction is the fake's view of one dispatched interaction: where it
// is in Discord's lifecycle and what the bot did with it.
type interaction struct {
	id, token, appID string
	typ              discordgo.InteractionType
	guildID          string
	channelID        string
	name             string         // command name, for message metadata
	user             map[string]any // the invoking user, for message metadata
	msgType          int            // type of the message a callback creates
	componentMsg     string         // the message a component was used on

	sentAt time.Time // when INTERACTION_CREATE was sent; zero until then
	// posting is open while PostInteraction waits for the bot's HTTP
	// answer, which Discord takes as the first response before anything
	// the bot sends after it (see waitHTTPResponse).
	posting    chan struct{}
	acked      bool
	ackType    int
	expired    bool // the deadline for the first callback passed
	originalID string
	followups  []string
	requests   []Request
}

// A message is a message created by an interaction response.
type message struct {
	wire     wireMessage
	deferred bool // created by a type 5 callback and not yet edited
	deleted  bool
}

// wireMessage is a message as Discord returns it.
type wireMessage struct {
	ID                  string            `json:"id"`
	Type                int               `json:"type"`
	ChannelID           string            `json:"channel_id"`
	Author              map[string]any    `json:"author"`
	Content             string            `json:"content"`
	Timestamp           string            `json:"timestamp"`
	EditedTimestamp     *string           `json:"edited_timestamp"`
	TTS                 bool              `json:"tts"`
	MentionEveryone     bool              `json:"mention_everyone"`
	Mentions            []json.RawMessage `json:"mentions"`
	MentionRoles        []string          `json:"mention_roles"`
	Attachments         []attachment      `json:"attachments"`
	Embeds              []json.RawMessage `json:"embeds"`
	Components          []json.RawMessage `json:"components"`
	Pinned              bool              `json:"pinned"`
	WebhookID           string            `json:"webhook_id,omitempty"`
	ApplicationID       string            `json:"application_id,omitempty"`
	Flags               int64             `json:"flags"`
	Poll                json.RawMessage   `json:"poll,omitempty"`
	InteractionMetadata map[string]any    `json:"interaction_metadata,omitempty"`
	Interaction         map[string]any    `json:"interaction,omitempty"`
}

type attachment struct {
	ID          string `json:"id"`
	Filename    string `json:"filename"`
	Size        int    `json:"size"`
	URL         string `json:"url"`
	ProxyURL    string `json:"proxy_url"`
	ContentType string `json:"content_type,omitempty"`
}

// normalize replaces missing lists with empty ones, as Discord never sends
// null for them.
func (w *wireMessage) normalize() {
	if w.Mentions == nil {
		w.Mentions = []json.RawMessage{}
	}
	if w.MentionRoles == nil {
		w.MentionRoles = []string{}
	}
	if w.Attachments == nil {
		w.Attachments = []attachment{}
	}
	if w.Embeds == nil {
		w.Embeds = []json.RawMessage{}
	}
	if w.Components == nil {
		w.Components = []json.RawMessage{}
	}
}

func timestamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000000-07:00")
}

// attach ties the request being served to an interaction.
func (c *call) attach(in *interaction) {
	c.in = in
	c.rec.InteractionID = in.id
	if !in.sentAt.IsZero() {
		c.rec.At = c.now.Sub(in.sentAt)
	}
}

// reject answers a request that broke limits and records why.
func (s *Server) reject(c *call, chk *checker) reply {
	c.rec.Violations = violationLines(c.r.Method, c.r.URL.Path, chk.vs)
	if len(chk.vs) == 1 && chk.vs[0].code == "MESSAGE_EMPTY" {
		return errorReply(http.StatusBadRequest, 50006, "Cannot send an empty message")
	}
	return formError(chk.vs)
}

// callbackTypes lists the callback types Discord accepts for each
// interaction type.
var callbackTypes = map[discordgo.InteractionType][]int{
	discordgo.InteractionPing:                           {1},
	discordgo.InteractionApplicationCommand:             {4, 5, 9},
	discordgo.InteractionMessageComponent:               {4, 5, 6, 7, 9},
	discordgo.InteractionApplicationCommandAutocomplete: {8},
	discordgo.InteractionModalSubmit:                    {4, 5, 6, 7},
}

// callback serves POST /interactions/{id}/{token}/callback.
func (s *Server) callback(c *call) reply {
	in := s.interactions[c.r.PathValue("id")]
	if in == nil || in.token != c.r.PathValue("token") || in.sentAt.IsZero() {
		return errorReply(http.StatusNotFound, 10062, "Unknown interaction")
	}
	c.attach(in)
	if in.acked {
		return errorReply(http.StatusBadRequest, 40060, "Interaction has already been acknowledged.")
	}
	if in.expired || c.now.Sub(in.sentAt) > s.cfg.ackDeadline {
		in.expired = true
		return errorReply(http.StatusNotFound, 10062, "Unknown interaction")
	}

	chk := &checker{}
	var body struct {
		Type *int            `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if !chk.decode("", c.body, &body) {
		return s.reject(c, chk)
	}
	if body.Type == nil {
		chk.required("type")
		return s.reject(c, chk)
	}
	typ := *body.Type
	if !slices.Contains(callbackTypes[in.typ], typ) || (typ == 6 || typ == 7) && in.componentMsg == "" {
		chk.add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "This response type is not valid for this interaction.")
		return s.reject(c, chk)
	}
	p, ok := parsePayload(chk, "data", body.Data)
	if !ok {
		return s.reject(c, chk)
	}
	var target *message
	switch typ {
	case 4, 7:
		c.rec.IsMessage = true
		c.rec.MentionsSuppressed = p.mentionsSuppressed()
		if typ == 7 {
			target = s.messages[in.componentMsg]
			if target != nil {
				p.Flags |= target.wire.Flags & flagComponentsV2
			}
		}
		chk.checkMessage("data", p, len(c.files))
		if typ == 4 && emptyPayload(p, len(c.files)) {
			chk.add("", "MESSAGE_EMPTY", "Cannot send an empty message")
		}
	case 5:
		if p.Flags&^(flagEphemeral|flagSuppressEmbeds|flagSuppressNotification|flagComponentsV2) != 0 {
			chk.add("data.flags", "MESSAGE_FLAGS_INVALID", "Invalid message flags.")
		}
	case 8:
		chk.checkChoices("data", p)
	case 9:
		chk.checkModal("data", p)
	}
	if typ == 7 && target != nil && chk.ok() {
		merged := target.wire
		s.applyEdit(&merged, p, c.files, in.channelID)
		if emptyMessage(&merged) {
			chk.add("", "MESSAGE_EMPTY", "Cannot send an empty message")
		}
	}
	if !chk.ok() {
		return s.reject(c, chk)
	}

	in.acked = true
	in.ackType = typ
	switch typ {
	case 4:
		m := s.newMessageLocked(in, p, c.files)
		in.originalID = m.wire.ID
	case 5:
		m := s.newMessageLocked(in, &messagePayload{Flags: p.Flags&flagEphemeral | flagLoading}, nil)
		m.deferred = true
		in.originalID = m.wire.ID
	case 6:
		in.originalID = in.componentMsg
	case 7:
		in.originalID = in.componentMsg
		if target == nil {
			target = s.newMessageLocked(in, p, c.files)
			in.originalID = target.wire.ID
		} else {
			s.applyEdit(&target.wire, p, c.files, in.channelID)
			target.wire.EditedTimestamp = ptr(timestamp(c.now))
		}
	}
	return noContent()
}

// webhookInteraction finds the interaction of a webhook route and checks
// that its token can be used now.
func (s *Server) webhookInteraction(c *call) (*interaction, reply, bool) {
	in := s.byToken[c.r.PathValue("token")]
	if in == nil || in.appID != c.r.PathValue("app") || in.sentAt.IsZero() {
		return nil, errorReply(http.StatusNotFound, 10015, "Unknown Webhook"), false
	}
	c.attach(in)
	if c.now.Sub(in.sentAt) > s.cfg.tokenTTL {
		return nil, errorReply(http.StatusUnauthorized, 50027, "Invalid Webhook Token"), false
	}
	if !in.acked {
		return nil, errorReply(http.StatusNotFound, 10015, "Unknown Webhook"), false
	}
	return in, reply{}, true
}

// webhookMessage finds the message a webhook route names.
func (s *Server) webhookMessage(c *call, in *interaction) (*message, reply, bool) {
	id := c.r.PathValue("msg")
	c.rec.MessageID = id
	if id == "@original" {
		id = in.originalID
	}
	m := s.messages[id]
	if id == "" || m == nil || m.deleted || (id != in.originalID && !slices.Contains(in.followups, id)) {
		return nil, errorReply(http.StatusNotFound, 10008, "Unknown Message"), false
	}
	return m, reply{}, true
}

// editMessage serves PATCH /webhooks/{app}/{token}/messages/{msg}.
func (s *Server) editMessage(c *call) reply {
	in, rep, ok := s.webhookInteraction(c)
	if !ok {
		return rep
	}
	m, rep, ok := s.webhookMessage(c, in)
	if !ok {
		return rep
	}
	chk := &checker{}
	p, ok := parsePayload(chk, "", c.body)
	if !ok {
		return s.reject(c, chk)
	}
	c.rec.IsMessage = true
	c.rec.MentionsSuppressed = p.mentionsSuppressed()
	p.Flags |= m.wire.Flags & flagComponentsV2
	chk.checkMessage("", p, len(c.files))
	merged := m.wire
	if chk.ok() {
		s.applyEdit(&merged, p, c.files, in.channelID)
		merged.Flags &^= flagLoading
		if emptyMessage(&merged) {
			chk.add("", "MESSAGE_EMPTY", "Cannot send an empty message")
		}
	}
	if !chk.ok() {
		return s.reject(c, chk)
	}
	if !m.deferred {
		merged.EditedTimestamp = ptr(timestamp(c.now))
	}
	m.wire = merged
	m.deferred = false
	return jsonReply(http.StatusOK, m.wire)
}

// followup serves POST /webhooks/{app}/{token}[?wait=true].
func (s *Server) followup(c *call) reply {
	in, rep, ok := s.webhookInteraction(c)
	if !ok {
		return rep
	}
	chk := &checker{}
	p, ok := parsePayload(chk, "", c.body)
	if !ok {
		return s.reject(c, chk)
	}
	c.rec.IsMessage = true
	c.rec.MentionsSuppressed = p.mentionsSuppressed()
	chk.checkMessage("", p, len(c.files))
	if emptyPayload(p, len(c.files)) {
		chk.add("", "MESSAGE_EMPTY", "Cannot send an empty message")
	}
	if !chk.ok() {
		return s.reject(c, chk)
	}
	var m *message
	if orig := s.messages[in.originalID]; orig != nil && orig.deferred && !orig.deleted && in.ackType == 5 {
		// Discord's documented quirk: the first follow-up after a deferred
		// reply replaces the loading message, keeping its flags.
		m = orig
		m.wire.Content = ""
		if p.Content != nil {
			m.wire.Content = *p.Content
		}
		m.wire.Embeds = rawList(p.keys["embeds"])
		m.wire.Components = rawList(p.keys["components"])
		for _, f := range c.files {
			m.wire.Attachments = append(m.wire.Attachments, s.storeFileLocked(in.channelID, f))
		}
		m.wire.Flags &^= flagLoading
		m.deferred = false
	} else {
		m = s.newMessageLocked(in, p, c.files)
		m.wire.Type = 0
		in.followups = append(in.followups, m.wire.ID)
	}
	switch c.r.URL.Query().Get("wait") {
	case "true", "True", "1":
		return jsonReply(http.StatusOK, m.wire)
	}
	return noContent()
}

// getMessage serves GET /webhooks/{app}/{token}/messages/{msg}.
func (s *Server) getMessage(c *call) reply {
	in, rep, ok := s.webhookInteraction(c)
	if !ok {
		return rep
	}
	m, rep, ok := s.webhookMessage(c, in)
	if !ok {
		return rep
	}
	return jsonReply(http.StatusOK, m.wire)
}

// deleteMessage serves DELETE /webhooks/{app}/{token}/messages/{msg}.
func (s *Server) deleteMessage(c *call) reply {
	in, rep, ok := s.webhookInteraction(c)
	if !ok {
		return rep
	}
	m, rep, ok := s.webhookMessage(c, in)
	if !ok {
		return rep
	}
	m.deleted = true
	return noContent()
}

func emptyPayload(p *messagePayload, files int) bool {
	return (p.Content == nil || *p.Content == "") && len(p.Embeds) == 0 && len(p.Components) == 0 &&
		files == 0 && (len(p.Poll) == 0 || string(p.Poll) == "null")
}

func emptyMessage(w *wireMessage) bool {
	return w.Content == "" && len(w.Embeds) == 0 && len(w.Components) == 0 &&
		len(w.Attachments) == 0 && (len(w.Poll) == 0 || string(w.Poll) == "null")
}

// newMessageLocked creates the message a callback or follow-up posts.
func (s *Server) newMessageLocked(in *interaction, p *messagePayload, files []File) *message {
	now := time.Now()
	w := wireMessage{
		ID:            s.newID(),
		Type:          in.msgType,
		ChannelID:     in.channelID,
		Author:        s.botUserJSON(),
		Timestamp:     timestamp(now),
		TTS:           p.TTS,
		WebhookID:     in.appID,
		ApplicationID: in.appID,
		Flags:         p.Flags,
		InteractionMetadata: map[string]any{
			"id":                             in.id,
			"type":                           in.typ,
			"user":                           in.user,
			"authorizing_integration_owners": map[string]string{},
		},
	}
	if in.name != "" {
		w.Interaction = map[string]any{"id": in.id, "type": in.typ, "name": in.name, "user": in.user}
	}
	s.applyEdit(&w, p, files, in.channelID)
	m := &message{wire: w}
	s.messages[w.ID] = m
	return m
}

// applyEdit applies the fields present in p to w. Fields sent as null are
// cleared, absent ones are kept, as in Discord's PATCH.
func (s *Server) applyEdit(w *wireMessage, p *messagePayload, files []File, channelID string) {
	if p.has("content") {
		w.Content = ""
		if p.Content != nil {
			w.Content = *p.Content
		}
	}
	if p.has("embeds") {
		w.Embeds = rawList(p.keys["embeds"])
	}
	if p.has("components") {
		w.Components = rawList(p.keys["components"])
	}
	if p.has("poll") {
		w.Poll = p.Poll
	}
	if p.has("attachments") {
		var kept []attachment
		for _, a := range w.Attachments {
			for _, ref := range p.Attachments {
				if id, ok := ref.ID.(string); ok && id == a.ID {
					kept = append(kept, a)
				}
			}
		}
		w.Attachments = kept
	}
	for _, f := range files {
		w.Attachments = append(w.Attachments, s.storeFileLocked(channelID, f))
	}
	w.normalize()
}

// storeFileLocked keeps an uploaded file so the fake can serve it like
// Discord's CDN.
func (s *Server) storeFileLocked(channelID string, f File) attachment {
	id := s.newID()
	path := "/attachments/" + channelID + "/" + id + "/" + f.Name
	s.files[path] = f
	u := s.attachmentURL(channelID, id, f.Name)
	return attachment{ID: id, Filename: f.Name, Size: len(f.Data), URL: u, ProxyURL: u, ContentType: f.ContentType}
}

func rawList(raw json.RawMessage) []json.RawMessage {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil || list == nil {
		return []json.RawMessage{}
	}
	return list
}

func ptr[T any](v T) *T { return &v }
