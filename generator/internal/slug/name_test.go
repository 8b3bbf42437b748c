package slug

import "testing"

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
		title, id := Name(tt.in)
		if title != tt.title || id != tt.id {
			t.Errorf("Name(%q) = %q, %q; want %q, %q", tt.in, title, id, tt.title, tt.id)
		}
	}
}
