package bolt

// Sorted runs on disk, and their merge, for a bulk build's read index
// (indexruns.go) and index lists (listruns.go).

import (
	"bufio"
	"container/heap"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// runFiles are a build's runs of one kind: files NAME.run.N in dir,
// oldest first.
type runFiles struct {
	dir, name string
	paths     []string
}

// write writes a new run, whose records fn writes to w.
func (r *runFiles) write(fn func(w *bufio.Writer)) error {
	path := filepath.Join(r.dir, r.name+".run."+strconv.Itoa(len(r.paths)))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fn(w)
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	r.paths = append(r.paths, path)
	return nil
}

// runMergeOf merges sources of type S: a heap of them, each at its
// current entry, least first by less; next moves a source to its next
// entry and returns io.EOF at its end.
type runMergeOf[S any] struct {
	h     []S
	less  func(a, b S) bool
	next  func(s S) error
	files []*os.File
}

func (m *runMergeOf[S]) Len() int           { return len(m.h) }
func (m *runMergeOf[S]) Less(i, j int) bool { return m.less(m.h[i], m.h[j]) }
func (m *runMergeOf[S]) Swap(i, j int)      { m.h[i], m.h[j] = m.h[j], m.h[i] }
func (m *runMergeOf[S]) Push(x any)         { m.h = append(m.h, x.(S)) }
func (m *runMergeOf[S]) Pop() any {
	s := m.h[len(m.h)-1]
	m.h = m.h[:len(m.h)-1]
	return s
}

// push adds a source at its first entry.
func (m *runMergeOf[S]) push(s S) error {
	switch err := m.next(s); err {
	case nil:
		heap.Push(m, s)
		return nil
	case io.EOF:
		return nil
	default:
		return err
	}
}

// advance moves the least source past its entry.
func (m *runMergeOf[S]) advance() error {
	switch err := m.next(m.h[0]); err {
	case nil:
		heap.Fix(m, 0)
		return nil
	case io.EOF:
		heap.Pop(m)
		return nil
	default:
		return err
	}
}

// openRuns opens the runs of r, oldest first, and adds to m the source
// that src makes of each (i is its age); on error it closes what it
// opened.
func openRuns[S any](r *runFiles, m *runMergeOf[S], src func(i int, rd *bufio.Reader) S) error {
	for i, path := range r.paths {
		f, err := os.Open(path)
		if err != nil {
			m.close()
			return err
		}
		m.files = append(m.files, f)
		if err := m.push(src(i, bufio.NewReaderSize(f, 256<<10))); err != nil {
			m.close()
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return nil
}

// close closes the run files.
func (m *runMergeOf[S]) close() {
	for _, f := range m.files {
		f.Close()
	}
}
