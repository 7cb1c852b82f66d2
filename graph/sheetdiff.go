package graph

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Diff operations of a SectionDiff.
const (
	DiffEqual  = "EQUAL"
	DiffInsert = "INSERT"
	DiffDelete = "DELETE"
)

// DiffOp is one run of text that is the same in both revisions, or only in the
// newer one (inserted) or only in the older one (deleted).
type DiffOp struct {
	Op   string
	Text string
}

// SectionDiff is what changed in one section between two revisions.
type SectionDiff struct {
	Key     string
	Changed bool
	Ops     []DiffOp
}

// SheetDiff is what changed between two revisions of a sheet, section by section.
type SheetDiff struct {
	From     *SheetRevision
	To       *SheetRevision
	Sections []SectionDiff
}

// DiffSheets compares revision a with the later revision b, section by section,
// with a word-level diff (diff-match-patch over words, cleaned up for reading).
func DiffSheets(a, b *SheetRevision) SheetDiff {
	d := SheetDiff{From: a, To: b}
	dmp := diffmatchpatch.New()
	for _, key := range SheetSections {
		old, cur := a.Section(key), b.Section(key)
		sd := SectionDiff{Key: key, Changed: old != cur}
		if !sd.Changed {
			if cur != "" {
				sd.Ops = []DiffOp{{Op: DiffEqual, Text: cur}}
			}
			d.Sections = append(d.Sections, sd)
			continue
		}
		wa, wb, words := wordsToChars(old, cur)
		diffs := dmp.DiffMainRunes([]rune(wa), []rune(wb), false)
		for i := range diffs { // each rune back to its word
			var b strings.Builder
			for _, r := range diffs[i].Text {
				b.WriteString(words[r])
			}
			diffs[i].Text = b.String()
		}
		diffs = dmp.DiffCleanupSemantic(diffs)
		for _, x := range diffs {
			op := DiffEqual
			switch x.Type {
			case diffmatchpatch.DiffInsert:
				op = DiffInsert
			case diffmatchpatch.DiffDelete:
				op = DiffDelete
			}
			sd.Ops = append(sd.Ops, DiffOp{Op: op, Text: x.Text})
		}
		d.Sections = append(d.Sections, sd)
	}
	return d
}

// wordsToChars maps each word (with the spaces after it) of a and b to one
// rune, as diff-match-patch's line mode does for lines, so that the diff runs
// over words and never splits one.
func wordsToChars(a, b string) (string, string, []string) {
	words := []string{""}
	index := map[string]int{}
	enc := func(s string) string {
		var out []rune
		for len(s) > 0 {
			i := 0
			for i < len(s) && s[i] != ' ' && s[i] != '\n' {
				i++
			}
			for i < len(s) && (s[i] == ' ' || s[i] == '\n') {
				i++
			}
			w := s[:i]
			s = s[i:]
			n, ok := index[w]
			if !ok {
				n = len(words)
				words = append(words, w)
				index[w] = n
			}
			out = append(out, rune(n))
		}
		return string(out)
	}
	ea := enc(a)
	eb := enc(b)
	return ea, eb, words
}
