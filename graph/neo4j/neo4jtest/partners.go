package neo4jtest

import (
	"context"
	"fmt"
	"testing"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

// PartnerSynth is a small graph for partner search and related content: a
// seeker city in Lyon working on language competencies, an NGO in Lyon that
// shares the subtheme and a collaborator, an NGO in Kraków that shares only the
// theme, and filler organisations that make the theme a hub and the subtheme rare.
func PartnerSynth() (*Synth, error) {
	s, err := NewSynth(1, Sizes{Organisations: 60, Practices: 30, Documents: 40})
	if err != nil {
		return nil, err
	}
	edu, lang := "theme:education-culture", "subtheme:language-competencies"
	org := func(id string, typ graph.OrgType, country string, langs []string, loc orb.Point, looking bool, themes, subs []string) {
		s.Plant(&Item{ID: id, Kind: graph.KindOrganisation, Country: country, Themes: themes, Subthemes: subs, Type: typ, Languages: langs, Location: loc, Looking: looking},
			&graph.Organisation{Meta: graph.Meta{ID: id, Status: graph.StatusPublished}, Name: id, Type: typ, Languages: langs, LookingForPartners: looking, Location: &loc})
	}
	lyon, krakow := orb.Point{4.84, 45.76}, orb.Point{19.94, 50.06}
	org("organisation:seeker", graph.OrgLocalAuthority, "FR", []string{"fr"}, lyon, false, []string{edu}, []string{lang})
	org("organisation:ngo-lyon", graph.OrgCivilSociety, "FR", []string{"fr", "en"}, orb.Point{4.85, 45.75}, true, []string{edu}, []string{lang})
	org("organisation:ngo-krakow", graph.OrgCivilSociety, "PL", []string{"pl"}, krakow, false, []string{edu}, nil)
	org("organisation:bridge", graph.OrgAcademia, "FR", []string{"fr"}, lyon, false, nil, nil)
	org("organisation:business-lyon", graph.OrgBusiness, "FR", []string{"fr"}, lyon, false, []string{edu}, []string{lang})
	practice := func(id string, orgs ...string) {
		s.Plant(&Item{ID: id, Kind: graph.KindPractice, Country: "FR", Themes: []string{edu}, Subthemes: []string{lang}, Orgs: orgs},
			&graph.Practice{Meta: graph.Meta{ID: id, Status: graph.StatusPublished}, Title: id, Lang: "fr", Summary: "x"})
	}
	practice("practice:with-bridge", "organisation:seeker", "organisation:bridge")
	practice("practice:bridge-ngo", "organisation:ngo-lyon", "organisation:bridge")
	for i := 0; i < 40; i++ { // make the theme a hub
		org(fmt.Sprintf("organisation:filler-%02d", i), graph.OrgFoundation, "DE", []string{"de"}, orb.Point{10, 51}, false, []string{edu}, nil)
	}
	return s, nil
}

// Write writes the records' nodes, then their links, without waiting for a
// projection of them.
func (d *DB) Write(t testing.TB, recs []graph.Record) graph.WriteStats {
	t.Helper()
	ctx := context.Background()
	st, err := d.Store.WriteNodes(ctx, recs)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Store.WriteLinks(ctx, recs); err != nil {
		t.Fatal(err)
	}
	return st
}

// WriteRanked writes the records and waits for the Ranker's projection of them,
// as a server ranks once its background build ends.
func (d *DB) WriteRanked(t testing.TB, recs []graph.Record) graph.WriteStats {
	t.Helper()
	st := d.Write(t, recs)
	if _, err := d.Ranker.Cache.Fresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

// LoadPartnerSynth empties the store, writes PartnerSynth and waits for the
// Ranker's projection of it.
func (d *DB) LoadPartnerSynth(t testing.TB) *Synth {
	t.Helper()
	s, err := PartnerSynth()
	if err != nil {
		t.Fatal(err)
	}
	d.Reset(t)
	d.WriteRanked(t, s.Records)
	return s
}

// Ranking is one way the product ranks partners and related content.
type Ranking struct {
	Name string
	graph.Partners
}

// Rankings are the two ways the product ranks: the store's Cypher, and the
// Ranker over its projection (which the server uses; it comes back to the
// store's Cypher when it has no projection or the query's nodes are not in it).
func (d *DB) Rankings() []Ranking {
	return []Ranking{{"cypher", d.Store}, {"projection", d.Ranker}}
}
