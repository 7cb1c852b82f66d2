package ingest

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"ewsi/graph"
)

// Limits of the input, documented in README.md ("The ingest format"). A record
// over a limit is rejected with the field and the limit.
const (
	// MaxRecordBytes bounds one record: a JSON Lines line or a CSV row.
	MaxRecordBytes = 1 << 20
	// MaxListItems bounds the values of one list field.
	MaxListItems = 1000
	// maxTextDefault bounds a text field with no limit of its own (urls, contact, area...).
	maxTextDefault = 2000
	// maxListItem bounds one value of a list field.
	maxListItem = 500
)

// textLimits are the limits of text fields, in characters (Unicode code points).
var textLimits = map[string]int{
	"name": 300, "title": 500,
	"summary": 5000, "summaryEn": 5000,
	"description": 50000, "challenge": 50000, "howItWorks": 50000, "results": 50000,
	"evaluation": 50000, "resources": 50000, "text": 50000,
}

// TextLimit returns the limit in characters of a text field.
func TextLimit(field string) int {
	if n, ok := textLimits[field]; ok {
		return n
	}
	return maxTextDefault
}

// checkText checks a field's raw JSON value: valid UTF-8 (JSON decoding would
// turn invalid bytes into U+FFFD without a word) and within its limits. It
// returns nil for values that are not strings or lists of strings: decoding
// reports those.
func checkText(field string, raw json.RawMessage) *graph.Error {
	if !utf8.Valid(raw) {
		return graph.Errorf(graph.EINVALID, field, "is not valid UTF-8 (byte %d); save the file as UTF-8", badByte(raw))
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return nil
		}
		if !utf8.ValidString(s) { // an escaped lone surrogate decodes to U+FFFD, which is valid
			return graph.Errorf(graph.EINVALID, field, "is not valid UTF-8")
		}
		if n, limit := utf8.RuneCountInString(s), TextLimit(field); n > limit {
			return graph.Errorf(graph.EINVALID, field, "is %s characters long, over the limit of %s", thousands(n), thousands(limit))
		}
	case '[':
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) != nil {
			return nil
		}
		if len(list) > MaxListItems {
			return graph.Errorf(graph.EINVALID, field, "has %s values, over the limit of %s", thousands(len(list)), thousands(MaxListItems))
		}
		for _, item := range list {
			var s string
			if json.Unmarshal(item, &s) != nil {
				continue
			}
			if n := utf8.RuneCountInString(s); n > maxListItem {
				return graph.Errorf(graph.EINVALID, field, "a value is %s characters long, over the limit of %d", thousands(n), maxListItem)
			}
		}
	}
	return nil
}

// badByte is the offset of the first byte of b that is not valid UTF-8.
func badByte(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// thousands writes n with commas between groups of three digits: 50,000.
func thousands(n int) string {
	s := []byte{}
	d := []byte(strconv.Itoa(n))
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			s = append(s, ',')
		}
		s = append(s, c)
	}
	return string(s)
}

// article is "an" before a word starting with a vowel, "a" otherwise.
func article(word string) string {
	if word != "" && bytes.ContainsAny([]byte{word[0] | 0x20}, "aeiou") {
		return "an " + word
	}
	return "a " + word
}
