package content

import (
	"strconv"
	"strings"
)

// Outside is what other pages may show of a page: its title and
// description in the navigation and lists, its order, dates and tags, its
// aliases. serve renders the other pages again after an edit exactly when
// it changes (see build's signature and body-edit fast path), so a field
// that another page shows of a page belongs here, and only here.
type Outside struct {
	Title, Description, Slug, Type string
	Weight                         int
	Date, Lastmod                  int64 // Unix nanoseconds, 0 when unknown
	Draft, Hidden                  bool
	// Tags and Aliases are joined by NUL, which neither can hold, so that
	// the struct compares with ==.
	Tags, Aliases string
}

// Outside returns what other pages may show of p.
func (p *Page) Outside() Outside {
	o := Outside{
		Title: p.Title, Description: p.Description, Slug: p.Slug, Type: p.Type,
		Weight: p.Weight, Draft: p.Draft, Hidden: p.Hidden,
		Tags: strings.Join(p.Tags, "\x00"), Aliases: strings.Join(p.Aliases, "\x00"),
	}
	if !p.Date.IsZero() {
		o.Date = p.Date.UnixNano()
	}
	if !p.Lastmod.IsZero() {
		o.Lastmod = p.Lastmod.UnixNano()
	}
	return o
}

// Append appends o to b for a checksum, each field ended by a NUL. It is
// written by hand because serve sums every page of the site on a save.
func (o Outside) Append(b []byte) []byte {
	for _, s := range []string{o.Title, o.Description, o.Slug, o.Type, o.Tags, o.Aliases} {
		b = append(append(b, s...), 0)
	}
	for _, n := range []int64{int64(o.Weight), o.Date, o.Lastmod} {
		b = append(strconv.AppendInt(b, n, 10), 0)
	}
	return append(b, flag(o.Draft, 'd'), flag(o.Hidden, 'h'))
}

func flag(set bool, c byte) byte {
	if set {
		return c
	}
	return '-'
}
