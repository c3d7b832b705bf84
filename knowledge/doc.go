// Package knowledge holds disputebot's domain: the articles of the corpus and
// the passages cut from them, the topics they are tagged with, the glossary of
// names and terms that questions are rewritten with, and the queries, hits and
// answers that flow between the Discord bot and the search index.
//
// It depends on the standard library and a YAML parser only, so that every
// other package can share its types without pulling in Discord or bleve.
package knowledge
