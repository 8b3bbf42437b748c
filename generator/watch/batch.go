package watch

import (
	"sort"
	"time"
)

// Batch is one set of changes, sent once the file system has been quiet for
// Options.Debounce (or Options.MaxWait after its first change).
type Batch struct {
	// Paths are the absolute, cleaned paths that were created, written,
	// removed or renamed (both the old and the new name), sorted and without
	// duplicates. A folder's path stands for everything beneath it: a folder
	// renamed away or removed may be the only trace of the files it held.
	Paths []string

	// Rescan reports that the system dropped events (its event queue
	// overflowed), so Paths may be incomplete and the caller should treat
	// everything it watches as changed.
	Rescan bool
}

// pending is the batch being gathered: a set of paths and the times that
// decide when it is due.
type pending struct {
	debounce, maxWait time.Duration

	paths       map[string]struct{}
	rescan      bool
	first, last time.Time
	seq         uint64 // counts changes, so the loop can tell that some arrived
}

func newPending(debounce, maxWait time.Duration) *pending {
	return &pending{debounce: debounce, maxWait: maxWait, paths: map[string]struct{}{}}
}

// add records a change to path at time now.
func (p *pending) add(path string, now time.Time) {
	p.touch(now)
	p.paths[path] = struct{}{}
}

// markRescan records at time now that events were lost.
func (p *pending) markRescan(now time.Time) {
	p.touch(now)
	p.rescan = true
}

func (p *pending) touch(now time.Time) {
	if p.empty() {
		p.first = now
	}
	p.last = now
	p.seq++
}

func (p *pending) empty() bool { return len(p.paths) == 0 && !p.rescan }

// due is when the batch should be sent: after the quiet time that follows its
// last change, or at the latest MaxWait after its first one.
func (p *pending) due() time.Time {
	quiet := p.last.Add(p.debounce)
	if latest := p.first.Add(p.maxWait); latest.Before(quiet) {
		return latest
	}
	return quiet
}

// batch returns the gathered changes as a Batch.
func (p *pending) batch() Batch {
	b := Batch{Paths: make([]string, 0, len(p.paths)), Rescan: p.rescan}
	for path := range p.paths {
		b.Paths = append(b.Paths, path)
	}
	sort.Strings(b.Paths)
	return b
}

// reset empties the set once its batch has been taken.
func (p *pending) reset() {
	clear(p.paths)
	p.rescan = false
}

// merge returns the union of two batches.
func merge(a, b Batch) Batch {
	m := Batch{Paths: make([]string, 0, len(a.Paths)+len(b.Paths)), Rescan: a.Rescan || b.Rescan}
	i, j := 0, 0
	for i < len(a.Paths) || j < len(b.Paths) {
		switch {
		case j == len(b.Paths) || (i < len(a.Paths) && a.Paths[i] < b.Paths[j]):
			m.Paths = append(m.Paths, a.Paths[i])
			i++
		case i == len(a.Paths) || b.Paths[j] < a.Paths[i]:
			m.Paths = append(m.Paths, b.Paths[j])
			j++
		default: // the same path in both
			m.Paths = append(m.Paths, a.Paths[i])
			i++
			j++
		}
	}
	return m
}
