package rank

import (
	"slices"

	"ewsi/graph"
)

// orgIndex is what partner search reads of the organisations, in dense arrays
// indexed by org slot (slots are given in node order, so in id order): the
// attributes as read, each one's kind as a small code, and its languages as
// numbers, so that scoring one needs no map lookup and no string comparison.
type orgIndex struct {
	orgOf   []int32 // node -> org slot, -1 for nodes that are not organisations
	orgNode []int32 // org slot -> node, increasing
	orgs    []OrgAttrs
	hot     []orgHot // org slot -> what every candidate's filters and score read
	typeOf  []uint16 // org slot -> index into types
	types   []graph.OrgType
	langOff []uint32 // org slot -> offsets into langIDs (slots+1 of them)
	langIDs []int32
	langID  map[string]int32
}

// orgHot is the part of an organisation's attributes read for every candidate,
// in 24 bytes instead of OrgAttrs and the place it points to.
type orgHot struct {
	loc     [2]float64 // lon, lat when located
	located bool
	looking bool
}

// newOrgIndex starts the index of a projection of n nodes.
func newOrgIndex(n int) orgIndex {
	x := orgIndex{orgOf: make([]int32, n), langOff: []uint32{0}, langID: map[string]int32{}}
	for i := range x.orgOf {
		x.orgOf[i] = -1
	}
	return x
}

// addOrg adds the attributes of organisation node n; nodes come in increasing order.
func (x *orgIndex) addOrg(n int32, a OrgAttrs) {
	x.orgOf[n] = int32(len(x.orgs))
	x.orgNode = append(x.orgNode, n)
	x.orgs = append(x.orgs, a)
	h := orgHot{located: a.Location != nil, looking: a.Looking}
	if h.located {
		h.loc = *a.Location
	}
	x.hot = append(x.hot, h)
	t := slices.Index(x.types, a.Type)
	if t < 0 {
		t = len(x.types)
		x.types = append(x.types, a.Type)
	}
	x.typeOf = append(x.typeOf, uint16(t))
	for _, l := range a.Languages {
		id, ok := x.langID[l]
		if !ok {
			id = int32(len(x.langID))
			x.langID[l] = id
		}
		x.langIDs = append(x.langIDs, id)
	}
	x.langOff = append(x.langOff, uint32(len(x.langIDs)))
}

// slot returns the org slot of node n, -1 when n is not an organisation.
func (x *orgIndex) slot(n int32) int32 {
	if n < 0 || int(n) >= len(x.orgOf) {
		return -1
	}
	return x.orgOf[n]
}

// speaks counts the languages of ids (with repeats, -1 for a language no
// organisation speaks) that the organisation in slot s speaks.
func (x *orgIndex) speaks(s int32, ids []int32) int {
	own := x.langIDs[x.langOff[s]:x.langOff[s+1]]
	n := 0
	for _, l := range ids {
		if slices.Contains(own, l) {
			n++
		}
	}
	return n
}

// languageIDs numbers languages as the index does, -1 for those it does not hold.
func (x *orgIndex) languageIDs(langs []string) []int32 {
	out := make([]int32, len(langs))
	for i, l := range langs {
		if id, ok := x.langID[l]; ok {
			out[i] = id
		} else {
			out[i] = -1
		}
	}
	return out
}

// bytes estimates the memory the index holds.
func (x *orgIndex) bytes() int {
	b := 4*(len(x.orgOf)+len(x.orgNode)+len(x.langOff)+len(x.langIDs)) + 24*len(x.hot) + 2*len(x.typeOf) + 24*len(x.langID)
	for _, o := range x.orgs {
		b += 64
		for _, l := range o.Languages {
			b += 16 + len(l)
		}
	}
	return b
}
