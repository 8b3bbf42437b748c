package build_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
// browser's header and footer.
func printToPDF(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	return browsertest.Get(t, ctx, chromedp.Action[[]byte](func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		yes, no := true, false
		res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{
			PreferCSSPageSize:   &yes,
			DisplayHeaderFooter: &no,
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

// pdfText extracts the text of the PDF with pdftotext, each page ended by a
// form feed. It skips the test when pdftotext is missing, unless the
// environment has CI=true: then the test fails, so that CI cannot pass
// without reading the PDF.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		msg := "no pdftotext to read the PDF's text: install Debian's poppler-utils package: apt-get install poppler-utils"
		if ci, _ := strconv.ParseBool(os.Getenv("CI")); ci {
			t.Fatal(msg + " (CI is set, so a missing pdftotext fails the test)")
		}
		t.Skip(msg)
	}
	file := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatalf("writing the PDF: %v", err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Fatalf("pdftotext %q: %v\n%s", file, err, exit.Stderr)
		}
		t.Fatalf("pdftotext %q: %v", file, err)
	}
	return string(out)
}
