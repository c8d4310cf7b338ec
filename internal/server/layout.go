package server

import (
	"math"
)

// point is a position in the plane.
type point struct{ X, Y float64 }

// layout places n nodes joined by edges (pairs of node indexes) with the
// force-directed algorithm of Fruchterman and Reingold (1991): every pair
// of nodes repels, every edge attracts, and a temperature that cools
// linearly bounds how far a node moves in one step. Node 0 is pinned at
// the origin. The start is deterministic (rings by ring[i], the distance
// from node 0), so the same graph is always drawn the same way. The
// result fits roughly in a square of side 2.2*sqrt(n) units, and no two
// nodes are closer than minGap.
func layout(n int, edges [][2]int, ring []int, iterations int) []point {
	pos := make([]point, n)
	if n <= 1 {
		return pos
	}
	// Start on concentric rings, spread evenly around each.
	byRing := make(map[int][]int)
	for i := 1; i < n; i++ {
		r := 1
		if i < len(ring) && ring[i] > 0 {
			r = ring[i]
		}
		byRing[r] = append(byRing[r], i)
	}
	for r, idx := range byRing {
		for k, i := range idx {
			a := 2*math.Pi*float64(k)/float64(len(idx)) + 0.5*float64(r)
			rad := float64(r) * math.Sqrt(float64(n)) * 0.6
			pos[i] = point{rad * math.Cos(a), rad * math.Sin(a)}
		}
	}
	k := 2.2 // ideal edge length, in units
	side := k * math.Sqrt(float64(n))
	temp := side / 8
	disp := make([]point, n)
	for it := 0; it < iterations; it++ {
		for i := range disp {
			disp[i] = point{}
		}
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				dx, dy := pos[i].X-pos[j].X, pos[i].Y-pos[j].Y
				d := math.Hypot(dx, dy)
				if d < 1e-6 {
					// Coincident nodes: push apart in a fixed direction.
					dx, dy, d = 1e-3*float64(i-j), 1e-3, 1e-3
				}
				f := k * k / d
				disp[i].X += dx / d * f
				disp[i].Y += dy / d * f
				disp[j].X -= dx / d * f
				disp[j].Y -= dy / d * f
			}
		}
		for _, e := range edges {
			i, j := e[0], e[1]
			if i == j || i < 0 || j < 0 || i >= n || j >= n {
				continue
			}
			dx, dy := pos[i].X-pos[j].X, pos[i].Y-pos[j].Y
			d := math.Hypot(dx, dy)
			if d < 1e-6 {
				continue
			}
			f := d * d / k
			disp[i].X -= dx / d * f
			disp[i].Y -= dy / d * f
			disp[j].X += dx / d * f
			disp[j].Y += dy / d * f
		}
		// A weak pull to the centre keeps unconnected parts in view.
		for i := 1; i < n; i++ {
			disp[i].X -= gravity * pos[i].X * k
			disp[i].Y -= gravity * pos[i].Y * k
		}
		for i := 1; i < n; i++ {
			d := math.Hypot(disp[i].X, disp[i].Y)
			if d < 1e-9 {
				continue
			}
			step := math.Min(d, temp)
			pos[i].X += disp[i].X / d * step
			pos[i].Y += disp[i].Y / d * step
		}
		temp *= 1 - 1/float64(iterations)
		if temp < 0.01 {
			temp = 0.01
		}
	}
	separate(pos, minGap)
	return pos
}

// minGap is the least distance between two nodes after layout, in units:
// room for two circles and their labels.
const minGap = 1.4

// gravity is the strength of the pull towards node 0.
const gravity = 0.04

// separate pushes apart nodes closer than gap, a few rounds, leaving node 0
// where it is.
func separate(pos []point, gap float64) {
	for round := 0; round < 100; round++ {
		moved := false
		for i := range pos {
			for j := i + 1; j < len(pos); j++ {
				dx, dy := pos[j].X-pos[i].X, pos[j].Y-pos[i].Y
				d := math.Hypot(dx, dy)
				if d >= gap {
					continue
				}
				moved = true
				if d < 1e-6 {
					dx, dy, d = float64(j), 1, math.Hypot(float64(j), 1)
				}
				push := (gap - d) / 2 * 1.01
				ux, uy := dx/d*push, dy/d*push
				if i == 0 {
					ux, uy = 2*ux, 2*uy
				} else {
					pos[i].X -= ux
					pos[i].Y -= uy
				}
				pos[j].X += ux
				pos[j].Y += uy
			}
		}
		if !moved {
			return
		}
	}
}
