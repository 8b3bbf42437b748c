package server

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
)

// sseEvent is one Server-Sent Event as a client sees it.
type sseEvent struct {
	name, data string
	comments   []string
	retry      string
}

// readEvent reads lines up to the next blank line.
func readEvent(t *testing.T, r *bufio.Reader) sseEvent {
	t.Helper()
	var ev sseEvent
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("reading the event stream: %v (got %q so far)", err, line)
		}
		line = strings.TrimSuffix(line, "\n")
		if line == "" {
			return ev
		}
		field, value, _ := strings.Cut(line, ":")
		value = strings.TrimPrefix(value, " ")
		switch field {
		case "":
			ev.comments = append(ev.comments, value)
		case "event":
			ev.name = value
		case "data":
			ev.data = value
		case "retry":
			ev.retry = value
		default:
			t.Fatalf("unexpected field in %q", line)
		}
	}
}

// openStream connects to the event stream and reads its first two events:
// the retry delay and the current state.
func openStream(t *testing.T, url string) (*http.Response, *bufio.Reader, change) {
	t.Helper()
	resp, err := http.Get(url + "/__playbook/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if got := resp.Header.Get("Content-Type"); got != "text/event-stream" {
		t.Fatalf("Content-Type %q, want text/event-stream", got)
	}
	r := bufio.NewReader(resp.Body)
	if ev := readEvent(t, r); ev.retry != "500" {
		t.Fatalf("first event %+v, want retry: 500", ev)
	}
	return resp, r, readChange(t, r)
}

// readChange reads one event, which must be a change, and decodes it.
func readChange(t *testing.T, r *bufio.Reader) change {
	t.Helper()
	ev := readEvent(t, r)
	if ev.name != "change" {
		t.Fatalf("event %+v, want a change", ev)
	}
	var c change
	if err := json.Unmarshal([]byte(ev.data), &c); err != nil {
		t.Fatalf("data %q: %v", ev.data, err)
	}
	if c.Changed == nil || c.Errors == nil {
		t.Fatalf("data %q: changed and errors must be arrays", ev.data)
	}
	return c
}

func TestEvents(t *testing.T) {
	s := New(Options{Root: writeSite(t, map[string]string{"index.html": page})})
	srv := httptest.NewServer(s.Handler())
	// Registered first, so it runs after the streams are closed: Close
	// waits for their handlers, which end when the clients leave.
	t.Cleanup(srv.Close)

	_, stream, first := openStream(t, srv.URL)
	if want := (change{Changed: []string{}, Errors: []string{}}); !reflect.DeepEqual(first, want) {
		t.Fatalf("first change %+v, want %+v", first, want)
	}

	s.Notify(Event{Changed: []string{"/roles/product-owner/", "/css/playbook.css"}})
	if got, want := readChange(t, stream), (change{Changed: []string{"/roles/product-owner/", "/css/playbook.css"}, Errors: []string{}}); !reflect.DeepEqual(got, want) {
		t.Fatalf("after Notify: %+v, want %+v", got, want)
	}

	errs := []string{`roles/po.md:3:7: unknown role "prodct-owner"; did you mean "product-owner"?`, "vision.md:1:1: missing section \"Needs\"\nsecond line"}
	s.Notify(Event{Errors: errs})
	if got := readChange(t, stream); !reflect.DeepEqual(got.Errors, errs) || len(got.Changed) != 0 {
		t.Fatalf("after Notify with errors: %+v", got)
	}

	// A page opened while the build is broken learns the errors at once.
	_, _, late := openStream(t, srv.URL)
	if !reflect.DeepEqual(late.Errors, errs) || len(late.Changed) != 0 {
		t.Fatalf("a new stream's first change: %+v, want the last errors %q", late, errs)
	}

	// A good build clears them, for new streams too.
	s.Notify(Event{Changed: []string{"/"}})
	if got := readChange(t, stream); len(got.Errors) != 0 {
		t.Fatalf("after a good build: %+v", got)
	}
	if _, _, fresh := openStream(t, srv.URL); len(fresh.Errors) != 0 {
		t.Fatalf("a new stream after a good build: %+v", fresh)
	}
}

func TestEventsHead(t *testing.T) {
	w := get(t, New(Options{Root: t.TempDir()}).Handler(), "HEAD", "/__playbook/events")
	if w.Code != http.StatusOK || w.Body.Len() != 0 || w.Header().Get("Content-Type") != "text/event-stream" {
		t.Errorf("HEAD: status %d, body %q, Content-Type %q", w.Code, w.Body, w.Header().Get("Content-Type"))
	}
}

func TestNotifyDropsSlowClient(t *testing.T) {
	s := New(Options{Root: t.TempDir()})
	c := s.subscribe()
	for range clientBacklog { // the state message already fills one slot
		s.Notify(Event{Changed: []string{"/"}})
	}
	if len(s.clients) != 0 {
		t.Fatalf("%d clients left, want the slow one dropped", len(s.clients))
	}
	n := 0
	for range c.msgs {
		n++
	}
	if n != clientBacklog {
		t.Errorf("the dropped client received %d messages, want %d before its channel closed", n, clientBacklog)
	}
}
