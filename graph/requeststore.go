package graph

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"slices"
	"strings"
	"time"
)

// Capability keys: posting a request returns a manage key and replying returns a
// reply key, each shown once. The store keeps only the SHA-256 of a key.

// NewKey returns a fresh key: 32 random bytes, base64url without padding.
func NewKey() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// HashKey returns the hex SHA-256 of a key, as the store keeps it.
func HashKey(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}

// KeyMatches compares key with a stored hash in constant time; an empty hash
// (a demo request nobody can manage) matches no key.
func KeyMatches(key, hash string) bool {
	if hash == "" || key == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(HashKey(key)), []byte(hash)) == 1
}

// CheckIdempotencyKey checks a client-chosen idempotency key.
func CheckIdempotencyKey(key string) error {
	if n := len(key); n < 8 || n > 200 || strings.TrimSpace(key) != key {
		return Errorf(EINVALID, "idempotencyKey", "must be 8 to 200 characters without surrounding spaces (a UUID will do), got %d", n)
	}
	return nil
}

// IdempotentID derives the id of a node written under an idempotency key, so
// that the same call again MERGEs onto the same node.
func IdempotentID(prefix, idempotencyKey string) string {
	h := sha256.Sum256([]byte(prefix + "\x00" + idempotencyKey))
	return prefix + base64.RawURLEncoding.EncodeToString(h[:15])
}

// Today returns the current UTC day.
func Today() Date { return DateOf(time.Now().UTC()) }

// Requests is the part of the store behind partner requests. Every write is
// idempotent; a wrong key is EFORBIDDEN naming the key argument; an unknown
// request or reply is ENOTFOUND.
type Requests interface {
	// PostRequest writes a request under an idempotency key. created is false when
	// that key was used before: the stored request is returned, and key is empty.
	// The same key with another input is ECONFLICT. An unknown organisation,
	// theme, subtheme or funding is ENOTFOUND naming the field.
	PostRequest(ctx context.Context, in RequestInput, idem string, today Date) (req *PartnerRequest, key string, created bool, err error)
	// Board returns the window w of the requests that match f in order o, and how many match.
	Board(ctx context.Context, f BoardFilter, o BoardOrder, w Window, today Date) ([]*PartnerRequest, int, error)
	// Request returns one request's public facts; ENOTFOUND when there is none.
	Request(ctx context.Context, id string, today Date) (*PartnerRequest, error)
	// Manage checks the manage key and returns the request with every reply, oldest
	// first, each with the replier's contact when both sides agreed.
	Manage(ctx context.Context, id, manageKey string, today Date) (*PartnerRequest, []*PartnerReply, error)
	// Reply writes a reply under an idempotency key, like PostRequest. A request
	// closed or past its closing date is ECONFLICT saying why; a second reply of
	// the same organisation is ECONFLICT; the poster's own organisation may not reply.
	Reply(ctx context.Context, in ReplyInput, idem string, today Date) (rep *PartnerReply, key string, created bool, err error)
	// MyReply checks the reply key and returns the reply, with the poster's contact
	// when both sides agreed.
	MyReply(ctx context.Context, id, replyKey string) (*PartnerReply, error)
	// Decide shortlists or declines (with a message) a reply of a request; a
	// closed request is ECONFLICT.
	Decide(ctx context.Context, requestID, manageKey, replyID string, s ReplyStatus, message string) (*PartnerReply, error)
	// CloseRequest closes the request with an outcome and declines with thanks every reply
	// not shortlisted. Closing a closed request returns it unchanged.
	CloseRequest(ctx context.Context, id, manageKey, outcome string, today Date) (*PartnerRequest, error)
	// AgreePoster records that the poster agrees to share contacts with a
	// shortlisted reply (ECONFLICT when it is not shortlisted).
	AgreePoster(ctx context.Context, requestID, manageKey, replyID string) (*PartnerReply, error)
	// AgreeReplier records that the replier agrees to share contacts (ECONFLICT
	// unless the reply is shortlisted).
	AgreeReplier(ctx context.Context, replyID, replyKey string) (*PartnerReply, error)
}

// RequestQuery is the partner search a request stands for: its topics, the
// countries and kinds it seeks, its languages.
func RequestQuery(r *PartnerRequest) PartnerQuery {
	q := PartnerQuery{Themes: slices.Clone(r.Themes), Subthemes: slices.Clone(r.Subthemes),
		Countries: slices.Clone(r.Countries), Languages: slices.Clone(r.Languages)}
	for _, t := range r.Types {
		q.Types = append(q.Types, string(t))
	}
	return q
}

// SuggestPartners ranks organisations for a request with the partner search,
// leaving out the poster and the organisations that already replied; each
// suggestion keeps its reasons.
func SuggestPartners(ctx context.Context, p Partners, r *PartnerRequest, replies []*PartnerReply, first int) ([]PartnerMatch, error) {
	if err := CheckFirst(first); err != nil {
		return nil, err
	}
	skip := map[string]bool{r.Organisation: true}
	for _, rep := range replies {
		skip[rep.Organisation] = true
	}
	ms, _, err := p.FindPartners(ctx, RequestQuery(r), Window{Offset: 0, Limit: first + len(skip)})
	if err != nil {
		return nil, err
	}
	out := make([]PartnerMatch, 0, first)
	for _, m := range ms {
		if !skip[m.ID] && len(out) < first {
			out = append(out, m)
		}
	}
	return out, nil
}
