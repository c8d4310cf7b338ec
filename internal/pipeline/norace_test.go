//go:build !race

package pipeline_test

// raceEnabled is false: see race_test.go.
const raceEnabled = false
