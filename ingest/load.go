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
	// How long each pass took: checking, writing nodes, writing links, and
	// waiting for (after a bulk load, building) the full-text indexes.
	Check, Nodes, Links, Index time.Duration
	// Restored counts the side records of an export written (editors' links and
	// dismissals, partner requests and replies).
	Restored int
	// Bulk is whether the writer took the load as a bulk load (graph.Writer.Bulk).
	Bulk bool
}

// String formats the summary on one line.
func (s Summary) String() string {
	out := fmt.Sprintf("created %d, updated %d, unchanged %d, rejected %d", s.Created, s.Updated, s.Unchanged, s.Rejected)
	if s.Restored > 0 {
		out += fmt.Sprintf(", restored %d editors' links, dismissals, partner requests and replies", s.Restored)
	}
	if s.Bulk {
		out += " (bulk load: full-text indexes built at the end)"
	}
	return out
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
	Keep  int
	Batch int // records per transaction, default 1000
	// Writers is how many transactions are in flight at once, default 2.
	Writers int
	// BulkFrom is the size from which a load asks the writer for a bulk load
	// (graph.Writer.Bulk), default 10,000 records; -1 never does.
	BulkFrom int
	Progress func(Progress) // called after each batch; may be nil
}

// rejection marks a record that will not load.
type rejection struct {
	source string
	line   int
}

// Load checks every record of every source, then writes the good ones in two
// passes (nodes with the links they own, then the links that had to wait for
// their targets) in batches of one transaction each, Writers at a time.
// Records referring to ids that neither the sources nor the graph hold are
// rejected, as are records that refer to rejected ones. The error is for faults
// that stop the load (a file that cannot be read, the database); bad records are
// in the summary.
func (l *Loader) Load(ctx context.Context, sources ...Source) (Summary, error) {
	if l.Batch <= 0 {
		l.Batch = 1000
	}
	if l.Writers <= 0 {
		l.Writers = 2
	}
	if l.Keep == 0 {
		l.Keep = 2_000_000
	}
	if l.BulkFrom == 0 {
		l.BulkFrom = 10_000
	}
	kept := make([][]keptRecord, len(sources)) // per source, when all of it fits
	keeping := true
	var sum Summary
	start := time.Now()
	rejected := map[rejection]error{}
	defined := map[string]rejection{} // id -> where it is defined
	order := map[string]int{}         // id -> its position among the records defined
	referenced := map[string]bool{}
	dups := map[rejection]reuse{} // records reusing an id
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
				dups[at] = reuse{prev, id, rec.Source} // rejected below, after its own errors are known
			} else {
				defined[id] = at
				order[id] = len(order) + 1
			}
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
						kind, known := graph.KindOfID(lk.To)
						what := fmt.Sprintf("unknown %s %q", strings.ToLower(string(kind)), localPart(lk.To))
						if !known {
							what = fmt.Sprintf("unknown %q", lk.To)
						}
						rejected[at] = graph.Errorf(graph.EINVALID, rec.Source+": "+fieldOfLink(lk), "%s", what)
						if _, dup := dups[at]; !dup {
							unknown[rec.Node.NodeID()] = true // records linking to this one go too
							changed = true
						}
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
	// a record reusing an id is rejected for its own errors first, then for the reuse
	for at, d := range dups {
		dup := graph.Errorf(graph.EINVALID, d.src+": id", "%q is already defined at %s:%d", d.id, d.prev.source, d.prev.line)
		if rejected[d.prev] != nil {
			dup.Message += ", which is rejected too"
		}
		if own := rejected[at]; own != nil {
			rejected[at] = append(graph.ErrorList(own), dup)
		} else {
			rejected[at] = dup
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
	if l.BulkFrom > 0 && good >= l.BulkFrom {
		var err error
		if sum.Bulk, err = l.W.Bulk(ctx, good); err != nil {
			return sum, err
		}
	}
	// pass 2: each batch's nodes and their links in one transaction, with
	// l.Writers transactions in flight; links to nodes that may not be
	// committed yet wait for pass 3
	passStart := time.Now()
	pl := newPipeline(ctx, l.W, l.Writers, order, func(done int) {
		if l.Progress != nil {
			l.Progress(Progress{Pass: 2, Done: done, Total: good})
		}
	})
	batch := make([]graph.Record, 0, l.Batch)
	sent, last := 0, 0 // positions: the end of the batches sent, the last record read
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := pl.send(batch, sent, last)
		sent, batch = last, batch[:0]
		return err
	}
	var err error
	var sides []*Side
	for si, src := range sources {
		err = scan(kept, si, src, func(line int, rec *graph.Record, perr error) error {
			if perr != nil || rejected[rejection{src.Name(), line}] != nil {
				return nil
			}
			if side, ok := rec.Node.(*Side); ok {
				sides = append(sides, side)
				return nil
			}
			last = order[rec.Node.NodeID()]
			batch = append(batch, *rec)
			if len(batch) >= l.Batch {
				return flush()
			}
			return ctx.Err()
		})
		if err != nil {
			break
		}
	}
	if err == nil {
		err = flush()
	}
	st, deferred, werr := pl.close()
	sum.WriteStats.Add(st)
	if err == nil {
		err = werr
	}
	if err != nil {
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
	if err := l.restore(ctx, sides); err != nil {
		return sum, err
	}
	sum.Restored = len(sides)
	sum.Links = time.Since(passStart)
	passStart = time.Now()
	err = l.W.Settle(ctx)
	sum.Index = time.Since(passStart)
	return sum, err
}

// reuse is a record that reuses the id defined at prev.
type reuse struct {
	prev    rejection
	id, src string
}

func localPart(id string) string {
	_, local, _ := strings.Cut(id, ":")
	return local
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

// restorer is the part of a store that writes the side records of an export.
type restorer interface {
	RestoreLinks(ctx context.Context, links []graph.EditorLink) error
	RestoreDismissals(ctx context.Context, ds []graph.Dismissal) error
	RestoreRequests(ctx context.Context, reqs []graph.RequestBackup, replies []graph.ReplyBackup) error
}

// restore writes the side records, in batches, requests before their replies.
func (l *Loader) restore(ctx context.Context, sides []*Side) error {
	if len(sides) == 0 {
		return nil
	}
	r, ok := l.W.(restorer)
	if !ok {
		return graph.Errorf(graph.EINVALID, "", "this store cannot restore editors' links and partner requests")
	}
	var links []graph.EditorLink
	var ds []graph.Dismissal
	var reqs []graph.RequestBackup
	var reps []graph.ReplyBackup
	for _, s := range sides {
		switch {
		case s.Link != nil:
			links = append(links, *s.Link)
		case s.Dismissal != nil:
			ds = append(ds, *s.Dismissal)
		case s.Request != nil:
			reqs = append(reqs, *s.Request)
		case s.Reply != nil:
			reps = append(reps, *s.Reply)
		}
	}
	for i := 0; i < len(reqs); i += l.Batch {
		if err := r.RestoreRequests(ctx, reqs[i:min(i+l.Batch, len(reqs))], nil); err != nil {
			return err
		}
	}
	for i := 0; i < len(reps); i += l.Batch {
		if err := r.RestoreRequests(ctx, nil, reps[i:min(i+l.Batch, len(reps))]); err != nil {
			return err
		}
	}
	for i := 0; i < len(links); i += l.Batch {
		if err := r.RestoreLinks(ctx, links[i:min(i+l.Batch, len(links))]); err != nil {
			return err
		}
	}
	for i := 0; i < len(ds); i += l.Batch {
		if err := r.RestoreDismissals(ctx, ds[i:min(i+l.Batch, len(ds))]); err != nil {
			return err
		}
	}
	return nil
}
