package linkeddata

import (
	"strings"

	"github.com/paulmach/orb"

	"ewsi/graph"
)

// describeNode is the schema.org object of a content node, with the
// neighbours its page shows.
func describeNode(n graph.Node, base string, nb neighbours) obj {
	id := n.NodeID()
	o := obj{"@id": pageURL(base, id), "url": pageURL(base, id), "identifier": id}
	set := func(key string, v any) {
		switch x := v.(type) {
		case string:
			if strings.TrimSpace(x) == "" {
				return
			}
		case *graph.Date:
			if x == nil {
				return
			}
			v = x.String()
		case []obj:
			if len(x) == 0 {
				return
			}
		case obj:
			if x == nil {
				return
			}
		case float64:
			if x == 0 {
				return
			}
		}
		o[key] = v
	}
	switch v := n.(type) {
	case *graph.Practice:
		o["@type"] = "CreativeWork"
		set("additionalType", "good practice")
		set("name", v.Title)
		set("inLanguage", string(v.Lang))
		set("abstract", v.Summary)
		set("description", v.SummaryEn)
		set("sameAs", v.Website)
		if v.StartDate != nil {
			span := v.StartDate.String() + "/"
			if v.EndDate != nil {
				span += v.EndDate.String()
			} else {
				span += ".."
			}
			set("temporalCoverage", span)
		}
		set("spatialCoverage", nb.countryPlaces())
		set("about", nb.about())
		var creators []obj
		for _, x := range nb.implementer {
			creators = append(creators, nb.agent(x))
		}
		set("creator", creators)
	case *graph.Document:
		o["@type"] = "CreativeWork"
		if v.CELEX != "" || v.ELI != "" || v.Type == "legislation" {
			o["@type"] = "Legislation"
			set("legislationIdentifier", v.CELEX)
			if v.ELI != "" {
				o["sameAs"] = v.ELI
			}
			set("legislationDate", v.Date)
		}
		set("additionalType", string(v.Type))
		names := []obj{{"@value": v.Title, "@language": langTag(v.Lang)}}
		if v.TitleFr != "" {
			names = append(names, obj{"@value": v.TitleFr, "@language": "fr"})
		}
		if v.TitleDe != "" {
			names = append(names, obj{"@value": v.TitleDe, "@language": "de"})
		}
		if len(names) == 1 {
			set("name", v.Title)
		} else {
			o["name"] = names
		}
		set("inLanguage", string(v.Lang))
		set("abstract", v.Summary)
		set("description", v.SummaryEn)
		set("datePublished", v.Date)
		if v.URL != "" {
			set("mainEntityOfPage", v.URL)
		}
		var pubs []obj
		for _, p := range nb.publishers {
			pubs = append(pubs, nb.agent(p))
		}
		if len(pubs) == 0 && v.Publisher != "" {
			pubs = append(pubs, obj{"@type": "Organization", "name": v.Publisher})
		}
		set("publisher", pubs)
		set("spatialCoverage", nb.countryPlaces())
		set("about", nb.about())
	case *graph.News:
		o["@type"] = "NewsArticle"
		set("headline", v.Title)
		set("name", v.Title)
		set("inLanguage", string(v.Lang))
		set("abstract", v.Summary)
		set("description", v.SummaryEn)
		set("datePublished", v.Date)
		set("isBasedOn", v.URL)
		if v.Source != "" {
			o["publisher"] = obj{"@type": "Organization", "name": v.Source}
		}
		set("contentLocation", nb.countryPlaces())
		set("about", nb.about())
	case *graph.Event:
		o["@type"] = "Event"
		set("name", v.Title)
		set("inLanguage", string(v.Lang))
		set("description", firstOf(v.SummaryEn, v.Summary))
		set("startDate", v.Start)
		set("endDate", v.End)
		set("sameAs", v.URL)
		if place := eventPlace(v, nb); place != nil {
			o["location"] = place
		}
		if strings.Contains(strings.ToLower(v.Place), "online") {
			o["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
		} else if v.Location != nil {
			o["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
		}
		set("about", nb.about())
	case *graph.Organisation:
		o["@type"] = "Organization"
		set("additionalType", string(v.Type))
		set("name", v.Name)
		set("sameAs", v.Website)
		set("description", firstOf(v.SummaryEn, v.Summary))
		if len(v.Languages) > 0 {
			o["knowsLanguage"] = v.Languages
		}
		if addr := address(v.City, nb); addr != nil {
			o["address"] = addr
		}
		set("location", geoPlace("", v.Location))
		set("knowsAbout", nb.about())
	case *graph.LocalAuthority:
		o["@type"] = "GovernmentOrganization"
		set("additionalType", v.Level)
		set("name", v.Name)
		set("sameAs", v.Website)
		set("description", firstOf(v.SummaryEn, v.Summary))
		if addr := address(v.Name, nb); addr != nil {
			o["address"] = addr
		}
		set("areaServed", geoPlace(v.Name, v.Location))
		set("knowsAbout", nb.about())
	case *graph.Funding:
		o["@type"] = "MonetaryGrant"
		set("additionalType", string(v.FunderKind))
		set("name", v.Title)
		set("description", firstOf(v.SummaryEn, v.Summary))
		set("sameAs", v.URL)
		if v.Programme != "" {
			o["funder"] = obj{"@type": "Organization", "name": v.Programme}
		}
		if v.Amount > 0 {
			o["amount"] = obj{"@type": "MonetaryAmount", "value": v.Amount, "currency": "EUR"}
		}
		if v.Deadline != nil {
			// the call's deadline: the last day an application is accepted
			o["potentialAction"] = obj{"@type": "ApplyAction", "endTime": v.Deadline.String()}
		}
		set("areaServed", nb.countryPlaces())
		set("about", nb.about())
	default:
		return nil
	}
	return o
}

// eventPlace is where an event takes place: its place name, its point, its country.
func eventPlace(v *graph.Event, nb neighbours) obj {
	p := geoPlace(v.Place, v.Location)
	if p == nil && v.Place == "" && len(nb.countries) == 0 {
		return nil
	}
	if p == nil {
		p = obj{"@type": "Place"}
		if v.Place != "" {
			p["name"] = v.Place
		}
	}
	if len(nb.countries) > 0 {
		p["address"] = obj{"@type": "PostalAddress", "addressCountry": nb.countries[0].ISO2}
	}
	return p
}

// geoPlace is a Place at pt named name; nil without a point.
func geoPlace(name string, pt *orb.Point) obj {
	if pt == nil {
		return nil
	}
	p := obj{"@type": "Place", "geo": obj{"@type": "GeoCoordinates", "latitude": pt.Lat(), "longitude": pt.Lon()}}
	if name != "" {
		p["name"] = name
	}
	return p
}

// address is a postal address of a locality in the node's country.
func address(locality string, nb neighbours) obj {
	if locality == "" && len(nb.countries) == 0 {
		return nil
	}
	a := obj{"@type": "PostalAddress"}
	if locality != "" {
		a["addressLocality"] = locality
	}
	if len(nb.countries) > 0 {
		a["addressCountry"] = nb.countries[0].ISO2
	}
	return a
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// langTag is the BCP 47 tag of a language of the graph, "en" when it has none.
func langTag(l graph.Lang) string {
	if l == "" {
		return "en"
	}
	return string(l)
}
