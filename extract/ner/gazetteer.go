package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

// Gazetteer categories. A gazetteer entry belongs to one category; the same
// name may appear in several categories ("Barcelona": city and sports club).
const (
	CatCountry   = "country"   // country names and aliases; value: canonical name
	CatCity      = "city"      // cities; value: country
	CatDemonym   = "demonym"   // nationality adjectives and plurals; value: country
	CatFirstName = "first"     // given names
	CatNamePart  = "namepart"  // given names and surnames of many cultures
	CatCompany   = "company"   // companies (legal suffixes stripped)
	CatMedia     = "media"     // news outlets, agencies, broadcasters
	CatAgency    = "agency"    // government departments and agencies
	CatSecurity  = "security"  // intelligence, security and cyber-security agencies
	CatParty     = "party"     // political parties
	CatIntl      = "intl"      // international organisations
	CatSports    = "sports"    // football clubs
	CatOrgWord   = "orgword"   // organisation name heads ("Lab", "Ministry"); value: kind
	CatHonorific = "honorific" // titles that precede a person's name
	CatLegal     = "legal"     // company legal-form abbreviations ("GmbH", "PLC")
	CatGovt      = "govt"      // seats of government used as metonyms ("Kremlin")
)

// categories lists the categories in bit order; the order is part of the
// model file format, so append only.
var categories = []string{
	CatCountry, CatCity, CatDemonym, CatFirstName, CatNamePart, CatCompany,
	CatMedia, CatAgency, CatSecurity, CatParty, CatIntl, CatSports, CatOrgWord,
	CatHonorific, CatLegal, CatGovt,
}

var catIndex = func() map[string]int {
	m := map[string]int{}
	for i, c := range categories {
		m[c] = i
	}
	return m
}()

const (
	prefixBit   = 1 << 31
	maxGazWords = 10
)

// Gazetteer is a set of names in categories, matched case-insensitively
// token by token. Build one with [NewGazetteer] and [Gazetteer.Add] or read
// one with [LoadGazetteer]; it is safe for concurrent reads once built.
type Gazetteer struct {
	entries map[uint64]uint32 // hash of lower-cased token sequence -> category bits | prefixBit
	values  map[string]string // category + "\x00" + lower-cased name -> value
	list    []gazEntry
	maxLen  int
}

type gazEntry struct{ cat, name, value string }

// NewGazetteer returns an empty gazetteer.
func NewGazetteer() *Gazetteer {
	return &Gazetteer{entries: map[uint64]uint32{}, values: map[string]string{}}
}

// Add adds name to category with an optional value (for example the
// canonical country of a city). Names are split into tokens at white space
// and around commas and parentheses; names of more than ten tokens and
// unknown categories are ignored. Add reports whether the name was added.
func (g *Gazetteer) Add(category, name, value string) bool {
	ci, ok := catIndex[category]
	if !ok {
		return false
	}
	toks := splitName(name)
	if len(toks) == 0 || len(toks) > maxGazWords {
		return false
	}
	key := category + "\x00" + strings.Join(toks, " ")
	if _, dup := g.values[key]; dup {
		return false
	}
	g.values[key] = value
	g.list = append(g.list, gazEntry{category, strings.Join(toks, " "), value})
	h := hashInit
	for i, t := range toks {
		h = hashToken(h, t)
		if i < len(toks)-1 {
			g.entries[h] |= prefixBit
		}
	}
	g.entries[h] |= 1 << ci
	if len(toks) > g.maxLen {
		g.maxLen = len(toks)
	}
	return true
}

// Lookup returns the value stored with name in category.
func (g *Gazetteer) Lookup(category, name string) (string, bool) {
	v, ok := g.values[category+"\x00"+strings.Join(splitName(name), " ")]
	return v, ok
}

// Has reports whether name is in category.
func (g *Gazetteer) Has(category, name string) bool {
	_, ok := g.Lookup(category, name)
	return ok
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.list) }

// splitName lower-cases a name and splits it into tokens the way news
// tokenisers do for names: at white space, with commas, semicolons, quotes
// and parentheses as separate tokens.
func splitName(name string) []string {
	var out []string
	for _, f := range strings.Fields(strings.ToLower(name)) {
		for len(f) > 0 && strings.ContainsAny(f[:1], "(\"") {
			out = append(out, f[:1])
			f = f[1:]
		}
		var tail []string
		for len(f) > 0 && strings.ContainsAny(f[len(f)-1:], ",;)\"") {
			tail = append([]string{f[len(f)-1:]}, tail...)
			f = f[:len(f)-1]
		}
		if f != "" {
			out = append(out, f)
		}
		out = append(out, tail...)
	}
	return out
}

// Save writes the gazetteer as UTF-8 lines "category<TAB>name<TAB>value",
// sorted, which [LoadGazetteer] reads back.
func (g *Gazetteer) Save(w io.Writer) error {
	list := append([]gazEntry(nil), g.list...)
	sort.Slice(list, func(i, j int) bool {
		if list[i].cat != list[j].cat {
			return list[i].cat < list[j].cat
		}
		return list[i].name < list[j].name
	})
	bw := bufio.NewWriter(w)
	for _, e := range list {
		bw.WriteString(e.cat)
		bw.WriteByte('\t')
		bw.WriteString(e.name)
		bw.WriteByte('\t')
		bw.WriteString(e.value)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save gazetteer: %w", err)
	}
	return nil
}

// LoadGazetteer reads lines "category<TAB>name[<TAB>value]" as written by
// [Gazetteer.Save]. Lines with an unknown category are skipped, so newer
// files load in older code; a line without a tab is an error.
func LoadGazetteer(r io.Reader) (*Gazetteer, error) {
	g := NewGazetteer()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) < 2 {
			return nil, fmt.Errorf("load gazetteer line %d: want category<TAB>name, got %q", n, line)
		}
		v := ""
		if len(parts) == 3 {
			v = parts[2]
		}
		g.Add(parts[0], parts[1], v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	return g, nil
}

//go:embed gazetteer.tsv.gz
var gazetteerGz []byte

var (
	defaultGazOnce sync.Once
	defaultGazText []byte
	defaultGaz     *Gazetteer
	defaultGazErr  error
)

// DefaultGazetteer returns the gazetteer embedded in the binary (compiled by
// cmd/nertrain from the lists named in this package's README), loaded once.
func DefaultGazetteer() (*Gazetteer, error) {
	defaultGazOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(gazetteerGz))
		if err != nil {
			defaultGazErr = fmt.Errorf("open embedded gazetteer: %w", err)
			return
		}
		defaultGazText, err = io.ReadAll(zr)
		if err != nil {
			defaultGazErr = fmt.Errorf("read embedded gazetteer: %w", err)
			return
		}
		defaultGaz, defaultGazErr = LoadGazetteer(bytes.NewReader(defaultGazText))
	})
	return defaultGaz, defaultGazErr
}

// loadGazetteerText parses a gazetteer saved inside a model, sharing the
// embedded gazetteer when the text is the same.
func loadGazetteerText(text string) (*Gazetteer, error) {
	if g, err := DefaultGazetteer(); err == nil && string(defaultGazText) == text {
		return g, nil
	}
	return LoadGazetteer(strings.NewReader(text))
}

// FNV-1a over bytes, with a separator after each token.
const (
	hashInit  uint64 = 14695981039346656037
	hashPrime uint64 = 1099511628211
)

func hashToken(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= hashPrime
	}
	h ^= 0x1f
	h *= hashPrime
	return h
}

// gazMarks holds, per token, bit c set when the token begins a match of
// category c and bit c+32 when it continues one.
type gazMarks []uint64

// mark finds, for every category, the longest matches left to right
// (non-overlapping within a category) over lower-cased tokens.
func (g *Gazetteer) mark(lower []string, dst gazMarks) {
	for i := range dst {
		dst[i] = 0
	}
	if g == nil || len(g.entries) == 0 {
		return
	}
	var until [32]int
	for i := range lower {
		h := hashInit
		var longest [32]int
		found := false
		for n := 1; n <= g.maxLen && i+n <= len(lower); n++ {
			h = hashToken(h, lower[i+n-1])
			v, ok := g.entries[h]
			if !ok {
				break
			}
			if bits := v &^ prefixBit; bits != 0 {
				found = true
				for c := 0; c < len(categories); c++ {
					if bits&(1<<c) != 0 {
						longest[c] = n
					}
				}
			}
			if v&prefixBit == 0 {
				break
			}
		}
		if !found {
			continue
		}
		for c := 0; c < len(categories); c++ {
			n := longest[c]
			if n == 0 || i < until[c] {
				continue
			}
			dst[i] |= 1 << c
			for k := i + 1; k < i+n; k++ {
				dst[k] |= 1 << (c + 32)
			}
			until[c] = i + n
		}
	}
}
