//go:build race

package pipeline_test

// raceEnabled: the race detector turns on Go's checkptr, which boltdb/bolt
// v1.3.1 (under Cayley's bolt backend) fails when it creates a store.
const raceEnabled = true
