// Package newsgen generates a deterministic, news-like corpus and questions
// for the search engine's benchmarks.
//
// The text is statistically, not grammatically, like news: words are drawn
// from a Zipf-like distribution (s ≈ 1.07) over a vocabulary of
// [VocabularySize] words whose top ranks are real English function words and
// common news words, and whose long tail is pronounceable pseudo-words.
// Sentences are sprinkled with the real names and terms of the Japan–South
// Korea dispute (Motegi, Kang Kyung-wha, export controls, the white list,
// GSOMIA, the Supreme Court, Nippon Steel, wartime labor, Seoul, Tokyo, ...),
// with dates such as "Dec. 16, 2019" and with numbers, at rates chosen so
// that a name is in a few per cent of passages and the two countries in most.
// Each article has a theme (talks, the labor rulings, export controls,
// security, or general news) that decides which names it favours, so names
// co-occur as they do in real reporting.
//
// Everything is a pure function of the seed: the same seed gives the same
// articles and questions, on every platform. The vocabulary itself does not
// depend on the seed; it leaves out the words that the glossary and the
// topic classifier of package knowledge know, so that no pseudo-word ever
// acts as a name or a topic cue.
package newsgen
