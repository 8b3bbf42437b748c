package kinds

import (
	"bytes"
	"encoding/json"
	"html/template"
	"time"
)

// StructuredData returns the schema.org JSON-LD of a Q&A thread: a QAPage
// when the page holds one question (its accepted answer as acceptedAnswer,
// the others as suggestedAnswer), else an FAQPage. pageURL is the page's
// absolute (or site) URL; question anchors are appended to it. The JSON is
// safe inside a <script> element: encoding/json escapes <, > and &.
func StructuredData(t *Thread, pageURL string) template.JS {
	type answer struct {
		Type        string   `json:"@type"`
		Text        string   `json:"text"`
		Author      *person  `json:"author,omitempty"`
		DateCreated string   `json:"dateCreated,omitempty"`
		URL         string   `json:"url,omitempty"`
		UpvoteCount *int     `json:"upvoteCount,omitempty"`
		Comment     []answer `json:"comment,omitempty"`
	}
	type question struct {
		Type            string   `json:"@type"`
		Name            string   `json:"name"`
		Text            string   `json:"text,omitempty"`
		Author          *person  `json:"author,omitempty"`
		DateCreated     string   `json:"dateCreated,omitempty"`
		AnswerCount     int      `json:"answerCount"`
		AcceptedAnswer  *answer  `json:"acceptedAnswer,omitempty"`
		SuggestedAnswer []answer `json:"suggestedAnswer,omitempty"`
		URL             string   `json:"url,omitempty"`
	}
	var toAnswer func(a *Answer) answer
	toAnswer = func(a *Answer) answer {
		out := answer{Type: "Answer", Text: a.BodyText, Author: personOf(a.Author), DateCreated: isoDate(a.Date), URL: pageURL + "#" + a.ID}
		for _, r := range a.Replies {
			c := toAnswer(r)
			c.Type = "Comment"
			out.Comment = append(out.Comment, c)
		}
		return out
	}
	questions := make([]question, 0, len(t.Questions))
	for _, q := range t.Questions {
		jq := question{Type: "Question", Name: q.Title, Text: q.BodyText, Author: personOf(q.Author),
			DateCreated: isoDate(q.Date), AnswerCount: len(q.Answers), URL: pageURL + "#" + q.ID}
		if jq.Text == "" {
			jq.Text = q.Title
		}
		for _, a := range q.Answers {
			if a == q.Accepted {
				accepted := toAnswer(a)
				jq.AcceptedAnswer = &accepted
				continue
			}
			jq.SuggestedAnswer = append(jq.SuggestedAnswer, toAnswer(a))
		}
		if len(t.Questions) > 1 && len(q.Answers) > 0 {
			// FAQPage questions carry the one answer the handbook stands by:
			// the accepted one, else the first.
			if jq.AcceptedAnswer == nil {
				first := jq.SuggestedAnswer[0]
				jq.AcceptedAnswer = &first
			}
			jq.SuggestedAnswer = nil
		}
		questions = append(questions, jq)
	}
	doc := map[string]any{"@context": "https://schema.org"}
	if len(questions) == 1 {
		doc["@type"] = "QAPage"
		doc["mainEntity"] = questions[0]
	} else {
		doc["@type"] = "FAQPage"
		doc["mainEntity"] = questions
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return ""
	}
	return template.JS(bytes.TrimSpace(buf.Bytes()))
}

type person struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

func personOf(name string) *person {
	if name == "" {
		return nil
	}
	return &person{Type: "Person", Name: name}
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
