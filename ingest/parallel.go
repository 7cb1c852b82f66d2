package ingest

import (
	"runtime"
	"sync"

	"ewsi/graph"
)

// pending is one record read from a file but not yet parsed: its line, and the
// parsing left to do. After parsing, rec or err holds the outcome.
type pending struct {
	line  int
	parse func() (*graph.Record, error)
	rec   *graph.Record
	err   error
}

// chunk is a run of records parsed together; done closes when all are parsed.
type chunk struct {
	items []pending
	done  chan struct{}
}

// chunkSize is how many records go to a parsing goroutine at a time.
const chunkSize = 256

// scanParallel reads records with read, which runs in its own goroutine and
// hands each record to emit in file order (emit reports false when the scan
// stopped), parses them on every core, and calls fn with each outcome in file
// order, as a sequential scan would. Parsing is most of the work of reading a
// file, so this keeps the loader's first pass from waiting on one core. It
// returns fn's first error, or read's.
func scanParallel(read func(emit func(pending) bool) error, fn func(int, *graph.Record, error) error) error {
	workers := runtime.GOMAXPROCS(0)
	work := make(chan *chunk, workers)
	ordered := make(chan *chunk, 2*workers)
	stop := make(chan struct{})
	var readErr error
	go func() {
		defer close(ordered)
		defer close(work)
		cur := &chunk{done: make(chan struct{})}
		send := func() bool {
			select {
			case ordered <- cur:
			case <-stop:
				return false
			}
			select {
			case work <- cur:
			case <-stop:
				return false
			}
			cur = &chunk{done: make(chan struct{})}
			return true
		}
		readErr = read(func(p pending) bool {
			cur.items = append(cur.items, p)
			if len(cur.items) < chunkSize {
				return true
			}
			return send()
		})
		if len(cur.items) > 0 {
			send()
		}
	}()
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range work {
				for i := range c.items {
					c.items[i].rec, c.items[i].err = c.items[i].parse()
				}
				close(c.done)
			}
		}()
	}
	finish := func() {
		close(stop)
		for range ordered { // let the reader return; it closes ordered and work
		}
		wg.Wait()
	}
	for c := range ordered {
		<-c.done
		for _, p := range c.items {
			if err := fn(p.line, p.rec, p.err); err != nil {
				finish()
				return err
			}
		}
	}
	finish()
	return readErr
}
