package notify

import (
	"mime"
	"net/mail"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// OutboxEntry is one mail of an outbox folder, as `ewsi mail ls` shows it.
type OutboxEntry struct {
	Path    string
	Date    time.Time
	To      string
	Lang    string
	Subject string // decoded
}

// ReadOutbox lists the .eml files of an outbox folder, newest first. A folder
// that does not exist yet holds no mail.
func ReadOutbox(dir string) ([]OutboxEntry, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.eml"))
	if err != nil {
		return nil, err
	}
	var out []OutboxEntry
	dec := new(mime.WordDecoder)
	for _, p := range paths {
		if strings.HasPrefix(filepath.Base(p), ".") { // a write under way
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		msg, err := mail.ReadMessage(f)
		f.Close()
		if err != nil {
			return nil, &os.PathError{Op: "read mail", Path: p, Err: err}
		}
		e := OutboxEntry{Path: p, To: msg.Header.Get("To"), Lang: msg.Header.Get("Content-Language")}
		e.Date, _ = msg.Header.Date()
		if e.Subject, err = dec.DecodeHeader(msg.Header.Get("Subject")); err != nil {
			e.Subject = msg.Header.Get("Subject")
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b OutboxEntry) int { return b.Date.Compare(a.Date) })
	return out, nil
}
