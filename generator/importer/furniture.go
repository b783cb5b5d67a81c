package importer

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// DefaultDrop is the page furniture an import removes unless [import]
// defaultDrop is false: lines a web page or a summary tool adds around a
// report that are not part of what was said. An entry is a line as
// written, matched ignoring case and the punctuation around it, or a
// regular expression between slashes matched against the whole line,
// ignoring case.
var DefaultDrop = []string{
	// Tables of contents and navigation.
	"Table of contents", "Contents", "In this article", "On this page", "Jump to", "Skip to content",
	"Skip to main content", "Back to top", "Menu", "Home", "Breadcrumb",
	// Links to the rest of a report or elsewhere.
	`/^(read|see|view|open|download|access)?\s*(the\s+)?(full|complete|whole)\s+(session\s+|event\s+)?(report|text|transcript|summary|article|statement|recording)(\s+here)?$/`,
	`/^(read|see|view|show|load)\s+(more|less)$/`, "Continue reading", "Download PDF", "Download (PDF)",
	"Watch the recording", "Watch the session", "Listen to the session",
	// Disclaimers of generated text.
	`/^(disclaimer:\s*)?(this|the)\s+(summary|report|text|transcript|article|page|content|session\s+report|update|overview)\s+(was|is|has\s+been|may\s+have\s+been)\s+([a-z]+\s+){0,2}(generated|drafted|produced|written|prepared|created|compiled|summari[sz]ed|translated|transcribed)\s+(by|with|using|through|with\s+the\s+(help|assistance|support)\s+of)\s+(an?\s+|the\s+)?([a-z-]+\s+){0,2}(ai|a\.i\.|artificial\s+intelligence|automated|machines?|language\s+models?|llms?|diploai)\b.{0,300}$/`,
	`/^(disclaimer:\s*)?(this|the)\s+(summary|report|text|transcript|article|page|content|session\s+report|update|overview)\s+(was|is|has\s+been)\s+(automatically|machine|ai)[- ]?(generated|drafted|produced|written|transcribed|translated)\b.{0,300}$/`,
	`/^disclaimer:.{0,500}\b(ai|artificial\s+intelligence|automatically|automated|machine[- ]generated|language\s+models?|llms?|diploai)\b.{0,500}$/`,
	`/^(ai|machine)[- ](generated|assisted|powered)\s+(summary|report|transcript|text|content)\b.{0,300}$/`,
	`/^(generated|drafted|produced|written|prepared|summari[sz]ed)\s+(by|with|using|with\s+the\s+help\s+of|with\s+the\s+assistance\s+of)\s+(an?\s+)?(ai|artificial\s+intelligence|automated\s+tools?|language\s+models?|llms?)\b.{0,300}$/`,
	// Share buttons and sign-ups.
	`/^share(\s+(this|it))?(\s+(page|article|report|post))?(\s+(on|via)\s+\S+)?:?$/`,
	"Tweet", "Print", "Print this page", "Email", "E-mail", "Copy link", "Link copied", "Facebook", "Twitter", "X (Twitter)",
	"LinkedIn", "WhatsApp", "Telegram", "Reddit", "Mastodon", "Bluesky",
	`/^subscribe\b.{0,80}$/`, `/^follow\s+us\b.{0,60}$/`, "Sign up for our newsletter",
	// Knowledge-graph widgets and related links.
	"Knowledge graph", "Related", "Related events", "Related topics", "Related resources", "Related articles",
	"Tags", "Share this", `/^(published|updated|posted|last\s+(updated|modified))\b.{0,60}$/`,
}

// dropRule is one compiled entry of a drop list.
type dropRule struct {
	entry string // as configured, for the import's notes
	line  string // normalised line, when not a pattern
	re    *regexp.Regexp
}

// compileDrop compiles drop entries; errors name the entry.
func compileDrop(entries []string) ([]dropRule, error) {
	rules := make([]dropRule, 0, len(entries))
	for _, e := range entries {
		t := strings.TrimSpace(e)
		if t == "" {
			continue
		}
		if len(t) >= 2 && strings.HasPrefix(t, "/") && strings.HasSuffix(t, "/") {
			re, err := regexp.Compile("(?i)" + t[1:len(t)-1])
			if err != nil {
				return nil, fmt.Errorf("drop entry %q: %v", e, err)
			}
			rules = append(rules, dropRule{entry: e, re: re})
			continue
		}
		rules = append(rules, dropRule{entry: e, line: furnitureKey(t)})
	}
	return rules, nil
}

// furnitureKey is a line as a drop entry compares it: lower case, spaces
// collapsed, without the arrows, bullets and punctuation around it.
func furnitureKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '(' && r != ')'
	})
}

// maxFurniture bounds the lines a drop rule can remove: furniture is
// short, and a paragraph that happens to match a pattern is text.
const maxFurniture = 1000

// dropped returns the rule that drops text, if any.
func dropped(rules []dropRule, text string) (dropRule, bool) {
	t := strings.Join(strings.Fields(text), " ")
	if t == "" || len(t) > maxFurniture {
		return dropRule{}, false
	}
	key := furnitureKey(t)
	for _, r := range rules {
		if r.re != nil {
			if r.re.MatchString(t) || r.re.MatchString(key) {
				return r, true
			}
		} else if key == r.line && key != "" {
			return r, true
		}
	}
	return dropRule{}, false
}

// zoneNote finds a line that says which zone a page's times are in ("All
// listed times are in the UTC time zone."), so that a source publishing in
// UTC is not read in the archive's zone.
var zoneNote = regexp.MustCompile(`(?i)^(note:\s*)?(all\s+)?(listed\s+|the\s+)?times?\s+(listed\s+)?(are|is)\s+(given\s+|shown\s+)?in\s+(the\s+)?([A-Za-z+\-:0-9/_ ]{1,30}?)(\s+time\s*zone|\s+time)?\.?$`)
