package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/disputebot/disputebot/knowledge"
)

// askPageSize is the number of answers a page of /ask shows.
const askPageSize = 3

// notCovered is the reply when the corpus has nothing on a question.
func notCovered(q knowledge.Query) *reply {
	var filters []string
	if len(q.Topics) > 0 {
		filters = append(filters, "topic "+q.Topics[0].Label())
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		filters = append(filters, "the date range you gave")
	}
	msg := "That isn't covered by my corpus, so I won't guess."
	if len(filters) > 0 {
		msg = "Nothing in my corpus answers that within " + strings.Join(filters, " and ") + "."
	}
	return &reply{ephemeral: true, notCovered: true, content: msg + "\n\nI answer questions about the Japan–South Korea dispute: " +
		"the 2018 wartime-labor rulings, Japan's 2019 export controls and the white lists, GSOMIA, " +
		"and the talks that followed. Try `/ask question: When did Japan tighten export controls?`, " +
		"`/topic`, or `/about`."}
}

// ask answers a question with the best passages of the corpus, a page at
// a time: the command the first page, its Next and Previous buttons the
// others, from the question the first page stored.
func (b *Bot) ask(ctx context.Context, in *interaction) (*reply, error) {
	q, key, answer := in.state.query, in.key, in.state.answer
	if !in.turn {
		o := commandOptions(in)
		var err error
		if q, err = query(in, o, o.str(optQuestion)); err != nil {
			return nil, err
		}
		q.Limit = askPageSize
		asker, now := in.asker(), b.clock()
		q.After = b.recent.last(asker, now)
		if err := q.Normalize(); err != nil {
			return nil, err
		}
		b.recent.remember(asker, q.Text, now)
	}
	q.Offset = in.page * askPageSize
	if q.Offset > knowledge.MaxOffset {
		return nil, refusef("That's as far as the results go.")
	}
	ans, err := b.searcher.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	if !in.turn {
		answer = b.record(in, q, ans)
	}
	if len(ans.Hits) == 0 {
		if in.turn {
			return nil, refusef("There are no more answers to that question.")
		}
		return notCovered(q), nil
	}
	if key == "" {
		key = b.pageStates.put(pageState{query: q, answer: answer})
	}
	return b.renderAsk(in.guild, ans, key, in.page, answer), nil
}

// renderAsk shows a page of answers: one embed per passage, and the vote
// buttons of answer when it is not "".
func (b *Bot) renderAsk(guild string, ans *knowledge.Answer, key string, page int, answer string) *reply {
	arts := b.articlesByID(guild)
	r := &reply{}
	for _, h := range ans.Hits {
		var sources []knowledge.Source
		if a := arts[h.ArticleID]; a != nil {
			sources = a.Sources
		}
		r.embeds = append(r.embeds, hitEmbed(h, sources))
	}
	r.content = fmt.Sprintf("**Answers from the corpus** (%d–%d)", page*askPageSize+1, page*askPageSize+len(ans.Hits))
	if ans.FollowUp {
		r.content += "\n" + followUpNote(ans.Query.After)
	}
	r.components = askButtons(key, page, ans.More, answer)
	return fit(r)
}

func (b *Bot) articlesByID(guild string) map[string]*knowledge.Article {
	out := map[string]*knowledge.Article{}
	for _, a := range b.library.Articles(guild) {
		out[a.ID] = a
	}
	return out
}
