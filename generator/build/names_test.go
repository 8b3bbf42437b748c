package build_test

import (
	"encoding/json"
	"fmt"
	"html"
	"path"
	"regexp"
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// hostileName is a file or folder name holding every character that could
// end an attribute, open a tag or an entity, reorder text or confuse a
// reader: quotes, angle brackets, an ampersand, spaces, a right-to-left
// override and control characters (no NUL, no slash: no file name has them).
const hostileName = "a\"b'c<d>e&f g\u202eh\x01i\x1fj"

// TestHostileFileNamesAreInert builds a site whose every file and folder
// name is hostile, in every kind, with a role named as markup that would
// run script if a name went into an attribute unescaped, and scans every
// output file for markup that could execute.
func TestHostileFileNamesAreInert(t *testing.T) {
	const iframeRole = `x"><p><iframe src=x.html>`
	n := hostileName
	s := testsite.New(t, "-- playbook.toml --\nbaseURL = \"https://x.example/\"\n-- content/_index.md --\n# Home\n")
	s.WriteFile("content/roles/"+iframeRole+".md", "---\nworks_with: [\""+jsonEscape(n)+"\"]\n---\n# Iframe role\n")
	// A tag with a control character is an error: the tags keep the rest.
	tag := strings.NewReplacer("\x01", "", "\x1f", "").Replace(n)
	s.WriteFile("content/roles/"+n+".md", "---\nworks_with: [\""+jsonEscape(iframeRole)+"\"]\ntags: [\""+jsonEscape(tag)+"\"]\n---\nA role.\n")
	s.WriteFile("content/expectations/"+n+".md", "---\nfrom: \""+jsonEscape(n)+"\"\nof: \""+jsonEscape(iframeRole)+"\"\n---\n## Category "+n+"\n\n- An item.\n")
	s.WriteFile("content/qa/"+n+".md", "## A question?\n\nAsked by **Someone**\n\n- **Answerer**:\n  An answer.\n")
	s.WriteFile("content/articles/"+n+".md", "---\ndate: 2026-05-01\ntags: [\""+jsonEscape(tag)+"\"]\n---\nProse.\n")
	s.WriteFile("content/vision-boards/"+n+".md", "## Vision\nv\n## Target Group\nt\n## Needs\nn\n## Product\np\n## Business Goals\nb\n")
	s.WriteFile("content/"+n+"/"+n+".md", "# Plain\n")
	s.WriteFile("content/"+n+"/"+n+".txt", "a file\n")
	s.MustBuild(build.Options{})

	scanned := 0
	for name, data := range s.Tree() {
		switch ext := path.Ext(name); ext {
		case ".html", ".xml":
			scanned++
			for _, p := range scriptRisks(data) {
				t.Errorf("%q: %s", name, p)
			}
			for _, m := range feedHTML.FindAllStringSubmatch(data, -1) {
				for _, p := range scriptRisks(html.UnescapeString(m[2])) {
					t.Errorf("%q: in a %s element: %s", name, m[1], p)
				}
			}
		case ".json":
			scanned++
			if !json.Valid([]byte(data)) {
				t.Errorf("%q is not valid JSON", name)
			}
		case ".js":
			scanned++
			if strings.Contains(data, "Iframe role") || strings.Contains(data, "\u202e") {
				t.Errorf("%q, a script, holds content", name)
			}
		}
	}
	if scanned < 20 {
		t.Fatalf("only %d files were scanned", scanned)
	}
	// The names were rendered, as text, so the scan above is not vacuous.
	s.AssertContains("roles/"+strings.ReplaceAll(iframeRole, " ", "-")+"/index.html", "Iframe role", "<svg")
}

// jsonEscape escapes a string for a double-quoted YAML or JSON string.
func jsonEscape(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

// scriptRisks lists what in an HTML (or XML) document could run script or
// take the reader away: script elements but the theme's own and JSON-LD,
// event handler attributes, script URLs, meta refresh and elements that
// load other documents. The document is tokenized as a browser does
// (golang.org/x/net/html), names without their namespace prefix.
func scriptRisks(doc string) []string {
	var risks []string
	z := nethtml.NewTokenizer(strings.NewReader(doc))
	inScript := false
	var scriptAttrs []nethtml.Attribute
	for {
		tt := z.Next()
		switch tt {
		case nethtml.ErrorToken:
			return risks
		case nethtml.TextToken:
			if inScript {
				if p := checkScriptElement(scriptAttrs, string(z.Text())); p != "" {
					risks = append(risks, p)
				}
				inScript = false
			}
		case nethtml.EndTagToken:
			if inScript {
				if p := checkScriptElement(scriptAttrs, ""); p != "" {
					risks = append(risks, p)
				}
				inScript = false
			}
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			tok := z.Token()
			name := localName(tok.Data)
			for _, a := range tok.Attr {
				key := localName(a.Key)
				if strings.HasPrefix(key, "on") {
					risks = append(risks, fmt.Sprintf("<%s> has an event handler %s=%q", tok.Data, a.Key, a.Val))
				}
				if bad := scriptURL(key, a.Val); bad != "" && !(name == "link" && a.Val == "data:,") {
					risks = append(risks, fmt.Sprintf("<%s %s=%q>: %s", tok.Data, a.Key, a.Val, bad))
				}
				if name == "meta" && key == "http-equiv" && strings.EqualFold(a.Val, "refresh") {
					risks = append(risks, fmt.Sprintf("<meta http-equiv=refresh> in %v", tok.Attr))
				}
			}
			switch name {
			case "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "foreignobject":
				risks = append(risks, fmt.Sprintf("<%s> element", tok.Data))
			case "script":
				inScript, scriptAttrs = true, tok.Attr
			}
		}
	}
}

// checkScriptElement says why a script element is not the theme's (empty,
// loading its script) or JSON-LD that stays inside its element, or "".
func checkScriptElement(attrs []nethtml.Attribute, body string) string {
	var src, typ string
	for _, a := range attrs {
		switch a.Key {
		case "src":
			src = a.Val
		case "type":
			typ = a.Val
		}
	}
	switch {
	case typ == "application/ld+json" && !strings.Contains(body, "<") && json.Valid([]byte(body)):
		return ""
	case src != "" && themeScriptSrc.MatchString(src) && strings.TrimSpace(body) == "":
		return ""
	}
	return fmt.Sprintf("script element %v with %q", attrs, body)
}

// themeScriptSrc is the src of a script the theme writes.
var themeScriptSrc = regexp.MustCompile(`^(https://x\.example)?/js/[a-z0-9.-]+\.js$`)

func localName(name string) string {
	if i := strings.LastIndexByte(name, ':'); i >= 0 && !strings.HasPrefix(name, "xlink:") {
		return strings.ToLower(name[i+1:])
	}
	return strings.ToLower(name)
}

// TestScriptRisks keeps the scanner honest.
func TestScriptRisks(t *testing.T) {
	for _, doc := range []string{
		`<script>alert(1)</script>`,
		`<svg><script>alert(1)</script></svg>`,
		`<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>`,
		`<img src=x onerror=alert(1)>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<a xlink:href="javascript:alert(1)">x</a>`,
		`<meta http-equiv="refresh" content="0; url=https://evil.example/">`,
		`<iframe src="x.html"></iframe>`,
		`<svg><foreignObject><p>x</p></foreignObject></svg>`,
		`<p title="x"><iframe src=x.html>`,
	} {
		if len(scriptRisks(doc)) == 0 {
			t.Errorf("missed %q", doc)
		}
	}
	for _, doc := range []string{
		`<script src="/js/playbook.0123abcd.js" defer></script>`,
		`<script type="application/ld+json">{"a":"\u003c"}</script>`,
		`<p title="&quot;&gt;&lt;iframe src=x&gt;">&lt;iframe&gt;</p>`,
		`<link rel="icon" href="data:,">`,
	} {
		if r := scriptRisks(doc); len(r) > 0 {
			t.Errorf("flagged %q: %v", doc, r)
		}
	}
}
