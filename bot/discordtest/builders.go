package discordtest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// defaultMemberPermissions are those of an ordinary member: enough to use
// commands, not enough to moderate.
const defaultMemberPermissions = discordgo.PermissionViewChannel |
	discordgo.PermissionSendMessages |
	discordgo.PermissionEmbedLinks |
	discordgo.PermissionAttachFiles |
	discordgo.PermissionReadMessageHistory |
	discordgo.PermissionAddReactions |
	discordgo.PermissionUseExternalEmojis |
	discordgo.PermissionUseApplicationCommands

// defaultAppPermissions are what a bot invited with the usual scopes has.
const defaultAppPermissions = defaultMemberPermissions | discordgo.PermissionSendMessagesInThreads

// An InteractionOption adds to or changes a built interaction: a command
// option, or where and by whom the interaction was made.
type InteractionOption interface {
	applyTo(*builder)
}

type optionFunc func(*builder)

func (f optionFunc) applyTo(b *builder) { f(b) }

// InGuild makes the interaction come from a guild other than the default.
func InGuild(guildID string) InteractionOption {
	return optionFunc(func(b *builder) { b.guildID, b.dm = guildID, false })
}

// InChannel makes the interaction come from a channel other than the
// default.
func InChannel(channelID string) InteractionOption {
	return optionFunc(func(b *builder) { b.channelID = channelID })
}

// AsMember makes a given guild member invoke the interaction, to test
// permission checks: permissions is the member's total in the channel, as
// Discord computes it. A nil user keeps the default user.
func AsMember(user *discordgo.User, permissions int64, roles ...string) InteractionOption {
	return optionFunc(func(b *builder) {
		if user != nil {
			b.user = user
		}
		b.perms = permissions
		b.roles = roles
		b.dm = false
	})
}

// InDM makes the interaction come from a direct message with the bot: it
// has a user and no guild or member, which handlers must cope with. A nil
// user keeps the default user.
func InDM(user *discordgo.User) InteractionOption {
	return optionFunc(func(b *builder) {
		if user != nil {
			b.user = user
		}
		b.dm = true
	})
}

// WithLocale sets the invoking user's client locale.
func WithLocale(locale discordgo.Locale) InteractionOption {
	return optionFunc(func(b *builder) { b.locale = locale })
}

// WithAppPermissions sets the bot's own permissions in the channel, to test
// a bot that lacks, say, Embed Links there.
func WithAppPermissions(permissions int64) InteractionOption {
	return optionFunc(func(b *builder) { b.appPerms = permissions })
}

// A CommandOption is an option value of a slash command, as a user filled
// it in.
type CommandOption struct {
	name     string
	typ      discordgo.ApplicationCommandOptionType
	value    any
	focused  bool
	children []CommandOption
	file     *File
}

func (o CommandOption) applyTo(b *builder) { b.options = append(b.options, o) }

// StringOption is a string option.
func StringOption(name, value string) CommandOption {
	return CommandOption{name: name, typ: discordgo.ApplicationCommandOptionString, value: value}
}

// IntegerOption is an integer option.
func IntegerOption(name string, value int64) CommandOption {
	return CommandOption{name: name, typ: discordgo.ApplicationCommandOptionInteger, value: value}
}

// NumberOption is a number option.
func NumberOption(name string, value float64) CommandOption {
	return CommandOption{name: name, typ: discordgo.ApplicationCommandOptionNumber, value: value}
}

// BooleanOption is a boolean option.
func BooleanOption(name string, value bool) CommandOption {
	return CommandOption{name: name, typ: discordgo.ApplicationCommandOptionBoolean, value: value}
}

// Subcommand is a subcommand (option type 1) with its options.
func Subcommand(name string, opts ...CommandOption) CommandOption {
	return CommandOption{name: name, typ: discordgo.ApplicationCommandOptionSubCommand, children: opts}
}

// SubcommandGroup is a subcommand group (option type 2) holding one
// subcommand.
func SubcommandGroup(name string, sub CommandOption) CommandOption {
	return CommandOption{name: name, typ: discordgo.ApplicationCommandOptionSubCommandGroup, children: []CommandOption{sub}}
}

// AttachmentOption is an attachment option: the interaction carries the
// file in data.resolved.attachments, with a URL on the fake that serves
// data, as Discord's CDN would.
func AttachmentOption(name, filename, contentType string, data []byte) CommandOption {
	return CommandOption{
		name: name,
		typ:  discordgo.ApplicationCommandOptionAttachment,
		file: &File{Name: filename, ContentType: contentType, Data: append([]byte(nil), data...)},
	}
}

// Focused marks the option the user is typing in, for Autocomplete. Discord
// sends a focused option's value as the partial string typed so far.
func Focused(o CommandOption) CommandOption {
	o.focused = true
	return o
}

// A builder collects InteractionOptions.
type builder struct {
	guildID   string
	channelID string
	user      *discordgo.User
	perms     int64
	roles     []string
	dm        bool
	locale    discordgo.Locale
	appPerms  int64
	options   []CommandOption
}

func (s *Server) newBuilder(opts []InteractionOption) *builder {
	b := &builder{
		guildID:   s.GuildID(),
		channelID: s.channelID,
		user:      s.User(),
		perms:     defaultMemberPermissions,
		locale:    discordgo.EnglishUS,
		appPerms:  defaultAppPermissions,
	}
	for _, o := range opts {
		if o != nil {
			o.applyTo(b)
		}
	}
	return b
}

// newInteraction fills the fields every interaction has.
func (s *Server) newInteraction(typ discordgo.InteractionType, b *builder) *discordgo.Interaction {
	id := s.newID()
	i := &discordgo.Interaction{
		ID:             id,
		AppID:          s.cfg.appID,
		Type:           typ,
		Token:          newInteractionToken(id),
		Version:        1,
		Locale:         b.locale,
		AppPermissions: b.appPerms,
		Entitlements:   []*discordgo.Entitlement{},
	}
	if b.dm {
		i.ChannelID = s.dmChannel
		if b.channelID != s.channelID {
			i.ChannelID = b.channelID
		}
		i.User = b.user
		i.Context = discordgo.InteractionContextBotDM
		i.AuthorizingIntegrationOwners = map[discordgo.ApplicationIntegrationType]string{discordgo.ApplicationIntegrationUserInstall: b.user.ID}
		return i
	}
	i.GuildID = b.guildID
	i.ChannelID = b.channelID
	loc := discordgo.EnglishUS
	i.GuildLocale = &loc
	i.Context = discordgo.InteractionContextGuild
	i.AuthorizingIntegrationOwners = map[discordgo.ApplicationIntegrationType]string{discordgo.ApplicationIntegrationGuildInstall: b.guildID}
	roles := b.roles
	if roles == nil {
		roles = []string{}
	}
	i.Member = &discordgo.Member{
		GuildID:     b.guildID,
		User:        b.user,
		Roles:       roles,
		Permissions: b.perms,
		JoinedAt:    time.Now().Add(-24 * time.Hour).UTC().Truncate(time.Second),
	}
	return i
}

// SlashCommand builds the interaction Discord sends when a user runs
// /name. The data carries the ID of the registered command of that name,
// if any.
func (s *Server) SlashCommand(name string, opts ...InteractionOption) *discordgo.Interaction {
	return s.command(discordgo.InteractionApplicationCommand, name, opts)
}

// Autocomplete builds the interaction Discord sends while a user types in
// an option with autocomplete; mark that option with Focused.
func (s *Server) Autocomplete(name string, opts ...InteractionOption) *discordgo.Interaction {
	return s.command(discordgo.InteractionApplicationCommandAutocomplete, name, opts)
}

func (s *Server) command(typ discordgo.InteractionType, name string, opts []InteractionOption) *discordgo.Interaction {
	b := s.newBuilder(opts)
	i := s.newInteraction(typ, b)
	s.mu.Lock()
	cmdID := s.commandIDLocked(b.guildID, name)
	s.mu.Unlock()
	if cmdID == "" {
		cmdID = s.newID()
	}
	data := discordgo.ApplicationCommandInteractionData{
		ID:          cmdID,
		Name:        name,
		CommandType: discordgo.ChatApplicationCommand,
	}
	data.Options = s.convertOptions(b.options, i.ChannelID, &data.Resolved)
	i.Data = data
	return i
}

// convertOptions turns CommandOptions into discordgo's, storing attachment
// files so the fake can serve them.
func (s *Server) convertOptions(opts []CommandOption, channelID string, resolved **discordgo.ApplicationCommandInteractionDataResolved) []*discordgo.ApplicationCommandInteractionDataOption {
	out := make([]*discordgo.ApplicationCommandInteractionDataOption, 0, len(opts))
	for _, o := range opts {
		d := &discordgo.ApplicationCommandInteractionDataOption{Name: o.name, Type: o.typ, Value: o.value, Focused: o.focused}
		if v, ok := o.value.(int64); ok {
			d.Value = float64(v) // as encoding/json decodes it
		}
		if len(o.children) > 0 || o.typ == discordgo.ApplicationCommandOptionSubCommand {
			d.Options = s.convertOptions(o.children, channelID, resolved)
		}
		if o.file != nil {
			if *resolved == nil {
				*resolved = &discordgo.ApplicationCommandInteractionDataResolved{}
			}
			if (*resolved).Attachments == nil {
				(*resolved).Attachments = map[string]*discordgo.MessageAttachment{}
			}
			s.mu.Lock()
			a := s.storeFileLocked(channelID, *o.file)
			s.mu.Unlock()
			(*resolved).Attachments[a.ID] = &discordgo.MessageAttachment{
				ID: a.ID, URL: a.URL, ProxyURL: a.ProxyURL, Filename: a.Filename,
				ContentType: a.ContentType, Size: a.Size, Ephemeral: true,
			}
			d.Value = a.ID
		}
		out = append(out, d)
	}
	return out
}

// ButtonClick builds the interaction Discord sends when a user clicks the
// button customID on msg. Pass the bot's message, such as OriginalMessage
// returns, to test paging; a nil msg stands for a bot message holding just
// that button.
func (s *Server) ButtonClick(customID string, msg *discordgo.Message, opts ...InteractionOption) *discordgo.Interaction {
	return s.component(customID, discordgo.ButtonComponent, nil, msg, opts)
}

// SelectMenu builds the interaction Discord sends when a user picks values
// in the string select menu customID on msg.
func (s *Server) SelectMenu(customID string, values []string, msg *discordgo.Message, opts ...InteractionOption) *discordgo.Interaction {
	if values == nil {
		values = []string{}
	}
	return s.component(customID, discordgo.SelectMenuComponent, values, msg, opts)
}

func (s *Server) component(customID string, typ discordgo.ComponentType, values []string, msg *discordgo.Message, opts []InteractionOption) *discordgo.Interaction {
	b := s.newBuilder(opts)
	i := s.newInteraction(discordgo.InteractionMessageComponent, b)
	if msg == nil {
		var c discordgo.MessageComponent = discordgo.Button{Label: customID, Style: discordgo.PrimaryButton, CustomID: customID}
		if typ == discordgo.SelectMenuComponent {
			menu := discordgo.SelectMenu{MenuType: discordgo.StringSelectMenu, CustomID: customID}
			for _, v := range values {
				menu.Options = append(menu.Options, discordgo.SelectMenuOption{Label: v, Value: v})
			}
			c = menu
		}
		msg = &discordgo.Message{
			ID:         s.newID(),
			ChannelID:  i.ChannelID,
			Author:     s.BotUser(),
			Timestamp:  time.Now().UTC(),
			Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{c}}},
		}
	}
	i.Message = msg
	i.Data = discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: typ, Values: values}
	return i
}

// ModalSubmit builds the interaction Discord sends when a user submits the
// modal customID; fields maps each text input's custom_id to its value.
func (s *Server) ModalSubmit(customID string, fields map[string]string, opts ...InteractionOption) *discordgo.Interaction {
	b := s.newBuilder(opts)
	i := s.newInteraction(discordgo.InteractionModalSubmit, b)
	ids := make([]string, 0, len(fields))
	for id := range fields {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	data := discordgo.ModalSubmitInteractionData{CustomID: customID}
	for _, id := range ids {
		data.Components = append(data.Components, &discordgo.ActionsRow{
			Components: []discordgo.MessageComponent{&discordgo.TextInput{CustomID: id, Value: fields[id]}},
		})
	}
	i.Data = data
	return i
}

// interactionJSON encodes an interaction the way Discord sends it. A plain
// json.Marshal of discordgo.Interaction differs: it drops modal components,
// omits zero option values, and sends null where Discord omits fields.
func (s *Server) interactionJSON(i *discordgo.Interaction) ([]byte, error) {
	if i.ID == "" || i.Token == "" {
		return nil, fmt.Errorf("interaction has no id or token")
	}
	appID := i.AppID
	if appID == "" {
		appID = s.cfg.appID
	}
	m := map[string]any{
		"id":                             i.ID,
		"application_id":                 appID,
		"type":                           i.Type,
		"token":                          i.Token,
		"version":                        1,
		"locale":                         i.Locale,
		"app_permissions":                strconv.FormatInt(i.AppPermissions, 10),
		"entitlements":                   []any{},
		"authorizing_integration_owners": i.AuthorizingIntegrationOwners,
		"context":                        i.Context,
		"attachment_size_limit":          25 << 20,
	}
	if i.ChannelID != "" {
		m["channel_id"] = i.ChannelID
		chType := discordgo.ChannelTypeGuildText
		if i.GuildID == "" {
			chType = discordgo.ChannelTypeDM
		}
		m["channel"] = map[string]any{"id": i.ChannelID, "type": chType}
	}
	if i.GuildID != "" {
		m["guild_id"] = i.GuildID
		m["guild"] = map[string]any{"id": i.GuildID, "locale": "en-US", "features": []string{}}
		m["guild_locale"] = "en-US"
		if i.GuildLocale != nil {
			m["guild_locale"] = *i.GuildLocale
		}
	}
	if i.Member != nil {
		m["member"] = memberJSON(i.Member)
	} else if i.User != nil {
		m["user"] = userJSON(i.User)
	}
	if i.Message != nil {
		msg, err := messageJSON(i.Message)
		if err != nil {
			return nil, err
		}
		m["message"] = msg
	}
	if i.Type != discordgo.InteractionPing && i.Data != nil {
		data, err := interactionDataJSON(i.Data)
		if err != nil {
			return nil, err
		}
		m["data"] = data
	}
	return json.Marshal(m)
}

// messageJSON encodes a message in Discord's shape, without the empty
// fields and client-only fields that marshaling discordgo.Message yields.
func messageJSON(msg *discordgo.Message) (*wireMessage, error) {
	b, err := json.Marshal(msg)
	if err != nil {
		return nil, err
	}
	var w wireMessage
	if err := json.Unmarshal(b, &w); err != nil {
		return nil, err
	}
	if msg.Author != nil {
		w.Author = userJSON(msg.Author)
	}
	if len(w.Poll) > 0 && string(w.Poll) == "null" {
		w.Poll = nil
	}
	w.normalize()
	return &w, nil
}

func interactionDataJSON(d discordgo.InteractionData) (any, error) {
	switch d := d.(type) {
	case discordgo.ApplicationCommandInteractionData:
		m := map[string]any{"id": d.ID, "name": d.Name, "type": d.CommandType}
		if d.CommandType == 0 {
			m["type"] = discordgo.ChatApplicationCommand
		}
		if len(d.Options) > 0 {
			m["options"] = optionsJSON(d.Options)
		}
		if d.Resolved != nil {
			m["resolved"] = d.Resolved
		}
		if d.TargetID != "" {
			m["target_id"] = d.TargetID
		}
		return m, nil
	case discordgo.MessageComponentInteractionData:
		m := map[string]any{"custom_id": d.CustomID, "component_type": d.ComponentType}
		if d.Values != nil {
			m["values"] = d.Values
		}
		return m, nil
	case discordgo.ModalSubmitInteractionData:
		rows := make([]any, 0, len(d.Components))
		for _, c := range d.Components {
			rows = append(rows, submittedComponentJSON(c))
		}
		return map[string]any{"custom_id": d.CustomID, "components": rows}, nil
	}
	return nil, fmt.Errorf("unsupported interaction data %T", d)
}

func optionsJSON(opts []*discordgo.ApplicationCommandInteractionDataOption) []any {
	out := make([]any, 0, len(opts))
	for _, o := range opts {
		if o == nil {
			continue
		}
		m := map[string]any{"name": o.Name, "type": o.Type}
		switch o.Type {
		case discordgo.ApplicationCommandOptionSubCommand, discordgo.ApplicationCommandOptionSubCommandGroup:
			m["options"] = optionsJSON(o.Options)
		default:
			m["value"] = o.Value
		}
		if o.Focused {
			m["focused"] = true
		}
		out = append(out, m)
	}
	return out
}

// submittedComponentJSON encodes a modal component as Discord sends it
// back: only type, custom_id, value and children.
func submittedComponentJSON(c discordgo.MessageComponent) any {
	switch c := c.(type) {
	case *discordgo.ActionsRow:
		return submittedComponentJSON(*c)
	case discordgo.ActionsRow:
		kids := make([]any, 0, len(c.Components))
		for _, k := range c.Components {
			kids = append(kids, submittedComponentJSON(k))
		}
		return map[string]any{"type": discordgo.ActionsRowComponent, "components": kids}
	case *discordgo.TextInput:
		return submittedComponentJSON(*c)
	case discordgo.TextInput:
		return map[string]any{"type": discordgo.TextInputComponent, "custom_id": c.CustomID, "value": c.Value}
	}
	return c
}

func userJSON(u *discordgo.User) map[string]any {
	m := map[string]any{
		"id":            u.ID,
		"username":      u.Username,
		"global_name":   nil,
		"discriminator": u.Discriminator,
		"avatar":        nil,
		"public_flags":  u.PublicFlags,
	}
	if u.GlobalName != "" {
		m["global_name"] = u.GlobalName
	}
	if u.Discriminator == "" {
		m["discriminator"] = "0"
	}
	if u.Avatar != "" {
		m["avatar"] = u.Avatar
	}
	if u.Bot {
		m["bot"] = true
	}
	return m
}

func memberJSON(mem *discordgo.Member) map[string]any {
	roles := mem.Roles
	if roles == nil {
		roles = []string{}
	}
	m := map[string]any{
		"roles":                        roles,
		"permissions":                  strconv.FormatInt(mem.Permissions, 10),
		"joined_at":                    mem.JoinedAt.UTC().Format(time.RFC3339Nano),
		"nick":                         nil,
		"avatar":                       nil,
		"deaf":                         mem.Deaf,
		"mute":                         mem.Mute,
		"flags":                        mem.Flags,
		"pending":                      mem.Pending,
		"premium_since":                nil,
		"communication_disabled_until": nil,
	}
	if mem.User != nil {
		m["user"] = userJSON(mem.User)
	}
	if mem.Nick != "" {
		m["nick"] = mem.Nick
	}
	return m
}

// attachmentURL is where the fake serves a stored file.
func (s *Server) attachmentURL(channelID, id, name string) string {
	return s.url + "/attachments/" + channelID + "/" + id + "/" + url.PathEscape(name)
}
