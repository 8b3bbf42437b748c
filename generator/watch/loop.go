package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// loop is the watcher's one goroutine: it owns the tree and the pending
// batch, reads the system's events, polls, and offers a batch once it is
// due. Offering is one case of the select among the others, so a slow reader
// never stops events from being read. Batches that come due while the reader
// is busy are folded into the one on offer: the reader gets everything in
// one batch as soon as it is ready, and a burst still in progress waits for
// its own quiet time.
func (w *Watcher) loop() {
	var (
		events <-chan fsnotify.Event
		errs   <-chan error
		ticker *time.Ticker
		tick   <-chan time.Time
		timer  = time.NewTimer(time.Hour)
		offer  *Batch // the due batch, waiting for the reader
	)
	timer.Stop()
	if w.fsw != nil {
		events, errs = w.fsw.Events, w.fsw.Errors
	}
	defer func() {
		timer.Stop()
		if ticker != nil {
			ticker.Stop()
		}
		if w.fsw != nil {
			w.closeErr = w.fsw.Close()
		}
		close(w.batches)
		close(w.errs)
		close(w.stopped)
	}()

	for {
		// Polled folders, and missing ones, are looked at on every tick.
		needTicks := w.tree.polled > 0 || len(w.tree.missing) > 0
		switch {
		case ticker == nil && needTicks:
			ticker = time.NewTicker(w.opts.PollInterval)
			tick = ticker.C
		case ticker != nil && !needTicks:
			ticker.Stop()
			ticker, tick = nil, nil
		}
		var out chan<- Batch
		var next Batch
		if offer != nil {
			out, next = w.batches, *offer
		}
		seq := w.pending.seq

		select {
		case <-w.done:
			return
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			w.handle(ev)
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			w.handleError(err)
		case <-tick:
			w.tree.poll()
			w.tree.revive()
		case <-timer.C:
			if w.pending.empty() {
				continue
			}
			due := w.pending.batch()
			w.pending.reset()
			if offer != nil {
				due = merge(*offer, due)
			}
			offer = &due
			if w.opts.onOffer != nil {
				w.opts.onOffer(due)
			}
			continue
		case out <- next:
			offer = nil
			continue
		}

		w.tree.notice()
		if w.pending.seq != seq {
			timer.Reset(time.Until(w.pending.due()))
		}
	}
}

// handle applies one event from the system: watches follow folders that
// come and go, and the changed path joins the batch unless it is filtered.
func (w *Watcher) handle(ev fsnotify.Event) {
	if ev.Op&^fsnotify.Chmod == 0 {
		return // attributes only: indexers, backup tools, `chmod`
	}
	path := filepath.Clean(ev.Name)
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.tree.drop(path)
	}
	if ev.Has(fsnotify.Create) && w.tree.roots.needsWatch(path) {
		if info, err := os.Lstat(path); err == nil && info.IsDir() {
			w.tree.addTree(path, true)
		}
	}
	w.tree.changedIfWanted(path)
	if ev.Has(fsnotify.Create) && len(w.tree.missing) > 0 {
		w.tree.revive()
	}
}

// handleError applies one error from the system. Lost events cannot be
// recovered one by one, so the batch is marked for a rescan and every folder
// is watched anew.
func (w *Watcher) handleError(err error) {
	if errors.Is(err, fsnotify.ErrEventOverflow) {
		w.pending.markRescan(time.Now())
		w.tree.rescan()
		w.report(fmt.Errorf("watch: events were lost (%w); everything is treated as changed (raise fs.inotify.max_queued_events to avoid this)", err))
		return
	}
	w.report(fmt.Errorf("watch: %w", err))
}
