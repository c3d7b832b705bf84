package bot

import (
	"crypto/rand"
	"encoding/hex"
	"strings"

	"github.com/disputebot/disputebot/knowledge"
)

// A handler's error is either a refusal or a failure. A refusal is a
// *knowledge.Error whose code is not EINTERNAL: the question is empty, a
// date is not one, a link is not an article, the article is already there.
// It is the one kind of error a member is shown, in its own words. Anything else is a failure, which the member reads as
// an apology with an id that ties it to the log line. errorReply is where
// that is decided, for every handler.

// refusef returns a refusal in the bot's own words.
func refusef(format string, args ...any) error {
	return knowledge.Errorf(knowledge.EINVALID, format, args...)
}

// refusedAs puts what ("Not added") before the words of a refusal, so that
// a member knows what did not happen; a failure is returned as it is.
func refusedAs(what string, err error) error {
	code := knowledge.ErrorCode(err)
	if code == "" || code == knowledge.EINTERNAL {
		return err
	}
	return &knowledge.Error{Code: code, Message: what + ": " + knowledge.ErrorMessage(err), Err: err}
}

// errorReply is the one place where an error becomes what a member reads:
// a refusal in its own words, privately; a failure logged with a short id,
// and an apology that gives it.
func (b *Bot) errorReply(in *interaction, err error) *reply {
	if code := knowledge.ErrorCode(err); code != knowledge.EINTERNAL {
		in.outcome = OutcomeRefused
		return &reply{content: capitalize(inert(knowledge.ErrorMessage(err))), ephemeral: true}
	}
	in.outcome = OutcomeError
	id := errorID()
	b.log.Error("handling interaction", "error_id", id, "interaction", in.ID, "type", int(in.Type), "err", err)
	return apology(id)
}

// apology is the reply to a failure, with the id of its log line.
func apology(id string) *reply {
	return &reply{content: "Sorry, something went wrong on my side. (error id `" + id + "`)", ephemeral: true}
}

// inert keeps what a user typed, echoed in an error message such as
// `"<@&456>" is not a date`, from showing as a mention: a zero-width space
// after every @ breaks @everyone, @here, <@id> and <@&id>, as
// markdown.Escape does for corpus text.
func inert(s string) string { return strings.ReplaceAll(s, "@", "@\u200b") }

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// errorID is a short random id that ties a user's error message to the
// log line with the details.
func errorID() string {
	var b [4]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
