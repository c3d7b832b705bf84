package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/joho/godotenv"
)

// .env is parsed by godotenv (github.com/joho/godotenv), so its syntax is
// godotenv's: NAME=value (or NAME: value), "export " before the name, #
// comments, values in single quotes as written, values in double quotes
// with \n and \r escapes, both of which may span lines, and $NAME or
// ${NAME} in unquoted and double-quoted values replaced by what the file
// set earlier for that name.
//
// A .env file also holds the bot token, and godotenv's errors quote the
// text they could not parse, which may be the token. So they are never
// shown: checkDotEnv first walks the file the way godotenv does, only to
// find where a mistake is, and tells it in words of its own that name the
// line, and the setting when the name is one of ours, never any value. Only
// a file it passes is handed to godotenv. The check also refuses a few
// lines godotenv would take the wrong way without a word: a line without =
// (godotenv files it, and what follows, under an empty name), a name with
// a space in it, and text after a closing quote.

// maxDotEnvBytes bounds .env: settings, not data.
const maxDotEnvBytes = 64 << 10

// dotEnv is what a .env file sets: the value and the line of each name.
type dotEnv struct {
	file   string
	values map[string]string
	lines  map[string]int
}

// dotEnvError is a mistake in .env. Its message never holds a value.
type dotEnvError struct {
	file string
	line int    // 0 when not known
	name string // a known setting's name, or ""
	msg  string
}

func (e *dotEnvError) Error() string {
	where := e.file
	if e.line > 0 {
		where = fmt.Sprintf("%s line %d", e.file, e.line)
	}
	if e.name != "" {
		return fmt.Sprintf("%s (%s): %s", e.name, where, e.msg)
	}
	return where + ": " + e.msg
}

// settingNames are the names disputebot reads; errors name only these, or
// names that look like environment variables (capitals, digits and
// underscores), since a line that is wrong may hold a token where the name
// should be.
var settingNames = []string{
	"DISCORD_TOKEN", "DISCORD_GUILD_ID", "DISCORD_API_BASE", "RATE_LIMIT", "MODERATOR_ROLE_IDS",
	"ALLOW_PRIVATE_FETCH", "DATA_DIR", "LOG_LEVEL",
}

var envLikeName = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,39}$`)

// shownName is name if it may appear in a message, else "". A token is
// mixed-case base64, never all capitals.
func shownName(name string) string {
	if slices.Contains(settingNames, name) || envLikeName.MatchString(name) {
		return name
	}
	return ""
}

// readDotEnv reads the .env file at path; a missing file sets nothing.
func readDotEnv(path string) (*dotEnv, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &dotEnv{file: path, values: map[string]string{}, lines: map[string]int{}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxDotEnvBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > maxDotEnvBytes {
		return nil, fmt.Errorf("%s is larger than %d KiB; it should hold a few settings only", path, maxDotEnvBytes>>10)
	}
	return parseDotEnv(path, data)
}

// parseDotEnv parses the contents of a .env file named file: checkDotEnv
// finds the mistakes and the line of each setting, godotenv the values.
func parseDotEnv(file string, data []byte) (*dotEnv, error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, &dotEnvError{file: file, line: 1 + bytes.Count(data[:i], []byte("\n")), msg: "holds a NUL byte; is it a text file?"}
	}
	// Windows editors may begin the file with a byte order mark, which
	// godotenv would take for part of the first name. godotenv turns CRLF
	// into LF itself; it is done here first so that both read the same bytes.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	stmts, err := checkDotEnv(file, data)
	if err != nil {
		return nil, err
	}
	values, err := godotenv.UnmarshalBytes(data)
	if err != nil {
		// Its message may quote the token: only where it failed is told.
		return nil, godotenvFailure(file, data, stmts)
	}
	env := &dotEnv{file: file, values: values, lines: map[string]int{}}
	for _, s := range stmts {
		env.lines[s.name] = s.line // a name set twice: the last one counts, in godotenv too
	}
	return env, nil
}

// dotEnvStatement is one setting in a .env file: its name, the line it
// starts on, and the offset where the next one may start.
type dotEnvStatement struct {
	name string
	line int
	end  int
}

// checkDotEnv walks src, which has LF line ends, statement by statement as
// godotenv's parser does (godotenv v1.5.1, parser.go), and returns the
// statements, or the first mistake, told by line. It accepts less than
// godotenv: only ASCII names, and none of the lines godotenv would misread
// silently; so a file it passes, godotenv parses, with the same names.
func checkDotEnv(file string, src []byte) ([]dotEnvStatement, error) {
	var stmts []dotEnvStatement
	lastOff, lastLine := 0, 1
	lineAt := func(off int) int { // offsets only grow
		lastLine += bytes.Count(src[lastOff:off], []byte("\n"))
		lastOff = off
		return lastLine
	}
	pos := 0
	for {
		// The statement starts at the first character that is not white
		// space; lines that start with # are comments.
		start := statementStart(src, pos)
		if start < 0 {
			return stmts, nil
		}
		line := lineAt(start)
		fail := func(line int, name, msg string) error {
			return &dotEnvError{file: file, line: line, name: shownName(name), msg: msg}
		}

		// The name, after an optional "export ", up to = or :.
		s := bytes.TrimLeftFunc(src[start:], godotenvIsSpace)
		if rest, ok := bytes.CutPrefix(s, []byte("export")); ok && bytes.IndexFunc(rest, godotenvIsSpace) == 0 {
			s = bytes.TrimLeftFunc(rest, godotenvIsSpace)
		}
		sep := bytes.IndexAny(s, "=:\n")
		if sep < 0 || s[sep] == '\n' {
			return nil, fail(line, "", "expected NAME=value, such as LOG_LEVEL=info "+
				"(a line of its own is taken for a value without its name: is the name and = missing?)")
		}
		name := string(bytes.TrimRightFunc(s[:sep], godotenvIsSpace))
		if name == "" {
			return nil, fail(line, "", "the name before = is missing; write NAME=value, such as LOG_LEVEL=info")
		}
		if !dotEnvName(name) {
			return nil, fail(line, "", "the name before = must be letters, digits, underscores and dots, "+
				"with no spaces, such as DISCORD_TOKEN")
		}

		// The value: quoted, up to the closing quote, which may be on a
		// later line; else up to the end of the line.
		v := bytes.TrimLeftFunc(s[sep+1:], godotenvIsSpace)
		off := len(src) - len(v)
		if len(v) == 0 || (v[0] != '"' && v[0] != '\'') {
			end := bytes.IndexFunc(v, func(r rune) bool { return r == '\n' || r == '\r' })
			if end < 0 {
				end = len(v)
			}
			stmts = append(stmts, dotEnvStatement{name: name, line: line, end: off + end})
			pos = off + end
			continue
		}
		quote := v[0]
		closing := -1
		for i := 1; i < len(v); i++ {
			// godotenv takes a quote after a backslash for part of the value.
			if v[i] == quote && v[i-1] != '\\' {
				closing = i
				break
			}
		}
		if closing < 0 {
			return nil, fail(line, name, fmt.Sprintf("the value opens a quote (%c) that is never closed; "+
				"end the value with %c, or remove the opening one", quote, quote))
		}
		after := v[closing+1:]
		if nl := bytes.IndexByte(after, '\n'); nl >= 0 {
			after = after[:nl]
		}
		if rest := bytes.TrimLeftFunc(after, unicode.IsSpace); len(rest) > 0 && rest[0] != '#' {
			return nil, fail(lineAt(off+closing), name, fmt.Sprintf("after the closing %c only a # comment may follow; "+
				"put the whole value inside the quotes, and each setting on a line of its own", quote))
		}
		stmts = append(stmts, dotEnvStatement{name: name, line: line, end: off + closing + 1})
		pos = off + closing + 1
	}
}

// statementStart is where the next statement starts at or after pos, past
// white space and # comment lines, or -1 at the end, as godotenv sees it.
func statementStart(src []byte, pos int) int {
	for {
		i := bytes.IndexFunc(src[pos:], func(r rune) bool { return !unicode.IsSpace(r) })
		if i < 0 {
			return -1
		}
		pos += i
		if src[pos] != '#' {
			return pos
		}
		nl := bytes.IndexByte(src[pos:], '\n')
		if nl < 0 {
			return -1
		}
		pos += nl
	}
}

// godotenvIsSpace is godotenv's white space within a line.
func godotenvIsSpace(r rune) bool {
	switch r {
	case '\t', '\v', '\f', '\r', ' ', 0x85, 0xA0:
		return true
	}
	return false
}

// dotEnvName reports whether name is one godotenv reads as a whole: ASCII
// letters, digits, underscores and dots.
func dotEnvName(name string) bool {
	for _, c := range []byte(name) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// msgGodotenvRefused tells of a file godotenv refused after checkDotEnv
// passed it, which FuzzDotEnv has not found a case of.
const msgGodotenvRefused = "could not be read as a .env file; check the quotes and that each line is NAME=value"

// godotenvFailure describes a file that checkDotEnv passed and godotenv
// refused, without godotenv's message: the statement it fails at is found
// by a binary search over the beginnings of the file that end with a
// statement, the first one godotenv refuses.
func godotenvFailure(file string, data []byte, stmts []dotEnvStatement) error {
	fails := func(i int) bool {
		end := len(data)
		if i < len(stmts)-1 {
			end = stmts[i].end
		}
		_, err := godotenv.UnmarshalBytes(data[:end])
		return err != nil
	}
	n := -1 // the first statement whose beginning of the file fails
	for lo, hi := 0, len(stmts); lo < hi; {
		mid := (lo + hi) / 2
		if fails(mid) {
			n, hi = mid, mid
		} else {
			lo = mid + 1
		}
	}
	if n < 0 {
		return &dotEnvError{file: file, msg: msgGodotenvRefused}
	}
	return &dotEnvError{file: file, line: stmts[n].line, name: shownName(stmts[n].name), msg: msgGodotenvRefused}
}

// Env returns the settings: the environment's, and where the environment
// does not set a name, the file's, so that .env never overrides what the
// environment already sets. It also tells where each setting comes from,
// for error messages (see Env.where).
func (d *dotEnv) Env(lookup func(string) (string, bool)) Env {
	return func(key string) string {
		if name, ok := strings.CutPrefix(key, whereKey); ok {
			if _, set := lookup(name); set {
				return "environment"
			}
			if n, ok := d.lines[name]; ok {
				return fmt.Sprintf("%s line %d", d.file, n)
			}
			return ""
		}
		if v, ok := lookup(key); ok {
			return v
		}
		return d.values[key]
	}
}
