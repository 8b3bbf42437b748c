//go:build race

package build_test

// raceDetector is true when the tests run with -race, which makes the
// tests of huge inputs far too slow to be worth it.
const raceDetector = true
