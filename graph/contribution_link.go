package graph

// WebLink is a link to a useful resource elsewhere on the web, contributed and
// published like other content (label Link).
type WebLink struct {
	Meta
	Title     string `json:"title" prop:"title"`
	Lang      Lang   `json:"lang" prop:"lang"`
	Summary   string `json:"summary,omitempty" prop:"summary"`
	SummaryEn string `json:"summaryEn,omitempty" prop:"summaryEn"`
	URL       string `json:"url" prop:"url"`
}

// NodeKind returns KindLink.
func (l *WebLink) NodeKind() Kind { return KindLink }

// Validate checks a link: a title, a language and an http(s) address.
func (l *WebLink) Validate() error {
	var c checker
	c.meta(&l.Meta, KindLink)
	c.required("title", l.Title)
	c.maxLen("title", l.Title, 500)
	c.lang("lang", l.Lang, true)
	c.required("url", l.URL)
	c.url("url", l.URL)
	return c.errs.Err()
}
