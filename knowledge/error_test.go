package knowledge

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

func TestErrors(t *testing.T) {
	secret := errors.New("open /var/lib/disputebot/token: permission denied")
	tests := []struct {
		name     string
		err      error
		code     string
		message  string
		errorStr string
	}{
		{"nil", nil, "", "", ""},
		{"invalid", Errorf(EINVALID, "topics: unknown topic %q", "x"), EINVALID, `topics: unknown topic "x"`, `topics: unknown topic "x"`},
		{"not found", Errorf(ENOTFOUND, "no article %q", "a"), ENOTFOUND, `no article "a"`, `no article "a"`},
		{"conflict", &Error{Code: ECONFLICT, Message: "id taken"}, ECONFLICT, "id taken", "id taken"},
		{"wrapped", fmt.Errorf("load: %w", Errorf(EINVALID, "bad date")), EINVALID, "bad date", "load: bad date"},
		{"with a cause", &Error{Code: EINVALID, Message: "f.md: bad", Err: secret}, EINVALID, "f.md: bad", "f.md: bad: " + secret.Error()},
		{"plain error is internal", secret, EINTERNAL, "Something went wrong on our side.", secret.Error()},
		{"wrapped plain error", fmt.Errorf("read: %w", fs.ErrPermission), EINTERNAL, "Something went wrong on our side.", "read: permission denied"},
		{"internal *Error", &Error{Code: EINTERNAL, Message: "db at 10.0.0.1 down"}, EINTERNAL, "Something went wrong on our side.", "db at 10.0.0.1 down"},
		{"wrapped internal *Error", fmt.Errorf("x: %w", Errorf(EINTERNAL, "secret detail")), EINTERNAL, "Something went wrong on our side.", "x: secret detail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ErrorCode(tt.err); got != tt.code {
				t.Errorf("ErrorCode = %q, want %q", got, tt.code)
			}
			msg := ErrorMessage(tt.err)
			if msg != tt.message {
				t.Errorf("ErrorMessage = %q, want %q", msg, tt.message)
			}
			if tt.code == EINTERNAL && (strings.Contains(msg, "secret") || strings.Contains(msg, "/var/lib") || strings.Contains(msg, "10.0.0.1")) {
				t.Errorf("internal detail leaked: %q", msg)
			}
			if tt.err != nil && tt.err.Error() != tt.errorStr {
				t.Errorf("Error() = %q, want %q", tt.err.Error(), tt.errorStr)
			}
		})
	}
}

func TestErrorUnwrap(t *testing.T) {
	e := &Error{Code: EINVALID, Message: "m", Err: fs.ErrNotExist}
	if !errors.Is(e, fs.ErrNotExist) {
		t.Errorf("errors.Is does not see the cause")
	}
	if (&Error{Code: EINVALID, Message: "m"}).Unwrap() != nil {
		t.Errorf("Unwrap of an error without a cause is not nil")
	}
	var target *Error
	if !errors.As(fmt.Errorf("a: %w", e), &target) || target != e {
		t.Errorf("errors.As does not find the *Error")
	}
}

// TestParseArticleErrorMessage checks that a corpus error shows the file,
// line and field once, to users and in logs alike.
func TestParseArticleErrorMessage(t *testing.T) {
	_, err := ParseArticle("bad.md", []byte(corpusFile(map[string]string{"published": "yesterday"}, testBody)))
	want := `bad.md:5: published: "yesterday" is not a date; write it as YYYY-MM-DD, such as 2019-12-16`
	if got := ErrorMessage(err); got != want {
		t.Errorf("ErrorMessage = %q, want %q", got, want)
	}
	if err.Error() != want {
		t.Errorf("Error = %q, want %q", err.Error(), want)
	}
}
