package build

// HTML, SVG and XML files of the content are published as they are, at the
// site's own address and without the pages' Content-Security-Policy (a
// static host sends no such header): script in one runs as the site. Unless
// the config says unsafe = true, such a file that could run script or send
// the reader away is an error at the construct. The file is tokenized as a
// browser would (golang.org/x/net/html), but never in the raw-text mode
// that hides markup inside <title>, <style> or <textarea>: in SVG, and in
// SVG inside HTML, those hold elements, so markup there counts too.

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
)

// activeTypes are the extensions of files a browser may run script in.
var activeTypes = map[string]bool{
	".html": true, ".htm": true, ".shtml": true, ".xhtml": true, ".xht": true,
	".svg": true, ".svgz": true, ".xml": true, ".xsl": true, ".xslt": true,
}

// documentLoaders are elements that load or embed another document.
var documentLoaders = map[string]bool{
	"iframe": true, "frame": true, "frameset": true, "object": true, "embed": true,
	"applet": true, "portal": true, "base": true, "foreignobject": true,
}

// elementNames spells element names as authors write them, for messages.
var elementNames = map[string]string{"foreignobject": "foreignObject"}

// checkActiveContent reports the content's files that could run script.
func (s *Site) checkActiveContent() diag.List {
	if s.Config.Unsafe {
		return nil
	}
	var diags diag.List
	for _, f := range s.Content.Files {
		if !activeTypes[strings.ToLower(path.Ext(f.File))] {
			continue
		}
		if d := s.checkActiveFile(f); d != nil {
			diags = append(diags, *d)
		}
	}
	return diags
}

// checkActiveFile reads one HTML, SVG or XML file and reports the first
// construct in it that could run script.
func (s *Site) checkActiveFile(f content.StaticFile) *diag.Diagnostic {
	data, err := readActive(s.contentDir(), f.File)
	if err != nil {
		d := diag.Errorf(f.DisplayPath, 0, 0, "reading file: %v", err)
		return &d
	}
	off, what, found := activeContent(data)
	if !found {
		return nil
	}
	line, col := diag.Position(data, off)
	d := diag.Errorf(f.DisplayPath, line, col, "the file holds %s: it is published at the site's own address, where it would run; remove it, or set unsafe = true in the config to publish the file as it is", what)
	return &d
}

// readActive reads a content file, unpacking a gzipped SVG.
func readActive(contentDir, rel string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(contentDir, filepath.FromSlash(rel)))
	if err != nil || !strings.EqualFold(path.Ext(rel), ".svgz") {
		return data, err
	}
	z, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(z, 64<<20))
}

// activeContent finds the first construct of doc that could run script or
// send the reader away, and returns its byte offset and a description.
func activeContent(doc []byte) (offset int, what string, found bool) {
	z := html.NewTokenizer(bytes.NewReader(doc))
	for off := 0; ; {
		tt := z.Next()
		raw := len(z.Raw())
		switch tt {
		case html.ErrorToken:
			return 0, "", false
		case html.DoctypeToken:
			if bytes.Contains(z.Raw(), []byte("[")) {
				return off, "a DOCTYPE that declares entities", true
			}
		case html.CommentToken:
			// An XML processing instruction reads as a comment here.
			if t := bytes.TrimSpace(z.Text()); bytes.HasPrefix(bytes.ToLower(t), []byte("?xml-stylesheet")) {
				return off, "an xml-stylesheet instruction", true
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			name := localName(tok.Data)
			switch {
			case name == "script":
				return off, "a <script> element", true
			case documentLoaders[name]:
				spelt := name
				if s, ok := elementNames[name]; ok {
					spelt = s
				}
				return off, article(spelt) + " <" + spelt + "> element", true
			}
			for _, a := range tok.Attr {
				key := localName(a.Key)
				switch {
				case strings.HasPrefix(key, "on"):
					return off, fmt.Sprintf("an event handler attribute (%s)", a.Key), true
				case isScriptURL(a.Val):
					return off, fmt.Sprintf("a script URL (%s)", a.Key), true
				case name == "meta" && key == "http-equiv" && strings.EqualFold(strings.TrimSpace(a.Val), "refresh"):
					return off, "a meta refresh", true
				}
			}
			if name != "script" {
				z.NextIsNotRawText()
			}
		}
		off += raw
	}
}

// localName is an element or attribute name without its namespace prefix
// (svg:script is a script), lower-cased.
func localName(name string) string {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return strings.ToLower(name)
}

// isScriptURL reports whether an attribute value, as a browser reads it
// (leading spaces and control characters dropped, tabs and line breaks
// removed, case ignored), is a URL that runs script or opens a document.
func isScriptURL(v string) bool {
	v = strings.TrimLeftFunc(v, func(r rune) bool { return r <= ' ' })
	v = strings.ToLower(strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v))
	for _, scheme := range []string{"javascript:", "vbscript:", "data:text/html", "data:application/xhtml", "data:image/svg"} {
		if strings.HasPrefix(v, scheme) {
			return true
		}
	}
	return false
}

func article(word string) string {
	if strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}
