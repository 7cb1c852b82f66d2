package neo4j_test

import (
	"context"
	"strings"
	"testing"

	"ewsi/graph"
)

// wantCode fails unless err carries code and mentions where.
func wantCode(t *testing.T, what string, err error, code, mention string) {
	t.Helper()
	if graph.ErrorCode(err) != code || !strings.Contains(graph.ErrorMessage(err), mention) {
		t.Errorf("%s: got %v (%s), want %s mentioning %q", what, err, graph.ErrorCode(err), code, mention)
	}
}

func requestInput(today graph.Date) graph.RequestInput {
	return graph.RequestInput{Organisation: "organisation:seeker", Title: "Language cafés for parents",
		Description: "We look for partners to run language cafés for parents at schools.", Lang: "en",
		Themes: []string{"education-culture"}, Subthemes: []string{"language-competencies"}, Countries: []string{"FR"},
		Languages: []string{"fr"}, Closes: graph.DateOf(today.Time().AddDate(0, 0, 30)),
		Contact: graph.Contact{Name: "Paul Poster", Email: "paul@poster.example"}}
}

func replyInput(req, org, email string) graph.ReplyInput {
	return graph.ReplyInput{Request: req, Organisation: org, Fit: "We run language cafés already.", Offer: "Volunteers and rooms in schools.",
		Lang: "fr", Contact: graph.Contact{Name: "Rita Replier", Email: email}}
}

func TestPartnerRequestLifecycle(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx, s, today := context.Background(), db.Store, graph.Today()
	req, key, created, err := s.PostRequest(ctx, requestInput(today), "idem-request-1", today)
	if err != nil || !created || len(key) != 43 || req.Status != graph.RequestOpen || req.Organisation != "organisation:seeker" {
		t.Fatalf("post: %+v %q %v %v", req, key, created, err)
	}
	again, key2, created2, err := s.PostRequest(ctx, requestInput(today), "idem-request-1", today)
	if err != nil || created2 || key2 != "" || again.ID != req.ID {
		t.Fatalf("repeat post: %+v %q %v %v", again, key2, created2, err)
	}
	if n := countRows(t, "MATCH (r:PartnerRequest) RETURN count(r) AS c"); n != 1 {
		t.Errorf("%d requests stored after a repeat, want 1", n)
	}
	other := requestInput(today)
	other.Title = "Something else"
	_, _, _, err = s.PostRequest(ctx, other, "idem-request-1", today)
	wantCode(t, "reused idempotency key", err, graph.ECONFLICT, "idempotencyKey")
	past := requestInput(today)
	past.Closes, _ = graph.ParseDate("2020-01-01")
	_, _, _, err = s.PostRequest(ctx, past, "idem-request-2", today)
	wantCode(t, "closing date in the past", err, graph.EINVALID, "input.closes: must be after today, got 2020-01-01")
	unknown := requestInput(today)
	unknown.Funding = "funding:nope"
	_, _, _, err = s.PostRequest(ctx, unknown, "idem-request-3", today)
	wantCode(t, "unknown funding", err, graph.ENOTFOUND, "input.funding")

	board := func(f graph.BoardFilter) []string {
		t.Helper()
		rs, total, err := s.Board(ctx, f, graph.BoardNewest, graph.Window{Limit: 10}, today)
		if err != nil || total != len(rs) {
			t.Fatalf("board %+v: %v (total %d, %d rows)", f, err, total, len(rs))
		}
		var ids []string
		for _, r := range rs {
			ids = append(ids, r.ID)
		}
		return ids
	}
	if got := board(graph.BoardFilter{Themes: []string{"education-culture"}, Countries: []string{"FR"}}); len(got) != 1 || got[0] != req.ID {
		t.Errorf("board by theme and country: %v", got)
	}
	if got := board(graph.BoardFilter{Countries: []string{"PL"}}); len(got) != 0 {
		t.Errorf("a request seeking partners in France is on the board for Poland: %v", got)
	}
	if got := board(graph.BoardFilter{Status: []graph.RequestStatus{graph.RequestClosed}}); len(got) != 0 {
		t.Errorf("an open request is on the board of closed ones: %v", got)
	}

	_, _, err = s.Manage(ctx, req.ID, "wrong", today)
	wantCode(t, "wrong manage key", err, graph.EFORBIDDEN, "manageKey")
	rep, rkey, created, err := s.Reply(ctx, replyInput(req.ID, "organisation:ngo-lyon", "rita@ngo.example"), "idem-reply-1", today)
	if err != nil || !created || rkey == "" || rep.Status != graph.ReplyReceived {
		t.Fatalf("reply: %+v %v", rep, err)
	}
	if r2, k2, c2, err := s.Reply(ctx, replyInput(req.ID, "organisation:ngo-lyon", "rita@ngo.example"), "idem-reply-1", today); err != nil || c2 || k2 != "" || r2.ID != rep.ID {
		t.Errorf("repeat reply: %+v %q %v %v", r2, k2, c2, err)
	}
	_, _, _, err = s.Reply(ctx, replyInput(req.ID, "organisation:ngo-lyon", "rita@ngo.example"), "idem-reply-2", today)
	wantCode(t, "second reply of one organisation", err, graph.ECONFLICT, "already replied")
	_, _, _, err = s.Reply(ctx, replyInput(req.ID, "organisation:seeker", "paul@poster.example"), "idem-reply-3", today)
	wantCode(t, "the poster replies", err, graph.ECONFLICT, "posted the request")
	krakow, kkey, _, err := s.Reply(ctx, replyInput(req.ID, "organisation:ngo-krakow", "kasia@krakow.example"), "idem-reply-4", today)
	if err != nil {
		t.Fatal(err)
	}

	full, reps, err := s.Manage(ctx, req.ID, key, today)
	if err != nil || len(reps) != 2 || full.ReplyCount != 2 {
		t.Fatalf("manage: %+v %v %v", full, reps, err)
	}
	sugg, err := graph.SuggestPartners(ctx, s, full, reps, 5)
	if err != nil || len(sugg) == 0 {
		t.Fatalf("suggestions: %v %v", sugg, err)
	}
	for _, m := range sugg {
		if m.ID == "organisation:seeker" || m.ID == "organisation:ngo-lyon" || m.ID == "organisation:ngo-krakow" {
			t.Errorf("suggested %s, the poster or an organisation that replied", m.ID)
		}
		if len(m.Reasons) == 0 {
			t.Errorf("suggestion %s has no reasons", m.ID)
		}
	}

	if _, err := s.Decide(ctx, req.ID, key, rep.ID, graph.ReplyShortlisted, ""); err != nil {
		t.Fatal(err)
	}
	_, err = s.AgreeReplier(ctx, krakow.ID, kkey)
	wantCode(t, "agreeing on a reply not shortlisted", err, graph.ECONFLICT, "shortlisted")
	_, err = s.AgreeReplier(ctx, rep.ID, kkey)
	wantCode(t, "another reply's key", err, graph.EFORBIDDEN, "replyKey")
	mine, err := s.AgreeReplier(ctx, rep.ID, rkey)
	if err != nil || mine.Contact != nil || !mine.ReplierAgreed {
		t.Fatalf("after the replier alone agreed: %+v %v", mine, err)
	}
	theirs, err := s.AgreePoster(ctx, req.ID, key, rep.ID)
	if err != nil || theirs.Contact == nil || theirs.Contact.Email != "rita@ngo.example" {
		t.Fatalf("the poster should see the replier's contact once both agreed: %+v %v", theirs, err)
	}
	if mine, err = s.MyReply(ctx, rep.ID, rkey); err != nil || mine.Contact == nil || mine.Contact.Email != "paul@poster.example" {
		t.Fatalf("the replier should see the poster's contact once both agreed: %+v %v", mine, err)
	}

	closed, err := s.CloseRequest(ctx, req.ID, key, "We work with the NGO in Lyon.", today)
	if err != nil || closed.Status != graph.RequestClosed || closed.Outcome == "" {
		t.Fatalf("close: %+v %v", closed, err)
	}
	if k, err := s.MyReply(ctx, krakow.ID, kkey); err != nil || k.Status != graph.ReplyDeclined || k.Message != graph.DefaultThanks {
		t.Errorf("closing should thank the reply not shortlisted: %+v %v", k, err)
	}
	if l, _ := s.MyReply(ctx, rep.ID, rkey); l.Status != graph.ReplyShortlisted {
		t.Errorf("closing changed a shortlisted reply: %+v", l)
	}
	_, _, _, err = s.Reply(ctx, replyInput(req.ID, "organisation:business-lyon", "b@biz.example"), "idem-reply-5", today)
	wantCode(t, "reply to a closed request", err, graph.ECONFLICT, "closed")
	_, err = s.Decide(ctx, req.ID, key, krakow.ID, graph.ReplyShortlisted, "")
	wantCode(t, "decide on a closed request", err, graph.ECONFLICT, "closed")
	if got := board(graph.BoardFilter{}); len(got) != 0 {
		t.Errorf("a closed request is on the open board: %v", got)
	}
	if got := board(graph.BoardFilter{Status: []graph.RequestStatus{graph.RequestClosed}}); len(got) != 1 {
		t.Errorf("the closed request is not on the board of closed ones: %v", got)
	}
}

func TestReplyAfterTheClosingDate(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx, s, today := context.Background(), db.Store, graph.Today()
	in := requestInput(today)
	in.Closes = graph.DateOf(today.Time().AddDate(0, 0, 1))
	req, _, _, err := s.PostRequest(ctx, in, "idem-expiring", today)
	if err != nil {
		t.Fatal(err)
	}
	later := graph.DateOf(today.Time().AddDate(0, 0, 2))
	_, _, _, err = s.Reply(ctx, replyInput(req.ID, "organisation:ngo-lyon", "rita@ngo.example"), "idem-late", later)
	wantCode(t, "reply after the closing date", err, graph.ECONFLICT, "closed on "+in.Closes.String())
	if r, _ := s.Request(ctx, req.ID, later); r.Status != graph.RequestExpired {
		t.Errorf("past its closing date the request reads %s, want expired", r.Status)
	}
	if n := countRows(t, "MATCH (p:PartnerReply) RETURN count(p) AS c"); n != 0 {
		t.Errorf("%d replies stored after refusals", n)
	}
}

func countRows(t *testing.T, cypher string) int {
	t.Helper()
	rows, err := db.Store.Query(context.Background(), cypher, nil)
	if err != nil {
		t.Fatal(err)
	}
	return int(rows[0]["c"].(int64))
}
