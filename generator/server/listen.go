package server

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	// portTries is how many ports after the asked one Listen tries.
	portTries         = 20
	readHeaderTimeout = 10 * time.Second
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
	// shutdownTimeout bounds how long Serve waits for requests in flight.
	shutdownTimeout = 5 * time.Second
)

// Listen opens a TCP listener on bind (a host such as "127.0.0.1") and port.
// If the port is in use it says so through Logf ("port 1313 is in use; using
// 1314") and tries the next ones, up to port+20. Port 0 picks any free port.
// A bind that is not a loopback address is also accepted as a Host header.
func (s *Server) Listen(bind string, port int) (net.Listener, error) {
	if port < 0 || port > 65535 {
		return nil, fmt.Errorf("port %d is out of range: use 1 to 65535 (0 takes any free port)", port)
	}
	last := port
	if port != 0 {
		last = min(port+portTries, 65535)
	}
	var err error
	for p := port; p <= last; p++ {
		var l net.Listener
		l, err = net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p)))
		if err == nil {
			if p != port {
				s.logf("port %d is in use; using %d", port, p)
			}
			s.mu.Lock()
			s.bind = bind
			s.mu.Unlock()
			return l, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("listening on %q: %w", net.JoinHostPort(bind, strconv.Itoa(p)), err)
		}
	}
	return nil, fmt.Errorf("ports %d to %d on %q are all in use: %w", port, last, bind, err)
}

// Serve serves the site on l until ctx is done, then shuts down cleanly: it
// ends the live-reload streams, lets requests in flight finish (for up to
// five seconds), closes l and returns nil once no connection is left. Any
// other failure to serve is returned.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	// Every request's context derives from streams, so cancelling it ends
	// the event streams, which would otherwise keep Shutdown waiting.
	streams, endStreams := context.WithCancel(context.Background())
	defer endStreams()
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		BaseContext:       func(net.Listener) context.Context { return streams },
		ErrorLog:          log.New(logWriter(s.logf), "", 0),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	select {
	case err := <-served:
		return fmt.Errorf("serving on %s: %w", l.Addr(), err)
	case <-ctx.Done():
	}
	endStreams()
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		s.logf("stopping the server: %v; closing the remaining connections", err)
		srv.Close()
	}
	<-served // http.ErrServerClosed
	return nil
}

// logWriter turns the http.Server's log lines into Logf calls.
type logWriter func(format string, args ...any)

func (f logWriter) Write(p []byte) (int, error) {
	f("%s", strings.TrimSuffix(string(p), "\n"))
	return len(p), nil
}
