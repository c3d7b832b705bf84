// Package bot puts disputebot on Discord: it registers the slash commands,
// answers them with quoted, sourced excerpts inside Discord's limits and
// deadlines, and keeps a public server safe from pings and formatting
// tricks in corpus text.
//
// It depends on interfaces it defines, never on the search index or the
// corpus store: Searcher answers questions, Library lists the articles a
// server sees, Curator changes the corpus for moderators, and, optionally,
// ProblemLister tells moderators of corpus files left out. app.Service is
// all four; cmd/disputebot wires it in. Feedback, also optional, records
// questions and votes (feedback.go); app.Feedback is one. Responder is how
// the bot talks to Discord, so that tests can record what it sends.
// Metrics is what it counts and times, for package metrics, which it does
// not import.
//
// Interactions arrive one of two ways, to the same handlers: over the
// gateway, one discordgo session per shard (Run, session.go), or as signed
// HTTP POSTs to an interactions endpoint (Endpoint, http.go), whose
// responder answers the first response in the HTTP reply.
//
// The way through the package, for one interaction: Bot.Handle, then the
// one table of commands (routes.go), whose middleware (middleware.go)
// limits the rate, checks moderators and answers within Discord's deadline
// by deferring; then a command's handler (ask.go, search.go, …), which
// answers the command and its page buttons alike; and errorReply
// (errors.go), the one place where an error becomes what a member reads.
//
// Subpackages: markdown renders corpus text as Discord Markdown, chart
// draws the timeline, and discordtest is a fake Discord for tests.
package bot
