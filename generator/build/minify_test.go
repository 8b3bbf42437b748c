package build

import "testing"

func TestMinifyCSS(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/* note */\na {\n  color: red;\n}\n", "a{color: red;}"},
		{"a :hover , b > c { x: 1 }", "a :hover,b>c{x: 1}"},
		{`a::before { content: "  /* kept */  "; }`, `a::before{content: "  /* kept */  ";}`},
		{"@media (max-width: 600px) {\n  .x { y: z; }\n}", "@media (max-width: 600px){.x{y: z;}}"},
		{"a{b:c}/* unclosed", "a{b:c}"},
	}
	for _, tt := range tests {
		if got := minifyCSS(tt.in); got != tt.want {
			t.Errorf("minifyCSS(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripJS(t *testing.T) {
	in := "// The switch.\n(function () {\n  var a = 1; // kept: not a whole line\n\n  // gone\n  return \"// kept: in a string\";\n})();\n"
	want := "(function () {\nvar a = 1; // kept: not a whole line\nreturn \"// kept: in a string\";\n})();\n"
	if got := string(stripJS([]byte(in))); got != want {
		t.Errorf("stripJS:\n%s\nwant:\n%s", got, want)
	}
	withTemplate := "var s = `\n// text of a template literal\n`;\n"
	if got := string(stripJS([]byte(withTemplate))); got != withTemplate {
		t.Errorf("stripJS changed a script with a template literal:\n%s", got)
	}
}
