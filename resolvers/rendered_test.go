package resolvers_test

import (
	"strings"
	"testing"
)

// TestPublicTextRendered: a content node's text fields come rendered to HTML
// too, only the fields that are set, in the template's order.
func TestPublicTextRendered(t *testing.T) {
	c := newClient()
	var resp struct {
		Node struct {
			Summary  string
			Rendered []struct{ Field, HTML string }
		}
	}
	c.MustPost(`{ node(id: "practice:lyon-03") { ... on Practice { summary rendered { field html } } } }`, &resp)
	if len(resp.Node.Rendered) != 1 || resp.Node.Rendered[0].Field != "summary" {
		t.Fatalf("rendered fields of a practice with only a summary: %+v", resp.Node.Rendered)
	}
	if got, want := strings.TrimSpace(resp.Node.Rendered[0].HTML), "<p>"+resp.Node.Summary+"</p>"; got != want {
		t.Errorf("summary rendered as %q, want %q", got, want)
	}
}
