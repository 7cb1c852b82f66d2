package server

import (
	"net/http"
	"strings"
)

// contentSecurityPolicy allows only the server's own scripts, styles, images,
// fonts and connections: no inline script, no eval, no framing. Leaflet draws
// with data: and blob: images; a map library's workers may start from blob:.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// graphiqlPolicy is the policy of /graphiql: GraphiQL's React components set
// style elements at run time, so styles may be inline there; scripts still may
// not.
var graphiqlPolicy = strings.Replace(contentSecurityPolicy, "style-src 'self'", "style-src 'self' 'unsafe-inline'", 1)

// widenPolicy lets policy load images from and connect to origins too (the
// operator's basemap service).
func widenPolicy(policy string, origins []string) string {
	if len(origins) == 0 {
		return policy
	}
	extra := " " + strings.Join(origins, " ")
	policy = strings.Replace(policy, "img-src 'self' data: blob:", "img-src 'self' data: blob:"+extra, 1)
	return strings.Replace(policy, "connect-src 'self'", "connect-src 'self'"+extra, 1)
}

// securityHeaders sets the security headers on every response; origins are
// the origins besides the server's own that pages load map tiles from.
func securityHeaders(origins []string, next http.Handler) http.Handler {
	pagePolicy := widenPolicy(contentSecurityPolicy, origins)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if r.URL.Path == "/graphiql" {
			h.Set("Content-Security-Policy", graphiqlPolicy)
		} else {
			h.Set("Content-Security-Policy", pagePolicy)
		}
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}
