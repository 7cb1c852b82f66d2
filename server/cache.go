package server

import (
	"net/http"
	"path"
	"regexp"
)

// hashedName matches the files the build names by content hash
// (name-XXXXXXXX.ext, see webmap/build.mjs); they never change.
var hashedName = regexp.MustCompile(`-[A-Z0-9]{8,}\.(js|css|png|svg|json|woff2?)(\.map)?$`)

const (
	cacheForever    = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// cacheControl sets the cache lifetime of the static files: a year for files
// named by their content hash, revalidation for everything else (pages, and
// vendor files whose names stay the same across versions). Errors (a hashed
// name that does not exist) are not cached.
func cacheControl(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		policy := cacheRevalidate
		if hashedName.MatchString(path.Base(r.URL.Path)) {
			policy = cacheForever
		}
		next.ServeHTTP(&cacheWriter{ResponseWriter: w, policy: policy}, r)
	})
}

// cacheWriter sets Cache-Control when the status is known.
type cacheWriter struct {
	http.ResponseWriter
	policy string
	wrote  bool
}

func (w *cacheWriter) WriteHeader(code int) {
	if !w.wrote {
		w.wrote = true
		if code == http.StatusOK || code == http.StatusNotModified || code == http.StatusPartialContent {
			w.Header().Set("Cache-Control", w.policy)
		} else {
			w.Header().Set("Cache-Control", "no-store")
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *cacheWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *cacheWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
