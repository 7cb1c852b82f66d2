package rank

import "slices"

// ranked is a scored organisation: its node (node numbers follow ids, so ties
// by id compare nodes) and its org slot.
type ranked struct {
	score float64
	node  int32
	slot  int32
}

// before reports whether a ranks before b: higher score, then smaller id.
func (a ranked) before(b ranked) bool {
	return a.score > b.score || (a.score == b.score && a.node < b.node)
}

// bestOf keeps the k best of the ranked items offered: a heap whose root is the
// worst kept, so that most offers cost one comparison.
type bestOf struct {
	k int
	h []ranked
}

// offer keeps r when it is among the k best so far.
func (b *bestOf) offer(r ranked) {
	if len(b.h) < b.k {
		b.h = append(b.h, r)
		for i := len(b.h) - 1; i > 0; {
			up := (i - 1) / 2
			if !b.h[up].before(b.h[i]) {
				break
			}
			b.h[up], b.h[i] = b.h[i], b.h[up]
			i = up
		}
		return
	}
	if b.k == 0 || !r.before(b.h[0]) {
		return
	}
	b.h[0] = r
	for i := 0; ; {
		worst, l, rt := i, 2*i+1, 2*i+2
		if l < len(b.h) && b.h[worst].before(b.h[l]) {
			worst = l
		}
		if rt < len(b.h) && b.h[worst].before(b.h[rt]) {
			worst = rt
		}
		if worst == i {
			return
		}
		b.h[i], b.h[worst] = b.h[worst], b.h[i]
		i = worst
	}
}

// sorted returns the items kept, best first.
func (b *bestOf) sorted() []ranked {
	slices.SortFunc(b.h, func(x, y ranked) int {
		switch {
		case x.before(y):
			return -1
		case y.before(x):
			return 1
		}
		return 0
	})
	return b.h
}
