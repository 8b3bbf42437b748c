package scaffold

import "testing"

func TestSlug(t *testing.T) {
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
		{"", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseName(t *testing.T) {
	tests := []struct{ in, title, id string }{
		{"Product Manager", "Product Manager", "product-manager"},
		{"product-manager", "Product Manager", "product-manager"},
		{"designer", "Designer", "designer"},
		{"  Head  of Product ", "Head of Product", "head-of-product"},
		{"Product-Manager", "Product-Manager", "product-manager"},
		{"qa-2", "Qa 2", "qa-2"},
	}
	for _, tt := range tests {
		title, id := parseName(tt.in)
		if title != tt.title || id != tt.id {
			t.Errorf("parseName(%q) = %q, %q; want %q, %q", tt.in, title, id, tt.title, tt.id)
		}
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Product Manager", "Café crème", "Владелец продукта", "C++ & Go", "a\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if got != Slug(got) {
			t.Errorf("Slug(%q) = %q is not stable: Slug of it is %q", s, got, Slug(got))
		}
		if len(got) > 0 && (got[0] == '-' || got[len(got)-1] == '-') {
			t.Errorf("Slug(%q) = %q starts or ends with a hyphen", s, got)
		}
	})
}
