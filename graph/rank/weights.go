package rank

import (
	"math"

	"ewsi/graph"
)

// connectorWeights is what a path through a node of each label is worth before the
// hub discount; labels not listed do not connect.
var connectorWeights = map[graph.Kind]float64{
	graph.KindTheme: 0.5, graph.KindSubtheme: 1.0, graph.KindPrinciple: 0.5,
	graph.KindCountry: 0.5, graph.KindRegion: 0.75,
	graph.KindOrganisation: 1.0, graph.KindLocalAuthority: 1.0, graph.KindPractice: 1.0,
	graph.KindFunding: 1.0, graph.KindDocument: 0.75, graph.KindNews: 0.5, graph.KindEvent: 0.5,
}

// EditorLinkWeight is what an editor's link adds; DirectWeight is what a direct
// relationship (a practice's implementer, its funding) adds.
const (
	EditorLinkWeight = 3.0
	DirectWeight     = 1.0
)

// MaxCollaboratorDegree bounds the organisations that count as a common
// collaborator: one that worked on more practices than this ties everyone to
// everyone and says nothing about a pair.
const MaxCollaboratorDegree = 200

// ConnectorLabels returns the labels that connect, with the weight of each.
func ConnectorLabels() map[graph.Kind]float64 {
	out := make(map[graph.Kind]float64, len(connectorWeights))
	for k, w := range connectorWeights {
		out[k] = w
	}
	return out
}

// Connects reports whether nodes of kind k connect related content.
func Connects(k graph.Kind) bool { _, ok := connectorWeights[k]; return ok }

// ConnectorWeight is the Adamic-Adar weight of a path through a node of kind k
// with the given degree: the label's weight over ln(1 + degree).
func ConnectorWeight(k graph.Kind, degree int) float64 {
	return connectorWeights[k] / math.Log(1+float64(max(degree, 1)))
}

// Connector is a neighbour of the source that paths go through.
type Connector struct {
	ID, Name string
	Kind     graph.Kind
	Degree   int
	Weight   float64
}

// Reason says why a path through c relates two nodes.
func (c Connector) Reason() graph.Reason {
	r := graph.Reason{Weight: graph.RoundScore(c.Weight), Via: []string{c.ID}}
	name := graph.NodeArg("name", c.ID, c.Name)
	switch c.Kind {
	case graph.KindTheme, graph.KindSubtheme, graph.KindPrinciple:
		r.Kind = map[graph.Kind]graph.ReasonKind{graph.KindTheme: graph.ReasonTheme, graph.KindSubtheme: graph.ReasonSubtheme, graph.KindPrinciple: graph.ReasonPrinciple}[c.Kind]
		r.Says = []graph.Message{graph.Msg("reason.related.topic."+string(c.Kind), name, graph.IntArg("n", c.Degree))}
	case graph.KindCountry, graph.KindRegion:
		r.Kind, r.Says = graph.ReasonPlace, []graph.Message{graph.Msg("reason.related.place", name)}
	case graph.KindOrganisation, graph.KindLocalAuthority:
		r.Kind, r.Says = graph.ReasonOrganisation, []graph.Message{graph.Msg("reason.related.organisation", name)}
	case graph.KindFunding:
		r.Kind, r.Says = graph.ReasonFunding, []graph.Message{graph.Msg("reason.related.funding", name)}
	default:
		r.Kind, r.Says = graph.ReasonCollaborator, []graph.Message{graph.Msg("reason.related.organisation", name)}
	}
	return r
}

// DirectReason is the reason of a node directly linked to the source.
func DirectReason(id string) graph.Reason {
	return graph.Reason{Kind: graph.ReasonDirect, Weight: DirectWeight, Via: []string{id}, Says: []graph.Message{graph.Msg("reason.related.direct")}}
}

// EditorLink is an active editor's link of the source, read live from the store.
type EditorLink struct {
	ID        string
	Kind      graph.Kind
	Published bool
	Note      string
}

// AddLink adds an editor link's weight to a node's bonus and merges its reason
// with the one already there (a direct link, or another editor link).
func AddLink(bonus map[string]float64, reasons map[string]graph.Reason, l EditorLink) {
	says := graph.Msg("reason.related.editorLink")
	if l.Note != "" {
		says = graph.Msg("reason.related.editorLinkNote", graph.TextArg("note", l.Note))
	}
	bonus[l.ID] += EditorLinkWeight
	r := graph.Reason{Kind: graph.ReasonEditorLink, Weight: EditorLinkWeight, Says: []graph.Message{says}}
	if old, ok := reasons[l.ID]; ok {
		r.Weight += old.Weight
		r.Says = append(r.Says, old.Says...)
	}
	reasons[l.ID] = r
}
