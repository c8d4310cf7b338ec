package text

// CodePoints maps each byte offset of s to its code-point offset: at[i] is
// the number of code points before byte i, for every i from 0 to len(s)
// that starts a rune or is len(s) (the other entries, inside a multi-byte
// rune, are 0). Regular expressions match strings in bytes; dossier's spans
// count code points.
func CodePoints(s string) []int {
	at := make([]int, len(s)+1)
	n := 0
	for i := range s {
		at[i] = n
		n++
	}
	at[len(s)] = n
	return at
}
