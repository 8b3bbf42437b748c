package scaffold

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
		title, id := parseName(tt.in)
		if title != tt.title || id != tt.id {
			t.Errorf("parseName(%q) = %q, %q; want %q, %q", tt.in, title, id, tt.title, tt.id)
		}
	}
}
