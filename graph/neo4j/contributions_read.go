package neo4j

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"time"

	"ewsi/graph"
)

// contribFields projects a Contribution c with its history, oldest first.
const contribFields = `c {.id, .kind, .state, .pending, .lang, .title, .country, .person, .fields, .createdAt, .updatedAt,
  .submittedAt, .node, .reason, .duplicates, .demo,
  name: head([(p:Person)-[:SUBMITTED]->(c) | p.name]),
  revisions: COLLECT { MATCH (c)-[:HAS_REVISION]->(r:ContributionRevision) RETURN r {.number, .at, .by, .changes} ORDER BY r.number },
  reviews: COLLECT { MATCH (m:Person)-[v:REVIEWED]->(c) RETURN v {.at, .decision, .criteria, .reason, .revision, by: m.id} ORDER BY v.at }}`

// Contribution returns one contribution.
func (s *Store) Contribution(ctx context.Context, id string) (*graph.Contribution, error) {
	recs, err := s.read(ctx, `MATCH (c:Contribution {id: $id}) RETURN `+contribFields+` AS c`, map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, graph.Errorf(graph.ENOTFOUND, "id", "no contribution %q", id)
	}
	v, _ := recs[0].Get("c")
	return decodeContribution(v)
}

// MyContributions lists a person's contributions, last changed first.
func (s *Store) MyContributions(ctx context.Context, person string, w graph.Window) ([]*graph.Contribution, int, error) {
	return s.contributionPage(ctx, `MATCH (c:Contribution {person: $person})`, `c.updatedAt DESC, c.id`,
		map[string]any{"person": person}, w)
}

// ModerationQueue lists the submitted contributions, oldest submission first.
// The conditions and the order follow the queue indexes, (state, submittedAt)
// and (state, country, submittedAt), so that the first page is read in index
// order rather than sorted from every submitted contribution.
func (s *Store) ModerationQueue(ctx context.Context, f graph.ModerationFilter, w graph.Window) ([]*graph.Contribution, int, error) {
	if f.Country != "" {
		return s.contributionPage(ctx,
			`MATCH (c:Contribution) WHERE c.state = 'submitted' AND c.country = $country AND c.submittedAt IS NOT NULL`,
			`c.state, c.country, c.submittedAt, c.id`, map[string]any{"country": f.Country}, w)
	}
	return s.contributionPage(ctx, `MATCH (c:Contribution) WHERE c.state = 'submitted' AND c.submittedAt IS NOT NULL`,
		`c.state, c.submittedAt, c.id`, map[string]any{}, w)
}

// contributionPage counts the contributions match finds and reads the window w
// of them in order.
func (s *Store) contributionPage(ctx context.Context, match, order string, p map[string]any, w graph.Window) ([]*graph.Contribution, int, error) {
	p["offset"], p["limit"] = w.Offset, w.Limit
	recs, err := s.read(ctx, `
CALL { `+match+` RETURN count(c) AS total }
CALL { `+match+` WITH c ORDER BY `+order+` SKIP $offset LIMIT $limit RETURN collect(`+contribFields+`) AS page }
RETURN total, page`, p)
	if err != nil {
		return nil, 0, err
	}
	total, _ := recs[0].Get("total")
	page, _ := recs[0].Get("page")
	list, _ := page.([]any)
	out := make([]*graph.Contribution, 0, len(list))
	for _, v := range list {
		c, err := decodeContribution(v)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, c)
	}
	return out, int(total.(int64)), nil
}

// decodeContribution reads a contribFields projection.
func decodeContribution(v any) (*graph.Contribution, error) {
	m, _ := v.(map[string]any)
	c := &graph.Contribution{ID: str(m["id"]), Kind: graph.ContributionKind(str(m["kind"])),
		State: graph.ContributionState(str(m["state"])), PendingRevision: m["pending"] == true, Lang: graph.Lang(str(m["lang"])),
		Title: str(m["title"]), Contributor: str(m["person"]), PublishedID: str(m["node"]), Demo: m["demo"] == true,
		Fields: &graph.ContributionInput{}, Revisions: []*graph.ContributionRevision{}, Reviews: []*graph.ContributionReview{},
		Duplicates: []*graph.PossibleDuplicate{}}
	if x := str(m["country"]); x != "" {
		c.Country = &x
	}
	if x := str(m["name"]); x != "" {
		c.ContributorName = &x
	}
	if x := str(m["reason"]); x != "" {
		c.Reason = &x
	}
	c.CreatedAt, _ = m["createdAt"].(time.Time)
	c.UpdatedAt, _ = m["updatedAt"].(time.Time)
	if t, ok := m["submittedAt"].(time.Time); ok {
		c.SubmittedAt = &t
	}
	if err := json.Unmarshal([]byte(str(m["fields"])), c.Fields); err != nil {
		return nil, err
	}
	if d := str(m["duplicates"]); d != "" {
		if err := json.Unmarshal([]byte(d), &c.Duplicates); err != nil {
			return nil, err
		}
	}
	for _, x := range asList(m["revisions"]) {
		r := &graph.ContributionRevision{By: str(x["by"]), Changes: []*graph.FieldChange{}}
		n, _ := x["number"].(int64)
		r.Number = int(n)
		r.At, _ = x["at"].(time.Time)
		if err := json.Unmarshal([]byte(str(x["changes"])), &r.Changes); err != nil {
			return nil, err
		}
		c.Revisions = append(c.Revisions, r)
	}
	for _, x := range asList(m["reviews"]) {
		r := &graph.ContributionReview{By: str(x["by"]), Decision: graph.ReviewDecision(str(x["decision"])), CriteriaMet: []graph.Criterion{}}
		n, _ := x["revision"].(int64)
		r.Revision = int(n)
		r.At, _ = x["at"].(time.Time)
		if s := str(x["reason"]); s != "" {
			r.Reason = &s
		}
		for _, k := range strs(x["criteria"]) {
			r.CriteriaMet = append(r.CriteriaMet, graph.Criterion(k))
		}
		c.Reviews = append(c.Reviews, r)
	}
	return c, nil
}

func asList(v any) []map[string]any {
	l, _ := v.([]any)
	out := make([]map[string]any, 0, len(l))
	for _, x := range l {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// ContributorsReport counts the contributions first published in year.
func (s *Store) ContributorsReport(ctx context.Context, year int) (*graph.ContributorsReport, error) {
	from := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	recs, err := s.read(ctx, `
MATCH (c:Contribution) WHERE c.publishedAt >= $from AND c.publishedAt < $to
OPTIONAL MATCH (p:Person {id: c.person})
RETURN c.person AS person, CASE WHEN p.shareDetails THEN p.name END AS name, c.kind AS kind,
       coalesce(c.country, '') AS country, count(*) AS n`,
		map[string]any{"from": from, "to": from.AddDate(1, 0, 0)})
	if err != nil {
		return nil, err
	}
	rep := &graph.ContributorsReport{Year: year, ByKind: []*graph.ContributionCount{}, ByCountry: []*graph.ContributionCount{},
		Contributors: []*graph.ContributorLine{}}
	kinds, countries := map[string]int{}, map[string]int{}
	people := map[string]*graph.ContributorLine{}
	perKind := map[string]map[string]int{}
	for _, r := range recs {
		m := r.AsMap()
		n := int(m["n"].(int64))
		kind := strings.ToUpper(str(m["kind"]))
		rep.Total += n
		kinds[kind] += n
		countries[str(m["country"])] += n
		id := str(m["person"])
		l := people[id]
		if l == nil {
			l = &graph.ContributorLine{PersonID: id}
			if x := str(m["name"]); x != "" {
				l.Name = &x
			}
			people[id], perKind[id] = l, map[string]int{}
		}
		l.Total += n
		perKind[id][kind] += n
	}
	rep.ByKind, rep.ByCountry = counts(kinds), counts(countries)
	for id, l := range people {
		l.ByKind = counts(perKind[id])
		rep.Contributors = append(rep.Contributors, l)
	}
	sort.Slice(rep.Contributors, func(i, j int) bool {
		a, b := rep.Contributors[i], rep.Contributors[j]
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		return a.PersonID < b.PersonID
	})
	return rep, nil
}

// counts sorts a map of counts, largest first, then by key.
func counts(m map[string]int) []*graph.ContributionCount {
	out := make([]*graph.ContributionCount, 0, len(m))
	for k, n := range m {
		out = append(out, &graph.ContributionCount{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// ContributionNotice returns the contributor's email, language and name.
func (s *Store) ContributionNotice(ctx context.Context, id string) (string, graph.Lang, string, error) {
	recs, err := s.read(ctx, `
MATCH (c:Contribution {id: $id}) OPTIONAL MATCH (p:Person {id: c.person})
RETURN CASE WHEN coalesce(p.former, false) THEN '' ELSE coalesce(p.email, '') END AS email, coalesce(p.lang, head([l IN coalesce(p.languages, []) WHERE l IN ['en', 'fr', 'de']]), 'en') AS lang,
       coalesce(p.name, '') AS name`, map[string]any{"id": id})
	if err != nil {
		return "", "", "", err
	}
	if len(recs) == 0 {
		return "", "", "", graph.Errorf(graph.ENOTFOUND, "id", "no contribution %q", id)
	}
	m := recs[0].AsMap()
	return str(m["email"]), graph.Lang(str(m["lang"])), str(m["name"]), nil
}
