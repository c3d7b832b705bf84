package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
)

// A .env file holds the bot token, so nothing read from it is ever put in a
// message: an error names the line, and the setting when the name is one of
// ours, but never the value, which may be the token or a part of it. That
// is why disputebot reads .env itself rather than with a library whose
// errors quote what they could not parse.
//
// The syntax is the usual one: NAME=value lines, an optional "export "
// before the name, # comments on their own lines or after an unquoted value
// and a space, values in single quotes taken literally, values in double
// quotes with \n, \t, \", \\ and \$ escapes, both of which may span lines,
// and $NAME or ${NAME} in unquoted and double-quoted values replaced by the
// setting of that name (from the environment, else from the file above).

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
	line int
	name string // a known setting's name, or ""
	msg  string
}

func (e *dotEnvError) Error() string {
	where := fmt.Sprintf("%s line %d", e.file, e.line)
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

var (
	envName      = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	envLikeName  = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,39}$`)
	envReference = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)`)
)

// shownName is name if it may appear in a message, else "". A token is
// mixed-case base64, never all capitals.
func shownName(name string) string {
	if slices.Contains(settingNames, name) || envLikeName.MatchString(name) {
		return name
	}
	return ""
}

// readDotEnv reads the .env file at path; a missing file sets nothing.
// lookup is the environment, for $NAME references.
func readDotEnv(path string, lookup func(string) (string, bool)) (*dotEnv, error) {
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
	return parseDotEnv(path, string(data), lookup)
}

// parseDotEnv parses the text of a .env file named file.
func parseDotEnv(file, text string, lookup func(string) (string, bool)) (*dotEnv, error) {
	env := &dotEnv{file: file, values: map[string]string{}, lines: map[string]int{}}
	if i := strings.IndexByte(text, 0); i >= 0 {
		return nil, &dotEnvError{file: file, line: 1 + strings.Count(text[:i], "\n"), msg: "holds a NUL byte; is it a text file?"}
	}
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	resolve := func(name string) string {
		if v, ok := lookup(name); ok {
			return v
		}
		return env.values[name]
	}
	for i := 0; i < len(lines); i++ {
		n := i + 1
		line := strings.TrimSpace(lines[i])
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "export"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
			line = strings.TrimSpace(rest)
		}
		name, value, ok := strings.Cut(line, "=")
		name = strings.TrimSpace(name)
		if !ok {
			return nil, &dotEnvError{file: file, line: n, msg: "expected NAME=value, such as LOG_LEVEL=info " +
				"(a line of its own is taken for a value without its name: is the name and = missing?)"}
		}
		if !envName.MatchString(name) {
			return nil, &dotEnvError{file: file, line: n, msg: "the name before = must be letters, digits and " +
				"underscores, such as DISCORD_TOKEN"}
		}
		shown := shownName(name)
		fail := func(line int, msg string) error {
			return &dotEnvError{file: file, line: line, name: shown, msg: msg}
		}
		value = strings.TrimLeft(value, " \t")
		switch {
		case strings.HasPrefix(value, "'") || strings.HasPrefix(value, `"`):
			quote := value[0]
			body, end, rest, err := quoted(lines, i, value[1:], quote)
			if err != nil {
				return nil, fail(n, err.Error())
			}
			rest = strings.TrimSpace(rest)
			if rest != "" && !strings.HasPrefix(rest, "#") {
				return nil, fail(end+1, fmt.Sprintf("after the closing %c only a # comment may follow; "+
					"put the whole value inside the quotes", quote))
			}
			if quote == '"' {
				body = expand(body, resolve)
			}
			value = body
			i = end
		default:
			if j := commentStart(value); j >= 0 {
				value = value[:j]
			}
			value = expand(strings.TrimSpace(value), resolve)
		}
		env.values[name], env.lines[name] = value, n
	}
	return env, nil
}

// quoted reads a quoted value whose first line, line i, goes on with s
// after the opening quote, and which may continue on the lines after it. It
// returns the value, the index of the line where it ends, and what follows
// the closing quote there.
func quoted(lines []string, i int, s string, quote byte) (value string, end int, rest string, err error) {
	var b strings.Builder
	for j := i; ; {
		for k := 0; k < len(s); k++ {
			c := s[k]
			switch {
			case c == quote:
				return b.String(), j, s[k+1:], nil
			case c == '\\' && quote == '"' && k+1 < len(s):
				k++
				switch s[k] {
				case 'n':
					b.WriteByte('\n')
				case 't':
					b.WriteByte('\t')
				case 'r':
					b.WriteByte('\r')
				case '$':
					b.WriteString(dollar) // kept from expand, which puts it back
				default: // \" \\ and anything else: the character itself
					b.WriteByte(s[k])
				}
			default:
				b.WriteByte(c)
			}
		}
		j++
		if j >= len(lines) {
			return "", 0, "", fmt.Errorf("the value opens a quote (%c) that is never closed; "+
				"end the value with %c, or remove the opening one", quote, quote)
		}
		b.WriteByte('\n')
		s = lines[j]
	}
}

// commentStart is where a # comment starts in an unquoted value: at a #
// that follows white space. A # inside a word, as in a URL's #fragment,
// is part of the value.
func commentStart(v string) int {
	for i := 1; i < len(v); i++ {
		if v[i] == '#' && (v[i-1] == ' ' || v[i-1] == '\t') {
			return i
		}
	}
	return -1
}

// dollar stands for an escaped \$ until expand is done; files with NUL
// bytes are refused, so it cannot be part of a value.
const dollar = "\x00"

// expand replaces $NAME and ${NAME} with the setting of that name.
func expand(v string, resolve func(string) string) string {
	if strings.Contains(v, "$") {
		v = envReference.ReplaceAllStringFunc(v, func(m string) string {
			return resolve(strings.Trim(m, "${}"))
		})
	}
	return strings.ReplaceAll(v, dollar, "$")
}

// Env returns the settings: the environment's, and where the environment
// does not set a name, the file's. It also tells where each setting comes
// from, for error messages (see Env.where).
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
