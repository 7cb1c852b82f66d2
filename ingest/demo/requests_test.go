package demo

import (
	"reflect"
	"strings"
	"testing"

	"ewsi/graph"
)

func requestPool() graph.DemoPool {
	return graph.DemoPool{
		Orgs: []graph.DemoOrg{
			{ID: "organisation:demo-000001", Type: "civil_society", Country: "FR", Languages: []string{"fr"}, Themes: []string{"theme:education-culture"}, Subthemes: []string{"subtheme:language-competencies"}},
			{ID: "organisation:demo-000002", Type: "local_authority", Country: "DE", Languages: []string{"de", "en"}, Themes: []string{"theme:social-cohesion"}},
			{ID: "organisation:demo-000003", Type: "academia", Country: "PL", Languages: []string{"pl"}, Themes: []string{"theme:economic-participation", "theme:tools-techniques"}},
			{ID: "organisation:demo-000004", Type: "foundation", Country: "IT", Languages: []string{"it"}, Themes: []string{"theme:active-citizenship"}},
		},
		Fundings: []string{"funding:demo-000001"},
	}
}

func TestPartnerRequestsAreDeterministicAndValid(t *testing.T) {
	today, _ := graph.ParseDate("2026-06-15")
	a := PartnerRequests(7, requestPool(), 200, today)
	if b := PartnerRequests(7, requestPool(), 200, today); !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed, pool and day gave different requests")
	}
	if c := PartnerRequests(8, requestPool(), 200, today); reflect.DeepEqual(a, c) {
		t.Error("another seed gave the same requests")
	}
	if len(a) != 200 {
		t.Fatalf("%d requests, want 200", len(a))
	}
	ids := map[string]bool{}
	status := map[graph.RequestStatus]int{}
	replies := 0
	for _, d := range a {
		r := d.Request
		if ids[r.ID] || !r.Demo || !strings.HasPrefix(r.ID, "request:demo-") {
			t.Fatalf("request id %q repeated or not marked demo", r.ID)
		}
		ids[r.ID] = true
		if !strings.HasSuffix(d.Contact.Email, "@demo.example.org") {
			t.Errorf("%s: contact %q is not an invented address", r.ID, d.Contact.Email)
		}
		st := r.Status
		if st == graph.RequestOpen && r.Closes.Before(today) {
			st = graph.RequestExpired
		}
		status[st]++
		if st == graph.RequestOpen {
			in := graph.RequestInput{Organisation: r.Organisation, Title: r.Title, Description: r.Description, Lang: r.Lang,
				Themes: r.Themes, Subthemes: r.Subthemes, Countries: r.Countries, Languages: r.Languages, Funding: r.Funding,
				Closes: r.Closes, Contact: d.Contact}
			for _, k := range r.Types {
				in.Types = append(in.Types, string(k))
			}
			if err := in.Validate(today); err != nil {
				t.Errorf("%s does not pass the checks of a posted request: %v", r.ID, err)
			}
		}
		from := map[string]bool{}
		for _, rep := range d.Replies {
			p := rep.Reply
			replies++
			if p.Organisation == r.Organisation || from[p.Organisation] || !p.Demo || p.Request != r.ID {
				t.Errorf("%s: reply %+v comes from the poster, repeats an organisation, or is not demo", r.ID, p)
			}
			from[p.Organisation] = true
			if r.Status != graph.RequestClosed && p.Status != graph.ReplyReceived {
				t.Errorf("%s: a reply to an open request is %s", r.ID, p.Status)
			}
			if r.Status == graph.RequestClosed && p.Status == graph.ReplyReceived {
				t.Errorf("%s: a reply to a closed request is still undecided", r.ID)
			}
		}
	}
	if status[graph.RequestOpen] == 0 || status[graph.RequestClosed] == 0 || status[graph.RequestExpired] == 0 || replies == 0 {
		t.Errorf("the requests should mix open, closed and expired ones with replies: %v, %d replies", status, replies)
	}
}
