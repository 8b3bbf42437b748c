package markup

import (
	"bytes"
	"strings"
	"testing"
)

func TestHighlightFences(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    []string
		notWant []string
	}{
		{
			name: "go",
			src:  "```go\nfunc main() { fmt.Println(\"hi\") }\n```\n",
			want: []string{
				`<pre class="chroma" tabindex="0"><code class="language-go">`,
				`<span class="hl-kd">func</span>`,
				`<span class="hl-s">&#34;hi&#34;</span>`,
				"</code></pre>\n",
			},
		},
		{
			name: "yaml",
			src:  "```yaml\ntitle: Playbook # site\n```\n",
			want: []string{
				`<pre class="chroma" tabindex="0"><code class="language-yaml">`,
				`<span class="hl-nt">title</span>`,
				`<span class="hl-c">`,
			},
		},
		{
			name: "bash in a list item",
			src:  "1. Run:\n\n   ```bash\n   echo \"$HOME\" && go build ./...\n   ```\n",
			want: []string{
				`<pre class="chroma" tabindex="0"><code class="language-bash">`,
				`<span class="hl-nb">echo</span>`,
				`<span class="hl-nv">$HOME</span>`,
			},
		},
		{
			name:    "unknown language",
			src:     "```mermaid\ngraph TD; A-->B<C\n```\n",
			want:    []string{"<pre tabindex=\"0\"><code>graph TD; A--&gt;B&lt;C\n</code></pre>\n"},
			notWant: []string{"chroma", "hl-"},
		},
		{
			name:    "no language",
			src:     "```\n<b>x</b>\n```\n",
			want:    []string{"<pre tabindex=\"0\"><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>\n"},
			notWant: []string{"chroma"},
		},
		{
			name: "indented code is left plain",
			src:  "    x := 1\n",
			want: []string{"<pre tabindex=\"0\"><code>x := 1\n</code></pre>\n"},
		},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := renderString(t, r, tt.src)
			notWant := append([]string{"style=", "hl-ln", "hl-line"}, tt.notWant...)
			assertHTML(t, string(res.HTML), tt.want, notWant)
		})
	}
}

func TestHighlightCSS(t *testing.T) {
	css, err := HighlightCSS("github", "github-dark")
	if err != nil {
		t.Fatal(err)
	}
	again, err := HighlightCSS("github", "github-dark")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(css, again) {
		t.Error("HighlightCSS is not deterministic")
	}
	s := string(css)
	mediaStart := strings.Index(s, "@media (prefers-color-scheme: dark) {\n")
	mediaEnd := strings.Index(s, "\n}\n")
	if mediaStart < 0 || mediaEnd < mediaStart {
		t.Fatalf("no dark media block:\n%s", s)
	}
	light, media, forced := s[:mediaStart], s[mediaStart:mediaEnd], s[mediaEnd:]
	assertHTML(t, light, []string{
		".chroma { color: inherit; background-color: #f7f7f7 }\n",
		".chroma .hl-k { color: #cf222e }\n",
		// Bold only in the dark style: reset in the light one.
		".chroma .hl-nf { color: #6639ba; font-weight: inherit }\n",
	}, []string{"data-theme", "#ff7b72"})
	assertHTML(t, media, []string{
		"  :root:not([data-theme=light]) .chroma { color: #e6edf3; background-color: #0d1117 }\n",
		"  :root:not([data-theme=light]) .chroma .hl-k { color: #ff7b72 }\n",
		"  :root:not([data-theme=light]) .chroma .hl-nf { color: #d2a8ff; font-weight: bold }\n",
		// Coloured only in the light style: reset in the dark one.
		"  :root:not([data-theme=light]) .chroma .hl-nb { color: inherit }\n",
	}, []string{"#cf222e"})
	assertHTML(t, forced, []string{
		":root[data-theme=dark] .chroma { color: #e6edf3; background-color: #0d1117 }\n",
		":root[data-theme=dark] .chroma .hl-k { color: #ff7b72 }\n",
	}, []string{"#cf222e"})
	if n, m, f := strings.Count(light, "{"), strings.Count(media, "{")-1, strings.Count(forced, "{"); n != m || n != f {
		t.Errorf("rule counts differ: light %d, media %d, forced %d", n, m, f)
	}
	if strings.Contains(s, ".hl-chroma") || strings.Contains(s, ".hl-bg") {
		t.Errorf("wrapper rules must target .chroma:\n%s", s)
	}
}

func TestHighlightCSSUnknownStyle(t *testing.T) {
	tests := []struct{ light, dark, want string }{
		{"githb", "github-dark", `unknown code highlighting style "githb"; did you mean "github"?`},
		{"github", "qqqqqqqqqqqqqqqqqqqqqqqq", `unknown code highlighting style "qqqqqqqqqqqqqqqqqqqqqqqq"`},
	}
	for _, tt := range tests {
		_, err := HighlightCSS(tt.light, tt.dark)
		if err == nil || err.Error() != tt.want {
			t.Errorf("HighlightCSS(%q, %q) error = %v, want %q", tt.light, tt.dark, err, tt.want)
		}
	}
}
