package knowledge

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes tell callers how to present a failure: invalid input is the
// user's to fix and is shown as is, while internal errors are logged and
// replaced by a generic message.
const (
	EINVALID  = "invalid" // bad input: the message says what to fix
	ENOTFOUND = "not_found"
	ECONFLICT = "conflict" // e.g. a duplicate article
	EINTERNAL = "internal"
)

// Error is a failure with a code and a message written for the person who
// caused it. Internal details belong in the wrapped error, not in Message.
type Error struct {
	Code    string
	Message string
	Err     error // optional cause, for logs
}

// Error is the message and, for logs, the cause, unless the message already
// says it.
func (e *Error) Error() string {
	if e.Err != nil && !strings.Contains(e.Message, e.Err.Error()) {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the user-facing message of err: the message of its
// *Error, or a generic line for internal errors so that no internal detail
// leaks to users.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e) && e.Code != EINTERNAL:
		return e.Message
	default:
		return "Something went wrong on our side."
	}
}
