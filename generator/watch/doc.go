// Package watch turns file-system events into batches of changed paths for
// `playbook serve`, which rebuilds the site once per batch.
//
// Why it looks the way it does:
//
//   - Linux has no recursive watch, so every folder gets its own watch: at
//     start, when it is created and when it is renamed into the tree. A new
//     folder is listed right after its watch is added, because files may land
//     in it before the watch exists (`mkdir -p a/b && echo x > a/b/c.md`); a
//     file is then seen by the listing, by an event, or by both.
//   - A folder renamed or removed has the watches of its whole subtree dropped.
//     The kernel keeps watching a moved folder's inode, so a stale watch would
//     report later saves under the folder's old name.
//   - A folder given to New that is removed (`rm -rf themes/default`, a branch
//     switch) is looked for again after every creation and on a poll tick,
//     because its parent may not be watched, and is watched again, with what
//     it holds recorded as changed, once it is back. A folder given with a
//     trailing separator may be missing from the start in the same way.
//   - A file given to New is watched through its parent folder, filtered to
//     that file, because editors replace a file rather than write it (write a
//     temporary, rename it over); a watch on the file itself would be lost.
//   - Editor temporaries, hidden files and attribute-only (chmod) events never
//     reach a batch, and one timer for the whole batch, reset on every event
//     and capped by Options.MaxWait, turns a `git checkout` into one rebuild.
//   - When the system's watch limit is reached, the folders left over are
//     polled instead, so a large tree degrades to slower updates, never to
//     missed saves or "too many open files".
//   - When the kernel's event queue overflows, events are lost; the watcher
//     says so with Batch.Rescan rather than pretending the batch is complete.
package watch
