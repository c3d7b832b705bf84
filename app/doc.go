// Package app is disputebot's application service: the corpus store, the
// search index and the web fetcher behind one type, Service, which the
// Discord bot (through its Searcher, Library and Curator interfaces) and
// the command line both use. It is the one place for the rules of the
// corpus:
//
//   - adding an article, from a link, a file, the /corpus add form or an
//     import, and removing one (change.go, import.go);
//   - which articles a server sees (knowledge.Visible), and what is wrong
//     with the corpus files left out;
//   - the feedback records of DATA_DIR, what members asked and how they
//     voted, kept by package bolt (feedback.go);
//   - how processes share DATA_DIR: one running bot, commands beside it,
//     and every file written as the owner of DATA_DIR (datadir.go,
//     snapshot.go).
//
// cmd/disputebot opens a Service once per run with the Access its command
// needs (Open), and wires it into the bot.
package app
