package bot

import (
	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// Command names.
const (
	cmdAsk    = "ask"
	cmdSearch = "search"
	cmdTopic  = "topic"
	cmdSource = "source"
	cmdAbout  = "about"
)

// Option names.
const (
	optQuestion = "question"
	optQuery    = "query"
	optTopic    = "topic"
	optFrom     = "from"
	optTo       = "to"
	optOrder    = "order"
	optName     = "name"
	optArticle  = "article"
)

func topicChoices(topics ...knowledge.Topic) []*discordgo.ApplicationCommandOptionChoice {
	var out []*discordgo.ApplicationCommandOptionChoice
	for _, t := range topics {
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: t.Label(), Value: string(t)})
	}
	return out
}

func dateOption(name, desc string) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionString, Name: name, Description: desc,
		MinLength: ptr(4), MaxLength: 10,
	}
}

func ptr[T any](v T) *T { return &v }

// Commands returns the slash commands the bot registers.
func Commands() []*discordgo.ApplicationCommand {
	allTopics := topicChoices(knowledge.Topics...)
	contexts := &[]discordgo.InteractionContextType{
		discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM,
	}
	return localize([]*discordgo.ApplicationCommand{
		{
			Name:        cmdAsk,
			Description: "Ask a question about the Japan–South Korea dispute; get quoted, sourced answers",
			Contexts:    contexts,
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optQuestion, Required: true,
					Description: "Your question, e.g. When did Japan tighten export controls?",
					MinLength:   ptr(1), MaxLength: knowledge.MaxQuestionRunes,
				},
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optTopic,
					Description: "Only answer from passages about this topic", Choices: allTopics,
				},
				dateOption(optFrom, "Only sources published on or after this date (YYYY-MM-DD or YYYY)"),
				dateOption(optTo, "Only sources published on or before this date (YYYY-MM-DD or YYYY)"),
			},
		},
		{
			Name:        cmdSearch,
			Description: "Find articles and notes in the corpus",
			Contexts:    contexts,
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optQuery, Required: true, Autocomplete: true,
					Description: "Words to look for, e.g. white list or GSOMIA",
					MinLength:   ptr(1), MaxLength: maxQueryLen,
				},
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optTopic,
					Description: "Only articles about this topic", Choices: allTopics,
				},
				dateOption(optFrom, "Published on or after this date (YYYY-MM-DD or YYYY)"),
				dateOption(optTo, "Published on or before this date (YYYY-MM-DD or YYYY)"),
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optOrder,
					Description: "Most relevant first (default) or newest first",
					Choices: []*discordgo.ApplicationCommandOptionChoice{
						{Name: "Most relevant first", Value: orderRelevance},
						{Name: "Newest first", Value: orderNewest},
					},
				},
			},
		},
		{
			Name:        cmdTopic,
			Description: "An overview of one strand of the dispute, in date order, with sources",
			Contexts:    contexts,
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optName, Required: true,
					Description: "Which strand of the dispute",
					Choices:     topicChoices(knowledge.TopicTalks, knowledge.TopicLaborRuling, knowledge.TopicExportControls),
				},
			},
		},
		{
			Name:        cmdSource,
			Description: "Show one article or note of the corpus: details, opening paragraphs, link",
			Contexts:    contexts,
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optArticle, Required: true, Autocomplete: true,
					Description: "Start typing a title", MinLength: ptr(1), MaxLength: 100,
				},
			},
		},
		timelineCommand(contexts),
		corpusCommand(),
		{
			Name:        cmdAbout,
			Description: "What this bot covers, how big its corpus is, and its version",
			Contexts:    contexts,
		},
	})
}
