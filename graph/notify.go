package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"net/mail"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Notifier sends a mail to a person: it records the notice (durably, keyed by
// Notice.Key) and returns; the mail goes out afterwards, outside the caller's
// transaction, from a background worker. Notifying the same key again is a
// no-op, so a caller that retries (or runs twice) sends one mail. An invalid
// notice is an EINVALID error naming the field.
type Notifier interface {
	Notify(ctx context.Context, n Notice) error
}

// Notice is one mail to send. Key is the idempotency key: the caller derives it
// from what the mail is about, e.g. "confirm:"+personID+":"+sha256(token), so
// that the same event gives the same key. Data holds the fields the template
// reads (see MailTemplates); its values are strings.
type Notice struct {
	Key      string
	To       string // a bare address, "someone@example.org"
	Lang     string // en, fr or de: the recipient's language
	Template string // one of MailTemplates
	Data     map[string]any
}

// MailField is one field of a template's Data.
type MailField struct {
	Name     string
	Required bool
	Doc      string
}

// MailTemplates are the mails the site sends and the Data fields of each. A url
// is an absolute http(s) link or a path from the site's root ("/fr/account/
// confirm?token=..."), which the mailer completes with the site's address.
var MailTemplates = map[string][]MailField{
	"confirm-email": {
		{"name", true, "the person's name"},
		{"url", true, "the link that confirms the address"},
	},
	"reset-password": {
		{"name", true, "the person's name"},
		{"url", true, "the link to choose a new password"},
		{"registering", false, `"true" when someone tried to register with the address of an existing account (the mail says so instead of "you asked for a reset")`},
	},
	"confirm-new-email": {
		{"name", true, "the person's name"},
		{"url", true, "the link that confirms the new address (the mail goes to the new address)"},
	},
	"member-request": {
		{"name", true, "the name of the organisation's admin who receives the mail"},
		{"member", true, "the name of the person asking to join"},
		{"organisation", true, "the organisation's name"},
		{"url", true, "the link to approve or decline the request"},
	},
	"contribution-received": {
		{"name", true, "the contributor's name"},
		{"title", true, "the contribution's title"},
		{"kind", true, "practice, document, news, event, funding, link or organisation (other values are shown as they are)"},
		{"url", true, "the link to the contribution (or to the contributor's list)"},
	},
	"contribution-decided": {
		{"name", true, "the contributor's name"},
		{"title", true, "the contribution's title"},
		{"kind", true, "as in contribution-received"},
		{"decision", true, "published or rejected"},
		{"reason", false, "the moderator's reason (shown when given; expected with rejected)"},
		{"url", true, "the link to the contribution"},
	},
}

// MailTemplateNames lists the templates in order.
func MailTemplateNames() []string {
	names := make([]string, 0, len(MailTemplates))
	for n := range MailTemplates {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Limits of a notice.
const (
	maxNoticeKey   = 300
	maxNoticeField = 4000
	maxNoticeData  = 32 << 10
)

// Validate checks every field and returns an EINVALID *Error naming the first
// wrong one ("notice.to", "notice.data.url").
func (n Notice) Validate() error {
	if strings.TrimSpace(n.Key) == "" {
		return Errorf(EINVALID, "notice.key", "is empty")
	}
	if len(n.Key) > maxNoticeKey || !utf8.ValidString(n.Key) {
		return Errorf(EINVALID, "notice.key", "must be valid UTF-8 of at most %d bytes", maxNoticeKey)
	}
	a, err := mail.ParseAddress(n.To)
	if err != nil || a.Address != n.To || a.Name != "" {
		return Errorf(EINVALID, "notice.to", "%q is not a bare email address such as someone@example.org", n.To)
	}
	switch Lang(n.Lang) {
	case LangEN, LangFR, LangDE:
	default:
		return Errorf(EINVALID, "notice.lang", "%q is not en, fr or de", n.Lang)
	}
	fields, ok := MailTemplates[n.Template]
	if !ok {
		return Errorf(EINVALID, "notice.template", "%q is not one of %s", n.Template, strings.Join(MailTemplateNames(), ", "))
	}
	known := map[string]bool{}
	for _, f := range fields {
		known[f.Name] = true
		v, present := n.Data[f.Name]
		s, isString := v.(string)
		where := "notice.data." + f.Name
		switch {
		case !present && f.Required:
			return Errorf(EINVALID, where, "is required by the %s template", n.Template)
		case !present:
			continue
		case !isString:
			return Errorf(EINVALID, where, "must be a string, not %T", v)
		case f.Required && strings.TrimSpace(s) == "":
			return Errorf(EINVALID, where, "is empty")
		case len(s) > maxNoticeField || !utf8.ValidString(s):
			return Errorf(EINVALID, where, "must be valid UTF-8 of at most %d bytes", maxNoticeField)
		}
		if f.Name == "url" {
			if err := checkMailURL(s); err != nil {
				return Errorf(EINVALID, where, "%v", err)
			}
		}
		if f.Name == "registering" && s != "" && s != "true" {
			return Errorf(EINVALID, where, "%q is not true or empty", s)
		}
		if f.Name == "decision" && !slices.Contains([]string{"published", "rejected"}, s) {
			return Errorf(EINVALID, where, "%q is not published or rejected", s)
		}
	}
	for k := range n.Data {
		if !known[k] {
			return Errorf(EINVALID, "notice.data."+k, "is not a field of the %s template", n.Template)
		}
	}
	if b, err := json.Marshal(n.Data); err != nil || len(b) > maxNoticeData {
		return Errorf(EINVALID, "notice.data", "must encode to at most %d bytes of JSON", maxNoticeData)
	}
	return nil
}

// checkMailURL accepts an absolute http(s) URL or a path from the root.
func checkMailURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("%q is not a URL", s)
	}
	if u.Scheme == "" && u.Host == "" && strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
		return nil
	}
	if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return nil
	}
	return fmt.Errorf("%q is neither an http(s) link nor a path starting with /", s)
}

// MailStatus is where a recorded mail is in its delivery.
type MailStatus string

// The states of a mail: queued (waiting, possibly for a retry), sending (leased
// by a worker until LeaseUntil), sent, failed (gave up after the last attempt).
const (
	MailQueued  MailStatus = "queued"
	MailSending MailStatus = "sending"
	MailSent    MailStatus = "sent"
	MailFailed  MailStatus = "failed"
)

// Mail is a recorded notice and its delivery state.
type Mail struct {
	Notice
	Status     MailStatus
	Attempts   int
	NextAt     time.Time // not before: the time of the next attempt
	LeaseOwner string
	LeaseUntil time.Time
	LastError  string
	CreatedAt  time.Time
	SentAt     time.Time
}

// MailStore keeps mails and hands them out to workers under a lease, so that
// several servers can send from one store without sending a mail twice.
type MailStore interface {
	// RecordMail records n as queued unless a mail with its key exists; it
	// reports whether it created one.
	RecordMail(ctx context.Context, n Notice, now time.Time) (bool, error)
	// LeaseMail takes the oldest due mail (queued with NextAt <= now, or
	// sending with an expired lease) for owner until now+lease, counting an
	// attempt; nil when there is none. A lease held by another owner that
	// has not expired is never taken.
	LeaseMail(ctx context.Context, owner string, now time.Time, lease time.Duration) (*Mail, error)
	// FailAbandonedMail marks failed the mails whose last allowed attempt
	// (attempts >= max) was leased by a worker that never reported (its lease
	// expired: the server stopped while sending, perhaps because of this
	// mail), and returns their keys.
	FailAbandonedMail(ctx context.Context, now time.Time, max int) ([]string, error)
	// MarkMailSent marks the mail sent.
	MarkMailSent(ctx context.Context, key, owner string, now time.Time) error
	// RetryMail records a failed attempt: queued again for next, or failed
	// when the attempts reached max; it returns the new status.
	RetryMail(ctx context.Context, key, owner, reason string, next time.Time, max int) (MailStatus, error)
	// MailByKey returns a mail, or an ENOTFOUND error.
	MailByKey(ctx context.Context, key string) (*Mail, error)
	// PurgeMail deletes sent and failed mails created before before, and
	// returns how many.
	PurgeMail(ctx context.Context, before time.Time) (int, error)
	// ForgetMailTo deletes every mail to an address (when its owner deletes
	// their account), and returns how many.
	ForgetMailTo(ctx context.Context, to string) (int, error)
}
