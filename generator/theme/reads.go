package theme

import (
	"slices"
	"text/template/parse"
)

// Reads reports whether the template name (such as "partials/nav.html"),
// or a template it calls, reads a field or method of that name anywhere
// (".Current", "$item.Current"). The build uses it to keep a fast path
// only for templates it cannot change the output of: one that reads
// nothing page-specific can be rendered once and shared.
func (t *Theme) Reads(name, field string) bool {
	set := t.layouts[LayoutPage]
	seen := map[string]bool{}
	var reads func(name string) bool
	reads = func(name string) bool {
		if seen[name] {
			return false
		}
		seen[name] = true
		tmpl := set.Lookup(name)
		if tmpl == nil || tmpl.Tree == nil {
			return false
		}
		return nodeReads(tmpl.Tree.Root, field, reads)
	}
	return reads(name)
}

// nodeReads walks a parse tree for a use of field, following the templates
// it calls through calls.
func nodeReads(n parse.Node, field string, calls func(string) bool) bool {
	switch n := n.(type) {
	case nil:
		return false
	case *parse.ListNode:
		if n == nil {
			return false
		}
		for _, c := range n.Nodes {
			if nodeReads(c, field, calls) {
				return true
			}
		}
	case *parse.ActionNode:
		return nodeReads(n.Pipe, field, calls)
	case *parse.PipeNode:
		if n == nil {
			return false
		}
		for _, c := range n.Cmds {
			if nodeReads(c, field, calls) {
				return true
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			if nodeReads(a, field, calls) {
				return true
			}
		}
	case *parse.FieldNode:
		return slices.Contains(n.Ident, field)
	case *parse.ChainNode:
		return slices.Contains(n.Field, field) || nodeReads(n.Node, field, calls)
	case *parse.VariableNode:
		return slices.Contains(n.Ident[1:], field)
	case *parse.IfNode:
		return branchReads(&n.BranchNode, field, calls)
	case *parse.RangeNode:
		return branchReads(&n.BranchNode, field, calls)
	case *parse.WithNode:
		return branchReads(&n.BranchNode, field, calls)
	case *parse.TemplateNode:
		return nodeReads(n.Pipe, field, calls) || calls(n.Name)
	}
	return false
}

func branchReads(b *parse.BranchNode, field string, calls func(string) bool) bool {
	return nodeReads(b.Pipe, field, calls) || nodeReads(b.List, field, calls) || nodeReads(b.ElseList, field, calls)
}
