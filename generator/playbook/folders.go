package playbook

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/suggest"
)

// The config's [kinds] moves a kind's pages to another top-level folder
// ("role = \"people\""); every kind it does not name keeps its own default.

// KindFolders maps each kind's name to its top-level folder.
func KindFolders(cfg config.Config, kinds []Kind) map[string]string {
	out := make(map[string]string, len(kinds))
	for _, k := range kinds {
		out[k.Name()] = FolderOf(cfg, k)
	}
	return out
}

// Folders maps each kind's top-level folder to the kind's name: the pages
// of that folder are of that kind.
func Folders(cfg config.Config, kinds []Kind) map[string]string {
	out := make(map[string]string, len(kinds))
	for _, k := range kinds {
		out[FolderOf(cfg, k)] = k.Name()
	}
	return out
}

// Sections returns what the content loader gives the folder of a kind that
// has no index page: its title and description, by folder, and the order
// of the kinds' folders among the home page's entries.
func Sections(cfg config.Config, kinds []Kind) (titles, descriptions map[string]string, order []string) {
	titles, descriptions = map[string]string{}, map[string]string{}
	for _, k := range kinds {
		f := FolderOf(cfg, k)
		titles[f], descriptions[f] = k.Title(), k.Description()
		order = append(order, f)
	}
	return titles, descriptions, order
}

// CheckKinds reports what is wrong with the config's [kinds]: a kind the
// site does not have, or two kinds in one folder.
func CheckKinds(cfg config.Config, kinds []Kind) diag.List {
	var diags diag.List
	names := make([]string, 0, len(kinds))
	for _, k := range kinds {
		names = append(names, k.Name())
	}
	sort.Strings(names)
	line, col := cfg.KeyPos("kinds")
	set := make([]string, 0, len(cfg.Kinds))
	for kind := range cfg.Kinds {
		set = append(set, kind)
	}
	sort.Strings(set)
	for _, kind := range set {
		if !slices.Contains(names, kind) {
			msg := fmt.Sprintf("unknown kind %q in kinds", kind)
			if best, ok := suggest.Closest(kind, names); ok {
				msg += fmt.Sprintf(" (did you mean %q?)", best)
			}
			diags = append(diags, diag.Errorf(cfg.DisplayFile(), line, col, "%s; the kinds are %s", msg, strings.Join(names, ", ")))
		}
	}
	seen := map[string]string{}
	for _, k := range kinds {
		f := FolderOf(cfg, k)
		if other, dup := seen[f]; dup {
			diags = append(diags, diag.Errorf(cfg.DisplayFile(), line, col, "kinds %s and %s both use the folder %q: give each its own", other, k.Name(), f))
		}
		seen[f] = k.Name()
	}
	return diags
}
