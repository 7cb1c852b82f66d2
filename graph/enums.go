package graph

import (
	"io"
	"slices"
	"strconv"
	"strings"
)

// Status is the publication state of a node.
type Status string

// The publication states.
const (
	StatusDraft     Status = "draft"
	StatusSubmitted Status = "submitted"
	StatusPublished Status = "published"
	StatusRejected  Status = "rejected"
)

// OrgType is the kind of an organisation.
type OrgType string

// The kinds of organisation.
const (
	OrgCivilSociety       OrgType = "civil_society"
	OrgLocalAuthority     OrgType = "local_authority"
	OrgRegionalAuthority  OrgType = "regional_authority"
	OrgNationalGovernment OrgType = "national_government"
	OrgEUInstitution      OrgType = "eu_institution"
	OrgInternational      OrgType = "international_organisation"
	OrgAcademia           OrgType = "academia"
	OrgBusiness           OrgType = "business"
	OrgFoundation         OrgType = "foundation"
	OrgSocialPartner      OrgType = "social_partner"
	OrgMigrantAssociation OrgType = "migrant_association"
)

// DocType is the kind of a document.
type DocType string

// The kinds of document.
const (
	DocLegislation        DocType = "legislation"
	DocPolicyPaper        DocType = "policy_paper"
	DocPolicyMeasure      DocType = "policy_measure"
	DocReport             DocType = "report"
	DocResearch           DocType = "research"
	DocImpactAssessment   DocType = "impact_assessment"
	DocEvaluation         DocType = "evaluation"
	DocStatistics         DocType = "statistics"
	DocTender             DocType = "tender"
	DocProjectDescription DocType = "project_description"
	DocHandbook           DocType = "handbook"
	DocOther              DocType = "other"
)

// FunderKind says who offers a funding opportunity.
type FunderKind string

// The kinds of funder.
const (
	FunderEU         FunderKind = "eu"
	FunderNational   FunderKind = "national"
	FunderFoundation FunderKind = "private_foundation"
	FunderOther      FunderKind = "other"
)

var (
	statuses    = []string{"draft", "submitted", "published", "rejected"}
	orgTypes    = []string{"civil_society", "local_authority", "regional_authority", "national_government", "eu_institution", "international_organisation", "academia", "business", "foundation", "social_partner", "migrant_association"}
	docTypes    = []string{"legislation", "policy_paper", "policy_measure", "report", "research", "impact_assessment", "evaluation", "statistics", "tender", "project_description", "handbook", "other"}
	funderKinds = []string{"eu", "national", "private_foundation", "other"}
	stages      = []string{"planned", "ongoing", "completed"}
	levels      = []string{"local", "regional"}
)

// PracticeStages lists the stages of a practice; AuthorityLevels the levels of a local authority.
func PracticeStages() []string  { return slices.Clone(stages) }
func AuthorityLevels() []string { return slices.Clone(levels) }

// OrgTypes, DocTypes and FunderKinds list the valid values.
func OrgTypes() []string    { return slices.Clone(orgTypes) }
func DocTypes() []string    { return slices.Clone(docTypes) }
func FunderKinds() []string { return slices.Clone(funderKinds) }

// Valid reports whether s is a known value.
func (s Status) Valid() bool     { return slices.Contains(statuses, string(s)) }
func (t OrgType) Valid() bool    { return slices.Contains(orgTypes, string(t)) }
func (t DocType) Valid() bool    { return slices.Contains(docTypes, string(t)) }
func (f FunderKind) Valid() bool { return slices.Contains(funderKinds, string(f)) }

// MarshalGQL writes the GraphQL enum value of each enum type (upper case).
func (s Status) MarshalGQL(w io.Writer)     { writeEnum(w, string(s)) }
func (t OrgType) MarshalGQL(w io.Writer)    { writeEnum(w, string(t)) }
func (t DocType) MarshalGQL(w io.Writer)    { writeEnum(w, string(t)) }
func (f FunderKind) MarshalGQL(w io.Writer) { writeEnum(w, string(f)) }

// UnmarshalGQL reads the GraphQL enum value of each enum type.
func (s *Status) UnmarshalGQL(v any) error { return readEnum(v, "Status", statuses, (*string)(s)) }
func (t *OrgType) UnmarshalGQL(v any) error {
	return readEnum(v, "OrgType", orgTypes, (*string)(t))
}
func (t *DocType) UnmarshalGQL(v any) error {
	return readEnum(v, "DocType", docTypes, (*string)(t))
}
func (f *FunderKind) UnmarshalGQL(v any) error {
	return readEnum(v, "FunderKind", funderKinds, (*string)(f))
}

func writeEnum(w io.Writer, s string) { _, _ = io.WriteString(w, strconv.Quote(strings.ToUpper(s))) }

func readEnum(v any, name string, valid []string, dst *string) error {
	s, ok := v.(string)
	if !ok {
		return Errorf(EINVALID, "", "%s must be an enum value", name)
	}
	l := strings.ToLower(s)
	if !slices.Contains(valid, l) {
		return Errorf(EINVALID, "", "%q is not a %s (one of %s)", s, name, strings.ToUpper(strings.Join(valid, ", ")))
	}
	*dst = l
	return nil
}

// ParseEnum checks that s (in any case, spaces or dashes for underscores) is one of
// valid and returns its canonical lower-case form.
func ParseEnum(s string, valid []string) (string, bool) {
	l := strings.ToLower(strings.TrimSpace(s))
	l = strings.NewReplacer(" ", "_", "-", "_").Replace(l)
	return l, slices.Contains(valid, l)
}
