// Package scaffold writes the skeletons behind `playbook new`: a complete
// small site, and one page of each content kind (role guide, expectation
// table, vision board, Q&A thread, article) into an existing site.
//
// Every skeleton follows the conventions documented in the example
// playbook's content/how-to-write/ section and builds without an error or a
// warning as written, so that an author starts from a page the generator
// accepts and replaces its placeholder prose. The placeholder text says what
// belongs in each place; notes that only an author needs are HTML comments,
// which the site drops.
//
// Nothing is ever overwritten: a page is created only when no file of that
// name exists, and a site only in a new or empty folder.
package scaffold
