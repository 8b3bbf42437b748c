package scaffold

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/suggest"
)

// roleRef is a role guide of the site.
type roleRef struct {
	ID, Title string
}

// roles returns the site's role guides by id, read as the build reads them:
// every page of the role kind, drafts included, whose id is its file name.
func (s *Site) roles() (map[string]roleRef, error) {
	site, _, err := content.Load(content.Options{
		Dir:         s.contentDir(),
		DisplayDir:  filepath.ToSlash(s.contentDir()),
		Drafts:      true,
		KindFolders: s.cfg.FolderKinds(),
	})
	if err != nil {
		return nil, err
	}
	out := map[string]roleRef{}
	for _, p := range site.Pages {
		if p.Kind() == config.KindRole {
			id := strings.TrimSuffix(path.Base(p.File), path.Ext(p.File))
			out[id] = roleRef{ID: id, Title: p.Title}
		}
	}
	return out, nil
}

// unknownRole explains that id is not a role of the site, naming the closest
// id, as the build does for a misspelt role.
func unknownRole(id string, roles map[string]roleRef) error {
	ids := make([]string, 0, len(roles))
	for k := range roles {
		ids = append(ids, k)
	}
	sort.Strings(ids)
	switch best, ok := suggest.Closest(id, ids); {
	case ok:
		return fmt.Errorf("unknown role %q (did you mean %s?)", id, best)
	case len(ids) > 0:
		return fmt.Errorf("unknown role %q (known roles: %s)", id, strings.Join(ids, ", "))
	default:
		return fmt.Errorf("unknown role %q (the site has no role guides yet: add one with playbook new role NAME)", id)
	}
}
