package build_test

import (
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// activeSuffix ends the message for a published file that could run script.
const activeSuffix = ": it is published at the site's own address, where it would run; remove it, or set unsafe = true in the config to publish the file as it is"

// TestActiveContentFilesAreErrors publishes HTML and SVG files from the
// content: one that could run script or send the reader away is an error
// at the construct, unless the config says unsafe = true; an inert one is
// published as it is.
func TestActiveContentFilesAreErrors(t *testing.T) {
	for _, tt := range []struct{ file, data, want string }{
		{"content/page.html", "<p>Hi</p>\n<script>alert(1)</script>\n", "content/page.html:2:1: the file holds a <script> element" + activeSuffix},
		{"content/page.htm", "<p>Hi <b onclick=\"alert(1)\">x</b></p>\n", "content/page.htm:1:7: the file holds an event handler attribute (onclick)" + activeSuffix},
		{"content/img.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>\n", "content/img.svg:1:1: the file holds an event handler attribute (onload)" + activeSuffix},
		{"content/img.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script></svg>\n", "content/img.svg:2:1: the file holds a <script> element" + activeSuffix},
		{"content/img.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title><script>alert(1)</script></title></svg>\n", "content/img.svg:1:48: the file holds a <script> element" + activeSuffix},
		{"content/img.svg", "<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"><svg:script>alert(1)</svg:script></svg:svg>", "content/img.svg:1:49: the file holds a <script> element" + activeSuffix},
		{"content/img.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\" java&#x09;script:alert(1)\"><text>x</text></a></svg>", "content/img.svg:1:41: the file holds a script URL (href)" + activeSuffix},
		{"content/img.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><a><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a></svg>", "content/img.svg:1:44: the file holds a script URL (to)" + activeSuffix},
		{"content/img.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><p>x</p></foreignObject></svg>", "content/img.svg:1:41: the file holds a <foreignObject> element" + activeSuffix},
		{"content/img.svg", "<!DOCTYPE svg [<!ENTITY e \"&#60;script&#62;alert(1)&#60;/script&#62;\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">&e;</svg>", "content/img.svg:1:1: the file holds a DOCTYPE that declares entities" + activeSuffix},
		{"content/img.svg", "<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>", "content/img.svg:1:1: the file holds an xml-stylesheet instruction" + activeSuffix},
		{"content/page.html", "<iframe src=\"https://evil.example/\"></iframe>", "content/page.html:1:1: the file holds an <iframe> element" + activeSuffix},
		{"content/page.html", "<object data=\"x.swf\"></object>", "content/page.html:1:1: the file holds an <object> element" + activeSuffix},
		{"content/page.html", "<embed src=\"x.swf\">", "content/page.html:1:1: the file holds an <embed> element" + activeSuffix},
		{"content/page.html", "<meta http-equiv=\"Refresh\" content=\"0; url=https://evil.example/\">", "content/page.html:1:1: the file holds a meta refresh" + activeSuffix},
		{"content/data.xml", "<html:html xmlns:html=\"http://www.w3.org/1999/xhtml\"><html:script>alert(1)</html:script></html:html>", "content/data.xml:1:54: the file holds a <script> element" + activeSuffix},
		{"content/page.xhtml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><img src=\"x\" onerror=\"alert(1)\"/></body></html>", "content/page.xhtml:1:50: the file holds an event handler attribute (onerror)" + activeSuffix},
		{"content/page.html", "<svg><style><img src=x onerror=alert(1)></style></svg>", "content/page.html:1:13: the file holds an event handler attribute (onerror)" + activeSuffix},
		// Inert files are published.
		{"content/img.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><title>A &lt;script&gt;</title><a href=\"../a/\"><rect width=\"1\" height=\"1\"/></a></svg>", ""},
		{"content/page.html", "<!DOCTYPE html><p>Hello <a href=\"/\">home</a></p><style>p > a { color: red }</style>", ""},
	} {
		t.Run(tt.file+" "+tt.data, func(t *testing.T) {
			s := testsite.New(t, "-- content/_index.md --\n# Home\n")
			s.WriteFile(tt.file, tt.data)
			s.Build(build.Options{})
			if got := s.Problems(); got != tt.want {
				t.Fatalf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
			rel := strings.TrimPrefix(tt.file, "content/")
			if tt.want == "" && s.File(rel) != tt.data {
				t.Errorf("%s was not published as it is", rel)
			}
			// With unsafe = true, the file is published as it is.
			s.WriteFile("playbook.toml", "unsafe = true\n")
			s.MustBuild(build.Options{})
			if s.File(rel) != tt.data {
				t.Errorf("with unsafe = true, %s was not published as it is", rel)
			}
		})
	}
}
