package linkeddata

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"ewsi/graph"
)

// schemaContext is the @context of the pages' descriptions: schema.org as the
// vocabulary, inline, so that a processor expands it without fetching anything.
var schemaContext = map[string]any{"@vocab": "https://schema.org/"}

// Describer writes the schema.org description of a page.
type Describer struct {
	Store   Store
	Options Options
}

// obj is a JSON-LD node object.
type obj = map[string]any

// Describe returns the JSON-LD of the page at path (its query in r), in lang,
// or nil when the page describes nothing (an unknown or private node, a page
// that is not about content). The bytes are JSON with <, > and & escaped, safe
// inside a script element.
func (d *Describer) Describe(r *http.Request, path, lang string) (json.RawMessage, error) {
	var (
		doc obj
		err error
	)
	q := r.URL.Query()
	base := baseURL(r, d.Options)
	l := graph.Lang(lang)
	switch path {
	case "/node":
		doc, err = d.node(r.Context(), base, strings.TrimSpace(q.Get("id")), &l)
	case "/country":
		doc, err = d.country(r.Context(), base, strings.TrimSpace(q.Get("code")), &l)
	}
	if err != nil || doc == nil {
		return nil, err
	}
	doc["@context"] = schemaContext
	return json.Marshal(doc) // HTML-escapes <, > and &: "</script>" cannot end the element
}

// pageURL is the absolute URL of a node's page.
func pageURL(base, id string) string {
	return base + "/node?id=" + url.QueryEscape(id)
}

// hopsOf are the neighbours a node's description names.
func hopsOf(k graph.Kind) []graph.Hop {
	hops := []graph.Hop{{}, {Rel: graph.RelIn, To: graph.KindCountry}, {Rel: graph.RelAbout, To: graph.KindTheme}}
	switch k {
	case graph.KindDocument:
		hops = append(hops, graph.Hop{Rel: graph.RelPublishedBy, To: graph.KindOrganisation})
	case graph.KindPractice:
		hops = append(hops, graph.Hop{Rel: graph.RelImplements, Incoming: true, To: graph.KindOrganisation},
			graph.Hop{Rel: graph.RelImplements, Incoming: true, To: graph.KindLocalAuthority})
	}
	return hops
}

// node describes the node id with what one hop away names it.
func (d *Describer) node(ctx context.Context, base, id string, lang *graph.Lang) (obj, error) {
	k, ok := graph.KindOfID(id)
	if !ok {
		return nil, nil
	}
	if k == graph.KindPerson {
		return d.person(ctx, base, id)
	}
	if !describable(k) {
		return nil, nil
	}
	hops := hopsOf(k)
	res, err := d.Store.NeighboursMulti(ctx, hops, []string{id})
	if err != nil {
		return nil, err
	}
	self := res[graph.Hop{}][id]
	if len(self) == 0 {
		return nil, nil
	}
	nb := neighbours{lang: lang, base: base}
	for _, h := range hops[1:] {
		nb.add(h, res[h][id])
	}
	o := describeNode(self[0], base, nb)
	if dm, ok := self[0].(interface{ IsDemo() bool }); ok && dm.IsDemo() && o != nil {
		// generated content says so wherever it shows, to machines too
		o["disambiguatingDescription"] = "Generated demo content, not a real " + strings.ToLower(string(k)) + "."
		o["keywords"] = "demo"
	}
	return o, nil
}

// person describes a person by name only, and only when their profile is public.
func (d *Describer) person(ctx context.Context, base, id string) (obj, error) {
	found, err := d.Store.Nodes(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	p, ok := found[id].(*graph.Person)
	if !ok || !p.ShareDetails {
		return nil, nil
	}
	return obj{"@type": "Person", "@id": pageURL(base, id), "name": p.Name, "url": pageURL(base, id)}, nil
}

// neighbours are the nodes a description names, by role.
type neighbours struct {
	lang        *graph.Lang
	base        string
	countries   []*graph.Country
	themes      []*graph.Theme
	publishers  []*graph.Organisation
	implementer []graph.Node
}

func (n *neighbours) add(h graph.Hop, nodes []graph.Node) {
	for _, x := range nodes {
		switch v := x.(type) {
		case *graph.Country:
			n.countries = append(n.countries, v)
		case *graph.Theme:
			n.themes = append(n.themes, v)
		case *graph.Organisation:
			if h.Rel == graph.RelPublishedBy {
				n.publishers = append(n.publishers, v)
			} else {
				n.implementer = append(n.implementer, v)
			}
		case *graph.LocalAuthority:
			n.implementer = append(n.implementer, v)
		}
	}
}

// countryPlaces are the countries as schema.org Country objects.
func (n *neighbours) countryPlaces() []obj {
	out := make([]obj, 0, len(n.countries))
	for _, c := range n.countries {
		out = append(out, obj{"@type": "Country", "name": c.Name(n.lang), "identifier": c.ISO2,
			"url": n.base + "/country?code=" + url.QueryEscape(c.ISO2)})
	}
	return out
}

// about are the themes as schema.org DefinedTerms.
func (n *neighbours) about() []obj {
	out := make([]obj, 0, len(n.themes))
	for _, t := range n.themes {
		out = append(out, obj{"@type": "DefinedTerm", "name": t.Name(n.lang), "termCode": t.Slug})
	}
	return out
}

// agent is an organisation or authority named in another node's description.
func (n *neighbours) agent(x graph.Node) obj {
	switch v := x.(type) {
	case *graph.Organisation:
		return obj{"@type": "Organization", "@id": pageURL(n.base, v.ID), "name": v.Name}
	case *graph.LocalAuthority:
		return obj{"@type": "GovernmentOrganization", "@id": pageURL(n.base, v.ID), "name": v.Name}
	}
	return nil
}

// describable are the kinds whose node page has a description.
func describable(k graph.Kind) bool {
	switch k {
	case graph.KindPractice, graph.KindOrganisation, graph.KindLocalAuthority, graph.KindDocument,
		graph.KindNews, graph.KindEvent, graph.KindFunding:
		return true
	}
	return false
}
