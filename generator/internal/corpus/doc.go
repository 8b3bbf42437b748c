// Package corpus writes large, deterministic, playbook-shaped Markdown sites
// for measuring Playbook's speed. The benchmarks build corpora of 1,000,
// 10,000 and 50,000 pages; the command generator/internal/bench/gencorpus
// exposes the generator:
//
//	go run ./generator/internal/bench/gencorpus -n 10000 -o DIR
//
// and library code calls [Generate] directly:
//
//	n, err := corpus.Generate(dir, corpus.Options{Pages: 10000, Seed: 1})
//
// # Shape
//
// The corpus imitates a big real handbook, at about 9.5 KB of Markdown per
// page (10,000 pages are about 95 MB):
//
//   - A home page, _index.md, listing the sections.
//   - Top-level section folders named from a fixed word list (onboarding,
//     discovery, delivery, research, design-ops, …; numbered once the list
//     runs out): one per 100 pages up to 20, then one per 500 pages up to 100,
//     never fewer than 2. So 1,000 pages make 10 sections, 10,000 make 20 and
//     50,000 make 100. About two sections in five have two to four
//     sub-folders. Every folder has an _index.md with title, description and
//     weight. No folder is named roles, expectations, vision-boards, qa or
//     articles, so every page is of the ordinary kind.
//   - Pages named after their title in kebab case. Most carry YAML front
//     matter (title, description, weight, tags, sometimes a 2026 date); about
//     one in ten uses TOML `+++` front matter with the same fields; about one
//     in thirty-three has none and opens with a `# Title` line.
//   - Bodies of generated prose with **bold**, *emphasis* and `code`, four to
//     eight `##` headings with some `###` below them, bullet and numbered
//     lists, a GFM table on about a third of the pages and two fenced code
//     blocks per page on average (go, yaml, bash, json, python, sql,
//     typescript). There is no raw HTML.
//   - Two to five relative links per page to other pages of the corpus
//     (siblings, other folders, section index pages), a third of them with a
//     fragment naming a heading that exists in the target, and now and then
//     an https://example.com link. Heading texts are unique within a page and
//     keep to characters for which GitHub's and goldmark's automatic ids
//     agree.
//
// Pages counts every file, index pages included; it must be at least 10.
//
// # Determinism
//
// The same Options give the same files, byte for byte. The layout, titles and
// headings are planned first from a PCG generator seeded by Seed; then each
// page's body is drawn from its own PCG generator, seeded by Seed and the
// page's position in the plan, so the pages can be written in parallel and
// in any order. Nothing depends on the clock or on map iteration order.
package corpus
