package linkeddata

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"ewsi/graph"
)

// CatalogPageSize is how many datasets one page of the catalogue holds.
const CatalogPageSize = 100

// EU vocabularies the catalogue uses, as DCAT-AP asks.
const (
	euLanguage  = "http://publications.europa.eu/resource/authority/language/"
	euCountry   = "http://publications.europa.eu/resource/authority/country/"
	euFileType  = "http://publications.europa.eu/resource/authority/file-type/"
	euDataTheme = "http://publications.europa.eu/resource/authority/data-theme/"
)

// euLangCodes are the EU languages' codes in the EU's language authority table.
var euLangCodes = map[string]string{
	"bg": "BUL", "cs": "CES", "da": "DAN", "de": "DEU", "el": "ELL", "en": "ENG", "es": "SPA",
	"et": "EST", "fi": "FIN", "fr": "FRA", "ga": "GLE", "hr": "HRV", "hu": "HUN", "it": "ITA",
	"lt": "LIT", "lv": "LAV", "mt": "MLT", "nl": "NLD", "pl": "POL", "pt": "POR", "ro": "RON",
	"sk": "SLK", "sl": "SLV", "sv": "SWE",
}

// catalogContext is the catalogue's @context: the DCAT-AP prefixes, with the
// properties whose values are IRIs or dates typed as such.
var catalogContext = obj{
	"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
	"foaf": "http://xmlns.com/foaf/0.1/", "hydra": "http://www.w3.org/ns/hydra/core#",
	"xsd":              "http://www.w3.org/2001/XMLSchema#",
	"dct:issued":       obj{"@type": "xsd:date"},
	"dct:modified":     obj{"@type": "xsd:dateTime"},
	"dct:language":     obj{"@type": "@id"},
	"dct:spatial":      obj{"@type": "@id"},
	"dct:format":       obj{"@type": "@id"},
	"dcat:theme":       obj{"@type": "@id"},
	"dcat:accessURL":   obj{"@type": "@id"},
	"dcat:downloadURL": obj{"@type": "@id"},
	"dcat:landingPage": obj{"@type": "@id"},
	"foaf:homepage":    obj{"@type": "@id"},
	"hydra:first":      obj{"@type": "@id"},
	"hydra:last":       obj{"@type": "@id"},
	"hydra:next":       obj{"@type": "@id"},
	"hydra:previous":   obj{"@type": "@id"},
}

// Catalog serves GET /catalog.jsonld: the library's documents as a DCAT-AP
// catalogue in JSON-LD, each document a dcat:Dataset with one distribution,
// CatalogPageSize a page (?page=N) with hydra links to the others. The filter
// parameters of the CSV export narrow it.
type Catalog struct {
	Store   Store
	Options Options
	Log     *slog.Logger
	// PageSize is how many datasets a page holds; 0 means CatalogPageSize.
	PageSize int
}

var catalogHops = []graph.Hop{{Rel: graph.RelIn, To: graph.KindCountry}, {Rel: graph.RelAbout, To: graph.KindTheme},
	{Rel: graph.RelPublishedBy, To: graph.KindOrganisation}}

func (c *Catalog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page := 1
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100_000 {
			http.Error(w, "page: "+strconv.Quote(v)+" is not a page number (1, 2, ...)", http.StatusBadRequest)
			return
		}
		page = n
	}
	f, err := parseFilter(q)
	if err != nil {
		http.Error(w, errorText(err), http.StatusBadRequest)
		return
	}
	size := c.PageSize
	if size <= 0 {
		size = CatalogPageSize
	}
	ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
	defer cancel()
	win := graph.Window{Offset: (page - 1) * size, Limit: size}
	nodes, total, rel, err := c.Store.ListWith(ctx, graph.KindDocument, f, graph.Order{Field: "date", Desc: true}, win, catalogHops)
	if err != nil {
		if graph.ErrorCode(err) == graph.EINVALID {
			http.Error(w, errorText(err), http.StatusBadRequest)
			return
		}
		if c.Log != nil {
			c.Log.Error("dcat catalogue", "err", err)
		}
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	last := max(1, (total+size-1)/size)
	if page > last {
		http.Error(w, "page: "+strconv.Itoa(page)+" is past the last page, "+strconv.Itoa(last), http.StatusNotFound)
		return
	}
	base := baseURL(r, c.Options)
	pageLinkOf := func(n int) string {
		v := url.Values{}
		for k, vs := range q {
			if k != "page" {
				v[k] = vs
			}
		}
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		if len(v) == 0 {
			return base + "/catalog.jsonld"
		}
		return base + "/catalog.jsonld?" + v.Encode()
	}
	datasets := make([]obj, 0, len(nodes))
	for _, n := range nodes {
		if d, ok := n.(*graph.Document); ok {
			id := d.ID
			datasets = append(datasets, documentDataset(d, base, rel[catalogHops[0]][id], rel[catalogHops[1]][id], rel[catalogHops[2]][id]))
		}
	}
	view := obj{"@id": pageLinkOf(page), "@type": "hydra:PartialCollectionView",
		"hydra:first": pageLinkOf(1), "hydra:last": pageLinkOf(last)}
	if page < last {
		view["hydra:next"] = pageLinkOf(page + 1)
	}
	if page > 1 {
		view["hydra:previous"] = pageLinkOf(page - 1)
	}
	doc := obj{
		"@context": catalogContext,
		"@id":      base + "/catalog.jsonld",
		"@type":    []string{"dcat:Catalog", "hydra:Collection"},
		"dct:title": []obj{{"@value": "European Web Site on Integration: library", "@language": "en"},
			{"@value": "Site web européen sur l'intégration : bibliothèque", "@language": "fr"},
			{"@value": "Europäische Website für Integration: Bibliothek", "@language": "de"}},
		"dct:description":  []obj{{"@value": "Legislation, policy papers, reports, research and other documents on the integration of migrants, from the EU, national and local authorities, civil society and research.", "@language": "en"}},
		"dct:publisher":    obj{"@type": "foaf:Agent", "foaf:name": "European Web Site on Integration"},
		"foaf:homepage":    base + "/library",
		"dct:language":     []string{euLanguage + "ENG", euLanguage + "FRA", euLanguage + "DEU"},
		"hydra:totalItems": total,
		"hydra:view":       view,
		"dcat:dataset":     datasets,
	}
	b, err := json.Marshal(doc)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/ld+json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(b)
}

// documentDataset is a document as a dcat:Dataset.
func documentDataset(d *graph.Document, base string, countries, themes, pubs []graph.Node) obj {
	page := pageURL(base, d.ID)
	lang := langTag(d.Lang)
	titles := []obj{{"@value": d.Title, "@language": lang}}
	if d.TitleFr != "" && lang != "fr" {
		titles = append(titles, obj{"@value": d.TitleFr, "@language": "fr"})
	}
	if d.TitleDe != "" && lang != "de" {
		titles = append(titles, obj{"@value": d.TitleDe, "@language": "de"})
	}
	var descs []obj
	if d.Summary != "" {
		descs = append(descs, obj{"@value": d.Summary, "@language": lang})
	}
	if d.SummaryEn != "" && lang != "en" {
		descs = append(descs, obj{"@value": d.SummaryEn, "@language": "en"})
	}
	if len(descs) == 0 { // DCAT-AP requires a description
		descs = append(descs, obj{"@value": strings.ReplaceAll(string(d.Type), "_", " ") + ": " + d.Title, "@language": lang})
	}
	ds := obj{"@id": page, "@type": "dcat:Dataset", "dct:identifier": d.ID,
		"dct:title": titles, "dct:description": descs, "dcat:landingPage": page,
		"dcat:theme": []string{euDataTheme + "SOCI"}, "dct:type": string(d.Type)}
	if d.Type == "legislation" || d.CELEX != "" {
		ds["dcat:theme"] = []string{euDataTheme + "SOCI", euDataTheme + "JUST"}
	}
	if code, ok := euLangCodes[string(d.Lang)]; ok {
		ds["dct:language"] = euLanguage + code
	}
	if d.Date != nil {
		ds["dct:issued"] = d.Date.String()
	}
	if d.CELEX != "" {
		ds["dct:identifier"] = []string{d.ID, d.CELEX}
	}
	var pub obj
	for _, p := range pubs {
		if o, ok := p.(*graph.Organisation); ok {
			pub = obj{"@id": pageURL(base, o.ID), "@type": "foaf:Agent", "foaf:name": o.Name}
			break
		}
	}
	if pub == nil && d.Publisher != "" {
		pub = obj{"@type": "foaf:Agent", "foaf:name": d.Publisher}
	}
	if pub != nil {
		ds["dct:publisher"] = pub
	}
	var spatial []string
	for _, c := range countries {
		if c, ok := c.(*graph.Country); ok && c.ISO3 != "" {
			spatial = append(spatial, euCountry+c.ISO3)
		}
	}
	if len(spatial) > 0 {
		ds["dct:spatial"] = spatial
	}
	var keywords []obj
	for _, t := range themes {
		if t, ok := t.(*graph.Theme); ok {
			keywords = append(keywords, obj{"@value": t.NameEn, "@language": "en"})
		}
	}
	if len(keywords) > 0 {
		ds["dcat:keyword"] = keywords
	}
	dist := obj{"@type": "dcat:Distribution", "dcat:accessURL": page, "dct:format": euFileType + "HTML"}
	if d.URL != "" {
		dist["dcat:accessURL"] = d.URL
		if strings.HasSuffix(strings.ToLower(strings.SplitN(d.URL, "?", 2)[0]), ".pdf") {
			dist["dcat:downloadURL"] = d.URL
			dist["dct:format"] = euFileType + "PDF"
		}
	}
	if d.ELI != "" {
		dist["dcat:accessURL"] = d.ELI
	}
	ds["dcat:distribution"] = []obj{dist}
	return ds
}
