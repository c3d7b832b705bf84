module github.com/disputebot/disputebot/knowledge/dictionary/internal/countrygen

go 1.26.0

require golang.org/x/text v0.43.0
