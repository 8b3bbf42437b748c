// Package diag holds the problems a build finds in a site's files, each with
// the position an author needs to fix it, in the `file:line:col: message` form
// that editors and terminals turn into links.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity tells whether a problem fails the build.
type Severity int

const (
	// Error fails the build.
	Error Severity = iota
	// Warning is reported but does not fail the build.
	Warning
)

// Diagnostic is one problem at one position of one file. Line and Col are
// 1-based; zero means unknown.
type Diagnostic struct {
	File     string
	Line     int
	Col      int
	Msg      string
	Severity Severity
}

// String formats d as `file:line:col: message`, leaving out unknown parts, and
// prefixes warnings with "warning: ".
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// Errorf returns an error diagnostic at file:line:col.
func Errorf(file string, line, col int, format string, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// Warnf returns a warning diagnostic at file:line:col.
func Warnf(file string, line, col int, format string, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Severity: Warning}
}

// List is the set of problems found by one build. Its zero value is ready to use.
type List []Diagnostic

// Sort orders the list by file, line, column and message so that output is
// stable whatever order the parallel stages found them in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
}

// HasErrors reports whether any diagnostic in l is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the error diagnostics of l.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns only the warning diagnostics of l.
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Err returns l as an error when it holds at least one error diagnostic, else nil.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	errs := l.Errors()
	errs.Sort()
	return &ListError{List: errs}
}

// ListError is the error form of a List: every problem on its own line.
type ListError struct{ List List }

func (e *ListError) Error() string {
	lines := make([]string, len(e.List))
	for i, d := range e.List {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Position converts a byte offset in src to a 1-based line and column. The
// column counts runes, as editors do.
func Position(src []byte, offset int) (line, col int) {
	if offset > len(src) {
		offset = len(src)
	}
	line = 1
	lineStart := 0
	for i := 0; i < offset; i++ {
		if src[i] == '\n' {
			line++
			lineStart = i + 1
		}
	}
	col = 1 + len([]rune(string(src[lineStart:offset])))
	return line, col
}
