package graph

import "strings"

// Kind names a node label of the graph.
type Kind string

// The labels of the graph (DESIGN.md), plus Milestone for the EU framework timeline.
const (
	KindTheme          Kind = "Theme"
	KindSubtheme       Kind = "Subtheme"
	KindPrinciple      Kind = "Principle"
	KindCountry        Kind = "Country"
	KindRegion         Kind = "Region"
	KindLocalAuthority Kind = "LocalAuthority"
	KindOrganisation   Kind = "Organisation"
	KindPerson         Kind = "Person"
	KindPractice       Kind = "Practice"
	KindDocument       Kind = "Document"
	KindNews           Kind = "News"
	KindEvent          Kind = "Event"
	KindFunding        Kind = "Funding"
	KindLink           Kind = "Link"
	KindCountrySheet   Kind = "CountrySheet"
	KindFeature        Kind = "Feature"
	KindDossier        Kind = "Dossier"
	KindTopic          Kind = "Topic"
	KindPost           Kind = "Post"
	KindIndicator      Kind = "Indicator"
	KindObservation    Kind = "Observation"
	KindMilestone      Kind = "Milestone"
)

// kindPrefix is the id prefix of each kind: ids are "prefix:local", unique across the graph.
var kindPrefix = map[Kind]string{
	KindTheme: "theme", KindSubtheme: "subtheme", KindPrinciple: "principle",
	KindCountry: "country", KindRegion: "region", KindLocalAuthority: "authority",
	KindOrganisation: "organisation", KindPerson: "person", KindPractice: "practice",
	KindDocument: "document", KindNews: "news", KindEvent: "event", KindFunding: "funding",
	KindLink: "link", KindCountrySheet: "countrysheet", KindFeature: "feature",
	KindDossier: "dossier", KindTopic: "topic", KindPost: "post",
	KindIndicator: "indicator", KindObservation: "observation", KindMilestone: "milestone",
}

// Kinds returns every label, in a fixed order.
func Kinds() []Kind {
	return []Kind{KindTheme, KindSubtheme, KindPrinciple, KindCountry, KindRegion,
		KindLocalAuthority, KindOrganisation, KindPerson, KindPractice, KindDocument,
		KindNews, KindEvent, KindFunding, KindLink, KindCountrySheet, KindFeature,
		KindDossier, KindTopic, KindPost, KindIndicator, KindObservation, KindMilestone}
}

// ContentKinds are the kinds listed, filtered and searched as content.
func ContentKinds() []Kind {
	return []Kind{KindPractice, KindOrganisation, KindLocalAuthority, KindDocument,
		KindNews, KindEvent, KindFunding}
}

// Prefix returns the id prefix of k ("practice" for Practice).
func (k Kind) Prefix() string { return kindPrefix[k] }

// Valid reports whether k is a known label.
func (k Kind) Valid() bool { _, ok := kindPrefix[k]; return ok }

// KindOfID returns the kind named by an id's prefix, and false when the id has
// no known prefix.
func KindOfID(id string) (Kind, bool) {
	prefix, local, ok := strings.Cut(id, ":")
	if !ok || local == "" {
		return "", false
	}
	for k, p := range kindPrefix {
		if p == prefix {
			return k, true
		}
	}
	return "", false
}

// ID returns the id of kind k with the given local part; a local part that already
// carries k's prefix is returned as it is.
func ID(k Kind, local string) string {
	p := kindPrefix[k] + ":"
	if strings.HasPrefix(local, p) {
		return local
	}
	return p + local
}

// KindByPrefix returns the kind whose id prefix or lowercase label is s
// ("practice", "Practice", "localauthority", "authority").
func KindByPrefix(s string) (Kind, bool) {
	l := strings.ToLower(strings.TrimSpace(s))
	for k, p := range kindPrefix {
		if p == l || strings.ToLower(string(k)) == l {
			return k, true
		}
	}
	return "", false
}
