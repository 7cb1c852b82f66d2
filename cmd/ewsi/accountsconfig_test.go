package main

import (
	"strings"
	"testing"
	"time"
)

func TestInsecureCookieConfig(t *testing.T) {
	cases := []struct {
		value    string
		insecure bool
		err      string
	}{
		{"", false, ""},
		{"true", true, ""},
		{"false", false, ""},
		{"maybe", false, "EWSI_INSECURE_COOKIE"},
	}
	for _, c := range cases {
		t.Run(c.value, func(t *testing.T) {
			cfg, err := configFromEnv(func(k string) string {
				if k == "EWSI_INSECURE_COOKIE" {
					return c.value
				}
				return ""
			})
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("got %v, want an error naming %s", err, c.err)
				}
				return
			}
			if err != nil || cfg.InsecureCookie != c.insecure || cfg.app(nil, nil).Accounts.InsecureCookie != c.insecure {
				t.Errorf("got %v, %v; want %v", cfg.InsecureCookie, err, c.insecure)
			}
		})
	}
}

func TestSessionCacheConfig(t *testing.T) {
	for _, c := range []struct {
		value string
		want  time.Duration
		err   string
	}{
		{"", 2 * time.Second, ""},
		{"500ms", 500 * time.Millisecond, ""},
		{"0s", -1, ""},
		{"2m", 0, "EWSI_SESSION_CACHE"},
		{"-1s", 0, "EWSI_SESSION_CACHE"},
		{"soon", 0, "EWSI_SESSION_CACHE"},
	} {
		t.Run(c.value, func(t *testing.T) {
			cfg, err := configFromEnv(func(k string) string {
				if k == "EWSI_SESSION_CACHE" {
					return c.value
				}
				return ""
			})
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("got %v, want an error naming %s", err, c.err)
				}
				return
			}
			if err != nil || cfg.app(nil, nil).Accounts.SessionCache != c.want {
				t.Errorf("got %v, %v; want %v", cfg.app(nil, nil).Accounts.SessionCache, err, c.want)
			}
		})
	}
}
