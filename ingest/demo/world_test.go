package demo

import (
	"math"
	"testing"
)

func testWorld(t *testing.T) *world {
	t.Helper()
	w, err := newWorld(testOptions(t, 1))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestAllocateProportional(t *testing.T) {
	w := testWorld(t)
	for _, n := range []int{1, 10, 25, len(w.cities)} {
		got := w.allocate(n)
		if len(got) != n {
			t.Fatalf("allocate(%d) gave %d", n, len(got))
		}
		per := make([]int, len(w.countries))
		seen := map[int]bool{}
		for i, c := range got {
			if seen[c] {
				t.Fatalf("city %d twice", c)
			}
			seen[c] = true
			per[w.cityCountry[c]]++
			if i > 0 && w.cities[got[i-1]].Population < w.cities[c].Population {
				t.Errorf("allocate(%d) not largest first at %d", n, i)
			}
		}
		for k, cs := range w.byCountry {
			exact := float64(n) * float64(len(cs)) / float64(len(w.cities))
			if math.Abs(float64(per[k])-exact) >= 1 {
				t.Errorf("allocate(%d): %s got %d, exact share %.2f", n, w.countries[k].ISO2, per[k], exact)
			}
			// Within a country, the largest cities are taken.
			for j, c := range cs {
				if seen[c] != (j < per[k]) {
					t.Errorf("allocate(%d): %s skipped a larger city", n, w.countries[k].ISO2)
					break
				}
			}
		}
	}
}

func TestAuthorityPlan(t *testing.T) {
	w := testWorld(t)
	n := len(w.cities)
	seats, short := w.authorityPlan(newRNG(1, 1), n+10)
	if short != 0 || len(seats) != n+10 {
		t.Fatalf("%d seats, %d short", len(seats), short)
	}
	for i, s := range seats {
		if s.Regional != (i >= n) {
			t.Errorf("seat %d regional=%v", i, s.Regional)
		}
	}
	seats, short = w.authorityPlan(newRNG(1, 1), 3*n)
	if len(seats) != 2*n || short != n {
		t.Errorf("3n wanted: %d seats, %d short", len(seats), short)
	}
}

func TestJitter(t *testing.T) {
	r := newRNG(3, 3)
	for _, p := range [][2]float64{{48.85, 2.35}, {60.17, 24.94}, {89.99, 0}, {0, 179.999}} {
		for range 1000 {
			lat, lon := r.jitter(p[0], p[1], 2)
			if d := distanceKm(lat, lon, p[0], p[1]); d >= 2 || lat > 90 || lon > 180 || lon < -180 {
				t.Fatalf("jitter of %v gave %v,%v, %.3f km away", p, lat, lon, d)
			}
		}
	}
}

func TestPracticeDates(t *testing.T) {
	r := newRNG(5, 5)
	for range 5000 {
		stage, start, end := practiceDates(r)
		ok := false
		switch stage {
		case "completed":
			ok = end.After(start) && end.Before(ReferenceDate)
		case "ongoing":
			ok = !start.After(ReferenceDate) && (end.IsZero() || end.After(ReferenceDate))
		case "planned":
			ok = start.After(ReferenceDate) && (end.IsZero() || end.After(start))
		}
		if !ok {
			t.Fatalf("%s from %v to %v", stage, start, end)
		}
	}
}

func TestEUActsUnique(t *testing.T) {
	r := newRNG(7, 7)
	seen := map[string]bool{}
	for n := range 78000 {
		celex, _, date := euAct(n, r, "Topic")
		if seen[celex] || date[:4] != celex[1:5] {
			t.Fatalf("act %d: %s dated %s", n, celex, date)
		}
		seen[celex] = true
	}
}
