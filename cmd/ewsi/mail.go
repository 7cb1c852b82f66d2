package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"
	"time"

	"ewsi/notify"
)

// mailCmd reads the outbox: `ewsi mail ls [--dir DIR]`.
func mailCmd(_ context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("mail", flag.ContinueOnError)
	fs.SetOutput(stderr)
	def := cfg.Mail.Outbox
	if def == "" {
		def = filepath.Join(cfg.DataDir, "outbox")
	}
	dir := fs.String("dir", def, "the outbox folder")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: ewsi mail ls [--dir DIR]\n\nLists the mails of the outbox (written when EWSI_SMTP_URL is unset), newest first: date, recipient, language, subject, file. Each .eml file opens in any mail client.")
		fs.PrintDefaults()
	}
	if len(args) == 0 || args[0] != "ls" {
		fs.Usage()
		return errUsage
	}
	if err := fs.Parse(args[1:]); err != nil || fs.NArg() > 0 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	entries, err := notify.ReadOutbox(*dir)
	if err != nil {
		return err
	}
	if cfg.Mail.SMTPURL != "" {
		fmt.Fprintln(stderr, "note: EWSI_SMTP_URL is set, so the server sends through SMTP and writes no outbox")
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, e := range entries {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", e.Date.Local().Format(time.DateTime), e.To, e.Lang, e.Subject, e.Path)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%d mails in %s\n", len(entries), *dir)
	return nil
}
