// Package defaulttheme embeds Playbook's default theme: HTML templates under
// templates/ and static assets under static/. A site overrides any file by
// putting one with the same path in its own theme folder.
package defaulttheme

import "embed"

// FS holds the theme's templates/ and static/ folders.
//
//go:embed templates static
var FS embed.FS
