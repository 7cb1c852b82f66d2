package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"ewsi/graph"
	"ewsi/ingest/demo"
)

// exportExtra is content of every record type beyond writeContent's: demo
// organisations with themes (the pool of demo partner requests), an authority,
// people with emails and a password hash, a document, news, an event, funding.
const exportExtra = `{"type":"organisation","id":"ngo-a","name":"NGO A <&>","orgType":"civil_society","country":"IT","themes":["economic-participation"],"subthemes":["employment"],"languages":["it","en"],"lookingForPartners":true,"demo":true,"lat":45.46,"lon":9.19,"summary":"Jobs\nfor all"}
{"type":"organisation","id":"ngo-b","name":"NGO B","orgType":"academia","country":"ES","themes":["economic-participation","education-culture"],"demo":true}
{"type":"organisation","id":"ngo-c","name":"NGO C","orgType":"foundation","country":"PL","themes":["education-culture"],"principles":[4,5],"demo":true}
{"type":"authority","id":"milano","name":"Milano","level":"local","country":"IT","lat":45.4642,"lon":9.19,"population":1371498,"themes":["social-cohesion"]}
{"type":"person","id":"anna","name":"Anna","email":"anna@example.org","shareDetails":true,"languages":["it"],"roles":["editor"],"organisations":["ngo-a"],"passwordHash":"$argon2id$v=19$m=65536,t=3,p=2$c2FsdA$aGFzaA"}
{"type":"person","id":"ben","name":"Ben","email":"ben@example.org","shareDetails":false,"organisations":["ngo-a","ngo-b"]}
{"type":"funding","id":"amif","title":"AMIF call","lang":"en","funderKind":"eu","deadline":"2027-03-31","amount":1500000.5,"themes":["economic-participation"],"demo":true}
{"type":"document","id":"doc-1","title":"A report","docType":"report","lang":"en","date":"2023-01-02","publishedBy":"ngo-b","country":"ES","principles":[1]}
{"type":"news","id":"news-1","title":"Nouvelles","lang":"fr","date":"2024-05-06","country":"FR","summary":"Résumé"}
{"type":"event","id":"ev-1","title":"Workshop","lang":"de","start":"2025-06-01","end":"2025-06-02","place":"Wien","country":"AT","lat":48.2,"lon":16.37}
{"type":"practice","id":"pr-x","title":"Practice X","lang":"it","summary":"S","country":"IT","themes":["economic-participation"],"implementers":["authority:milano","ngo-a"],"partners":["ngo-b"],"fundedBy":["amif"],"beneficiaries":["refugees","women"],"budget":12000,"startDate":"2020-01-01","stage":"ongoing","lat":45.5,"lon":9.2}
`

// refLabels are the labels of the reference data, which an export leaves to
// `ingest --reference`, and of the migrations' record; the library's links and
// dossiers are reference data too, and so are the EU acts among the documents
// (ids beginning graph.EULawIDPrefix).
var refLabels = map[string]bool{"Migration": true, "Theme": true, "Subtheme": true, "Principle": true, "Country": true, "Milestone": true, "Indicator": true,
	"Link": true, "Dossier": true}

// graphPrint describes the whole graph: nodes by label, relationships by type,
// and a hash of every node's properties and relationships (with theirs), the
// graph version token aside.
func graphPrint(t *testing.T) (counts string, hash string) {
	t.Helper()
	ctx := context.Background()
	rows, err := db.Store.Query(ctx, `
MATCH (n) WHERE NOT n:GraphVersion
RETURN labels(n) AS labels, n.id AS id,
  properties(n) AS props, [(n)-[r]->(m) | [type(r) + '>' + m.id, properties(r)]] AS rels`, nil)
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]int{}
	rels := map[string]int{}
	var lines []string
	for _, r := range rows {
		var ls []string
		for _, l := range r["labels"].([]any) {
			ls = append(ls, l.(string))
		}
		sort.Strings(ls)
		labels[strings.Join(ls, ":")]++
		parts := propList(r["props"])
		id, _ := r["id"].(string)
		if refLabels[ls[0]] || strings.HasPrefix(id, graph.EULawIDPrefix) { // loaded again by --reference: when, is not kept
			parts = slices.DeleteFunc(parts, func(p string) bool {
				return strings.HasPrefix(p, "createdAt=") || strings.HasPrefix(p, "updatedAt=") || strings.HasPrefix(p, "at=")
			})
		}
		for _, x := range r["rels"].([]any) {
			pair := x.([]any)
			rp := propList(pair[1])
			parts = append(parts, pair[0].(string)+" {"+strings.Join(rp, ",")+"}")
			rels[strings.SplitN(pair[0].(string), ">", 2)[0]]++
		}
		sort.Strings(parts)
		lines = append(lines, fmt.Sprint(r["id"], " ", strings.Join(parts, "|")))
	}
	sort.Strings(lines)
	h := sha256.New()
	for _, l := range lines {
		fmt.Fprintln(h, l)
	}
	return fmt.Sprintf("nodes %v relationships %v", sorted(labels), sorted(rels)), hex.EncodeToString(h.Sum(nil))[:16] + "\n" + strings.Join(lines, "\n")
}

// propList formats a property map as sorted "key=value" strings.
func propList(v any) []string {
	var out []string
	for k, x := range v.(map[string]any) {
		out = append(out, fmt.Sprintf("%s=%v", k, x))
	}
	sort.Strings(out)
	return out
}

func sorted(m map[string]int) string {
	var out []string
	for k, v := range m {
		out = append(out, fmt.Sprintf("%s=%d", k, v))
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func TestExportThenIngestGivesTheSameGraph(t *testing.T) {
	ctx := context.Background()
	db.Reset(t)
	loadReference(t)
	dir := t.TempDir()
	extra := filepath.Join(dir, "extra.jsonl")
	if err := os.WriteFile(extra, []byte(exportExtra), 0o644); err != nil {
		t.Fatal(err)
	}
	files := append(writeContent(t, 60), extra)
	if out, err := ewsi(append([]string{"ingest"}, files...)...).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	// a batch whose practices come before the funding and authority they link to keeps those links
	st := db.Store
	rows, err := st.Query(ctx, `MATCH (p:Practice {id: 'practice:pr-x'}) RETURN [(p)-[r]-(m) | type(r) + ' ' + m.id] AS rels`, nil)
	if err != nil || len(rows) != 1 {
		t.Fatalf("practice pr-x: %v %v", rows, err)
	}
	for _, want := range []string{"FUNDED_BY funding:amif", "IMPLEMENTS authority:milano", "IMPLEMENTS organisation:ngo-a", "PARTNER_IN organisation:ngo-b"} {
		if !slices.Contains(rows[0]["rels"].([]any), any(want)) {
			t.Errorf("practice pr-x lacks %s: %v", want, rows[0]["rels"])
		}
	}
	// editors' links with history, a dismissal
	if _, _, err := st.Link(ctx, "practice:p1", "document:doc-1", graph.LinkSeeAlso, "same topic", "ed@ewsi"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.Link(ctx, "organisation:ngo-a", "practice:pr-x", graph.LinkRelated, "", "ed@ewsi"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Unlink(ctx, "organisation:ngo-a", "practice:pr-x", graph.LinkRelated, "wrong", "chief@ewsi"); err != nil {
		t.Fatal(err)
	}
	if err := st.Dismiss(ctx, "practice:p2", "news:news-1", "no", "ed@ewsi"); err != nil {
		t.Fatal(err)
	}
	// a real request with a reply, shortlisted, contacts agreed; demo requests
	today := graph.Today()
	req, manageKey, _, err := st.PostRequest(ctx, graph.RequestInput{Organisation: "organisation:ngo-a", Title: "Partners for jobs",
		Description: "We look for partners to train job seekers together.", Lang: "en", Themes: []string{"economic-participation"},
		Countries: []string{"ES"}, Types: []string{"academia"}, Languages: []string{"en"}, Funding: "funding:amif",
		Closes: graph.DateOf(today.Time().AddDate(0, 2, 0)), Contact: graph.Contact{Name: "Paola", Email: "paola@example.org"}}, "idem-key-req-1", today)
	if err != nil {
		t.Fatal(err)
	}
	rep, replyKey, _, err := st.Reply(ctx, graph.ReplyInput{Request: req.ID, Organisation: "organisation:ngo-b", Fit: "We train job seekers.",
		Offer: "Trainers and rooms.", Lang: "es", Contact: graph.Contact{Name: "Rafa", Email: "rafa@example.org"}}, "idem-key-rep-1", today)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Decide(ctx, req.ID, manageKey, rep.ID, graph.ReplyShortlisted, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AgreePoster(ctx, req.ID, manageKey, rep.ID); err != nil {
		t.Fatal(err)
	}
	pool, err := st.DemoPool(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.WriteDemoRequests(ctx, demo.PartnerRequests(7, pool, 6, today)); err != nil {
		t.Fatal(err)
	}
	beforeCounts, beforeHash := graphPrint(t)
	for _, want := range []string{"PartnerRequest=7", "PartnerReply=", "RELATED_TO=2", "DISMISSED=1", "Person=2"} {
		if !strings.Contains(beforeCounts, want) {
			t.Fatalf("the dataset lacks %s: %s", want, beforeCounts)
		}
	}

	// the backup, then a fresh store loaded from it
	backup := filepath.Join(dir, "backup.jsonl")
	if out, err := ewsi("export", "--include-private", "--out", backup).CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	db.Reset(t)
	out, err := ewsi("ingest", "--reference", backup).CombinedOutput()
	if err != nil {
		t.Fatalf("ingest of the export: %v\n%s", err, out)
	}
	afterCounts, afterHash := graphPrint(t)
	if afterCounts != beforeCounts {
		t.Errorf("counts differ:\nbefore %s\nafter  %s", beforeCounts, afterCounts)
	}
	if afterHash != beforeHash {
		t.Errorf("properties differ:\n%s", lineDiff(beforeHash, afterHash))
	}
	// the keys still open what they opened
	if _, _, err := st.Manage(ctx, req.ID, manageKey, today); err != nil {
		t.Errorf("the manage key no longer works after the restore: %v", err)
	}
	if r, err := st.MyReply(ctx, rep.ID, replyKey); err != nil || r.Status != graph.ReplyShortlisted {
		t.Errorf("the reply key after the restore: %v %v", r, err)
	}
	// loading it again changes nothing
	out, err = ewsi("ingest", backup).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "created 0, updated 0") {
		t.Errorf("a second ingest of the export: %v\n%s", err, out)
	}
	if c, h := graphPrint(t); c != beforeCounts || h != beforeHash {
		t.Errorf("a second ingest of the export changed the graph:\n%s", lineDiff(beforeHash, h))
	}

	// without --include-private: no emails, no password hash, no contacts, no people
	public := filepath.Join(dir, "public.jsonl")
	out, err = ewsi("export", "--out", public).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "2 people left out") {
		t.Fatalf("public export: %v\n%s", err, out)
	}
	b, _ := os.ReadFile(public)
	for _, secret := range []string{"anna@example.org", "argon2id", "paola@example.org", "rafa@example.org", "contactEmail", `"type":"person"`} {
		if strings.Contains(string(b), secret) {
			t.Errorf("the export without --include-private holds %q", secret)
		}
	}
	if !strings.Contains(string(b), "manageKeyHash") {
		t.Errorf("the export leaves out the key hashes: managers could not use their keys after a restore")
	}
}

// lineDiff lists the lines of a that b lacks and the other way round.
func lineDiff(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n")[1:] {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for l := range ma {
		if !mb[l] {
			out = append(out, "- "+l)
		}
	}
	for l := range mb {
		if !ma[l] {
			out = append(out, "+ "+l)
		}
	}
	sort.Strings(out)
	if len(out) > 40 {
		out = append(out[:40], fmt.Sprintf("... %d more", len(out)-40))
	}
	return strings.Join(out, "\n")
}
