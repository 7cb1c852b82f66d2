package server

import (
	"strings"
	"testing"
)

func TestEdgeFromEnv(t *testing.T) {
	t.Run("defaults", func(t *testing.T) {
		e, err := EdgeFromEnv(func(string) string { return "" })
		if err != nil {
			t.Fatal(err)
		}
		if e.RateLimit.Off || e.NoCompression || e.ClientIP.Header != "" {
			t.Errorf("defaults: %+v", e)
		}
	})
	t.Run("values", func(t *testing.T) {
		env := map[string]string{"EWSI_RATE_WRITE": "30/min", "EWSI_RATE_WRITE_BURST": "5", "EWSI_RATE_GRAPHQL": "100",
			"EWSI_TRUSTED_PROXY_HEADER": "x-forwarded-for", "EWSI_TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.7",
			"EWSI_COMPRESSION": "off", "EWSI_RATE_CLIENTS": "10"}
		e, err := EdgeFromEnv(func(k string) string { return env[k] })
		if err != nil {
			t.Fatal(err)
		}
		if e.RateLimit.Write.PerSecond != 0.5 || e.RateLimit.Write.Burst != 5 || e.RateLimit.GraphQL.PerSecond != 100 {
			t.Errorf("rates: %+v", e.RateLimit)
		}
		if e.ClientIP.Header != "X-Forwarded-For" || len(e.ClientIP.Trusted) != 2 || e.ClientIP.Trusted[1].String() != "192.0.2.7/32" {
			t.Errorf("client ip: %+v", e.ClientIP)
		}
		if !e.NoCompression || e.RateLimit.Clients != 10 {
			t.Errorf("%+v", e)
		}
	})
	bad := []struct{ env, value, names string }{
		{"EWSI_RATE_LIMIT", "maybe", "EWSI_RATE_LIMIT"},
		{"EWSI_RATE_GRAPHQL", "fast", "EWSI_RATE_GRAPHQL"},
		{"EWSI_RATE_KEY", "10/fortnight", "EWSI_RATE_KEY"},
		{"EWSI_RATE_HTTP", "-1", "EWSI_RATE_HTTP"},
		{"EWSI_RATE_HTTP_BURST", "0", "EWSI_RATE_HTTP_BURST"},
		{"EWSI_RATE_CLIENTS", "many", "EWSI_RATE_CLIENTS"},
		{"EWSI_TRUSTED_PROXIES", "10.0.0.0/99", "EWSI_TRUSTED_PROXIES"},
		{"EWSI_TRUSTED_PROXY_HEADER", "X-Forwarded-For", "EWSI_TRUSTED_PROXIES"}, // a header with no proxy
	}
	for _, c := range bad {
		t.Run(c.env+"="+c.value, func(t *testing.T) {
			_, err := EdgeFromEnv(func(k string) string {
				if k == c.env {
					return c.value
				}
				return ""
			})
			if err == nil || !strings.Contains(err.Error(), c.names) {
				t.Errorf("error %v does not name %s", err, c.names)
			}
		})
	}
}
