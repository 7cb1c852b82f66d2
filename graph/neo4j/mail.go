package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"ewsi/graph"
)

var _ graph.MailStore = (*Store)(nil)

// mailSchema: one mail per key, and the properties the worker's lease query
// filters on.
var mailSchema = []string{
	"CREATE CONSTRAINT mail_key IF NOT EXISTS FOR (n:Mail) REQUIRE n.key IS UNIQUE",
	"CREATE INDEX mail_status IF NOT EXISTS FOR (n:Mail) ON (n.status)",
	"CREATE INDEX mail_to IF NOT EXISTS FOR (n:Mail) ON (n.to)",
	"CREATE INDEX mail_createdat IF NOT EXISTS FOR (n:Mail) ON (n.createdAt)",
}

// mailDue is the Cypher condition of a mail m that a worker may take at $now.
const mailDue = `((m.status = 'queued' AND m.nextAt <= $now) OR (m.status = 'sending' AND m.leaseUntil < $now))`

// mailCreate is the statement that records a notice, for RecordMail and for a
// store method that records a mail in the same transaction as the change it
// tells about (see recordMailStmt). It returns created: whether it was new.
const mailCreate = `
MERGE (m:Mail {key: $key})
ON CREATE SET m.to = $to, m.lang = $lang, m.template = $template, m.data = $data,
  m.status = 'queued', m.attempts = 0, m.nextAt = $now, m.createdAt = $now, m._new = true
WITH m, coalesce(m._new, false) AS created
REMOVE m._new
RETURN created`

// recordMailStmt validates n and returns the statement that records it. A
// store method of another area may append it to its own write so that the
// mail is recorded if and only if the change commits.
func recordMailStmt(n graph.Notice, now time.Time) (stmt, error) {
	if err := n.Validate(); err != nil {
		return stmt{}, err
	}
	data, err := json.Marshal(n.Data)
	if err != nil {
		return stmt{}, graph.Errorf(graph.EINVALID, "notice.data", "%v", err)
	}
	return stmt{cypher: mailCreate, params: map[string]any{"key": n.Key, "to": n.To, "lang": n.Lang,
		"template": n.Template, "data": string(data), "now": now.UTC()}}, nil
}

// recordMailIn records n inside a transaction of another store method, given
// the run function of inTx, so that the mail exists if and only if the change
// it tells about commits (e.g. a registration and its confirmation mail). The
// worker finds it at its next poll (or call Mailer.Wake after the commit).
func recordMailIn(run func(string, map[string]any) ([]map[string]any, error), n graph.Notice, now time.Time) error {
	st, err := recordMailStmt(n, now)
	if err != nil {
		return err
	}
	_, err = run(st.cypher, st.params)
	return err
}

// RecordMail records n as queued unless a mail with its key exists.
func (s *Store) RecordMail(ctx context.Context, n graph.Notice, now time.Time) (bool, error) {
	st, err := recordMailStmt(n, now)
	if err != nil {
		return false, err
	}
	out, err := s.write(ctx, st)
	if err != nil {
		return false, err
	}
	created, _ := out[0][0].Get("created")
	return created == true, nil
}

// LeaseMail takes the oldest due mail for owner. The lease is a conditional
// write: each candidate is locked (SET of a marker property) before its state
// is read again, so that of two servers racing for one mail the second sees
// the first one's lease and leaves it.
func (s *Store) LeaseMail(ctx context.Context, owner string, now time.Time, lease time.Duration) (*graph.Mail, error) {
	if owner == "" || lease <= 0 {
		return nil, graph.Errorf(graph.EINVALID, "lease", "an owner and a positive duration are required")
	}
	out, err := s.write(ctx, stmt{cypher: `
MATCH (m:Mail) WHERE ` + mailDue + `
WITH m ORDER BY m.nextAt, m.createdAt LIMIT 8
SET m._lock = true REMOVE m._lock
WITH m WHERE ` + mailDue + `
WITH m ORDER BY m.nextAt, m.createdAt LIMIT 1
SET m.status = 'sending', m.leaseOwner = $owner, m.leaseUntil = $until, m.attempts = m.attempts + 1
RETURN m {.*} AS m`, params: map[string]any{"owner": owner, "now": now.UTC(), "until": now.Add(lease).UTC()}})
	if err != nil {
		return nil, err
	}
	if len(out[0]) == 0 {
		return nil, nil
	}
	v, _ := out[0][0].Get("m")
	return mailFrom(v.(map[string]any))
}

// FailAbandonedMail marks failed the mails whose last attempt's lease expired.
func (s *Store) FailAbandonedMail(ctx context.Context, now time.Time, max int) ([]string, error) {
	const abandoned = `(m.status = 'sending' AND m.leaseUntil < $now AND m.attempts >= $max)`
	out, err := s.write(ctx, stmt{cypher: `
MATCH (m:Mail) WHERE ` + abandoned + `
WITH m LIMIT 100
SET m._lock = true REMOVE m._lock
WITH m WHERE ` + abandoned + `
SET m.status = 'failed', m.leaseOwner = null, m.leaseUntil = null,
  m.lastError = 'the server stopped during the last attempt' + coalesce('; before: ' + m.lastError, '')
RETURN m.key AS key`, params: map[string]any{"now": now.UTC(), "max": max}})
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(out[0]))
	for _, r := range out[0] {
		k, _ := r.Get("key")
		keys = append(keys, k.(string))
	}
	return keys, nil
}

// MarkMailSent marks the mail sent (whoever holds it now: it has gone).
func (s *Store) MarkMailSent(ctx context.Context, key, owner string, now time.Time) error {
	_, err := s.write(ctx, stmt{cypher: `
MATCH (m:Mail {key: $key}) WHERE m.status <> 'sent'
SET m.status = 'sent', m.sentAt = $now, m.leaseOwner = null, m.leaseUntil = null, m.lastError = null`,
		params: map[string]any{"key": key, "now": now.UTC()}})
	return err
}

// RetryMail records a failed attempt by owner; a mail whose lease owner has
// changed meanwhile is left to its new owner ("" is returned).
func (s *Store) RetryMail(ctx context.Context, key, owner, reason string, next time.Time, max int) (graph.MailStatus, error) {
	if len(reason) > 2000 {
		reason = reason[:2000]
	}
	out, err := s.write(ctx, stmt{cypher: `
MATCH (m:Mail {key: $key}) WHERE m.status = 'sending' AND m.leaseOwner = $owner
SET m.status = CASE WHEN m.attempts >= $max THEN 'failed' ELSE 'queued' END,
  m.nextAt = $next, m.lastError = $reason, m.leaseOwner = null, m.leaseUntil = null
RETURN m.status AS status`, params: map[string]any{"key": key, "owner": owner, "reason": reason,
		"next": next.UTC(), "max": max}})
	if err != nil || len(out[0]) == 0 {
		return "", err
	}
	st, _ := out[0][0].Get("status")
	return graph.MailStatus(st.(string)), nil
}

// MailByKey returns the mail with the key.
func (s *Store) MailByKey(ctx context.Context, key string) (*graph.Mail, error) {
	recs, err := s.read(ctx, "MATCH (m:Mail {key: $key}) RETURN m {.*} AS m", map[string]any{"key": key})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "key", "no mail with this key")
	}
	v, _ := recs[0].Get("m")
	return mailFrom(v.(map[string]any))
}

// PurgeMail deletes sent and failed mails created before before.
func (s *Store) PurgeMail(ctx context.Context, before time.Time) (int, error) {
	out, err := s.write(ctx, stmt{cypher: `
MATCH (m:Mail) WHERE m.createdAt < $before AND m.status IN ['sent', 'failed']
WITH m LIMIT 10000 DELETE m RETURN count(*) AS n`, params: map[string]any{"before": before.UTC()}})
	if err != nil {
		return 0, err
	}
	n, _ := out[0][0].Get("n")
	return int(n.(int64)), nil
}

// ForgetMailTo deletes every mail to the address.
func (s *Store) ForgetMailTo(ctx context.Context, to string) (int, error) {
	out, err := s.write(ctx, stmt{cypher: `MATCH (m:Mail {to: $to}) DELETE m RETURN count(*) AS n`,
		params: map[string]any{"to": to}})
	if err != nil {
		return 0, err
	}
	n, _ := out[0][0].Get("n")
	return int(n.(int64)), nil
}

// mailFrom decodes the properties of a :Mail node.
func mailFrom(p map[string]any) (*graph.Mail, error) {
	str := func(k string) string { s, _ := p[k].(string); return s }
	at := func(k string) time.Time { t, _ := p[k].(time.Time); return t.UTC() }
	m := &graph.Mail{Notice: graph.Notice{Key: str("key"), To: str("to"), Lang: str("lang"), Template: str("template")},
		Status: graph.MailStatus(str("status")), LeaseOwner: str("leaseOwner"), LastError: str("lastError"),
		NextAt: at("nextAt"), LeaseUntil: at("leaseUntil"), CreatedAt: at("createdAt"), SentAt: at("sentAt")}
	if n, ok := p["attempts"].(int64); ok {
		m.Attempts = int(n)
	}
	if d := str("data"); d != "" {
		if err := json.Unmarshal([]byte(d), &m.Data); err != nil {
			return nil, fmt.Errorf("mail %s: data: %w", m.Key, err)
		}
	}
	return m, nil
}
