package ingest

import (
	"context"
	"sync"

	"ewsi/graph"
)

// pipeline writes the batches of pass 2 with several transactions in flight, so
// that the database works on one batch while the loader prepares and sends the
// next. Batches commit in any order: a batch with links to the nodes of a batch
// still in flight waits for it before it is sent, and a record with links to
// nodes that later batches define has its links deferred to pass 3.
type pipeline struct {
	w        graph.Writer
	order    map[string]int // id -> its position among the records defined
	progress func(done int)

	ctx    context.Context
	cancel context.CancelFunc
	jobs   chan job
	wg     sync.WaitGroup

	mu        sync.Mutex
	changed   *sync.Cond // signalled when a batch commits or fails
	stats     graph.WriteStats
	done      int
	err       error
	deferred  []graph.Record
	ends      []int  // the last position of each batch sent
	committed []bool // by batch
	horizon   int    // every record up to this position is committed
	next      int    // the first batch not known committed
}

// job is one batch: the records at positions (start, end].
type job struct {
	n               int
	nodes, linkable []graph.Record
	start, end      int
}

// newPipeline starts writers goroutines writing to w.
func newPipeline(ctx context.Context, w graph.Writer, writers int, order map[string]int, progress func(int)) *pipeline {
	ctx, cancel := context.WithCancel(ctx)
	p := &pipeline{w: w, order: order, progress: progress, ctx: ctx, cancel: cancel, jobs: make(chan job)}
	p.changed = sync.NewCond(&p.mu)
	for i := 0; i < max(writers, 1); i++ {
		p.wg.Add(1)
		go p.work()
	}
	return p
}

// send hands a batch, the records at positions (start, end], to a writer once
// the nodes it links to outside itself are committed; it waits while every
// writer is busy. The batch is not kept.
func (p *pipeline) send(batch []graph.Record, start, end int) error {
	nodes := append([]graph.Record(nil), batch...)
	linkable := make([]graph.Record, 0, len(nodes))
	var deferred []graph.Record
	need := 0 // the last position this batch links to before its own
	for _, r := range nodes {
		later := false
		for _, l := range r.Links {
			n, ok := p.order[l.To]
			switch {
			case !ok || (n > start && n <= end):
			case n > end:
				later = true
			default:
				need = max(need, n)
			}
		}
		if later {
			deferred = append(deferred, r)
		} else {
			linkable = append(linkable, r)
		}
	}
	p.mu.Lock()
	for p.horizon < need && p.err == nil {
		p.changed.Wait()
	}
	if p.err != nil {
		p.mu.Unlock()
		return p.err
	}
	n := len(p.ends)
	p.ends = append(p.ends, end)
	p.committed = append(p.committed, false)
	p.deferred = append(p.deferred, deferred...)
	p.mu.Unlock()
	select {
	case p.jobs <- job{n: n, nodes: nodes, linkable: linkable}:
		return nil
	case <-p.ctx.Done():
		return p.fail(p.ctx.Err())
	}
}

func (p *pipeline) work() {
	defer p.wg.Done()
	for j := range p.jobs {
		st, err := p.w.Write(p.ctx, j.nodes, j.linkable)
		if err != nil {
			p.fail(err)
			continue
		}
		p.mu.Lock()
		p.stats.Add(st)
		p.done += len(j.nodes)
		p.committed[j.n] = true
		for p.next < len(p.committed) && p.committed[p.next] {
			p.horizon = p.ends[p.next]
			p.next++
		}
		if p.progress != nil {
			p.progress(p.done)
		}
		p.changed.Broadcast()
		p.mu.Unlock()
	}
}

// fail records the first error and stops the other writers.
func (p *pipeline) fail(err error) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.err == nil {
		p.err = err
		p.cancel()
		p.changed.Broadcast()
	}
	return p.err
}

// close waits for the batches sent and returns what they did, the records whose
// links wait for pass 3, and the first error.
func (p *pipeline) close() (graph.WriteStats, []graph.Record, error) {
	close(p.jobs)
	p.wg.Wait()
	p.cancel()
	return p.stats, p.deferred, p.err
}
