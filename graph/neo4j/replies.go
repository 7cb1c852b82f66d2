package neo4j

import (
	"context"
	"slices"
	"strings"
	"time"

	"ewsi/graph"
)

// replyFields projects a PartnerReply p of request r. Its own contact is never
// in it; contact is the other side's, filled by the caller's query only when
// both sides agreed.
const replyFields = `p {.id, .createdAt, .updatedAt, .status, .lang, .demo, .fit, .offer, .message,
  posterAgreed: coalesce(p.posterAgreed, false), replierAgreed: coalesce(p.replierAgreed, false),
  request: r.id, organisation: head([(p)-[:FROM]->(o:Organisation) | o.id])}`

// Reply writes a reply and its links in one transaction.
func (s *Store) Reply(ctx context.Context, in graph.ReplyInput, idem string, today graph.Date) (*graph.PartnerReply, string, bool, error) {
	if err := graph.CheckIdempotencyKey(idem); err != nil {
		return nil, "", false, err
	}
	if err := in.Validate(); err != nil {
		return nil, "", false, err
	}
	key, err := graph.NewKey()
	if err != nil {
		return nil, "", false, err
	}
	fp := inputHash(in)
	id := graph.IdempotentID(graph.ReplyIDPrefix, idem)
	p := map[string]any{"id": id, "hash": graph.HashKey(key), "fp": fp, "now": time.Now().UTC(),
		"req": in.Request, "org": in.Organisation, "slot": in.Request + "|" + in.Organisation,
		"props": map[string]any{"status": string(graph.ReplyReceived), "lang": string(in.Lang), "demo": false,
			"fit": in.Fit, "offer": in.Offer, "contactName": in.Contact.Name, "contactEmail": in.Contact.Email}}
	out, err := s.inTx(ctx, func(run func(string, map[string]any) ([]map[string]any, error)) (any, error) {
		rows, err := run(`OPTIONAL MATCH (p:PartnerReply {id: $id}) RETURN p.inputHash AS fp`, p)
		if err != nil {
			return nil, err
		}
		if old, ok := rows[0]["fp"].(string); ok {
			if old != fp {
				return nil, graph.Errorf(graph.ECONFLICT, "idempotencyKey", "already used for a different reply; use a new key for a new reply")
			}
			return false, nil
		}
		rows, err = run(`
OPTIONAL MATCH (r:PartnerRequest {id: $req})
RETURN r IS NOT NULL AS found, r.status AS status, r.closes AS closes, coalesce(r.demo, false) AS demo,
  head([(r)-[:POSTED_BY]->(o) | o.id]) AS poster,
  EXISTS { MATCH (:Organisation {id: $org}) } AS org,
  EXISTS { MATCH (:PartnerReply {slot: $slot}) } AS replied`, p)
		if err != nil {
			return nil, err
		}
		m := rows[0]
		req := decodeRequest(map[string]any{"closes": m["closes"]}, m["status"])
		switch {
		case m["found"] != true:
			return nil, graph.Errorf(graph.ENOTFOUND, "input.request", "no partner request %q", in.Request)
		case m["org"] != true:
			return nil, graph.Errorf(graph.ENOTFOUND, "input.organisation", "no organisation %q", in.Organisation)
		case m["demo"] == true:
			return nil, graph.Errorf(graph.ECONFLICT, "input.request", "this is a demo request: nobody could read a reply to it")
		case req.Status == graph.RequestClosed:
			return nil, graph.Errorf(graph.ECONFLICT, "input.request", "the request is closed and takes no more replies")
		case req.Closes.Before(today):
			return nil, graph.Errorf(graph.ECONFLICT, "input.request", "the request closed on %s and takes no more replies", req.Closes)
		case m["poster"] == in.Organisation:
			return nil, graph.Errorf(graph.ECONFLICT, "input.organisation", "the organisation that posted the request cannot reply to it")
		case m["replied"] == true:
			return nil, graph.Errorf(graph.ECONFLICT, "input.organisation", "%s has already replied to this request (one reply per organisation)", in.Organisation)
		}
		_, err = run(`
MATCH (r:PartnerRequest {id: $req}), (o:Organisation {id: $org})
MERGE (p:PartnerReply {id: $id})
ON CREATE SET p += $props, p.slot = $slot, p.createdAt = $now, p.updatedAt = $now, p.replyKeyHash = $hash, p.inputHash = $fp
MERGE (p)-[:ANSWERS]->(r)
MERGE (p)-[:FROM]->(o)
SET r.updatedAt = $now`, p)
		return true, err
	})
	if err != nil {
		return nil, "", false, err
	}
	created := out.(bool)
	rep, err := s.readReply(ctx, id)
	if err != nil {
		return nil, "", false, err
	}
	if !created {
		key = ""
	}
	return rep.PartnerReply, key, created, nil
}

// readReply reads a reply with its key hash and, when both sides agreed, the
// poster's contact.
func (s *Store) readReply(ctx context.Context, id string) (*replyRow, error) {
	recs, err := s.read(ctx, `
MATCH (p:PartnerReply {id: $id})-[:ANSWERS]->(r:PartnerRequest)
RETURN `+replyFields+` AS rep, p.replyKeyHash AS hash,
  CASE WHEN p.posterAgreed AND p.replierAgreed THEN {name: r.contactName, email: r.contactEmail} END AS contact`,
		map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "id", "no partner reply %q", id)
	}
	m := recs[0].AsMap()
	return &replyRow{PartnerReply: decodeReply(m["rep"], m["contact"]), hash: str(m["hash"])}, nil
}

// replyRow is a reply with the hash of its key, which never leaves this package.
type replyRow struct {
	*graph.PartnerReply
	hash string
}

// MyReply returns the reply its key opens.
func (s *Store) MyReply(ctx context.Context, id, replyKey string) (*graph.PartnerReply, error) {
	row, err := s.readReply(ctx, id)
	if err != nil {
		return nil, err
	}
	if !graph.KeyMatches(replyKey, row.hash) {
		return nil, forbidden("replyKey", "this reply")
	}
	return row.PartnerReply, nil
}

// Manage returns the request and its replies when the key opens it.
func (s *Store) Manage(ctx context.Context, id, manageKey string, today graph.Date) (*graph.PartnerRequest, []*graph.PartnerReply, error) {
	recs, err := s.read(ctx, `
MATCH (r:PartnerRequest {id: $id})
RETURN r.manageKeyHash AS hash, `+requestFields+` AS req, `+effectiveStatus+` AS status,
  [(p:PartnerReply)-[:ANSWERS]->(r) | [`+replyFields+`,
     CASE WHEN p.posterAgreed AND p.replierAgreed THEN {name: p.contactName, email: p.contactEmail} END]] AS replies`,
		map[string]any{"id": id, "today": neoDate(today)})
	if err != nil {
		return nil, nil, err
	}
	if len(recs) == 0 {
		return nil, nil, graph.Errorf(graph.ENOTFOUND, "id", "no partner request %q", id)
	}
	m := recs[0].AsMap()
	if !graph.KeyMatches(manageKey, str(m["hash"])) {
		return nil, nil, forbidden("manageKey", "this request")
	}
	list, _ := m["replies"].([]any)
	reps := make([]*graph.PartnerReply, 0, len(list))
	for _, x := range list {
		pair := x.([]any)
		reps = append(reps, decodeReply(pair[0], pair[1]))
	}
	sortReplies(reps)
	return decodeRequest(m["req"], m["status"]), reps, nil
}

// manageTx checks the manage key of request id inside a transaction, and
// returns the request's stored status.
func manageTx(run func(string, map[string]any) ([]map[string]any, error), id, key string) (string, error) {
	rows, err := run(`OPTIONAL MATCH (r:PartnerRequest {id: $id}) RETURN r IS NOT NULL AS found, r.manageKeyHash AS hash, r.status AS status`,
		map[string]any{"id": id})
	if err != nil {
		return "", err
	}
	if rows[0]["found"] != true {
		return "", graph.Errorf(graph.ENOTFOUND, "request", "no partner request %q", id)
	}
	if !graph.KeyMatches(key, str(rows[0]["hash"])) {
		return "", forbidden("manageKey", "this request")
	}
	return str(rows[0]["status"]), nil
}

// Decide shortlists or declines a reply.
func (s *Store) Decide(ctx context.Context, requestID, manageKey, replyID string, st graph.ReplyStatus, message string) (*graph.PartnerReply, error) {
	message = strings.TrimSpace(message)
	if len(message) > graph.MaxOutcomeText {
		return nil, graph.Errorf(graph.EINVALID, "message", "at most %d characters", graph.MaxOutcomeText)
	}
	if st != graph.ReplyShortlisted && st != graph.ReplyDeclined {
		return nil, graph.Errorf(graph.EINVALID, "status", "a reply is shortlisted or declined, not %q", st)
	}
	var msg any
	if st == graph.ReplyDeclined {
		msg = message
		if message == "" {
			msg = graph.DefaultThanks
		}
	}
	_, err := s.inTx(ctx, func(run func(string, map[string]any) ([]map[string]any, error)) (any, error) {
		status, err := manageTx(run, requestID, manageKey)
		if err != nil {
			return nil, err
		}
		if status == string(graph.RequestClosed) {
			return nil, graph.Errorf(graph.ECONFLICT, "request", "the request is closed; its replies are decided")
		}
		rows, err := run(`
MATCH (p:PartnerReply {id: $reply})-[:ANSWERS]->(r:PartnerRequest {id: $req})
SET p.status = $status, p.message = $msg, p.updatedAt = $now
FOREACH (_ IN CASE WHEN $status = 'declined' THEN [1] ELSE [] END | SET p.posterAgreed = false, p.replierAgreed = false)
RETURN p.id AS id`, map[string]any{"reply": replyID, "req": requestID, "status": string(st), "msg": msg, "now": time.Now().UTC()})
		if err != nil {
			return nil, err
		}
		if len(rows) == 0 {
			return nil, graph.Errorf(graph.ENOTFOUND, "reply", "no reply %q to this request", replyID)
		}
		return nil, nil
	})
	if err != nil {
		return nil, err
	}
	return s.managedReply(ctx, replyID)
}

// managedReply reads a reply as the poster sees it: with the replier's contact
// when both sides agreed.
func (s *Store) managedReply(ctx context.Context, id string) (*graph.PartnerReply, error) {
	recs, err := s.read(ctx, `
MATCH (p:PartnerReply {id: $id})-[:ANSWERS]->(r:PartnerRequest)
RETURN `+replyFields+` AS rep, CASE WHEN p.posterAgreed AND p.replierAgreed THEN {name: p.contactName, email: p.contactEmail} END AS contact`,
		map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "reply", "no partner reply %q", id)
	}
	m := recs[0].AsMap()
	return decodeReply(m["rep"], m["contact"]), nil
}

// CloseRequest closes a request and thanks every reply not shortlisted.
func (s *Store) CloseRequest(ctx context.Context, id, manageKey, outcome string, today graph.Date) (*graph.PartnerRequest, error) {
	outcome = strings.TrimSpace(outcome)
	if outcome == "" || len(outcome) > graph.MaxOutcomeText {
		return nil, graph.Errorf(graph.EINVALID, "outcome", "say how the request ended in 1 to %d characters", graph.MaxOutcomeText)
	}
	_, err := s.inTx(ctx, func(run func(string, map[string]any) ([]map[string]any, error)) (any, error) {
		status, err := manageTx(run, id, manageKey)
		if err != nil || status == string(graph.RequestClosed) {
			return nil, err
		}
		_, err = run(`
MATCH (r:PartnerRequest {id: $id})
SET r.status = 'closed', r.outcome = $outcome, r.closedAt = $now, r.updatedAt = $now
WITH r
OPTIONAL MATCH (p:PartnerReply {status: 'received'})-[:ANSWERS]->(r)
SET p.status = 'declined', p.message = $thanks, p.updatedAt = $now`,
			map[string]any{"id": id, "outcome": outcome, "now": time.Now().UTC(), "thanks": graph.DefaultThanks})
		return nil, err
	})
	if err != nil {
		return nil, err
	}
	return s.Request(ctx, id, today)
}

// AgreePoster records the poster's agreement to share contacts with a shortlisted reply.
func (s *Store) AgreePoster(ctx context.Context, requestID, manageKey, replyID string) (*graph.PartnerReply, error) {
	_, err := s.inTx(ctx, func(run func(string, map[string]any) ([]map[string]any, error)) (any, error) {
		if _, err := manageTx(run, requestID, manageKey); err != nil {
			return nil, err
		}
		return nil, agree(run, `MATCH (p:PartnerReply {id: $reply})-[:ANSWERS]->(r:PartnerRequest {id: $req})`, "posterAgreed",
			map[string]any{"reply": replyID, "req": requestID})
	})
	if err != nil {
		return nil, err
	}
	return s.managedReply(ctx, replyID)
}

// AgreeReplier records the replier's agreement to share contacts.
func (s *Store) AgreeReplier(ctx context.Context, replyID, replyKey string) (*graph.PartnerReply, error) {
	row, err := s.readReply(ctx, replyID)
	if err != nil {
		return nil, err
	}
	if !graph.KeyMatches(replyKey, row.hash) {
		return nil, forbidden("replyKey", "this reply")
	}
	_, err = s.inTx(ctx, func(run func(string, map[string]any) ([]map[string]any, error)) (any, error) {
		return nil, agree(run, `MATCH (p:PartnerReply {id: $reply})`, "replierAgreed", map[string]any{"reply": replyID})
	})
	if err != nil {
		return nil, err
	}
	return s.MyReply(ctx, replyID, replyKey)
}

// agree sets one side's agreement on a shortlisted reply; side is a property
// name from this file, never input.
func agree(run func(string, map[string]any) ([]map[string]any, error), match, side string, p map[string]any) error {
	p["now"] = time.Now().UTC()
	rows, err := run(match+` RETURN p.status AS status`, p)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return graph.Errorf(graph.ENOTFOUND, "reply", "no reply %q to this request", p["reply"])
	}
	if rows[0]["status"] != string(graph.ReplyShortlisted) {
		return graph.Errorf(graph.ECONFLICT, "reply", "contacts are shared only for a shortlisted reply; this one is %s", rows[0]["status"])
	}
	_, err = run(match+` SET p.`+side+` = true, p.updatedAt = $now`, p)
	return err
}

// decodeReply reads a replyFields projection and the other side's contact.
func decodeReply(v, contact any) *graph.PartnerReply {
	m, _ := v.(map[string]any)
	r := &graph.PartnerReply{ID: str(m["id"]), Status: graph.ReplyStatus(str(m["status"])), Lang: graph.Lang(str(m["lang"])),
		Demo: m["demo"] == true, Request: str(m["request"]), Organisation: str(m["organisation"]), Fit: str(m["fit"]),
		Offer: str(m["offer"]), Message: str(m["message"]), PosterAgreed: m["posterAgreed"] == true, ReplierAgreed: m["replierAgreed"] == true}
	r.CreatedAt, _ = m["createdAt"].(time.Time)
	r.UpdatedAt, _ = m["updatedAt"].(time.Time)
	if c, ok := contact.(map[string]any); ok && r.ContactShared() {
		r.Contact = &graph.Contact{Name: str(c["name"]), Email: str(c["email"])}
	}
	return r
}

// sortReplies orders replies oldest first, ties by id.
func sortReplies(rs []*graph.PartnerReply) {
	slices.SortFunc(rs, func(a, b *graph.PartnerReply) int {
		if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}
