package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// Curator changes the corpus on behalf of a server's moderators;
// app.Service is one, which cmd/disputebot wires in. A refusal (a bad link,
// a duplicate, an article that is not the server's) is a *knowledge.Error
// whose message the moderator is shown.
type Curator interface {
	// AddURL fetches a web page and adds its article.
	AddURL(ctx context.Context, url string, by knowledge.Actor) (*knowledge.Article, error)
	// AddFileURL downloads an uploaded file (.txt, .md, .html) and adds it.
	AddFileURL(ctx context.Context, name, url string, by knowledge.Actor) (*knowledge.Article, error)
	// AddArticle adds an article typed into the form.
	AddArticle(ctx context.Context, a *knowledge.Article, by knowledge.Actor, source string) (*knowledge.Article, error)
	// Remove removes one of the server's articles.
	Remove(ctx context.Context, id string, by knowledge.Actor) (*knowledge.Article, error)
	// History returns the server's latest corpus changes, newest first.
	History(guild string, n int) ([]knowledge.Change, error)
}

// The /corpus command and its parts.
const (
	cmdCorpus        = "corpus"
	subAdd           = "add"
	subRemove        = "remove"
	subList          = "list"
	subHistory       = "history"
	optURL           = "url"
	optFile          = "file"
	maxUploadBytes   = 1 << 20
	corpusPageSize   = 10
	historyShown     = 15
	formTextMaxRunes = 4000 // Discord's longest text input
)

// Fields of the add form.
const (
	fieldTitle     = "title"
	fieldPublisher = "publisher"
	fieldDate      = "date"
	fieldURL       = "url"
	fieldText      = "text"
)

// corpusCommand is /corpus, shown only to members who can manage the server
// (server admins may change that; the moderated middleware checks again).
func corpusCommand() *discordgo.ApplicationCommand {
	perm := int64(discordgo.PermissionManageGuild)
	return &discordgo.ApplicationCommand{
		Name:                     cmdCorpus,
		Description:              "Moderators: add, remove and review this server's articles",
		DefaultMemberPermissions: &perm,
		Contexts:                 &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
		Options: []*discordgo.ApplicationCommandOption{
			{
				Type: discordgo.ApplicationCommandOptionSubCommand, Name: subAdd,
				Description: "Add an article by link or file; with neither, type it into a form",
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionString, Name: optURL, Description: "Link to the article (http or https)", MaxLength: 2048},
					{Type: discordgo.ApplicationCommandOptionAttachment, Name: optFile, Description: "A .txt, .md or .html file, up to 1 MB"},
				},
			},
			{
				Type: discordgo.ApplicationCommandOptionSubCommand, Name: subRemove,
				Description: "Remove one of this server's articles",
				Options: []*discordgo.ApplicationCommandOption{
					{Type: discordgo.ApplicationCommandOptionString, Name: optArticle, Required: true, Autocomplete: true,
						Description: "Start typing its title", MinLength: ptr(1), MaxLength: 100},
				},
			},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: subList, Description: "List the articles this server added"},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: subHistory, Description: "The latest changes to this server's articles: who, what, when"},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: subGaps, Description: "Questions asked here in the last 30 days that the corpus could not answer"},
		},
	}
}

// actor is who changes the corpus: the member, from the server.
func (b *Bot) actor(in *interaction) knowledge.Actor {
	a := knowledge.Actor{ID: in.userID, Guild: in.guild}
	if u := userOf(in.Interaction); u != nil {
		a.Name = u.Username
		if u.GlobalName != "" {
			a.Name = u.GlobalName
		}
	}
	return a
}

// corpusModal is what /corpus add with neither a link nor a file opens:
// a form for an article typed or pasted in.
func corpusModal() *discordgo.InteractionResponse {
	input := func(id, label string, style discordgo.TextInputStyle, required bool, max int, placeholder string) discordgo.ActionsRow {
		return discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.TextInput{
			CustomID: id, Label: label, Style: style, Required: required, MaxLength: max, Placeholder: placeholder,
		}}}
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseModal,
		Data: &discordgo.InteractionResponseData{
			CustomID: formID(cmdCorpus, subAdd),
			Title:    "Add an article",
			Components: []discordgo.MessageComponent{
				input(fieldTitle, "Title", discordgo.TextInputShort, true, knowledge.MaxTitleLen, "Headline of the article"),
				input(fieldPublisher, "Publisher", discordgo.TextInputShort, true, knowledge.MaxFieldLen, "e.g. Kyodo News"),
				input(fieldDate, "Date published (YYYY-MM-DD)", discordgo.TextInputShort, true, 10, "2019-12-16"),
				input(fieldURL, "Link (optional)", discordgo.TextInputShort, false, 2048, "https://..."),
				input(fieldText, "Text (paragraphs separated by a blank line)", discordgo.TextInputParagraph, true, formTextMaxRunes, ""),
			},
		},
	}
}

// opensForm answers /corpus add with neither a link nor a file with the
// form to type an article into (corpusModal), which must be the first
// response: it is the outermost middleware of /corpus add.
func (b *Bot) opensForm(next answerFunc) answerFunc {
	return func(r Responder, in *interaction) {
		if _, o := subcommand(in); o.str(optURL) == "" && o.str(optFile) == "" && b.moderator(in) && b.curator != nil {
			if err := r.Respond(context.Background(), in.Interaction, corpusModal()); err != nil {
				b.log.Error("open form", "interaction", in.ID, "err", err)
				in.outcome = OutcomeError
				return
			}
			b.metrics.FirstResponse(time.Since(in.start))
			in.outcome = OutcomeAnswered
			return
		}
		next(r, in)
	}
}

// corpusAdd adds an article by link or by an uploaded file.
func (b *Bot) corpusAdd(ctx context.Context, in *interaction) (*reply, error) {
	_, o := subcommand(in)
	var a *knowledge.Article
	var err error
	if id := o.str(optFile); id != "" {
		att := in.ApplicationCommandData().Resolved
		if att == nil || att.Attachments[id] == nil {
			return nil, refusef("I didn't receive the file; please attach it again.")
		}
		f := att.Attachments[id]
		if f.Size > maxUploadBytes {
			return nil, refusef("That file is %d KB; I take files up to 1 MB.", f.Size>>10)
		}
		a, err = b.curator.AddFileURL(ctx, f.Filename, f.URL, b.actor(in))
	} else {
		a, err = b.curator.AddURL(ctx, o.str(optURL), b.actor(in))
	}
	if err != nil {
		return nil, refusedAs("Not added", err)
	}
	return added(a), nil
}

// corpusRemove removes one of the server's articles.
func (b *Bot) corpusRemove(ctx context.Context, in *interaction) (*reply, error) {
	_, o := subcommand(in)
	a, err := b.curator.Remove(ctx, o.str(optArticle), b.actor(in))
	if err != nil {
		return nil, refusedAs("Not removed", err)
	}
	return &reply{ephemeral: true, content: "Removed **" + text(a.Title, 300) + "**. It no longer appears in answers here."}, nil
}

// added confirms an article with what was stored.
func added(a *knowledge.Article) *reply {
	passages, topics := a.Passages(), a.PassageTopics()
	e := &discordgo.MessageEmbed{
		Title: text(a.Title, maxEmbedTitle),
		URL:   safeURL(a.URL),
		Color: topicColor(topics),
		Fields: []*discordgo.MessageEmbedField{
			{Name: "Publisher", Value: text(a.Publisher, 200), Inline: true},
			{Name: "Published", Value: a.Published.Format("2 January 2006"), Inline: true},
			{Name: "Passages", Value: fmt.Sprint(len(passages)), Inline: true},
			{Name: "Topics", Value: text(topicLabels(topics), 200), Inline: true},
			{Name: "Id", Value: "`" + a.ID + "`", Inline: true},
		},
		Footer: &discordgo.MessageEmbedFooter{Text: "Visible to this server only. /ask finds it from now on."},
	}
	return fit(&reply{ephemeral: true, content: "Added to this server's corpus:", embeds: []*discordgo.MessageEmbed{e}})
}

// ownArticles are the articles a server added itself, newest first.
func (b *Bot) ownArticles(guild string) []*knowledge.Article {
	var own []*knowledge.Article
	for _, a := range b.library.Articles(guild) {
		if !a.IsGlobal() && a.Scope == guild {
			own = append(own, a)
		}
	}
	slices.SortStableFunc(own, func(x, y *knowledge.Article) int { return y.AddedAt.Compare(x.AddedAt) })
	return own
}

// corpusList lists the articles the server added, a page at a time.
func (b *Bot) corpusList(ctx context.Context, in *interaction) (*reply, error) {
	page := in.page
	own := b.ownArticles(in.guild)
	if len(own) == 0 {
		return &reply{ephemeral: true, content: "This server has added no articles yet. Use `/corpus add` with a link, a file, or nothing to type one in."}, nil
	}
	pages := (len(own) + corpusPageSize - 1) / corpusPageSize
	page = min(max(page, 0), pages-1)
	var lines []string
	for _, a := range own[page*corpusPageSize : min(len(own), (page+1)*corpusPageSize)] {
		lines = append(lines, fmt.Sprintf("**%s** · %s · %s\n`%s` · added by %s",
			link(a.Title, a.URL, 400), text(a.Publisher, 80), a.Published.Format("2006-01-02"), a.ID, text(a.AddedBy, 80)))
	}
	e := &discordgo.MessageEmbed{
		Title:       "Articles added by this server",
		Description: strings.Join(lines, "\n\n"),
		Color:       0x64748b,
		Footer:      &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%d articles · page %d of %d", len(own), page+1, pages)},
	}
	return fit(&reply{ephemeral: true, embeds: []*discordgo.MessageEmbed{e}, components: pageButtons(cmdCorpus+":"+subList, page, page+1 < pages)}), nil
}

// listPages is the pager of /corpus list, whose buttons carry only the
// subcommand's name: the list is made anew for each page.
func listPages(string) (pageState, bool) { return pageState{}, true }

// corpusHistory shows the latest changes to the server's articles.
func (b *Bot) corpusHistory(ctx context.Context, in *interaction) (*reply, error) {
	changes, err := b.curator.History(in.guild, historyShown)
	if err != nil {
		return nil, err
	}
	if len(changes) == 0 {
		return &reply{ephemeral: true, content: "No changes yet."}, nil
	}
	var lines []string
	for _, c := range changes {
		who := text(c.ByName, 80)
		if snowflakeID(c.By) {
			who = "<@" + c.By + ">" // shown as the member's name; allowed_mentions keeps it from pinging
		}
		verb := "added"
		if c.Action == "remove" {
			verb = "removed"
		}
		lines = append(lines, fmt.Sprintf("<t:%d:R> %s %s **%s** (`%s`)", c.Time.Unix(), who, verb, text(c.Title, 200), c.Article))
	}
	e := &discordgo.MessageEmbed{Title: "Latest changes to this server's articles", Description: strings.Join(lines, "\n"), Color: 0x64748b}
	return fit(&reply{ephemeral: true, embeds: []*discordgo.MessageEmbed{e}}), nil
}

func snowflakeID(s string) bool {
	if len(s) < 17 || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// corpusForm adds the article typed into the form.
func (b *Bot) corpusForm(ctx context.Context, in *interaction) (*reply, error) {
	fields := map[string]string{}
	for _, row := range in.ModalSubmitData().Components {
		r, ok := row.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, c := range r.Components {
			if ti, ok := c.(*discordgo.TextInput); ok {
				fields[ti.CustomID] = ti.Value
			}
		}
	}
	published, err := time.Parse("2006-01-02", strings.TrimSpace(fields[fieldDate]))
	if err != nil {
		return nil, refusef("Not added: the date %q is not in the form 2019-12-16.", clip(fields[fieldDate], 20))
	}
	a := &knowledge.Article{
		Title: knowledge.CleanText(fields[fieldTitle]), Publisher: knowledge.CleanText(fields[fieldPublisher]),
		URL: strings.TrimSpace(fields[fieldURL]), Published: published, Kind: knowledge.KindArticle, Language: "en",
		Body: knowledge.ParseBody(fields[fieldText]),
	}
	words := 0
	for _, p := range a.Body {
		words += len(strings.Fields(p.Text))
	}
	if words < 20 {
		return nil, refusef("Not added: the text has only %d words.", words)
	}
	got, err := b.curator.AddArticle(ctx, a, b.actor(in), "form")
	if err != nil {
		return nil, refusedAs("Not added", err)
	}
	return added(got), nil
}
