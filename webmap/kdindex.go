package webmap

import "math"

// kdNodeSize is the number of items below which a kd-tree range stops splitting
// and scans, as in kdbush.
const kdNodeSize = 64

// item is one element of a zoom level of the hierarchy: a point or a cluster at
// its Web Mercator position in [0,1]².
type item struct {
	x, y  float64
	count int32
	ref   int32 // >= 0: index of a point; < 0: -(index of a cluster)-1
}

func coord(it *item, axis int) float64 {
	if axis == 0 {
		return it.x
	}
	return it.y
}

// kdSort orders a in place as an implicit kd-tree (the kdbush layout): the
// median of each range on alternate axes sits in its middle.
func kdSort(a []item, left, right, axis int) {
	if right-left <= kdNodeSize {
		return
	}
	m := (left + right) >> 1
	kdSelect(a, m, left, right, axis)
	kdSort(a, left, m-1, 1-axis)
	kdSort(a, m+1, right, 1-axis)
}

// kdSelect puts the k-th smallest on axis at k, smaller before and larger after
// (Floyd-Rivest selection).
func kdSelect(a []item, k, left, right, axis int) {
	for right > left {
		if right-left > 600 {
			n := float64(right - left + 1)
			m := float64(k - left + 1)
			z := math.Log(n)
			s := 0.5 * math.Exp(2*z/3)
			sd := 0.5 * math.Sqrt(z*s*(n-s)/n)
			if m-n/2 < 0 {
				sd = -sd
			}
			nl := max(left, int(math.Floor(float64(k)-m*s/n+sd)))
			nr := min(right, int(math.Floor(float64(k)+(n-m)*s/n+sd)))
			kdSelect(a, k, nl, nr, axis)
		}
		t := coord(&a[k], axis)
		i, j := left, right
		a[left], a[k] = a[k], a[left]
		if coord(&a[right], axis) > t {
			a[left], a[right] = a[right], a[left]
		}
		for i < j {
			a[i], a[j] = a[j], a[i]
			i++
			j--
			for coord(&a[i], axis) < t {
				i++
			}
			for coord(&a[j], axis) > t {
				j--
			}
		}
		if coord(&a[left], axis) == t {
			a[left], a[j] = a[j], a[left]
		} else {
			j++
			a[j], a[right] = a[right], a[j]
		}
		if j <= k {
			left = j + 1
		}
		if k <= j {
			right = j - 1
		}
	}
}

// kdRange appends to out the indexes of the items of the kd-sorted a inside the box.
func kdRange(a []item, minX, minY, maxX, maxY float64, out []int32) []int32 {
	if len(a) == 0 {
		return out
	}
	stack := make([]int, 0, 64)
	stack = append(stack, 0, len(a)-1, 0)
	for len(stack) > 0 {
		axis, right, left := stack[len(stack)-1], stack[len(stack)-2], stack[len(stack)-3]
		stack = stack[:len(stack)-3]
		if right-left <= kdNodeSize {
			for i := left; i <= right; i++ {
				if x, y := a[i].x, a[i].y; x >= minX && x <= maxX && y >= minY && y <= maxY {
					out = append(out, int32(i))
				}
			}
			continue
		}
		m := (left + right) >> 1
		x, y := a[m].x, a[m].y
		if x >= minX && x <= maxX && y >= minY && y <= maxY {
			out = append(out, int32(m))
		}
		lo, hi := minX, maxX
		v := x
		if axis == 1 {
			lo, hi, v = minY, maxY, y
		}
		if lo <= v {
			stack = append(stack, left, m-1, 1-axis)
		}
		if hi >= v {
			stack = append(stack, m+1, right, 1-axis)
		}
	}
	return out
}

// lngX projects a longitude to Web Mercator x in [0,1].
func lngX(lng float64) float64 { return lng/360 + 0.5 }

// latY projects a latitude to Web Mercator y in [0,1], north at 0.
func latY(lat float64) float64 {
	s := math.Sin(lat * math.Pi / 180)
	y := 0.5 - 0.25*math.Log((1+s)/(1-s))/math.Pi
	return min(1, max(0, y))
}

// xLng is the inverse of lngX.
func xLng(x float64) float64 { return (x - 0.5) * 360 }

// yLat is the inverse of latY.
func yLat(y float64) float64 {
	y2 := (180 - y*360) * math.Pi / 180
	return 360*math.Atan(math.Exp(y2))/math.Pi - 90
}
