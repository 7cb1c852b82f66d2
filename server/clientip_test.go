package server

import (
	"net/http/httptest"
	"net/netip"
	"strconv"
	"testing"
	"time"
)

func TestClientIP(t *testing.T) {
	proxies := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("fd00::/8")}
	cases := []struct {
		name   string
		ip     ClientIP
		remote string
		xff    []string
		want   string
	}{
		{"no header configured: the connection", ClientIP{}, "198.51.100.1:4000", []string{"203.0.113.5"}, "198.51.100.1"},
		{"header from an untrusted peer is ignored", ClientIP{Header: "X-Forwarded-For", Trusted: proxies},
			"198.51.100.1:4000", []string{"203.0.113.5"}, "198.51.100.1"},
		{"trusted proxy: its client", ClientIP{Header: "X-Forwarded-For", Trusted: proxies},
			"10.1.2.3:4000", []string{"203.0.113.5"}, "203.0.113.5"},
		{"right-most untrusted wins over a spoofed left entry", ClientIP{Header: "X-Forwarded-For", Trusted: proxies},
			"10.1.2.3:4000", []string{"192.0.2.66, 203.0.113.5, 10.9.9.9"}, "203.0.113.5"},
		{"several header lines read as one list", ClientIP{Header: "X-Forwarded-For", Trusted: proxies},
			"10.1.2.3:4000", []string{"192.0.2.66", "203.0.113.5"}, "203.0.113.5"},
		{"only trusted hops: the left-most", ClientIP{Header: "X-Forwarded-For", Trusted: proxies},
			"10.1.2.3:4000", []string{"10.4.4.4, 10.5.5.5"}, "10.4.4.4"},
		{"a garbled entry stops at the last trusted hop", ClientIP{Header: "X-Forwarded-For", Trusted: proxies},
			"10.1.2.3:4000", []string{"nonsense, 10.5.5.5"}, "10.5.5.5"},
		{"no header from a trusted proxy: the proxy", ClientIP{Header: "X-Forwarded-For", Trusted: proxies},
			"10.1.2.3:4000", nil, "10.1.2.3"},
		{"IPv6 with ports and mapped IPv4", ClientIP{Header: "X-Forwarded-For", Trusted: proxies},
			"[fd00::1]:4000", []string{"[2001:db8::7]:555"}, "2001:db8::7"},
		{"mapped IPv4 remote", ClientIP{}, "[::ffff:192.0.2.1]:80", nil, "192.0.2.1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = c.remote
			for _, v := range c.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := c.ip.Of(r); got.String() != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

func TestClientKeyGroupsIPv6By64(t *testing.T) {
	a, b := netip.MustParseAddr("2001:db8:1:2::1"), netip.MustParseAddr("2001:db8:1:2:ffff::9")
	c := netip.MustParseAddr("2001:db8:1:3::1")
	if clientKey(a) != clientKey(b) {
		t.Errorf("one /64: %s and %s", clientKey(a), clientKey(b))
	}
	if clientKey(a) == clientKey(c) {
		t.Errorf("two /64s share the key %s", clientKey(a))
	}
}

// Many distinct clients must not grow the limiter's memory without bound.
func TestLimiterRemembersBoundedClients(t *testing.T) {
	l := newLimiter(RateLimit{Clients: 100}, ClientIP{})
	for i := range 10000 {
		l.take("198.51."+strconv.Itoa(i/256)+"."+strconv.Itoa(i%256), []*bucket{l.graphql, l.key}, []int{10, 1})
	}
	for _, b := range []*bucket{l.graphql, l.key} {
		if n := b.clients.Len(); n > 100 {
			t.Errorf("%s bucket remembers %d clients, the bound is 100", b.name, n)
		}
	}
}

// A refusal by a later bucket gives back what the earlier ones took.
func TestLimiterTakesAllOrNothing(t *testing.T) {
	l := newLimiter(RateLimit{GraphQL: Rate{PerSecond: 0.001, Burst: 10}, Key: Rate{PerSecond: 0.001, Burst: 1}}, ClientIP{})
	now := time.Unix(1e9, 0)
	l.now = func() time.Time { return now }
	if b, _ := l.take("c", []*bucket{l.graphql, l.key}, []int{5, 1}); b != nil {
		t.Fatalf("first take refused by %s", b.name)
	}
	if b, _ := l.take("c", []*bucket{l.graphql, l.key}, []int{5, 1}); b != l.key {
		t.Fatalf("second take: refused by %v, want the key bucket", b)
	}
	// the 5 graphql points of the refused take were given back
	if b, _ := l.take("c", []*bucket{l.graphql}, []int{5}); b != nil {
		t.Errorf("graphql points were kept by a refused take")
	}
}
