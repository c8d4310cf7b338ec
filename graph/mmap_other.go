//go:build !linux

package graph

// releaseMapped does nothing outside Linux.
func releaseMapped(string) {}
