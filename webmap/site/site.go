// Package site renders the pages of the browser app: one shared layout
// (webmap/app/layout.html, the ECL site header, page header with breadcrumbs
// and footer) around each page's template, in the visitor's language (English,
// French or German), with the UI messages of that language put into the page
// for its scripts.
package site

import (
	"bytes"
	"encoding/json"
	"html/template"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"ewsi/graph"
)

// Config is what the pages need from the operator.
type Config struct {
	WebDir  string  // the built browser files (layout.html, the pages, messages/)
	Brand   string  // "" (a neutral site) or "ec" (the European Commission's logo)
	Basemap Basemap // the background map, see ParseBasemap
	// Demo says whether the installation loads generated demo content into an
	// empty graph (EWSI_DEMO_SCALE > 0); the footer and the about page say so.
	Demo bool
	// SignedIn says whether a request comes with a session, for the header's
	// "Log in" or "My account" link; nil reads the presence of the session
	// cookie (SessionCookie). The pages never learn who it is.
	SignedIn func(r *http.Request) bool
	// Describe returns the schema.org JSON-LD of the page at path (its query
	// in r) in lang, written into the page's head; nil for none. The bytes
	// must be JSON with <, > and & escaped (json.Marshal does it). nil
	// Describe describes nothing.
	Describe func(r *http.Request, path, lang string) (json.RawMessage, error)
	Log      *slog.Logger
}

// SessionCookie is the name of the session cookie the accounts set behind
// TLS; InsecureSessionCookie its name over plain HTTP (development, tests),
// where browsers refuse the __Host- prefix.
const (
	SessionCookie         = "__Host-ewsi_session"
	InsecureSessionCookie = "ewsi_session"
)

// hasSessionCookie is the default SignedIn: the request carries a session
// cookie (a stale one shows "My account", whose page then asks to log in).
func hasSessionCookie(r *http.Request) bool {
	for _, name := range []string{SessionCookie, InsecureSessionCookie} {
		if c, err := r.Cookie(name); err == nil && c.Value != "" {
			return true
		}
	}
	return false
}

// Route is a page: its clean path and the template file under WebDir.
type Route struct {
	Path string // "/about"
	File string // "about.html"
	Key  string // the area of its title message, e.g. "about" for about.title
}

// Routes are the pages of the site; every /<file> answers 301 to its Path.
var Routes = []Route{
	{"/", "index.html", "map"},
	{"/partners", "partners.html", "partners"},
	{"/requests", "requests.html", "requests"},
	{"/node", "node.html", "node"},
	{"/country", "country.html", "country"},
	{"/about", "about.html", "about"},
	{"/accessibility", "accessibility.html", "accessibility"},
	{"/search", "search.html", "search"},
	{"/search/misses", "searchmisses.html", "search"}, // the editors' list of searches that found nothing
	{"/library", "library.html", "library"},
	{"/news", "news.html", "news"},
	{"/links", "links.html", "links"},
	{"/framework", "framework.html", "framework"},
	{"/principles", "principles.html", "framework"},
	{"/dossiers", "dossiers.html", "dossiers"},
	{"/register", "register.html", "account"},
	{"/login", "login.html", "account"},
	{"/account", "account.html", "account"},
	{"/account/confirm", "confirm.html", "account"}, // the links of the accounts' mails
	{"/account/email", "confirm.html", "account"},
	{"/account/reset", "reset.html", "account"},
	{"/people", "people.html", "people"},
	{"/contribute", "contribute.html", "contribute"},
	{"/moderation", "moderation.html", "moderation"},
	{"/contributors", "contributors.html", "contributors"},
	{"/calendar", "calendar.html", "calendar"},
	{"/funding", "funding.html", "funding"},
	{"/compare", "compare.html", "compare"},
}

// notFoundFile is the page of an unknown path.
const notFoundFile = "notfound.html"

// page is one page ready to serve: a template per language, or (for a page
// that does not use the layout yet) its file as is.
type page struct {
	tmpl map[string]*template.Template
	raw  []byte
}

// Site serves the pages.
type Site struct {
	cfg      Config
	messages map[string]Catalog
	msgJSON  map[string]template.JS
	pages    map[string]*page // by file name
}

// New loads the layout, the pages and the messages from cfg.WebDir; a broken
// message file or template is an error naming it.
func New(cfg Config) (*Site, error) {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Brand != "" && cfg.Brand != "ec" {
		return nil, graph.Errorf(graph.EINVALID, "EWSI_BRAND", "%q is not empty or \"ec\"", cfg.Brand)
	}
	if cfg.SignedIn == nil {
		cfg.SignedIn = hasSessionCookie
	}
	if cfg.Basemap.Type == "" {
		cfg.Basemap.Type = "offline"
	}
	msgs, err := LoadMessages(filepath.Join(cfg.WebDir, "messages"))
	if err != nil {
		return nil, err
	}
	s := &Site{cfg: cfg, messages: msgs, msgJSON: map[string]template.JS{}, pages: map[string]*page{}}
	for lang, cat := range msgs {
		b, err := json.Marshal(cat) // escapes <, > and &: safe inside a script element
		if err != nil {
			return nil, err
		}
		s.msgJSON[lang] = template.JS(b)
	}
	layoutFile := filepath.Join(cfg.WebDir, "layout.html")
	layout, err := os.ReadFile(layoutFile)
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, layoutFile, "cannot be read (run the web build, make build): %v", err)
	}
	files := []string{notFoundFile}
	for _, r := range Routes {
		files = append(files, r.File)
	}
	for _, f := range files {
		name := filepath.Join(cfg.WebDir, f)
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, graph.Errorf(graph.EINVALID, name, "cannot be read (run the web build, make build): %v", err)
		}
		p := &page{}
		if !bytes.Contains(src, []byte(`{{define "main"}}`)) {
			p.raw = src // not moved onto the layout yet
		} else {
			p.tmpl = map[string]*template.Template{}
			for lang, cat := range msgs {
				tr := newTranslator(lang, cat, cfg.Log)
				t, err := template.New("layout.html").Funcs(tr.funcs()).Parse(string(layout))
				if err != nil {
					return nil, graph.Errorf(graph.EINVALID, layoutFile, "%v", err)
				}
				if _, err := t.New(f).Parse(string(src)); err != nil {
					return nil, graph.Errorf(graph.EINVALID, name, "%v", err)
				}
				p.tmpl[lang] = t
			}
		}
		s.pages[f] = p
	}
	return s, nil
}

// Messages returns the catalog of lang (for tests).
func (s *Site) Messages(lang string) Catalog { return s.messages[lang] }

// title is the page's title message key: the area's "title".
func titleKey(area string) string { return strings.TrimSpace(area) + ".title" }
