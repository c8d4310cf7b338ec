//go:build !linux

package bolt

// releaseMapped does nothing outside Linux.
func releaseMapped(string) {}
