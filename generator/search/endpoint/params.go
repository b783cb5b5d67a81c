package endpoint

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/plenary-archive/plenary/generator/search/engine"
	"github.com/plenary-archive/plenary/generator/search/query"
)

const (
	maxRawQuery   = 16 << 10
	defaultSize   = 10
	maxSize       = 50
	maxDepth      = 1000 // page × size: deep pages cost as much as all the pages before them
	maxFilterVals = 20
	minYear       = 1900
	maxYear       = 2199
)

var badRequest = query.Errorf

// parseRequest validates the URL's parameters against the index's facts,
// and says whether the answer is the results page rather than JSON.
func parseRequest(u *url.URL, accept string, ix *engine.Index) (*engine.Request, bool, error) {
	if len(u.RawQuery) > maxRawQuery {
		return nil, false, badRequest("the request's query string is %d bytes long; the limit is %d", len(u.RawQuery), maxRawQuery)
	}
	v, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return nil, false, badRequest("the request's query string is malformed: %v", err)
	}
	for key, vals := range v {
		for _, s := range vals {
			if !utf8.ValidString(s) {
				return nil, false, badRequest("%s is not valid UTF-8 text", key)
			}
		}
	}
	one := func(key string) (string, error) {
		switch vals := v[key]; len(vals) {
		case 0:
			return "", nil
		case 1:
			return strings.TrimSpace(vals[0]), nil
		default:
			return "", badRequest("give %s once, not %d times", key, len(vals))
		}
	}
	format, err := one("format")
	if err != nil {
		return nil, false, err
	}
	html := false
	switch format {
	case "":
		html = wantsHTML(accept)
	case "html":
		html = true
	case "json":
	default:
		return nil, false, badRequest("format must be json or html, not %q", format)
	}
	q, err := one("q")
	if err != nil {
		return nil, html, err
	}
	r, err := ix.ParseQuery(q)
	if err != nil {
		return nil, html, err
	}
	if err := filters(r, v, ix); err != nil {
		return nil, html, err
	}
	if err := narrow(r, one); err != nil {
		return nil, html, err
	}
	if len(r.Clauses) == 0 && !r.Filtered() {
		if r.Query != "" {
			return nil, html, badRequest("the query has only filters that exclude, or words too common to be indexed: add a word or a filter")
		}
		return nil, html, badRequest("type something to search for (q=…), or choose a state, speaker, topic or session")
	}
	return r, html, nil
}

// filters adds the state, speaker, topic and session parameters, by name or key.
func filters(r *engine.Request, v url.Values, ix *engine.Index) error {
	for _, name := range engine.Filters {
		vals := v[name]
		if len(vals) > maxFilterVals {
			return badRequest("at most %d values of %s, not %d", maxFilterVals, name, len(vals))
		}
		for _, val := range vals {
			val = strings.TrimSpace(val)
			if val == "" {
				continue
			}
			key, err := ix.Resolve(name, val)
			if err != nil {
				return err
			}
			r.Add(name, key)
		}
	}
	return nil
}

// narrow reads the dates, the order and the page.
func narrow(r *engine.Request, one func(string) (string, error)) error {
	from, err := one("from")
	if err != nil {
		return err
	}
	to, err := one("to")
	if err != nil {
		return err
	}
	if from != "" {
		if r.From, _, err = parseDate("from", from); err != nil {
			return err
		}
	}
	if to != "" {
		if _, r.To, err = parseDate("to", to); err != nil {
			return err
		}
	}
	if !r.From.IsZero() && !r.To.IsZero() && !r.From.Before(r.To) {
		return badRequest("from (%s) is after to (%s): swap them", from, to)
	}
	sort, err := one("sort")
	if err != nil {
		return err
	}
	switch sort {
	case "", "relevance":
	case "date":
		r.ByDate = true
	default:
		return badRequest("sort must be relevance or date, not %q", sort)
	}
	if r.Page, err = number(one, "page", 1); err != nil {
		return err
	}
	if r.Size, err = number(one, "size", defaultSize); err != nil {
		return err
	}
	switch {
	case r.Page < 1:
		return badRequest("page must be 1 or more, not %d", r.Page)
	case r.Size < 1 || r.Size > maxSize:
		return badRequest("size must be between 1 and %d, not %d", maxSize, r.Size)
	case r.Page > maxDepth/r.Size:
		// Divided, not multiplied: a page number near the largest int
		// would overflow the product and pass.
		return badRequest("only the first %d results can be paged through: narrow the search with words or filters", maxDepth)
	}
	return nil
}

func number(one func(string) (string, error), key string, def int) (int, error) {
	s, err := one(key)
	if err != nil || s == "" {
		return def, err
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, badRequest("%s must be a whole number, not %q", key, query.Clip(s, 20))
	}
	return n, nil
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD as the span of time it
// names, in UTC: from takes its start, to its end.
func parseDate(key, s string) (start, end time.Time, err error) {
	for _, layout := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if t, err := time.Parse(layout.layout, s); err == nil {
			if t.Year() < minYear || t.Year() > maxYear {
				// The index stores dates as nanoseconds since 1970.
				return t, t, badRequest("%s must be a year between %d and %d, not %d", key, minYear, maxYear, t.Year())
			}
			return t, layout.next(t), nil
		}
	}
	return time.Time{}, time.Time{}, badRequest("%s must be a date as YYYY-MM-DD (or YYYY-MM, or YYYY), not %q", key, query.Clip(s, 20))
}

// wantsHTML says whether the Accept header prefers a page to JSON, as a
// browser's does.
func wantsHTML(accept string) bool {
	html, json := -1, -1
	for i, part := range strings.Split(accept, ",") {
		mt := strings.TrimSpace(strings.SplitN(part, ";", 2)[0])
		switch mt {
		case "text/html", "application/xhtml+xml":
			if html < 0 {
				html = i
			}
		case "application/json":
			if json < 0 {
				json = i
			}
		}
	}
	return html >= 0 && (json < 0 || html < json)
}
