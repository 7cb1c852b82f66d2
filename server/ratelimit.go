package server

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"
)

// codeRateLimited is extensions.code (GraphQL) or code (other routes) of a
// request refused by the rate limiter.
const codeRateLimited = "RATE_LIMITED"

// Rate is a token bucket: PerSecond tokens are added each second, up to Burst.
type Rate struct {
	PerSecond float64
	Burst     int
}

// RateLimit configures the per-client rate limits. Each server process limits
// on its own: behind a load balancer with n replicas a client gets up to n
// times these rates.
type RateLimit struct {
	Off     bool // EWSI_RATE_LIMIT=off
	GraphQL Rate // complexity points of GraphQL operations
	HTTP    Rate // requests to the other routes (GeoJSON, tiles, static files)
	Write   Rate // anonymous writes: the partner-request mutations
	Key     Rate // checks of a manage key, reply key or editor token
	Clients int  // clients remembered; the least recently seen are forgotten
}

func (l *RateLimit) defaults() {
	set := func(r *Rate, perSecond float64, burst int) {
		if r.PerSecond == 0 {
			r.PerSecond = perSecond
		}
		if r.Burst == 0 {
			r.Burst = burst
		}
	}
	set(&l.GraphQL, 5000, 50000)
	set(&l.HTTP, 200, 1000)
	set(&l.Write, 1, 30)
	set(&l.Key, 2, 60)
	if l.Clients == 0 {
		l.Clients = 50000
	}
}

// bucket holds one token bucket per client, in an LRU so that memory stays
// bounded however many clients come.
type bucket struct {
	name    string
	rate    Rate
	mu      sync.Mutex
	clients *lru.Cache[string, *rate.Limiter]
}

func newBucket(name string, r Rate, clients int) *bucket {
	c, _ := lru.New[string, *rate.Limiter](max(clients, 1))
	return &bucket{name: name, rate: r, clients: c}
}

// reserve takes n tokens for client at now; the reservation is nil and wait
// tells how long to wait when the tokens are not there. The GraphQL bucket
// caps n at its burst, so that a costly operation is slow, never refused
// forever; the other buckets refuse more than their burst in one request
// (many key guesses in aliases must not pass as one).
func (b *bucket) reserve(client string, n int, now time.Time) (res *rate.Reservation, wait time.Duration) {
	if n <= 0 {
		return nil, 0
	}
	if b.name == "graphql" {
		n = min(n, b.rate.Burst)
	}
	b.mu.Lock()
	lim, ok := b.clients.Get(client)
	if !ok {
		lim = rate.NewLimiter(rate.Limit(b.rate.PerSecond), b.rate.Burst)
		b.clients.Add(client, lim)
	}
	b.mu.Unlock()
	res = lim.ReserveN(now, n)
	if !res.OK() {
		return nil, b.refill()
	}
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return nil, d
	}
	return res, 0
}

// refill is the time an empty bucket takes to fill.
func (b *bucket) refill() time.Duration {
	return time.Duration(float64(b.rate.Burst) / b.rate.PerSecond * float64(time.Second))
}

// limiter holds the buckets of the server.
type limiter struct {
	cfg                       RateLimit
	ip                        ClientIP
	graphql, http, write, key *bucket
	now                       func() time.Time
}

func newLimiter(cfg RateLimit, ip ClientIP) *limiter {
	cfg.defaults()
	return &limiter{cfg: cfg, ip: ip, now: time.Now,
		graphql: newBucket("graphql", cfg.GraphQL, cfg.Clients),
		http:    newBucket("http", cfg.HTTP, cfg.Clients),
		write:   newBucket("write", cfg.Write, cfg.Clients),
		key:     newBucket("key", cfg.Key, cfg.Clients)}
}

// take takes n[i] tokens from buckets[i] for client, all or none; when refused
// it names the bucket and says how long to wait.
func (l *limiter) take(client string, buckets []*bucket, n []int) (refused *bucket, wait time.Duration) {
	now := l.now()
	var taken []*rate.Reservation
	for i, b := range buckets {
		res, d := b.reserve(client, n[i], now)
		if d > 0 {
			for _, r := range taken {
				r.CancelAt(now)
			}
			return b, d
		}
		if res != nil {
			taken = append(taken, res)
		}
	}
	return nil, 0
}

// requests limits the requests of a route other than /graphql, one token each.
func (l *limiter) requests(next http.Handler) http.Handler {
	if l.cfg.Off {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := clientKey(l.ip.Of(r))
		if _, wait := l.take(client, []*bucket{l.http}, []int{1}); wait > 0 {
			setRetryAfter(w, wait)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = fmt.Fprintf(w, `{"code":%q,"description":%q}`+"\n", codeRateLimited, limitedMessage(l.http, wait))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func setRetryAfter(w http.ResponseWriter, wait time.Duration) {
	w.Header().Set("Retry-After", strconv.Itoa(retrySeconds(wait)))
}

func retrySeconds(wait time.Duration) int {
	return max(1, int(math.Ceil(wait.Seconds())))
}

func limitedMessage(b *bucket, wait time.Duration) string {
	what := map[string]string{
		"graphql": "GraphQL queries (counted by complexity)",
		"http":    "requests",
		"write":   "anonymous writes",
		"key":     "key or token checks",
	}[b.name]
	return fmt.Sprintf("too many %s from this client: retry after %d s", what, retrySeconds(wait))
}
