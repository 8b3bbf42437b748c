package server

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// hostAllowed reports whether the request names this server in its Host
// header. A web page on another site can make the browser resolve its own
// host name to 127.0.0.1 (DNS rebinding) and then read the preview as
// same-origin; such requests carry that foreign name, so only loopback
// names, the machine's own names and addresses, the address the connection
// arrived on and the bind address are accepted.
func (s *Server) hostAllowed(r *http.Request) bool {
	host := hostName(r.Host)
	if host == "" {
		return false
	}
	if host == "localhost" || s.machine.hasName(host) {
		return true
	}
	ip, err := netip.ParseAddr(host)
	if err == nil {
		ip = ip.Unmap().WithZone("")
		if ip.IsLoopback() || s.machine.hasAddr(ip) && !ip.IsUnspecified() {
			return true
		}
		if local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
			if lip, ok := addrIP(local); ok && lip == ip {
				return true
			}
		}
	}
	bind := hostName(s.bindAddr())
	if bind == "" {
		return false
	}
	if bip, err := netip.ParseAddr(bind); err == nil {
		// An unspecified bind (0.0.0.0, ::) is covered by the connection's
		// own address above; it must not match a Host of "0.0.0.0".
		return !bip.IsUnspecified() && ip.IsValid() && bip.Unmap().WithZone("") == ip
	}
	return host == bind
}

// hostRefusal is the body of the answer to a request with a foreign Host:
// it says which names to use instead.
func (s *Server) hostRefusal(r *http.Request) string {
	ways := "localhost or 127.0.0.1"
	if s.machine.hostname != "" {
		ways = "localhost, 127.0.0.1 or " + s.machine.hostname
	}
	return fmt.Sprintf("403 forbidden: %q is not a name of this machine, so the request may come from a page that rebinds its DNS name; open the preview through %s\n", r.Host, ways)
}

// hostName returns the host of a Host header value or a bind address,
// lower-cased, without port, brackets or a trailing dot.
func hostName(hostport string) string {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimPrefix(host, "[")
	host = strings.TrimSuffix(host, "]")
	host = strings.TrimSuffix(host, ".")
	return strings.ToLower(host)
}

// addrIP returns the IP of a TCP address.
func addrIP(a net.Addr) (netip.Addr, bool) {
	ap, err := netip.ParseAddrPort(a.String())
	if err != nil {
		return netip.Addr{}, false
	}
	return ap.Addr().Unmap().WithZone(""), true
}

func (s *Server) bindAddr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bind
}
