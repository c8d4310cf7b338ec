package bolt

import (
	"context"
	"fmt"

	boltdb "github.com/boltdb/bolt"

	"github.com/dossier-project/dossier/graph"
)

// Reading the index: graph.IndexView over one bolt read transaction.

// View runs fn in a read transaction of the index.
func (x *readIndex) View(ctx context.Context, fn func(graph.IndexView) error) error {
	return x.db.View(func(tx *boltdb.Tx) error { return fn(view{tx}) })
}

// view is graph.IndexView over a bolt read transaction.
type view struct{ tx *boltdb.Tx }

func (v view) Counts() (graph.IndexCounts, error) {
	return graph.IndexCounts{Documents: count(v.tx, keyDocs), Claims: count(v.tx, keyClaims),
		Relations: count(v.tx, keyRelations), Entities: count(v.tx, keyEntities)}, nil
}

// Ties lists every tie with the documents that give it.
func (v view) Ties() (map[string]map[string]int, error) {
	docs := make(map[string]map[string]int) // from -> to -> documents
	err := scanAll(bucket(v.tx, bktTie), func(k, val []byte) error {
		from := keyPart(k, 0)
		if docs[from] == nil {
			docs[from] = make(map[string]int)
		}
		docs[from][string(val)]++
		return nil
	})
	return docs, err
}

// merged folds an entity ID's records, oldest first, into one.
type merged struct {
	r    graph.EntityRecord
	docs map[string]bool
}

func (m *merged) add(e idxEnt) {
	if len(m.docs) == 0 {
		m.r.Name, m.r.Type = e.Name, e.Type
	} else if graph.BetterName(e.Name, m.r.Name) {
		m.r.Name = e.Name
	}
	if len(m.docs) == 0 || graph.BetterKind(e.Kind, e.KindReason, m.r.Kind, m.r.KindReason) {
		m.r.Kind, m.r.KindReason = e.Kind, e.KindReason
	}
	m.r.Names = appendNew(m.r.Names, e.Name)
	for _, a := range e.Aliases {
		m.r.Aliases = appendNew(m.r.Aliases, a)
	}
	for _, x := range e.Merges {
		m.r.Merges = appendNew(m.r.Merges, x)
	}
	m.r.Mentions += e.Mentions
	m.docs[e.Doc.Hash] = true
	m.r.Documents = len(m.docs)
}

func appendNew(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

func (v view) Entities(ids []string) (map[string]graph.EntityRecord, error) {
	out := make(map[string]graph.EntityRecord, len(ids))
	for _, id := range ids {
		m := merged{r: graph.EntityRecord{ID: id}, docs: make(map[string]bool)}
		err := scan(bucket(v.tx, bktEnt), id, func(_, val []byte) error {
			e, err := decodeEnt(val)
			if err != nil {
				return fmt.Errorf("index: entity %s: %w", id, err)
			}
			m.add(e)
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(m.docs) > 0 {
			out[id] = m.r
		}
	}
	return out, nil
}

// EachEntity reads the ent bucket once: an ID's records are consecutive
// keys.
func (v view) EachEntity(fn func(graph.EntityRecord) error) error {
	var m *merged
	err := scanAll(bucket(v.tx, bktEnt), func(k, val []byte) error {
		id := keyPart(k, 0)
		if m != nil && m.r.ID != id {
			if err := fn(m.r); err != nil {
				return err
			}
			m = nil
		}
		if m == nil {
			m = &merged{r: graph.EntityRecord{ID: id}, docs: make(map[string]bool)}
		}
		e, err := decodeEnt(val)
		if err != nil {
			return fmt.Errorf("index: entity %s: %w", id, err)
		}
		m.add(e)
		return nil
	})
	if err != nil || m == nil {
		return err
	}
	return fn(m.r)
}

func (v view) EntityNames(ids []string) (map[string]graph.EntityRef, error) {
	out := make(map[string]graph.EntityRef, len(ids))
	for _, id := range ids {
		name, typ, ok, err := entityName(v.tx, id)
		if err != nil {
			return nil, err
		}
		if ok {
			out[id] = graph.EntityRef{ID: id, Name: name, Type: typ}
		}
	}
	return out, nil
}

func (v view) EntityDocs(ids []string) ([]graph.DocInfo, error) {
	var out []graph.DocInfo
	seen := make(map[string]bool)
	for _, id := range ids {
		err := scan(bucket(v.tx, bktEnt), id, func(_, val []byte) error {
			e, err := decodeEnt(val)
			if err != nil {
				return fmt.Errorf("index: entity %s: %w", id, err)
			}
			if !seen[e.Doc.Hash] {
				seen[e.Doc.Hash] = true
				out = append(out, e.Doc)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (v view) DocumentCounts(groups [][]string) ([]int, error) {
	out := make([]int, len(groups))
	for i, ids := range groups {
		ds, err := v.EntityDocs(ids)
		if err != nil {
			return nil, err
		}
		out[i] = len(ds)
	}
	return out, nil
}

func (v view) Names(slug string, fn func(id, name string) error) error {
	return scan(bucket(v.tx, bktName), slug, func(k, _ []byte) error {
		return fn(keyPart(k, 1), keyPart(k, 3))
	})
}

// Claims reads the by bucket for claimants, the about bucket for what
// claims are about, the claim bucket (keyed by document hash, claim ID)
// otherwise. Stance does not narrow the read.
func (v view) Claims(q graph.ClaimQuery, fn func(graph.ClaimInfo) error) error {
	each := func(_, val []byte) error {
		c, err := decodeClaim(val)
		if err != nil {
			return fmt.Errorf("index: claim: %w", err)
		}
		return fn(c)
	}
	b, ids := bktBy, q.By
	switch {
	case q.By != nil:
	case q.About != nil:
		b, ids = bktAbout, q.About
	case q.Doc != "":
		return scan(bucket(v.tx, bktClaim), q.Doc, each)
	default:
		return scanAll(bucket(v.tx, bktClaim), each)
	}
	for _, id := range ids {
		if err := scan(bucket(v.tx, b), id, each); err != nil {
			return err
		}
	}
	return nil
}

func (v view) Relations(ids []string, fn func(graph.RelationInfo) error) error {
	each := func(_, val []byte) error {
		r, err := decodeRel(val)
		if err != nil {
			return fmt.Errorf("index: relation: %w", err)
		}
		return fn(r)
	}
	if ids == nil {
		return scanAll(bucket(v.tx, bktRel), each)
	}
	for _, id := range ids {
		if err := scan(bucket(v.tx, bktRel), id, each); err != nil {
			return err
		}
	}
	return nil
}

func (v view) Documents(fn func(graph.DocInfo) error) error {
	return scanAll(bucket(v.tx, bktDoc), func(_, val []byte) error {
		d, err := decodeDoc(val)
		if err != nil {
			return fmt.Errorf("index: document: %w", err)
		}
		return fn(d)
	})
}

// Mentions reads the ment bucket: each record's mentions under the
// record's own key, the document from the record, the sentences from the
// sent bucket.
func (v view) Mentions(id string, fn func(graph.MentionRecord) error) error {
	ents := bucket(v.tx, bktEnt)
	sents := bucket(v.tx, bktSent)
	return scan(bucket(v.tx, bktMent), id, func(k, val []byte) error {
		e, err := decodeEnt(ents.Get(k))
		if err != nil {
			return fmt.Errorf("index: entity %s: %w", id, err)
		}
		h := e.Doc.Hash
		d := newDecoder(val)
		n := d.int()
		for i := 0; i < n && d.err == nil; i++ {
			m := graph.MentionRecord{Document: e.Doc, Sentence: d.int()}
			m.Mention = d.span()
			if d.err != nil {
				break
			}
			if sv := sents.Get(sentKey(h, m.Sentence)); sv != nil {
				sd := newDecoder(sv)
				span := sd.span()
				if sd.err != nil {
					return fmt.Errorf("index: sentence %d of %s: %w", m.Sentence, h, sd.err)
				}
				m.Text = &span
			}
			if err := fn(m); err != nil {
				return err
			}
		}
		if d.err != nil {
			return fmt.Errorf("index: mentions of %s: %w", id, d.err)
		}
		return nil
	})
}

var _ graph.IndexView = view{}
