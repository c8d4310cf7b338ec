//go:build linux

package bolt

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// releaseMapped tells the kernel that this process no longer needs the
// pages of its memory maps of file: bolt reads its file through a shared,
// read-only map, and every page a write's B-tree search touches stays
// counted in the process's resident memory until the kernel needs it back.
// Dropping them after each committed batch keeps an ingest's resident
// memory to what one batch touches; the pages stay in the page cache, so
// reading them again costs a minor fault, not a disk read. The caller must
// hold the store's write lock, so that no transaction is reading the map.
func releaseMapped(file string) {
	if file == "" {
		// Anonymous maps' lines end in a space too: never match them.
		return
	}
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasSuffix(line, " "+file) {
			continue
		}
		span, _, _ := strings.Cut(line, " ")
		lo, hi, ok := strings.Cut(span, "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(lo, 16, 64)
		end, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		// MADV_DONTNEED on a shared file map only unmaps the pages; a
		// failure leaves them mapped, which is harmless.
		syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), syscall.MADV_DONTNEED)
	}
}
