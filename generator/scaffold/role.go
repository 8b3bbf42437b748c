package scaffold

import (
	"github.com/playbookhq/playbook/generator/config"
)

// roleData fills in the role skeleton.
type roleData struct {
	Title, ID, Summary string
	WorksWith          []string
	Folder             string // the roles folder, for the comment on works_with
	// Other names another role for the examples of an id and a link: a
	// guide whose example pointed at itself would confuse.
	Other roleRef
}

// Role writes a role guide for name, a title ("Product Manager") or an id
// ("product-manager"), and returns the path written. The guide has the
// front matter and sections of content/how-to-write/roles.md, filled with
// prose that says what belongs where.
func (s *Site) Role(name string) (string, error) {
	title, _ := parseName(name)
	return s.role(name, "One sentence on what the "+title+" answers for, shown in role lists and diagrams.", nil)
}

// role writes the guide of name with the given summary and works_with ids.
func (s *Site) role(name, summary string, worksWith []string) (string, error) {
	title, id := parseName(name)
	if id == "" {
		_, err := slugOf(name)
		return "", err
	}
	other := roleRef{ID: "scrum-master", Title: "Scrum Master"}
	if id == other.ID {
		other = roleRef{ID: "product-owner", Title: "Product Owner"}
	}
	data, err := render("role.md", roleData{
		Title: title, ID: id, Summary: summary, WorksWith: worksWith,
		Folder: s.cfg.Kinds[config.KindRole], Other: other,
	})
	if err != nil {
		return "", err
	}
	return s.create(config.KindRole, id, data)
}
