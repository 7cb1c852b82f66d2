package site

import (
	"bytes"
	"encoding/json"
	"html"
	"html/template"
	"net/http"
	"net/url"
)

// LangLink is one entry of the language switcher: the same page and query in
// another language.
type LangLink struct {
	Code, Label, URL string
	Active           bool
}

// endonyms name each language in itself (the switcher marks them with lang).
var endonyms = map[string]string{"en": "English", "fr": "Français", "de": "Deutsch"}

// Page is what the layout and the page templates see.
type Page struct {
	Lang      string
	Path      string     // the clean path of the page ("/about"); "" on the not-found page
	Query     url.Values // the request's query
	Q         string     // the query's q (the search box)
	LangLinks []LangLink
	Brand     string
	Basemap   Basemap
	Demo      bool
	SignedIn  bool        // the request has a session: the header links to the account, not to the login
	Messages  template.JS // the catalog of Lang as JSON, for common/i18n.js
	// LinkedData is the page's schema.org description as JSON-LD (Config.Describe), "" for none.
	LinkedData template.JS
}

// BasemapURLAttr is the attribute data-basemap-url="..." of <body>, written
// here because html/template treats an attribute named *url* as a URL and
// would percent-encode the template's {z}, {x} and {y}.
func (p Page) BasemapURLAttr() template.HTMLAttr {
	return template.HTMLAttr(`data-basemap-url="` + html.EscapeString(p.Basemap.URL) + `"`)
}

// Has says whether the request's query has value among the values of key
// (a checked box of a GET form).
func (p Page) Has(key, value string) bool {
	for _, v := range p.Query[key] {
		if v == value {
			return true
		}
	}
	return false
}

// Handlers returns the site's routes by ServeMux pattern: each page at its
// clean path and its old /x.html answering 301 there with the query kept.
// layout.html is not served.
func (s *Site) Handlers() map[string]http.Handler {
	h := map[string]http.Handler{}
	for _, r := range Routes {
		p := s.pages[r.File]
		path := r.Path
		if path == "/" {
			h["GET /{$}"] = s.serve(p, path)
		} else {
			h["GET "+path] = s.serve(p, path)
		}
		h["GET /"+r.File] = redirect(path)
	}
	h["GET /layout.html"] = http.HandlerFunc(s.NotFound)
	h["GET /"+notFoundFile] = http.HandlerFunc(s.NotFound)
	return h
}

// redirect answers 301 to path with the request's query.
func redirect(path string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		to := path
		if r.URL.RawQuery != "" {
			to += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, to, http.StatusMovedPermanently)
	})
}

// NotFound renders the not-found page in the layout with status 404.
func (s *Site) NotFound(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, s.pages[notFoundFile], "", http.StatusNotFound)
}

func (s *Site) serve(p *page, path string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.render(w, r, p, path, http.StatusOK)
	})
}

func (s *Site) render(w http.ResponseWriter, r *http.Request, p *page, path string, status int) {
	lang, fromQuery := Negotiate(r)
	hd := w.Header()
	hd.Set("Vary", "Accept-Language, Cookie")
	hd.Set("Cache-Control", "no-cache")
	if fromQuery {
		http.SetCookie(w, &http.Cookie{Name: LangCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
			SameSite: http.SameSiteLaxMode, HttpOnly: true})
	}
	if p.raw != nil {
		hd.Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		_, _ = w.Write(p.raw)
		return
	}
	q := r.URL.Query()
	data := Page{Lang: lang, Path: path, Query: q, Q: q.Get("q"), Brand: s.cfg.Brand, Basemap: s.cfg.Basemap,
		Demo: s.cfg.Demo, SignedIn: s.cfg.SignedIn(r), Messages: s.msgJSON[lang]}
	if s.cfg.Describe != nil && status == http.StatusOK {
		ld, err := s.cfg.Describe(r, path, lang)
		if err != nil {
			s.cfg.Log.Warn("page description", "path", r.URL.Path, "err", err)
		} else if json.Valid(ld) {
			data.LinkedData = template.JS(ld)
		}
	}
	for _, l := range Langs {
		data.LangLinks = append(data.LangLinks, LangLink{Code: l, Label: endonyms[l], URL: withLang(r.URL, l), Active: l == lang})
	}
	var buf bytes.Buffer
	if err := p.tmpl[lang].ExecuteTemplate(&buf, "layout.html", data); err != nil {
		s.cfg.Log.Error("page template", "path", r.URL.Path, "lang", lang, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Content-Language", lang)
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// withLang is u's path and query with lang set to l.
func withLang(u *url.URL, l string) string {
	q := u.Query()
	q.Set("lang", l)
	return u.Path + "?" + q.Encode()
}
