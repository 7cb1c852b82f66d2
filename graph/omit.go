package graph

import "context"

// omitKey is the context key of the properties a read may leave out.
type omitKey struct{}

// WithOmitted returns a ctx under which reads of nodes may leave out the named
// properties, because the request does not ask for them: a list of practices
// that shows titles need not carry every practice's template text. Nodes read
// under it are partial: they serve that request only and are never written back.
func WithOmitted(ctx context.Context, props []string) context.Context {
	if len(props) == 0 {
		return ctx
	}
	set := make(map[string]bool, len(props))
	for _, p := range props {
		set[p] = true
	}
	return context.WithValue(ctx, omitKey{}, set)
}

// Omitted returns the properties that reads under ctx may leave out; nil when
// they read every property.
func Omitted(ctx context.Context) map[string]bool {
	set, _ := ctx.Value(omitKey{}).(map[string]bool)
	return set
}
