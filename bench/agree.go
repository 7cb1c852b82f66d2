package main

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
)

// The GraphQL queries and their raw Cypher baselines must read the same thing:
// before timing a pair, the bench asks both for the same arguments and compares
// the answers, normalised to lines of text (lists sorted where their order is
// not part of the answer).

// agree asks both sides of p for the first n arguments and returns for how many
// they answer the same; it prints the first disagreement.
func agree(ctx context.Context, c *http.Client, url string, p pair, n int) (int, error) {
	same := 0
	for i := 0; i < n; i++ {
		q, v := p.graphql(i)
		data, err := postGraphQL(c, url, q, v)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", p.name, err)
		}
		rows, err := p.cypher(ctx, i)
		if err != nil {
			return 0, fmt.Errorf("%s (cypher): %w", p.name, err)
		}
		got, want := p.same(data, rows)
		if got == want {
			same++
		} else if same == i {
			fmt.Printf("bench: %s: GraphQL and raw Cypher disagree for %v:\nGraphQL:\n%s\nCypher:\n%s\n", p.name, v, got, want)
		}
	}
	return same, nil
}

// samePage normalises a filtered page of practices.
func samePage(data map[string]any, rows []map[string]any) (got, want string) {
	conn := obj(data["practices"])
	g := []string{fmt.Sprint("total ", num(conn["totalCount"]))}
	for _, e := range list(conn["edges"]) {
		n := obj(obj(e)["node"])
		g = append(g, line(str(n["title"]), names(n["implementers"], "name"), names(n["themes"], "name"), str(obj(n["country"])["iso2"])))
	}
	total := int64(0)
	if len(rows) > 0 {
		total = rows[0]["total"].(int64)
	}
	w := []string{fmt.Sprint("total ", total)}
	for _, r := range rows {
		w = append(w, line(str(r["title"]), strs(r["implementers"]), strs(r["themes"]), first(r["country"])))
	}
	return strings.Join(g, "\n"), strings.Join(w, "\n")
}

// sameOrganisation normalises an organisation with its neighbours.
func sameOrganisation(data map[string]any, rows []map[string]any) (got, want string) {
	n := obj(data["node"])
	got = line(str(n["name"]), str(obj(n["country"])["name"]), names(n["practices"], "title"),
		names(n["partnerIn"], "title"), names(n["themes"], "name"))
	if len(rows) == 1 {
		r := rows[0]
		want = line(str(r["name"]), first(r["country"]), strs(r["practices"]), strs(r["partnerIn"]), strs(r["themes"]))
	}
	return got, want
}

// statNames maps labels to the fields of CountryStats.
var statNames = map[string]string{"Practice": "practices", "Organisation": "organisations", "LocalAuthority": "authorities",
	"Document": "documents", "Event": "events", "News": "news", "Funding": "funding"}

// sameCountry normalises a country with its counts.
func sameCountry(data map[string]any, rows []map[string]any) (got, want string) {
	c := obj(data["country"])
	stats := obj(c["stats"])
	var g []string
	for _, f := range statNames {
		if k := num(stats[f]); k != 0 {
			g = append(g, fmt.Sprint(f, " ", k))
		}
	}
	sort.Strings(g)
	got = line(str(c["name"]), strings.Join(g, ", "))
	if len(rows) == 1 {
		var w []string
		for _, x := range list(rows[0]["counts"]) {
			pair := list(x)
			label, _ := pair[0].(string)
			if f, ok := statNames[label]; ok && pair[1].(int64) != 0 {
				w = append(w, fmt.Sprint(f, " ", pair[1]))
			}
		}
		sort.Strings(w)
		want = line(str(rows[0]["name"]), strings.Join(w, ", "))
	}
	return got, want
}

func line(parts ...string) string { return strings.Join(parts, " | ") }

func obj(v any) map[string]any { m, _ := v.(map[string]any); return m }
func list(v any) []any         { l, _ := v.([]any); return l }
func str(v any) string         { s, _ := v.(string); return s }
func num(v any) int64          { f, _ := v.(float64); return int64(f) }

// names returns the field of each object in v, sorted and joined.
func names(v any, field string) string {
	var out []string
	for _, x := range list(v) {
		out = append(out, str(obj(x)[field]))
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// strs returns the strings in v, sorted and joined.
func strs(v any) string {
	var out []string
	for _, x := range list(v) {
		out = append(out, str(x))
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// first returns the first string in v, or "".
func first(v any) string {
	if l := list(v); len(l) > 0 {
		return str(l[0])
	}
	return ""
}
