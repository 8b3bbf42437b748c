package suggest

import "testing"

func TestClosest(t *testing.T) {
	known := []string{"product-owner", "scrum-master", "development-team", "stakeholders"}
	tests := []struct {
		name string
		want string
		ok   bool
	}{
		{"scrum-mastr", "scrum-master", true},
		{"product-onwer", "product-owner", true},
		{"cfo", "", false},
	}
	for _, tt := range tests {
		got, ok := Closest(tt.name, known)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
