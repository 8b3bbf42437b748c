package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/playbookhq/playbook/generator/internal/diag"
)

// A site can brand the default theme with a logo, shown before the site's
// title, and an accent colour, which links, focus rings and the theme's
// highlights take instead of its blue. The accent must stay readable: a
// colour under 4.5:1 (WCAG AA for text) against any background the theme
// puts links on is an error at the line of the key, with the ratio found.
// One colour cannot be readable on both a white and a near-black page, so
// accentColor is for the light theme and accentColorDark for the dark one;
// a theme whose colour is not set keeps the default.

// Backgrounds that links sit on, per theme: the page, the surface of cards,
// tables and code blocks, and inline code. They are the default theme's
// --bg, --surface and --code.
var (
	lightBackgrounds = []namedColor{{"page", "#ffffff"}, {"surface", "#f6f8fa"}, {"inline code", "#eff2f5"}}
	darkBackgrounds  = []namedColor{{"page", "#0d1117"}, {"surface", "#151b23"}, {"inline code", "#212830"}}
)

type namedColor struct{ name, hex string }

// minContrast is WCAG AA's ratio for normal text.
const minContrast = 4.5

func (c *Config) validateBrand(file string) diag.List {
	var diags diag.List
	check := func(key, value, theme string, backgrounds []namedColor) {
		if value == "" {
			return
		}
		line, col := c.KeyPos(key)
		fg, ok := parseHex(value)
		if !ok {
			diags = append(diags, diag.Errorf(file, line, col, "%s %q is not a colour: write it as #rrggbb, such as \"#0b5cad\"", key, value))
			return
		}
		for _, bg := range backgrounds {
			b, _ := parseHex(bg.hex)
			if r := contrast(fg, b); r < minContrast {
				hint := "darker"
				if theme == "dark" {
					hint = "lighter"
				}
				diags = append(diags, diag.Errorf(file, line, col,
					"%s %s has a contrast of %.2f:1 with the %s theme's %s background %s, and links need %.1f:1: choose a %s colour",
					key, value, math.Floor(r*100)/100, theme, bg.name, bg.hex, minContrast, hint))
				return
			}
		}
	}
	check("accentColor", c.AccentColor, "light", lightBackgrounds)
	check("accentColorDark", c.AccentColorDark, "dark", darkBackgrounds)
	if strings.Contains(c.Logo, "..") || strings.HasPrefix(c.Logo, "/") || strings.Contains(c.Logo, "\\") || strings.Contains(c.Logo, "://") {
		line, col := c.KeyPos("logo")
		diags = append(diags, diag.Errorf(file, line, col, "logo %q must be the path of an image in the content folder, such as \"logo.svg\"", c.Logo))
	}
	return diags
}

// parseHex reads #rgb or #rrggbb.
func parseHex(s string) ([3]float64, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return [3]float64{}, false
	}
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(s[2*i:2*i+2], 16, 8)
		if err != nil {
			return [3]float64{}, false
		}
		c[i] = float64(v)
	}
	return c, true
}

// contrast is WCAG 2's contrast ratio of two sRGB colours.
func contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c [3]float64) float64 {
	var l [3]float64
	for i, v := range c {
		v /= 255
		if v <= 0.04045 {
			l[i] = v / 12.92
		} else {
			l[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

// BrandCSS is the stylesheet that gives the default theme the site's
// accent colours, "" when it sets none. It only sets the theme's custom
// properties, so that a stricter rule (print's black links) still wins.
func (c Config) BrandCSS() string {
	var b strings.Builder
	vars := func(value string) string {
		c, _ := parseHex(value)
		hex := fmt.Sprintf("#%02x%02x%02x", int(c[0]), int(c[1]), int(c[2]))
		return fmt.Sprintf("--link:%s;--focus:%s;", hex, hex)
	}
	if _, ok := parseHex(c.AccentColor); ok {
		fmt.Fprintf(&b, ":root{%s}\n", vars(c.AccentColor))
	}
	if _, ok := parseHex(c.AccentColorDark); ok {
		d := vars(c.AccentColorDark)
		fmt.Fprintf(&b, "@media (prefers-color-scheme: dark){:root:not([data-theme=light]){%s}}\n:root[data-theme=dark]{%s}\n", d, d)
	}
	return b.String()
}
