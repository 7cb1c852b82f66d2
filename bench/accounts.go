package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"syscall"
	"time"

	"ewsi/auth"
	"ewsi/graph/neo4j"
	"ewsi/server"
)

// accountsBench measures what accounts cost (issue 13): a login's p95 through
// GraphQL with the argon2id parameters of auth.DefaultParams (the hash is the
// bulk of it, by design), one argon2id verification alone, and what resolving
// a session cookie adds to a request (the same query with and without it,
// interleaved).
func accountsBench(ctx context.Context, st *neo4j.Store, t timing, rep *Report) error {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc, err := auth.New(auth.Config{Cookies: auth.Cookies{Insecure: true}}, st, nil, log)
	if err != nil {
		return err
	}
	api := httptest.NewServer(server.New(server.Config{Accounts: svc, Edge: engineOnly()}, st, log).Handler())
	defer api.Close()
	const email, password = "bench-login@bench.test", "a long bench password"
	if _, _, err := svc.CreateAdmin(ctx, "Bench", email, password); err != nil {
		return err
	}
	p := auth.DefaultParams()
	hash, err := auth.Hash(password, p)
	if err != nil {
		return err
	}
	// the CPU one verification takes (the security figure: what a guess costs),
	// apart from the wall time, which a loaded machine stretches
	var verify latencies
	cpu0 := processCPU()
	const verifications = 20
	for range verifications {
		start := time.Now()
		if ok, err := auth.Verify(password, hash); err != nil || !ok {
			return fmt.Errorf("verify: %v %v", ok, err)
		}
		verify = append(verify, time.Since(start))
	}
	verifyCPU := float64((processCPU()-cpu0)/verifications) / float64(time.Millisecond)
	post := func(query string, vars map[string]any, cookie string) (*http.Response, error) {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		req, _ := http.NewRequestWithContext(ctx, "POST", api.URL+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if cookie != "" {
			req.Header.Set("Cookie", cookie)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || bytes.Contains(raw, []byte(`"errors"`)) {
			return nil, fmt.Errorf("accounts bench: %d %s", resp.StatusCode, raw)
		}
		return resp, nil
	}
	login := `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`
	var logins latencies
	cookie := ""
	for range 40 {
		start := time.Now()
		resp, err := post(login, map[string]any{"e": email, "p": password}, "")
		if err != nil {
			return err
		}
		logins = append(logins, time.Since(start))
		for _, c := range resp.Cookies() {
			if c.Name == svc.Cookies().Name() {
				cookie = c.Name + "=" + c.Value
			}
		}
	}
	if cookie == "" {
		return fmt.Errorf("accounts bench: login set no session cookie")
	}
	q := `{ themes { id } }`
	with, without, err := t.pair(ctx, func(int) error { _, err := post(q, nil, cookie); return err },
		func(int) error { _, err := post(q, nil, ""); return err })
	if err != nil {
		return err
	}
	params := fmt.Sprintf("argon2id m=%d MiB, t=%d, p=%d", p.Memory/1024, p.Time, p.Threads)
	rep.add(Result{Name: "accounts: login p95 (GraphQL, " + params + ", wall)", Unit: "ms", Value: logins.quantile(0.95)})
	rep.add(Result{Name: "accounts: login p50 (GraphQL, wall)", Unit: "ms", Value: logins.quantile(0.5)})
	rep.add(Result{Name: "accounts: one argon2id verification, CPU (" + params + ")", Unit: "ms", Value: verifyCPU,
		Target: "50-250 ms", Met: met(verifyCPU >= 50 && verifyCPU <= 250)})
	rep.add(Result{Name: "accounts: one argon2id verification p50 (wall)", Unit: "ms", Value: verify.quantile(0.5)})
	cost := with.quantile(0.5) - without.quantile(0.5)
	rep.add(Result{Name: "accounts: session lookup per request, p50 with - p50 without", Unit: "ms", Value: cost,
		Baseline: without.quantile(0.5), BaseName: "same query without a session (p50)", Target: "<= 0.5 ms", Met: met(cost <= 0.5)})
	return nil
}

// processCPU is the CPU time (user and system) the bench process used so far.
func processCPU() time.Duration {
	var r syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &r); err != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
