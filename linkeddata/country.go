package linkeddata

import (
	"context"
	"fmt"
	"net/url"
	"strconv"

	"ewsi/graph"
)

// eurostatTable is the page of a Eurostat table in its data browser.
const eurostatTable = "https://ec.europa.eu/eurostat/databrowser/view/%s/default/table"

// country describes a country page: the country, and each integration
// indicator observed there as a Dataset with its source.
func (d *Describer) country(ctx context.Context, base, code string, lang *graph.Lang) (obj, error) {
	iso, ok := graph.CountryCode(code)
	if !ok {
		return nil, nil
	}
	found, err := d.Store.Nodes(ctx, []string{graph.ID(graph.KindCountry, iso)})
	if err != nil {
		return nil, err
	}
	c, ok := found[graph.ID(graph.KindCountry, iso)].(*graph.Country)
	if !ok {
		return nil, nil
	}
	page := base + "/country?code=" + url.QueryEscape(c.ISO2)
	place := obj{"@type": "Country", "@id": page + "#country", "name": c.Name(lang), "identifier": c.ISO2}
	if c.Location != nil {
		place["geo"] = obj{"@type": "GeoCoordinates", "latitude": c.Location.Lat(), "longitude": c.Location.Lon()}
	}
	graphNodes := []obj{{"@type": "WebPage", "@id": page, "url": page, "name": c.Name(lang), "inLanguage": string(*lang),
		"about": obj{"@id": page + "#country"}}, place}
	obs, err := d.Store.CountryObservations(ctx, []string{iso})
	if err != nil {
		return nil, err
	}
	if list := obs[iso]; len(list) > 0 {
		inds, err := d.Store.Indicators(ctx)
		if err != nil {
			return nil, err
		}
		byID := map[string]*graph.Indicator{}
		for _, i := range inds {
			byID[i.ID] = i
		}
		for _, o := range list {
			if ds := dataset(o, byID[o.Indicator], page, lang); ds != nil {
				graphNodes = append(graphNodes, ds)
			}
		}
	}
	return obj{"@graph": graphNodes}, nil
}

// dataset is one indicator's latest observation in a country as a Dataset
// whose source is the Eurostat table it comes from.
func dataset(o graph.Observation, ind *graph.Indicator, page string, lang *graph.Lang) obj {
	if ind == nil {
		return nil
	}
	year := strconv.Itoa(o.Year)
	ds := obj{"@type": "Dataset", "@id": page + "#" + url.QueryEscape(ind.ID),
		"name": ind.Name(lang), "identifier": ind.ID, "temporalCoverage": year,
		"spatialCoverage": obj{"@id": page + "#country"}, "isPartOf": obj{"@id": page},
		"variableMeasured": obj{"@type": "PropertyValue", "name": ind.Name(lang), "value": o.Value, "unitText": ind.Unit}}
	if desc := ind.Description(lang); desc != nil {
		ds["description"] = *desc
	} else {
		ds["description"] = ind.Name(lang) + ", " + year
	}
	if o.Sample {
		ds["description"] = ds["description"].(string) + " (" + graph.SourceSampleFile + ")"
	}
	ds["creator"] = obj{"@type": "Organization", "name": o.Source}
	if o.Source == "Eurostat" {
		ds["creator"] = obj{"@type": "GovernmentOrganization", "name": "Eurostat", "url": "https://ec.europa.eu/eurostat"}
		ds["license"] = "https://creativecommons.org/licenses/by/4.0/"
	}
	if o.Dataset != "" {
		ds["isBasedOn"] = obj{"@type": "Dataset", "identifier": o.Dataset,
			"url": fmt.Sprintf(eurostatTable, url.PathEscape(o.Dataset))}
	}
	return ds
}
