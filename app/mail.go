package app

import (
	"log/slog"
	"net"
	"path/filepath"
	"strconv"

	"ewsi/graph"
	"ewsi/notify"
)

// MailConfig says where the site's mails go and how they are signed.
type MailConfig struct {
	// SMTPURL is EWSI_SMTP_URL (smtp://user:password@host:587 with STARTTLS,
	// smtps://user:password@host:465); empty writes .eml files to Outbox.
	SMTPURL string
	// Outbox is the folder of .eml files without SMTP; default <data dir>/outbox.
	Outbox string
	From   string // EWSI_MAIL_FROM, "EWSI <no-reply@example.org>"
	// SiteURL is EWSI_SITE_URL, the public address that links in mails
	// start with; default http://<the listen address>.
	SiteURL string
}

// newMailer builds the mailer the server's resolvers notify and Run's worker drains.
func newMailer(c MailConfig, dataDir string, st graph.MailStore, addr net.Addr, log *slog.Logger) (*notify.Mailer, error) {
	var tr notify.Transport
	if c.SMTPURL != "" {
		s, err := notify.ParseSMTPURL(c.SMTPURL)
		if err != nil {
			return nil, err
		}
		tr = s
	} else {
		dir := c.Outbox
		if dir == "" {
			dir = filepath.Join(dataDir, "outbox")
		}
		tr = notify.Outbox{Dir: dir}
	}
	site := c.SiteURL
	if site == "" {
		site = "http://" + siteHost(addr)
		log.Info("mail links point at the listen address; set EWSI_SITE_URL to the public one", "site", site)
	}
	return notify.New(notify.Config{Store: st, Transport: tr, From: c.From, SiteURL: site, Log: log})
}

// siteHost is the listen address as a host to link to: a wildcard address
// becomes the loopback one.
func siteHost(addr net.Addr) string {
	if a, ok := addr.(*net.TCPAddr); ok && a.IP.IsUnspecified() {
		return net.JoinHostPort("127.0.0.1", strconv.Itoa(a.Port))
	}
	return addr.String()
}
