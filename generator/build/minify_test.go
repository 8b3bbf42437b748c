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
