//go:build unix

package bolt

import (
	"errors"
	"os"
	"syscall"

	"github.com/dossier-project/dossier/graph"
)

// checkUnlocked fails with graph.ErrLocked when another process (or another
// Store in this one) holds the bolt file. bolt itself would wait forever:
// Cayley opens it without a timeout.
func checkUnlocked(file string) error {
	f, err := os.OpenFile(file, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return graph.ErrLocked
		}
		return err
	}
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}

// lockFile takes an exclusive lock on f, held until f is closed, or fails
// with graph.ErrLocked when another process (or another open file) holds it.
func lockFile(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return graph.ErrLocked
	}
	return err
}
