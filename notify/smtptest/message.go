package smtptest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
)

// Message is a received mail, decoded.
type Message struct {
	EnvelopeFrom string      // MAIL FROM
	EnvelopeTo   []string    // RCPT TO
	AuthUser     string      // who authenticated ("" without AUTH)
	TLS          bool        // whether the message came over TLS
	Raw          []byte      // as received
	Header       mail.Header // the top-level header
	From         string      // the From address
	To           []string    // the To addresses
	Subject      string      // decoded from encoded words
	MessageID    string      // Message-ID, without angle brackets
	Text         string      // the text/plain part, decoded, \n line ends
	HTML         string      // the text/html part, decoded, \n line ends
}

// Parse decodes a raw message (as sent, or an .eml file of the outbox) with
// net/mail and mime/multipart: headers, the subject's encoded words, and the
// text/plain and text/html parts of a multipart/alternative body (or a
// single-part body), quoted-printable or base64.
func Parse(raw []byte) (Message, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return Message{}, fmt.Errorf("message: %w", err)
	}
	m := Message{Raw: raw, Header: msg.Header}
	dec := new(mime.WordDecoder)
	if m.Subject, err = dec.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		return m, fmt.Errorf("subject: %w", err)
	}
	if from, err := mail.ParseAddress(msg.Header.Get("From")); err == nil {
		m.From = from.Address
	} else {
		return m, fmt.Errorf("from: %w", err)
	}
	if to, err := msg.Header.AddressList("To"); err == nil {
		for _, a := range to {
			m.To = append(m.To, a.Address)
		}
	} else {
		return m, fmt.Errorf("to: %w", err)
	}
	m.MessageID = strings.Trim(msg.Header.Get("Message-ID"), "<>")
	err = m.body(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body)
	return m, err
}

// body reads a part of the given type into Text or HTML, walking multiparts.
func (m *Message) body(ctype, cte string, r io.Reader) error {
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		return fmt.Errorf("content-type %q: %w", ctype, err)
	}
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(r, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return fmt.Errorf("multipart: %w", err)
			}
			// multipart.Reader decodes quoted-printable itself and drops the header
			if err := m.body(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p); err != nil {
				return err
			}
		}
	}
	switch strings.ToLower(cte) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("%s: %w", mt, err)
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "us-ascii" {
		return fmt.Errorf("%s: charset %q, not utf-8", mt, cs)
	}
	switch mt {
	case "text/plain":
		m.Text = trimCRLF(b)
	case "text/html":
		m.HTML = trimCRLF(b)
	}
	return nil
}
