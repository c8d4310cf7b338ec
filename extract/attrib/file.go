package attrib

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/dossier-project/dossier/extract/internal/hashperc"
)

const magic = "dossier-attrib-4\n"

// magic5 heads the files of a model with a second stage for its cue
// tagger (TrainOptions.Stack): version 4 followed by the stage.
const magic5 = "dossier-attrib-5\n"

// magic3 heads the files of the version before the word clusters, read
// as models without clusters.
const magic3 = "dossier-attrib-3\n"

// Save writes the model: gzip of a magic line, the lexicon, the ambiguity
// classes and the cue vocabulary (sorted), the word clusters, the O bias, and the weight
// tables of the two taggers (16-bit weights, only the rows that are not
// zero). The same model gives the same bytes.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	if m.stack != nil {
		bw.WriteString(magic5)
	} else {
		bw.WriteString(magic)
	}
	var buf [binary.MaxVarintLen64]byte
	putN := func(n int) { bw.Write(buf[:binary.PutUvarint(buf[:], uint64(n))]) }
	putStr := func(s string) {
		putN(len(s))
		bw.WriteString(s)
	}
	putMap := func(mp map[string]string) {
		keys := make([]string, 0, len(mp))
		for k := range mp {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		putN(len(keys))
		for _, k := range keys {
			putStr(k)
			putStr(mp[k])
		}
	}
	putMap(m.lexicon)
	putMap(m.classes)
	putN(len(m.vocab))
	for _, w := range m.vocab {
		putStr(w)
	}
	putMap(m.clusters)
	binary.LittleEndian.PutUint32(buf[:4], uint32(int32(m.oBias*1000)))
	bw.Write(buf[:4])
	for _, t := range []*hashperc.Table{m.cue.emit, m.cue.trans, m.role.emit, m.role.trans} {
		if err := t.Write(bw); err != nil {
			return err
		}
	}
	if m.stack != nil {
		m.stack.write(bw)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || (string(head) != magic && string(head) != magic3 && string(head) != magic5) {
		return nil, errors.New("attribution model: not an attribution model file of this version")
	}
	m, err := load(br, string(head) != magic3)
	if err == nil && string(head) == magic5 {
		m.stack, err = readStacker(br)
	}
	if err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	return m, nil
}

func load(br *bufio.Reader, withClusters bool) (*Model, error) {
	getN := func(limit uint64) (int, error) {
		n, err := binary.ReadUvarint(br)
		if err == nil && n > limit {
			err = fmt.Errorf("count %d over %d", n, limit)
		}
		return int(n), err
	}
	str := func() (string, error) {
		k, err := getN(1 << 10)
		if err != nil {
			return "", err
		}
		b := make([]byte, k)
		_, err = io.ReadFull(br, b)
		return string(b), err
	}
	getMap := func() (map[string]string, error) {
		n, err := getN(1 << 20)
		if err != nil {
			return nil, err
		}
		mp := make(map[string]string, n)
		for i := 0; i < n; i++ {
			k, err := str()
			if err != nil {
				return nil, err
			}
			v, err := str()
			if err != nil {
				return nil, err
			}
			mp[k] = v
		}
		return mp, nil
	}
	m := &Model{}
	var err error
	if m.lexicon, err = getMap(); err != nil {
		return nil, err
	}
	if m.classes, err = getMap(); err != nil {
		return nil, err
	}
	nv, err := getN(1 << 20)
	if err != nil {
		return nil, err
	}
	m.vocab = make([]string, nv)
	for i := range m.vocab {
		if m.vocab[i], err = str(); err != nil {
			return nil, err
		}
	}
	if withClusters {
		if m.clusters, err = getMap(); err != nil {
			return nil, err
		}
	}
	var b4 [4]byte
	if _, err := io.ReadFull(br, b4[:]); err != nil {
		return nil, err
	}
	m.oBias = float32(int32(binary.LittleEndian.Uint32(b4[:]))) / 1000
	var tabs [4]*hashperc.Table
	for i := range tabs {
		if tabs[i], err = hashperc.Read(br); err != nil {
			return nil, err
		}
	}
	if tabs[0].N != nCueTags || tabs[1].N != nCueTags || tabs[2].N != nRoleTags || tabs[3].N != nRoleTags ||
		len(tabs[1].W) < (nCueTags+1)*nCueTags || len(tabs[3].W) < (nRoleTags+1)*nRoleTags {
		return nil, errors.New("tables of the wrong shape")
	}
	m.cue = &tagger{nt: nCueTags, emit: tabs[0], score: tabs[0].Pack(), trans: tabs[1], allowed: cueAllowed()}
	m.role = &tagger{nt: nRoleTags, emit: tabs[2], score: tabs[2].Pack(), trans: tabs[3], allowed: roleAllowed()}
	m.index()
	return m, nil
}

//go:embed model.bin
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model (model.bin), loaded once.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(embedded))
	})
	return defaultModel, defaultErr
}
