package linkcheck

import (
	"context"
	"net/http"
	"net/url"
	"testing"
)

func TestIgnored(t *testing.T) {
	for _, tc := range []struct {
		pattern, url string
		want         bool
	}{
		{"https://intranet.example.com/", "https://intranet.example.com/wiki/page", true},
		{"https://intranet.example.com/", "http://intranet.example.com/wiki/page", false},
		{"*.example.com", "https://api.example.com/v1/users?id=3", true},
		{"*.example.com", "https://example.com/", false},
		{"*.example.com", "https://API.Example.com", true},
		{"example.com/*", "https://example.com", true},
		{"example.com/*", "https://example.com/a/b", true},
		{"github.com/acme/*", "https://github.com/acme/tool/issues/1", true},
		{"github.com/acme/*", "https://github.com/acmecorp/tool", false},
		{"github.com/*/private", "https://github.com/acme/private/x", true},
		{"github.com/*/private", "https://github.com/acme/private-not", false},
		{"localhost:*", "http://localhost:8080/admin", true},
		{"example.com/a%20b", "https://example.com/a%20b/c", true},
		{"", "https://example.com/", false},
	} {
		u, msg := parseLink(tc.url)
		if msg != "" {
			t.Fatalf("parseLink(%q): %s", tc.url, msg)
		}
		if got := ignored(tc.url, u, []string{tc.pattern}); got != tc.want {
			t.Errorf("pattern %q, URL %q: ignored = %v, want %v", tc.pattern, tc.url, got, tc.want)
		}
	}
}

func TestIgnoredLinksAreNeitherFetchedNorReported(t *testing.T) {
	s := serve(t, func(http.ResponseWriter, *http.Request) {})
	u, _ := url.Parse(s.URL)
	o := fastOptions(t)
	o.Ignore = []string{s.URL + "/private/", u.Host + "/drafts/*"}
	links := []Link{
		{URL: s.URL + "/private/a", File: "a.md"},
		{URL: s.URL + "/drafts/b", File: "a.md"},
		{URL: s.URL + "/public", File: "a.md"},
	}
	rs, err := Check(context.Background(), links, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].URL != s.URL+"/public" {
		t.Errorf("results = %+v, want only /public", rs)
	}
	wantRequests(t, s, "HEAD /public")
}

func TestBadIgnorePattern(t *testing.T) {
	_, err := Check(context.Background(), nil, Options{Ignore: []string{"[a-"}})
	want := `linkcheck: ignore pattern "[a-": syntax error in pattern`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}
