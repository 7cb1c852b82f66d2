package site_test

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/webmap/site"
)

// newSite loads the site from the real build (make build).
func newSite(t *testing.T) *site.Site {
	t.Helper()
	root, err := neo4jtest.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.New(site.Config{WebDir: filepath.Join(root, "build", "web"), Demo: true})
	if err != nil {
		t.Fatalf("site.New: %v (run make build first)", err)
	}
	return s
}

// mux serves the site's routes with the not-found page as the fallback, as
// the server does.
func mux(s *site.Site) http.Handler {
	m := http.NewServeMux()
	for p, h := range s.Handlers() {
		m.Handle(p, h)
	}
	m.HandleFunc("/", s.NotFound)
	return m
}

func get(t *testing.T, h http.Handler, target string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest("GET", target, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestAboutInThreeLanguages(t *testing.T) {
	h := mux(newSite(t))
	for _, tc := range []struct{ lang, title, home string }{
		{"en", "About EWSI Graph", "Home"},
		{"fr", "À propos d’EWSI Graph", "Accueil"},
		{"de", "Über EWSI Graph", "Startseite"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			w := get(t, h, "/about?lang="+tc.lang, nil)
			body := w.Body.String()
			if w.Code != 200 {
				t.Fatalf("status %d: %s", w.Code, body)
			}
			for _, want := range []string{
				`<html lang="` + tc.lang + `">`,
				`<h1 class="ecl-page-header__title" id="page-title">` + tc.title + `</h1>`,
				`class="ecl-link ecl-link--standalone ecl-breadcrumb__link">` + tc.home + `</a>`,
				`<script type="application/json" id="ewsi-messages">`,
				`data-basemap-type="offline"`,
				`id="demo-notice"`,
			} {
				if !strings.Contains(body, want) {
					t.Errorf("the page lacks %s", want)
				}
			}
			if got := w.Header().Get("Content-Language"); got != tc.lang {
				t.Errorf("Content-Language %q, want %q", got, tc.lang)
			}
			if got := w.Header().Get("Vary"); got != "Accept-Language, Cookie" {
				t.Errorf("Vary %q", got)
			}
			if c := w.Result().Cookies(); len(c) != 1 || c[0].Name != site.LangCookie || c[0].Value != tc.lang {
				t.Errorf("cookies %v, want %s=%s", c, site.LangCookie, tc.lang)
			}
		})
	}
}

func TestOldPathsRedirect(t *testing.T) {
	h := mux(newSite(t))
	for _, tc := range []struct{ from, to string }{
		{"/about.html", "/about"},
		{"/partners.html?country=FR&lang=de", "/partners?country=FR&lang=de"},
		{"/node.html?id=practice:1", "/node?id=practice:1"},
		{"/index.html?lang=fr", "/?lang=fr"},
		{"/requests.html", "/requests"},
		{"/country.html?code=AT", "/country?code=AT"},
	} {
		t.Run(tc.from, func(t *testing.T) {
			w := get(t, h, tc.from, nil)
			if w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != tc.to {
				t.Fatalf("got %d to %q, want 301 to %q", w.Code, w.Header().Get("Location"), tc.to)
			}
		})
	}
}

func TestUnknownPathIsNotFoundPage(t *testing.T) {
	h := mux(newSite(t))
	for _, tc := range []struct{ path, header, want string }{
		{"/no-such-page", "", "Page not found"},
		{"/no/such/page?lang=fr", "", "Page introuvable"},
		{"/layout.html", "", "Page not found"},
		{"/nope", "de-AT,de;q=0.9", "Seite nicht gefunden"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			w := get(t, h, tc.path, map[string]string{"Accept-Language": tc.header})
			if w.Code != http.StatusNotFound {
				t.Fatalf("status %d, want 404", w.Code)
			}
			if !strings.Contains(w.Body.String(), tc.want) || !strings.Contains(w.Body.String(), `class="ecl-site-header`) {
				t.Errorf("the 404 page is not %q in the layout:\n%s", tc.want, w.Body.String())
			}
		})
	}
}

// TestBrandAndBasemapReachThePage: the Commission's logo only with brand ec, in
// the page's language; the basemap's settings as attributes of <body>.
func TestBrandAndBasemapReachThePage(t *testing.T) {
	root, _ := neo4jtest.RepoRoot()
	web := filepath.Join(root, "build", "web")
	bm, err := site.ParseBasemap("https://tiles.example.org/{z}/{x}/{y}.png", "© Example & Co")
	if err != nil {
		t.Fatal(err)
	}
	ec, err := site.New(site.Config{WebDir: web, Brand: "ec", Basemap: bm})
	if err != nil {
		t.Fatal(err)
	}
	body := get(t, mux(ec), "/about?lang=fr", nil).Body.String()
	for _, want := range []string{`logo-ec--fr.svg`, `alt="Logo de la Commission européenne"`, `data-brand="ec"`,
		`data-basemap-type="xyz"`, `data-basemap-url="https://tiles.example.org/{z}/{x}/{y}.png"`, `data-basemap-attribution="© Example &amp; Co"`} {
		if !strings.Contains(body, want) {
			i := strings.Index(body, "data-basemap-url")
			t.Errorf("with brand ec and a basemap the page lacks %s: %.120s", want, body[max(i, 0):])
		}
	}
	if strings.Contains(body, `data-demo`) || strings.Contains(body, `id="demo-notice"`) {
		t.Error("a demo notice without demo content")
	}
	plain := get(t, mux(newSite(t)), "/about?lang=fr", nil).Body.String()
	if strings.Contains(plain, "logo-ec") || !strings.Contains(plain, `data-brand=""`) || !strings.Contains(plain, `data-basemap-type="offline"`) {
		t.Error("without a brand the page shows the Commission's logo or lacks the offline basemap")
	}
	if _, err := site.New(site.Config{WebDir: web, Brand: "eu"}); err == nil || !strings.Contains(err.Error(), "EWSI_BRAND") {
		t.Errorf("brand eu: %v", err)
	}
}

// TestSearchFormKeepsTheQuery: the search page's form is filled from the URL
// (the words, the order), in the language asked, and the language switcher
// keeps the facets chosen.
func TestSearchFormKeepsTheQuery(t *testing.T) {
	body := get(t, mux(newSite(t)), "/search?q=caf%C3%A9+Lyon&kinds=NEWS&kinds=EVENT&sort=newest&lang=de", nil).Body.String()
	for _, want := range []string{`id="search-q" name="q" value="café Lyon"`, `<option value="newest" selected>Neueste zuerst</option>`,
		`href="/search?kinds=NEWS&amp;kinds=EVENT&amp;lang=fr&amp;q=caf%C3%A9&#43;Lyon&amp;sort=newest"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the search page lacks %s", want)
		}
	}
	if strings.Contains(body, `value="relevance" selected`) {
		t.Error("the order asked is not the one selected")
	}
}
