// GraphiQL for EWSI Graph: served as a file of its own (no inline script), so
// that a Content-Security-Policy without 'unsafe-inline' admits it.
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
const defaultQuery = '# EWSI Graph: the European Web Site on Integration as a knowledge graph.\n' +
  '# Items marked demo: true are generated demo content.\n' +
  '{\n  themes { name(lang: FR) subthemes { name } }\n  principles { number short }\n' +
  '  countries(eu: true) { iso2 name }\n' +
  '  practices(first: 5) { totalCount edges { node { title demo implementers { ... on Organisation { name } ... on LocalAuthority { name } } } } }\n}\n';
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery }));
