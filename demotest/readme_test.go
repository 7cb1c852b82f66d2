package demotest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"ewsi/graph/neo4j/neo4jtest"
)

// example is one ```graphql block of the README and the line it starts on.
type example struct {
	line  int
	query string
}

// readmeExamples returns every ```graphql block of README.md, in order. Blocks
// marked ```text are templates (with placeholders for keys shown once) and are
// not examples.
func readmeExamples(t *testing.T) []example {
	t.Helper()
	root, err := neo4jtest.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		out []example
		cur *example
		b   strings.Builder
	)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		switch {
		case cur == nil && strings.TrimSpace(l) == "```graphql":
			cur = &example{line: n + 1}
			b.Reset()
		case cur != nil && strings.TrimSpace(l) == "```":
			cur.query = b.String()
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			b.WriteString(l + "\n")
		}
	}
	if cur != nil {
		t.Fatalf("README.md:%d: a graphql block is never closed", cur.line-1)
	}
	return out
}

// TestReadmeExamplesRun runs every ```graphql block of the README verbatim
// against the demo data of `make run`, each operation of a block in order: none
// may answer an error, and no field of the answer may be null or find nothing (an
// example that searches for what the demo does not hold shows nothing).
func TestReadmeExamplesRun(t *testing.T) {
	examples := readmeExamples(t)
	if len(examples) < 10 {
		t.Fatalf("found %d graphql blocks in README.md", len(examples))
	}
	for _, ex := range examples {
		t.Run(fmt.Sprintf("README.md:%d", ex.line), func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Name: "README.md", Input: ex.query})
			if err != nil {
				t.Fatalf("README.md:%d: %v", ex.line, err)
			}
			if len(doc.Operations) == 0 {
				t.Fatalf("README.md:%d: no operation", ex.line)
			}
			for _, op := range doc.Operations {
				if len(doc.Operations) > 1 && op.Name == "" {
					t.Fatalf("README.md:%d: a block with several operations must name each", ex.line+op.Position.Line-1)
				}
				if len(op.VariableDefinitions) > 0 {
					t.Fatalf("README.md:%d: operation %q needs variables: examples run verbatim", ex.line+op.Position.Line-1, op.Name)
				}
				body := map[string]any{"query": ex.query}
				if op.Name != "" {
					body["operationName"] = op.Name
				}
				r := post(t, body)
				if len(r.Errors) > 0 || r.Data == nil {
					t.Errorf("README.md:%d: operation %q: errors %+v", ex.line+op.Position.Line-1, op.Name, r.Errors)
				}
				for field, v := range r.Data {
					if empty(v) {
						t.Errorf("README.md:%d: %s finds nothing in the demo data: %v", ex.line+op.Position.Line-1, field, v)
					}
				}
			}
		})
	}
}

// empty reports whether a top-level answer shows nothing: null, an empty list,
// or a connection without edges.
func empty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case []any:
		return len(x) == 0
	case map[string]any:
		if e, ok := x["edges"].([]any); ok {
			return len(e) == 0
		}
	}
	return false
}
