package bolt

import (
	"bytes"

	"encoding/binary"
	"errors"
	"fmt"

	boltdb "github.com/boltdb/bolt"

	"github.com/dossier-project/dossier/graph"
	"github.com/dossier-project/dossier/schema"
)

// The read index.
//
// Cayley's key-value backend answers "every claim about the United States"
// one quad at a time, each quad a log lookup and a protobuf decode of four
// values; on the full Reuters-21578 graph that is seconds per question. A
// bolt store therefore keeps, in its own bucket of the same bolt file, an
// index of what the common questions read: each document's metadata, each
// entity's per-document record (name, type, kind, aliases, merges, mention
// count), each claim and relation with its evidence, and the keys that lead
// from an entity to them. It is derived from the same extraction result as
// the quads and written in the same batch.
//
// The quads stay the source of truth (queries, exports and the ties that
// fold an acronym into its expansion read them). Dossier's writer
// (kvwrite.go) writes a batch's index entries and quads in one bolt
// transaction. Written through Cayley, they are two: the index entries
// with a pending mark per document, then the quads, then the marks are
// removed; Forget too marks, deletes the quads, then removes the entries.
// Opening a store settles what a crash left pending: a document whose
// quads are stored keeps its entries; one whose quads are not loses them,
// and the next ingest writes both again.

// Index buckets, nested in idxRoot.
var (
	idxRoot    = []byte("dossier.index")
	bktMeta    = []byte("meta")
	bktDoc     = []byte("doc")     // hash -> graph.DocInfo
	bktEnt     = []byte("ent")     // id \0 seq -> idxEnt
	bktName    = []byte("name")    // slug \0 id \0 hash \0 name -> ""
	bktClaim   = []byte("claim")   // hash \0 claim ID -> graph.ClaimInfo (entities by ID)
	bktBy      = []byte("by")      // claimant ID \0 hash \0 claim ID -> the same graph.ClaimInfo
	bktAbout   = []byte("about")   // ID about or targeted \0 hash \0 claim ID -> the same graph.ClaimInfo
	bktRel     = []byte("rel")     // subject or object ID \0 hash \0 n -> graph.RelationInfo (entities by ID)
	bktTie     = []byte("tie")     // tied ID \0 seq -> entity ID
	bktKeys    = []byte("keys")    // hash -> the entries a document added
	bktPending = []byte("pending") // hash -> ""
	bktEntN    = []byte("entn")    // entity ID -> number of documents
	bktMent    = []byte("ment")    // id \0 seq (as in ent) -> the entity's mentions in that document
	bktSent    = []byte("sent")    // hash \0 sentence number -> sentence span
	idxBuckets = [][]byte{bktMeta, bktDoc, bktEnt, bktName, bktClaim, bktBy, bktAbout, bktRel, bktTie, bktKeys, bktPending, bktEntN,
		bktMent, bktSent}

	keyVersion = []byte("version")
	keySeq     = []byte("seq")
	// Counters that Stats reads instead of walking the buckets.
	keyDocs      = []byte("docs")
	keyClaims    = []byte("claims")
	keyRelations = []byte("relations")
	keyEntities  = []byte("entities") // keys of entn
	// keyQuads is the store's quad count when the index last wrote.
	keyQuads = []byte("quads")
)

// count returns a counter of the meta bucket.
func count(tx *boltdb.Tx, key []byte) int {
	if v := bucket(tx, bktMeta).Get(key); len(v) == 8 {
		return int(binary.BigEndian.Uint64(v))
	}
	return 0
}

// addCount adds d to a counter of the meta bucket.
func addCount(tx *boltdb.Tx, key []byte, d int) error {
	n := max(count(tx, key)+d, 0)
	return bucket(tx, bktMeta).Put(key, binary.BigEndian.AppendUint64(nil, uint64(n)))
}

// addEntityDocs adds d to the number of documents that mention an entity
// ID, keeping the count of IDs with at least one, and after them the best
// of its records' names (graph.BetterName) and the type of its oldest
// record: what a reference to it shows.
func addEntityDocs(tx *boltdb.Tx, id string, d int, name, typ string) error {
	b := bucket(tx, bktEntN)
	n := 0
	v := b.Get([]byte(id))
	if len(v) >= 8 {
		n = int(binary.BigEndian.Uint64(v))
	}
	m := n + d
	if m <= 0 {
		if n > 0 {
			if err := addCount(tx, keyEntities, -1); err != nil {
				return err
			}
		}
		return b.Delete([]byte(id))
	}
	if n == 0 {
		if err := addCount(tx, keyEntities, 1); err != nil {
			return err
		}
	}
	out := binary.BigEndian.AppendUint64(nil, uint64(m))
	if n > 0 && d < 0 {
		// The record with its name or type may just have gone: read
		// those that are left.
		first := true
		err := scan(bucket(tx, bktEnt), id, func(_, v []byte) error {
			e, err := decodeEnt(v)
			if err != nil {
				return err
			}
			if first {
				name, typ, first = e.Name, e.Type, false
			} else if graph.BetterName(e.Name, name) {
				name = e.Name
			}
			return nil
		})
		if err != nil {
			return err
		}
	} else if n > 0 {
		d := newDecoder(v[8:])
		had, hadTyp := d.str(), d.str()
		if d.err != nil {
			return fmt.Errorf("index: entity %s: %w", id, d.err)
		}
		if !graph.BetterName(name, had) {
			name = had
		}
		typ = hadTyp
	}
	e := encoder{b: out}
	e.str(name)
	e.str(typ)
	return b.Put([]byte(id), e.b)
}

// entityName returns the name an ID is shown by and its type, and
// whether any document mentions it.
func entityName(tx *boltdb.Tx, id string) (name, typ string, ok bool, err error) {
	v := bucket(tx, bktEntN).Get([]byte(id))
	if len(v) < 8 {
		return "", "", false, nil
	}
	d := newDecoder(v[8:])
	name, typ = d.str(), d.str()
	if d.err != nil {
		return "", "", false, fmt.Errorf("index: entity %s: %w", id, d.err)
	}
	return name, typ, true, nil
}

// idxVersion is the index layout's version; a store whose index has
// another version is read through Cayley.
const idxVersion = 4

// idxKeys lists every entry a document added, as bucket \0 key, so that
// they can be removed exactly.
type idxKeys []string

// idxEnt is what one document says about one entity.
type idxEnt struct {
	Doc     graph.DocInfo
	Name    string
	Type    string
	Kind    string
	Aliases []string
	// KindReason is the evidence for Kind; records written before it
	// existed have none.
	KindReason string
	Merges     []string // as graph.MergeText renders them
	Mentions   int
}

// readIndex is the index of a bolt store. Its methods are called under the
// store's lock.
type readIndex struct {
	db *boltdb.DB
	// stored lists documents whose quads are stored but whose pending
	// marks are not removed yet (see clear).
	stored []string
	// quads is the store's quad count after the last batch, recorded with
	// the next transaction when quadsSet.
	quads    int64
	quadsSet bool
}

// sep joins the parts of an index key.
const sep = "\x00"

func joinKey(parts ...string) []byte {
	n := len(parts) - 1
	for _, p := range parts {
		n += len(p)
	}
	b := make([]byte, 0, n)
	for i, p := range parts {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, p...)
	}
	return b
}

func sentKey(hash string, i int) []byte {
	k := make([]byte, 0, len(hash)+5)
	k = append(k, hash...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint32(k, uint32(i))
}

func seqKey(id string, seq uint64) []byte {
	k := make([]byte, 0, len(id)+9)
	k = append(k, id...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint64(k, seq)
}

// openIndex returns the store's index, creating it when the store holds
// no quads yet. It returns nil (and no error) for a store written before
// the index existed, which is then read through Cayley.
func openIndex(db *boltdb.DB, empty bool) (*readIndex, error) {
	x := &readIndex{db: db}
	var ok bool
	err := db.Update(func(tx *boltdb.Tx) error {
		root := tx.Bucket(idxRoot)
		if root == nil {
			if !empty {
				return nil
			}
			var err error
			if root, err = tx.CreateBucket(idxRoot); err != nil {
				return err
			}
			for _, b := range idxBuckets {
				if _, err := root.CreateBucket(b); err != nil {
					return err
				}
			}
			if err := root.Bucket(bktMeta).Put(keyVersion, binary.BigEndian.AppendUint64(nil, idxVersion)); err != nil {
				return err
			}
		}
		v := root.Bucket(bktMeta).Get(keyVersion)
		ok = len(v) == 8 && binary.BigEndian.Uint64(v) == idxVersion
		return nil
	})
	if err != nil || !ok {
		return nil, err
	}
	return x, nil
}

func bucket(tx *boltdb.Tx, name []byte) *boltdb.Bucket { return tx.Bucket(idxRoot).Bucket(name) }

// pending returns the hashes of documents whose entries were written but
// whose quads may not have been.
func (x *readIndex) pending() ([]string, error) {
	var out []string
	err := x.db.View(func(tx *boltdb.Tx) error {
		return bucket(tx, bktPending).ForEach(func(k, _ []byte) error {
			out = append(out, string(k))
			return nil
		})
	})
	return out, err
}

// settle clears the pending marks of documents that are stored (stored
// reports whether a hash's quads are) and removes the entries of those
// that are not; the index then matches the store's quads, whose count it
// records.
func (x *readIndex) settle(stored func(string) (bool, error), quads int64) error {
	hashes, err := x.pending()
	if err != nil || len(hashes) == 0 {
		return err
	}
	keep := make(map[string]bool)
	for _, h := range hashes {
		ok, err := stored(h)
		if err != nil {
			return err
		}
		keep[h] = ok
	}
	return x.db.Update(func(tx *boltdb.Tx) error {
		for _, h := range hashes {
			if !keep[h] {
				if err := removeDoc(tx, h); err != nil {
					return err
				}
			}
			if err := bucket(tx, bktPending).Delete([]byte(h)); err != nil {
				return err
			}
		}
		return bucket(tx, bktMeta).Put(keyQuads, binary.BigEndian.AppendUint64(nil, uint64(quads)))
	})
}

// removeDoc deletes a document's entries and its record.
func removeDoc(tx *boltdb.Tx, hash string) error {
	keys := bucket(tx, bktKeys)
	v := keys.Get([]byte(hash))
	if v == nil {
		return nil
	}
	dec := newDecoder(v)
	d := dec.strs()
	if dec.err != nil {
		return fmt.Errorf("index: document %s: %w", hash, dec.err)
	}
	ents := make(map[string]bool)
	rels := make(map[string]bool)
	claims := 0
	for _, k := range d {
		b, key, _ := bytes.Cut([]byte(k), []byte(sep))
		switch string(b) {
		case string(bktEnt):
			ents[keyPart(key, 0)] = true
		case string(bktRel):
			rels[keyPart(key, 2)] = true
		case string(bktClaim):
			claims++
		}
		if bk := bucket(tx, b); bk != nil {
			if err := bk.Delete(key); err != nil {
				return err
			}
		}
	}
	for id := range ents {
		if err := addEntityDocs(tx, id, -1, "", ""); err != nil {
			return err
		}
	}
	for _, c := range []struct {
		key []byte
		d   int
	}{{keyDocs, -1}, {keyClaims, -claims}, {keyRelations, -len(rels)}} {
		if err := addCount(tx, c.key, c.d); err != nil {
			return err
		}
	}
	return keys.Delete([]byte(hash))
}

// add writes the entries of new documents, each marked pending.
func (x *readIndex) add(rs []*schema.Result) error {
	return x.db.Update(func(tx *boltdb.Tx) error {
		// The previous batch's quads are stored: its marks go in this
		// transaction rather than in one of their own.
		if err := x.record(tx); err != nil {
			return err
		}
		return addDocs(tx, rs, true)
	})
}

// addTx writes the entries of new documents in tx, the transaction that
// writes their quads (kvWriter): nothing is left pending, and the index
// records quads, the store's quad count once tx commits.
func (x *readIndex) addTx(tx *boltdb.Tx, rs []*schema.Result, quads int64) error {
	if err := x.record(tx); err != nil {
		return err
	}
	if err := addDocs(tx, rs, false); err != nil {
		return err
	}
	return bucket(tx, bktMeta).Put(keyQuads, binary.BigEndian.AppendUint64(nil, uint64(quads)))
}

// addDocs writes the entries of documents, each marked pending when
// pending is set (their quads are written in another transaction).
func addDocs(tx *boltdb.Tx, rs []*schema.Result, pending bool) error {
	meta := bucket(tx, bktMeta)
	var seq uint64
	if v := meta.Get(keySeq); len(v) == 8 {
		seq = binary.BigEndian.Uint64(v)
	}
	w := txIndex{tx}
	for _, r := range rs {
		var err error
		if seq, err = addDoc(w, r, seq, pending); err != nil {
			return fmt.Errorf("index: document %s: %w", r.Document.Hash, err)
		}
	}
	return meta.Put(keySeq, binary.BigEndian.AppendUint64(nil, seq))
}

// indexWriter is where addDoc writes a document's index entries: a bolt
// transaction (txIndex), or a bulk build's collector (indexRuns).
type indexWriter interface {
	// put sets key k of the index bucket b to v.
	put(b, k, v []byte) error
	// entityDoc counts one more document mentioning entity id, whose
	// record in it has this name and type (see addEntityDocs).
	entityDoc(id, name, typ string) error
	// count adds d to a counter of the meta bucket.
	count(key []byte, d int) error
}

// txIndex writes index entries in a bolt transaction.
type txIndex struct{ tx *boltdb.Tx }

func (w txIndex) put(b, k, v []byte) error { return bucket(w.tx, b).Put(k, v) }
func (w txIndex) entityDoc(id, name, typ string) error {
	return addEntityDocs(w.tx, id, 1, name, typ)
}
func (w txIndex) count(key []byte, d int) error { return addCount(w.tx, key, d) }

// clear notes that the documents' quads are stored; their pending marks
// are removed with the next batch's entries (or by flush), which saves a
// bolt commit per batch. A mark left by a crash in between is settled when
// the store is next opened: the document's quads are there, so it keeps
// its entries.
func (x *readIndex) clear(rs []*schema.Result, quads int64) {
	for _, r := range rs {
		x.stored = append(x.stored, r.Document.Hash)
	}
	x.quads, x.quadsSet = quads, true
}

// record removes the marks that clear noted and records the quad count.
func (x *readIndex) record(tx *boltdb.Tx) error {
	if err := clearMarks(tx, x.stored); err != nil {
		return err
	}
	x.stored = x.stored[:0]
	if x.quadsSet {
		x.quadsSet = false
		return bucket(tx, bktMeta).Put(keyQuads, binary.BigEndian.AppendUint64(nil, uint64(x.quads)))
	}
	return nil
}

// flush does what record does, in a transaction of its own; the store
// calls it when it closes.
func (x *readIndex) flush() error {
	if len(x.stored) == 0 && !x.quadsSet {
		return nil
	}
	return x.db.Update(x.record)
}

// stale reports whether quads were written without the index: a store
// closed cleanly (no pending marks) whose quad count is not the one the
// index recorded was written by a build that does not keep the index.
func (x *readIndex) stale(quads int64) (bool, error) {
	var stale bool
	err := x.db.View(func(tx *boltdb.Tx) error {
		if k, _ := bucket(tx, bktPending).Cursor().First(); k != nil {
			return nil // a crash: settle decides, document by document
		}
		v := bucket(tx, bktMeta).Get(keyQuads)
		stale = len(v) == 8 && int64(binary.BigEndian.Uint64(v)) != quads
		return nil
	})
	return stale, err
}

func clearMarks(tx *boltdb.Tx, hashes []string) error {
	for _, h := range hashes {
		if err := bucket(tx, bktPending).Delete([]byte(h)); err != nil {
			return err
		}
	}
	return nil
}

// docState reports whether the index holds a document, and whether it is
// marked pending: written through Cayley, whose batches leave their marks
// to the next one, or left by a crash. A document the index holds and
// has not marked is stored.
func (x *readIndex) docState(hash string) (known, pending bool, err error) {
	err = x.db.View(func(tx *boltdb.Tx) error {
		known = bucket(tx, bktDoc).Get([]byte(hash)) != nil
		pending = bucket(tx, bktPending).Get([]byte(hash)) != nil
		return nil
	})
	return known, pending, err
}

// mark marks a document pending, before its quads are deleted.
func (x *readIndex) mark(hash string) error {
	return x.db.Update(func(tx *boltdb.Tx) error {
		return bucket(tx, bktPending).Put([]byte(hash), nil)
	})
}

// remove removes a document's entries and its pending mark.
func (x *readIndex) remove(hash string, quads int64) error {
	return x.db.Update(func(tx *boltdb.Tx) error {
		if err := removeDoc(tx, hash); err != nil {
			return err
		}
		x.quads, x.quadsSet = quads, true
		if err := x.record(tx); err != nil {
			return err
		}
		return bucket(tx, bktPending).Delete([]byte(hash))
	})
}

// rollback removes the entries of documents whose quads failed to store.
func (x *readIndex) rollback(rs []*schema.Result) error {
	return x.db.Update(func(tx *boltdb.Tx) error {
		for _, r := range rs {
			if err := removeDoc(tx, r.Document.Hash); err != nil {
				return err
			}
			if err := bucket(tx, bktPending).Delete([]byte(r.Document.Hash)); err != nil {
				return err
			}
		}
		return nil
	})
}

// addDoc writes one document's entries, numbering its entity records from
// seq, and returns the next number.
func addDoc(w indexWriter, r *schema.Result, seq uint64, pending bool) (uint64, error) {
	rec := graph.Records(r)
	h := rec.Doc.Hash
	var keys idxKeys
	put := func(b []byte, k []byte, v []byte) error {
		keys = append(keys, string(b)+sep+string(k))
		return w.put(b, k, v)
	}
	if err := put(bktDoc, []byte(h), encodeDoc(rec.Doc)); err != nil {
		return seq, err
	}
	if pending {
		if err := w.put(bktPending, []byte(h), nil); err != nil {
			return seq, err
		}
	}
	sents := make(map[int]bool)
	for _, e := range rec.Entities {
		seq++
		ie := idxEnt{Doc: rec.Doc, Name: e.Name, Type: e.Type, Kind: e.Kind, KindReason: e.KindReason, Aliases: e.Aliases, Merges: e.Merges, Mentions: len(e.Mentions)}
		if err := put(bktEnt, seqKey(e.ID, seq), encodeEnt(ie)); err != nil {
			return seq, err
		}
		var me encoder
		me.int(len(e.Mentions))
		for _, m := range e.Mentions {
			me.int(m.Sentence)
			me.span(m.Span)
			if m.Text != nil && !sents[m.Sentence] {
				sents[m.Sentence] = true
				var se encoder
				se.span(*m.Text)
				if err := put(bktSent, sentKey(h, m.Sentence), se.b); err != nil {
					return seq, err
				}
			}
		}
		if err := put(bktMent, seqKey(e.ID, seq), me.b); err != nil {
			return seq, err
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if err := put(bktName, joinKey(schema.Slug(n), e.ID, h, graph.KeyName(n)), nil); err != nil {
				return seq, err
			}
		}
	}
	for _, c := range rec.Claims {
		// The claim is copied under its claimant and each entity it is
		// about, so that "claims about X" is one range of one bucket.
		v := encodeClaim(c)
		if err := put(bktClaim, joinKey(h, c.ID), v); err != nil {
			return seq, err
		}
		if c.Claimant != nil {
			if err := put(bktBy, joinKey(c.Claimant.ID, h, c.ID), v); err != nil {
				return seq, err
			}
		}
		about := make([]string, 0, len(c.About)+1)
		for _, a := range c.About {
			about = append(about, a.ID)
		}
		if c.Target != nil {
			about = append(about, c.Target.ID)
		}
		for _, id := range distinct(about) {
			if err := put(bktAbout, joinKey(id, h, c.ID), v); err != nil {
				return seq, err
			}
		}
	}
	for i, rel := range rec.Relations {
		v := encodeRel(rel)
		for _, id := range distinct([]string{rel.Subject.ID, rel.Object.ID}) {
			if err := put(bktRel, joinKey(id, h, fmt.Sprint(i+1)), v); err != nil {
				return seq, err
			}
		}
	}
	for _, t := range rec.Ties {
		if err := put(bktTie, seqKey(t.From, seq), []byte(t.To)); err != nil {
			return seq, err
		}
	}
	seen := make(map[string]bool, len(rec.Entities))
	for _, e := range rec.Entities {
		if seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		if err := w.entityDoc(e.ID, e.Name, e.Type); err != nil {
			return seq, err
		}
	}
	for _, c := range []struct {
		key []byte
		d   int
	}{{keyDocs, 1}, {keyClaims, len(rec.Claims)}, {keyRelations, len(rec.Relations)}} {
		if err := w.count(c.key, c.d); err != nil {
			return seq, err
		}
	}
	var e encoder
	e.strs(keys)
	return seq, w.put(bktKeys, []byte(h), e.b)
}

// distinct returns the strings of ss in order without repeats or empty
// strings.
func distinct(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// scan calls fn for every key of bucket b that starts with prefix \0; fn
// may return errStop to end the scan early.
func scan(b *boltdb.Bucket, prefix string, fn func(k, v []byte) error) error {
	return scanBytes(b, append([]byte(prefix), 0), fn)
}

// scanAll calls fn for every key of bucket b.
func scanAll(b *boltdb.Bucket, fn func(k, v []byte) error) error { return scanBytes(b, nil, fn) }

func scanBytes(b *boltdb.Bucket, p []byte, fn func(k, v []byte) error) error {
	c := b.Cursor()
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
		if err := fn(k, v); err == errStop {
			return nil
		} else if err != nil {
			return err
		}
	}
	return nil
}

// keyPart returns the i-th \0-separated part of an index key.
func keyPart(k []byte, i int) string {
	for ; i > 0; i-- {
		j := bytes.IndexByte(k, 0)
		if j < 0 {
			return ""
		}
		k = k[j+1:]
	}
	if j := bytes.IndexByte(k, 0); j >= 0 {
		k = k[:j]
	}
	return string(k)
}

var errStop = errors.New("stop")
