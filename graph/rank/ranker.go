package rank

import (
	"context"
	"strings"

	"ewsi/graph"
)

// Source is what a Ranker reads from the store: the projection's data in bulk,
// the graph version to know when it is stale, a node's active editor links (read
// live, so that a link shows at once), and the store's own ranking, which answers
// until a projection is built or when the projection does not know the query's
// nodes yet.
type Source interface {
	graph.Partners
	// GraphVersion returns the graph's current version token.
	GraphVersion(ctx context.Context) (string, error)
	// LoadProjection reads the graph's structure and builds its projection,
	// tagged with the version read first.
	LoadProjection(ctx context.Context) (*Projection, error)
	// ActiveLinks returns the active editor links of the published node id, and
	// false when there is no such node.
	ActiveLinks(ctx context.Context, id string) ([]EditorLink, bool, error)
	// SuggestFrom returns the nodes most related to id by ranking that no editor
	// linked to it, not directly related and not dismissed.
	SuggestFrom(ctx context.Context, ranking graph.Partners, id string, first int) ([]graph.RelatedItem, error)
}

// Ranker answers partner search and related content over the cached projection
// of the graph when one is built (stale while it revalidates, see Cache), and
// through the store otherwise. It implements graph.Partners and is safe for
// concurrent use; one serves a whole server.
type Ranker struct {
	Source Source
	Cache  *Cache
}

var (
	_ graph.Partners  = (*Ranker)(nil)
	_ graph.Suggester = (*Ranker)(nil)
)

// NewRanker returns a Ranker over src with a cache of src's projection (built on
// first use; call r.Cache.Fresh to build it at once).
func NewRanker(src Source) *Ranker {
	return &Ranker{Source: src, Cache: &Cache{Load: src.LoadProjection, Version: src.GraphVersion}}
}

// FindPartners ranks the organisations that fit q over the projection (see
// Projection.FindPartners), with no round trip. Until one is built, or when it
// does not know q's organisation or topics yet, the store answers.
func (r *Ranker) FindPartners(ctx context.Context, q graph.PartnerQuery, w graph.Window) ([]graph.PartnerMatch, int, error) {
	if err := q.Normalize(); err != nil {
		return nil, 0, err
	}
	if proj := r.Cache.Get(ctx); proj != nil {
		if page, n, err := proj.FindPartners(q, w); err == nil {
			return page, n, nil
		}
	}
	return r.Source.FindPartners(ctx, q, w)
}

// Related ranks the nodes most related to id over the projection (see
// Projection.Related), with the source's active editor links read live. Until a
// projection is built, or when it does not hold id yet, the store answers.
func (r *Ranker) Related(ctx context.Context, id string, kinds []graph.Kind, first int) ([]graph.RelatedItem, error) {
	k, ok := graph.KindOfID(id)
	if !ok {
		return nil, graph.Errorf(graph.EINVALID, "id", "%q is not an id of the form kind:local", id)
	}
	proj := r.Cache.Get(ctx)
	src, inProj := int32(-1), false
	if proj != nil {
		src, inProj = proj.Lookup(id)
	}
	if !inProj {
		return r.Source.Related(ctx, id, kinds, first)
	}
	links, found, err := r.Source.ActiveLinks(ctx, id)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, graph.Errorf(graph.ENOTFOUND, "id", "no %s %q", strings.ToLower(string(k)), id)
	}
	if err := graph.CheckFirst(first); err != nil {
		return nil, err
	}
	return proj.Related(src, links, kinds, first), nil
}

// Suggestions returns link suggestions for editors: the nodes most related to id
// (ranked as Related ranks them) that no editor linked to it, not directly
// related and not dismissed, which the store reads live.
func (r *Ranker) Suggestions(ctx context.Context, id string, first int) ([]graph.RelatedItem, error) {
	return r.Source.SuggestFrom(ctx, r, id, first)
}
