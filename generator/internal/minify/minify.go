// Package minify minifies the theme's scripts and stylesheets with
// esbuild: they are written to be read, with notes on contrast ratios and
// why each rule is there, and a reader's browser needs none of that.
package minify

import (
	"crypto/sha256"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// JS returns the script src minified (white space, comments, local names):
// search.js, which a first query fetches, goes from 7.6 to 4.5 KB gzipped,
// a third of the search budget. A script esbuild cannot parse is returned
// as it is: the browser will say what is wrong with it.
func JS(src []byte) []byte { return transform(src, api.LoaderJS) }

// CSS returns the stylesheet src minified. One esbuild cannot parse is
// returned as it is.
func CSS(src []byte) []byte { return transform(src, api.LoaderCSS) }

// done remembers what was minified in this process: a build minifies the
// same built-in theme files every time, and serve's full rebuilds and the
// tests build often (a fifth of a small site's build went to esbuild). It
// holds at most maxDone results, so that a long serve session editing a
// stylesheet does not grow it for ever. It is the package's one piece of
// state, kept because it is invisible to callers (the same input always
// gives the same output) and the results are never changed: callers must
// not modify what JS and CSS return.
var done struct {
	sync.Mutex
	m map[[32]byte][]byte
}

const maxDone = 64

func transform(src []byte, loader api.Loader) []byte {
	key := sha256.Sum256(append([]byte{byte(loader), byte(loader >> 8)}, src...))
	done.Lock()
	out, ok := done.m[key]
	done.Unlock()
	if ok {
		return out
	}
	out = minify(src, loader)
	done.Lock()
	if done.m == nil || len(done.m) >= maxDone {
		done.m = map[[32]byte][]byte{}
	}
	done.m[key] = out
	done.Unlock()
	return out
}

func minify(src []byte, loader api.Loader) []byte {
	r := api.Transform(string(src), api.TransformOptions{
		Loader:            loader,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Charset:           api.CharsetUTF8,
		Target:            api.ESNext,
	})
	if len(r.Errors) > 0 {
		return src
	}
	return r.Code
}
