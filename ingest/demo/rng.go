package demo

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"time"
)

// The random streams: each file draws from its own PCG stream so that the
// size of one type does not change the content of another.
const (
	streamOrganisations uint64 = iota + 1
	streamAuthorities
	streamPeople
	streamFunding
	streamPractices
	streamDocuments
	streamNews
	streamEvents
)

// rng is a deterministic random source with the helpers the generator uses.
type rng struct{ *rand.Rand }

// newRNG returns the stream of the given number for seed.
func newRNG(seed int64, stream uint64) *rng {
	return &rng{rand.New(rand.NewPCG(uint64(seed), stream*0x9E3779B97F4A7C15))}
}

// Chance reports true with probability p.
func (r *rng) Chance(p float64) bool { return r.Float64() < p }

// Between returns an int in [lo, hi].
func (r *rng) Between(lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// pick returns a random element of s.
func pick[T any](r *rng, s []T) T { return s[r.IntN(len(s))] }

// pickDistinct returns k distinct numbers of [0, n), sorted; fewer when n < k.
func (r *rng) pickDistinct(n, k int) []int {
	k = min(k, n)
	out := make([]int, 0, k)
	for len(out) < k {
		v := r.IntN(n)
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

// weights picks indices with probability proportional to their weight.
type weights struct{ cum []float64 }

func newWeights(w []float64) weights {
	cum := make([]float64, len(w))
	var s float64
	for i, x := range w {
		s += x
		cum[i] = s
	}
	return weights{cum}
}

// Pick returns an index; there must be at least one positive weight.
func (w weights) Pick(r *rng) int {
	x := r.Float64() * w.cum[len(w.cum)-1]
	i := sort.SearchFloat64s(w.cum, x)
	return min(i, len(w.cum)-1)
}

// ReferenceDate is the fixed "today" of the generated content: stages, past and
// upcoming events and deadlines are relative to it, never to the clock.
var ReferenceDate = time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)

// day returns the reference date moved by n days.
func day(n int) time.Time { return ReferenceDate.AddDate(0, 0, n) }

// ymd formats t as YYYY-MM-DD.
func ymd(t time.Time) string { return t.Format(time.DateOnly) }

// recentDay returns a day in [-span, 0] days, skewed towards the reference date.
func (r *rng) recentDay(span int) int {
	f := r.Float64()
	return -int(f * f * float64(span))
}

// round5 rounds to five decimals (about a metre).
func round5(x float64) float64 { return math.Round(x*1e5) / 1e5 }

// jitter moves (lat, lon) by less than maxKm in a random direction, along a
// great circle (so it holds near the poles and the antimeridian too).
func (r *rng) jitter(lat, lon, maxKm float64) (float64, float64) {
	const earthKm = 6371.0
	d := maxKm * math.Sqrt(r.Float64()) * 0.999 / earthKm // angular distance
	b := r.Float64() * 2 * math.Pi
	p1, l1 := lat*math.Pi/180, lon*math.Pi/180
	p2 := math.Asin(math.Sin(p1)*math.Cos(d) + math.Cos(p1)*math.Sin(d)*math.Cos(b))
	l2 := l1 + math.Atan2(math.Sin(b)*math.Sin(d)*math.Cos(p1), math.Cos(d)-math.Sin(p1)*math.Sin(p2))
	lon2 := math.Mod(l2*180/math.Pi+540, 360) - 180
	return round5(p2 * 180 / math.Pi), round5(lon2)
}
