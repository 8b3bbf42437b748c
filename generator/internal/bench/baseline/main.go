// Command baseline is the floor Playbook's build speed is compared with: a
// bare goldmark + chroma program that reads every Markdown file of a
// content folder, renders it (GFM, highlighted code fences with CSS
// classes) and writes the HTML, on all cores, with no navigation, theme,
// links or checks. Usage: go run ./generator/internal/bench/baseline -s SITE -d OUT
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

func main() {
	src := flag.String("s", ".", "site folder with content/")
	dst := flag.String("d", "baseline-out", "output folder")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			panic(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	var files []string
	root := filepath.Join(*src, "content")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return nil
	})
	md := goldmark.New(goldmark.WithExtensions(extension.GFM),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(highlighter{}, 100))))
	var wg sync.WaitGroup
	next := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for p := range next {
				data, err := os.ReadFile(p)
				if err != nil {
					panic(err)
				}
				buf.Reset()
				if err := md.Convert(data, &buf); err != nil {
					panic(err)
				}
				rel, _ := filepath.Rel(root, p)
				out := filepath.Join(*dst, strings.TrimSuffix(rel, ".md"), "index.html")
				os.MkdirAll(filepath.Dir(out), 0o755)
				if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
					panic(err)
				}
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	fmt.Printf("Rendered %d pages in %s → %s\n", len(files), time.Since(start).Round(time.Millisecond), *dst)
}

// highlighter renders fenced code with chroma, CSS classes, no inline styles.
type highlighter struct{}

var formatter = chromahtml.New(chromahtml.WithClasses(true))

func (highlighter) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, func(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		n := node.(*ast.FencedCodeBlock)
		var code bytes.Buffer
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			code.Write(seg.Value(source))
		}
		lexer := lexers.Get(string(n.Language(source)))
		if lexer == nil {
			lexer = lexers.Fallback
		}
		it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
		if err != nil {
			return ast.WalkStop, err
		}
		return ast.WalkSkipChildren, formatter.Format(w, styles.Fallback, it)
	})
}
