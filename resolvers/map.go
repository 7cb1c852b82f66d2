package resolvers

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"ewsi/graph"
	"ewsi/resolvers/model"
	"ewsi/webmap"
)

// markerKinds maps the GraphQL enum to map kinds and back.
var markerKinds = map[model.MarkerKind]graph.MapKind{
	model.MarkerKindLocalAuthority: graph.MapLocalAuthority, model.MarkerKindRegionalAuthority: graph.MapRegionalAuthority,
	model.MarkerKindOrganisation: graph.MapOrganisation, model.MarkerKindPractice: graph.MapPractice,
	model.MarkerKindEvent: graph.MapEvent,
}

func markerKind(k graph.MapKind) model.MarkerKind {
	for m, g := range markerKinds {
		if g == k {
			return m
		}
	}
	return model.MarkerKind(strings.ToUpper(string(k)))
}

// mapFilter turns the GraphQL filter into the store's (not yet normalised).
func mapFilter(in *model.MapLayerFilter) graph.MapFilter {
	var f graph.MapFilter
	if in == nil {
		return f
	}
	for _, k := range in.Kinds {
		f.Kinds = append(f.Kinds, markerKinds[k])
	}
	f.Themes = append(f.Themes, in.Themes...)
	f.Subthemes = append(f.Subthemes, in.Subthemes...)
	f.Principles = append(f.Principles, in.Principles...)
	f.Countries = append(f.Countries, in.Countries...)
	for _, t := range in.OrgTypes {
		f.Types = append(f.Types, string(t))
	}
	f.From, f.To, f.Demo, f.HasPractices = in.From, in.To, in.Demo, in.HasPractices
	return f
}

// MaxMapItems bounds the clusters, and apart from them the markers, of one
// layer; the complexity of mapLayer counts them.
const MaxMapItems = 1000

// capItems keeps at most MaxMapItems clusters (the biggest, ties by id) and at most
// MaxMapItems markers (by id), and says whether it left some out.
func capItems(items []webmap.Item) ([]webmap.Item, bool) {
	var clusters, markers []webmap.Item
	for _, it := range items {
		if it.Cluster != nil {
			clusters = append(clusters, it)
		} else {
			markers = append(markers, it)
		}
	}
	if len(clusters) <= MaxMapItems && len(markers) <= MaxMapItems {
		return items, false
	}
	if len(clusters) > MaxMapItems {
		slices.SortFunc(clusters, func(a, b webmap.Item) int {
			return cmp.Or(cmp.Compare(b.Cluster.Count, a.Cluster.Count), cmp.Compare(a.Cluster.ID, b.Cluster.ID))
		})
		clusters = clusters[:MaxMapItems]
	}
	if len(markers) > MaxMapItems {
		slices.SortFunc(markers, func(a, b webmap.Item) int { return strings.Compare(a.Point.ID, b.Point.ID) })
		markers = markers[:MaxMapItems]
	}
	return append(clusters, markers...), true
}

// mapLayer turns a viewport into the GraphQL answer; the themes that clusters
// count load only when asked for, through the request's loader (ThemeCount.theme).
func (r *Resolver) mapLayer(_ context.Context, vp *webmap.Viewport, z int) (*model.MapLayer, error) {
	items, truncated := capItems(vp.Items)
	out := &model.MapLayer{Zoom: z, Total: vp.Total, Stale: vp.Stale, Truncated: truncated,
		Clusters: []*model.MapCluster{}, Markers: []*model.MapMarker{}}
	for _, it := range items {
		if c := it.Cluster; c != nil {
			mc := &model.MapCluster{ID: "cluster:" + strconv.Itoa(c.ID), Count: c.Count, Center: c.Center,
				ExpansionZoom: c.ExpansionZoom, Themes: []*graph.ThemeCount{},
				Bounds: &model.MapBounds{West: c.Bounds.Min[0], South: c.Bounds.Min[1], East: c.Bounds.Max[0], North: c.Bounds.Max[1]}}
			for i, k := range c.ThemeCounts {
				if k > 0 {
					mc.Themes = append(mc.Themes, &graph.ThemeCount{ThemeID: vp.Themes[i], Count: int(k)})
				}
			}
			mc.Counts = []*model.KindCount{}
			for _, k := range c.Kinds() {
				mc.Counts = append(mc.Counts, &model.KindCount{Kind: markerKind(k.Kind), Count: k.Count})
			}
			if p := it.Place; p != nil {
				mc.Place = &model.MapPlace{Name: p.Name, Country: p.Country, Population: p.Population, Location: p.Location}
			}
			out.Clusters = append(out.Clusters, mc)
			continue
		}
		p := it.Point
		m := &model.MapMarker{ID: p.ID, Kind: markerKind(p.Kind), Name: p.Name, Location: p.Location, Demo: p.Demo, Themes: p.Themes}
		if m.Themes == nil {
			m.Themes = []string{}
		}
		if p.Country != "" {
			c := p.Country
			m.Country = &c
		}
		if l := graph.Lang(p.Lang); l.Valid() {
			m.Lang = &l
		}
		out.Markers = append(out.Markers, m)
	}
	return out, nil
}

// asErrorList spreads an error into its members.
func ErrorList(err error) graph.Errors {
	var es graph.Errors
	if errors.As(err, &es) {
		return es
	}
	var e *graph.Error
	if errors.As(err, &e) {
		return graph.Errors{e}
	}
	return graph.Errors{graph.Errorf(graph.EINTERNAL, "", "%v", err)}
}
