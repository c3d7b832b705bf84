package bolt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	bbolt "go.etcd.io/bbolt"

	"github.com/disputebot/disputebot/knowledge"
)

// FeedbackService is knowledge.FeedbackService on a DB.
type FeedbackService struct {
	db *DB
}

var _ knowledge.FeedbackService = (*FeedbackService)(nil)

// NewFeedbackService returns the feedback service of an open DB.
func NewFeedbackService(db *DB) *FeedbackService { return &FeedbackService{db: db} }

// checkEvery is how many records a long scan reads between looks at its
// context.
const checkEvery = 1024

// guild is the buckets of one guild in a transaction.
type guild struct {
	name                 string
	asks, answers, votes *bbolt.Bucket
}

// openGuild returns the buckets of a guild, nil if it has none (and
// create is false).
func openGuild(tx *bbolt.Tx, name string, create bool) (*guild, error) {
	guilds := tx.Bucket(bucketGuilds)
	if guilds == nil {
		return nil, fmt.Errorf("%w: no guilds bucket", ErrCorrupt)
	}
	b := guilds.Bucket([]byte(name))
	if b == nil && !create {
		return nil, nil
	}
	g := &guild{name: name}
	if b == nil {
		var err error
		if b, err = guilds.CreateBucket([]byte(name)); err != nil {
			return nil, err
		}
		for _, name := range [][]byte{bucketAsks, bucketAnswers, bucketVotes} {
			if _, err := b.CreateBucket(name); err != nil {
				return nil, err
			}
		}
	}
	g.asks, g.answers, g.votes = b.Bucket(bucketAsks), b.Bucket(bucketAnswers), b.Bucket(bucketVotes)
	if g.asks == nil || g.answers == nil || g.votes == nil {
		return nil, fmt.Errorf("%w: guild %s lacks a bucket", ErrCorrupt, name)
	}
	return g, nil
}

// forGuilds calls fn with the buckets of the guild named, or of every
// guild when name is "".
func forGuilds(tx *bbolt.Tx, name string, fn func(*guild) error) error {
	if name != "" {
		g, err := openGuild(tx, name, false)
		if err != nil || g == nil {
			return err
		}
		return fn(g)
	}
	guilds := tx.Bucket(bucketGuilds)
	if guilds == nil {
		return fmt.Errorf("%w: no guilds bucket", ErrCorrupt)
	}
	return guilds.ForEachBucket(func(k []byte) error {
		g, err := openGuild(tx, string(k), false)
		if err != nil {
			return err
		}
		return fn(g)
	})
}

// verifyGuild reads every record of a guild bucket (see verify).
func verifyGuild(b *bbolt.Bucket) error {
	if b == nil {
		return fmt.Errorf("%w: a guild is not a bucket", ErrCorrupt)
	}
	n := 0
	err := b.ForEach(func(k, v []byte) error {
		if v != nil || !(bytes.Equal(k, bucketAsks) || bytes.Equal(k, bucketAnswers) || bytes.Equal(k, bucketVotes)) {
			return fmt.Errorf("%w: unexpected key %q in a guild", ErrCorrupt, k)
		}
		n++
		return nil
	})
	if err != nil {
		return err
	}
	if n != 3 {
		return fmt.Errorf("%w: a guild has %d of its 3 buckets", ErrCorrupt, n)
	}
	var a knowledge.Asked
	check := func(name []byte, fn func(k, v []byte) error) error {
		return b.Bucket(name).ForEach(func(k, v []byte) error {
			if v == nil {
				return fmt.Errorf("%w: a bucket inside %s", ErrCorrupt, name)
			}
			return fn(k, v)
		})
	}
	if err := check(bucketAsks, func(k, v []byte) error {
		if len(k) != askKeySize {
			return fmt.Errorf("%w: ask key of %d bytes", ErrCorrupt, len(k))
		}
		return decodeAsk(v, &a)
	}); err != nil {
		return err
	}
	if err := check(bucketAnswers, func(k, v []byte) error {
		if len(k) != answerHashSize || len(v) != askKeySize {
			return fmt.Errorf("%w: answer entry of %d and %d bytes", ErrCorrupt, len(k), len(v))
		}
		return nil
	}); err != nil {
		return err
	}
	return check(bucketVotes, func(k, v []byte) error {
		if len(k) != voteKeySize {
			return fmt.Errorf("%w: vote key of %d bytes", ErrCorrupt, len(k))
		}
		_, err := decodeVote(v)
		return err
	})
}

// use runs fn with the bbolt database, held open for the call.
func (db *DB) use(fn func(*bbolt.DB) error) error {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.bolt == nil {
		return ErrClosed
	}
	return fn(db.bolt)
}

// Record stores an ask (see knowledge.FeedbackService). Its time, if
// zero, is the DB's clock; only the hour is kept.
func (s *FeedbackService) Record(ctx context.Context, a *knowledge.Asked) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	rec := *a // Normalize cleans the question: the caller's record stays as it was
	if rec.Time.IsZero() {
		rec.Time = s.db.now()
	}
	if err := rec.Normalize(); err != nil {
		return err
	}
	if rec.Time.Unix() <= 0 {
		return knowledge.Errorf(knowledge.EINVALID, "ask dated %v, before 1970", rec.Time)
	}
	err := s.db.use(func(b *bbolt.DB) error {
		ah := s.db.answerHash(rec.Guild, rec.Answer)
		key, val := askKey(rec.Time, ah), encodeAsk(&rec)
		// Batch, as votes do: asks come in bursts too, and each commit
		// is an fsync. Batch may run the function twice: it is
		// idempotent.
		return b.Batch(func(tx *bbolt.Tx) error {
			g, err := openGuild(tx, rec.Guild, true)
			if err != nil {
				return err
			}
			if old := g.answers.Get(ah); old != nil && !bytes.Equal(old, key) {
				if err := g.asks.Delete(old); err != nil {
					return err
				}
			}
			if err := g.asks.Put(key, val); err != nil {
				return err
			}
			return g.answers.Put(ah, key)
		})
	})
	if err != nil {
		return fmt.Errorf("record an ask: %w", err)
	}
	return nil
}

// errNoAnswer is a vote on an answer that is not recorded.
var errNoAnswer = knowledge.Errorf(knowledge.ENOTFOUND, "This answer is too old to vote on; ask again to vote.")

// Vote stores a member's vote under the keyed hash of the member and the
// answer (see knowledge.FeedbackService). It returns when the vote is on
// disk; concurrent votes share one commit.
func (s *FeedbackService) Vote(ctx context.Context, bl knowledge.Ballot) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := bl.Validate(); err != nil {
		return err
	}
	found := false
	err := s.db.use(func(b *bbolt.DB) error {
		ah := s.db.answerHash(bl.Guild, bl.Answer)
		key := make([]byte, 0, voteKeySize)
		key = append(append(key, ah...), s.db.voterHash(bl.Guild, bl.Answer, bl.Member)...)
		val := encodeVote(bl.Vote)
		// An unknown answer is not an error inside the batch, which
		// would roll back every vote in it and run them again one by one:
		// forged clicks must not cost the others.
		return b.Batch(func(tx *bbolt.Tx) error {
			found = false
			g, err := openGuild(tx, bl.Guild, false)
			if err != nil || g == nil || g.answers.Get(ah) == nil {
				return err
			}
			found = true
			return g.votes.Put(key, val)
		})
	})
	switch {
	case err != nil:
		return fmt.Errorf("record a vote: %w", err)
	case !found:
		return errNoAnswer
	}
	return nil
}

// countVotes adds the votes on the answer of an ask key to a.
func countVotes(g *guild, key []byte, a *knowledge.Asked) error {
	ah := key[timeSize:]
	c := g.votes.Cursor()
	for k, v := c.Seek(ah); k != nil && bytes.HasPrefix(k, ah); k, v = c.Next() {
		vote, err := decodeVote(v)
		if err != nil {
			return err
		}
		if vote == knowledge.Helpful {
			a.Helpful++
		} else {
			a.NotHelpful++
		}
	}
	return nil
}

// readAsk decodes an ask and its votes.
func readAsk(g *guild, k, v []byte, a *knowledge.Asked) error {
	*a = knowledge.Asked{Guild: g.name, Time: askTime(k)}
	if len(k) != askKeySize {
		return fmt.Errorf("%w: ask key of %d bytes", ErrCorrupt, len(k))
	}
	if err := decodeAsk(v, a); err != nil {
		return err
	}
	return countVotes(g, k, a)
}

// checkGuild checks the guild argument of a read: "" is every guild.
func checkGuild(name string) error {
	if name != "" && !knowledge.ValidSnowflake(name) {
		return knowledge.Errorf(knowledge.EINVALID, "invalid server id")
	}
	return nil
}

// Report sums up the asks of a guild (or of all, for "") asked in the
// hour of since or later.
func (s *FeedbackService) Report(ctx context.Context, guildID string, since time.Time) (*knowledge.FeedbackReport, error) {
	if err := checkGuild(guildID); err != nil {
		return nil, err
	}
	rep := &knowledge.FeedbackReport{Since: since}
	err := s.db.use(func(b *bbolt.DB) error {
		return b.View(func(tx *bbolt.Tx) error {
			return forGuilds(tx, guildID, func(g *guild) error {
				var a knowledge.Asked
				c := g.asks.Cursor()
				n := 0
				for k, v := c.Seek(timeKey(since)); k != nil; k, v = c.Next() {
					if n++; n%checkEvery == 0 && ctx.Err() != nil {
						return ctx.Err()
					}
					if err := readAsk(g, k, v, &a); err != nil {
						return err
					}
					rep.Add(&a)
				}
				return nil
			})
		})
	})
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("feedback report: %w", err)
	}
	return rep, nil
}

// Gaps returns the gaps of a guild (or of all, for "") asked in the hour
// of since or later: knowledge.FindGaps of the newest MaxGapAsks asks of
// each guild.
func (s *FeedbackService) Gaps(ctx context.Context, guildID string, since time.Time) ([]knowledge.Gap, error) {
	if err := checkGuild(guildID); err != nil {
		return nil, err
	}
	var asks []knowledge.Asked
	from := timeKey(since)
	err := s.db.use(func(b *bbolt.DB) error {
		return b.View(func(tx *bbolt.Tx) error {
			return forGuilds(tx, guildID, func(g *guild) error {
				c := g.asks.Cursor()
				n := 0
				for k, v := c.Last(); k != nil && bytes.Compare(k, from) >= 0 && n < knowledge.MaxGapAsks; k, v = c.Prev() {
					if n++; n%checkEvery == 0 && ctx.Err() != nil {
						return ctx.Err()
					}
					asks = append(asks, knowledge.Asked{})
					if err := readAsk(g, k, v, &asks[len(asks)-1]); err != nil {
						return err
					}
				}
				return nil
			})
		})
	})
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("feedback gaps: %w", err)
	}
	return knowledge.FindGaps(asks), nil
}

// Purge removes every record of a guild, then compacts the file so that
// their bytes are gone from it too.
func (s *FeedbackService) Purge(ctx context.Context, guildID string) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if !knowledge.ValidSnowflake(guildID) {
		return 0, knowledge.Errorf(knowledge.EINVALID, "invalid server id")
	}
	n := 0
	err := s.db.use(func(b *bbolt.DB) error {
		return b.Update(func(tx *bbolt.Tx) error {
			g, err := openGuild(tx, guildID, false)
			if err != nil || g == nil {
				return err
			}
			n = g.asks.Stats().KeyN
			return tx.Bucket(bucketGuilds).DeleteBucket([]byte(guildID))
		})
	})
	if err != nil {
		return 0, fmt.Errorf("purge feedback of %s: %w", guildID, err)
	}
	if n > 0 {
		if err := s.db.compact(); err != nil {
			return n, fmt.Errorf("purge feedback of %s: removed, but the file may still hold them: %w", guildID, err)
		}
	}
	return n, nil
}

// Prune removes the records asked longer than retention ago (only their
// hour is known: at most an hour early), compacts the file if any went,
// and removes files moved aside as corrupt that are as old.
func (s *FeedbackService) Prune(ctx context.Context, retention time.Duration) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if retention <= 0 {
		return 0, knowledge.Errorf(knowledge.EINVALID, "retention must be positive, not %v", retention)
	}
	return s.db.prune(retention)
}

func (db *DB) prune(retention time.Duration) (int, error) {
	cutoff := db.now().Add(-retention)
	n := 0
	err := db.use(func(b *bbolt.DB) error {
		return b.Update(func(tx *bbolt.Tx) error {
			n = 0
			var empty [][]byte
			err := forGuilds(tx, "", func(g *guild) error {
				var old [][]byte
				c := g.asks.Cursor()
				for k, _ := c.First(); k != nil && askTime(k).Before(cutoff); k, _ = c.Next() {
					old = append(old, bytes.Clone(k))
				}
				for _, k := range old {
					if err := removeAsk(g, k); err != nil {
						return err
					}
				}
				n += len(old)
				if k, _ := g.asks.Cursor().First(); k == nil {
					empty = append(empty, []byte(g.name))
				}
				return nil
			})
			if err != nil {
				return err
			}
			// A guild with no asks left goes whole: its id is a record too.
			for _, name := range empty {
				if err := tx.Bucket(bucketGuilds).DeleteBucket(name); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		return 0, fmt.Errorf("prune feedback: %w", err)
	}
	var errs []error
	if n > 0 {
		if err := db.compact(); err != nil {
			errs = append(errs, fmt.Errorf("prune feedback: removed %d, but the file may still hold them: %w", n, err))
		}
	}
	if err := db.sweepCorrupt(cutoff); err != nil {
		errs = append(errs, fmt.Errorf("prune feedback: %w", err))
	}
	return n, errors.Join(errs...)
}

// removeAsk deletes an ask, its answer entry and the votes on it.
func removeAsk(g *guild, k []byte) error {
	ah := k[timeSize:]
	if err := g.asks.Delete(k); err != nil {
		return err
	}
	// The answer may have been recorded again since, under a later key.
	if cur := g.answers.Get(ah); bytes.Equal(cur, k) {
		if err := g.answers.Delete(ah); err != nil {
			return err
		}
		var votes [][]byte
		c := g.votes.Cursor()
		for vk, _ := c.Seek(ah); vk != nil && bytes.HasPrefix(vk, ah); vk, _ = c.Next() {
			votes = append(votes, bytes.Clone(vk))
		}
		for _, vk := range votes {
			if err := g.votes.Delete(vk); err != nil {
				return err
			}
		}
	}
	return nil
}
