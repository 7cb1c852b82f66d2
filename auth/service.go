package auth

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"runtime"
	"time"

	"ewsi/graph"
)

// Config is what the accounts need besides their store and notifier.
type Config struct {
	Params Params
	// SiteURL is the base of the links in mails ("https://ewsi.example.org");
	// empty: links are paths from the site's root, which the mailer completes.
	SiteURL string
	Cookies Cookies
	// SessionTTL is how long a session lasts from login (default 30 days).
	SessionTTL time.Duration
	// EditorToken is the bootstrap bearer token (EWSI_EDITOR_TOKEN): it acts as
	// an editor without an account, for the editors' links; "" switches it off.
	EditorToken string
	// Rules bound attempts; zero values take DefaultRules.
	Rules Rules
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// SessionCache is how long a server may answer a session cookie from
	// memory before it asks Neo4j again (EWSI_SESSION_CACHE); 0 takes
	// DefaultSessionCache, a negative value asks Neo4j on every request. A
	// logout or role change made through another server reaches this one at
	// most that much later.
	SessionCache time.Duration
}

// Rules are the throttles of credential checks, each counted in Neo4j.
type Rules struct {
	LoginEmail, LoginIP graph.ThrottleRule // failed logins per address and per client
	Register            graph.ThrottleRule // registrations per client
	ResetEmail, ResetIP graph.ThrottleRule // reset and email-change requests
	TokenIP             graph.ThrottleRule // wrong API tokens and mailed-link tokens per client
}

// DefaultRules: five wrong passwords for one address lock it for a minute,
// doubling with each further one up to an hour (a guesser gets about 30 tries a
// day); one client gets thirty before the same.
func DefaultRules() Rules {
	return Rules{
		LoginEmail: graph.ThrottleRule{Limit: 5, Window: time.Hour, Base: time.Minute, Max: time.Hour},
		LoginIP:    graph.ThrottleRule{Limit: 30, Window: time.Hour, Base: time.Minute, Max: time.Hour},
		Register:   graph.ThrottleRule{Limit: 10, Window: time.Hour, Base: 5 * time.Minute, Max: time.Hour},
		ResetEmail: graph.ThrottleRule{Limit: 3, Window: time.Hour, Base: 10 * time.Minute, Max: time.Hour},
		ResetIP:    graph.ThrottleRule{Limit: 10, Window: time.Hour, Base: 10 * time.Minute, Max: time.Hour},
		TokenIP:    graph.ThrottleRule{Limit: 20, Window: time.Hour, Base: time.Minute, Max: time.Hour},
	}
}

// Lifetimes of mailed links.
const (
	confirmTTL = 48 * time.Hour
	resetTTL   = time.Hour
	touchEvery = 5 * time.Minute
)

// Service runs the accounts' flows.
type Service struct {
	cfg      Config
	store    graph.Accounts
	notifier Notifier
	log      *slog.Logger
	// hashing bounds the argon2id computations running at once (each takes
	// Params.Memory): a flood of logins queues instead of exhausting memory.
	hashing  chan struct{}
	dummy    string // a hash to verify against for unknown emails (same time)
	sessions *sessionCache
}

// New returns the service over store; notifier sends its mails.
func New(cfg Config, store graph.Accounts, notifier Notifier, log *slog.Logger) (*Service, error) {
	if cfg.Params.Memory == 0 {
		cfg.Params = DefaultParams()
	}
	if cfg.SessionTTL == 0 {
		cfg.SessionTTL = 30 * 24 * time.Hour
	}
	if cfg.Rules == (Rules{}) {
		cfg.Rules = DefaultRules()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.SessionCache == 0 {
		cfg.SessionCache = DefaultSessionCache
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Service{cfg: cfg, store: store, notifier: notifier, log: log, hashing: make(chan struct{}, max(runtime.GOMAXPROCS(0), 1)),
		sessions: newSessionCache(cfg.SessionCache)}
	d, err := s.hash(context.Background(), "not a password anyone has")
	if err != nil {
		return nil, err
	}
	s.dummy = d
	return s, nil
}

// Forget makes the next request of each of personID's sessions read the
// person from Neo4j again, after a change of their roles or countries.
func (s *Service) Forget(personID string) { s.sessions.forgetPerson(personID) }

// Store returns the accounts store.
func (s *Service) Store() graph.Accounts { return s.store }

// Cookies returns the session cookie's settings.
func (s *Service) Cookies() Cookies { return s.cfg.Cookies }

func (s *Service) now() time.Time { return s.cfg.Now().UTC() }

func (s *Service) hash(ctx context.Context, pw string) (string, error) {
	select {
	case s.hashing <- struct{}{}:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	defer func() { <-s.hashing }()
	return Hash(pw, s.cfg.Params)
}

func (s *Service) verify(ctx context.Context, pw, encoded string) (bool, error) {
	select {
	case s.hashing <- struct{}{}:
	case <-ctx.Done():
		return false, ctx.Err()
	}
	defer func() { <-s.hashing }()
	return Verify(pw, encoded)
}

// link is an absolute link to a page of the site carrying a mailed token.
func (s *Service) link(path, token string, lang graph.Lang) string {
	q := url.Values{"token": {token}, "lang": {string(mailLang(lang))}}
	return s.cfg.SiteURL + path + "?" + q.Encode()
}

// MailLang is en, fr or de: the language of mails and pages for a person
// whose language is l (English for any other).
func MailLang(l graph.Lang) graph.Lang { return mailLang(l) }

// mailLang is en, fr or de: the languages mails are written in.
func mailLang(l graph.Lang) graph.Lang {
	switch l {
	case graph.LangFR, graph.LangDE:
		return l
	}
	return graph.LangEN
}

// throttled fails with RATE_LIMITED when one of keys is locked.
func (s *Service) throttled(ctx context.Context, keys ...string) error {
	until, err := s.store.Throttled(ctx, keys, s.now())
	if err != nil {
		return err
	}
	return lockedError(until, s.now())
}

// hit records an attempt under each key with its rule.
func (s *Service) hit(ctx context.Context, r graph.ThrottleRule, keys ...string) (time.Time, error) {
	return s.store.ThrottleHit(ctx, keys, s.now(), r)
}

// CodeRateLimited is the code of a throttled attempt (as the edge's limiter's).
const CodeRateLimited = "RATE_LIMITED"

func lockedError(until, now time.Time) error {
	if until.IsZero() || !until.After(now) {
		return nil
	}
	mins := int(until.Sub(now).Minutes()) + 1
	return graph.Errorf(CodeRateLimited, "", "too many attempts; try again in %d minutes", mins)
}

// key is a throttle key: the subject (an email, an address) is hashed so that
// the throttle nodes hold nothing personal.
func key(kind, subject string) string { return kind + ":" + HashSecret(subject)[:32] }

// notify sends a notice; a failure is logged, not shown: the change is made
// and the person can ask for the mail again.
func (s *Service) notify(ctx context.Context, n Notice) {
	if s.notifier == nil {
		s.log.Warn("no notifier: mail not sent", "template", n.Template)
		return
	}
	if err := s.notifier.Notify(ctx, n); err != nil {
		s.log.Error("notify", "template", n.Template, "key", n.Key, "err", err)
	}
}

var errWrongCredentials = graph.Errorf(graph.EUNAUTH, "", "the email address or the password is wrong")

// isCode reports whether err is a domain error of code.
func isCode(err error, code string) bool {
	var de *graph.Error
	return errors.As(err, &de) && de.Code == code
}

// Notify sends a notice (failures logged), for the resolvers' own mails.
func (s *Service) Notify(ctx context.Context, n Notice) { s.notify(ctx, n) }

// PageLink is an absolute link to a page of the site in lang.
func (s *Service) PageLink(path string, lang graph.Lang) string {
	return s.cfg.SiteURL + path + "?" + url.Values{"lang": {string(mailLang(lang))}}.Encode()
}

// PersonData is everything held about a person, with their memberships, for
// its download.
func (s *Service) PersonData(ctx context.Context, personID string) (map[string]any, error) {
	data, err := s.store.PersonData(ctx, personID)
	if err != nil {
		return nil, err
	}
	data["format"] = "EWSI personal data export, version 1"
	data["exportedAt"] = s.now().Format(time.RFC3339)
	return data, nil
}
