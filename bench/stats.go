package main

import (
	"context"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// latencies are timed calls.
type latencies []time.Duration

// quantile returns the q-quantile in milliseconds.
func (l latencies) quantile(q float64) float64 {
	if len(l) == 0 {
		return 0
	}
	s := append(latencies(nil), l...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(q * float64(len(s)-1))
	return float64(s[i].Microseconds()) / 1000
}

// timing is how a pair of calls is timed: for how long both are called before
// timing starts, and how many timed calls each then gets.
type timing struct {
	iters int
	// warm is how long both calls run, in turn, before any is timed. Neo4j
	// compiles the hot paths of a query shape while it serves it: the
	// organisation's raw Cypher fell from 4.3 ms to 0.53 ms p50 over its first
	// 30 s of calls on the bench machine, in steps (flat for 5 s, then 25%
	// faster), so a ratio timed before that compares cold calls, and no test of
	// a flat p50 can tell a step from the end.
	warm time.Duration
}

// pair times a and b t.iters times each, interleaved (a then b, then b then a,
// and so on) after the warm-up, so that both see the same machine: a ratio of
// their quantiles then holds even while the machine's load drifts.
func (t timing) pair(ctx context.Context, a, b func(i int) error) (latencies, latencies, error) {
	n := t.iters
	i := 0
	for end := time.Now().Add(t.warm); i < 50 || time.Now().Before(end); i++ {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		if err := a(i); err != nil {
			return nil, nil, err
		}
		if err := b(i); err != nil {
			return nil, nil, err
		}
	}
	la, lb := make(latencies, 0, n), make(latencies, 0, n)
	for i := 0; i < n; i++ {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		first, second, lf, ls := a, b, &la, &lb
		if i%2 == 1 {
			first, second, lf, ls = b, a, &lb, &la
		}
		for _, step := range []struct {
			fn  func(int) error
			out *latencies
		}{{first, lf}, {second, ls}} {
			start := time.Now()
			if err := step.fn(i); err != nil {
				return nil, nil, err
			}
			*step.out = append(*step.out, time.Since(start))
		}
	}
	return la, lb, nil
}

// throughput runs fn from workers goroutines for d and returns calls per second.
func throughput(ctx context.Context, workers int, d time.Duration, fn func(i int) error) (float64, error) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var calls int
	var firstErr error
	deadline := time.Now().Add(d)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			n := 0
			for i := w; time.Now().Before(deadline) && ctx.Err() == nil; i += workers {
				if err := fn(i); err != nil {
					mu.Lock()
					firstErr = err
					mu.Unlock()
					return
				}
				n++
			}
			mu.Lock()
			calls += n
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	return float64(calls) / d.Seconds(), firstErr
}

func machine() map[string]string {
	m := map[string]string{"goos": runtime.GOOS, "goarch": runtime.GOARCH, "cpus": itoa(runtime.NumCPU()), "go": runtime.Version()}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "model name") {
				_, v, _ := strings.Cut(line, ":")
				m["cpu"] = strings.TrimSpace(v)
				break
			}
		}
	}
	return m
}

func itoa(n int) string { return strconv.Itoa(n) }
