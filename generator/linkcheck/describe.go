package linkcheck

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"
)

// statusMessage is the message for a response that is not 2xx: "404 Not Found".
func statusMessage(code int) string {
	if text := http.StatusText(code); text != "" {
		return fmt.Sprintf("%d %s", code, text)
	}
	return fmt.Sprintf("HTTP status %d", code)
}

// failure turns the error of a request that got no usable response into an attempt with a
// short message an author can act on, rather than Go's "Head \"…\": dial tcp …" chain.
// ctx is the caller's context: when it is done the request was cancelled, not timed out.
func failure(ctx context.Context, err error, timeout time.Duration) attempt {
	var (
		loop *redirectLoopError
		dns  *net.DNSError
		cert *tls.CertificateVerificationError
	)
	switch {
	case ctx.Err() != nil:
		return attempt{err: ctx.Err().Error()}
	case errors.Is(err, errTooManyRedirects):
		return attempt{err: errTooManyRedirects.Error()}
	case errors.As(err, &loop):
		return attempt{err: loop.Error()}
	case errors.Is(err, context.DeadlineExceeded), isTimeout(err):
		return attempt{err: "timeout after " + timeout.String(), retry: true}
	case errors.As(err, &dns):
		if dns.IsNotFound {
			return attempt{err: "no such host"}
		}
		return attempt{err: "DNS lookup failed", retry: true}
	case errors.As(err, &cert):
		return attempt{err: "invalid TLS certificate: " + cert.Err.Error()}
	case errors.Is(err, syscall.ECONNREFUSED):
		return attempt{err: "connection refused", retry: true}
	case errors.Is(err, syscall.ECONNRESET):
		return attempt{err: "connection reset by server", retry: true, hungUp: true}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return attempt{err: "connection closed by server", retry: true, hungUp: true}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return attempt{err: err.Error(), retry: true}
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}
