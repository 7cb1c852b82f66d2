package server

import (
	_ "embed"
	"net/http"
)

// graphiqlPage loads GraphiQL from the app's own vendor folder (built from npm
// packages by `make`), never from a CDN. It has no inline script or style: its
// own script and style are /graphiql.js and /graphiql.css, so that it works
// under a Content-Security-Policy without 'unsafe-inline'.
const graphiqlPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>EWSI Graph · GraphiQL</title>
<link rel="stylesheet" href="/vendor/graphiql/graphiql.min.css">
<link rel="stylesheet" href="/graphiql.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<main>
<h1 class="visually-hidden">EWSI Graph: GraphiQL, the explorer of the GraphQL API</h1>
<div id="graphiql">Loading GraphiQL…</div>
</main>
<script src="/vendor/react/react.production.min.js"></script>
<script src="/vendor/react-dom/react-dom.production.min.js"></script>
<script src="/vendor/graphiql/graphiql.min.js"></script>
<script src="/graphiql.js"></script>
</body>
</html>`

var (
	//go:embed graphiql/graphiql.js
	graphiqlScript string
	//go:embed graphiql/graphiql.css
	graphiqlStyle string
)

// graphiqlFile serves one of GraphiQL's files from the binary.
func graphiqlFile(contentType, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write([]byte(body))
	}
}

func (s *Server) graphiql(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(graphiqlPage))
}
