package app

import (
	"context"
	"fmt"

	"github.com/disputebot/disputebot/knowledge"
)

// ImportItem is one article to import, and where it comes from (FILE or
// FILE:LINE), for messages and the audit log.
type ImportItem struct {
	Article *knowledge.Article
	Source  string
}

// CheckImport checks each item as Import will add it for by, without the
// corpus: it returns what is wrong with each item that the store would
// refuse, as "SOURCE: what is wrong", or nothing. An import is all or
// nothing: the caller imports only when this finds nothing.
func CheckImport(items []ImportItem, by knowledge.Actor) []string {
	var bad []string
	for _, it := range items {
		c := *it.Article
		complete(&c, by, true)
		if c.ID == "" {
			c.ID = "imported" // the store makes one
		}
		if c.AddedBy == "" {
			c.AddedBy = by.DisplayName()
		}
		if err := c.Validate(); err != nil {
			bad = append(bad, it.Source+": "+knowledge.ErrorMessage(err))
		}
	}
	return bad
}

// Imported is what Import did with one item: added it, or skipped it
// because it is a built-in article or already in the corpus (the same id,
// link or text), saying so.
type Imported struct {
	Item    ImportItem
	Skipped string // why it was skipped; "" when it was added
}

// Import adds items that CheckImport found nothing wrong with, by the rules
// of adding (see complete; each keeps the scope its record gives unless
// by.For names a server), and calls report after each. A failure to write
// stops it, and what was added before stays.
func (s *Service) Import(ctx context.Context, items []ImportItem, by knowledge.Actor, report func(Imported)) (added, skipped int, err error) {
	for _, it := range items {
		a := it.Article
		if s.store.IsBuiltin(a.ID) {
			report(Imported{it, a.ID + " is a built-in article"})
			skipped++
			continue
		}
		_, err := s.add(ctx, a, by, it.Source, true)
		switch {
		case knowledge.ErrorCode(err) == knowledge.ECONFLICT:
			report(Imported{it, knowledge.ErrorMessage(err)})
			skipped++
			continue
		case err != nil:
			return added, skipped, fmt.Errorf("%s: %w", it.Source, err)
		}
		report(Imported{Item: it})
		added++
	}
	return added, skipped, nil
}
