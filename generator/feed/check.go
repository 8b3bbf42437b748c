package feed

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// ErrNotAbsolute is wrapped by the error Write returns for a relative URL or id, so a caller
// can tell "set the site's baseURL" apart from other problems with errors.Is.
var ErrNotAbsolute = errors.New("not absolute")

// checkFeed reports the first thing in f that would make the feed invalid Atom.
func checkFeed(f Feed) error {
	if strings.TrimSpace(f.Title) == "" {
		return errors.New("feed: Title is empty; give the feed a title")
	}
	if err := checkID("feed: ID", f.ID); err != nil {
		return err
	}
	if err := checkURL("feed: SelfURL", f.SelfURL); err != nil {
		return err
	}
	if f.SiteURL != "" {
		if err := checkURL("feed: SiteURL", f.SiteURL); err != nil {
			return err
		}
	}
	if len(f.Entries) == 0 && f.Updated.IsZero() {
		return errors.New("feed: no entries and no Updated time; set Feed.Updated so the empty feed has a date")
	}
	owner := map[string]string{} // entry id → name of the entry that has it
	for i, e := range f.Entries {
		name := entryName(i, e)
		if strings.TrimSpace(e.Title) == "" {
			return fmt.Errorf("feed: %s has an empty Title; give it a title", name)
		}
		if err := checkURL("feed: "+name+": URL", e.URL); err != nil {
			return err
		}
		if e.ID != "" {
			if err := checkID("feed: "+name+": ID", e.ID); err != nil {
				return err
			}
		}
		if e.Published.IsZero() {
			return fmt.Errorf("feed: %s has no Published date; give the article a date", name)
		}
		id := e.ID
		if id == "" {
			id = e.URL
		}
		if other, ok := owner[id]; ok {
			return fmt.Errorf("feed: %s and %s share the id %q; ids must be unique", other, name, id)
		}
		owner[id] = name
	}
	return nil
}

// entryName names entry i of the input for an error message: by title, or by its
// 1-based position when the title is blank.
func entryName(i int, e Entry) string {
	if strings.TrimSpace(e.Title) == "" {
		return fmt.Sprintf("entry %d", i+1)
	}
	return fmt.Sprintf("entry %q", e.Title)
}

// checkURL requires s to be an absolute URL with a scheme and a host.
func checkURL(what, s string) error {
	u, err := url.Parse(s)
	if err == nil && u.Scheme != "" && u.Host != "" {
		return nil
	}
	return fmt.Errorf("%s %q is %w: give a scheme and host, as in %q", what, s, ErrNotAbsolute, example(s))
}

// checkID requires s to be an absolute IRI (RFC 4287 §4.2.6): a URL with scheme and host,
// or another scheme's absolute form such as "tag:example.com,2026:articles" or "urn:uuid:…".
func checkID(what, s string) error {
	u, err := url.Parse(s)
	if err == nil && u.Scheme != "" {
		web := u.Scheme == "http" || u.Scheme == "https"
		if u.Host != "" || (!web && u.Opaque != "") {
			return nil
		}
	}
	return fmt.Errorf("%s %q is %w: give an absolute URL or IRI, as in %q", what, s, ErrNotAbsolute, example(s))
}

// example turns a relative reference into the absolute URL it most likely meant, for the
// "as in" part of an error message.
func example(s string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil || u.Scheme != "":
		return "https://example.com/"
	case u.Host != "": // "//host/path"
		return "https:" + s
	default:
		return "https://example.com/" + strings.TrimLeft(s, "/")
	}
}
