package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"ewsi/graph"
	"ewsi/graph/neo4j"
	"ewsi/ingest/demo"
	"ewsi/ingest/eurostat"
	"ewsi/server"
)

// The calendar's rows (-only calendar): the pages' own queries over HTTP from 8
// concurrent clients, p95 against the target of 100 ms each: a calendar
// month (the first 200 events of the current month, as the page asks, with
// their countries and themes), answered from the answers kept per graph
// version as visitors get it, and executed each time (answer cache off); the
// first page of funding calls by deadline, and a country page with its sheet
// (the country's counts and first lists, its latest sheet, its revisions and its
// indicator values), each client going through the EU countries.

const (
	calendarClients = 8
	calendarWarm    = 10 * time.Second
	calendarTimed   = 15 * time.Second
)

const calendarMonth = `query($month: String!) { calendar(month: $month, first: 200) { month totalCount
	  events { id title lang start end place demo country { iso2 name } themes { slug name } } }
	  countries(eu: true) { iso2 name } themes { slug name } }`

var calendarQueries = []struct {
	name, query string
	vars        func(i int, countries []string, month string) map[string]any
	noAnswers   bool // asked of a server that keeps no answers (answercache.go)
}{
	{name: "calendar month", query: calendarMonth,
		vars: func(_ int, _ []string, month string) map[string]any { return map[string]any{"month": month} }},
	{name: "calendar month, answer cache off", query: calendarMonth, noAnswers: true,
		vars: func(_ int, _ []string, month string) map[string]any { return map[string]any{"month": month} }},
	{name: "funding by deadline", query: `{ fundingCalls(first: 20) { totalCount pageInfo { hasNextPage endCursor }
	  edges { node { id title lang summary funderKind programme amount deadline open demo applicants country { iso2 name } themes { name } } } }
	  countries(eu: true) { iso2 name } themes { slug name } }`,
		vars: func(int, []string, string) map[string]any { return nil }},
	{name: "country page with its sheet", query: `query($code: String!) {
	  country(code: $code) { id iso2 name eu languages stats { practices organisations authorities events funding documents news }
	    sheet { number at byRole note demo sections { key text } }
	    observations { year value flags source dataset sample indicator { id name unit } } }
	  sheetRevisions(country: $code, first: 50) { totalCount edges { node { number at byRole note demo } } }
	  practices(filter: {countries: [$code]}, first: 8, orderBy: {field: DATE, direction: DESC}) { totalCount edges { node { id title lang startDate } } }
	  events(filter: {countries: [$code]}, first: 8, orderBy: {field: DATE, direction: ASC}) { totalCount edges { node { id title start end place } } }
	  funding(filter: {countries: [$code]}, first: 8, orderBy: {field: DATE, direction: ASC}) { totalCount edges { node { id title deadline } } } }`,
		vars: func(i int, countries []string, _ string) map[string]any {
			return map[string]any{"code": countries[i%len(countries)]}
		}},
}

func calendarBench(ctx context.Context, st *neo4j.Store, rep *Report) error {
	if _, err := demo.LoadSheets(ctx, st); err != nil {
		return err
	}
	if _, err := eurostat.LoadSamples(ctx, st); err != nil {
		return err
	}
	eu := true
	cs, err := st.Countries(ctx, &eu)
	if err != nil {
		return err
	}
	countries := make([]string, len(cs))
	for i, c := range cs {
		countries[i] = c.ISO2
	}
	month := graph.Today().String()[:7]
	urls := map[bool]string{}
	for _, noAnswers := range []bool{false, true} {
		srv := server.New(server.Config{Addr: "127.0.0.1:0", WebDir: filepath.Join("build", "web"), NoAnswerCache: noAnswers,
			Edge: server.Edge{RateLimit: server.RateLimit{Off: true}, NoCompression: true}}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err := srv.Listen(); err != nil {
			return err
		}
		go func() { _ = srv.Serve() }()
		defer func() {
			sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = srv.Shutdown(sctx)
		}()
		urls[noAnswers] = "http://" + srv.Addr() + "/graphql"
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2 * calendarClients}}
	for _, q := range calendarQueries {
		url := urls[q.noAnswers]
		var mu sync.Mutex
		var lat latencies
		timed := false
		call := func(i int) error {
			body, _ := json.Marshal(map[string]any{"query": q.query, "variables": q.vars(i/calendarClients, countries, month)})
			start := time.Now()
			resp, err := client.Post(url, "application/json", bytes.NewReader(body))
			if err != nil {
				return err
			}
			raw, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			took := time.Since(start)
			if err != nil {
				return err
			}
			var out struct {
				Errors []json.RawMessage `json:"errors"`
			}
			if resp.StatusCode != http.StatusOK || json.Unmarshal(raw, &out) != nil || len(out.Errors) > 0 {
				return fmt.Errorf("calendar bench: %s: status %d: %.300s", q.name, resp.StatusCode, raw)
			}
			mu.Lock()
			if timed {
				lat = append(lat, took)
			}
			mu.Unlock()
			return nil
		}
		fmt.Printf("bench: calendar: %s, %d clients, %s warm-up, %s timed\n", q.name, calendarClients, calendarWarm, calendarTimed)
		if _, err := throughput(ctx, calendarClients, calendarWarm, call); err != nil {
			return err
		}
		mu.Lock()
		timed = true
		mu.Unlock()
		perSec, err := throughput(ctx, calendarClients, calendarTimed, call)
		if err != nil {
			return err
		}
		p95 := lat.quantile(0.95)
		rep.add(Result{Name: "calendar: " + q.name + ", 8 clients, p95", Unit: "ms", Value: p95, Target: "≤ 100 ms", Met: met(p95 <= 100)})
		rep.add(Result{Name: "calendar: " + q.name + ", 8 clients", Unit: "req/s", Value: perSec})
	}
	return nil
}
