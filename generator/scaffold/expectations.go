package scaffold

import (
	"errors"
	"fmt"

	"github.com/playbookhq/playbook/generator/config"
)

// expectationsData fills in the expectation table skeleton.
type expectationsData struct {
	From, Of roleRef
}

// Expectations writes the table of what the role from can expect from the
// role of, as expectations/<from>-from-<of>.md, and returns its path. Both
// must be ids (or titles) of different roles of the site.
func (s *Site) Expectations(from, of string) (string, error) {
	roles, err := s.roles()
	if err != nil {
		return "", err
	}
	_, fromID := parseName(from)
	_, ofID := parseName(of)
	var errs []error
	for _, id := range []string{fromID, ofID} {
		if _, ok := roles[id]; !ok {
			errs = append(errs, unknownRole(id, roles))
		}
	}
	if len(errs) > 0 {
		return "", errors.Join(errs...)
	}
	if fromID == ofID {
		return "", fmt.Errorf("an expectation table connects two different roles, not %q with itself", fromID)
	}
	data, err := render("expectations.md", expectationsData{From: roles[fromID], Of: roles[ofID]})
	if err != nil {
		return "", err
	}
	return s.create(config.KindExpectations, fromID+"-from-"+ofID, data)
}
