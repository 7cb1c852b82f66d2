package graph

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// Page sizes of connections.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// PageArgs are the Relay connection arguments.
type PageArgs struct {
	First  *int
	After  *string
	Last   *int
	Before *string
}

// Window is the slice of a sorted list a page covers: Offset from the start, at most Limit items.
type Window struct {
	Offset int
	Limit  int
}

// Cursor encodes an offset as an opaque cursor.
func Cursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(offset)))
}

// ParseCursor decodes a cursor made by Cursor; arg names the argument for the error.
func ParseCursor(arg, c string) (int, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil {
		if s, ok := strings.CutPrefix(string(b), "o:"); ok {
			if n, err := strconv.Atoi(s); err == nil && n >= 0 {
				return n, nil
			}
		}
	}
	return 0, Errorf(EINVALID, arg, "%q is not a cursor of this list", c)
}

// Validate checks the arguments against max page size max.
func (p PageArgs) Validate(max int) error {
	var errs Errors
	if p.First != nil && (*p.First < 0 || *p.First > max) {
		errs = append(errs, Errorf(EINVALID, "first", "must be between 0 and %d, got %d", max, *p.First))
	}
	if p.Last != nil && (*p.Last < 0 || *p.Last > max) {
		errs = append(errs, Errorf(EINVALID, "last", "must be between 0 and %d, got %d", max, *p.Last))
	}
	if p.First != nil && p.Last != nil {
		errs = append(errs, Errorf(EINVALID, "last", "use first or last, not both"))
	}
	if p.After != nil {
		if _, err := ParseCursor("after", *p.After); err != nil {
			errs = append(errs, err.(*Error))
		}
	}
	if p.Before != nil {
		if _, err := ParseCursor("before", *p.Before); err != nil {
			errs = append(errs, err.(*Error))
		}
	}
	return errs.Err()
}

// Window returns the window of a list of total items that the arguments select,
// with whether pages exist before and after it. Call Validate first.
func (p PageArgs) Window(total int) (w Window, hasPrev, hasNext bool) {
	start, end := 0, total
	if p.After != nil {
		a, _ := ParseCursor("after", *p.After)
		start = min(a+1, total)
	}
	if p.Before != nil {
		b, _ := ParseCursor("before", *p.Before)
		end = max(min(b, end), start)
	}
	switch {
	case p.First != nil:
		end = min(end, start+*p.First)
	case p.Last != nil:
		start = max(start, end-*p.Last)
	default:
		end = min(end, start+DefaultPageSize)
	}
	return Window{Offset: start, Limit: end - start}, start > 0, end < total
}
