package server

import (
	"context"
	"net"
	"net/netip"
	"os"
	"strings"
	"sync"
	"time"
)

// machine is what names the computer the preview runs on: its host name
// and the addresses of its network interfaces. A teammate who opens the
// preview of `serve --bind 0.0.0.0` types one of them; a page that rebinds
// its own DNS name to the machine's address does not, so these are safe to
// accept where any other name is not.
type machine struct {
	hostname string // as os.Hostname says, "" when it cannot
	addrs    []netip.Addr

	mu    sync.Mutex
	names map[string]bool // lower-case names without a trailing dot
}

// thisMachine reads the host name and interface addresses. Names that only
// reverse DNS knows (mybox.fritz.box) are looked up in the background, so
// that a slow resolver never holds up the server's start.
func thisMachine() *machine {
	m := &machine{names: map[string]bool{}}
	if h, err := os.Hostname(); err == nil && h != "" {
		m.hostname = strings.ToLower(strings.TrimSuffix(h, "."))
		short, _, _ := strings.Cut(m.hostname, ".")
		for _, n := range []string{m.hostname, short, short + ".local"} {
			m.names[n] = true
		}
	}
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if p, err := netip.ParsePrefix(a.String()); err == nil {
				m.addrs = append(m.addrs, p.Addr().Unmap())
			}
		}
	}
	go m.lookUpNames()
	return m
}

// lookUpNames adds the names reverse DNS gives the LAN addresses.
func (m *machine) lookUpNames() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, a := range m.LANAddrs() {
		names, err := net.DefaultResolver.LookupAddr(ctx, a.String())
		if err != nil {
			continue
		}
		m.mu.Lock()
		for _, n := range names {
			m.names[strings.ToLower(strings.TrimSuffix(n, "."))] = true
		}
		m.mu.Unlock()
	}
}

// hasName reports whether host, lower-cased, is a name of this machine.
func (m *machine) hasName(host string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.names[host]
}

// hasAddr reports whether ip is an address of one of the interfaces.
func (m *machine) hasAddr(ip netip.Addr) bool {
	for _, a := range m.addrs {
		if a == ip {
			return true
		}
	}
	return false
}

// LANAddrs are the addresses other machines can reach this one at: not
// loopback, not link-local, IPv4 first.
func (m *machine) LANAddrs() []netip.Addr {
	var v4, v6 []netip.Addr
	for _, a := range m.addrs {
		switch {
		case a.IsLoopback(), a.IsLinkLocalUnicast(), a.IsUnspecified(), a.IsMulticast():
		case a.Is4():
			v4 = append(v4, a)
		default:
			v6 = append(v6, a)
		}
	}
	return append(v4, v6...)
}

// NetworkHosts returns what other machines can type to reach a server
// bound to every interface: this machine's name, when it has one, then
// its LAN addresses.
func (s *Server) NetworkHosts() []string {
	var hosts []string
	if s.machine.hostname != "" {
		hosts = append(hosts, s.machine.hostname)
	}
	for _, a := range s.machine.LANAddrs() {
		hosts = append(hosts, a.String())
	}
	return hosts
}
