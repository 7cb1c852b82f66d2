package server

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"ewsi/graph"
	"ewsi/resolvers/generated"
)

// setContributionComplexity makes the lists of contributions cost their page
// size times their children.
func setContributionComplexity(c *generated.ComplexityRoot) {
	page := func(child int, first *int) int {
		if first == nil {
			return 1 + child*graph.DefaultPageSize
		}
		return 1 + child*max(*first, 1)
	}
	c.Query.MyContributions = func(child int, first *int, _ *string) int { return page(child, first) }
	c.Query.ModerationQueue = func(child int, _ *string, first *int, _ *string) int { return page(child, first) }
}

// contributorsCSV serves GET /contributors.csv?year=YYYY: the annual
// contributors report as CSV, one row per contributor (named only when they
// share their details) with their count per kind, then the totals by kind and
// by country.
func (s *Server) contributorsCSV(st graph.Contributions) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		year := time.Now().UTC().Year()
		if v := r.URL.Query().Get("year"); v != "" {
			y, err := strconv.Atoi(v)
			if err != nil || y < 2000 || y > 2100 {
				http.Error(w, fmt.Sprintf("year: %q is not a year between 2000 and 2100", v), http.StatusBadRequest)
				return
			}
			year = y
		}
		rep, err := st.ContributorsReport(r.Context(), year)
		if err != nil {
			s.log.Error("contributors report", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="contributors-%d.csv"`, year))
		cw := csv.NewWriter(w)
		kinds := graph.ContributionKinds()
		head := []string{"section", "name", "country", "total"}
		for _, k := range kinds {
			head = append(head, string(k))
		}
		_ = cw.Write(head)
		for _, l := range rep.Contributors {
			name := ""
			if l.Name != nil {
				name = safeCell(*l.Name)
			}
			row := []string{"contributor", name, "", strconv.Itoa(l.Total)}
			for _, k := range kinds {
				row = append(row, strconv.Itoa(countOf(l.ByKind, strings.ToUpper(string(k)))))
			}
			_ = cw.Write(row)
		}
		row := []string{"total", "", "", strconv.Itoa(rep.Total)}
		for _, k := range kinds {
			row = append(row, strconv.Itoa(countOf(rep.ByKind, strings.ToUpper(string(k)))))
		}
		_ = cw.Write(row)
		for _, c := range rep.ByCountry {
			row := []string{"country", "", c.Key, strconv.Itoa(c.Count)}
			for range kinds {
				row = append(row, "")
			}
			_ = cw.Write(row)
		}
		cw.Flush()
	}
}

func countOf(cs []*graph.ContributionCount, key string) int {
	for _, c := range cs {
		if c.Key == key {
			return c.Count
		}
	}
	return 0
}

// safeCell keeps a spreadsheet from reading a name as a formula.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
