package ingest

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// passNames name the passes of a load.
var passNames = map[int]string{2: "nodes", 3: "links"}

// ProgressPrinter renders progress: a bar redrawn in place on a terminal, plain
// lines at most every two seconds otherwise.
type ProgressPrinter struct {
	W     io.Writer
	TTY   bool
	Every bool // plain lines after every batch, not every two seconds
	last  time.Time
}

// Print shows p.
func (pp *ProgressPrinter) Print(p Progress) {
	pct := 100.0
	if p.Total > 0 {
		pct = 100 * float64(p.Done) / float64(p.Total)
	}
	if pp.TTY {
		const width = 30
		filled := int(pct / 100 * width)
		fmt.Fprintf(pp.W, "\r%-5s [%s%s] %5.1f%% %d/%d", passNames[p.Pass],
			strings.Repeat("#", filled), strings.Repeat(".", width-filled), pct, p.Done, p.Total)
		if p.Done == p.Total {
			fmt.Fprintln(pp.W)
		}
		return
	}
	if pp.Every || p.Done == p.Total || time.Since(pp.last) > 2*time.Second {
		pp.last = time.Now()
		fmt.Fprintf(pp.W, "%s: %d/%d (%.0f%%)\n", passNames[p.Pass], p.Done, p.Total, pct)
	}
}
