// Package rank holds an in-memory projection of the graph's structure and the
// rankings computed over it: partner search and related content. A Projection is
// a cache derived from the store (built from a few bulk reads, tagged with the
// graph version it was read at); every server instance builds its own, so the
// server keeps no state of its own. A Ranker keeps it fresh in a Cache and
// answers from it, or from the store's own Cypher ranking while it has none.
// The package imports no database driver.
package rank

import (
	"bytes"
	"math"
	"slices"
	"sort"
	"time"

	"ewsi/graph"
)

// Rel is a relationship type the projection keeps.
type Rel uint8

// The relationships kept: those related content walks and partner search reads.
const (
	RelAbout Rel = iota
	RelApplies
	RelIn
	RelImplements
	RelPartnerIn
	RelPublishedBy
	RelFundedBy
	relCount
)

// RelTypes names each Rel as the graph does, for the store's bulk reads.
var RelTypes = [relCount]string{"ABOUT", "APPLIES", "IN", "IMPLEMENTS", "PARTNER_IN", "PUBLISHED_BY", "FUNDED_BY"}

// noDay stands for a missing date.
const noDay = math.MaxInt32

// OrgAttrs is what partner search reads of an organisation.
type OrgAttrs struct {
	Type      graph.OrgType
	Languages []string
	Looking   bool
	Location  *[2]float64 // lon, lat
}

// Projection is the structure of the graph in compact form: nodes numbered in
// the order of their ids (so that ties by id compare numbers), their kind,
// publication and display name, and the relationships as a compressed sparse row
// adjacency in both directions. It is read-only once built and safe for
// concurrent use.
type Projection struct {
	// Version is the graph version token read before the projection was read.
	Version string
	// BuildTime is how long reading and building took.
	BuildTime time.Duration

	idArena, nameArena []byte
	idOff, nameOff     []uint32 // n+1 offsets into the arenas
	kind               []uint8  // index into kinds
	pub                []bool
	off                []uint32 // n+1 offsets into adj and rel
	adj                []int32  // neighbours, sorted per node
	rel                []uint8  // Rel<<1 | 1 when the relationship goes out of the node
	activeDay          []int32  // practices: coalesce(endDate, startDate) in days, noDay when none
	orgIndex
	iso2         map[int32]string
	kinds        []graph.Kind
	contentTotal int
}

// Len is the number of nodes.
func (p *Projection) Len() int { return len(p.kind) }

// ID returns the id of node n.
func (p *Projection) ID(n int32) string { return string(p.idArena[p.idOff[n]:p.idOff[n+1]]) }

// idBytes returns the id of node n without copying.
func (p *Projection) idBytes(n int32) []byte { return p.idArena[p.idOff[n]:p.idOff[n+1]] }

// Name returns the display name of node n.
func (p *Projection) Name(n int32) string { return string(p.nameArena[p.nameOff[n]:p.nameOff[n+1]]) }

// Kind returns the label of node n.
func (p *Projection) Kind(n int32) graph.Kind { return p.kinds[p.kind[n]] }

// Published reports whether node n is published (or has no status).
func (p *Projection) Published(n int32) bool { return p.pub[n] }

// Lookup returns the node of id.
func (p *Projection) Lookup(id string) (int32, bool) {
	b := []byte(id)
	i := sort.Search(p.Len(), func(i int) bool { return bytes.Compare(p.idBytes(int32(i)), b) >= 0 })
	if i < p.Len() && bytes.Equal(p.idBytes(int32(i)), b) {
		return int32(i), true
	}
	return -1, false
}

// Degree is the number of relationships of n that the projection keeps.
func (p *Projection) Degree(n int32) int { return int(p.off[n+1] - p.off[n]) }

// edges returns n's neighbours and the relationship of each, sorted by neighbour.
func (p *Projection) edges(n int32) ([]int32, []uint8) {
	return p.adj[p.off[n]:p.off[n+1]], p.rel[p.off[n]:p.off[n+1]]
}

// inDegree counts the relationships of type r that end at n.
func (p *Projection) inDegree(n int32, r Rel) int {
	_, rels := p.edges(n)
	c := 0
	for _, x := range rels {
		if x == uint8(r)<<1 {
			c++
		}
	}
	return c
}

// Bytes estimates the memory the projection holds.
func (p *Projection) Bytes() int {
	b := len(p.idArena) + len(p.nameArena) + 4*(len(p.idOff)+len(p.nameOff)+len(p.off)+len(p.adj)+len(p.activeDay)) +
		len(p.kind) + len(p.pub) + len(p.rel) + 24*len(p.iso2)
	return b + p.orgIndex.bytes()
}

// Builder collects what the store reads and builds a Projection. Nodes are added
// under the store's own numbers (any int64 unique per node); relationships whose
// ends were not added are dropped.
type Builder struct {
	version string
	started time.Time
	nodes   []bnode
	byRef   map[int64]int32
	edges   []bedge
	orgs    map[int64]OrgAttrs
	days    map[int64]int32
	iso2    map[int64]string
}

type bnode struct {
	ref      int64
	id, name string
	kind     graph.Kind
	pub      bool
}

type bedge struct {
	from, to int64
	rel      Rel
}

// NewBuilder starts a projection of the graph at version.
func NewBuilder(version string) *Builder {
	return &Builder{version: version, started: time.Now(), byRef: map[int64]int32{},
		orgs: map[int64]OrgAttrs{}, days: map[int64]int32{}, iso2: map[int64]string{}}
}

// Node adds a node: its store number, id, label, whether it is published, and
// its display name.
func (b *Builder) Node(ref int64, id string, kind graph.Kind, published bool, name string) {
	b.byRef[ref] = int32(len(b.nodes))
	b.nodes = append(b.nodes, bnode{ref: ref, id: id, name: name, kind: kind, pub: published})
}

// Edges adds relationships of type r from from to each of tos.
func (b *Builder) Edges(r Rel, from int64, tos []int64) {
	for _, t := range tos {
		b.edges = append(b.edges, bedge{from, t, r})
	}
}

// EdgesTo adds relationships of type r from each of froms to to.
func (b *Builder) EdgesTo(r Rel, froms []int64, to int64) {
	for _, f := range froms {
		b.edges = append(b.edges, bedge{f, to, r})
	}
}

// Org sets what partner search reads of an organisation.
func (b *Builder) Org(ref int64, a OrgAttrs) { b.orgs[ref] = a }

// PracticeDates sets a practice's start and end dates (nil when missing).
func (b *Builder) PracticeDates(ref int64, start, end *time.Time) {
	switch {
	case end != nil:
		b.days[ref] = dayOf(*end)
	case start != nil:
		b.days[ref] = dayOf(*start)
	}
}

// Country sets a country's ISO code.
func (b *Builder) Country(ref int64, iso2 string) { b.iso2[ref] = iso2 }

func dayOf(t time.Time) int32 {
	return int32(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Build numbers the nodes in id order and lays out the adjacency.
func (b *Builder) Build() *Projection {
	order := make([]int32, len(b.nodes))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int {
		if c := compareStrings(b.nodes[x].id, b.nodes[y].id); c != 0 {
			return c
		}
		return int(b.nodes[x].ref - b.nodes[y].ref)
	})
	num := make([]int32, len(b.nodes)) // builder index -> node number
	for n, i := range order {
		num[i] = int32(n)
	}
	p := &Projection{Version: b.version, kind: make([]uint8, len(order)), pub: make([]bool, len(order)),
		idOff: make([]uint32, 1, len(order)+1), nameOff: make([]uint32, 1, len(order)+1),
		activeDay: make([]int32, len(order)), orgIndex: newOrgIndex(len(order)), iso2: map[int32]string{}}
	kindIx := map[graph.Kind]uint8{}
	for n, i := range order {
		nd := &b.nodes[i]
		k, ok := kindIx[nd.kind]
		if !ok {
			k = uint8(len(p.kinds))
			kindIx[nd.kind] = k
			p.kinds = append(p.kinds, nd.kind)
		}
		p.kind[n], p.pub[n] = k, nd.pub
		p.idArena = append(p.idArena, nd.id...)
		p.idOff = append(p.idOff, uint32(len(p.idArena)))
		p.nameArena = append(p.nameArena, nd.name...)
		p.nameOff = append(p.nameOff, uint32(len(p.nameArena)))
		p.activeDay[n] = noDay
		if d, ok := b.days[nd.ref]; ok {
			p.activeDay[n] = d
		}
		if a, ok := b.orgs[nd.ref]; ok {
			p.addOrg(int32(n), a)
		}
		if c, ok := b.iso2[nd.ref]; ok {
			p.iso2[int32(n)] = c
		}
		if isContent(nd.kind) {
			p.contentTotal++
		}
	}
	b.layout(p, num)
	p.BuildTime = time.Since(b.started)
	return p
}

// layout fills the adjacency: each relationship once at each end, sorted by
// neighbour per node.
func (b *Builder) layout(p *Projection, num []int32) {
	n := len(num)
	deg := make([]uint32, n+1)
	type end struct{ a, c int32 }
	ends := make([]end, 0, len(b.edges))
	for _, e := range b.edges {
		fi, ok1 := b.byRef[e.from]
		ti, ok2 := b.byRef[e.to]
		if !ok1 || !ok2 {
			continue
		}
		a, c := num[fi], num[ti]
		deg[a+1]++
		deg[c+1]++
		ends = append(ends, end{a, c})
	}
	for i := 1; i <= n; i++ {
		deg[i] += deg[i-1]
	}
	p.off = deg
	packed := make([]uint64, deg[n])
	fill := make([]uint32, n)
	j := 0
	for _, e := range b.edges {
		if _, ok := b.byRef[e.from]; !ok {
			continue
		}
		if _, ok := b.byRef[e.to]; !ok {
			continue
		}
		a, c := ends[j].a, ends[j].c
		j++
		packed[p.off[a]+fill[a]] = uint64(c)<<8 | uint64(e.rel)<<1 | 1
		fill[a]++
		packed[p.off[c]+fill[c]] = uint64(a)<<8 | uint64(e.rel)<<1
		fill[c]++
	}
	p.adj, p.rel = make([]int32, len(packed)), make([]uint8, len(packed))
	for i := 0; i < n; i++ {
		seg := packed[p.off[i]:p.off[i+1]]
		slices.Sort(seg)
		for k, v := range seg {
			p.adj[int(p.off[i])+k], p.rel[int(p.off[i])+k] = int32(v>>8), uint8(v)
		}
	}
}

// compareStrings orders ids byte by byte, as Go's sort does.
func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func isContent(k graph.Kind) bool { return slices.Contains(graph.ContentKinds(), k) }
