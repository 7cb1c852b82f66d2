package ingest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"ewsi/graph"
)

// Summary is what a load did.
type Summary struct {
	graph.WriteStats
	Rejected int
	Errors   []error // one per rejected record, "file:line: field: reason"
	// How long each pass took: checking, writing nodes, writing links.
	Check, Nodes, Links time.Duration
}

// String formats the summary on one line.
func (s Summary) String() string {
	return fmt.Sprintf("created %d, updated %d, unchanged %d, rejected %d", s.Created, s.Updated, s.Unchanged, s.Rejected)
}

// Progress is reported as a load goes: the pass (1 check, 2 nodes, 3 links), records done and in all.
type Progress struct {
	Pass  int
	Done  int
	Total int
}

// Loader loads sources into a graph.Writer.
type Loader struct {
	W graph.Writer
	// Keep is how many parsed records the loader keeps in memory between its
	// passes instead of reading and parsing the sources again; default 2,000,000.
	Keep     int
	Batch    int            // records per transaction, default 1000
	Progress func(Progress) // called after each batch; may be nil
}

// rejection marks a record that will not load.
type rejection struct {
	source string
	line   int
}

// Load checks every record of every source, then writes the good ones in two
// passes (nodes, then the links they own) in batches of one transaction each.
// Records referring to ids that neither the sources nor the graph hold are
// rejected, as are records that refer to rejected ones. The error is for faults
// that stop the load (a file that cannot be read, the database); bad records are
// in the summary.
func (l *Loader) Load(ctx context.Context, sources ...Source) (Summary, error) {
	if l.Batch <= 0 {
		l.Batch = 1000
	}
	if l.Keep == 0 {
		l.Keep = 2_000_000
	}
	kept := make([][]keptRecord, len(sources)) // per source, when all of it fits
	keeping := true
	var sum Summary
	start := time.Now()
	rejected := map[rejection]error{}
	defined := map[string]rejection{} // id -> where it is defined
	order := map[string]int{}         // id -> its position among the records defined
	referenced := map[string]bool{}
	total := 0
	// pass 1: parse and validate, collect ids
	for si, src := range sources {
		err := src.Scan(func(line int, rec *graph.Record, perr error) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			total++
			if keeping = keeping && total <= l.Keep; keeping {
				kept[si] = append(kept[si], keptRecord{line, rec, perr})
			} else {
				kept = nil
			}
			at := rejection{src.Name(), line}
			if perr != nil {
				rejected[at] = perr
				return nil
			}
			id := rec.Node.NodeID()
			if prev, dup := defined[id]; dup {
				rejected[at] = graph.Errorf(graph.EINVALID, rec.Source+": id", "%q is already defined at %s:%d", id, prev.source, prev.line)
				return nil
			}
			defined[id] = at
			order[id] = len(order) + 1
			for _, lk := range rec.Links {
				referenced[lk.To] = true
			}
			return nil
		})
		if err != nil {
			return sum, err
		}
	}
	// which references are neither in the sources nor in the graph
	var outside []string
	for id := range referenced {
		if _, ok := defined[id]; !ok {
			outside = append(outside, id)
		}
	}
	unknown := map[string]bool{}
	for i := 0; i < len(outside); i += 5000 {
		part := outside[i:min(i+5000, len(outside))]
		have, err := l.W.Existing(ctx, part)
		if err != nil {
			return sum, err
		}
		for _, id := range part {
			if _, ok := have[id]; !ok {
				unknown[id] = true
			}
		}
	}
	// reject records whose links point at unknown or rejected ids, until stable
	for {
		changed := false
		for si, src := range sources {
			err := scan(kept, si, src, func(line int, rec *graph.Record, perr error) error {
				at := rejection{src.Name(), line}
				if perr != nil || rejected[at] != nil {
					return nil
				}
				for _, lk := range rec.Links {
					if unknown[lk.To] {
						kind, _ := graph.KindOfID(lk.To)
						rejected[at] = graph.Errorf(graph.EINVALID, rec.Source+": "+fieldOfLink(lk),
							"unknown %s %q", strings.ToLower(string(kind)), localPart(lk.To))
						unknown[rec.Node.NodeID()] = true // records linking to this one go too
						changed = true
						return nil
					}
				}
				return nil
			})
			if err != nil {
				return sum, err
			}
		}
		if !changed {
			break
		}
	}
	sum.Rejected = len(rejected)
	for si, src := range sources {
		if len(rejected) == 0 {
			break // nothing to report: no need to go over the sources again
		}
		_ = scan(kept, si, src, func(line int, _ *graph.Record, _ error) error {
			if err := rejected[rejection{src.Name(), line}]; err != nil {
				sum.Errors = append(sum.Errors, err)
			}
			return nil
		})
	}
	good := total - len(rejected)
	sum.Check = time.Since(start)
	// pass 2: each batch's nodes and their links in one transaction; links to
	// nodes that later batches define wait for the end
	passStart := time.Now()
	var deferred []graph.Record
	done, seq := 0, 0
	batch := make([]graph.Record, 0, l.Batch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		linkable := make([]graph.Record, 0, len(batch))
		for _, r := range batch {
			if laterTarget(r, order, seq) {
				deferred = append(deferred, r)
			} else {
				linkable = append(linkable, r)
			}
		}
		st, err := l.W.Write(ctx, batch, linkable)
		if err != nil {
			return err
		}
		sum.WriteStats.Add(st)
		done += len(batch)
		batch = batch[:0]
		if l.Progress != nil {
			l.Progress(Progress{Pass: 2, Done: done, Total: good})
		}
		return nil
	}
	for si, src := range sources {
		err := scan(kept, si, src, func(line int, rec *graph.Record, perr error) error {
			if perr != nil || rejected[rejection{src.Name(), line}] != nil {
				return nil
			}
			seq++
			batch = append(batch, *rec)
			if len(batch) >= l.Batch {
				return flush()
			}
			return ctx.Err()
		})
		if err != nil {
			return sum, err
		}
	}
	if err := flush(); err != nil {
		return sum, err
	}
	sum.Nodes = time.Since(passStart)
	// pass 3: the deferred links
	passStart = time.Now()
	for i := 0; i < len(deferred); i += l.Batch {
		part := deferred[i:min(i+l.Batch, len(deferred))]
		if err := l.W.WriteLinks(ctx, part); err != nil {
			return sum, err
		}
		if l.Progress != nil {
			l.Progress(Progress{Pass: 3, Done: i + len(part), Total: len(deferred)})
		}
	}
	sum.Links = time.Since(passStart)
	return sum, l.W.Settle(ctx)
}

func localPart(id string) string {
	_, local, _ := strings.Cut(id, ":")
	return local
}

// laterTarget reports whether a link of r points at a node that a record after
// position upto defines (so it does not exist yet when r's batch is written).
func laterTarget(r graph.Record, order map[string]int, upto int) bool {
	for _, l := range r.Links {
		if n, ok := order[l.To]; ok && n > upto {
			return true
		}
	}
	return false
}

// keptRecord is a parsed record kept between passes.
type keptRecord struct {
	line int
	rec  *graph.Record
	err  error
}

// scan goes over source i again: from memory when its records were kept.
func scan(kept [][]keptRecord, i int, src Source, fn func(int, *graph.Record, error) error) error {
	if kept == nil {
		return src.Scan(fn)
	}
	for _, k := range kept[i] {
		if err := fn(k.line, k.rec, k.err); err != nil {
			return err
		}
	}
	return nil
}
