package theme

import (
	"html/template"
	"testing"
	"testing/fstest"
)

func TestReads(t *testing.T) {
	for _, tt := range []struct {
		name, nav string
		want      bool
	}{
		{"if", `{{range .}}<a{{if .Current}} class="x"{{end}}>{{end}}`, true},
		{"variable", `{{range $i, $e := .}}{{$e.Current}}{{end}}`, true},
		{"with", `{{range .}}{{with .Children}}{{else}}{{.Current}}{{end}}{{end}}`, true},
		{"called template", `{{range .}}{{template "partials/item.html" .}}{{end}}`, true},
		{"argument of a function", `{{range .}}{{printf "%v" .Current}}{{end}}`, true},
		{"other fields only", `{{range .}}<a href="{{.URL}}">{{.Title}}</a>{{template "partials/nav.html" .Children}}{{end}}`, false},
		{"the word in text", `<p>Current</p>{{range .}}{{.Title}}{{end}}`, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := fstest.MapFS{
				"templates/base.html":          {Data: []byte(`{{block "main" .}}{{end}}`)},
				"templates/page.html":          {Data: []byte(`{{define "main"}}{{end}}`)},
				"templates/partials/nav.html":  {Data: []byte(tt.nav)},
				"templates/partials/item.html": {Data: []byte(`<a{{if .Current}} class="x"{{end}}>`)},
			}
			th, err := Load(files, nil, "", template.FuncMap{})
			if err != nil {
				t.Fatal(err)
			}
			if got := th.Reads("partials/nav.html", "Current"); got != tt.want {
				t.Errorf("Reads = %v, want %v for %s", got, tt.want, tt.nav)
			}
		})
	}
}
