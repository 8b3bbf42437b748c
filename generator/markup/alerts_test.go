package markup

import (
	"testing"
)

func TestAlerts(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{
			name: "note",
			src:  "> [!NOTE]\n> Read the *vision* first.\n",
			want: "<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<p>Read the <em>vision</em> first.</p>\n</div>\n",
		},
		{
			name: "tip",
			src:  "> [!TIP]\n> Pair on it.\n",
			want: "<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>Pair on it.</p>\n</div>\n",
		},
		{
			name: "important",
			src:  "> [!IMPORTANT]\n> The PO owns the backlog.\n",
			want: "<div class=\"callout callout-important\" role=\"note\">\n<p class=\"callout-title\">Important</p>\n<p>The PO owns the backlog.</p>\n</div>\n",
		},
		{
			name: "warning",
			src:  "> [!WARNING]\n> Do not skip the review.\n",
			want: "<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>\n<p>Do not skip the review.</p>\n</div>\n",
		},
		{
			name: "caution",
			src:  "> [!CAUTION]\n> This deletes the board.\n",
			want: "<div class=\"callout callout-caution\" role=\"note\">\n<p class=\"callout-title\">Caution</p>\n<p>This deletes the board.</p>\n</div>\n",
		},
		{
			name: "marker in any case, several blocks",
			src:  "> [!Tip]  \n>\n> First.\n>\n> - a list\n",
			want: "<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>First.</p>\n<ul>\n<li>a list</li>\n</ul>\n</div>\n",
		},
		{
			name: "marker alone",
			src:  "> [!note]\n",
			want: "<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n</div>\n",
		},
		{
			name: "plain blockquote",
			src:  "> A quote from the team.\n",
			want: "<blockquote>\n<p>A quote from the team.</p>\n</blockquote>\n",
		},
		{
			name: "marker with text on its line stays a blockquote",
			src:  "> [!NOTE] Read this.\n",
			want: "<blockquote>\n<p>[!NOTE] Read this.</p>\n</blockquote>\n",
		},
		{
			name: "unknown marker stays a blockquote",
			src:  "> [!DANGER]\n> Careful.\n",
			want: "<blockquote>\n<p>[!DANGER]\nCareful.</p>\n</blockquote>\n",
		},
		{
			name: "marker not on the first line",
			src:  "> Careful.\n> [!NOTE]\n",
			want: "<blockquote>\n<p>Careful.\n[!NOTE]</p>\n</blockquote>\n",
		},
		{
			// GitHub makes alerts only of top-level blockquotes.
			name: "inside a list item stays a blockquote",
			src:  "- item\n\n  > [!WARNING]\n  > Nested.\n",
			want: "<ul>\n<li>\n<p>item</p>\n<blockquote>\n<p>[!WARNING]\nNested.</p>\n</blockquote>\n</li>\n</ul>\n",
		},
		{
			name: "inside a blockquote stays a blockquote",
			src:  "> Outer.\n>\n> > [!NOTE]\n> > Inner.\n",
			want: "<blockquote>\n<p>Outer.</p>\n<blockquote>\n<p>[!NOTE]\nInner.</p>\n</blockquote>\n</blockquote>\n",
		},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := renderString(t, r, tt.src)
			if got := string(res.HTML); got != tt.want {
				t.Errorf("HTML:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
