package slug

import "testing"

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Product Manager", "product-manager"},
		{"  Product   Manager!! ", "product-manager"},
		{"What we learned (2026)", "what-we-learned-2026"},
		{"Writer's guide", "writers-guide"},
		{"Writer’s guide", "writers-guide"},
		{"C++ & Go", "c-go"},
		{"Q3 review", "q3-review"},
		{"Café crème", "cafe-creme"},
		{"Ärztin für Straßenbau", "arztin-fur-strassenbau"},
		{"Łódź, Kraków", "lodz-krakow"},
		{"Cafe\u0301 decomposed", "cafe-decomposed"},
		{"Æsop Œuvre Þing", "aesop-oeuvre-thing"},
		{"Владелец продукта", "владелец-продукта"},
		{"製品 ロードマップ", "製品-ロードマップ"},
		{"already-a-slug", "already-a-slug"},
		{"snake_case_name", "snake-case-name"},
		{"!!!", ""},
		{"CI/CD", "ci-cd"},
		{"Q&A", "q-a"},
		{"\u202eevil\"<x>&", "evil-x"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzMake(f *testing.F) {
	for _, s := range []string{"Product Manager", "Café crème", "Владелец продукта", "C++ & Go", "a\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Make(s)
		if got != Make(got) {
			t.Errorf("Make(%q) = %q is not stable: Slug of it is %q", s, got, Make(got))
		}
		if len(got) > 0 && (got[0] == '-' || got[len(got)-1] == '-') {
			t.Errorf("Make(%q) = %q starts or ends with a hyphen", s, got)
		}
	})
}
