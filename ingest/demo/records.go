package demo

// The JSON Lines records, one struct per type. Field order is the order of
// the keys on each line; links are fields holding ids, slugs or codes.

// head is what every record starts with.
type head struct {
	Type   string `json:"type"`
	ID     string `json:"id"`
	Demo   bool   `json:"demo"`
	Status string `json:"status"`
}

func newHead(typ string, n int) head {
	return head{Type: typ, ID: demoID(typ, n), Demo: true, Status: "published"}
}

// text is the language and summaries of content records.
type text struct {
	Lang      string `json:"lang"`
	Summary   string `json:"summary"`
	SummaryEn string `json:"summaryEn,omitempty"`
}

// authorityRecord has no summaryEn: graph.LocalAuthority has no such field.
type authorityRecord struct {
	head
	Name       string  `json:"name"`
	Lang       string  `json:"lang"`
	Summary    string  `json:"summary"`
	Level      string  `json:"level"`
	Website    string  `json:"website"`
	Population int     `json:"population"`
	Country    string  `json:"country"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
}

type organisationRecord struct {
	head
	Name string `json:"name"`
	text
	OrgType            string   `json:"orgType"`
	Website            string   `json:"website"`
	Languages          []string `json:"languages"`
	LookingForPartners bool     `json:"lookingForPartners"`
	City               string   `json:"city"`
	Country            string   `json:"country"`
	Lat                float64  `json:"lat"`
	Lon                float64  `json:"lon"`
	Themes             []string `json:"themes"`
	Subthemes          []string `json:"subthemes"`
}

type personRecord struct {
	head
	Name          string   `json:"name"`
	Email         string   `json:"email"`
	ShareDetails  bool     `json:"shareDetails"`
	Languages     []string `json:"languages"`
	Roles         []string `json:"roles"`
	Organisations []string `json:"organisations"`
}

type practiceRecord struct {
	head
	Title string `json:"title"`
	text
	Area          string   `json:"area"`
	Challenge     string   `json:"challenge"`
	HowItWorks    string   `json:"howItWorks"`
	Results       string   `json:"results"`
	Evaluation    string   `json:"evaluation"`
	Beneficiaries []string `json:"beneficiaries"`
	StartDate     string   `json:"startDate"`
	EndDate       string   `json:"endDate,omitempty"`
	Stage         string   `json:"stage"`
	Budget        int      `json:"budget"`
	FundingSource string   `json:"fundingSource"`
	Resources     string   `json:"resources"`
	Contact       string   `json:"contact"`
	Website       string   `json:"website"`
	Themes        []string `json:"themes"`
	Subthemes     []string `json:"subthemes"`
	Principles    []int    `json:"principles"`
	Country       string   `json:"country"`
	Lat           float64  `json:"lat"`
	Lon           float64  `json:"lon"`
	Implementers  []string `json:"implementers"`
	Partners      []string `json:"partners,omitempty"`
	FundedBy      []string `json:"fundedBy,omitempty"`
}

type documentRecord struct {
	head
	Title string `json:"title"`
	text
	DocType     string   `json:"docType"`
	Date        string   `json:"date"`
	URL         string   `json:"url"`
	CELEX       string   `json:"celex,omitempty"`
	PublishedBy string   `json:"publishedBy"`
	Themes      []string `json:"themes"`
	Country     string   `json:"country,omitempty"`
}

type newsRecord struct {
	head
	Title string `json:"title"`
	text
	Date    string   `json:"date"`
	Source  string   `json:"source"`
	URL     string   `json:"url"`
	Themes  []string `json:"themes"`
	Country string   `json:"country,omitempty"`
}

type eventRecord struct {
	head
	Title string `json:"title"`
	text
	Start   string   `json:"start"`
	End     string   `json:"end"`
	Place   string   `json:"place"`
	Lat     float64  `json:"lat"`
	Lon     float64  `json:"lon"`
	URL     string   `json:"url"`
	Themes  []string `json:"themes"`
	Country string   `json:"country"`
}

type fundingRecord struct {
	head
	Title string `json:"title"`
	text
	FunderKind string   `json:"funderKind"`
	Programme  string   `json:"programme"`
	Deadline   string   `json:"deadline"`
	Amount     int      `json:"amount"`
	URL        string   `json:"url"`
	Themes     []string `json:"themes"`
	Country    string   `json:"country,omitempty"`
	Applicants []string `json:"applicants,omitempty"`
}
