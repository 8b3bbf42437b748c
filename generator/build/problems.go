package build

import (
	"errors"

	"github.com/playbookhq/playbook/generator/internal/diag"
)

// Problem is one problem found in a site's files, at a file position.
type Problem = diag.Diagnostic

// Problems is the error Build returns when the site has content errors: it
// lists every one of them, sorted by file and line.
type Problems = diag.ListError

func asProblems(err error, target **Problems) bool { return errors.As(err, target) }

// Severity levels of a Problem.
const (
	SeverityError   = diag.Error
	SeverityWarning = diag.Warning
)
