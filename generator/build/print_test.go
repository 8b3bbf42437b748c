package build_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// TestPrintHandbook prints /print/ to PDF as a reader's "Save as PDF" does
// and reads the PDF back: each handbook page starts a sheet of its own, with
// its title at the top, after the contents.
func TestPrintHandbook(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, buildExample(t))
	browsertest.Open(t, ctx, base+"/print/")
	titles := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll(".print-page-title")].map(h => h.textContent.trim())`)
	if len(titles) < 25 {
		t.Fatalf("the print page has %d page titles, want the 25 or more pages of the example playbook: %q", len(titles), titles)
	}
	pdf := printToPDF(t, ctx)
	sheets := pdfSheets(t, pdf)
	t.Logf("/print/: %d handbook pages on %d sheets", len(titles), len(sheets))
	// The contents take at least one sheet, and each page starts another.
	if len(sheets) < len(titles)+1 {
		t.Errorf("the PDF of /print/ has %d sheets, want at least %d: the contents, then each of the %d pages on a sheet of its own", len(sheets), len(titles)+1, len(titles))
	}

	text := pdfText(t, pdf)
	pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
	if len(pages) != len(sheets) {
		t.Errorf("pdftotext found %d pages, the PDF has %d sheets", len(pages), len(sheets))
	}
	// In order, each title starts a sheet of its own after the contents'
	// first sheet: a sheet's text, its lines joined, starts with the title
	// (which may wrap).
	next := 1
	for _, title := range titles {
		want := strings.Join(strings.Fields(title), " ")
		i := next
		for i < len(pages) && !strings.HasPrefix(strings.Join(strings.Fields(pages[i]), " "), want) {
			i++
		}
		if i == len(pages) {
			t.Errorf("no sheet after sheet %d of the PDF of /print/ starts with the page title %q", next, title)
			continue
		}
		next = i + 1
	}
}

// TestPrintKeepsThePlaybook prints /print/ and checks that each kind prints
// as it shows on screen: a Q&A thread keeps its authors and dates, a role
// page its summary, diagram and expectation blocks, a vision board its
// grid, an expectation table its table; that the edition is stamped; and
// that the PDF's outline nests each page's sections under its title.
func TestPrintKeepsThePlaybook(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, buildExample(t))
	browsertest.Open(t, ctx, base+"/print/")

	for what, sel := range map[string]string{
		"the role's summary":                 `.print-kind-role .role-summary`,
		"the collaboration diagram":          `.print-kind-role svg.collab-diagram`,
		"what the role can expect":           `.print-kind-role .role-expectations table.expectations`,
		"the vision board's grid":            `.print-kind-vision-board .vision-board .vb-columns .vb-cell`,
		"an expectation table as a table":    `.print-kind-expectations table.expectations th[scope=row]`,
		"the matrix":                         `.print-kind-section table.matrix`,
		"the roles overview":                 `.print-kind-section .role-cards`,
		"a Q&A answer's author":              `.print-kind-qa .answer-meta strong`,
		"a Q&A answer's date":                `.print-kind-qa .answer-meta time[datetime]`,
		"a question's roles, linked by name": `.print-kind-qa .question-meta a[href^="#p"]`,
	} {
		if n := browsertest.Eval[int](t, ctx, `document.querySelectorAll(`+jsString(sel)+`).length`); n == 0 {
			t.Errorf("the print page has no %s (%s)", what, sel)
		}
	}
	// The answers keep their authors and dates: the first answer of the
	// example's Q&A thread about the Product Owner, as printed.
	meta := browsertest.Eval[string](t, ctx, `(() => { const m = document.querySelector(".print-kind-qa [id$='-who-decides-when-a-feature-is-ready-to-ship-answer-1'] .answer-meta");
	  return m ? m.querySelector("strong").textContent + " on " + m.querySelector("time").getAttribute("datetime") + " (" + m.querySelector("time").textContent + ")" : "missing"; })()`)
	if want := "Priya Raman on 2026-03-05 (5 March 2026)"; meta != want {
		t.Errorf("the first answer of the printed thread is by %q, want %q", meta, want)
	}
	if stamp := browsertest.Eval[string](t, ctx, `(document.querySelector(".print-edition") || {textContent: "none"}).textContent`); !strings.HasPrefix(stamp, "This edition: ") {
		t.Errorf("the print page's edition stamp reads %q, want \"This edition: DATE, commit HASH.\"", stamp)
	}
	// Every id is unique, and every reference points at one.
	if bad := browsertest.Eval[[]string](t, ctx, `(() => {
	  const seen = new Set(), bad = [];
	  for (const el of document.querySelectorAll("[id]")) { if (seen.has(el.id)) bad.push("duplicate id " + el.id); seen.add(el.id); }
	  for (const el of document.querySelectorAll("[aria-labelledby], [aria-describedby]"))
	    for (const ref of ((el.getAttribute("aria-labelledby") || "") + " " + (el.getAttribute("aria-describedby") || "")).split(/\s+/).filter(Boolean))
	      if (!document.getElementById(ref)) bad.push("reference to a missing id " + ref);
	  return bad; })()`); len(bad) > 0 {
		t.Errorf("the print page's ids: %q", bad)
	}

	outline := pdfOutline(t, printToPDF(t, ctx))
	var po *outlineItem
	for i := range outline {
		if outline[i].Title == "Product Owner" {
			po = &outline[i]
		}
	}
	if po == nil {
		titles := make([]string, 0, len(outline))
		for _, o := range outline {
			titles = append(titles, o.Title)
		}
		t.Fatalf("the PDF's outline has no top-level entry \"Product Owner\"; its top level: %q", titles)
	}
	var sections []string
	for _, c := range po.Children {
		sections = append(sections, c.Title)
	}
	for _, want := range []string{"Responsibilities", "What the Product Owner can expect from others", "What others expect from the Product Owner"} {
		if !slices.Contains(sections, want) {
			t.Errorf("the PDF's outline lists %q under \"Product Owner\", want %q among them", sections, want)
		}
	}
}

// TestPrintVisionBoard prints a vision board to PDF: the whole board fits on
// one landscape sheet.
func TestPrintVisionBoard(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, buildExample(t))
	browsertest.Open(t, ctx, base+"/vision-boards/dispatchly/")
	sheets := pdfSheets(t, printToPDF(t, ctx))
	if len(sheets) != 1 {
		t.Errorf("the vision board prints on %d sheets, want 1", len(sheets))
	}
	for i, s := range sheets {
		if s.width <= s.height {
			t.Errorf("sheet %d of the vision board is %g × %g points, want landscape (wider than tall)", i+1, s.width, s.height)
		}
	}
}

// printToPDF prints the page in the tab to PDF with the page's own CSS page
// size and orientation, as a browser's print dialog does, without the
// browser's header and footer, and with the outline (bookmarks) Chromium
// makes of the headings.
func printToPDF(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	return browsertest.Get(t, ctx, chromedp.Action[[]byte](func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		yes, no := true, false
		res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{
			PreferCSSPageSize:       &yes,
			DisplayHeaderFooter:     &no,
			GenerateDocumentOutline: &yes,
		})
		if err != nil {
			return nil, fmt.Errorf("printing to PDF: %w", err)
		}
		return res.Data, nil
	}))
}

// sheet is the size of one page of a PDF, in points.
type sheet struct{ width, height float64 }

// pageObject matches a page object of the PDF that Chromium writes (Skia
// writes page objects uncompressed, each with its media box) up to its
// media box; "/Type /Pages" does not match.
var pageObject = regexp.MustCompile(`/Type\s*/Page\b(?s:.*?)/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`)

// pdfSheets lists the pages of a PDF from Chromium with their sizes. It
// reads the PDF's page objects itself, so that the page count needs no
// other program.
func pdfSheets(t *testing.T, pdf []byte) []sheet {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("the printout is not a PDF: it starts with %q", pdf[:min(len(pdf), 16)])
	}
	var sheets []sheet
	for _, m := range pageObject.FindAllSubmatch(pdf, -1) {
		var box [4]float64
		for i := range box {
			v, err := strconv.ParseFloat(string(m[i+1]), 64)
			if err != nil {
				t.Fatalf("reading the media box %q of a PDF page: %v", m[0], err)
			}
			box[i] = v
		}
		sheets = append(sheets, sheet{width: box[2] - box[0], height: box[3] - box[1]})
	}
	if len(sheets) == 0 {
		t.Fatal("found no page object in the PDF")
	}
	return sheets
}

// outlineItem is one entry of a PDF's outline, with the entries under it.
type outlineItem struct {
	Title    string
	Children []outlineItem
}

// pdfOutline reads the outline of the PDF with poppler's pdftohtml, which
// writes it as nested <outline> elements of <item>s. It skips like pdfText
// when the tool is missing.
func pdfOutline(t *testing.T, pdf []byte) []outlineItem {
	t.Helper()
	out := popplerTool(t, pdf, "pdftohtml", "-xml", "-stdout", "-i", "-q")
	start, end := bytes.Index(out, []byte("<outline>")), bytes.LastIndex(out, []byte("</outline>"))
	if start < 0 || end < start {
		return nil
	}
	dec := xml.NewDecoder(bytes.NewReader(out[start : end+len("</outline>")]))
	dec.Strict = false
	var stack [][]outlineItem
	var items []outlineItem
	var text strings.Builder
	inItem := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "outline":
				stack = append(stack, items)
				items = nil
			case "item":
				inItem = true
				text.Reset()
			}
		case xml.CharData:
			if inItem {
				text.Write(tok)
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "item":
				inItem = false
				items = append(items, outlineItem{Title: strings.Join(strings.Fields(text.String()), " ")})
			case "outline":
				parent := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if len(parent) > 0 {
					parent[len(parent)-1].Children = items
				} else {
					parent = items
				}
				items = parent
			}
		}
	}
	return items
}

// pdfText extracts the text of the PDF with pdftotext, each page ended by a
// form feed. It skips the test when pdftotext is missing, unless the
// environment has CI=true: then the test fails, so that CI cannot pass
// without reading the PDF.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	return string(popplerTool(t, pdf, "pdftotext", "-enc", "UTF-8"))
}

// popplerTool runs one of poppler's tools on the PDF with the given options
// and returns what it writes. It skips the test when the tool is missing,
// unless the environment has CI=true: then the test fails, so that CI cannot
// pass without reading the PDF.
func popplerTool(t *testing.T, pdf []byte, name string, args ...string) []byte {
	t.Helper()
	tool, err := exec.LookPath(name)
	if err != nil {
		msg := "no " + name + " to read the PDF: install Debian's poppler-utils package: apt-get install poppler-utils"
		if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
			t.Fatal(msg + " (CI is set, so a missing " + name + " fails the test)")
		}
		t.Skip(msg)
	}
	file := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatalf("writing the PDF: %v", err)
	}
	argv := append(args, file)
	if name == "pdftotext" {
		argv = append(argv, "-")
	}
	out, err := exec.Command(tool, argv...).Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Fatalf("%s %q: %v\n%s", name, file, err, exit.Stderr)
		}
		t.Fatalf("%s %q: %v", name, file, err)
	}
	return out
}
