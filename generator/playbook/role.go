package playbook

import (
	"fmt"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
)

// readRole reads a role guide's front matter: summary and works_with.
func (r *reader) readRole(p *content.Page, role *Role) diag.List {
	var diags diag.List
	if s, ok := p.Params["summary"].(string); ok {
		role.Summary = s
	} else if v, has := p.Params["summary"]; has {
		line, col := fieldPos(p, "summary")
		diags = append(diags, diag.Errorf(p.DisplayPath, line, col, "front matter \"summary\" must be a sentence of text, not %v", v))
	}
	raw, has := p.Params["works_with"]
	if !has {
		return diags
	}
	line, col := fieldPos(p, "works_with")
	list, ok := raw.([]any)
	if !ok {
		return append(diags, diag.Errorf(p.DisplayPath, line, col, "front matter \"works_with\" must be a list of role ids or names"))
	}
	for _, item := range list {
		name, ok := item.(string)
		if !ok || name == "" {
			diags = append(diags, diag.Errorf(p.DisplayPath, line, col, "front matter \"works_with\" holds %v: write role ids or names", item))
			continue
		}
		if !idPattern.MatchString(name) {
			role.WorksWith = append(role.WorksWith, Ref{Name: name})
			continue
		}
		other, problem := r.lookupRole(p, name, line, col, "works_with")
		if problem != nil {
			diags = append(diags, *problem)
			continue
		}
		if other == role {
			diags = append(diags, diag.Errorf(p.DisplayPath, line, col, "%s lists itself in works_with: remove %q", role.ID, name))
			continue
		}
		role.WorksWith = append(role.WorksWith, Ref{Name: other.Page.Title, Role: other})
	}
	return diags
}

// readArticle checks that an article is dated.
func (r *reader) readArticle(p *content.Page) diag.List {
	if _, has := p.Params["date"]; has || !p.Date.IsZero() {
		return nil // a malformed date is reported with the front matter
	}
	return diag.List{diag.Errorf(p.DisplayPath, 1, 1, "%s", fmt.Sprintf("article has no date: add `date: YYYY-MM-DD` to its front matter (articles are listed newest first)"))}
}
