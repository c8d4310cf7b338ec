package export

import "math"

// position returns a starting position for the i-th node (from 0) on a
// sunflower spiral: evenly spread, deterministic, and computable without
// knowing how many nodes follow. sigma.js and yEd need positions; users
// then run a proper layout (ForceAtlas2, yEd's organic layout).
func position(i int) (x, y float64) {
	const golden = 2.399963229728653 // pi * (3 - sqrt(5))
	r := 60 * math.Sqrt(float64(i))
	a := float64(i) * golden
	return round2(r * math.Cos(a)), round2(r * math.Sin(a))
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// size returns a node size growing with the logarithm of its mentions.
func size(mentions int) float64 {
	if mentions < 1 {
		mentions = 1
	}
	return round2(4 + 3*math.Log2(float64(mentions)+1))
}

// color returns the colour of a node type as "#RRGGBB" and its components.
// The palette is ColorBrewer Set1.
func color(typ string) (hex string, r, g, b uint8) {
	switch typ {
	case "Person":
		return "#E41A1C", 228, 26, 28
	case "Organization":
		return "#377EB8", 55, 126, 184
	case "Place":
		return "#4DAF4A", 77, 175, 74
	case "Nationality":
		return "#984EA3", 152, 78, 163
	case "Claim":
		return "#FF7F00", 255, 127, 0
	}
	return "#999999", 153, 153, 153
}

// edgeColor returns the colour of an edge: denials red, allegations orange,
// everything else grey.
func edgeColor(e *Edge) string {
	switch {
	case e.Stance == "deny" || e.Status == "denied":
		return "#E41A1C"
	case e.Stance == "allege" || e.Status == "alleged":
		return "#FF7F00"
	}
	return "#666666"
}
