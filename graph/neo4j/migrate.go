package neo4j

import (
	"context"
	"fmt"
	"strings"

	"ewsi/graph"
)

// SchemaVersion is the version of the constraints and indexes Migrate creates.
const SchemaVersion = 2

// located are the labels with a `location` point under a point index.
var located = []graph.Kind{graph.KindCountry, graph.KindLocalAuthority, graph.KindOrganisation,
	graph.KindPractice, graph.KindEvent}

// rangeIndexes are the properties the queries filter or sort on.
var rangeIndexes = map[graph.Kind][]string{
	graph.KindTheme:          {"slug"},
	graph.KindSubtheme:       {"slug"},
	graph.KindPrinciple:      {"number"},
	graph.KindCountry:        {"iso2", "eu"},
	graph.KindOrganisation:   {"name", "type", "lookingForPartners"},
	graph.KindLocalAuthority: {"name"},
	graph.KindPractice:       {"title", "startDate", "lang"},
	graph.KindDocument:       {"title", "date", "type"},
	graph.KindNews:           {"date"},
	graph.KindEvent:          {"start"},
	graph.KindFunding:        {"deadline"},
	graph.KindMilestone:      {"date"},
}

// requestSchema are the constraints and indexes of partner requests and replies:
// ids, one reply per organisation and request (slot), and the board's sort keys.
var requestSchema = []string{
	"CREATE CONSTRAINT partnerrequest_id IF NOT EXISTS FOR (n:PartnerRequest) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT partnerreply_id IF NOT EXISTS FOR (n:PartnerReply) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT partnerreply_slot IF NOT EXISTS FOR (n:PartnerReply) REQUIRE n.slot IS UNIQUE",
	"CREATE INDEX partnerrequest_createdat IF NOT EXISTS FOR (n:PartnerRequest) ON (n.createdAt)",
	"CREATE INDEX partnerrequest_closes IF NOT EXISTS FOR (n:PartnerRequest) ON (n.closes)",
	"CREATE INDEX partnerrequest_status IF NOT EXISTS FOR (n:PartnerRequest) ON (n.status)",
}

// ftIndex is a full-text index over content with its analyzer and properties.
type ftIndex struct {
	name, analyzer string
	props          []string
}

// Full-text indexes over content: one folding accents (Kraków = Krakow) and one per
// interface language with stemming (Integrationskurse = Integrationskurs). They are
// eventually consistent: a write does not wait for Lucene (that made loading four
// times slower); Settle waits for them after a load, and builds them again when Bulk
// dropped them. Neo4j keeps one index per labels-and-properties schema whatever the
// analyzer, so each language index covers one more field of the template than the
// others.
var fulltextIndexes = []ftIndex{
	{"content_folding", "standard-folding", []string{"title", "name", "summary", "summaryEn", "area", "city", "place"}},
	{"content_en", "english", []string{"title", "name", "summary", "summaryEn"}},
	{"content_fr", "french", []string{"title", "name", "summary", "challenge"}},
	{"content_de", "german", []string{"title", "name", "summary", "howItWorks"}},
}

// Migrate creates every constraint and index if missing and waits until they are
// online. It is idempotent and safe to run from several servers at once.
func (s *Store) Migrate(ctx context.Context) error {
	var stmts []string
	for _, k := range graph.Kinds() {
		stmts = append(stmts, fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE",
			strings.ToLower(string(k)), k))
	}
	stmts = append(stmts, requestSchema...)
	stmts = append(stmts, accountSchema...)
	stmts = append(stmts, mailSchema...)
	stmts = append(stmts, calendarSchema...)
	stmts = append(stmts, contributionSchema...)
	stmts = append(stmts, searchMissSchema...)
	for _, k := range located {
		stmts = append(stmts, fmt.Sprintf("CREATE POINT INDEX %s_location IF NOT EXISTS FOR (n:%s) ON (n.location)",
			strings.ToLower(string(k)), k))
	}
	for k, props := range rangeIndexes {
		for _, p := range props {
			stmts = append(stmts, fmt.Sprintf("CREATE INDEX %s_%s IF NOT EXISTS FOR (n:%s) ON (n.%s)",
				strings.ToLower(string(k)), strings.ToLower(p), k, p))
		}
	}
	stmts = append(stmts, fulltextStmts()...)
	for _, q := range stmts {
		if _, err := s.write(ctx, stmt{cypher: q}); err != nil {
			return fmt.Errorf("migration %q: %w", q, err)
		}
	}
	if _, err := s.write(ctx, stmt{cypher: "CALL db.awaitIndexes(600)"}); err != nil {
		return fmt.Errorf("waiting for indexes: %w", err)
	}
	if _, err := s.write(ctx, stmt{
		cypher: "MERGE (m:Migration {id: 'schema'}) SET m.version = $v, m.at = datetime()",
		params: map[string]any{"v": SchemaVersion},
	}); err != nil {
		return err
	}
	s.migrated.Store(true)
	return nil
}

// fulltextStmts create the full-text indexes over every content label when missing.
func fulltextStmts() []string {
	labels := make([]string, 0, len(graph.ContentKinds()))
	for _, k := range graph.ContentKinds() {
		labels = append(labels, string(k))
	}
	stmts := make([]string, 0, len(fulltextIndexes))
	for _, ix := range fulltextIndexes {
		on := make([]string, 0, len(ix.props))
		for _, p := range ix.props {
			on = append(on, "n."+p)
		}
		stmts = append(stmts, fmt.Sprintf(
			"CREATE FULLTEXT INDEX %s IF NOT EXISTS FOR (n:%s) ON EACH [%s] OPTIONS {indexConfig: {`fulltext.analyzer`: '%s', `fulltext.eventually_consistent`: true}}",
			ix.name, strings.Join(labels, "|"), strings.Join(on, ", "), ix.analyzer))
	}
	return stmts
}
