// Package server is the HTTP edge of EWSI Graph: the GraphQL endpoint with its
// limits and error translation, GraphiQL, health and readiness, Prometheus
// metrics, and the static browser app. It holds no state of its own, so several
// servers can run behind a load balancer against one Neo4j.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/cors"

	"ewsi/auth"
	"ewsi/graph"
	"ewsi/graph/labels"
	"ewsi/search"
	"ewsi/webmap"
)

// Config is what the server needs besides its store.
type Config struct {
	Addr          string        // listen address, default 127.0.0.1:8080
	WebDir        string        // built browser files (index.html, vendor/), default build/web
	QueryTimeout  time.Duration // per GraphQL request, default 15s
	MaxBodyBytes  int64         // default 1 MiB
	MaxDepth      int           // default 12
	MaxAliases    int           // default 30
	MaxComplexity int           // default 5000
	MaxTokens     int           // default 5000
	// MaxSelectionFields bounds the fields of one selection set, its fragments
	// included, before validation (whose overlap check is quadratic in them).
	MaxSelectionFields int // default 300
	// MaxSameName bounds the fields of one response name in one selection set,
	// its fragments merged in: validation compares each pair of them.
	MaxSameName      int // default 25
	MaxFields        int // fields once fragments are expanded, default 5000
	MaxErrors        int // errors kept in one response, default 100
	MaxResponseBytes int // a larger response is replaced by RESPONSE_TOO_LARGE, default 8 MiB
	// MaxOperationLabels bounds the operation names that /metrics keeps as
	// labels: the first ones seen, then "other". Default 50.
	MaxOperationLabels int
	AllowedOrigins     []string // CORS; default any origin (the API is public and read-only)
	// Extra are more routes, by ServeMux pattern, served beside the API (the map's
	// GeoJSON and vector tiles); they bound their own work.
	Extra map[string]http.Handler
	// NotFound answers a path that is neither a route nor a built file (the
	// site's not-found page); nil: a plain 404.
	NotFound http.Handler
	// ContentOrigins are origins besides the server's own that pages may load
	// images from and connect to (the operator's basemap tile service).
	ContentOrigins []string
	EditorToken    string // bootstrap bearer token of an editor (EWSI_EDITOR_TOKEN), used when Accounts is nil
	// Accounts resolves sessions and API tokens into the request's actor and
	// runs the accounts' flows; nil: no accounts (visitors and EditorToken only).
	Accounts *auth.Service
	// Partners ranks partners and related content (a rank.Ranker over the store's
	// projection); nil: the store's own ranking, when it has one.
	Partners graph.Partners
	Edge     Edge // rate limits, client address, compression (see EdgeFromEnv)
	// Map is the cache of the map's cluster hierarchies that mapLayer reads
	// (the same one the routes of Extra share); nil switches mapLayer off.
	Map *webmap.Layers
	// NoAnswerCache turns off the answers kept whole per graph version for
	// visitors' calendar queries (answercache.go); a bench measures without it.
	NoAnswerCache bool
	// Labels words enum labels and reasons in each language; nil: New reads the
	// built-in files (labels.Embedded) once.
	Labels *labels.Catalog
	// Notifier records mails for the background worker to send (notify.Mailer);
	// nil: features that mail are off.
	Notifier graph.Notifier
	// Search is the one search and the type-ahead over the index the server
	// keeps (a search.Engine over the store); nil: one is made over the store,
	// built on first use.
	Search *search.Engine
}

func (c *Config) defaults() {
	if c.Addr == "" {
		c.Addr = "127.0.0.1:8080"
	}
	if c.WebDir == "" {
		c.WebDir = filepath.Join("build", "web")
	}
	if c.QueryTimeout == 0 {
		c.QueryTimeout = 15 * time.Second
	}
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = 1 << 20
	}
	if c.MaxDepth == 0 {
		c.MaxDepth = 12
	}
	if c.MaxAliases == 0 {
		c.MaxAliases = 30
	}
	if c.MaxComplexity == 0 {
		c.MaxComplexity = 5000
	}
	if c.MaxTokens == 0 {
		c.MaxTokens = 5000
	}
	if c.MaxSameName == 0 {
		c.MaxSameName = 25
	}
	if c.MaxSelectionFields == 0 {
		c.MaxSelectionFields = 300
	}
	if c.MaxFields == 0 {
		c.MaxFields = 5000
	}
	if c.MaxErrors == 0 {
		c.MaxErrors = 100
	}
	if c.MaxResponseBytes == 0 {
		c.MaxResponseBytes = 8 << 20
	}
	if c.MaxOperationLabels == 0 {
		c.MaxOperationLabels = 50
	}
	if len(c.AllowedOrigins) == 0 {
		c.AllowedOrigins = []string{"*"}
	}
}

// Pinger is what readiness asks: Neo4j answers and migrations are done.
type Pinger interface {
	Ping(ctx context.Context) error
}

// RoundTripper counts queries sent to Neo4j, for the metrics.
type RoundTripper interface {
	RoundTrips() int64
}

// Server serves HTTP.
type Server struct {
	cfg     Config
	store   graph.Reader
	log     *slog.Logger
	handler http.Handler
	http    *http.Server
	ln      net.Listener
	metrics *metrics
	limiter *limiter
}

// New builds the server over store (which should also be a Pinger and RoundTripper).
func New(cfg Config, store graph.Reader, log *slog.Logger) *Server {
	cfg.defaults()
	if cfg.Labels == nil { // parsed once here, not by every request that words a label
		if c, err := labels.Embedded(); err == nil {
			cfg.Labels = c
		} else {
			log.Error("the label files do not load", "err", err)
		}
	}
	s := &Server{cfg: cfg, store: store, log: log}
	reg := prometheus.NewRegistry()
	s.metrics = newMetrics(reg, store, cfg.MaxOperationLabels)
	s.limiter = newLimiter(cfg.Edge.RateLimit, cfg.Edge.ClientIP)
	mux := http.NewServeMux()
	gql := s.graphqlHandler(reg)
	mux.Handle("/graphql", s.limiter.graphqlRequests(s.limitBody(s.withTimeout(s.withActor(gql)))))
	mux.Handle("GET /account/data.json", s.limiter.requests(s.withTimeout(s.withActor(http.HandlerFunc(s.myData)))))
	mux.HandleFunc("/graphiql", s.graphiql)
	mux.Handle("/graphiql.js", graphiqlFile("text/javascript; charset=utf-8", graphiqlScript))
	mux.Handle("/graphiql.css", graphiqlFile("text/css; charset=utf-8", graphiqlStyle))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("/readyz", s.ready)
	mux.Handle("/metrics", s.metrics.handler(reg))
	if st, ok := s.store.(graph.Contributions); ok {
		mux.Handle("GET /contributors.csv", s.limiter.requests(s.contributorsCSV(st)))
	}
	for pattern, h := range cfg.Extra {
		mux.Handle(pattern, s.limiter.requests(h))
	}
	mux.Handle("/", s.limiter.requests(cacheControl(s.static())))
	c := cors.New(cors.Options{AllowedOrigins: cfg.AllowedOrigins, AllowedMethods: []string{"GET", "POST"},
		AllowedHeaders: []string{"Content-Type", "Accept", "Authorization"}, MaxAge: 600})
	var h http.Handler = c.Handler(mux)
	if !cfg.Edge.NoCompression {
		h = compress(h, log)
	}
	s.handler = s.logRequests(securityHeaders(cfg.ContentOrigins, h))
	return s
}

// Handler returns the whole HTTP handler, for tests with httptest.
func (s *Server) Handler() http.Handler { return s.handler }

// Listen binds the configured address; Addr then tells the real one (for ":0").
func (s *Server) Listen() error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return graph.Errorf(graph.EINVALID, "EWSI_ADDR", "cannot listen on %s: %v", s.cfg.Addr, err)
	}
	s.ln = ln
	return nil
}

// Addr returns the address the server listens on.
func (s *Server) Addr() string {
	if s.ln == nil {
		return s.cfg.Addr
	}
	return s.ln.Addr().String()
}

// Serve serves until Shutdown; it returns nil after a clean shutdown.
func (s *Server) Serve() error {
	s.http = &http.Server{Handler: s.handler, ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: s.cfg.QueryTimeout + 30*time.Second, IdleTimeout: 2 * time.Minute}
	if err := s.http.Serve(s.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Shutdown stops accepting requests and waits for those under way.
func (s *Server) Shutdown(ctx context.Context) error {
	if s.http == nil {
		return nil
	}
	return s.http.Shutdown(ctx)
}

func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	p, ok := s.store.(Pinger)
	if !ok {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("no store\n"))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	if err := p.Ping(ctx); err != nil {
		s.log.Warn("not ready", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("not ready: " + graph.ErrorMessage(err) + "\n"))
		return
	}
	_, _ = w.Write([]byte("ready\n"))
}

// static serves the built browser app; without a build it says how to make one.
func (s *Server) static() http.Handler {
	fs := http.FileServer(http.Dir(s.cfg.WebDir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := os.Stat(filepath.Join(s.cfg.WebDir, "index.html")); err != nil {
			http.Error(w, "the browser app is not built: run `make` (it runs the npm build into "+s.cfg.WebDir+")", http.StatusNotFound)
			return
		}
		if s.cfg.NotFound != nil && !s.builtFile(r.URL.Path) {
			s.cfg.NotFound.ServeHTTP(w, r)
			return
		}
		fs.ServeHTTP(w, r)
	})
}

// builtFile says whether path names a file (or a folder with index.html) of
// the build.
func (s *Server) builtFile(path string) bool {
	name := filepath.Join(s.cfg.WebDir, filepath.FromSlash(filepath.Clean("/"+path)))
	fi, err := os.Stat(name)
	if err != nil {
		return false
	}
	if fi.IsDir() {
		_, err = os.Stat(filepath.Join(name, "index.html"))
		return err == nil
	}
	return true
}

func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > s.cfg.MaxBodyBytes {
			writeRequestError(w, mediaJSON, http.StatusRequestEntityTooLarge, codeRequestTooLarge,
				"the request body is larger than the limit of "+itoa(s.cfg.MaxBodyBytes)+" bytes")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		next.ServeHTTP(w, r)
	})
}

func (s *Server) withTimeout(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
