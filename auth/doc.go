// Package auth is the accounts' edge and flows: argon2id password hashes,
// session cookies, cross-site request protection, the middleware that turns a
// session cookie or an API token into the request's graph.Actor, and the
// register, confirm, login, reset and email-change flows over graph.Accounts,
// throttled in Neo4j so that several servers share the counts.
package auth
