package corpus

import "strings"

// codeLanguages are the info strings of fenced code blocks, in the order
// codeBlock cycles through them.
var codeLanguages = []string{"go", "yaml", "bash", "json", "python", "sql", "typescript"}

// codeBlock appends a fenced code block of a random language. The snippets
// are small and plausible; none contains '<' so a careless scan for raw HTML
// finds nothing.
func (w *pageWriter) codeBlock() {
	r := w.r
	lang := pick(r, codeLanguages)
	noun := pick(r, nouns)
	owner := strings.ReplaceAll(strings.TrimPrefix(strings.TrimPrefix(pick(r, actors), "the "), "a "), " ", "-")
	days := 1 + r.IntN(30)
	w.str("```")
	w.str(lang)
	w.str("\n")
	switch lang {
	case "go":
		w.str("// ")
		w.str(camel(noun))
		w.str(" is checked before the review.\nfunc check")
		w.str(camel(noun))
		w.str("(items []Item) error {\n\tfor _, it := range items {\n\t\tif it.Owner == \"\" {\n\t\t\treturn fmt.Errorf(\"")
		w.str(noun)
		w.str(" %q: no owner\", it.Name)\n\t\t}\n\t\tif it.AgeDays() > ")
		w.num(days)
		w.str(" {\n\t\t\treturn errStale\n\t\t}\n\t}\n\treturn nil\n}\n")
	case "yaml":
		w.str(snake(noun))
		w.str(":\n  owner: ")
		w.str(owner)
		w.str("\n  cadence: ")
		w.str(pick(r, []string{"weekly", "monthly", "quarterly"}))
		w.str("\n  review_after_days: ")
		w.num(days)
		w.str("\n  reviewers:\n    - ")
		w.str(strings.ReplaceAll(pick(r, audiences), " ", "-"))
		w.str("\n    - ")
		w.str(owner)
		w.str("\n")
	case "bash":
		w.str("# refresh the ")
		w.str(noun)
		w.str(" and publish it\nset -euo pipefail\ngit pull --rebase\n./scripts/export-")
		w.str(kebab(noun))
		w.str(" --since ")
		w.num(days)
		w.str("d > out/")
		w.str(kebab(noun))
		w.str(".csv\nmake check && make publish\n")
	case "json":
		w.str("{\n  \"name\": \"")
		w.str(noun)
		w.str("\",\n  \"owner\": \"")
		w.str(owner)
		w.str("\",\n  \"reviewDays\": ")
		w.num(days)
		w.str(",\n  \"tags\": [\"")
		w.str(pick(r, tagNames))
		w.str("\", \"")
		w.str(pick(r, tagNames))
		w.str("\"]\n}\n")
	case "python":
		w.str("def stale_")
		w.str(snake(noun))
		w.str("(items, days=")
		w.num(days)
		w.str("):\n    \"\"\"Return the items nobody has reviewed recently.\"\"\"\n    return [i for i in items if i.age_days() > days and i.owner == \"")
		w.str(owner)
		w.str("\"]\n")
	case "sql":
		w.str("SELECT owner, count(*) AS open_items\nFROM ")
		w.str(snake(noun))
		w.str("\nWHERE status = 'open'\n  AND updated_at > now() - interval '")
		w.num(days)
		w.str(" days'\nGROUP BY owner\nORDER BY open_items DESC;\n")
	default:
		w.str("export interface ")
		w.str(camel(noun))
		w.str(" {\n  owner: string;\n  reviewDays: number;\n}\n\nexport const default")
		w.str(camel(noun))
		w.str(" = {\n  owner: \"")
		w.str(owner)
		w.str("\",\n  reviewDays: ")
		w.num(days)
		w.str(",\n};\n")
	}
	w.str("```\n\n")
}

// camel turns "decision record" into "DecisionRecord".
func camel(s string) string {
	return strings.ReplaceAll(titleCase(strings.ReplaceAll(s, "-", " ")), " ", "")
}

// snake turns "decision record" into "decision_record".
func snake(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "-", "_"), " ", "_")
}
