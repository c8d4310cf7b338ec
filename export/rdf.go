package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/dossier-project/dossier/schema"
)

// QuadSource streams quads as the store holds them. Each quad's Label is
// the IRI of the document it came from (its provenance), or nil for quads
// in the default graph. An error returned by fn must stop the stream and be
// returned.
type QuadSource interface {
	Quads(ctx context.Context, fn func(quad.Quad) error) error
}

// The RDF writers accept IRIs, blank nodes and the literal types of the
// quad module (String, TypedString, LangString, Int, Float, Bool, Time).
// IRIs are expanded with quad.IRI.Full; an IRI without a scheme, such as an
// entity ID "org/kaspersky-lab", is resolved against schema.NSID; characters
// that IRIs may not contain (space, <>"{}|\^` and controls) are
// percent-encoded. Literals whose datatype is one of the common XSD types
// must have a valid lexical form ("2017-07-32"^^xsd:date is an error rather
// than a file that rdflib rejects).

func quadSource(g Graph, opt Options) (QuadSource, error) {
	if opt.Quads != nil {
		return opt.Quads, nil
	}
	if qs, ok := g.(QuadSource); ok {
		return qs, nil
	}
	return nil, ErrNoQuads
}

func writeNQuadsFormat(ctx context.Context, w io.Writer, g Graph, opt Options) error {
	src, err := quadSource(g, opt)
	if err != nil {
		return err
	}
	return WriteNQuads(ctx, w, src)
}

func writeJSONLDFormat(ctx context.Context, w io.Writer, g Graph, opt Options) error {
	src, err := quadSource(g, opt)
	if err != nil {
		return err
	}
	return WriteJSONLD(ctx, w, src, opt.Context)
}

// WriteNQuads writes the quads of src as N-Quads (https://www.w3.org/TR/n-quads/),
// one line each, keeping each quad's label as its graph name. It returns an
// error naming the quad for a value that RDF cannot carry (a literal as
// subject, predicate or graph name; an empty IRI; an ill-typed literal).
func WriteNQuads(ctx context.Context, out io.Writer, src QuadSource) error {
	w := newBuf(out)
	var b []byte
	n := 0
	err := src.Quads(ctx, func(q quad.Quad) error {
		n++
		if n&1023 == 1 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		var err error
		b = b[:0]
		if b, err = appendNQ(b, q.Subject, "subject", false); err != nil {
			return quadErr(n, q, err)
		}
		b = append(b, ' ')
		if b, err = appendNQ(b, q.Predicate, "predicate", false); err != nil {
			return quadErr(n, q, err)
		}
		b = append(b, ' ')
		if b, err = appendNQ(b, q.Object, "object", true); err != nil {
			return quadErr(n, q, err)
		}
		if q.Label != nil {
			b = append(b, ' ')
			if b, err = appendNQ(b, q.Label, "label", false); err != nil {
				return quadErr(n, q, err)
			}
		}
		b = append(b, " .\n"...)
		_, err = w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	return w.Flush()
}

func quadErr(n int, q quad.Quad, err error) error {
	return fmt.Errorf("quad %d (%v): %w", n, q, err)
}

// appendNQ appends one term in N-Quads syntax. Only objects may be literals;
// predicates must be IRIs.
func appendNQ(b []byte, v quad.Value, dir string, literal bool) ([]byte, error) {
	switch v := v.(type) {
	case quad.IRI:
		s, err := iriString(v)
		if err != nil {
			return b, err
		}
		b = append(b, '<')
		b = append(b, s...)
		return append(b, '>'), nil
	case quad.BNode:
		if dir == "predicate" {
			return b, fmt.Errorf("%s is a blank node", dir)
		}
		l, err := bnodeLabel(v)
		if err != nil {
			return b, err
		}
		b = append(b, "_:"...)
		return append(b, l...), nil
	case nil:
		return b, fmt.Errorf("%s is missing", dir)
	}
	if !literal {
		return b, fmt.Errorf("%s is a literal (%T)", dir, v)
	}
	lex, typ, lang, err := literalParts(v)
	if err != nil {
		return b, err
	}
	b = appendNQString(b, lex)
	switch {
	case lang != "":
		b = append(b, '@')
		b = append(b, lang...)
	case typ != "" && typ != xsdString:
		b = append(b, "^^<"...)
		b = append(b, typ...)
		b = append(b, '>')
	}
	return b, nil
}

const (
	xsdNS     = "http://www.w3.org/2001/XMLSchema#"
	xsdString = xsdNS + "string"
	rdfType   = schema.NSRDF + "type"
)

var langTag = regexp.MustCompile(`^[a-zA-Z]+(-[a-zA-Z0-9]+)*$`)

// literalParts returns a literal's lexical form, its full datatype IRI (""
// for a plain or language-tagged string) and its language tag.
func literalParts(v quad.Value) (lex, typ, lang string, err error) {
	switch v := v.(type) {
	case quad.String:
		return valid(string(v)), "", "", nil
	case quad.LangString:
		if !langTag.MatchString(v.Lang) {
			return "", "", "", fmt.Errorf("language tag %q is not valid", v.Lang)
		}
		return valid(string(v.Value)), "", v.Lang, nil
	case quad.TypedString:
		t, err := iriString(v.Type)
		if err != nil {
			return "", "", "", fmt.Errorf("datatype: %w", err)
		}
		lex := valid(string(v.Value))
		if err := checkLexical(lex, t); err != nil {
			return "", "", "", err
		}
		return lex, t, "", nil
	case quad.Int:
		return strconv.FormatInt(int64(v), 10), xsdNS + "integer", "", nil
	case quad.Float:
		f := float64(v)
		var s string
		switch {
		case math.IsNaN(f):
			s = "NaN"
		case math.IsInf(f, 1):
			s = "INF"
		case math.IsInf(f, -1):
			s = "-INF"
		default:
			s = canonicalDouble(f)
		}
		return s, xsdNS + "double", "", nil
	case quad.Bool:
		return strconv.FormatBool(bool(v)), xsdNS + "boolean", "", nil
	case quad.Time:
		return time.Time(v).Format(time.RFC3339Nano), xsdNS + "dateTime", "", nil
	}
	return "", "", "", fmt.Errorf("value of type %T is not an RDF term", v)
}

// canonicalDouble writes f in the canonical xsd:double form: a mantissa
// with one digit before the point and at least one after, then the
// exponent without '+' or leading zeros ("8.0E-1", "1.5E0").
func canonicalDouble(f float64) string {
	s := strconv.FormatFloat(f, 'E', -1, 64) // "8E-01", "1.5E+00"
	mant, exp, _ := strings.Cut(s, "E")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	neg := strings.HasPrefix(exp, "-")
	exp = strings.TrimLeft(exp, "+-0")
	if exp == "" {
		exp = "0"
	} else if neg {
		exp = "-" + exp
	}
	return mant + "E" + exp
}

var lexical = map[string]*regexp.Regexp{
	xsdNS + "integer":    regexp.MustCompile(`^[+-]?[0-9]+$`),
	xsdNS + "long":       regexp.MustCompile(`^[+-]?[0-9]+$`),
	xsdNS + "int":        regexp.MustCompile(`^[+-]?[0-9]+$`),
	xsdNS + "decimal":    regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`),
	xsdNS + "double":     regexp.MustCompile(`^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$`),
	xsdNS + "float":      regexp.MustCompile(`^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$`),
	xsdNS + "boolean":    regexp.MustCompile(`^(true|false|1|0)$`),
	xsdNS + "gYear":      regexp.MustCompile(`^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$`),
	xsdNS + "gYearMonth": regexp.MustCompile(`^-?[0-9]{4,}-(0[1-9]|1[0-2])(Z|[+-][0-9]{2}:[0-9]{2})?$`),
}

var (
	xsdDate     = regexp.MustCompile(`^([0-9]{4}-[0-9]{2}-[0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?$`)
	xsdDateTime = regexp.MustCompile(`^([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$`)
)

// checkLexical reports an ill-typed literal of a common XSD datatype.
func checkLexical(lex, typ string) error {
	bad := func() error { return fmt.Errorf("ill-typed literal %q^^<%s>", lex, typ) }
	switch typ {
	case xsdNS + "date":
		m := xsdDate.FindStringSubmatch(lex)
		if m == nil {
			return bad()
		}
		if _, err := time.Parse("2006-01-02", m[1]); err != nil {
			return bad()
		}
	case xsdNS + "dateTime":
		m := xsdDateTime.FindStringSubmatch(lex)
		if m == nil {
			return bad()
		}
		if _, err := time.Parse("2006-01-02T15:04:05", m[1]+"T"+m[2]+":"+m[3]+":"+m[4]); err != nil {
			return bad()
		}
	default:
		if re := lexical[typ]; re != nil && !re.MatchString(lex) {
			return bad()
		}
	}
	return nil
}

// appendNQString appends s as an N-Quads STRING_LITERAL_QUOTE.
func appendNQString(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, '"')
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != 0x7F {
			continue
		}
		b = append(b, s[last:i]...)
		switch c {
		case '"':
			b = append(b, `\"`...)
		case '\\':
			b = append(b, `\\`...)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
		}
		last = i + 1
	}
	b = append(b, s[last:]...)
	return append(b, '"')
}

var errEmptyIRI = errors.New("empty IRI")

// iriString returns the full, absolute, syntactically valid form of an IRI.
func iriString(v quad.IRI) (string, error) {
	s := string(v)
	if !strings.Contains(s, "://") {
		s = string(v.Full()) // expand a registered prefix such as "xsd:"
	}
	s = valid(s)
	if s == "" {
		return "", errEmptyIRI
	}
	if !hasScheme(s) {
		s = schema.NSID + strings.TrimLeft(s, "/")
	}
	for i := 0; i < len(s); i++ {
		if iriBad(s[i]) {
			return percentEncode(s), nil
		}
	}
	return s, nil
}

func iriBad(c byte) bool { return iriBadByte[c] }

// iriBadByte marks the bytes an IRI may not contain as they are.
var iriBadByte = func() (t [256]bool) {
	for c := 0; c <= 0x20; c++ {
		t[c] = true
	}
	t[0x7F] = true
	for _, c := range []byte("<>\"{}|^`\\") {
		t[c] = true
	}
	return t
}()

func percentEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if iriBad(c) {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&0xF])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// hasScheme reports whether s starts with an RFC 3986 scheme and ':'.
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// bnodeLabel maps a blank node to a valid N-Quads/JSON-LD label,
// injectively: ASCII letters and digits stay, every other byte becomes '_'
// and two hex digits.
func bnodeLabel(v quad.BNode) (string, error) {
	s := string(v)
	if s == "" {
		return "", errors.New("empty blank node label")
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('_')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0xF])
	}
	return b.String(), nil
}

// DefaultContext is the JSON-LD @context that WriteJSONLD starts from:
// prefixes for dossier's vocabulary (see schema/vocab.go) and the standard
// ones, with the entity namespace as @base so that entity IRIs read as
// their IDs ("org/kaspersky-lab").
func DefaultContext() map[string]string {
	return map[string]string{
		"schema":  schema.NSSchema,
		"dossier": schema.NSDossier,
		"rdf":     schema.NSRDF,
		"rdfs":    "http://www.w3.org/2000/01/rdf-schema#",
		"xsd":     xsdNS,
		"@base":   schema.NSID,
	}
}

type prefix struct{ name, iri string }

// jsonldWriter streams quads as JSON-LD: a top-level @graph in which each
// run of quads with the same label becomes a named graph object
// {"@id": label, "@graph": [...]} and each run with the same subject a
// node object. A label or subject that comes back later opens a new object
// with the same @id, which JSON-LD processors merge, so nothing is held
// but the current run. Every property value is an array.
type jsonldWriter struct {
	w        errWriter
	prefixes []prefix // longest IRI first
	base     string
	b        []byte

	inGraph   bool   // inside a named graph object
	graphKey  string // N-Quads form of the current label, "" for the default graph
	anyTop    bool   // a top-level element was written
	anyInner  bool   // an element was written in the current named graph
	subject   string // N-Quads form of the current subject, "" when none is open
	predicate string // member name of the current predicate, "" when none is open
	used      map[string]bool
	keys      map[predKey]string // predicateKey cache

	skey, pkey, gkey, okey, obj []byte // reused buffers
}

// WriteJSONLD writes the quads of src as one JSON-LD document with an inline
// @context (never a remote one) made of DefaultContext plus ctxPrefixes
// (term -> absolute IRI; "@vocab" and "@base" are honoured too, and an
// empty "@base" turns the base off). It is lossless:
// every quad's label becomes a named graph, literals keep their datatype or
// language, and jsonld.js in safe mode reads it back to the same quads.
func WriteJSONLD(ctx context.Context, out io.Writer, src QuadSource, ctxPrefixes map[string]string) error {
	c := DefaultContext()
	for k, v := range ctxPrefixes {
		switch {
		case k == "@base" || k == "@vocab":
			if v != "" && !hasScheme(v) {
				return fmt.Errorf("json-ld context: %s %q is not an absolute IRI", k, v)
			}
		case k == "" || strings.HasPrefix(k, "@") || strings.ContainsAny(k, ":/#?") || !hasScheme(v):
			return fmt.Errorf("json-ld context: prefix %q -> %q: want a plain term and an absolute IRI", k, v)
		}
		c[k] = v
	}
	if c["@base"] == "" {
		delete(c, "@base")
	}
	j := &jsonldWriter{w: newBuf(out), used: map[string]bool{}, keys: map[predKey]string{}}
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b := []byte("{\n  \"@context\": {")
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    "...)
		b = appendJSON(b, k)
		b = append(b, ": "...)
		v := c[k]
		switch {
		case k == "@base":
			j.base = v
			b = appendJSON(b, v)
		case k == "@vocab":
			b = appendJSON(b, v)
		case v != "" && strings.ContainsRune("/#:?[]@", rune(v[len(v)-1])):
			j.prefixes = append(j.prefixes, prefix{k, v})
			b = appendJSON(b, v)
		default:
			j.prefixes = append(j.prefixes, prefix{k, v})
			b = append(b, `{"@id": `...)
			b = appendJSON(b, v)
			b = append(b, `, "@prefix": true}`...)
		}
	}
	sort.SliceStable(j.prefixes, func(a, b int) bool { return len(j.prefixes[a].iri) > len(j.prefixes[b].iri) })
	b = append(b, "\n  },\n  \"@graph\": ["...)
	j.w.Write(b)
	n := 0
	err := src.Quads(ctx, func(q quad.Quad) error {
		n++
		if n&1023 == 1 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := j.quad(q); err != nil {
			return quadErr(n, q, err)
		}
		return j.w.err()
	})
	if err != nil {
		return err
	}
	j.closeSubject()
	if j.inGraph {
		j.w.WriteString("\n    ]}")
	}
	j.w.WriteString("\n  ]\n}\n")
	return j.w.Flush()
}

func (j *jsonldWriter) quad(q quad.Quad) error {
	// Validate and encode every term before writing anything.
	var err error
	if j.skey, err = appendNQ(j.skey[:0], q.Subject, "subject", false); err != nil {
		return err
	}
	if j.pkey, err = appendNQ(j.pkey[:0], q.Predicate, "predicate", false); err != nil {
		return err
	}
	j.gkey = j.gkey[:0]
	if q.Label != nil {
		if j.gkey, err = appendNQ(j.gkey, q.Label, "label", false); err != nil {
			return err
		}
	}
	if j.obj, err = j.object(j.obj[:0], q.Predicate, q.Object); err != nil {
		return err
	}
	key := j.predicateKey(q.Predicate.(quad.IRI), q.Object)

	if string(j.gkey) != j.graphKey || (q.Label == nil) == j.inGraph {
		j.closeSubject()
		if j.inGraph {
			j.w.WriteString("\n    ]}")
			j.inGraph = false
		}
		j.graphKey = string(j.gkey)
		if q.Label != nil {
			j.sep(true)
			j.w.WriteString("\n    {\"@id\": ")
			j.b = appendJSON(j.b[:0], j.id(q.Label, true))
			j.w.Write(j.b)
			j.w.WriteString(", \"@graph\": [")
			j.inGraph = true
			j.anyInner = false
		}
	}
	if string(j.skey) != j.subject || j.used[key] && key != j.predicate {
		j.closeSubject()
		j.sep(!j.inGraph)
		if j.inGraph {
			j.w.WriteString("\n      {\"@id\": ")
		} else {
			j.w.WriteString("\n    {\"@id\": ")
		}
		j.b = appendJSON(j.b[:0], j.id(q.Subject, true))
		j.w.Write(j.b)
		j.subject = string(j.skey)
	}
	if key != j.predicate {
		if j.predicate != "" {
			j.w.WriteString("]")
		}
		j.w.WriteString(", ")
		j.b = appendJSON(j.b[:0], key)
		j.w.Write(j.b)
		j.w.WriteString(": [")
		j.predicate = key
		j.used[key] = true
	} else {
		j.w.WriteString(", ")
	}
	j.w.Write(j.obj)
	return nil
}

// sep writes the comma before a new element at the top level or inside the
// current named graph.
func (j *jsonldWriter) sep(top bool) {
	if top {
		if j.anyTop {
			j.w.WriteString(",")
		}
		j.anyTop = true
		return
	}
	if j.anyInner {
		j.w.WriteString(",")
	}
	j.anyInner = true
}

func (j *jsonldWriter) closeSubject() {
	if j.subject == "" {
		return
	}
	if j.predicate != "" {
		j.w.WriteString("]")
	}
	j.w.WriteString("}")
	j.subject, j.predicate = "", ""
	clear(j.used)
}

// predicateKey is the member name for a predicate: "@type" for rdf:type
// with an IRI object, else the compacted IRI. Keys are cached: a dataset
// has few predicates.
func (j *jsonldWriter) predicateKey(p quad.IRI, o quad.Value) string {
	_, isIRI := o.(quad.IRI)
	ck := predKey{p, isIRI}
	if k, ok := j.keys[ck]; ok {
		return k
	}
	s, _ := iriString(p)
	k := j.compact(s)
	if s == rdfType && isIRI {
		k = "@type"
	}
	if len(j.keys) < 4096 {
		j.keys[ck] = k
	}
	return k
}

type predKey struct {
	p     quad.IRI
	isIRI bool
}

// object appends the JSON form of an object value to b.
func (j *jsonldWriter) object(b []byte, p, o quad.Value) ([]byte, error) {
	switch o := o.(type) {
	case quad.IRI, quad.BNode:
		var err error
		if j.okey, err = appendNQ(j.okey[:0], o, "object", false); err != nil {
			return b, err
		}
		if iri, ok := o.(quad.IRI); ok && j.predicateKey(p.(quad.IRI), o) == "@type" {
			return appendJSON(b, j.id(iri, false)), nil
		}
		b = append(b, `{"@id": `...)
		b = appendJSON(b, j.id(o, true))
		return append(b, '}'), nil
	case nil:
		return b, errors.New("object is missing")
	}
	lex, typ, lang, err := literalParts(o)
	if err != nil {
		return b, err
	}
	switch {
	case lang != "":
		b = append(b, `{"@value": `...)
		b = appendJSON(b, lex)
		b = append(b, `, "@language": `...)
		b = appendJSON(b, lang)
		return append(b, '}'), nil
	case typ != "" && typ != xsdString:
		b = append(b, `{"@value": `...)
		b = appendJSON(b, lex)
		b = append(b, `, "@type": `...)
		b = appendJSON(b, j.compact(typ))
		return append(b, '}'), nil
	}
	return appendJSON(b, lex), nil
}

// id returns the @id form of an IRI or blank node, relative to @base when
// base is allowed and the rest is a plain path.
func (j *jsonldWriter) id(v quad.Value, base bool) string {
	switch v := v.(type) {
	case quad.BNode:
		l, _ := bnodeLabel(v)
		return "_:" + l
	case quad.IRI:
		s, _ := iriString(v)
		if base && j.base != "" && strings.HasPrefix(s, j.base) && plainPath(s[len(j.base):]) {
			return s[len(j.base):]
		}
		return j.compact(s)
	}
	return ""
}

// plainPath reports whether a relative reference resolves against a base
// ending in '/' to exactly base+s: no scheme-like colon, no dot segments,
// no query or fragment.
func plainPath(s string) bool {
	if s == "" || s[0] == '/' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '/' || c == '~') {
			return false
		}
	}
	return true
}

// compact returns prefix:rest for the longest prefix that s starts with,
// else s itself.
func (j *jsonldWriter) compact(s string) string {
	for _, p := range j.prefixes {
		if strings.HasPrefix(s, p.iri) {
			rest := s[len(p.iri):]
			if rest != "" && !strings.HasPrefix(rest, "//") && utf8.ValidString(rest) {
				return p.name + ":" + rest
			}
		}
	}
	return s
}
