package corpus

// The vocabularies below are read-only tables. Every phrase is plain ASCII
// without '<', '"', '\', '_' or '*', so that it can go into quoted front matter
// values, Markdown prose and headings without escaping, and so that heading ids
// come out the same under GitHub's rules and goldmark's.

// sectionNames name the top-level folders, in order. None of them is a folder
// name that gives pages a typed kind (roles, expectations, vision-boards, qa,
// articles).
var sectionNames = []string{
	"onboarding", "discovery", "delivery", "research", "design-ops",
	"strategy", "analytics", "platform", "security", "support",
	"operations", "governance", "hiring", "finance", "marketing",
	"partnerships", "rituals", "customer-success", "engineering", "compliance",
	"accessibility", "localization", "growth", "pricing", "data",
}

// subsectionNames name the folders one level below a section.
var subsectionNames = []string{
	"guides", "checklists", "templates", "runbooks", "decisions",
	"retrospectives", "metrics", "workshops", "policies", "examples",
	"meetings", "reference",
}

// tagNames is the small tag vocabulary of the corpus.
var tagNames = []string{
	"discovery", "delivery", "metrics", "onboarding", "process",
	"templates", "research", "roadmap", "stakeholders", "quality",
	"rituals", "hiring", "design", "engineering", "strategy",
}

// actors are sentence subjects, written in lower case.
var actors = []string{
	"the product owner", "the product manager", "the design lead",
	"the engineering manager", "each team", "every squad", "the researcher",
	"the data analyst", "the delivery lead", "the stakeholder group",
	"the support team", "a new hire", "the tech lead", "the head of product",
	"the platform team", "the content designer", "the test engineer",
	"the scrum master", "the sales lead", "the customer success manager",
}

// verbs pairs a base form with its third person singular.
var verbs = [][2]string{
	{"review", "reviews"}, {"share", "shares"}, {"document", "documents"},
	{"refine", "refines"}, {"validate", "validates"}, {"track", "tracks"},
	{"publish", "publishes"}, {"own", "owns"}, {"schedule", "schedules"},
	{"clarify", "clarifies"}, {"prioritize", "prioritizes"},
	{"challenge", "challenges"}, {"update", "updates"},
	{"summarize", "summarizes"}, {"test", "tests"}, {"measure", "measures"},
	{"negotiate", "negotiates"}, {"draft", "drafts"}, {"archive", "archives"},
	{"approve", "approves"}, {"revisit", "revisits"}, {"explain", "explains"},
	{"agree on", "agrees on"}, {"break down", "breaks down"},
	{"write down", "writes down"}, {"present", "presents"},
}

// gerunds open page titles.
var gerunds = []string{
	"Running", "Planning", "Writing", "Reviewing", "Sharing", "Measuring",
	"Preparing", "Scoping", "Testing", "Launching", "Hosting", "Tracking",
	"Handing Over", "Shaping", "Estimating", "Improving", "Retiring",
	"Facilitating", "Auditing", "Simplifying",
}

// adjectives qualify nouns, in lower case.
var adjectives = []string{
	"quarterly", "weekly", "short", "shared", "written", "current", "draft",
	"public", "internal", "lightweight", "detailed", "agreed", "open", "next",
	"first", "final", "rough", "living", "visible", "small", "annual",
	"cross-team", "monthly", "team-level",
}

// nouns are the things a product organisation writes about, in lower case.
var nouns = []string{
	"roadmap", "backlog", "decision record", "release plan", "research summary",
	"risk log", "success metric", "team charter", "onboarding checklist",
	"interview guide", "design brief", "service map", "incident review",
	"budget", "hypothesis", "experiment", "acceptance checklist", "user story",
	"dashboard", "retro board", "working agreement", "style guide", "runbook",
	"changelog", "product vision", "persona", "journey map", "estimate",
	"dependency list", "launch plan", "sprint goal", "demo", "feedback loop",
	"support rota", "pricing page", "migration plan", "handover note",
	"north star metric", "usability test", "opportunity tree",
}

// audiences close some page titles.
var audiences = []string{
	"New Hires", "Designers", "Engineers", "Stakeholders", "Product Owners",
	"Team Leads", "Researchers", "Support Staff", "Executives", "Partners",
}

// clauses end sentences.
var clauses = []string{
	"before the sprint review", "so that nobody is surprised later",
	"with the whole team in the room", "at least once a month",
	"whenever the scope changes", "without waiting for a formal approval",
	"after every release", "in the team channel",
	"as soon as the data is in", "before anyone starts building",
	"during the planning session", "while the context is still fresh",
	"for the next quarter", "in plain language",
	"with a clear owner and a date", "with a link from the section page",
	"together with the people who use it", "in less than a page",
}

// events follow "when" and "what if".
var events = []string{
	"a priority changes", "a customer reports a problem", "the team misses a goal",
	"a new hire joins", "the roadmap shifts", "an experiment ends",
	"a release slips", "a stakeholder asks for a date", "the metrics move",
	"research finds a new need", "two teams disagree", "the budget is cut",
}

// codeWords appear in inline code spans.
var codeWords = []string{
	"make check", "roadmap.yaml", "status: ready", "owner", "git log --oneline",
	"weight", "draft: true", "npm test", "SELECT count(*)", "go test ./...",
	"TODO", "CHANGELOG.md", "priority: high", "due: 2026-06-30", "kubectl get pods",
	"--dry-run",
}

// connectives open a second clause inside longer sentences.
var connectives = []string{
	"because", "although", "and then", "so that", "unless", "while",
}
