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

// timeIt calls fn n times after a warm-up and returns each call's time.
func timeIt(ctx context.Context, n int, fn func(i int) error) (latencies, error) {
	for i := 0; i < min(n/5+1, 50); i++ {
		if err := fn(i); err != nil {
			return nil, err
		}
	}
	out := make(latencies, 0, n)
	for i := 0; i < n; i++ {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		start := time.Now()
		if err := fn(i); err != nil {
			return nil, err
		}
		out = append(out, time.Since(start))
	}
	return out, nil
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
