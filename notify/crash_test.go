package notify_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"ewsi/graph"
	"ewsi/notify"
	"ewsi/notify/smtptest"
)

// TestCrashBetweenRecordAndSend: a server records a mail and dies before its
// worker sends it; a new server's worker sends it exactly once at start.
func TestCrashBetweenRecordAndSend(t *testing.T) {
	db.Reset(t)
	srv := smtptest.Start(t)
	ctx := context.Background()
	first := mailer(t, smtpTransport(t, srv), func(c *notify.Config) { c.Owner = "server-1" })
	n := confirmFR("confirm:crash", "crash@example.org")
	if err := first.Notify(ctx, n); err != nil { // recorded; server-1's worker never runs
		t.Fatal(err)
	}
	if st := mailByKey(t, n.Key); st.Status != graph.MailQueued {
		t.Fatalf("status %s after Notify, want queued", st.Status)
	}

	second := mailer(t, smtpTransport(t, srv), func(c *notify.Config) { c.Owner = "server-2" })
	run, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { second.Run(run) })
	if _, err := srv.WaitFor("crash@example.org", 15*time.Second); err != nil {
		t.Fatal(err)
	}
	// a few more polls must not send it again
	deadline := time.Now().Add(400 * time.Millisecond)
	for time.Now().Before(deadline) && mailByKey(t, n.Key).Status != graph.MailSent {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	stop()
	wg.Wait()
	if got := len(srv.To("crash@example.org")); got != 1 {
		t.Errorf("%d mails arrived, want 1", got)
	}
	if st := mailByKey(t, n.Key); st.Status != graph.MailSent || st.Attempts != 1 {
		t.Errorf("record %+v, want sent after 1 attempt", st)
	}
}

// TestLeaseNotStolen: a mail leased by a server that then died is not sent by
// another until the lease expires, and is then sent once.
func TestLeaseNotStolen(t *testing.T) {
	db.Reset(t)
	srv := smtptest.Start(t)
	ctx := context.Background()
	clk := newClock()
	at := func(c *notify.Config) { c.Now = clk.Now; c.Lease = time.Minute; c.SendTimeout = 20 * time.Second }
	dead := mailer(t, smtpTransport(t, srv), at, func(c *notify.Config) { c.Owner = "dead" })
	live := mailer(t, smtpTransport(t, srv), at, func(c *notify.Config) { c.Owner = "live" })
	n := confirmFR("confirm:lease", "lease@example.org")
	if err := dead.Notify(ctx, n); err != nil {
		t.Fatal(err)
	}
	// "dead" leases the mail and crashes before sending
	leased, err := db.Store.LeaseMail(ctx, "dead", clk.Now(), time.Minute)
	if err != nil || leased == nil || leased.Key != n.Key {
		t.Fatalf("lease: %+v %v", leased, err)
	}
	if again, err := db.Store.LeaseMail(ctx, "live", clk.Now(), time.Minute); err != nil || again != nil {
		t.Fatalf("a held lease was taken: %+v %v", again, err)
	}
	clk.Add(59 * time.Second)
	if sent := live.DeliverDue(ctx); sent != 0 {
		t.Fatalf("sent %d before the lease expired", sent)
	}
	clk.Add(2 * time.Second)
	if sent := live.DeliverDue(ctx); sent != 1 {
		t.Fatalf("sent %d after the lease expired, want 1", sent)
	}
	if got := len(srv.To("lease@example.org")); got != 1 {
		t.Errorf("%d mails arrived, want 1", got)
	}
	if st := mailByKey(t, n.Key); st.Status != graph.MailSent || st.Attempts != 2 {
		t.Errorf("record %+v, want sent at the second attempt", st)
	}
}

// TestWorkersRace: three servers drain one store at once; every mail arrives once.
func TestWorkersRace(t *testing.T) {
	db.Reset(t)
	srv := smtptest.Start(t)
	ctx := context.Background()
	var ms []*notify.Mailer
	for i := range 3 {
		ms = append(ms, mailer(t, smtpTransport(t, srv), func(c *notify.Config) { c.Owner = fmt.Sprint("server-", i) }))
	}
	const total = 24
	for i := range total {
		if err := ms[i%3].Notify(ctx, confirmFR(fmt.Sprint("race:", i), fmt.Sprintf("r%d@example.org", i))); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	counts := make([]int, len(ms))
	for i, m := range ms {
		wg.Go(func() { counts[i] = m.DeliverDue(ctx) })
	}
	wg.Wait()
	if got := len(srv.Messages()); got != total {
		t.Errorf("%d mails arrived, want %d (sent per server %v)", got, total, counts)
	}
	for i := range total {
		if got := len(srv.To(fmt.Sprintf("r%d@example.org", i))); got != 1 {
			t.Errorf("r%d got %d mails, want 1", i, got)
		}
	}
}

// TestRetry: a temporary refusal is retried after a growing wait; a permanent
// one, or the last attempt, marks the mail failed.
func TestRetry(t *testing.T) {
	db.Reset(t)
	ctx := context.Background()
	var mu sync.Mutex
	refusals := map[string]int{"soon@example.org": 2, "never@example.org": 100}
	srv := smtptest.Start(t, smtptest.Options{Reject: func(to string) error {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case to == "gone@example.org":
			return smtptest.PermFail
		case refusals[to] > 0:
			refusals[to]--
			return smtptest.TempFail
		}
		return nil
	}})
	clk := newClock()
	m := mailer(t, smtpTransport(t, srv), func(c *notify.Config) { c.Now = clk.Now; c.Backoff = time.Minute; c.MaxAttempts = 3 })
	for _, to := range []string{"soon@example.org", "never@example.org", "gone@example.org"} {
		if err := m.Notify(ctx, confirmFR("retry:"+to, to)); err != nil {
			t.Fatal(err)
		}
	}
	status := func(to string) *graph.Mail { return mailByKey(t, "retry:"+to) }

	m.DeliverDue(ctx) // attempt 1 of each
	if st := status("gone@example.org"); st.Status != graph.MailFailed || st.Attempts != 1 {
		t.Errorf("permanent refusal: %+v, want failed at once", st)
	}
	if st := status("soon@example.org"); st.Status != graph.MailQueued || !st.NextAt.Equal(clk.Now().Add(time.Minute)) {
		t.Errorf("after a first refusal: %+v, want queued for a minute later", st)
	}
	if sent := m.DeliverDue(ctx); sent != 0 || status("soon@example.org").Attempts != 1 {
		t.Errorf("a mail was tried again before its time")
	}
	clk.Add(time.Minute)
	m.DeliverDue(ctx) // attempt 2: refused again, the wait doubles
	if st := status("soon@example.org"); st.Attempts != 2 || !st.NextAt.Equal(clk.Now().Add(2*time.Minute)) {
		t.Errorf("after a second refusal: %+v, want the wait doubled to 2 minutes", st)
	}
	clk.Add(2 * time.Minute)
	m.DeliverDue(ctx) // attempt 3: accepted for soon, the last one for never
	if st := status("soon@example.org"); st.Status != graph.MailSent || st.Attempts != 3 {
		t.Errorf("third attempt: %+v, want sent", st)
	}
	if st := status("never@example.org"); st.Status != graph.MailFailed || st.Attempts != 3 || st.LastError == "" {
		t.Errorf("after the last attempt: %+v, want failed with its error", st)
	}
	clk.Add(time.Hour)
	if sent := m.DeliverDue(ctx); sent != 0 {
		t.Errorf("a failed mail was tried again")
	}
	if got := len(srv.Messages()); got != 1 {
		t.Errorf("%d mails arrived, want 1", got)
	}
}

// TestPurgeAndForget: sent and failed mails older than the retention are
// deleted, queued ones kept; a person's mails are deleted with their account.
func TestPurgeAndForget(t *testing.T) {
	db.Reset(t)
	ctx := context.Background()
	clk := newClock()
	old := clk.Now()
	for _, n := range []graph.Notice{confirmFR("purge:sent", "p@example.org"), confirmFR("purge:queued", "q@example.org")} {
		if _, err := db.Store.RecordMail(ctx, n, old); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Store.MarkMailSent(ctx, "purge:sent", "x", old); err != nil {
		t.Fatal(err)
	}
	if n, err := db.Store.PurgeMail(ctx, old.Add(-time.Hour)); err != nil || n != 0 {
		t.Fatalf("purged %d (%v) of mails younger than the limit", n, err)
	}
	if n, err := db.Store.PurgeMail(ctx, old.Add(time.Hour)); err != nil || n != 1 {
		t.Fatalf("purged %d (%v), want the one sent mail", n, err)
	}
	if _, err := db.Store.MailByKey(ctx, "purge:queued"); err != nil {
		t.Fatalf("the queued mail was purged: %v", err)
	}
	if n, err := db.Store.ForgetMailTo(ctx, "q@example.org"); err != nil || n != 1 {
		t.Fatalf("forgot %d (%v), want 1", n, err)
	}
	if _, err := db.Store.MailByKey(ctx, "purge:queued"); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Fatalf("the mail to a forgotten address remains: %v", err)
	}
}

// TestAbandonedLastAttempt: a mail whose every attempt ended with its server
// stopping (its lease expired each time) is failed, not tried forever.
func TestAbandonedLastAttempt(t *testing.T) {
	db.Reset(t)
	srv := smtptest.Start(t)
	ctx := context.Background()
	clk := newClock()
	m := mailer(t, smtpTransport(t, srv), func(c *notify.Config) { c.Now = clk.Now; c.MaxAttempts = 2 })
	n := confirmFR("confirm:poison", "poison@example.org")
	if err := m.Notify(ctx, n); err != nil {
		t.Fatal(err)
	}
	for i := range 2 { // two servers lease it and die
		if l, err := db.Store.LeaseMail(ctx, fmt.Sprint("dead-", i), clk.Now(), time.Minute); err != nil || l == nil {
			t.Fatalf("lease %d: %v %v", i, l, err)
		}
		clk.Add(2 * time.Minute)
	}
	if sent := m.DeliverDue(ctx); sent != 0 {
		t.Errorf("sent %d, want 0 after the last attempt", sent)
	}
	if st := mailByKey(t, n.Key); st.Status != graph.MailFailed || st.Attempts != 2 || st.LastError == "" {
		t.Errorf("record %+v, want failed after 2 attempts with the reason", st)
	}
	if len(srv.Messages()) != 0 {
		t.Errorf("%d mails arrived", len(srv.Messages()))
	}
}
