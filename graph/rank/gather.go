package rank

import (
	"slices"
	"strings"
	"sync"

	"ewsi/graph"
)

// gathered is what a partner search gathers of the organisations it reaches, in
// arrays indexed by org slot. It is pooled between searches: release clears only
// the entries a search touched.
type gathered struct {
	c       []cand
	touched []int32  // org slots reached, in the order first reached
	seen    []uint64 // practices counted already, one bit per node
	marked  []int32  // practices whose bit is set, to clear them
	cols    map[int32][]graph.Collaborator
	topics  []topicRef // the profile's topics, by id
}

// cand is what a partner search gathers of one organisation.
type cand struct {
	// topic is the weight of the profile's topics it is about, one per
	// relationship, added in the order of topicRefs: the sum graph.ScorePartner
	// starts from.
	topic     float64
	practices int32
	first     [3]int32 // its practices of smallest id, in order, for the reason
	hit       bool     // reached by the search
	collab    bool     // has common collaborators (in gathered.cols)
}

// topicRef is a topic of the profile: its node, the relationship by which
// organisations are about it (as seen from the topic) and its weight.
type topicRef struct {
	id     string
	kind   graph.Kind
	node   int32
	rel    uint8
	weight float64
}

// gatherPool holds gathered arrays sized to a projection.
var gatherPool sync.Pool

// newGathered returns empty gathered arrays sized to p.
func (p *Projection) newGathered() *gathered {
	words := (p.Len() + 63) / 64
	if g, ok := gatherPool.Get().(*gathered); ok && len(g.c) == len(p.orgs) && len(g.seen) == words {
		return g
	}
	return &gathered{c: make([]cand, len(p.orgs)), seen: make([]uint64, words), cols: map[int32][]graph.Collaborator{}}
}

// release clears what the search touched and puts g back in the pool.
func (g *gathered) release() {
	for _, s := range g.touched {
		g.c[s] = cand{}
	}
	for _, x := range g.marked {
		g.seen[x/64] = 0
	}
	clear(g.cols)
	g.touched, g.marked, g.topics = g.touched[:0], g.marked[:0], g.topics[:0]
	gatherPool.Put(g)
}

// reach returns the entry of organisation node o, marking it reached; nil when
// the projection holds no attributes of o.
func (p *Projection) reach(g *gathered, o int32) *cand {
	s := p.slot(o)
	if s < 0 {
		return nil
	}
	c := &g.c[s]
	if !c.hit {
		c.hit = true
		g.touched = append(g.touched, s)
	}
	return c
}

// gather reaches every organisation that has something in common with the
// profile: a topic, practices on its topics, a common collaborator; or every one
// when the profile has no topic. It returns our organisation's node, -1 when
// the profile has none.
func (p *Projection) gather(pr *graph.PartnerProfile, g *gathered) int32 {
	orgK, _ := p.kindCode(graph.KindOrganisation)
	practiceK, _ := p.kindCode(graph.KindPractice)
	for id, t := range pr.Topics {
		n, _ := p.Lookup(id)
		rel := uint8(RelAbout) << 1
		if t.Kind == graph.KindPrinciple {
			rel = uint8(RelApplies) << 1
		}
		g.topics = append(g.topics, topicRef{id: id, kind: t.Kind, node: n, rel: rel, weight: t.Weight})
	}
	slices.SortFunc(g.topics, func(a, b topicRef) int { return strings.Compare(a.id, b.id) })
	var subs, themes []int32
	for _, t := range g.topics {
		nbrs, rels := p.edges(t.node)
		for i, o := range nbrs {
			if rels[i] == t.rel && p.kind[o] == orgK {
				if c := p.reach(g, o); c != nil {
					c.topic += t.weight
				}
			}
		}
		switch t.kind {
		case graph.KindSubtheme:
			subs = append(subs, t.node)
		case graph.KindTheme:
			themes = append(themes, t.node)
		}
	}
	practiceTopics := subs
	if len(practiceTopics) == 0 {
		practiceTopics = themes
	}
	for _, t := range practiceTopics {
		nbrs, rels := p.edges(t)
		for i, x := range nbrs {
			if rels[i] != uint8(RelAbout)<<1 || p.kind[x] != practiceK || !p.pub[x] || g.seen[x/64]&(1<<(x%64)) != 0 {
				continue
			}
			g.seen[x/64] |= 1 << (x % 64)
			g.marked = append(g.marked, x)
			wn, wr := p.edges(x)
			prev := int32(-1)
			for j, o := range wn {
				if (wr[j] != uint8(RelImplements)<<1 && wr[j] != uint8(RelPartnerIn)<<1) || p.kind[o] != orgK || o == prev {
					continue // not a worker, or the same one by another relationship (neighbours are sorted)
				}
				prev = o
				if c := p.reach(g, o); c != nil {
					c.keep(x)
				}
			}
		}
	}
	me := int32(-1)
	if pr.Self != "" {
		me, _ = p.Lookup(pr.Self)
		p.collaborators(me, func(o int32, col graph.Collaborator) {
			if p.kind[o] == orgK {
				if c := p.reach(g, o); c != nil {
					c.collab = true
					g.cols[p.slot(o)] = append(g.cols[p.slot(o)], col)
				}
			}
		})
		for _, cs := range g.cols {
			sortCollaborators(cs)
		}
	}
	if len(pr.Topics) == 0 {
		for _, o := range p.orgNode {
			if p.kind[o] == orgK {
				p.reach(g, o)
			}
		}
	}
	return me
}

// keep counts practice x (each practice is counted once) and keeps it among the
// three of smallest id.
func (c *cand) keep(x int32) {
	n := min(c.practices, 3)
	c.practices++
	if n == 3 && x > c.first[2] {
		return
	}
	i := min(n, 2)
	for i > 0 && c.first[i-1] > x {
		c.first[i] = c.first[i-1]
		i--
	}
	c.first[i] = x
}
