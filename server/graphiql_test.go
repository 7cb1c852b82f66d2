package server_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestGraphiQLPageHasNoInlineCode: every script and style of /graphiql is a
// file of the server, so a CSP without 'unsafe-inline' admits the page.
func TestGraphiQLPageHasNoInlineCode(t *testing.T) {
	status, _, page := exchange(t, "GET", "/graphiql", "")
	if status != 200 {
		t.Fatalf("/graphiql: %d", status)
	}
	if regexp.MustCompile(`<script(\s[^>]*)?>\s*[^<\s]`).MatchString(page) || strings.Contains(page, "<style") || strings.Contains(page, " on") && regexp.MustCompile(`\son[a-z]+=`).MatchString(page) {
		t.Errorf("/graphiql has inline code:\n%s", page)
	}
	for _, m := range regexp.MustCompile(`(?:src|href)="(/[^"]+)"`).FindAllStringSubmatch(page, -1) {
		if m[1] == "/graphiql.js" || m[1] == "/graphiql.css" || strings.HasPrefix(m[1], "/vendor/") {
			status, h, body := exchange(t, "GET", m[1], "")
			if status != 200 || body == "" {
				t.Errorf("%s: %d", m[1], status)
			}
			if m[1] == "/graphiql.js" && (!strings.Contains(h.Get("Content-Type"), "javascript") || !strings.Contains(body, "createFetcher")) {
				t.Errorf("/graphiql.js: %s %.100s", h.Get("Content-Type"), body)
			}
		}
	}
	if !strings.Contains(page, `src="/graphiql.js"`) || !strings.Contains(page, `href="/graphiql.css"`) {
		t.Errorf("/graphiql loads neither /graphiql.js nor /graphiql.css:\n%s", page)
	}
}
