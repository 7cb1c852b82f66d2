// Package webmap is the map of EWSI Graph: a supercluster-style cluster hierarchy
// over the graph's located nodes, cached per filter and dropped when the graph
// changes; the HTTP handlers of the map layers (GeoJSON features in the style of
// OGC API Features, and Mapbox vector tiles); and, in app/, the browser app built
// into build/web by build.mjs.
package webmap
