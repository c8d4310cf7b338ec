package export

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// writeXML writes s escaped for XML text and attribute values (quoted with
// "). Tabs and line breaks become character references so that attribute
// normalisation keeps them; characters XML 1.0 forbids (most C0 controls,
// U+FFFE, U+FFFF) and invalid UTF-8 become U+FFFD.
func writeXML(w errWriter, s string) {
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '"':
			esc = "&quot;"
		case r == '\'':
			esc = "&apos;"
		case r == '\t':
			esc = "&#x9;"
		case r == '\n':
			esc = "&#xA;"
		case r == '\r':
			esc = "&#xD;"
		case r == utf8.RuneError && size == 1, r < 0x20, r == 0xFFFE, r == 0xFFFF:
			esc = "\uFFFD"
		default:
			i += size
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		i += size
		last = i
	}
	w.WriteString(s[last:])
}

// appendJSON appends s as a JSON string. Invalid UTF-8 becomes U+FFFD;
// U+2028 and U+2029 are escaped so that the output is also valid
// JavaScript; <, > and & are left as they are.
func appendJSON(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[last:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[last:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[last:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		last = i
	}
	b = append(b, s[last:]...)
	return append(b, '"')
}

// appendJSONList appends a JSON array of strings.
func appendJSONList(b []byte, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSON(b, s)
	}
	return append(b, ']')
}

// appendFloat appends f in the shortest form that reads back the same,
// always with a decimal point or exponent, never a comma.
func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, '0')
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

// nmtoken maps an ID to an XML NMTOKEN, as GraphML requires of node and edge
// IDs, injectively and readably: ASCII letters, digits, '-' and ':' stay,
// '/' becomes '.', and every other byte (including '.' and '_') becomes
// '_' followed by two hex digits. "org/kaspersky-lab" is "org.kaspersky-lab".
func nmtoken(id string) string {
	var b strings.Builder
	b.Grow(len(id) + 8)
	appendNMToken(&b, id)
	return b.String()
}

// writeNMToken writes nmtoken(id) without building the string.
func writeNMToken(w errWriter, id string) { appendNMToken(w, id) }

func appendNMToken(w interface {
	WriteString(string) (int, error)
	WriteByte(byte) error
}, id string) {
	const hex = "0123456789ABCDEF"
	last := 0
	for i := 0; i < len(id); i++ {
		c := id[i]
		if tokenByte(c) {
			continue
		}
		w.WriteString(id[last:i])
		if c == '/' {
			w.WriteByte('.')
		} else {
			w.WriteByte('_')
			w.WriteByte(hex[c>>4])
			w.WriteByte(hex[c&0xF])
		}
		last = i + 1
	}
	w.WriteString(id[last:])
}

func tokenByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == ':'
}

// identifier turns s into a Neo4j label or relationship type that needs no
// backticks: ASCII letters, digits and '_', not starting with a digit.
// Words are joined in UpperCamelCase (upper=false: "Person",
// "GovernmentAgency") or UPPER_SNAKE_CASE (upper=true: "CHIEF_EXECUTIVE_OF").
// It returns "" when s has no ASCII letter or digit.
func identifier(s string, upper bool) string {
	var b strings.Builder
	word := false // inside a word
	start := true // at the start of a new word
	for i := 0; i < len(s); i++ {
		c := s[i]
		isAlnum := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if !isAlnum {
			if word {
				start = true
			}
			word = false
			continue
		}
		if b.Len() == 0 && '0' <= c && c <= '9' {
			b.WriteByte('_')
		}
		switch {
		case upper:
			if start && b.Len() > 0 && word == false && !strings.HasSuffix(b.String(), "_") {
				b.WriteByte('_')
			}
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
		case start:
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
		}
		b.WriteByte(c)
		word, start = true, false
	}
	return b.String()
}
