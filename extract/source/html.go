package source

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/dossier-project/dossier/schema"
)

// Elements whose content is never main text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Noscript: true, atom.Template: true,
	atom.Form: true, atom.Figcaption: true, atom.Button: true, atom.Select: true,
	atom.Svg: true, atom.Iframe: true, atom.Object: true,
}

// Elements that end a paragraph, for pages whose text is not in <p>.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Br: true, atom.Hr: true, atom.Dd: true, atom.Dt: true, atom.Dl: true,
}

// Meta tags that give the publication date, most trusted first.
var dateMeta = []string{
	"article:published_time", "og:published_time", "datepublished", "date",
	"pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
	"dcterms.date", "dcterms.created", "dcterms.issued", "sailthru.date",
	"parsely-pub-date", "article.published", "og:updated_time", "article:modified_time",
}

// reCharset finds the charset a page declares in its first bytes.
var reCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)`)

// parseHTML reads an HTML page: its main text and metadata.
func (o Options) parseHTML(name string, data []byte) (*schema.Document, error) {
	data = bytes.TrimPrefix(data, bom)
	var warn string
	var err error
	enc := o.Encoding
	if enc.enc == nil && !o.streamed {
		// The charset the page declares, unless the page is valid UTF-8
		// beyond ASCII: then the declaration is wrong (a page re-encoded
		// without changing its head), and honouring it would garble the
		// text.
		if m := reCharset.FindSubmatch(data[:min(len(data), 2048)]); m != nil {
			declared, derr := LookupEncoding(string(m[1]))
			switch {
			case derr != nil:
				warn = fmt.Sprintf("declares an unknown charset %q", m[1])
			case declared.name == "utf-8" || declared.utf16() != nil:
			case utf8.Valid(data) && hasMultibyte(data):
				warn = fmt.Sprintf("declares charset %s but is valid UTF-8: read as UTF-8", declared)
			default:
				enc = declared
			}
		}
	}
	data, w, err := decodeText(data, enc)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	p := &page{meta: map[string]string{}}
	p.scan(root)

	container := best(p.articles)
	if container == nil {
		container = best(p.mains)
	}
	if container == nil {
		container = p.body
	}
	if container == nil {
		container = root
	}
	paras := collect(container, true)
	if len(paras) == 0 {
		paras = collect(container, false)
	}
	text := strings.Join(paras, "\n\n")
	if text == "" {
		return nil, fmt.Errorf("%w: no paragraphs of text in the page", ErrEmpty)
	}
	doc := newDocument(text, name)
	doc.Warnings = o.warnings(warn, w)
	doc.Title = first(p.meta["og:title"], p.meta["twitter:title"], p.title, p.h1)
	doc.Source = first(p.meta["og:site_name"], p.meta["application-name"])
	doc.URL = first(p.meta["og:url"], p.canonical)
	for _, k := range dateMeta {
		if v := p.meta[k]; v != "" {
			if doc.Date = parseDate(v); doc.Date != "" {
				break
			}
		}
	}
	for _, t := range p.times {
		if doc.Date != "" {
			break
		}
		doc.Date = parseDate(t)
	}
	doc.Tags = p.tags
	return doc, nil
}

// page is what scan gathers from a parsed page.
type page struct {
	meta            map[string]string // first content of each meta name/property/itemprop, lower-cased
	tags            []string          // article:tag
	title, h1       string
	canonical       string
	times           []string // <time datetime> values, in order
	articles, mains []*html.Node
	body            *html.Node
}

// scan walks the tree and gathers metadata and candidate containers.
func (p *page) scan(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Meta:
			key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
			val := strings.TrimSpace(first(attr(n, "content"), attr(n, "datetime")))
			if key == "article:tag" && val != "" {
				p.tags = append(p.tags, val)
			} else if key != "" && val != "" && p.meta[key] == "" {
				p.meta[key] = val
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && p.canonical == "" {
				p.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Title:
			if p.title == "" {
				p.title = collapse(textOf(n))
			}
		case atom.H1:
			if p.h1 == "" {
				p.h1 = collapse(textOf(n))
			}
		case atom.Time:
			if d := strings.TrimSpace(attr(n, "datetime")); d != "" {
				p.times = append(p.times, d)
			}
		case atom.Article:
			p.articles = append(p.articles, n)
		case atom.Main:
			p.mains = append(p.mains, n)
		case atom.Body:
			p.body = n
		}
		if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.scan(c)
	}
}

// best returns the node of ns with the most paragraph text, or nil.
func best(ns []*html.Node) *html.Node {
	var b *html.Node
	most := -1
	for _, n := range ns {
		size := 0
		for _, s := range collect(n, true) {
			size += len(s)
		}
		if size > most {
			b, most = n, size
		}
	}
	return b
}

// collect returns the paragraphs of text under n, leaving out the
// elements that never hold main text. With onlyP it takes <p> elements
// only; otherwise every block element ends a paragraph.
func collect(n *html.Node, onlyP bool) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if s := collapse(cur.String()); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	var walk func(n *html.Node, inP bool)
	walk = func(n *html.Node, inP bool) {
		switch n.Type {
		case html.TextNode:
			if inP || !onlyP {
				cur.WriteString(n.Data)
			}
			return
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.P {
				flush()
				inP = true
			} else if !onlyP && blocks[n.DataAtom] {
				flush()
			} else if inP && n.DataAtom == atom.Br {
				cur.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inP)
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.P || (!onlyP && blocks[n.DataAtom])) {
			flush()
		}
	}
	walk(n, false)
	flush()
	return out
}

// textOf returns all the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapse folds runs of HTML white space into one space and trims the
// result (non-breaking spaces are kept inside, trimmed at the ends).
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimFunc(b.String(), isSpace)
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}
