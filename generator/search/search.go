// Package search builds the handbook's search index: static files that the
// theme's search.js fetches, a few at a time, so that a first query on a site
// of 10,000 pages downloads tens of kilobytes, not megabytes.
//
// # Files
//
// Build, or an Indexer, returns the files of the index folder (the build writes them under
// search/). All are JSON:
//
//	index.json   the manifest: {"v": version, "n": documents, "p": documents
//	             per chunk, "k": sections per part, "s": the first term
//	             prefix of each shard}
//	s/N.json     shard N: {term: postings}, for every term whose first two
//	             letters sort from s[N] up to s[N+1]; a term with many
//	             postings has [P, document count] instead, its postings
//	             being the string in p/P.json
//	d/N.json     documents p×N to p×N+p-1, each [URL, title, sections],
//	             a section being [heading id, heading, text] and the first
//	             one the top of the page (id "", no heading); only the
//	             first k sections are there
//	x/D-J.json   sections k×J to k×J+k-1 of document D, for long pages
//
// Build numbers the documents in URL order; an Indexer numbers them as its
// caller says (the site build uses the order of the navigation). A
// section's text is cut to what a snippet shows.
//
// search.js loads index.json on first use, the one shard of each query
// term (so prefix and typo matching see every term that shares the first
// two letters), the external postings of at most a few of the matching
// terms, and the chunks and section files of the results it shows. Every
// file but index.json is fetched with ?v=version, so that caches never mix
// two builds.
//
// # Postings
//
// A term's postings are (document, section, weight) triples, one per
// document: the section where the term weighs most. They are written as
// base-32 varints (see varint.go): the document as the difference from the
// previous one, then section×8+weight. The weight is a class, 0 to 7, that
// search.js maps to a score: body text 0–2 (by frequency in the section),
// heading 3–4, title 5–7 (shorter titles and headings score higher). Title
// postings sit in section 0 and count for every section of the page, so
// that "product owner responsibilities" points at
// /roles/product-owner/#responsibilities.
package search

// Doc is one page to index.
type Doc struct {
	URL      string    // the page's address as the site links to it, base path included: "/handbook/roles/product-owner/"
	Title    string    // the page title
	Section  string    // the name of the site section it belongs to ("Roles"), indexed as body text
	Sections []Section // the text of the page, split at headings; see DocFromHTML
	Extra    []string  // role names, questions and other words that describe the page, indexed as headings of its top
}

// Section is the text between one heading and the next.
type Section struct {
	ID      string // the heading's id, the fragment of its URL; "" for the top of the page
	Heading string // the heading's text
	Text    string // the text below the heading, up to the next section
}
