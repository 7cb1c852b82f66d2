package neo4j

// contributionSchema are the constraints and indexes of contributions: ids, the
// lists of one person and the moderation queue, the same-title check and the
// annual report.
var contributionSchema = []string{
	"CREATE CONSTRAINT contribution_id IF NOT EXISTS FOR (n:Contribution) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT contributionrevision_key IF NOT EXISTS FOR (n:ContributionRevision) REQUIRE n.key IS UNIQUE",
	"CREATE INDEX contribution_person IF NOT EXISTS FOR (n:Contribution) ON (n.person)",
	// the queues read their first page in index order: every country, and one
	"CREATE INDEX contribution_queue IF NOT EXISTS FOR (n:Contribution) ON (n.state, n.submittedAt)",
	"CREATE INDEX contribution_country_queue IF NOT EXISTS FOR (n:Contribution) ON (n.state, n.country, n.submittedAt)",
	"CREATE INDEX contribution_normtitle IF NOT EXISTS FOR (n:Contribution) ON (n.normTitle)",
	"CREATE INDEX contribution_published IF NOT EXISTS FOR (n:Contribution) ON (n.publishedAt)",
}
