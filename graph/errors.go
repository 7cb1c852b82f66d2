package graph

import (
	"errors"
	"fmt"
)

// Error codes carried by *Error. The GraphQL and HTTP edges translate them into
// `extensions.code` and status codes; anything that is not an *Error is internal.
const (
	EINVALID   = "INVALID"   // the input is malformed or out of range
	ENOTFOUND  = "NOT_FOUND" // the addressed node does not exist
	ECONFLICT  = "CONFLICT"  // the change contradicts what is stored
	EFORBIDDEN = "FORBIDDEN" // the caller may not do this
	EUNAUTH    = "UNAUTHENTICATED"
	EINTERNAL  = "INTERNAL" // a fault of ours; the message is not shown to clients
	ETIMEOUT   = "TIMEOUT"  // the operation ran out of time
	EUNAVAIL   = "UNAVAILABLE"
)

// Error is a domain error: a code, the place it concerns (a field, an argument or a
// file:line) and a message meant for the person who sent the input.
type Error struct {
	Code    string
	Where   string
	Message string
}

// Error formats as "where: message", or the message alone.
func (e *Error) Error() string {
	if e.Where == "" {
		return e.Message
	}
	return e.Where + ": " + e.Message
}

// Errorf returns an *Error with the given code and where, and a formatted message.
func Errorf(code, where, format string, args ...any) *Error {
	return &Error{Code: code, Where: where, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for any
// other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the client-safe message of err: the message of an *Error
// (prefixed with where it applies), and a generic sentence for anything else.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Error()
	}
	return "internal error"
}

// Errors gathers several validation errors; it is itself an error whose code is the
// code of its first member.
type Errors []*Error

// Error joins the members with "; ".
func (es Errors) Error() string {
	s := ""
	for i, e := range es {
		if i > 0 {
			s += "; "
		}
		s += e.Error()
	}
	return s
}

// Err returns nil when es is empty, the single member when it has one, and es itself otherwise.
func (es Errors) Err() error {
	switch len(es) {
	case 0:
		return nil
	case 1:
		return es[0]
	}
	return es
}

// As lets errors.As find the first member as an *Error.
func (es Errors) As(target any) bool {
	if t, ok := target.(**Error); ok && len(es) > 0 {
		*t = es[0]
		return true
	}
	return false
}

// ErrorMessageFull returns err's message for a person at a terminal: every member
// of Errors, or the plain text of any other error.
func ErrorMessageFull(err error) string {
	var es Errors
	if errors.As(err, &es) {
		return es.Error()
	}
	return err.Error()
}

// ErrorList returns err as a list of *Error: the members of Errors, a single
// *Error, or any other error as one EINVALID error.
func ErrorList(err error) Errors {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	var e *Error
	if errors.As(err, &e) {
		return Errors{e}
	}
	return Errors{Errorf(EINVALID, "", "%v", err)}
}
