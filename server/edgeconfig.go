package server

import (
	"net/http"
	"strconv"
	"strings"

	"ewsi/graph"
)

// Edge configures the middleware in front of every route: rate limits, the
// client address behind proxies, and compression.
type Edge struct {
	RateLimit     RateLimit
	ClientIP      ClientIP
	NoCompression bool // EWSI_COMPRESSION=off
}

// EdgeFromEnv reads the edge's configuration from the environment; a bad value
// is an error naming the variable. Unset variables keep the defaults.
func EdgeFromEnv(getenv func(string) string) (Edge, error) {
	get := func(k string) string { return strings.TrimSpace(getenv(k)) }
	var e Edge
	var err error
	if e.RateLimit.Off, err = onOff(get, "EWSI_RATE_LIMIT"); err != nil {
		return e, err
	}
	if e.NoCompression, err = onOff(get, "EWSI_COMPRESSION"); err != nil {
		return e, err
	}
	rates := []struct {
		name string
		r    *Rate
	}{{"EWSI_RATE_GRAPHQL", &e.RateLimit.GraphQL}, {"EWSI_RATE_HTTP", &e.RateLimit.HTTP},
		{"EWSI_RATE_WRITE", &e.RateLimit.Write}, {"EWSI_RATE_KEY", &e.RateLimit.Key}}
	for _, x := range rates {
		if v := get(x.name); v != "" {
			if x.r.PerSecond, err = parseRate(v); err != nil {
				return e, graph.Errorf(graph.EINVALID, x.name, "%q is not a rate such as 100/s, 30/min or 500/h", v)
			}
		}
		if v := get(x.name + "_BURST"); v != "" {
			if x.r.Burst, err = strconv.Atoi(v); err != nil || x.r.Burst < 1 {
				return e, graph.Errorf(graph.EINVALID, x.name+"_BURST", "%q is not a whole number of at least 1", v)
			}
		}
	}
	if v := get("EWSI_RATE_CLIENTS"); v != "" {
		if e.RateLimit.Clients, err = strconv.Atoi(v); err != nil || e.RateLimit.Clients < 1 {
			return e, graph.Errorf(graph.EINVALID, "EWSI_RATE_CLIENTS", "%q is not a whole number of at least 1", v)
		}
	}
	e.ClientIP.Header = http.CanonicalHeaderKey(get("EWSI_TRUSTED_PROXY_HEADER"))
	if e.ClientIP.Trusted, err = parseCIDRs(get("EWSI_TRUSTED_PROXIES")); err != nil {
		return e, graph.Errorf(graph.EINVALID, "EWSI_TRUSTED_PROXIES", "%v; give networks such as 10.0.0.0/8,192.0.2.7", err)
	}
	if e.ClientIP.Header != "" && len(e.ClientIP.Trusted) == 0 {
		return e, graph.Errorf(graph.EINVALID, "EWSI_TRUSTED_PROXIES",
			"EWSI_TRUSTED_PROXY_HEADER is set to %s but no proxy is trusted: list the proxies' networks", e.ClientIP.Header)
	}
	return e, nil
}

// onOff reads a switch that is on by default; it returns true for "off".
func onOff(get func(string) string, name string) (off bool, err error) {
	switch strings.ToLower(get(name)) {
	case "", "on", "true", "1":
		return false, nil
	case "off", "false", "0":
		return true, nil
	}
	return false, graph.Errorf(graph.EINVALID, name, "%q is neither on nor off", get(name))
}

// parseRate reads "N/s", "N/min", "N/h" or "N" (per second), N > 0.
func parseRate(s string) (float64, error) {
	num, unit, _ := strings.Cut(s, "/")
	per := 1.0
	switch strings.TrimSpace(unit) {
	case "", "s":
	case "min", "m":
		per = 60
	case "h":
		per = 3600
	default:
		return 0, strconv.ErrSyntax
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || n <= 0 || n > 1e9 {
		return 0, strconv.ErrSyntax
	}
	return n / per, nil
}
