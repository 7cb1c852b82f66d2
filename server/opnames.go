package server

import (
	"regexp"
	"sync"
)

// Labels of operations whose name is not kept.
const (
	labelAnonymous = "anonymous" // no name, or one that is not a GraphQL name
	labelOther     = "other"     // a name that came after the set was full
)

var opName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

// operationNames bounds the operation names /metrics keeps as labels, since
// clients choose them: the names given at start (GraphiQL's IntrospectionQuery)
// and the first ones seen, up to max, keep their own series; any other is
// "other". A server thus has at most max+2 operation labels.
type operationNames struct {
	mu    sync.Mutex
	max   int
	known map[string]bool
}

func newOperationNames(max int, known ...string) *operationNames {
	n := &operationNames{max: max, known: map[string]bool{}}
	for _, k := range known {
		n.known[k] = true
	}
	return n
}

// label returns the label of an operation name, remembering it if there is room.
func (n *operationNames) label(name string) string {
	if !opName.MatchString(name) {
		return labelAnonymous
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.known[name] {
		return name
	}
	if len(n.known) >= n.max {
		return labelOther
	}
	n.known[name] = true
	return name
}
