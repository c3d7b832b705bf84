package bot

import (
	"github.com/bwmarrin/discordgo"

	"github.com/disputebot/disputebot/knowledge"
)

// options reads the options of a command by name.
type options map[string]*discordgo.ApplicationCommandInteractionDataOption

func commandOptions(in *interaction) options {
	out := options{}
	for _, o := range in.ApplicationCommandData().Options {
		out[o.Name] = o
	}
	return out
}

// str returns a string option, or "" when it is absent or not a string
// (discordgo's StringValue panics on a type mismatch).
func (o options) str(name string) string {
	opt := o[name]
	if opt == nil {
		return ""
	}
	s, _ := opt.Value.(string)
	return s
}

// subcommand returns the subcommand of a command, such as /corpus, and its
// options.
func subcommand(in *interaction) (string, options) {
	data := in.ApplicationCommandData()
	if len(data.Options) == 0 {
		return "", options{}
	}
	sub := data.Options[0]
	o := options{}
	for _, opt := range sub.Options {
		o[opt.Name] = opt
	}
	return sub.Name, o
}

// query builds a knowledge query from the options that /ask, /search and
// /timeline share: the topic and the dates. A mistake in them is a
// refusal (see errorReply).
func query(in *interaction, o options, text string) (knowledge.Query, error) {
	q := knowledge.Query{Text: text, Guild: in.guild}
	if t := o.str(optTopic); t != "" {
		topic, err := knowledge.ParseTopic(t)
		if err != nil {
			return q, err
		}
		q.Topics = []knowledge.Topic{topic}
	}
	var err error
	if q.From, err = knowledge.ParseDateBound(o.str(optFrom), false); err != nil {
		return q, refusef("`from`: %v", err)
	}
	if q.To, err = knowledge.ParseDateBound(o.str(optTo), true); err != nil {
		return q, refusef("`to`: %v", err)
	}
	return q, nil
}
