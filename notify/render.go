package notify

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"net/url"
	"strings"
	texttemplate "text/template"

	"ewsi/graph"
)

// The templates: templates/<lang>/<name>.tmpl defines "subject", "text" (the
// plain-text part, text/template) and "html" (the HTML part's content,
// html/template, inside templates/layout.html); templates/<lang>/common.tmpl
// defines the greeting, signature and footer of a language. The Data fields
// each template reads are graph.MailTemplates (see templates/README.md).
//
//go:embed templates
var templateFS embed.FS

var mailLangs = []string{"en", "fr", "de"}

// kindNames name the kinds of contribution in the mails.
var kindNames = map[string][3]string{ // en, fr, de
	"practice":     {"practice", "pratique", "Praxisbeispiel"},
	"document":     {"document", "document", "Dokument"},
	"news":         {"news item", "actualité", "Nachricht"},
	"event":        {"event", "événement", "Veranstaltung"},
	"funding":      {"funding call", "appel à financement", "Förderaufruf"},
	"link":         {"link", "lien", "Link"},
	"organisation": {"organisation profile", "profil d'organisation", "Organisationsprofil"},
}

// templates are the parsed templates of every language and name.
type templates struct {
	text map[string]*texttemplate.Template // by lang+"/"+name
	html map[string]*htmltemplate.Template
}

// parseTemplates parses every template of every language and fails on a
// missing one, so that a server never starts without a mail it may need.
func parseTemplates() (*templates, error) {
	t := &templates{text: map[string]*texttemplate.Template{}, html: map[string]*htmltemplate.Template{}}
	for i, lang := range mailLangs {
		funcs := map[string]any{
			"lang": func() string { return lang },
			"kind": func(k string) string {
				if n, ok := kindNames[k]; ok {
					return n[i]
				}
				return k
			},
		}
		for _, name := range graph.MailTemplateNames() {
			files := []string{"templates/" + lang + "/common.tmpl", "templates/" + lang + "/" + name + ".tmpl"}
			tt, err := texttemplate.New(name).Funcs(funcs).Option("missingkey=error").ParseFS(templateFS, files...)
			if err != nil {
				return nil, fmt.Errorf("mail template %s/%s: %w", lang, name, err)
			}
			ht, err := htmltemplate.New(name).Funcs(funcs).Option("missingkey=error").
				ParseFS(templateFS, append([]string{"templates/layout.html"}, files...)...)
			if err != nil {
				return nil, fmt.Errorf("mail template %s/%s: %w", lang, name, err)
			}
			for _, part := range []string{"subject", "text", "html"} {
				if tt.Lookup(part) == nil {
					return nil, fmt.Errorf("mail template %s/%s defines no %q", lang, name, part)
				}
			}
			t.text[lang+"/"+name] = tt
			t.html[lang+"/"+name] = ht
		}
	}
	return t, nil
}

// rendered is a mail's subject and parts.
type rendered struct {
	Subject, Text, HTML string
}

// render fills the template of n in its language. A url that is a path is
// completed with site (the site's address).
func (t *templates) render(n graph.Notice, site string) (rendered, error) {
	key := n.Lang + "/" + n.Template
	tt, ht := t.text[key], t.html[key]
	if tt == nil || ht == nil {
		return rendered{}, graph.Errorf(graph.EINVALID, "notice.template", "no template %q in %q", n.Template, n.Lang)
	}
	data := map[string]any{}
	for _, f := range graph.MailTemplates[n.Template] {
		data[f.Name] = "" // optional fields absent read as empty
	}
	for k, v := range n.Data {
		s, _ := v.(string)
		data[k] = strings.ReplaceAll(strings.ReplaceAll(s, "\r", ""), "\x00", "")
	}
	if u, _ := data["url"].(string); strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") {
		abs, err := absolute(site, u)
		if err != nil {
			return rendered{}, err
		}
		data["url"] = abs
	}
	var r rendered
	var b bytes.Buffer
	if err := tt.ExecuteTemplate(&b, "subject", data); err != nil {
		return r, fmt.Errorf("mail %s subject: %w", key, err)
	}
	r.Subject = strings.Join(strings.Fields(b.String()), " ") // one line
	b.Reset()
	if err := tt.ExecuteTemplate(&b, "text", data); err != nil {
		return r, fmt.Errorf("mail %s text: %w", key, err)
	}
	r.Text = strings.TrimSpace(b.String()) + "\n"
	b.Reset()
	if err := ht.ExecuteTemplate(&b, "layout", data); err != nil {
		return r, fmt.Errorf("mail %s html: %w", key, err)
	}
	r.HTML = b.String()
	return r, nil
}

// absolute joins the site's address and a path from the root.
func absolute(site, path string) (string, error) {
	base, err := url.Parse(site)
	if err != nil || base.Host == "" || (base.Scheme != "http" && base.Scheme != "https") {
		return "", graph.Errorf(graph.EINVALID, "EWSI_SITE_URL", "%q is not an http(s) address; links in mails need it", site)
	}
	ref, err := url.Parse(path)
	if err != nil {
		return "", graph.Errorf(graph.EINVALID, "notice.data.url", "%v", err)
	}
	return strings.TrimSuffix(base.String(), "/") + ref.String(), nil
}
