package bolt

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"time"
	"unicode/utf8"

	"github.com/disputebot/disputebot/knowledge"
)

// The format of the database, kept in meta: a database of a newer one is
// not opened (ErrFormat), and an older one would be converted.
const format = 1

// Bucket and key names.
var (
	bucketMeta    = []byte("meta")
	bucketGuilds  = []byte("guilds")
	bucketAsks    = []byte("asks")
	bucketAnswers = []byte("answers")
	bucketVotes   = []byte("votes")
	keyFormat     = []byte("format")
)

// Sizes of keys.
const (
	timeSize       = 8
	answerHashSize = 16
	voterHashSize  = 32
	askKeySize     = timeSize + answerHashSize
	voteKeySize    = answerHashSize + voterHashSize
)

// Limits on a stored ask, checked when it is read back: what Asked.Normalize
// lets through, with room to spare.
const (
	maxQuestionBytes = knowledge.MaxQuestionRunes * utf8.UTFMax
	maxPassageBytes  = 256
)

// castagnoli is the CRC of records: a bit flipped on disk that bbolt's
// page checks miss is found when the record is read.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// askKey is the key of an ask: the hour it was asked, so that asks sort
// by time and retention and reports read a range, then its answer hash.
// Only the hour is kept, not the moment: reports need no more, and a
// record is harder to match with a message.
func askKey(t time.Time, answer []byte) []byte {
	k := make([]byte, askKeySize)
	binary.BigEndian.PutUint64(k, uint64(t.Truncate(time.Hour).Unix()))
	copy(k[timeSize:], answer)
	return k
}

// timeKey is the smallest ask key of the hour t falls in.
func timeKey(t time.Time) []byte {
	k := make([]byte, timeSize)
	if t.Unix() > 0 {
		binary.BigEndian.PutUint64(k, uint64(t.Truncate(time.Hour).Unix()))
	}
	return k
}

// askTime is the time in an ask key.
func askTime(k []byte) time.Time {
	return time.Unix(int64(binary.BigEndian.Uint64(k)), 0).UTC()
}

// encodeAsk writes what an ask keeps besides its key:
//
//	format (1 byte) | flags (1 byte: 1 = answered)
//	| question length (uvarint) | question
//	| passage count (uvarint) | for each: length (uvarint) | passage id
//	| CRC-32C of all the above (4 bytes, big-endian)
func encodeAsk(a *knowledge.Asked) []byte {
	b := make([]byte, 0, 2+binary.MaxVarintLen64+len(a.Question)+8+len(a.Passages)*40+4)
	var flags byte
	if a.Answered {
		flags |= 1
	}
	b = append(b, format, flags)
	b = binary.AppendUvarint(b, uint64(len(a.Question)))
	b = append(b, a.Question...)
	b = binary.AppendUvarint(b, uint64(len(a.Passages)))
	for _, p := range a.Passages {
		b = binary.AppendUvarint(b, uint64(len(p)))
		b = append(b, p...)
	}
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// decodeAsk reads what encodeAsk wrote into a, checking the checksum and
// every bound, so that nothing on disk, however damaged, makes it panic
// or allocate much. Errors match ErrCorrupt.
func decodeAsk(b []byte, a *knowledge.Asked) error {
	if len(b) < 2+1+1+4 {
		return fmt.Errorf("%w: ask record of %d bytes", ErrCorrupt, len(b))
	}
	body, sum := b[:len(b)-4], binary.BigEndian.Uint32(b[len(b)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return fmt.Errorf("%w: ask record fails its checksum", ErrCorrupt)
	}
	if body[0] != format || body[1]&^1 != 0 {
		return fmt.Errorf("%w: ask record of format %d, flags %#x", ErrCorrupt, body[0], body[1])
	}
	a.Answered = body[1]&1 == 1
	rest := body[2:]
	next := func(limit int) (string, bool) {
		n, size := binary.Uvarint(rest)
		if size <= 0 || n > uint64(limit) || n > uint64(len(rest)-size) {
			return "", false
		}
		s := string(rest[size : size+int(n)])
		rest = rest[size+int(n):]
		return s, utf8.ValidString(s)
	}
	var ok bool
	if a.Question, ok = next(maxQuestionBytes); !ok || a.Question == "" {
		return fmt.Errorf("%w: ask record with a bad question", ErrCorrupt)
	}
	n, size := binary.Uvarint(rest)
	if size <= 0 || n > knowledge.MaxAskedPassages {
		return fmt.Errorf("%w: ask record with a bad passage count", ErrCorrupt)
	}
	rest = rest[size:]
	a.Passages = nil
	if n > 0 {
		a.Passages = make([]string, n)
	}
	for i := range a.Passages {
		if a.Passages[i], ok = next(maxPassageBytes); !ok {
			return fmt.Errorf("%w: ask record with a bad passage id", ErrCorrupt)
		}
	}
	if len(rest) != 0 {
		return fmt.Errorf("%w: ask record with %d bytes left over", ErrCorrupt, len(rest))
	}
	return nil
}

// Votes are one byte: the knowledge.Vote.
func encodeVote(v knowledge.Vote) []byte { return []byte{byte(v)} }

func decodeVote(b []byte) (knowledge.Vote, error) {
	if len(b) != 1 || !knowledge.Vote(b[0]).Valid() {
		return 0, fmt.Errorf("%w: vote record %x", ErrCorrupt, b)
	}
	return knowledge.Vote(b[0]), nil
}
