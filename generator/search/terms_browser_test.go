package search

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// termEdges are texts where cutting into terms could go wrong: compounds,
// numbers and abbreviations, inflections, case, accents, CJK and scripts
// whose marks are letters' own.
var termEdges = []string{
	"over-committing overcommitting Over‐Committing non‑breaking",
	"7 a.m. 7am 7 am Q3 OKRs Q&A R&D e.g. U.K. team's teams’ don't",
	"review reviews reviewed reviewing decide decides decided deciding agreed agrees agreeing",
	"planned planning filled added stories tried ties business status analysis needs bring",
	"Café ÉTÉ naïve FAÇADE Ångström Straße ΟΔΟΣ ἄλφα Йод ёж İstanbul ǅemal",
	"e\u0301te\u0301 a\u0308 ﬁne ½ ² ⅻ",
	"製品責任者とは 日本語のテキスト。プロダクトオーナー 々 〆 한국어 텍스트 Scrum中文 中-文",
	"हिन्दी भाषा ภาษาไทย العربية",
	"code_review: works_with v1.2.3 2026-03-04 ci/cd a-b-c x_y_z -lead trail- a--b",
	strings.Repeat("x", 41) + " " + strings.Repeat("y", 40) + " \U0001D400\U0001D401 emoji😀ok",
}

// TestTermsAgreeWithBrowser runs search.js's terms and stem in Chromium on
// every line of the example playbook and on termEdges, and checks that they
// give exactly what the generator gives: the terms of a text as the index
// holds them, and those of a query.
func TestTermsAgreeWithBrowser(t *testing.T) {
	texts := slices.Clone(termEdges)
	err := filepath.WalkDir("../../content", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	in, err := json.Marshal(texts)
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	src, err := json.Marshal(string(readFile(t, theme+"js/search.js")))
	if err != nil {
		t.Fatal(err)
	}
	got := browsertest.Eval[struct {
		Index [][]string `json:"index"`
		Query [][]string `json:"query"`
	}](t, ctx, `(() => {
		const module = {};
		new Function("module", `+string(src)+`)(module);
		const {terms} = module.exports, texts = `+string(in)+`;
		return {index: texts.map((s) => terms(s)), query: texts.map((s) => [...new Set(terms(s, true))])};
	})()`)
	if len(got.Index) != len(texts) || len(got.Query) != len(texts) {
		t.Fatalf("search.js answered for %d and %d texts of %d", len(got.Index), len(got.Query), len(texts))
	}
	diffs := 0
	for i, text := range texts {
		want, wantQ := appendTerms(nil, text), queryTerms(text)
		if !slices.Equal(got.Index[i], want) && !(len(want) == 0 && len(got.Index[i]) == 0) {
			diffs++
			t.Errorf("terms of %q:\nsearch.js %q\n       Go %q", text, got.Index[i], want)
		}
		if !slices.Equal(got.Query[i], wantQ) && !(len(wantQ) == 0 && len(got.Query[i]) == 0) {
			diffs++
			t.Errorf("query terms of %q:\nsearch.js %q\n       Go %q", text, got.Query[i], wantQ)
		}
		if diffs > 20 {
			t.Fatal("too many differences")
		}
	}
}
