package notify

import (
	"context"
	"time"

	"ewsi/graph"
)

// Run delivers due mails until ctx ends: at start (what a crash left queued,
// and mails whose lease expired), when Notify records one, and every Poll.
// Several servers may run it on one store: a mail is leased before it is sent.
// Once an hour it deletes sent and failed mails older than Keep.
func (m *Mailer) Run(ctx context.Context) {
	m.cfg.Log.Info("mail worker", "to", m.cfg.Transport.String(), "owner", m.cfg.Owner)
	var purged time.Time
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		m.DeliverDue(ctx)
		if now := m.cfg.Now(); now.Sub(purged) > time.Hour && ctx.Err() == nil {
			purged = now
			if n, err := m.cfg.Store.PurgeMail(ctx, now.Add(-m.cfg.Keep)); err != nil {
				m.cfg.Log.Warn("mail purge", "err", err)
			} else if n > 0 {
				m.cfg.Log.Info("mail purge", "deleted", n)
			}
		}
		t.Reset(m.cfg.Poll)
		select {
		case <-ctx.Done():
			return
		case <-m.wake:
		case <-t.C:
		}
	}
}

// DeliverDue leases and delivers due mails one at a time until none is due or
// ctx ends, and returns how many it sent.
func (m *Mailer) DeliverDue(ctx context.Context) int {
	sent := 0
	if keys, err := m.cfg.Store.FailAbandonedMail(ctx, m.cfg.Now(), m.cfg.MaxAttempts); err != nil {
		if ctx.Err() == nil {
			m.cfg.Log.Warn("mail: failing abandoned mails", "err", err)
		}
	} else {
		for _, k := range keys {
			m.cfg.Log.Error("mail failed: the server stopped during its last attempt", "key", k)
		}
	}
	for ctx.Err() == nil {
		ml, err := m.cfg.Store.LeaseMail(ctx, m.cfg.Owner, m.cfg.Now(), m.cfg.Lease)
		if err != nil {
			if ctx.Err() == nil {
				m.cfg.Log.Warn("mail lease", "err", err)
			}
			return sent
		}
		if ml == nil {
			return sent
		}
		if m.deliver(ctx, ml) {
			sent++
		}
	}
	return sent
}

// deliver sends one leased mail and records the outcome.
func (m *Mailer) deliver(ctx context.Context, ml *graph.Mail) bool {
	// the outcome is recorded even when ctx ends meanwhile
	record, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	log := m.cfg.Log.With("key", ml.Key, "template", ml.Template, "attempt", ml.Attempts)
	msg, err := m.Compose(ml.Notice, ml.CreatedAt)
	if err == nil {
		send, cancelSend := context.WithTimeout(ctx, m.cfg.SendTimeout)
		err = m.cfg.Transport.Deliver(send, ml.Key, msg)
		cancelSend()
	}
	if err == nil {
		if err := m.cfg.Store.MarkMailSent(record, ml.Key, m.cfg.Owner, m.cfg.Now()); err != nil {
			// sent but not marked: the lease expires and it is sent once more
			log.Error("mail sent but not marked sent", "err", err)
		} else {
			log.Info("mail sent")
		}
		return true
	}
	max := m.cfg.MaxAttempts
	next := m.cfg.Now().Add(m.backoff(ml.Attempts))
	switch {
	case ctx.Err() != nil: // shutting down: give it back for the next worker, no attempt lost
		next, max = m.cfg.Now(), max+1
	case graph.ErrorCode(err) == graph.EINVALID || permanent(err):
		max = 0 // retrying cannot help
	}
	st, rerr := m.cfg.Store.RetryMail(record, ml.Key, m.cfg.Owner, err.Error(), next, max)
	switch {
	case rerr != nil:
		log.Error("mail not sent; the failure was not recorded", "err", err, "record", rerr)
	case st == graph.MailFailed:
		log.Error("mail failed: giving up", "err", err)
	default:
		log.Warn("mail not sent; will retry", "err", err, "next", next)
	}
	return false
}

// backoff is the wait after the attempt-th failure: Backoff doubling, at most an hour.
func (m *Mailer) backoff(attempt int) time.Duration {
	d := m.cfg.Backoff
	for i := 1; i < attempt && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}
