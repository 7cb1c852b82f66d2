package search

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"ewsi/graph"
)

// Bounds of the misses' report.
const (
	// MaxMisses is how many distinct queries the report keeps.
	MaxMisses = 1000
	// maxMissLen bounds a recorded query, in bytes.
	maxMissLen = 200
	// missesPerSecond and missBurst bound the recordings across all clients:
	// beyond them misses are dropped (a sample is kept).
	missesPerSecond = 5
	missBurst       = 20
	// maxPending bounds the distinct misses waiting to be written.
	maxPending = 256
	// writeTimeout bounds one write of the pending misses.
	writeTimeout = 10 * time.Second
)

// Recorder records searches that found nothing into the report, in the
// background: Record never waits for the store. Misses are merged by
// normalised query while they wait, and written by one goroutine at a time,
// started when there is something to write and ended when nothing is left.
type Recorder struct {
	// Log, when set, hears of failed writes.
	Log     *slog.Logger
	src     graph.SearchSource
	limit   *rate.Limiter
	mu      sync.Mutex
	pending map[string]*graph.SearchMiss
	running bool
	closed  bool
	wg      sync.WaitGroup
}

// NewRecorder returns a recorder writing to src.
func NewRecorder(src graph.SearchSource) *Recorder {
	return &Recorder{src: src, limit: rate.NewLimiter(missesPerSecond, missBurst), pending: map[string]*graph.SearchMiss{}}
}

// Normalize returns the form a miss is recorded under: the folded words of q
// joined by one space, at most maxMissLen bytes of whole words.
func Normalize(q string) string {
	s := strings.Join(Words(q), " ")
	for len(s) > maxMissLen {
		i := strings.LastIndexByte(s[:maxMissLen], ' ')
		if i <= 0 {
			return s[:0]
		}
		s = s[:i]
	}
	return s
}

// Record counts a miss of q from a page in lang, unless the recordings'
// rate is spent or too many wait; it never blocks on the store.
func (r *Recorder) Record(q string, lang graph.Lang) {
	n := Normalize(q)
	if n == "" || !r.limit.Allow() {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return
	}
	m, ok := r.pending[n]
	if !ok {
		if len(r.pending) >= maxPending {
			return
		}
		m = &graph.SearchMiss{Query: n}
		r.pending[n] = m
	}
	m.Count++
	m.LastAt = time.Now().UTC()
	if l := string(lang); l != "" && !contains(m.Langs, l) {
		m.Langs = append(m.Langs, l)
	}
	if !r.running {
		r.running = true
		r.wg.Add(1)
		go r.flush()
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// flush writes what is pending until nothing is.
func (r *Recorder) flush() {
	defer r.wg.Done()
	for {
		r.mu.Lock()
		if len(r.pending) == 0 {
			r.running = false
			r.mu.Unlock()
			return
		}
		batch := make([]graph.SearchMiss, 0, len(r.pending))
		for _, m := range r.pending {
			batch = append(batch, *m)
		}
		r.pending = map[string]*graph.SearchMiss{}
		r.mu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
		err := r.src.RecordSearchMisses(ctx, batch, MaxMisses)
		cancel()
		if err != nil && r.Log != nil { // a lost sample does no harm beyond the report
			r.Log.Warn("search: recording misses", "misses", len(batch), "err", err)
		}
	}
}

// Wait waits until every miss recorded so far is written.
func (r *Recorder) Wait() { r.wg.Wait() }

// Close stops recording and waits for the writes under way.
func (r *Recorder) Close() {
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	r.wg.Wait()
}
