package server

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ClientIP tells which address a request comes from, for rate limiting. By
// default it is the connection's remote address: a header is never trusted
// unless configured. Behind a reverse proxy, set Header (such as
// X-Forwarded-For) and Trusted to the proxies' networks: when the connection
// comes from a trusted proxy, the header's addresses are read from the right,
// skipping trusted ones, and the first untrusted address is the client.
type ClientIP struct {
	Header  string         // EWSI_TRUSTED_PROXY_HEADER; empty trusts no header
	Trusted []netip.Prefix // EWSI_TRUSTED_PROXIES
}

// Of returns the client address of r; it is invalid only when the remote
// address cannot be parsed (never for a real connection).
func (c ClientIP) Of(r *http.Request) netip.Addr {
	remote := parseHostPort(r.RemoteAddr)
	if c.Header == "" || !c.trusted(remote) {
		return remote
	}
	client := remote
	values := r.Header.Values(c.Header)
	for i := len(values) - 1; i >= 0; i-- {
		hops := strings.Split(values[i], ",")
		for j := len(hops) - 1; j >= 0; j-- {
			a := parseHostPort(strings.TrimSpace(hops[j]))
			if !a.IsValid() {
				// a garbled entry was written by whoever is left of the last
				// trusted hop: that hop's peer is as far as we can know
				return client
			}
			if !c.trusted(a) {
				return a
			}
			client = a
		}
	}
	return client
}

func (c ClientIP) trusted(a netip.Addr) bool {
	if !a.IsValid() {
		return false
	}
	for _, p := range c.Trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// parseHostPort reads "1.2.3.4", "1.2.3.4:5", "::1", "[::1]:5"; an IPv4-mapped
// IPv6 address becomes IPv4.
func parseHostPort(s string) netip.Addr {
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap()
	}
	if host, _, err := net.SplitHostPort(s); err == nil {
		if a, err := netip.ParseAddr(host); err == nil {
			return a.Unmap()
		}
	}
	return netip.Addr{}
}

// clientKey is the rate limiter's key of an address: IPv6 clients are keyed
// by their /64, as one subscriber usually holds a whole /64.
func clientKey(a netip.Addr) string {
	if !a.IsValid() {
		return "unknown"
	}
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}

// parseCIDRs reads a comma-separated list of networks or single addresses.
func parseCIDRs(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			a, err := netip.ParseAddr(f)
			if err != nil {
				return nil, err
			}
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Masked())
	}
	return out, nil
}
