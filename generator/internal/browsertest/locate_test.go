package browsertest

import "testing"

func TestBrowserLocate(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		present []string
		want    decision
	}{
		{
			name:    "default path present",
			present: []string{"/usr/bin/chromium"},
			want:    decision{verdict: run, path: "/usr/bin/chromium"},
		},
		{
			name:    "default path present under CI",
			env:     map[string]string{"CI": "true"},
			present: []string{"/usr/bin/chromium"},
			want:    decision{verdict: run, path: "/usr/bin/chromium"},
		},
		{
			name: "default path missing skips",
			want: decision{verdict: skip, path: "/usr/bin/chromium",
				msg: `no Chromium at "/usr/bin/chromium": install Debian's chromium package: apt-get install chromium`},
		},
		{
			name: "default path missing under CI fails",
			env:  map[string]string{"CI": "true"},
			want: decision{verdict: fail, path: "/usr/bin/chromium",
				msg: `no Chromium at "/usr/bin/chromium": install Debian's chromium package: apt-get install chromium (CI is set, so a missing browser fails the test)`},
		},
		{
			name: "CI=1 counts as CI",
			env:  map[string]string{"CI": "1"},
			want: decision{verdict: fail, path: "/usr/bin/chromium",
				msg: `no Chromium at "/usr/bin/chromium": install Debian's chromium package: apt-get install chromium (CI is set, so a missing browser fails the test)`},
		},
		{
			name: "CI=false is no CI",
			env:  map[string]string{"CI": "false"},
			want: decision{verdict: skip, path: "/usr/bin/chromium",
				msg: `no Chromium at "/usr/bin/chromium": install Debian's chromium package: apt-get install chromium`},
		},
		{
			name:    "override present",
			env:     map[string]string{"PLAYBOOK_CHROMIUM": "/opt/chromium/chrome"},
			present: []string{"/usr/bin/chromium", "/opt/chromium/chrome"},
			want:    decision{verdict: run, path: "/opt/chromium/chrome"},
		},
		{
			name:    "override missing does not fall back to the default",
			env:     map[string]string{"PLAYBOOK_CHROMIUM": "/nonexistent"},
			present: []string{"/usr/bin/chromium"},
			want: decision{verdict: skip, path: "/nonexistent",
				msg: `no Chromium at "/nonexistent" (set by PLAYBOOK_CHROMIUM): install Debian's chromium package: apt-get install chromium`},
		},
		{
			name: "override missing under CI fails",
			env:  map[string]string{"PLAYBOOK_CHROMIUM": "/nonexistent", "CI": "true"},
			want: decision{verdict: fail, path: "/nonexistent",
				msg: `no Chromium at "/nonexistent" (set by PLAYBOOK_CHROMIUM): install Debian's chromium package: apt-get install chromium (CI is set, so a missing browser fails the test)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			executable := func(p string) bool {
				for _, q := range tt.present {
					if p == q {
						return true
					}
				}
				return false
			}
			if got := locate(getenv, executable); got != tt.want {
				t.Errorf("locate:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
