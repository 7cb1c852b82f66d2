package markup

import (
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	r := New()
	for _, c := range []struct {
		name, src string
		want      []string // substrings the HTML must hold
		never     []string // substrings it must not hold
	}{
		{"plain text", "Language cafés for parents.", []string{"<p>Language cafés for parents.</p>"}, nil},
		{"emphasis and list", "*Weekly* sessions:\n\n- French\n- Maths", []string{"<em>Weekly</em>", "<li>French</li>"}, nil},
		{"http link kept", "[site](https://example.org/a)", []string{`href="https://example.org/a"`, `rel="nofollow"`}, nil},
		{"script element dropped", "Hi <script>alert(1)</script> there", []string{"Hi"}, []string{"<script", "alert(1)</script"}},
		{"javascript link dropped", "[click](javascript:alert(1))", []string{"click"}, []string{"javascript:", "href"}},
		{"javascript link with entity", "[x](jav&#x09;ascript:alert(1))", nil, []string{"javascript", "href"}},
		{"data link dropped", "[x](data:text/html;base64,PHNjcmlwdD4=)", nil, []string{"data:", "href"}},
		{"onerror attribute stripped", `<img src="https://example.org/x.png" onerror="alert(1)">`, nil, []string{"onerror", "alert"}},
		{"raw html anchor with handler", `<a href="https://example.org" onclick="steal()">x</a>`, nil, []string{"onclick", "steal"}},
		{"image with onerror in markdown title", `![a](https://example.org/x.png "t\" onerror=\"alert(1)")`, nil, []string{"onerror=\""}},
		{"mailto dropped", "[mail](mailto:a@b.example)", nil, []string{"mailto:"}},
		{"relative link dropped", "[rel](/admin)", nil, []string{`href="/admin"`}},
		{"iframe dropped", `<iframe src="https://evil.example"></iframe>`, nil, []string{"<iframe"}},
		{"style attribute dropped", `<p style="background:url(javascript:alert(1))">x</p>`, nil, []string{"style=", "javascript"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := r.Render(c.src)
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("Render(%q) = %q, want it to hold %q", c.src, got, w)
				}
			}
			for _, n := range c.never {
				if strings.Contains(strings.ToLower(got), strings.ToLower(n)) {
					t.Errorf("Render(%q) = %q, holds %q", c.src, got, n)
				}
			}
		})
	}
}

func TestLinks(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"none", "plain words", nil},
		{"inline and image", "[a](https://a.example) and ![b](http://b.example/i.png)", []string{"https://a.example", "http://b.example/i.png"}},
		{"javascript", "[x](javascript:alert(1))", []string{"javascript:alert(1)"}},
		{"autolink", "<https://c.example/p>", []string{"https://c.example/p"}},
		{"relative", "[r](../x)", []string{"../x"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Links(c.src)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("Links(%q) = %q, want %q", c.src, got, c.want)
			}
		})
	}
}
