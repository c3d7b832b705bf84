module github.com/disputebot/disputebot/knowledge/dictionary/internal/ipagen

go 1.24.0

require github.com/ikawaha/kagome-dict/ipa v1.2.6

require github.com/ikawaha/kagome-dict v1.1.7 // indirect
