package content

import (
	"path"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/suggest"
)

// Teams migrate to Playbook from GitBook, Jekyll (and Just the Docs),
// Docusaurus, MkDocs, Hugo and Eleventy, with front matter written for
// those tools. This file says which of their keys mean one of ours, which
// are accepted and ignored, and warns about any other key, naming the
// closest known one: a misspelt `works-with` would otherwise silently lose
// a role's diagram.

// ownKeys are the front matter keys a page's own fields are read from.
var ownKeys = []string{"title", "description", "weight", "date", "lastmod", "draft", "slug", "tags", "aliases", "hidden", "type", "author", "authors"}

// toolSynonyms maps keys of other tools to the key of ours that means the
// same; a page that has both keeps its own.
var toolSynonyms = map[string]string{
	"nav_order":        "weight",  // Jekyll (Just the Docs)
	"sidebar_position": "weight",  // Docusaurus
	"redirect_from":    "aliases", // Jekyll
	"nav_exclude":      "hidden",  // Jekyll (Just the Docs)
	"unlisted":         "hidden",  // Docusaurus
}

// permalinkKeys give a page's whole URL (Jekyll and Eleventy permalink,
// Hugo url): see applyPermalink.
var permalinkKeys = []string{"permalink", "url"}

// toolKeys are keys of those tools that Playbook has no use for: accepted
// without a warning, and kept for templates like any value.
var toolKeys = []string{
	// Jekyll and Just the Docs
	"layout", "published", "categories", "category", "excerpt", "excerpt_separator", "redirect_to", "sitemap", "lang",
	"image", "comments", "parent", "grand_parent", "has_children", "has_toc", "child_nav_order", "nav_fold",
	"search_exclude", "last_modified_date", "toc",
	// Docusaurus
	"id", "sidebar_label", "sidebar_class_name", "sidebar_custom_props", "displayed_sidebar", "hide_title",
	"hide_table_of_contents", "toc_min_heading_level", "toc_max_heading_level", "pagination_label",
	"pagination_next", "pagination_prev", "custom_edit_url", "keywords", "last_update", "parse_number_prefixes", "format",
	// MkDocs (Material)
	"template", "hide", "search", "status", "icon", "subtitle", "social",
	// Hugo
	"linkTitle", "menu", "menus", "params", "publishDate", "expiryDate", "images", "markup", "outputs", "resources",
	"series", "headless", "build", "cascade", "isCJKLanguage", "translationKey", "featured_image", "summary",
	// GitBook
	"cover", "coverY",
	// Eleventy
	"eleventyNavigation", "eleventyExcludeFromCollections", "eleventyComputed", "pagination", "templateEngineOverride",
	"dynamicPermalink", "eleventyImport",
}

// knownKeySet is every key a page may hold without a warning: ours, the
// other tools', and extra (the content kinds' keys, such as works_with, and
// the keys a site's templates read, from the config's frontMatterKeys).
func knownKeySet(extra []string) map[string]bool {
	known := map[string]bool{}
	for _, list := range [][]string{ownKeys, permalinkKeys, toolKeys, extra} {
		for _, k := range list {
			known[k] = true
		}
	}
	for k := range toolSynonyms {
		known[k] = true
	}
	return known
}

// translateToolKeys gives the page's own keys the values of the other
// tools' keys that mean them, when the page does not set them itself:
// `nav_order: 2` is `weight: 2`, `redirect_from` is `aliases`,
// `nav_exclude: true` is `hidden: true`, and Jekyll's `published: false`
// is `draft: true`.
func translateToolKeys(fm *FrontMatter) {
	keys := make([]string, 0, len(toolSynonyms))
	for k := range toolSynonyms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		own := toolSynonyms[k]
		v, ok := fm.Values[k]
		if _, set := fm.Values[own]; !ok || set {
			continue
		}
		fm.Values[own] = v
		fm.Pos[own] = fm.Pos[k]
	}
	if v, ok := fm.Values["published"].(bool); ok && !v {
		if _, set := fm.Values["draft"]; !set {
			fm.Values["draft"] = true
			fm.Pos["draft"] = fm.Pos["published"]
		}
	}
}

// unknownKeys warns about every key that nothing reads.
func (p *Page) unknownKeys(fm *FrontMatter, known map[string]bool) diag.List {
	var diags diag.List
	candidates := make([]string, 0, len(known))
	for k := range known {
		candidates = append(candidates, k)
	}
	sort.Strings(candidates)
	keys := make([]string, 0, len(fm.Values))
	for k := range fm.Values {
		if !known[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		pos := fm.Pos[k]
		msg := "front matter key " + quoted(k) + " is not one Playbook reads"
		if best, ok := suggest.Closest(k, candidates); ok {
			msg += " (did you mean " + quoted(best) + "?)"
		}
		msg += "; if the site's templates read it, list it in the config's frontMatterKeys"
		diags = append(diags, diag.Warnf(p.DisplayPath, pos.Line, pos.Col, "%s", msg))
	}
	return diags
}

func quoted(s string) string { return `"` + s + `"` }

// applyPermalink reads a whole URL given by Jekyll's or Eleventy's
// `permalink`, Hugo's `url` or a Docusaurus `slug` that starts with "/".
// A page keeps the URL its file gives it, as links are written to files; a
// permalink in the page's own folder names it (its last part is the
// slug), and any other becomes an alias, so that the old address still
// leads to the page.
func (p *Page) applyPermalink(key, value string, pos Pos) diag.List {
	clean := path.Clean("/" + strings.TrimSpace(value))
	if strings.Contains(value, "..") || strings.ContainsAny(value, "\\\x00?#") {
		return diag.List{diag.Errorf(p.DisplayPath, pos.Line, pos.Col, "%s %q is not a usable page path: write it like \"/guides/setup/\"", key, value)}
	}
	if clean == "/" || strings.Contains(value, ":") {
		return nil // the home page, or a pattern (":title"), which names no one page
	}
	dir, name := path.Split(strings.TrimSuffix(clean, ".html"))
	if strings.TrimSuffix(dir, "/") == "/"+urlSafe(p.Section) || dir == "/" && p.Section == "" {
		if !p.IsSection && p.Slug == "" && badSegment(name) == "" {
			p.Slug = name
		}
		return nil
	}
	p.Aliases = append(p.Aliases, clean+map[bool]string{true: "", false: "/"}[strings.HasSuffix(clean, ".html")])
	return nil
}
