package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	"github.com/boltdb/bolt"

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
	bktDoc     = []byte("doc")     // hash -> DocInfo
	bktEnt     = []byte("ent")     // id \0 seq -> idxEnt
	bktName    = []byte("name")    // slug \0 id \0 hash \0 name -> ""
	bktClaim   = []byte("claim")   // hash \0 claim ID -> ClaimInfo (entities by ID)
	bktBy      = []byte("by")      // claimant ID \0 hash \0 claim ID -> the same ClaimInfo
	bktAbout   = []byte("about")   // ID about or targeted \0 hash \0 claim ID -> the same ClaimInfo
	bktRel     = []byte("rel")     // subject or object ID \0 hash \0 n -> RelationInfo (entities by ID)
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
func count(tx *bolt.Tx, key []byte) int {
	if v := bucket(tx, bktMeta).Get(key); len(v) == 8 {
		return int(binary.BigEndian.Uint64(v))
	}
	return 0
}

// addCount adds d to a counter of the meta bucket.
func addCount(tx *bolt.Tx, key []byte, d int) error {
	n := max(count(tx, key)+d, 0)
	return bucket(tx, bktMeta).Put(key, binary.BigEndian.AppendUint64(nil, uint64(n)))
}

// addEntityDocs adds d to the number of documents that mention an entity
// ID, keeping the count of IDs with at least one, and the name and type of
// the ID's oldest record (what a reference to it shows) after them.
func addEntityDocs(tx *bolt.Tx, id string, d int, name, typ string) error {
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
	switch {
	case n == 0 || d < 0:
		// New, or its oldest record may just have gone: read the
		// oldest that is left.
		if d < 0 {
			var ferr error
			_ = scan(bucket(tx, bktEnt), id, func(_, v []byte) error {
				e, err := decodeEnt(v)
				name, typ, ferr = e.Name, e.Type, err
				return errStop
			})
			if ferr != nil {
				return ferr
			}
		}
		e := encoder{b: out}
		e.str(name)
		e.str(typ)
		out = e.b
	default:
		out = append(out, v[8:]...)
	}
	return b.Put([]byte(id), out)
}

// entityName returns the name and type of an ID's oldest record, and
// whether any document mentions it.
func entityName(tx *bolt.Tx, id string) (name, typ string, ok bool, err error) {
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
	Doc      DocInfo
	Name     string
	Type     string
	Kind     string
	Aliases  []string
	Merges   []string // as MergeText renders them
	Mentions int
}

// readIndex is the index of a bolt store. Its methods are called under the
// store's lock.
type readIndex struct {
	db *bolt.DB
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
func openIndex(db *bolt.DB, empty bool) (*readIndex, error) {
	x := &readIndex{db: db}
	var ok bool
	err := db.Update(func(tx *bolt.Tx) error {
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

func bucket(tx *bolt.Tx, name []byte) *bolt.Bucket { return tx.Bucket(idxRoot).Bucket(name) }

// pending returns the hashes of documents whose entries were written but
// whose quads may not have been.
func (x *readIndex) pending() ([]string, error) {
	var out []string
	err := x.db.View(func(tx *bolt.Tx) error {
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
	return x.db.Update(func(tx *bolt.Tx) error {
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
func removeDoc(tx *bolt.Tx, hash string) error {
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
	return x.db.Update(func(tx *bolt.Tx) error {
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
func (x *readIndex) addTx(tx *bolt.Tx, rs []*schema.Result, quads int64) error {
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
func addDocs(tx *bolt.Tx, rs []*schema.Result, pending bool) error {
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
type txIndex struct{ tx *bolt.Tx }

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
func (x *readIndex) record(tx *bolt.Tx) error {
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
	err := x.db.View(func(tx *bolt.Tx) error {
		if k, _ := bucket(tx, bktPending).Cursor().First(); k != nil {
			return nil // a crash: settle decides, document by document
		}
		v := bucket(tx, bktMeta).Get(keyQuads)
		stale = len(v) == 8 && int64(binary.BigEndian.Uint64(v)) != quads
		return nil
	})
	return stale, err
}

func clearMarks(tx *bolt.Tx, hashes []string) error {
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
	err = x.db.View(func(tx *bolt.Tx) error {
		known = bucket(tx, bktDoc).Get([]byte(hash)) != nil
		pending = bucket(tx, bktPending).Get([]byte(hash)) != nil
		return nil
	})
	return known, pending, err
}

// mark marks a document pending, before its quads are deleted.
func (x *readIndex) mark(hash string) error {
	return x.db.Update(func(tx *bolt.Tx) error {
		return bucket(tx, bktPending).Put([]byte(hash), nil)
	})
}

// remove removes a document's entries and its pending mark.
func (x *readIndex) remove(hash string, quads int64) error {
	return x.db.Update(func(tx *bolt.Tx) error {
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
	return x.db.Update(func(tx *bolt.Tx) error {
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
	d := &r.Document
	h := d.Hash
	var keys idxKeys
	put := func(b []byte, k []byte, v []byte) error {
		keys = append(keys, string(b)+sep+string(k))
		return w.put(b, k, v)
	}
	di := docInfo(d)
	info := encodeDoc(di)
	if err := put(bktDoc, []byte(h), info); err != nil {
		return seq, err
	}
	if pending {
		if err := w.put(bktPending, []byte(h), nil); err != nil {
			return seq, err
		}
	}
	sents := make(map[int]bool)
	for _, e := range r.Entities {
		seq++
		ie := idxEnt{Doc: di, Name: e.Name, Type: e.Type, Kind: e.Kind, Aliases: distinct(e.Aliases), Mentions: len(e.Mentions)}
		for _, m := range e.Merges {
			ie.Merges = append(ie.Merges, MergeText(m))
		}
		ie.Merges = distinct(ie.Merges)
		if err := put(bktEnt, seqKey(e.ID, seq), encodeEnt(ie)); err != nil {
			return seq, err
		}
		var me encoder
		me.int(len(e.Mentions))
		for _, m := range e.Mentions {
			me.int(m.Sentence)
			me.span(schema.Span{Text: m.Text, Start: m.Start, End: m.End})
			if m.Sentence >= 0 && m.Sentence < len(r.Sentences) && !sents[m.Sentence] {
				sents[m.Sentence] = true
				st := r.Sentences[m.Sentence]
				var se encoder
				se.span(schema.Span{Text: st.Text, Start: st.Start, End: st.End})
				if err := put(bktSent, sentKey(h, m.Sentence), se.b); err != nil {
					return seq, err
				}
			}
		}
		if err := put(bktMent, seqKey(e.ID, seq), me.b); err != nil {
			return seq, err
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if err := put(bktName, joinKey(schema.Slug(n), e.ID, h, n), nil); err != nil {
				return seq, err
			}
		}
	}
	for _, c := range indexClaims(r) {
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
	for i, rel := range r.Relations {
		ri := RelationInfo{IRI: schema.PartIRI(h, fmt.Sprintf("r%d", i+1)), Predicate: rel.Predicate,
			Subject: EntityRef{ID: rel.Subject}, Object: EntityRef{ID: rel.Object},
			Evidence: schema.Span{Text: rel.Evidence.Text, Start: rel.Evidence.Start, End: rel.Evidence.End},
			Document: di}
		v := encodeRel(ri)
		for _, id := range distinct([]string{rel.Subject, rel.Object}) {
			if err := put(bktRel, joinKey(id, h, fmt.Sprint(i+1)), v); err != nil {
				return seq, err
			}
		}
	}
	for _, q := range sameAsQuads(r, nil) {
		if !iriIs(q.Predicate, schema.PredSameAs) {
			continue
		}
		from, _ := schema.EntityIDOf(iriString(q.Subject))
		to, _ := schema.EntityIDOf(iriString(q.Object))
		if err := put(bktTie, seqKey(from, seq), []byte(to)); err != nil {
			return seq, err
		}
	}
	seen := make(map[string]bool, len(r.Entities))
	for _, e := range r.Entities {
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
	}{{keyDocs, 1}, {keyClaims, len(r.Claims)}, {keyRelations, len(r.Relations)}} {
		if err := w.count(c.key, c.d); err != nil {
			return seq, err
		}
	}
	var e encoder
	e.strs(keys)
	return seq, w.put(bktKeys, []byte(h), e.b)
}

// docInfo is what the index keeps of a document.
func docInfo(d *schema.Document) DocInfo {
	return DocInfo{Hash: d.Hash, ID: d.ID, Title: d.Title, Date: d.Date, Source: d.Source, URL: d.URL, Path: d.Path}
}

// indexClaims renders a result's claims as the store returns them, with
// entities by ID only.
func indexClaims(r *schema.Result) []ClaimInfo {
	d := &r.Document
	h := d.Hash
	ref := func(id schema.Ref) *EntityRef {
		if id == "" {
			return nil
		}
		return &EntityRef{ID: string(id)}
	}
	responders := make(map[string][]string)
	for _, c := range r.Claims {
		for _, id := range distinct(c.RespondsTo) {
			responders[id] = append(responders[id], string(c.Stance))
		}
	}
	out := make([]ClaimInfo, 0, len(r.Claims))
	for _, c := range r.Claims {
		ci := ClaimInfo{IRI: schema.PartIRI(h, c.ID), ID: c.ID, Claimant: ref(c.Claimant), ClaimantText: c.ClaimantText,
			Stance: string(c.Stance), Cue: schema.Span{Text: c.Cue.Text, Start: c.Cue.Start, End: c.Cue.End},
			Source: c.Source.Text, Target: ref(c.Target), Channel: ref(c.Channel), ChannelText: c.ChannelText,
			About: []EntityRef{}, Date: c.Date, Document: docInfo(d)}
		if !c.Content.IsZero() {
			ci.Content = schema.Span{Text: c.Content.Text, Start: c.Content.Start, End: c.Content.End}
		}
		for _, a := range distinct(c.About) {
			ci.About = append(ci.About, EntityRef{ID: a})
		}
		for _, hd := range c.Hedges {
			ci.Hedges = append(ci.Hedges, hd.Text)
		}
		ci.Hedges = distinct(ci.Hedges)
		for _, id := range distinct(c.RespondsTo) {
			ci.RespondsTo = append(ci.RespondsTo, schema.PartIRI(h, id))
		}
		if ci.Date == "" {
			ci.Date = d.Date
		}
		if c.Sentence >= 0 && c.Sentence < len(r.Sentences) {
			s := r.Sentences[c.Sentence]
			ci.Evidence = schema.Span{Text: s.Text, Start: s.Start, End: s.End}
		}
		if IsAllegation(ci.Stance) {
			ci.Status = Status(responders[c.ID])
		}
		out = append(out, ci)
	}
	return out
}

// distinct returns the strings of ss in order without repeats or empty
// strings.
func distinct[S ~string](ss []S) []string {
	if len(ss) == 0 {
		return nil
	}
	seen := make(map[S]bool, len(ss))
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, string(s))
		}
	}
	return out
}

// scan calls fn for every key of bucket b that starts with prefix \0; fn
// may return errStop to end the scan early.
func scan(b *bolt.Bucket, prefix string, fn func(k, v []byte) error) error {
	return scanBytes(b, append([]byte(prefix), 0), fn)
}

// scanAll calls fn for every key of bucket b.
func scanAll(b *bolt.Bucket, fn func(k, v []byte) error) error { return scanBytes(b, nil, fn) }

func scanBytes(b *bolt.Bucket, p []byte, fn func(k, v []byte) error) error {
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

// idxTx is one read of the index: a bolt read transaction and what it has
// decoded so far.
type idxTx struct {
	ctx   context.Context
	tx    *bolt.Tx
	s     *Store
	names map[string]EntityRef
}

// view runs fn in a read transaction of the index.
func (x *readIndex) view(ctx context.Context, s *Store, fn func(t *idxTx) error) error {
	return x.db.View(func(tx *bolt.Tx) error {
		return fn(&idxTx{ctx: ctx, tx: tx, s: s, names: make(map[string]EntityRef)})
	})
}

var errStop = errors.New("stop")

// ties returns every tie: the ID tied, and the entity it is tied to (the
// first document's word, as in the quads).
func (x *readIndex) ties() (map[string]string, error) {
	out := make(map[string]string)
	err := x.db.View(func(tx *bolt.Tx) error {
		return scanAll(bucket(tx, bktTie), func(k, v []byte) error {
			if from := keyPart(k, 0); out[from] == "" {
				out[from] = string(v)
			}
			return nil
		})
	})
	return out, err
}

// records returns an entity ID's per-document records, oldest first.
func (t *idxTx) records(id string) ([]idxEnt, error) {
	var out []idxEnt
	err := scan(bucket(t.tx, bktEnt), id, func(_, v []byte) error {
		e, err := decodeEnt(v)
		if err != nil {
			return fmt.Errorf("index: entity %s: %w", id, err)
		}
		out = append(out, e)
		return nil
	})
	return out, err
}

// exists reports whether any document mentions the entity ID.
func (t *idxTx) exists(id string) bool {
	return bucket(t.tx, bktEntN).Get([]byte(id)) != nil
}

// ref returns an entity's ID, name and type, after folding a tied ID into
// the entity it is tied to; its name and type are those of its oldest
// record, as in the quads.
func (t *idxTx) ref(id string) (EntityRef, error) {
	if r, ok := t.names[id]; ok {
		return r, nil
	}
	canon, err := t.s.canonicalID(t.ctx, id)
	if err != nil {
		return EntityRef{}, err
	}
	r := EntityRef{ID: canon}
	if r.Name, r.Type, _, err = entityName(t.tx, canon); err != nil {
		return r, err
	}
	t.names[id] = r
	return r, nil
}

// entity merges the records of an entity and of the IDs tied to it.
func (t *idxTx) entity(id string) (EntityInfo, error) {
	e := EntityInfo{ID: id, Aliases: []string{}}
	own, err := t.records(id)
	if err != nil {
		return e, err
	}
	docs := make(map[string]bool)
	// add folds one record in: own records bring their aliases and kind;
	// a tied ID's records bring only their names, as in the quads.
	add := func(r idxEnt, seenMerge map[string]bool, own bool) {
		if own {
			if e.Kind == "" {
				e.Kind = r.Kind
			}
			for _, a := range r.Aliases {
				e.Aliases = appendDistinct(e.Aliases, a)
			}
		}
		if r.Name != e.Name {
			e.Aliases = appendDistinct(e.Aliases, r.Name)
		}
		for _, m := range r.Merges {
			if !seenMerge[m] {
				seenMerge[m] = true
				e.Merges = append(e.Merges, ParseMergeText(m))
			}
		}
		e.Mentions += r.Mentions
		docs[r.Doc.Hash] = true
	}
	if len(own) > 0 {
		e.Name, e.Type = own[0].Name, own[0].Type
	}
	seen := make(map[string]bool)
	for _, r := range own {
		add(r, seen, true)
	}
	tied, err := t.s.tiedIDs(t.ctx, id)
	if err != nil {
		return e, err
	}
	for _, tid := range tied {
		recs, err := t.records(tid)
		if err != nil {
			return e, err
		}
		seen := make(map[string]bool)
		for _, r := range recs {
			add(r, seen, false)
		}
	}
	sort.Strings(e.Aliases)
	e.Documents = len(docs)
	return e, nil
}

func appendDistinct(ss []string, s string) []string {
	if contains(ss, s) {
		return ss
	}
	return append(ss, s)
}

// find returns the IDs whose entity ID, name or alias is name: exact
// matches when there are any, else matches of the name's slug.
func (t *idxTx) find(name string) []string {
	var exact, loose []string
	if t.exists(name) {
		exact = append(exact, name)
	}
	_ = scan(bucket(t.tx, bktName), schema.Slug(name), func(k, _ []byte) error {
		id := keyPart(k, 1)
		if keyPart(k, 3) == name {
			exact = appendDistinct(exact, id)
		}
		loose = appendDistinct(loose, id)
		return nil
	})
	if len(exact) > 0 {
		return exact
	}
	return loose
}

// claim decodes a claim record and fills in the names of the entities it
// refers to.
func (t *idxTx) claim(v []byte) (ClaimInfo, error) {
	c, err := decodeClaim(v)
	if err != nil {
		return c, fmt.Errorf("index: claim: %w", err)
	}
	return c, t.fillNames(&c)
}

// fillNames fills in the names of the entities a decoded claim refers to
// (claimant, target, channel, about), each folded into the entity it is
// tied to.
func (t *idxTx) fillNames(c *ClaimInfo) error {
	var err error
	fill := func(r *EntityRef) (*EntityRef, error) {
		if r == nil {
			return nil, nil
		}
		x, err := t.ref(r.ID)
		return &x, err
	}
	if c.Claimant, err = fill(c.Claimant); err != nil {
		return err
	}
	if c.Target, err = fill(c.Target); err != nil {
		return err
	}
	if c.Channel, err = fill(c.Channel); err != nil {
		return err
	}
	about := make([]EntityRef, 0, len(c.About))
	for _, a := range c.About {
		r, err := t.ref(a.ID)
		if err != nil {
			return err
		}
		dup := false
		for _, x := range about {
			dup = dup || x.ID == r.ID
		}
		if !dup {
			about = append(about, r)
		}
	}
	c.About = about
	// As read from the quads: lists are empty, not absent.
	if c.RespondsTo == nil {
		c.RespondsTo = []string{}
	}
	if c.Hedges == nil {
		c.Hedges = []string{}
	}
	return nil
}

// relation decodes a relation and fills in names and the document.
func (t *idxTx) relation(v []byte) (RelationInfo, error) {
	r, err := decodeRel(v)
	if err != nil {
		return r, fmt.Errorf("index: relation: %w", err)
	}
	if r.Subject, err = t.ref(r.Subject.ID); err != nil {
		return r, err
	}
	r.Object, err = t.ref(r.Object.ID)
	return r, err
}
