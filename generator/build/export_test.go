package build

// SetMemoryBudget sets how many bytes of changed files a Session build keeps
// in memory before it spills them to disk, and returns a function that
// restores the budget. Tests set it to 0 to spill every file.
func SetMemoryBudget(n int) (restore func()) {
	old := memoryBudget
	memoryBudget = n
	return func() { memoryBudget = old }
}
