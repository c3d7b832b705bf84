// Package index is disputebot's search engine: a bleve index over the
// passages of the corpus, and the retrieval that turns a question into the
// best quoted passages with their sources.
//
// It is the only package that imports bleve. The corpus files stay the system
// of record; an index can always be rebuilt from them, and is rebuilt when it
// is missing, unreadable or made with an older mapping.
package index
