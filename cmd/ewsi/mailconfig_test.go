package main

import (
	"strings"
	"testing"
)

func TestConfigOfMail(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		err  string // in the error; "" for none
		want func(c config) bool
	}{
		{"defaults: the outbox", nil, "", func(c config) bool {
			return c.Mail.SMTPURL == "" && c.Mail.From == "EWSI <no-reply@localhost>" && c.Mail.SiteURL == ""
		}},
		{"smtp", map[string]string{"EWSI_SMTP_URL": "smtp://u:p@mail.example.org:587", "EWSI_MAIL_FROM": "EWSI <no-reply@example.org>",
			"EWSI_SITE_URL": "https://ewsi.example.org/"}, "", func(c config) bool {
			return c.Mail.SMTPURL == "smtp://u:p@mail.example.org:587" && c.Mail.From == "EWSI <no-reply@example.org>" &&
				c.Mail.SiteURL == "https://ewsi.example.org"
		}},
		{"bad smtp scheme", map[string]string{"EWSI_SMTP_URL": "http://mail.example.org"}, `EWSI_SMTP_URL: scheme "http" is not smtp`, nil},
		{"bad smtp option", map[string]string{"EWSI_SMTP_URL": "smtp://mail.example.org?tls=yes"}, `EWSI_SMTP_URL: unknown option "tls"`, nil},
		{"bad from", map[string]string{"EWSI_MAIL_FROM": "no address"}, "EWSI_MAIL_FROM", nil},
		{"bad site", map[string]string{"EWSI_SITE_URL": "ewsi.example.org"}, "EWSI_SITE_URL", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := configFromEnv(func(k string) string { return tc.env[k] })
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one saying %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tc.want(c) {
				t.Fatalf("config %+v", c.Mail)
			}
			if a := c.app(nil, nil); a.Mail != c.Mail {
				t.Fatalf("the app is not given the mail configuration: %+v", a.Mail)
			}
		})
	}
}
