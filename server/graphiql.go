package server

import "net/http"

// graphiqlPage loads GraphiQL from the app's own vendor folder (built from npm
// packages by `make`), never from a CDN.
const graphiqlPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>EWSI Graph · GraphiQL</title>
<link rel="stylesheet" href="/vendor/graphiql/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/vendor/react/react.production.min.js"></script>
<script src="/vendor/react-dom/react-dom.production.min.js"></script>
<script src="/vendor/graphiql/graphiql.min.js"></script>
<script>
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
const defaultQuery = '# EWSI Graph: the European Web Site on Integration as a knowledge graph.\n' +
  '# Items marked demo: true are generated demo content.\n' +
  '{\n  themes { name(lang: FR) subthemes { name } }\n  principles { number short }\n' +
  '  countries(eu: true) { iso2 name }\n' +
  '  practices(first: 5) { totalCount edges { node { title demo implementers { ... on Organisation { name } ... on LocalAuthority { name } } } } }\n}\n';
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery }));
</script>
</body>
</html>`

func (s *Server) graphiql(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(graphiqlPage))
}
