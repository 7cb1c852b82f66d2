package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"ewsi/graph"
)

// The library's reads: documents with their facets in one round trip, the news
// archive by month, the links directory, dossiers and what principles tag.

// startOf returns the start of a query over the published nodes n of kind k
// matching f: the full-text index when f has a query, else the label (or the
// anchor of listMatch), with the conditions of f.
func startOf(k graph.Kind, f graph.Filter) (string, map[string]any, error) {
	if f.Query == "" {
		match, where, params := listMatch(k, f)
		return match + " WHERE " + where, params, nil
	}
	where, params := filterClause(k, f)
	q, err := graph.FullTextQuery(f.Query, false, "filter.query")
	if err != nil {
		return "", nil, err
	}
	params["q"] = q
	return fmt.Sprintf("CALL db.index.fulltext.queryNodes('content_folding', $q) YIELD node AS n WHERE n:%s AND %s", k, where), params, nil
}

// LibraryDocuments returns a window of the documents matching f, their total
// and the facets, in one round trip. The facet fields of f (types, themes,
// principles, countries and EU scope, languages, dates) are applied as flags
// per document so that each facet counts under every filter but its own.
func (s *Store) LibraryDocuments(ctx context.Context, f graph.LibraryFilter, o graph.Order, w graph.Window) ([]graph.Node, int, graph.DocumentFacets, error) {
	var none graph.DocumentFacets
	base := f.Filter
	base.Types, base.Themes, base.Principles, base.Countries, base.Langs, base.From, base.To = nil, nil, nil, nil, nil, nil, nil
	start, params, err := startOf(graph.KindDocument, base)
	if err != nil {
		return nil, 0, none, err
	}
	scopes := append([]string{}, f.Countries...)
	if f.EU {
		scopes = append(scopes, graph.ScopeEU)
	}
	params["fTypes"] = nonNil(f.Types)
	params["fLangs"] = nonNil(f.Langs)
	params["fScopes"] = nonNil(scopes)
	params["fThemes"] = nonNil(f.Themes)
	params["fPrinciples"] = f.Principles
	if f.Principles == nil {
		params["fPrinciples"] = []int{}
	}
	// dates always go as dates, so that every filter shares the query's plan
	from, to := graph.Date{Year: 1, Month: 1, Day: 1}, graph.Date{Year: 9999, Month: 12, Day: 31}
	if f.From != nil {
		from = *f.From
	}
	if f.To != nil {
		to = *f.To
	}
	params["fDated"] = f.From != nil || f.To != nil
	params["fFrom"], params["fTo"] = dbtype.Date(from.Time()), dbtype.Date(to.Time())
	params["eu"] = graph.ScopeEU
	params["skip"], params["limit"] = w.Offset, w.Limit
	order := "n.date IS NULL, n.date DESC, n.id DESC"
	switch o.Field {
	case "", "date":
		if o.Field == "date" && !o.Desc {
			order = "n.date IS NULL, n.date, n.id"
		}
	case "title":
		order = "n.title, n.id"
		if o.Desc {
			order = "n.title DESC, n.id DESC"
		}
	default:
		return nil, 0, none, graph.Errorf(graph.EINVALID, "orderBy", "%q is not a field to sort the library by", o.Field)
	}
	// one pass over the documents: the facet values of each with whether it
	// counts for that facet (every filter but the facet's own holds), and
	// whether it is a hit (every filter holds); then the counts, then the page
	cypher := start + `
WITH n, [(n)-[:IN]->(c:Country) | c.iso2] AS cs, [(n)-[:ABOUT]->(t:Theme) | t.id] AS ts,
     [(n)-[:APPLIES]->(p:Principle) | toString(p.number)] AS ps
WITH n, ts, ps, CASE WHEN size(cs) = 0 THEN [$eu] ELSE cs END AS sc
WITH n, ts, ps, sc,
  size($fTypes) = 0 OR n.type IN $fTypes AS mTy,
  size($fLangs) = 0 OR n.lang IN $fLangs AS mLg,
  NOT $fDated OR coalesce(n.date >= $fFrom AND n.date <= $fTo, false) AS mYr,
  size($fScopes) = 0 OR any(x IN sc WHERE x IN $fScopes) AS mSc,
  size($fThemes) = 0 OR any(x IN ts WHERE x IN $fThemes) AS mTh,
  size($fPrinciples) = 0 OR any(x IN ps WHERE toInteger(x) IN $fPrinciples) AS mPr
WITH collect({n: n, hit: mTy AND mLg AND mYr AND mSc AND mTh AND mPr, pairs:
  [['types', n.type, mLg AND mYr AND mSc AND mTh AND mPr], ['langs', n.lang, mTy AND mYr AND mSc AND mTh AND mPr],
   ['years', toString(n.date.year), mTy AND mLg AND mSc AND mTh AND mPr]] +
  [x IN sc | ['scopes', x, mTy AND mLg AND mYr AND mTh AND mPr]] +
  [x IN ts | ['themes', x, mTy AND mLg AND mYr AND mSc AND mPr]] +
  [x IN ps | ['principles', x, mTy AND mLg AND mYr AND mSc AND mTh]]}) AS rows
CALL (rows) {
  UNWIND rows AS r
  UNWIND r.pairs AS p
  WITH p WHERE p[2] AND p[1] IS NOT NULL
  WITH p[0] AS facet, p[1] AS v, count(*) AS c
  RETURN collect([facet, v, c]) AS counts
}` + fmt.Sprintf(`
CALL (rows) {
  UNWIND rows AS r
  WITH r WHERE r.hit
  WITH r.n AS n ORDER BY %s
  RETURN collect(n) AS ns
}
RETURN size(ns) AS total, [x IN ns[$skip..($skip + $limit)] | {p: %s, l: 'Document'}] AS items, counts`,
		order, propsOf(ctx, graph.KindDocument, "x"))
	recs, err := s.read(ctx, cypher, params)
	if err != nil {
		return nil, 0, none, err
	}
	r := recs[0]
	total, _ := r.Get("total")
	items, _ := r.Get("items")
	nodes, err := decodeList(items)
	if err != nil {
		return nil, 0, none, err
	}
	var facets graph.DocumentFacets
	lists := map[string]*[]graph.FacetCount{"types": &facets.Types, "langs": &facets.Langs, "years": &facets.Years,
		"scopes": &facets.Scopes, "themes": &facets.Themes, "principles": &facets.Principles}
	for _, l := range lists {
		*l = []graph.FacetCount{}
	}
	counts, _ := r.Get("counts")
	for _, x := range counts.([]any) {
		row := x.([]any)
		if l := lists[row[0].(string)]; l != nil {
			*l = append(*l, graph.FacetCount{Value: fmt.Sprint(row[1]), Count: int(row[2].(int64))})
		}
	}
	return nodes, int(total.(int64)), facets, nil
}

// NewsArchive returns the months with published news matching f, newest first.
func (s *Store) NewsArchive(ctx context.Context, f graph.Filter) ([]graph.ArchiveMonth, error) {
	start, params, err := startOf(graph.KindNews, f)
	if err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, start+`
WITH n WHERE n.date IS NOT NULL
WITH n.date.year AS y, n.date.month AS m, count(*) AS c
RETURN y, m, c ORDER BY y DESC, m DESC`, params)
	if err != nil {
		return nil, err
	}
	out := make([]graph.ArchiveMonth, 0, len(recs))
	for _, r := range recs {
		y, _ := r.Get("y")
		m, _ := r.Get("m")
		c, _ := r.Get("c")
		out = append(out, graph.ArchiveMonth{Year: int(y.(int64)), Month: int(m.(int64)), Count: int(c.(int64))})
	}
	return out, nil
}

// WebLinks returns the links of the directory of the given types, by type and title.
func (s *Store) WebLinks(ctx context.Context, types []string) ([]*graph.WebLink, error) {
	where := ""
	params := map[string]any{}
	if len(types) > 0 {
		where = "n.type IN $types"
		params["types"] = types
	}
	return all[*graph.WebLink](ctx, s, graph.KindLink, "n.type, n.title", where, params)
}

// Dossiers returns a window of the published dossiers, newest first, and their number.
func (s *Store) Dossiers(ctx context.Context, w graph.Window) ([]*graph.Dossier, int, error) {
	recs, err := s.read(ctx, fmt.Sprintf(`
MATCH (n:Dossier) WHERE %s
WITH n ORDER BY n.date DESC, n.id DESC
WITH collect(n) AS ns
RETURN size(ns) AS total, [x IN ns[$skip..($skip + $limit)] | {p: %s, l: 'Dossier'}] AS items`,
		published, propsOf(ctx, graph.KindDossier, "x")), map[string]any{"skip": w.Offset, "limit": w.Limit})
	if err != nil {
		return nil, 0, err
	}
	total, _ := recs[0].Get("total")
	items, _ := recs[0].Get("items")
	nodes, err := decodeList(items)
	if err != nil {
		return nil, 0, err
	}
	out := make([]*graph.Dossier, 0, len(nodes))
	for _, n := range nodes {
		out = append(out, n.(*graph.Dossier))
	}
	return out, int(total.(int64)), nil
}

// contentLabels are the labels a dossier item or a tagged node may have.
func contentLabels() []string {
	var out []string
	for _, k := range graph.ContentKinds() {
		out = append(out, string(k))
	}
	return append(out, string(graph.KindMilestone), string(graph.KindLink))
}

// DossierItems returns the published nodes linked into dossier id by an active
// in_dossier link (either way), in the order editors linked them.
func (s *Store) DossierItems(ctx context.Context, id string, first int) ([]graph.DossierItem, error) {
	if k, ok := graph.KindOfID(id); !ok || k != graph.KindDossier {
		return nil, graph.Errorf(graph.EINVALID, "id", "%q is not the id of a dossier", id)
	}
	recs, err := s.read(ctx, `
MATCH (d:Dossier {id: $id})-[r:RELATED_TO {kind: $kind, active: true}]-(n)
WHERE `+published+`
WITH n, r, head([l IN labels(n) WHERE l IN $labels]) AS l WHERE l IS NOT NULL
WITH n, r, l ORDER BY r.at, elementId(r) LIMIT $first
RETURN {p: properties(n), l: l} AS item, r.note AS note`,
		map[string]any{"id": id, "kind": string(graph.LinkInDossier), "labels": contentLabels(), "first": first})
	if err != nil {
		return nil, err
	}
	out := make([]graph.DossierItem, 0, len(recs))
	for _, r := range recs {
		v, _ := r.Get("item")
		n, err := decodeItem(v)
		if err != nil {
			return nil, err
		}
		note, _ := r.Get("note")
		s, _ := note.(string)
		out = append(out, graph.DossierItem{Node: n, Note: s})
	}
	return out, nil
}

// Tagged returns a window of the published content of kinds that APPLIES
// principle n, newest first (by each kind's date), and how many there are.
func (s *Store) Tagged(ctx context.Context, n int, kinds []graph.Kind, w graph.Window) ([]graph.Node, int, error) {
	if n < 1 || n > 11 {
		return nil, 0, graph.Errorf(graph.EINVALID, "number", "%d is not a Common Basic Principle (1-11)", n)
	}
	labels := contentLabels()
	if len(kinds) > 0 {
		labels = labels[:0:0]
		for _, k := range kinds {
			labels = append(labels, string(k))
		}
	}
	recs, err := s.read(ctx, `
MATCH (:Principle {number: $n})<-[:APPLIES]-(n)
WHERE `+published+`
WITH n, head([l IN labels(n) WHERE l IN $labels]) AS l WHERE l IS NOT NULL
WITH n, l, coalesce(n.date, n.startDate, n.start, n.deadline) AS d
ORDER BY d IS NULL, d DESC, n.id
WITH collect({p: properties(n), l: l}) AS found
RETURN size(found) AS total, found[$skip..($skip + $limit)] AS items`,
		map[string]any{"n": n, "labels": labels, "skip": w.Offset, "limit": w.Limit})
	if err != nil {
		return nil, 0, err
	}
	total, _ := recs[0].Get("total")
	items, _ := recs[0].Get("items")
	nodes, err := decodeList(items)
	if err != nil {
		return nil, 0, err
	}
	return nodes, int(total.(int64)), nil
}
