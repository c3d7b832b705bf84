package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord's limits, from the API documentation.
const (
	maxContent          = 2000
	maxEmbeds           = 10
	maxEmbedTitle       = 256
	maxEmbedDescription = 4096
	maxEmbedFields      = 25
	maxFieldName        = 256
	maxFieldValue       = 1024
	maxFooterText       = 2048
	maxAuthorName       = 256
	maxEmbedTotal       = 6000
	maxActionRows       = 5
	maxRowButtons       = 5
	maxButtonLabel      = 80
	maxCustomID         = 100
	maxSelectOptions    = 25
	maxChoices          = 25
	maxChoiceName       = 100
	maxChoiceValue      = 100
	maxModalTitle       = 45
	maxModalRows        = 5
	maxInputLabel       = 45
	maxInputLength      = 4000
	maxFiles            = 10
	maxV2Components     = 40
	maxCommandName      = 32
	maxDescription      = 100
	maxOptions          = 25
	maxOptionLength     = 6000
	maxCommandSize      = 8000
	maxChatCommands     = 100
	maxMenuCommands     = 15
)

// Message flags a bot may set on an interaction response or follow-up.
const (
	flagSuppressEmbeds       = 1 << 2
	flagEphemeral            = 1 << 6
	flagLoading              = 1 << 7
	flagSuppressNotification = 1 << 12
	flagComponentsV2         = 1 << 15
	allowedFlags             = flagSuppressEmbeds | flagEphemeral | flagSuppressNotification | flagComponentsV2
)

// A violation is one broken limit, at a dotted path into the JSON body.
type violation struct {
	path, code, msg string
}

// A checker collects violations, so that a request reports all of them at
// once as Discord does.
type checker struct {
	vs []violation
}

func (c *checker) add(path, code, msg string) {
	c.vs = append(c.vs, violation{path, code, msg})
}

func (c *checker) ok() bool { return len(c.vs) == 0 }

// length checks a string's length in characters, which is how Discord counts.
func (c *checker) length(path, s string, min, max int) {
	n := utf8.RuneCountInString(s)
	switch {
	case min <= 0 && n > max:
		c.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", max))
	case min > 0 && (n < min || n > max):
		c.add(path, "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between %d and %d in length.", min, max))
	}
}

func (c *checker) items(path string, n, min, max int) {
	switch {
	case n > max:
		c.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", max))
	case n < min:
		c.add(path, "BASE_TYPE_MIN_LENGTH", fmt.Sprintf("Must be %d or more in length.", min))
	}
}

func (c *checker) required(path string) {
	c.add(path, "BASE_TYPE_REQUIRED", "This field is required")
}

func (c *checker) intRange(path string, v, min, max int) {
	if v < min || v > max {
		c.add(path, "NUMBER_TYPE_OUT_OF_RANGE", fmt.Sprintf("Must be between %d and %d.", min, max))
	}
}

// url checks that s is an absolute URL with one of the schemes.
func (c *checker) url(path, s string, schemes ...string) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		c.add(path, "URL_TYPE_INVALID_URL", "Not a well formed URL.")
		return
	}
	for _, sc := range schemes {
		if strings.EqualFold(u.Scheme, sc) {
			if (sc == "http" || sc == "https") && u.Host == "" {
				c.add(path, "URL_TYPE_INVALID_URL", "Not a well formed URL.")
			}
			return
		}
	}
	c.add(path, "URL_TYPE_INVALID_SCHEME", fmt.Sprintf("Scheme %q is not supported. Scheme must be one of %v.", u.Scheme, schemes))
}

// at joins a path and its elements with dots: at("data", "embeds", 0).
func at(path string, elems ...any) string {
	var b strings.Builder
	b.WriteString(path)
	for _, e := range elems {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		fmt.Fprint(&b, e)
	}
	return b.String()
}

// decode unmarshals raw into v and turns a type mismatch into a violation,
// as Discord reports a field of the wrong type.
func (c *checker) decode(path string, raw []byte, v any) bool {
	err := json.Unmarshal(raw, v)
	if err == nil {
		return true
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		c.add(at(path, te.Field), "BASE_TYPE_INVALID", "Could not interpret the value as "+te.Type.String()+".")
		return false
	}
	c.add(path, "BASE_TYPE_INVALID", "Could not interpret the value.")
	return false
}

// formError is Discord's 400 answer for invalid bodies, with the
// violations nested by path under "errors".
func formError(vs []violation) reply {
	errs := map[string]any{}
	for _, v := range vs {
		node := errs
		if v.path != "" {
			for _, p := range strings.Split(v.path, ".") {
				next, ok := node[p].(map[string]any)
				if !ok {
					next = map[string]any{}
					node[p] = next
				}
				node = next
			}
		}
		list, _ := node["_errors"].([]map[string]string)
		node["_errors"] = append(list, map[string]string{"code": v.code, "message": v.msg})
	}
	return jsonReply(http.StatusBadRequest, map[string]any{
		"code":    50035,
		"message": "Invalid Form Body",
		"errors":  errs,
	})
}

// messagePayload is the part of a message body the fake checks. It is
// decoded separately from discordgo's types so that fields of the wrong
// type, null and absent fields can be told apart.
type messagePayload struct {
	Content         *string          `json:"content"`
	TTS             bool             `json:"tts"`
	Embeds          []embed          `json:"embeds"`
	Components      []component      `json:"components"`
	AllowedMentions *allowedMentions `json:"allowed_mentions"`
	Attachments     []attachmentRef  `json:"attachments"`
	Flags           int64            `json:"flags"`
	Poll            json.RawMessage  `json:"poll"`

	// Autocomplete results, callback type 8.
	Choices []choice `json:"choices"`

	// Modals, callback type 9.
	CustomID *string `json:"custom_id"`
	Title    *string `json:"title"`

	keys map[string]json.RawMessage // fields present, even if null
}

func (p *messagePayload) has(key string) bool {
	_, ok := p.keys[key]
	return ok
}

type embed struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	URL         string `json:"url"`
	Timestamp   string `json:"timestamp"`
	Color       *int   `json:"color"`
	Footer      *struct {
		Text    string `json:"text"`
		IconURL string `json:"icon_url"`
	} `json:"footer"`
	Image *struct {
		URL string `json:"url"`
	} `json:"image"`
	Thumbnail *struct {
		URL string `json:"url"`
	} `json:"thumbnail"`
	Author *struct {
		Name    string `json:"name"`
		URL     string `json:"url"`
		IconURL string `json:"icon_url"`
	} `json:"author"`
	Fields []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
}

type component struct {
	Type        int             `json:"type"`
	CustomID    *string         `json:"custom_id"`
	Label       *string         `json:"label"`
	Style       int             `json:"style"`
	URL         string          `json:"url"`
	Emoji       json.RawMessage `json:"emoji"`
	SKUID       string          `json:"sku_id"`
	Components  []component     `json:"components"`
	Component   *component      `json:"component"` // in a Label
	Accessory   *component      `json:"accessory"` // in a Section
	Options     []selectOption  `json:"options"`
	Placeholder string          `json:"placeholder"`
	MinValues   *int            `json:"min_values"`
	MaxValues   *int            `json:"max_values"`
	MinLength   *int            `json:"min_length"`
	MaxLength   *int            `json:"max_length"`
	Value       *string         `json:"value"`
	Description *string         `json:"description"`
}

type selectOption struct {
	Label       string `json:"label"`
	Value       string `json:"value"`
	Description string `json:"description"`
}

type allowedMentions struct {
	Parse *[]string `json:"parse"`
	Users []string  `json:"users"`
	Roles []string  `json:"roles"`
}

type attachmentRef struct {
	ID any `json:"id"`
}

type choice struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

// parsePayload decodes a message-like body. It reports false, with a
// violation, when the body is not a JSON object of the right shape.
func parsePayload(c *checker, path string, raw []byte) (*messagePayload, bool) {
	p := &messagePayload{keys: map[string]json.RawMessage{}}
	if len(raw) == 0 {
		return p, true
	}
	var keys map[string]json.RawMessage
	if !c.decode(path, raw, &keys) || !c.decode(path, raw, p) {
		return nil, false
	}
	p.keys = keys
	return p, true
}

// mentionsSuppressed reports whether the payload carries an explicit empty
// "parse" list.
func (p *messagePayload) mentionsSuppressed() bool {
	return p.AllowedMentions != nil && p.AllowedMentions.Parse != nil && len(*p.AllowedMentions.Parse) == 0
}

// checkMessage checks the limits of a message body: content, embeds,
// components, allowed mentions, attachments and flags.
func (c *checker) checkMessage(path string, p *messagePayload, files int) {
	if p.Content != nil {
		c.length(at(path, "content"), *p.Content, 0, maxContent)
	}
	c.items(at(path, "embeds"), len(p.Embeds), 0, maxEmbeds)
	total := 0
	for i, e := range p.Embeds {
		total += c.checkEmbed(at(path, "embeds", i), e)
	}
	if total > maxEmbedTotal {
		c.add(at(path, "embeds"), "MAX_EMBED_SIZE_EXCEEDED", fmt.Sprintf("Embed size exceeds maximum size of %d", maxEmbedTotal))
	}
	if p.Flags&^allowedFlags != 0 {
		c.add(at(path, "flags"), "MESSAGE_FLAGS_INVALID", "Invalid message flags.")
	}
	v2 := p.Flags&flagComponentsV2 != 0
	if v2 && ((p.Content != nil && *p.Content != "") || len(p.Embeds) > 0) {
		c.add(at(path, "content"), "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2")
	}
	c.checkComponents(at(path, "components"), p.Components, v2)
	if m := p.AllowedMentions; m != nil {
		c.checkAllowedMentions(at(path, "allowed_mentions"), m)
	}
	if n := len(p.Attachments); n > maxFiles || files > maxFiles {
		c.add(at(path, "attachments"), "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxFiles))
	}
}

// checkEmbed checks one embed and returns the characters it counts towards
// the 6000 shared by all embeds of a message.
func (c *checker) checkEmbed(path string, e embed) int {
	total := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
	c.length(at(path, "title"), e.Title, 0, maxEmbedTitle)
	c.length(at(path, "description"), e.Description, 0, maxEmbedDescription)
	c.url(at(path, "url"), e.URL, "http", "https")
	if e.Timestamp != "" {
		if _, err := time.Parse(time.RFC3339, e.Timestamp); err != nil {
			c.add(at(path, "timestamp"), "DATE_TIME_TYPE_PARSE", "Could not parse "+e.Timestamp+". Should be ISO8601.")
		}
	}
	if e.Color != nil {
		c.intRange(at(path, "color"), *e.Color, 0, 0xFFFFFF)
	}
	if f := e.Footer; f != nil {
		if f.Text == "" {
			c.required(at(path, "footer", "text"))
		}
		c.length(at(path, "footer", "text"), f.Text, 0, maxFooterText)
		c.url(at(path, "footer", "icon_url"), f.IconURL, "http", "https", "attachment")
		total += utf8.RuneCountInString(f.Text)
	}
	if a := e.Author; a != nil {
		if a.Name == "" {
			c.required(at(path, "author", "name"))
		}
		c.length(at(path, "author", "name"), a.Name, 0, maxAuthorName)
		c.url(at(path, "author", "url"), a.URL, "http", "https")
		c.url(at(path, "author", "icon_url"), a.IconURL, "http", "https", "attachment")
		total += utf8.RuneCountInString(a.Name)
	}
	if e.Image != nil {
		c.url(at(path, "image", "url"), e.Image.URL, "http", "https", "attachment")
	}
	if e.Thumbnail != nil {
		c.url(at(path, "thumbnail", "url"), e.Thumbnail.URL, "http", "https", "attachment")
	}
	c.items(at(path, "fields"), len(e.Fields), 0, maxEmbedFields)
	for i, f := range e.Fields {
		c.length(at(path, "fields", i, "name"), f.Name, 1, maxFieldName)
		c.length(at(path, "fields", i, "value"), f.Value, 1, maxFieldValue)
		total += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	return total
}

// checkComponents checks the components of a message. Without the
// components v2 flag only action rows of buttons or one select menu are
// allowed at the top.
func (c *checker) checkComponents(path string, cs []component, v2 bool) {
	ids := map[string]bool{}
	if !v2 {
		c.items(path, len(cs), 0, maxActionRows)
		for i, row := range cs {
			if row.Type != int(discordgo.ActionsRowComponent) {
				c.add(at(path, i, "type"), "COMPONENT_TYPE_INVALID", fmt.Sprintf("Component type %d is not allowed at the top level of a message.", row.Type))
				continue
			}
			c.checkActionRow(at(path, i), row, ids)
		}
		return
	}
	count := 0
	var walk func(path string, cs []component, top bool)
	walk = func(path string, cs []component, top bool) {
		for i, comp := range cs {
			p := at(path, i)
			count++
			switch comp.Type {
			case 1:
				c.checkActionRow(p, comp, ids)
				count += len(comp.Components)
			case 2:
				c.checkButton(p, comp, ids)
			case 3, 5, 6, 7, 8:
				c.checkSelect(p, comp, ids)
			case 9, 17:
				walk(at(p, "components"), comp.Components, false)
				if comp.Accessory != nil {
					walk(at(p, "accessory"), []component{*comp.Accessory}, false)
				}
			case 10, 11, 12, 13, 14:
			default:
				c.add(at(p, "type"), "COMPONENT_TYPE_INVALID", fmt.Sprintf("Component type %d is not allowed in a message.", comp.Type))
			}
			if top && (comp.Type == 2 || comp.Type == 11) {
				c.add(at(p, "type"), "COMPONENT_TYPE_INVALID", fmt.Sprintf("Component type %d is not allowed at the top level of a message.", comp.Type))
			}
		}
	}
	walk(path, cs, true)
	if count > maxV2Components {
		c.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxV2Components))
	}
}

func (c *checker) checkActionRow(path string, row component, ids map[string]bool) {
	kids := at(path, "components")
	c.items(kids, len(row.Components), 1, maxRowButtons)
	buttons, selects := 0, 0
	for i, k := range row.Components {
		p := at(kids, i)
		switch k.Type {
		case 2:
			buttons++
			c.checkButton(p, k, ids)
		case 3, 5, 6, 7, 8:
			selects++
			c.checkSelect(p, k, ids)
		default:
			c.add(at(p, "type"), "COMPONENT_TYPE_INVALID", fmt.Sprintf("Component type %d is not allowed in an action row of a message.", k.Type))
		}
	}
	if selects > 1 || (selects > 0 && buttons > 0) {
		c.add(kids, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width")
	}
}

func (c *checker) checkCustomID(path string, id *string, ids map[string]bool) {
	if id == nil || *id == "" {
		c.required(path)
		return
	}
	c.length(path, *id, 1, maxCustomID)
	if ids[*id] {
		c.add(path, "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated")
	}
	ids[*id] = true
}

func (c *checker) checkButton(path string, b component, ids map[string]bool) {
	label := ""
	if b.Label != nil {
		label = *b.Label
	}
	c.length(at(path, "label"), label, 0, maxButtonLabel)
	hasEmoji := len(b.Emoji) > 0 && string(b.Emoji) != "null"
	switch b.Style {
	case 1, 2, 3, 4:
		c.checkCustomID(at(path, "custom_id"), b.CustomID, ids)
		if b.URL != "" {
			c.add(at(path, "url"), "BUTTON_COMPONENT_URL_NOT_ALLOWED", "A url can only be used with link buttons.")
		}
	case 5:
		if b.URL == "" {
			c.required(at(path, "url"))
		}
		c.url(at(path, "url"), b.URL, "http", "https", "discord")
		if b.CustomID != nil && *b.CustomID != "" {
			c.add(at(path, "custom_id"), "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED", "A custom id cannot be used with link buttons.")
		}
	case 6:
		if b.SKUID == "" {
			c.required(at(path, "sku_id"))
		}
		return
	default:
		c.add(at(path, "style"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6}.")
	}
	if label == "" && !hasEmoji {
		c.add(at(path, "label"), "BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED", "A button must have a label or an emoji.")
	}
}

func (c *checker) checkSelect(path string, m component, ids map[string]bool) {
	c.checkCustomID(at(path, "custom_id"), m.CustomID, ids)
	c.length(at(path, "placeholder"), m.Placeholder, 0, 150)
	if m.Type == int(discordgo.SelectMenuComponent) {
		c.items(at(path, "options"), len(m.Options), 1, maxSelectOptions)
		seen := map[string]bool{}
		for i, o := range m.Options {
			c.length(at(path, "options", i, "label"), o.Label, 1, 100)
			c.length(at(path, "options", i, "value"), o.Value, 1, 100)
			c.length(at(path, "options", i, "description"), o.Description, 0, 100)
			if seen[o.Value] {
				c.add(at(path, "options", i, "value"), "SELECT_COMPONENT_OPTION_VALUE_DUPLICATED", "Select option values must be unique")
			}
			seen[o.Value] = true
		}
	} else if len(m.Options) > 0 {
		c.add(at(path, "options"), "BASE_TYPE_MAX_LENGTH", "Must be 0 or fewer in length.")
	}
	minV, maxV := 1, 1
	if m.MinValues != nil {
		minV = *m.MinValues
		c.intRange(at(path, "min_values"), minV, 0, 25)
	}
	if m.MaxValues != nil {
		maxV = *m.MaxValues
		c.intRange(at(path, "max_values"), maxV, 1, 25)
	}
	if minV > maxV {
		c.add(at(path, "min_values"), "SELECT_COMPONENT_MIN_VALUES_GREATER_THAN_MAX", "min_values must be less than or equal to max_values")
	}
	if m.Type == int(discordgo.SelectMenuComponent) && len(m.Options) > 0 && maxV > len(m.Options) {
		c.add(at(path, "max_values"), "SELECT_COMPONENT_MAX_VALUES_TOO_LARGE", "max_values must be less than or equal to the number of options")
	}
}

func (c *checker) checkAllowedMentions(path string, m *allowedMentions) {
	parsed := map[string]bool{}
	if m.Parse != nil {
		for i, p := range *m.Parse {
			switch p {
			case "users", "roles", "everyone":
				parsed[p] = true
			default:
				c.add(at(path, "parse", i), "BASE_TYPE_CHOICES", "Value must be one of ('roles', 'users', 'everyone').")
			}
		}
	}
	c.items(at(path, "users"), len(m.Users), 0, 100)
	c.items(at(path, "roles"), len(m.Roles), 0, 100)
	if parsed["users"] && len(m.Users) > 0 {
		c.add(at(path, "users"), "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", "parse:[\"users\"] and users: [ids] are mutually exclusive.")
	}
	if parsed["roles"] && len(m.Roles) > 0 {
		c.add(at(path, "roles"), "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", "parse:[\"roles\"] and roles: [ids] are mutually exclusive.")
	}
}

// checkChoices checks an autocomplete result.
func (c *checker) checkChoices(path string, p *messagePayload) {
	if !p.has("choices") {
		c.required(at(path, "choices"))
		return
	}
	c.items(at(path, "choices"), len(p.Choices), 0, maxChoices)
	for i, ch := range p.Choices {
		c.checkChoice(at(path, "choices", i), ch.Name, ch.Value)
	}
}

func (c *checker) checkChoice(path, name string, value any) {
	c.length(at(path, "name"), name, 1, maxChoiceName)
	switch v := value.(type) {
	case string:
		c.length(at(path, "value"), v, 0, maxChoiceValue)
	case float64:
	default:
		c.add(at(path, "value"), "BASE_TYPE_INVALID", "Value must be a string, an integer or a number.")
	}
}

// checkModal checks a modal (callback type 9).
func (c *checker) checkModal(path string, p *messagePayload) {
	ids := map[string]bool{}
	c.checkCustomID(at(path, "custom_id"), p.CustomID, ids)
	ids = map[string]bool{}
	if p.Title == nil || *p.Title == "" {
		c.required(at(path, "title"))
	} else {
		c.length(at(path, "title"), *p.Title, 1, maxModalTitle)
	}
	c.items(at(path, "components"), len(p.Components), 1, maxModalRows)
	for i, comp := range p.Components {
		cp := at(path, "components", i)
		switch comp.Type {
		case int(discordgo.ActionsRowComponent):
			c.items(at(cp, "components"), len(comp.Components), 1, 1)
			for j, k := range comp.Components {
				if k.Type != int(discordgo.TextInputComponent) {
					c.add(at(cp, "components", j, "type"), "COMPONENT_TYPE_INVALID", "Only text inputs can be used in the action rows of a modal.")
					continue
				}
				c.checkTextInput(at(cp, "components", j), k, ids, true)
			}
		case 18: // Label
			label := ""
			if comp.Label != nil {
				label = *comp.Label
			}
			c.length(at(cp, "label"), label, 1, maxInputLabel)
			if comp.Description != nil {
				c.length(at(cp, "description"), *comp.Description, 0, 100)
			}
			switch k := comp.Component; {
			case k == nil:
				c.required(at(cp, "component"))
			case k.Type == int(discordgo.TextInputComponent):
				c.checkTextInput(at(cp, "component"), *k, ids, false)
			case k.Type == 3 || (k.Type >= 5 && k.Type <= 8):
				c.checkSelect(at(cp, "component"), *k, ids)
			default:
				c.add(at(cp, "component", "type"), "COMPONENT_TYPE_INVALID", fmt.Sprintf("Component type %d is not allowed in a label.", k.Type))
			}
		case 10: // Text display
		default:
			c.add(at(cp, "type"), "COMPONENT_TYPE_INVALID", fmt.Sprintf("Component type %d is not allowed in a modal.", comp.Type))
		}
	}
}

func (c *checker) checkTextInput(path string, t component, ids map[string]bool, needLabel bool) {
	c.checkCustomID(at(path, "custom_id"), t.CustomID, ids)
	if t.Style != 1 && t.Style != 2 {
		c.add(at(path, "style"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2}.")
	}
	if needLabel {
		label := ""
		if t.Label != nil {
			label = *t.Label
		}
		c.length(at(path, "label"), label, 1, maxInputLabel)
	}
	minL, maxL := 0, maxInputLength
	if t.MinLength != nil {
		minL = *t.MinLength
		c.intRange(at(path, "min_length"), minL, 0, maxInputLength)
	}
	if t.MaxLength != nil {
		maxL = *t.MaxLength
		c.intRange(at(path, "max_length"), maxL, 1, maxInputLength)
	}
	if minL > maxL {
		c.add(at(path, "min_length"), "TEXT_INPUT_MIN_LENGTH_GREATER_THAN_MAX", "min_length must be less than or equal to max_length")
	}
	if t.Value != nil {
		c.length(at(path, "value"), *t.Value, 0, maxInputLength)
	}
	c.length(at(path, "placeholder"), t.Placeholder, 0, 100)
}

// commandName is Discord's pattern for command and option names.
var commandName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

func (c *checker) checkName(path, name string) {
	if !commandName.MatchString(name) || strings.ToLower(name) != name {
		c.add(path, "APPLICATION_COMMAND_INVALID_NAME", fmt.Sprintf("Command name is invalid: %q must match ^[-_'\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$ and be lowercase.", name))
	}
}

// checkCommands checks a list of commands as one bulk overwrite.
func (c *checker) checkCommands(cmds []*discordgo.ApplicationCommand) {
	seen := map[string]bool{}
	counts := map[discordgo.ApplicationCommandType]int{}
	for i, cmd := range cmds {
		if cmd == nil {
			c.required(at("", i))
			continue
		}
		c.checkCommand(at("", i), cmd)
		t := cmd.Type
		if t == 0 {
			t = discordgo.ChatApplicationCommand
		}
		counts[t]++
		key := fmt.Sprint(t, "/", cmd.Name)
		if seen[key] {
			c.add(at("", i, "name"), "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
		}
		seen[key] = true
	}
	if counts[discordgo.ChatApplicationCommand] > maxChatCommands {
		c.add("", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer chat input commands.", maxChatCommands))
	}
	if counts[discordgo.UserApplicationCommand] > maxMenuCommands || counts[discordgo.MessageApplicationCommand] > maxMenuCommands {
		c.add("", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer user or message commands.", maxMenuCommands))
	}
}

func (c *checker) checkCommand(path string, cmd *discordgo.ApplicationCommand) {
	switch cmd.Type {
	case 0, discordgo.ChatApplicationCommand:
		c.checkName(at(path, "name"), cmd.Name)
		c.length(at(path, "description"), cmd.Description, 1, maxDescription)
		c.checkOptions(at(path, "options"), cmd.Options, 0)
		if n := commandSize(cmd); n > maxCommandSize {
			c.add(path, "APPLICATION_COMMAND_TOO_LARGE", fmt.Sprintf("Command exceeds maximum size (%d)", maxCommandSize))
		}
	case discordgo.UserApplicationCommand, discordgo.MessageApplicationCommand:
		c.length(at(path, "name"), cmd.Name, 1, maxCommandName)
		if cmd.Description != "" {
			c.add(at(path, "description"), "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have description")
		}
		if len(cmd.Options) > 0 {
			c.add(at(path, "options"), "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS", "Context menu commands cannot have options")
		}
	case 4: // PRIMARY_ENTRY_POINT
		c.length(at(path, "name"), cmd.Name, 1, maxCommandName)
	default:
		c.add(at(path, "type"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4}.")
	}
}

// checkOptions checks the options at one level: 0 is the command itself, 1
// a subcommand group, 2 a subcommand.
func (c *checker) checkOptions(path string, opts []*discordgo.ApplicationCommandOption, level int) {
	c.items(path, len(opts), 0, maxOptions)
	names := map[string]bool{}
	subs, plain := 0, 0
	optional := false
	for i, o := range opts {
		p := at(path, i)
		if o == nil {
			c.required(p)
			continue
		}
		isSub := o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup
		if isSub {
			subs++
		} else {
			plain++
		}
		switch {
		case level == 1 && o.Type != discordgo.ApplicationCommandOptionSubCommand:
			c.add(at(p, "type"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Subcommand groups can only contain subcommands.")
		case level == 2 && isSub:
			c.add(at(p, "type"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Subcommands cannot contain subcommands or groups.")
		}
		if names[o.Name] {
			c.add(at(p, "name"), "APPLICATION_COMMAND_OPTION_NAME_NOT_UNIQUE", "Option names must be unique")
		}
		names[o.Name] = true
		if !isSub {
			if o.Required && optional {
				c.add(at(p, "required"), "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options")
			}
			if !o.Required {
				optional = true
			}
		}
		c.checkOption(p, o, level)
	}
	if level == 0 && subs > 0 && plain > 0 {
		c.add(path, "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Options cannot mix subcommands or groups with other option types.")
	}
	if level == 1 && len(opts) == 0 {
		c.items(path, 0, 1, maxOptions)
	}
}

func (c *checker) checkOption(path string, o *discordgo.ApplicationCommandOption, level int) {
	if o.Type < discordgo.ApplicationCommandOptionSubCommand || o.Type > discordgo.ApplicationCommandOptionAttachment {
		c.add(at(path, "type"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.")
	}
	c.checkName(at(path, "name"), o.Name)
	c.length(at(path, "description"), o.Description, 1, maxDescription)
	switch o.Type {
	case discordgo.ApplicationCommandOptionSubCommandGroup:
		c.checkOptions(at(path, "options"), o.Options, 1)
		return
	case discordgo.ApplicationCommandOptionSubCommand:
		c.checkOptions(at(path, "options"), o.Options, 2)
		return
	}
	if len(o.Options) > 0 {
		c.add(at(path, "options"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Only subcommands and groups can have options.")
	}
	choosable := o.Type == discordgo.ApplicationCommandOptionString ||
		o.Type == discordgo.ApplicationCommandOptionInteger ||
		o.Type == discordgo.ApplicationCommandOptionNumber
	if len(o.Choices) > 0 && !choosable {
		c.add(at(path, "choices"), "APPLICATION_COMMAND_OPTION_CHOICES_NOT_ALLOWED", "Only string, integer and number options can have choices.")
	}
	c.items(at(path, "choices"), len(o.Choices), 0, maxChoices)
	for i, ch := range o.Choices {
		cp := at(path, "choices", i)
		if ch == nil {
			c.required(cp)
			continue
		}
		c.checkChoice(cp, ch.Name, ch.Value)
		if f, ok := ch.Value.(float64); ok && o.Type == discordgo.ApplicationCommandOptionInteger && f != float64(int64(f)) {
			c.add(at(cp, "value"), "BASE_TYPE_INVALID", "Value must be an integer.")
		}
		if _, ok := ch.Value.(string); ok && o.Type != discordgo.ApplicationCommandOptionString {
			c.add(at(cp, "value"), "BASE_TYPE_INVALID", "Value must be a number.")
		}
	}
	if o.Autocomplete {
		if !choosable {
			c.add(at(path, "autocomplete"), "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_NOT_ALLOWED", "Only string, integer and number options can autocomplete.")
		}
		if len(o.Choices) > 0 {
			c.add(at(path, "autocomplete"), "APPLICATION_COMMAND_AUTOCOMPLETE_INCOMPATIBLE_WITH_CHOICES", "Autocomplete cannot be used with choices.")
		}
	}
	if o.MinLength != nil || o.MaxLength != 0 {
		if o.Type != discordgo.ApplicationCommandOptionString {
			c.add(at(path, "min_length"), "APPLICATION_COMMAND_OPTION_LENGTH_NOT_ALLOWED", "Only string options can have min_length and max_length.")
		}
		if o.MinLength != nil {
			c.intRange(at(path, "min_length"), *o.MinLength, 0, maxOptionLength)
		}
		if o.MaxLength != 0 {
			c.intRange(at(path, "max_length"), o.MaxLength, 1, maxOptionLength)
		}
		if o.MinLength != nil && o.MaxLength != 0 && *o.MinLength > o.MaxLength {
			c.add(at(path, "min_length"), "APPLICATION_COMMAND_OPTION_MIN_LENGTH_GREATER_THAN_MAX", "min_length must be less than or equal to max_length")
		}
	}
	if len(o.ChannelTypes) > 0 && o.Type != discordgo.ApplicationCommandOptionChannel {
		c.add(at(path, "channel_types"), "APPLICATION_COMMAND_OPTION_CHANNEL_TYPES_NOT_ALLOWED", "Only channel options can have channel_types.")
	}
}

// commandSize counts the characters Discord limits to 8000 per command:
// names, descriptions, and choice names and values, at every level.
func commandSize(cmd *discordgo.ApplicationCommand) int {
	n := utf8.RuneCountInString(cmd.Name) + utf8.RuneCountInString(cmd.Description)
	var walk func([]*discordgo.ApplicationCommandOption)
	walk = func(opts []*discordgo.ApplicationCommandOption) {
		for _, o := range opts {
			if o == nil {
				continue
			}
			n += utf8.RuneCountInString(o.Name) + utf8.RuneCountInString(o.Description)
			for _, ch := range o.Choices {
				if ch == nil {
					continue
				}
				n += utf8.RuneCountInString(ch.Name)
				switch v := ch.Value.(type) {
				case string:
					n += utf8.RuneCountInString(v)
				case float64:
					n += len(strconv.FormatFloat(v, 'f', -1, 64))
				}
			}
			walk(o.Options)
		}
	}
	walk(cmd.Options)
	return n
}

// violationLines formats violations for Server.Violations.
func violationLines(method, path string, vs []violation) []string {
	lines := make([]string, 0, len(vs))
	for _, v := range vs {
		field := v.path
		if field == "" {
			field = "(body)"
		}
		lines = append(lines, fmt.Sprintf("%s %s: %s: %s (%s)", method, path, field, v.msg, v.code))
	}
	sort.Strings(lines)
	return lines
}
