package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
)

// Options configure Generate.
type Options struct {
	Pages int   // total number of Markdown pages to write (section index pages included)
	Seed  int64 // same seed, same files, byte for byte
}

// planSeed is the second half of the PCG seed of the plan's generator; page
// i's generator uses i there, so no page shares the plan's.
const planSeed = 1<<64 - 1

// Generate writes a corpus of opts.Pages Markdown pages into dir, which is
// created if missing and must otherwise be an empty folder, and returns the
// number of pages written.
func Generate(dir string, opts Options) (int, error) {
	if opts.Pages < minPages {
		return 0, fmt.Errorf("corpus: Pages must be at least %d, got %d", minPages, opts.Pages)
	}
	if err := prepareDir(dir); err != nil {
		return 0, err
	}
	seed := uint64(opts.Seed)
	p := makePlan(opts.Pages, rand.New(rand.NewPCG(seed, planSeed)))
	for _, f := range p.folders {
		d := filepath.Join(dir, filepath.FromSlash(p.pages[f.index].dir))
		if err := os.MkdirAll(d, 0o755); err != nil {
			return 0, fmt.Errorf("corpus: creating folder %q: %w", d, err)
		}
	}
	return writePages(dir, p, seed)
}

// writePages writes every planned page, on as many goroutines as there are
// processors: making a file is a system call that costs far more than
// composing it, and pages are independent of each other. It returns the
// number of files written and the error of the first page that failed.
func writePages(dir string, p *plan, seed uint64) (int, error) {
	workers := runtime.GOMAXPROCS(0)
	var (
		next    atomic.Int64
		written atomic.Int64
		wg      sync.WaitGroup
	)
	errs := make([]error, len(p.pages))
	for range workers {
		wg.Go(func() {
			src := rand.NewPCG(0, 0)
			w := &pageWriter{r: rand.New(src), b: make([]byte, 0, 64<<10)}
			for {
				i := int(next.Add(1) - 1)
				if i >= len(p.pages) {
					return
				}
				src.Seed(seed, uint64(i))
				w.writePage(p, i)
				name := filepath.Join(dir, filepath.FromSlash(p.path(i)))
				if err := os.WriteFile(name, w.b, 0o644); err != nil {
					errs[i] = fmt.Errorf("corpus: %w", err)
					next.Store(int64(len(p.pages)))
					return
				}
				written.Add(1)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return int(written.Load()), err
		}
	}
	return int(written.Load()), nil
}

// prepareDir makes sure dir is an empty folder, creating it if missing.
func prepareDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("corpus: creating %q: %w", dir, err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("corpus: reading %q: %w", dir, err)
	case len(entries) > 0:
		return fmt.Errorf("corpus: %q is not empty", dir)
	}
	return nil
}
