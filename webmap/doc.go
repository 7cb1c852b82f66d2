// Package webmap is the map of EWSI Graph: a supercluster-style cluster hierarchy
// over the graph's located nodes, cached per filter (bounded in builds at once
// and in filters and points held) and dropped when the graph changes; the HTTP
// handlers of the map layers (OGC API Features, Part 1 Core, under /ogc, and
// Mapbox vector tiles, spec version 2, with a TileJSON document per layer and a
// cache of encoded tiles); and, in app/, the browser app built into build/web by
// build.mjs.
package webmap
