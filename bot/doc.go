// Package bot puts disputebot on Discord: it registers the slash commands,
// answers them with quoted, sourced excerpts inside Discord's limits and
// deadlines, and keeps a public server safe from pings and formatting
// tricks in corpus text.
//
// It depends on two small interfaces it defines, Searcher and Library, and
// never on the search index itself; cmd/disputebot wires them. The
// subpackage discordtest is a fake Discord for tests.
package bot
