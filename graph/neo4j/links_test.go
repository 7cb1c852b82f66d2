package neo4j_test

import (
	"context"
	"testing"

	"ewsi/graph"
)

func TestEditorLinksKeepHistory(t *testing.T) {
	db.LoadPartnerSynth(t)
	ctx := context.Background()
	from, to := "practice:with-bridge", "document:d000001"
	l, created, err := db.Store.Link(ctx, from, to, graph.LinkSeeAlso, "same town, same year", "editor-anna")
	if err != nil || !created || !l.Active || l.By != "editor-anna" || l.At.IsZero() {
		t.Fatalf("link: %+v created %v err %v", l, created, err)
	}
	// idempotent, either way round
	if _, again, err := db.Store.Link(ctx, to, from, graph.LinkSeeAlso, "", "editor-bob"); err != nil || again {
		t.Fatalf("second link created %v err %v", again, err)
	}
	rel, err := db.Store.Related(ctx, from, []graph.Kind{graph.KindDocument}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(rel) == 0 || rel[0].ID != to || rel[0].Reasons[0].Kind != graph.ReasonEditorLink {
		t.Fatalf("an editor's link should put the document first: %+v", rel)
	}
	if ok, err := db.Store.Unlink(ctx, from, to, graph.LinkSeeAlso, "wrong town", "editor-bob"); err != nil || !ok {
		t.Fatalf("unlink: %v %v", ok, err)
	}
	if ok, err := db.Store.Unlink(ctx, from, to, graph.LinkSeeAlso, "", "editor-bob"); err != nil || ok {
		t.Fatalf("second unlink: %v %v", ok, err)
	}
	hist, err := db.Store.LinkHistory(ctx, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 1 || hist[0].Active || hist[0].UnlinkedBy != "editor-bob" || hist[0].UnlinkNote != "wrong town" || hist[0].Note != "same town, same year" {
		t.Fatalf("history: %+v", hist)
	}
	rel, _ = db.Store.Related(ctx, from, []graph.Kind{graph.KindDocument}, 5)
	for _, it := range rel {
		for _, r := range it.Reasons {
			if r.Kind == graph.ReasonEditorLink {
				t.Errorf("an unlinked link still counts: %+v", it)
			}
		}
	}
	for _, c := range []struct{ from, to, where string }{{"practice:nope", to, "from"}, {from, "document:nope", "to"}, {from, from, "to"}} {
		_, _, err := db.Store.Link(ctx, c.from, c.to, graph.LinkRelated, "", "x")
		var e *graph.Error
		if !asError(err, &e) || e.Where != c.where {
			t.Errorf("link %s -> %s: %v, want an error at %s", c.from, c.to, err, c.where)
		}
	}
}

func TestSuggestionsSkipLinkedAndDismissed(t *testing.T) {
	for _, r := range db.Rankings() {
		t.Run(r.Name, func(t *testing.T) {
			db.LoadPartnerSynth(t)
			ctx := context.Background()
			suggest := r.Partners.(graph.Suggester)
			id := "practice:with-bridge"
			first, err := suggest.Suggestions(ctx, id, 5)
			if err != nil || len(first) < 2 {
				t.Fatalf("suggestions: %v %v", first, err)
			}
			for _, it := range first {
				if it.ID == "organisation:seeker" || it.ID == "organisation:bridge" {
					t.Errorf("a direct neighbour is suggested: %s", it.ID)
				}
			}
			top, next := first[0].ID, first[1].ID
			if err := db.Store.Dismiss(ctx, id, top, "not related", "editor-anna"); err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.Store.Link(ctx, id, next, graph.LinkRelated, "confirmed suggestion", "editor-anna"); err != nil {
				t.Fatal(err)
			}
			after, err := suggest.Suggestions(ctx, id, 5)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range after {
				if it.ID == top || it.ID == next {
					t.Errorf("%s is suggested again after being dismissed or linked", it.ID)
				}
			}
			if len(after) != 5 {
				t.Errorf("want 5 suggestions after two were handled, got %d", len(after))
			}
		})
	}
}
