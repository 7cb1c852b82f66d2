// Package markup renders what contributors write, plain text or Markdown, to
// HTML that is safe to put in a page: goldmark renders CommonMark (raw HTML in
// the source is left out), then bluemonday keeps only the elements and
// attributes of user content and links with http or https addresses.
package markup

import (
	"bytes"
	"net/url"
	"regexp"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// MaxSource bounds the text Render and Links read; longer text is cut there.
const MaxSource = 100_000

// Renderer turns Markdown into sanitised HTML. Its zero value is not usable;
// New builds one. It is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
}

// New returns a renderer.
func New() *Renderer {
	p := bluemonday.UGCPolicy()
	// UGCPolicy allows mailto: too; links here are http(s) only
	p.AllowURLSchemeWithCustomPolicy("mailto", func(*url.URL) bool { return false })
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(false)
	p.RequireNoFollowOnLinks(true)
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[a-z0-9+#-]+$`)).OnElements("code")
	return &Renderer{md: goldmark.New(), policy: p}
}

// Render returns src (plain text or Markdown) as sanitised HTML.
func (r *Renderer) Render(src string) string {
	if len(src) > MaxSource {
		src = src[:MaxSource]
	}
	var buf bytes.Buffer
	if err := r.md.Convert([]byte(src), &buf); err != nil {
		// goldmark fails only on a failing writer; a bytes.Buffer does not
		return r.policy.Sanitize(src)
	}
	return r.policy.Sanitize(buf.String())
}

// Links returns the destinations of the links, autolinks and images of src, in
// order, for a caller that checks them before anything is stored.
func Links(src string) []string {
	if src == "" {
		return nil
	}
	if len(src) > MaxSource {
		src = src[:MaxSource]
	}
	b := []byte(src)
	doc := goldmark.DefaultParser().Parse(text.NewReader(b))
	var out []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.Link:
			out = append(out, string(x.Destination))
		case *ast.Image:
			out = append(out, string(x.Destination))
		case *ast.AutoLink:
			if x.AutoLinkType == ast.AutoLinkURL {
				out = append(out, string(x.URL(b)))
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}
