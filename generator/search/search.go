// Package search builds the handbook's search index: static files that the
// theme's search.js fetches, a few at a time, so that a first query on a site
// of 10,000 pages downloads tens of kilobytes, not megabytes.
//
// Each page is read once, from its rendered markup, into a Page (Read): its
// units, the parts of it that a result links to (a heading's section, a
// question, an answer, a row of an expectation table, a section of a vision
// board), the passages of their text, and the postings of its terms. An
// Indexer, or Build, makes the files from the Pages.
//
// # Files
//
// All are JSON:
//
//	index.json   the manifest: {"v": version, "n": pages, "p": pages per
//	             chunk, "k": passages per part, "s": the first term prefix
//	             of each shard}
//	s/N.json     shard N: {term: postings}, for every term whose first three
//	             characters sort from s[N] up to s[N+1]; a term with many
//	             postings has [P, page count] instead, its postings being
//	             the string in p/P.json
//	d/N.json     pages p×N to p×N+p-1, each [URL, title, site section,
//	             units, passages]: a unit is [id, heading, parent unit] and,
//	             for a unit the theme names, that name ("Q&A"); unit 0 is the
//	             top of the page; a passage is [unit, text]; only the first k
//	             passages are there
//	x/D-J.json   passages k×J to k×J+k-1 of page D, for long pages
//
// An Indexer numbers the pages as its caller says (the site build uses the
// order of the navigation). On a site of more than 2,500 pages the chunks
// hold each unit's first passage only, cut to a snippet (see Page.entry).
//
// search.js loads index.json on first use, the one shard of each query
// term (so prefix and typo matching see every term that shares the first
// three characters), the external postings of a few of the matching terms,
// and the chunks and passage files of the results it shows. Every file but
// index.json is fetched with ?v=version, so that caches never mix two
// builds.
//
// # Postings
//
// A term's postings are (page, passage, weight) triples: for each page,
// every title and heading the term is in (up to eight) and every passage
// it is in (up to six); on a site of compact chunks, one per page, its best
// (Indexer.merge, compactHits), and for a term on most pages only its
// titles keep their passage (splitDense). They are written as base-32
// varints (see varint.go): the page as the difference from the previous
// posting's (0 for another of the same page), then passage×8+weight, then,
// for a heading below the top of the page, how many passages its unit
// reaches beyond its own. The weight is a
// class, 0 to 7, that search.js maps to a score: body text 0–2 (by
// frequency in the passage), heading 3–4, title 5–7 (shorter titles and
// headings score higher). A page title's postings point at passage 0 and
// count for every passage of the page, so that "product owner
// responsibilities" points at /roles/product-owner/#responsibilities; a
// question's heading weighs as a title but only where it is.
package search

// Doc is what the index needs of a page besides its markup.
type Doc struct {
	URL         string   // the page's address as the site links to it, base path included: "/handbook/roles/product-owner/"
	Title       string   // the page title
	Section     string   // the name of the site section it belongs to ("Roles"), indexed but never shown in a snippet
	Description string   // the page's one-sentence description, the first text of its top
	Extra       []string // role names and other words that describe the page, indexed as headings of its top
}
