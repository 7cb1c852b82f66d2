package graph

import "context"

// DemoRequest is a generated partner request with its invented contact and its
// replies. It carries no manage key: nobody can manage it.
type DemoRequest struct {
	Request PartnerRequest
	Contact Contact
	Replies []DemoReply
}

// DemoReply is a generated reply with its invented contact and no reply key.
type DemoReply struct {
	Reply   PartnerReply
	Contact Contact
}

// DemoOrg is what the demo generator needs to know of an organisation.
type DemoOrg struct {
	ID        string
	Type      OrgType
	Country   string // ISO alpha-2
	Languages []string
	Themes    []string // theme ids
	Subthemes []string // subtheme ids
}

// DemoPool is the demo content partner requests are generated from.
type DemoPool struct {
	Orgs     []DemoOrg // demo organisations with at least one theme, by id
	Fundings []string  // demo funding ids, sorted
}

// DemoRequestWriter is the part of the store that loads generated partner requests.
type DemoRequestWriter interface {
	// DemoPool reads up to limit demo organisations (by id) and the demo funding calls.
	DemoPool(ctx context.Context, limit int) (DemoPool, error)
	// WriteDemoRequests merges the requests and their replies on id, marked demo,
	// with no key; writing the same requests again changes nothing. Links to
	// organisations, topics, countries or funding that do not exist are skipped.
	WriteDemoRequests(ctx context.Context, reqs []DemoRequest) error
	// CountRequests counts the partner requests stored.
	CountRequests(ctx context.Context) (int, error)
}
