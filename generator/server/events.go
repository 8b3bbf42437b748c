package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"time"
)

const (
	// pingInterval spaces the comments that keep an idle stream open
	// through proxies and let a write notice a vanished client.
	pingInterval = 15 * time.Second
	// streamWriteTimeout bounds each write to a stream, so a client that
	// stopped reading cannot hold its handler (and a shutdown) forever.
	streamWriteTimeout = 10 * time.Second
	// clientBacklog is how many messages a stream may fall behind before it
	// is dropped; its page reconnects by itself.
	clientBacklog = 32
)

// client is one open live-reload stream.
type client struct {
	msgs chan []byte // closed when the server drops the client
}

// change is the JSON data of a "change" event.
type change struct {
	Changed []string `json:"changed"`
	Errors  []string `json:"errors"`
}

// Notify sends ev to every open live-reload stream and remembers its Errors
// for streams opened later, so a page loaded while the build is broken shows
// the overlay at once.
func (s *Server) Notify(ev Event) {
	msg := changeMessage(ev.Changed, ev.Errors)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastErrors = slices.Clone(ev.Errors)
	for c := range s.clients {
		select {
		case c.msgs <- msg:
		default:
			delete(s.clients, c)
			close(c.msgs)
			s.logf("live reload: dropped a client that fell %d messages behind", clientBacklog)
		}
	}
}

// changeMessage encodes one "change" event; nil lists become [] so that the
// script can rely on arrays.
func changeMessage(changed, errs []string) []byte {
	data, _ := json.Marshal(change{ // cannot fail: two lists of strings
		Changed: nonNil(changed),
		Errors:  nonNil(errs),
	})
	msg := make([]byte, 0, len(data)+32)
	msg = append(msg, "event: change\ndata: "...)
	msg = append(msg, data...)
	return append(msg, "\n\n"...)
}

func nonNil(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

// subscribe registers a new stream. Its first message is the current state
// (no change, the last errors): a page that reconnects after the server
// restarted drops an overlay that is no longer true.
func (s *Server) subscribe() *client {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := &client{msgs: make(chan []byte, clientBacklog)}
	c.msgs <- changeMessage(nil, s.lastErrors)
	s.clients[c] = struct{}{}
	return c
}

func (s *Server) unsubscribe(c *client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.clients, c)
}

// serveEvents streams change events until the client leaves, the server
// drops it, or the request's context ends (Serve cancels it on shutdown).
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	rc := http.NewResponseController(w)
	write := func(b []byte) bool {
		// Replace the server's deadline, if any, with one per write: the
		// stream itself lives as long as the page.
		if err := rc.SetWriteDeadline(time.Now().Add(streamWriteTimeout)); err != nil && !errors.Is(err, http.ErrNotSupported) {
			return false
		}
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	c := s.subscribe()
	defer s.unsubscribe(c)
	w.WriteHeader(http.StatusOK)
	if !write([]byte("retry: 500\n\n")) {
		return
	}
	ping := time.NewTicker(pingInterval)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg, ok := <-c.msgs:
			if !ok || !write(msg) {
				return
			}
		case <-ping.C:
			if !write([]byte(": ping\n\n")) {
				return
			}
		}
	}
}
