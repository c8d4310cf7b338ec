package extract

import (
	"fmt"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dossier-project/dossier/schema"
)

// Corrections are an analyst's decisions about entities, applied to every
// document extracted with them, so that they hold on every ingest and
// re-ingest. Names are matched as written, ignoring case and runs of white
// space; a name with an honorific ("Mrs Howard") matches that form only.
type Corrections struct {
	// Merge maps a name to the entity it names ("Labour" → "Labour
	// Party"): the mention joins that entity, by the rule "correction".
	Merge map[string]string `yaml:"merge"`
	// Split lists names that no rule may merge into another entity
	// ("Mrs Howard" is not the Michael Howard of the same article): each
	// stays an entity of its own.
	Split []string `yaml:"split"`
	// Kind sets the kind of the entity with this name or alias ("BBC":
	// media), with the reason "correction".
	Kind map[string]string `yaml:"kind"`
	// Type sets the type of a name: Person, Organization or Place.
	Type map[string]string `yaml:"type"`
	// Never lists names that are never entities.
	Never []string `yaml:"never"`

	merge, kind, typ map[string]string
	split, never     map[string]bool
}

// ReadCorrections reads a corrections file (YAML; see Corrections and the
// README). An error names the file and what is wrong.
func ReadCorrections(path string) (*Corrections, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	var c Corrections
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && err.Error() != "EOF" {
		return nil, fmt.Errorf("corrections %s: %w", path, err)
	}
	if err := c.compile(); err != nil {
		return nil, fmt.Errorf("corrections %s: %w", path, err)
	}
	return &c, nil
}

// compile checks the corrections and builds their lookup tables.
func (c *Corrections) compile() error {
	c.merge, c.kind, c.typ = map[string]string{}, map[string]string{}, map[string]string{}
	c.split, c.never = map[string]bool{}, map[string]bool{}
	for k, v := range c.Merge {
		if foldName(k) == "" || strings.TrimSpace(v) == "" {
			return fmt.Errorf("merge: %q → %q: both names are needed", k, v)
		}
		c.merge[foldName(k)] = strings.Join(strings.Fields(v), " ")
	}
	kinds := []string{schema.KindCompany, schema.KindGovernment, schema.KindAgency, schema.KindIntelligence, schema.KindMedia,
		schema.KindParty, schema.KindInternational, schema.KindArmedGroup, schema.KindSportsTeam, schema.KindCourt,
		schema.KindUniversity, schema.KindNGO, schema.KindOther, schema.KindCountry, schema.KindCity}
	for k, v := range c.Kind {
		ok := false
		for _, x := range kinds {
			ok = ok || x == v
		}
		if !ok {
			return fmt.Errorf("kind: %q: %q is not one of %s", k, v, strings.Join(kinds, ", "))
		}
		c.kind[foldName(k)] = v
	}
	for k, v := range c.Type {
		switch v {
		case schema.Person, schema.Organization, schema.Place, schema.Misc:
		default:
			return fmt.Errorf("type: %q: %q is not Person, Organization, Place or Misc", k, v)
		}
		c.typ[foldName(k)] = v
	}
	for _, s := range c.Split {
		c.split[foldName(s)] = true
	}
	for _, s := range c.Never {
		c.never[foldName(s)] = true
	}
	return nil
}

// Len returns the number of corrections.
func (c *Corrections) Len() int {
	if c == nil {
		return 0
	}
	return len(c.merge) + len(c.kind) + len(c.typ) + len(c.split) + len(c.never)
}

func foldName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// applyToMentions drops the names that are never entities, sets the types
// given and marks merges and splits, before the mentions are grouped.
func (c *Corrections) applyToMentions(ms []*mention) []*mention {
	if c.Len() == 0 {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		forms := []string{foldName(m.Text)}
		if m.tform != "" {
			forms = append([]string{foldName(m.tform)}, forms...)
		}
		drop := false
		for _, f := range forms {
			drop = drop || c.never[f]
		}
		if drop {
			continue
		}
		for _, f := range forms {
			if t, ok := c.typ[f]; ok {
				m.Type, m.fixed = t, true
				break
			}
		}
		for _, f := range forms {
			if target, ok := c.merge[f]; ok {
				if t, ok := c.typ[foldName(target)]; ok {
					m.Type = t
				}
				m.canon, m.rule, m.why, m.fixed, m.derived = target, "correction", m.Span, true, false
				break
			}
			if c.split[f] {
				m.split = true
				break
			}
		}
		out = append(out, m)
	}
	return out
}

// applyToEntities sets the kinds given, by name or alias.
func (c *Corrections) applyToEntities(ents []schema.Entity) {
	if c == nil || len(c.kind) == 0 {
		return
	}
	for i := range ents {
		e := &ents[i]
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if k, ok := c.kind[foldName(n)]; ok {
				e.Kind, e.KindReason = k, "correction"
				break
			}
		}
	}
}
