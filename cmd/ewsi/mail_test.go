package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMailLs lists the outbox under EWSI_DATA_DIR with decoded subjects, newest first.
func TestMailLs(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("EWSI_DATA_DIR", dir)
	outbox := filepath.Join(dir, "outbox")
	if err := os.MkdirAll(outbox, 0o700); err != nil {
		t.Fatal(err)
	}
	mails := map[string]string{
		"a.eml": "Date: Mon, 02 Mar 2026 09:00:00 +0000\r\nFrom: EWSI <no-reply@ewsi.test>\r\nTo: <lea@example.org>\r\nContent-Language: fr\r\n" +
			"Subject: =?UTF-8?q?Confirmez_votre_adresse_=C3=A9lectronique?=\r\n\r\nBonjour\r\n",
		"b.eml": "Date: Tue, 03 Mar 2026 09:00:00 +0000\r\nFrom: EWSI <no-reply@ewsi.test>\r\nTo: <jonas@example.org>\r\nContent-Language: de\r\n" +
			"Subject: =?UTF-8?q?W=C3=A4hlen_Sie_ein_neues_Passwort?=\r\n\r\nHallo\r\n",
		".tmp-1.eml": "half a mail",
	}
	for name, body := range mails {
		if err := os.WriteFile(filepath.Join(outbox, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"mail", "ls"}, &out, &errOut); err != nil {
		t.Fatalf("%v: %s", err, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "Wählen Sie ein neues Passwort") || !strings.Contains(lines[0], "jonas@example.org") ||
		!strings.Contains(lines[1], "Confirmez votre adresse électronique") || !strings.Contains(lines[1], "a.eml") {
		t.Errorf("listing:\n%s", out.String())
	}
	if !strings.Contains(errOut.String(), "2 mails in "+outbox) {
		t.Errorf("summary: %s", errOut.String())
	}
	if err := run(context.Background(), []string{"mail", "rm"}, &out, &errOut); !errors.Is(err, errUsage) {
		t.Errorf("an unknown subcommand: %v, want the usage", err)
	}
}
