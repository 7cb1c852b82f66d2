package demo

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Files are the names Generate writes, in the order a loader must read them.
var Files = []string{
	"01-organisations.jsonl", "02-authorities.jsonl", "03-people.jsonl",
	"04-funding.jsonl", "05-practices.jsonl", "06-documents.jsonl",
	"07-news.jsonl", "08-events.jsonl",
}

// Summary reports what Generate wrote.
type Summary struct {
	Sizes                  // records written per type
	Wanted        Sizes    // records asked for by the scale
	CitiesGiven   int      // cities passed in Options
	CitiesSkipped int      // of those, cities of countries not in Options.Countries
	CitiesUsed    int      // distinct cities that got an authority
	Files         []string // the files written, in load order
	Bytes         int64    // total size of the files
	Notes         []string // shortfalls and other things the caller should tell the user
}

// String is a short multi-line report for the command line.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "organisations %d, authorities %d, people %d, funding %d, practices %d, documents %d, news %d, events %d (%d records, %.1f MB)\n",
		s.Organisations, s.Authorities, s.People, s.Funding, s.Practices, s.Documents, s.News, s.Events,
		s.Total(), float64(s.Bytes)/1e6)
	fmt.Fprintf(&b, "cities: %d given, %d skipped, %d with an authority\n", s.CitiesGiven, s.CitiesSkipped, s.CitiesUsed)
	for _, n := range s.Notes {
		b.WriteString("note: " + n + "\n")
	}
	return b.String()
}

// Generate writes the demo files into o.Out (see Files) and reports what it
// wrote. Files that do not link to each other are written concurrently; the
// bytes do not depend on that. A file appears complete or not at all: each is
// written under a temporary name and renamed when done. It stops early when
// ctx is done; files completed before an error stay.
func Generate(ctx context.Context, o Options) (Summary, error) {
	if err := o.Validate(); err != nil {
		return Summary{}, err
	}
	w, err := newWorld(o)
	if err != nil {
		return Summary{}, err
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return Summary{}, err
	}
	g := &gen{o: o, w: w, want: o.sizes()}
	g.sum = Summary{Wanted: g.want, CitiesGiven: len(o.Cities), CitiesSkipped: w.skipped}
	if w.skipped > 0 {
		g.note("%d of %d cities skipped: their country is not in the country list", w.skipped, len(o.Cities))
	}
	// Each file draws from its own stream, so files can be written at the same
	// time once the tables they link to are filled: deps are indices of steps.
	steps := []struct {
		write func(*sink) error
		count *int
		deps  []int
	}{
		{g.writeOrganisations, &g.sum.Organisations, nil},
		{g.writeAuthorities, &g.sum.Authorities, nil},
		{g.writePeople, &g.sum.People, []int{0}},
		{g.writeFunding, &g.sum.Funding, []int{0}},
		{g.writePractices, &g.sum.Practices, []int{0, 1, 3}},
		{g.writeDocuments, &g.sum.Documents, []int{0}},
		{g.writeNews, &g.sum.News, nil},
		{g.writeEvents, &g.sum.Events, nil},
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make([]chan struct{}, len(steps))
	for i := range done {
		done[i] = make(chan struct{})
	}
	errs := make([]error, len(steps))
	sizes := make([]int64, len(steps))
	var wg sync.WaitGroup
	for i, st := range steps {
		wg.Go(func() {
			defer close(done[i])
			for _, d := range st.deps {
				if <-done[d]; errs[d] != nil {
					errs[i] = errSkipped
					return
				}
			}
			n, size, err := writeFile(ctx, filepath.Join(o.Out, Files[i]), st.write)
			if err != nil {
				errs[i] = fmt.Errorf("demo: %s: %w", Files[i], err)
				cancel()
				return
			}
			*st.count, sizes[i] = n, size
		})
	}
	wg.Wait()
	if err := firstError(errs); err != nil {
		return g.sum, err
	}
	for i := range steps {
		g.sum.Files = append(g.sum.Files, Files[i])
		g.sum.Bytes += sizes[i]
	}
	return g.sum, nil
}

// errSkipped marks a step not run because a step it depends on failed.
var errSkipped = errors.New("skipped")

// firstError returns the error that stopped Generate: the first, in file
// order, that is not a consequence of another (a skip or a cancellation
// caused by a failing sibling).
func firstError(errs []error) error {
	var first error
	for _, err := range errs {
		switch {
		case err == nil || err == errSkipped:
		case !errors.Is(err, context.Canceled):
			return err
		case first == nil:
			first = err
		}
	}
	return first
}

// gen holds what later files link to: ids are derived from indices, so only
// places, countries, languages and names are kept.
type gen struct {
	o    Options
	w    *world
	want Sizes
	sum  Summary

	orgs          []actor
	orgByCountry  [][]int32
	orgsByType    [][]int32 // by index in orgTypes
	auths         []actor
	authByCountry [][]int32
	funds         []fund
	fundByCountry [][]int32
	fundEU        []int32
}

// actor is an organisation or authority as practices and documents see it.
type actor struct {
	City    int32
	Country int32
	Lang    int8
	Type    int8 // index in orgTypes (local_authority or regional_authority for authorities)
	// Authority is set for authorities (authority:* ids), clear for organisations.
	Authority bool
	Name      string
}

// fund is a funding call as practices see it.
type fund struct {
	Country   int32 // -1 for EU-wide calls
	Programme string
}

func (g *gen) note(format string, args ...any) {
	g.sum.Notes = append(g.sum.Notes, fmt.Sprintf(format, args...))
}

// sink writes records of one file as JSON Lines.
type sink struct {
	ctx context.Context
	enc *json.Encoder
	n   int
}

// emit writes one record on its own line.
func (s *sink) emit(v any) error {
	if s.n%1024 == 0 {
		if err := s.ctx.Err(); err != nil {
			return err
		}
	}
	s.n++
	return s.enc.Encode(v)
}

// writeFile runs fill into a temporary file beside path and renames it to
// path when fill succeeds; it returns the number of records and bytes.
func writeFile(ctx context.Context, path string, fill func(*sink) error) (int, int64, error) {
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return 0, 0, err
	}
	fail := func(err error) (int, int64, error) {
		f.Close()
		os.Remove(tmp)
		return 0, 0, err
	}
	bw := bufio.NewWriterSize(f, 1<<18)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	s := &sink{ctx: ctx, enc: enc}
	if err := fill(s); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	st, err := f.Stat()
	if err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return 0, 0, err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return 0, 0, err
	}
	return s.n, st.Size(), nil
}

// demoID returns the id of the n-th (1-based) demo record of a type.
func demoID(typ string, n int) string { return fmt.Sprintf("%s:demo-%06d", typ, n) }

// orgID, authID and fundID return the ids of table entries (0-based).
func orgID(i int32) string  { return demoID("organisation", int(i)+1) }
func authID(i int32) string { return demoID("authority", int(i)+1) }
func fundID(i int32) string { return demoID("funding", int(i)+1) }

// texts returns the language and summaries of a record in bank language l;
// summary builds the summary in a given bank language.
func texts(l int, summary func(l int) string) text {
	t := text{Lang: bankLangs[l], Summary: summary(l)}
	if l != en {
		t.SummaryEn = summary(en)
	}
	return t
}

// website returns a made-up address under the reserved .invalid domain.
func website(name, iso2 string) string {
	return "https://" + slug(name) + "." + strings.ToLower(iso2) + ".example.invalid"
}
