package gitinfo

import (
	"strings"
	"testing"
	"time"
)

func TestParseLog(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     map[string]string
	}{
		{
			name: "newest commit wins",
			in: "\x002024-02-01T00:00:00Z\x00\na.md\x00b c.md\x00" +
				"\x002024-01-01T00:00:00+01:00\x00\na.md\x00d.md\x00",
			want: map[string]string{
				"a.md":   "2024-02-01T00:00:00Z",
				"b c.md": "2024-02-01T00:00:00Z",
				"d.md":   "2024-01-01T00:00:00+01:00",
			},
		},
		{
			name: "commit without paths",
			in: "\x002024-03-01T00:00:00Z\x00" +
				"\x002024-02-01T00:00:00Z\x00\na.md\x00",
			want: map[string]string{"a.md": "2024-02-01T00:00:00Z"},
		},
		{
			name: "path that starts with a newline",
			in:   "\x002024-02-01T00:00:00Z\x00\n\nodd.md\x00\nsecond.md\x00",
			want: map[string]string{
				"\nodd.md":    "2024-02-01T00:00:00Z",
				"\nsecond.md": "2024-02-01T00:00:00Z",
			},
		},
		{
			name: "last field without its NUL",
			in:   "\x002024-02-01T00:00:00Z\x00\na.md",
			want: map[string]string{"a.md": "2024-02-01T00:00:00Z"},
		},
		{
			name: "no output",
			in:   "",
			want: map[string]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseLog(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			assertDates(t, got.Dates, tt.want)
		})
	}
}

// TestParseLogLastCommit reads the newest commit's hash and date from the
// first header, whether or not it lists paths.
func TestParseLogLastCommit(t *testing.T) {
	t.Parallel()
	got, err := parseLog(strings.NewReader("\x002024-03-01T00:00:00Z 0123abcd\x00" +
		"\x002024-02-01T00:00:00+01:00 4567ef01\x00\na.md\x00"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Last.Hash != "0123abcd" || got.Last.Date.Format(time.RFC3339) != "2024-03-01T00:00:00Z" {
		t.Errorf("last commit %+v, want 0123abcd of 2024-03-01", got.Last)
	}
	assertDates(t, got.Dates, map[string]string{"a.md": "2024-02-01T00:00:00+01:00"})
}

func TestParseLogErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{
			name: "bad date",
			in:   "\x00yesterday\x00\na.md\x00",
			want: `author date: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`,
		},
		{
			name: "path before any commit",
			in:   "a.md\x00",
			want: `path "a.md" before any commit`,
		},
		{
			name: "header cut short",
			in:   "\x002024-02-01T00:00:00Z\x00\na.md\x00\x00",
			want: "output ends inside a commit header",
		},
		{
			name: "path too long",
			in:   "\x002024-02-01T00:00:00Z\x00\n" + strings.Repeat("x", maxField+1),
			want: "bufio.Scanner: token too long",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseLog(strings.NewReader(tt.in))
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v, want %s", err, tt.want)
			}
		})
	}
}

func FuzzParseLog(f *testing.F) {
	f.Add("\x002024-02-01T00:00:00Z\x00\na.md\x00b c.md\x00\x002024-01-01T00:00:00+01:00\x00\na.md\x00")
	f.Add("\x002024-03-01T00:00:00Z\x00\x002024-02-01T00:00:00Z\x00\n\nodd.md\x00")
	f.Add("a.md\x00")
	f.Fuzz(func(t *testing.T, in string) {
		info, err := parseLog(strings.NewReader(in))
		if err != nil {
			return
		}
		for name := range info.Dates {
			if name == "" || strings.ContainsRune(name, 0) {
				t.Errorf("path %q from %q", name, in)
			}
		}
	})
}
