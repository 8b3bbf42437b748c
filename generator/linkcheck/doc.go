// Package linkcheck checks external http(s) links for `playbook check --external`.
//
// It is opt-in because it is the only part of Playbook that talks to other hosts, and the
// answers it gets are not deterministic: a site may be down for a minute, rate-limit us or
// dislike HEAD requests. The design follows from wanting few false alarms while staying polite:
//
//   - every distinct URL (fragment removed) is fetched once however many pages link to it;
//   - HEAD comes first because it is cheap, and GET follows when the server rejects HEAD;
//   - at most Options.PerHost requests run against one host at a time, Options.Workers overall;
//   - 429, 5xx and network errors are retried with a doubling backoff, honouring Retry-After;
//   - only successes are cached, so a broken link is reported again on every run until fixed.
package linkcheck
