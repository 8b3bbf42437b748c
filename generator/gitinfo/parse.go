package gitinfo

// With -z, git ends every path with a NUL and never quotes it, and the format
// below starts each commit with a NUL of its own. The stream is therefore a
// list of NUL-ended fields:
//
//	"" header "\npath" "path" ... "" header "\npath" ...
//
// An empty field starts a commit (no path is empty), the next field is its
// header, its author date and hash separated by a space, and the first path
// carries the newline git puts between a commit's header and its file list.
// A commit without paths is just "" header.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"
)

// commitFormat is git's --format for the header of each commit.
const commitFormat = "%x00%aI %H"

// maxField bounds one path in git's output; longer is not a real path.
const maxField = 1 << 20

// parseLog reads git log output in the form above and returns the first date
// seen for each path, and the first commit. Git lists the newest commit
// first, so the first date is the last time the path changed.
func parseLog(r io.Reader) (Info, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxField)
	sc.Split(splitNUL)
	dates := make(map[string]time.Time)
	var last Commit
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
			header, hash, _ := bytes.Cut(field, []byte{' '})
			rawDate = append(rawDate[:0], header...)
			dateParsed, wantDate, firstPath, inCommit = false, false, true, true
			if last.Hash == "" && len(hash) > 0 {
				t, err := time.ParseInLocation(time.RFC3339, string(rawDate), time.UTC)
				if err != nil {
					return Info{}, fmt.Errorf("author date: %w", err)
				}
				last = Commit{Hash: string(hash), Date: t}
			}
			continue
		case len(field) == 0:
			wantDate = true
			continue
		case !inCommit:
			return Info{}, fmt.Errorf("path %q before any commit", field)
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
				return Info{}, fmt.Errorf("author date: %w", err)
			}
			date, dateParsed = t, true
		}
		dates[string(field)] = date
	}
	if err := sc.Err(); err != nil {
		return Info{}, err
	}
	if wantDate {
		return Info{}, errors.New("output ends inside a commit header")
	}
	return Info{Dates: dates, Last: last}, nil
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
