package gitinfo

// With -z, git ends every path with a NUL and never quotes it, and the format
// below starts each commit with a NUL of its own. The stream is therefore a
// list of NUL-ended fields:
//
//	"" date "\npath" "path" ... "" date "\npath" ...
//
// An empty field starts a commit (no path is empty), the next field is its
// author date, and the first path carries the newline git puts between a
// commit's header and its file list. A commit without paths is just "" date.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"
)

// commitFormat is git's --format for the header of each commit.
const commitFormat = "%x00%aI"

// maxField bounds one path in git's output; longer is not a real path.
const maxField = 1 << 20

// parseLog reads git log output in the form above and returns the first date
// seen for each path. Git lists the newest commit first, so the first date is
// the last time the path changed.
func parseLog(r io.Reader) (map[string]time.Time, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxField)
	sc.Split(splitNUL)
	dates := make(map[string]time.Time)
	var (
		inCommit   bool      // a commit header has been read
		wantDate   bool      // the next field is a date
		firstPath  bool      // the next path follows the header's newline
		rawDate    []byte    // the current commit's date, parsed when first needed
		date       time.Time // rawDate parsed
		dateParsed bool
	)
	for sc.Scan() {
		field := sc.Bytes()
		switch {
		case wantDate:
			rawDate = append(rawDate[:0], field...)
			dateParsed, wantDate, firstPath, inCommit = false, false, true, true
			continue
		case len(field) == 0:
			wantDate = true
			continue
		case !inCommit:
			return nil, fmt.Errorf("path %q before any commit", field)
		}
		if firstPath {
			field = bytes.TrimPrefix(field, []byte{'\n'})
			firstPath = false
			if len(field) == 0 {
				continue
			}
		}
		if _, seen := dates[string(field)]; seen {
			continue
		}
		if !dateParsed {
			t, err := time.ParseInLocation(time.RFC3339, string(rawDate), time.UTC)
			if err != nil {
				return nil, fmt.Errorf("author date: %w", err)
			}
			date, dateParsed = t, true
		}
		dates[string(field)] = date
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if wantDate {
		return nil, errors.New("output ends inside a commit header")
	}
	return dates, nil
}

// splitNUL is a bufio.SplitFunc for NUL-ended fields; a last field without
// its NUL is returned too.
func splitNUL(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}
