package site_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"ewsi/graph/neo4j/neo4jtest"
	"ewsi/webmap/site"
)

// ldBlocks returns the text of each <script type="application/ld+json"> of the
// page's head, as an HTML parser (and so a browser) reads it.
func ldBlocks(t *testing.T, page string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n *html.Node, inHead bool)
	walk = func(n *html.Node, inHead bool) {
		if n.Type == html.ElementNode && n.Data == "head" {
			inHead = true
		}
		if n.Type == html.ElementNode && n.Data == "script" && inHead {
			for _, a := range n.Attr {
				if a.Key == "type" && a.Val == "application/ld+json" && n.FirstChild != nil {
					out = append(out, n.FirstChild.Data)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inHead)
		}
	}
	walk(doc, false)
	return out
}

// TestDescribeIntoTheHead: the hook's JSON-LD is written into the page's head
// as one data block whose text parses back to what the hook gave, a
// "</script>" in it included; an error or nothing leaves the page without one.
func TestDescribeIntoTheHead(t *testing.T) {
	root, err := neo4jtest.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	const title = `Week </script><script>alert(1)</script> <!-- x`
	var asked []string
	describe := func(r *http.Request, path, lang string) (json.RawMessage, error) {
		asked = append(asked, path+" "+lang+" "+r.URL.Query().Get("id"))
		switch r.URL.Query().Get("id") {
		case "news:1":
			return json.Marshal(map[string]any{"@type": "NewsArticle", "headline": title})
		case "news:broken":
			return nil, errors.New("the store is down")
		}
		return nil, nil
	}
	s, err := site.New(site.Config{WebDir: filepath.Join(root, "build", "web"), Describe: describe})
	if err != nil {
		t.Fatal(err)
	}
	h := mux(s)
	w := get(t, h, "/node?id=news:1&lang=de", nil)
	blocks := ldBlocks(t, w.Body.String())
	if len(blocks) != 1 {
		t.Fatalf("%d JSON-LD blocks in the head", len(blocks))
	}
	var got map[string]string
	if err := json.Unmarshal([]byte(blocks[0]), &got); err != nil {
		t.Fatalf("the block is not JSON: %v\n%s", err, blocks[0])
	}
	if got["headline"] != title || got["@type"] != "NewsArticle" {
		t.Errorf("read back %v", got)
	}
	if strings.Contains(w.Body.String(), "<script>alert(1)") {
		t.Errorf("the title's script tag reached the page raw")
	}
	if len(asked) != 1 || asked[0] != "/node de news:1" {
		t.Errorf("asked %v", asked)
	}
	for _, target := range []string{"/node?id=news:broken", "/node?id=news:none", "/about"} {
		w := get(t, h, target, nil)
		if w.Code != 200 || len(ldBlocks(t, w.Body.String())) != 0 {
			t.Errorf("%s: status %d, %d blocks", target, w.Code, len(ldBlocks(t, w.Body.String())))
		}
	}
	asked = nil
	if w := get(t, h, "/no-such-page", nil); w.Code != 404 || len(asked) != 0 {
		t.Errorf("not-found page: status %d, described %v", w.Code, asked)
	}
}
