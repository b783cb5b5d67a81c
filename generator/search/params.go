package search

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// request is a validated search request, with every filter resolved to
// the values the index holds.
type request struct {
	q        string
	clauses  []clause
	states   []string // codes; several are OR-ed
	topics   []string // keys
	sessions []string // keys
	notState []string // from -state: and such
	notTopic []string
	notSess  []string
	notKinds []string
	// and are the field terms of the query (state:France): each must
	// hold, unlike several values of one URL parameter.
	and      [][2]string
	from, to time.Time // to is exclusive; zero means open
	sortDate bool
	page     int
	size     int
	html     bool
}

const (
	maxRawQuery   = 16 << 10
	defaultSize   = 10
	maxSize       = 50
	maxDepth      = 1000 // page × size: deep pages cost as much as all the pages before them
	maxFilterVals = 20
	minYear       = 1900
	maxYear       = 2199
)

// parseRequest validates the URL's parameters against the index's facts.
func parseRequest(u *url.URL, accept string, ix *Index) (*request, error) {
	if len(u.RawQuery) > maxRawQuery {
		return nil, badRequest("the request's query string is %d bytes long; the limit is %d", len(u.RawQuery), maxRawQuery)
	}
	v, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return nil, badRequest("the request's query string is malformed: %v", err)
	}
	for key, vals := range v {
		for _, s := range vals {
			if !utf8.ValidString(s) {
				return nil, badRequest("%s is not valid UTF-8 text", key)
			}
		}
	}
	r := &request{page: 1, size: defaultSize}
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
		return nil, err
	}
	switch format {
	case "":
		r.html = wantsHTML(accept)
	case "html":
		r.html = true
	case "json":
	default:
		return nil, badRequest("format must be json or html, not %q", format)
	}

	if r.q, err = one("q"); err != nil {
		return nil, err
	}
	if r.clauses, err = parseQuery(r.q); err != nil {
		return nil, err
	}
	r.q = strings.Join(strings.Fields(r.q), " ")

	for _, f := range []struct {
		key string
		dst *[]string
		res func(string) (string, error)
	}{
		{"state", &r.states, ix.facts.state},
		{"topic", &r.topics, ix.facts.topic},
		{"session", &r.sessions, ix.facts.session},
	} {
		vals := v[f.key]
		if len(vals) > maxFilterVals {
			return nil, badRequest("at most %d values of %s, not %d", maxFilterVals, f.key, len(vals))
		}
		for _, val := range vals {
			val = strings.TrimSpace(val)
			if val == "" {
				continue
			}
			key, err := f.res(val)
			if err != nil {
				return nil, err
			}
			*f.dst = appendNew(*f.dst, key)
		}
	}
	// Field terms of the query are filters too; they must all hold.
	var text []clause
	for _, c := range r.clauses {
		var not *[]string
		res := func(s string) (string, error) { return s, nil }
		switch c.field {
		case "state":
			not, res = &r.notState, ix.facts.state
		case "topic":
			not, res = &r.notTopic, ix.facts.topic
		case "session":
			not, res = &r.notSess, ix.facts.session
		case "kind":
			not = &r.notKinds
		default:
			text = append(text, c)
			continue
		}
		key, err := res(c.text)
		if err != nil {
			return nil, err
		}
		if c.occur == mustNot {
			*not = appendNew(*not, key)
		} else if f := [2]string{c.field, key}; !slices.Contains(r.and, f) {
			r.and = append(r.and, f)
		}
	}
	r.clauses = text

	from, err := one("from")
	if err != nil {
		return nil, err
	}
	to, err := one("to")
	if err != nil {
		return nil, err
	}
	if from != "" {
		if r.from, _, err = parseDate("from", from); err != nil {
			return nil, err
		}
	}
	if to != "" {
		if _, r.to, err = parseDate("to", to); err != nil {
			return nil, err
		}
	}
	if !r.from.IsZero() && !r.to.IsZero() && !r.from.Before(r.to) {
		return nil, badRequest("from (%s) is after to (%s): swap them", from, to)
	}

	sort, err := one("sort")
	if err != nil {
		return nil, err
	}
	switch sort {
	case "", "relevance":
	case "date":
		r.sortDate = true
	default:
		return nil, badRequest("sort must be relevance or date, not %q", sort)
	}
	if r.page, err = number(one, "page", 1); err != nil {
		return nil, err
	}
	if r.size, err = number(one, "size", defaultSize); err != nil {
		return nil, err
	}
	switch {
	case r.page < 1:
		return nil, badRequest("page must be 1 or more, not %d", r.page)
	case r.size < 1 || r.size > maxSize:
		return nil, badRequest("size must be between 1 and %d, not %d", maxSize, r.size)
	case r.page > maxDepth/r.size:
		// Divided, not multiplied: a page number near the largest int
		// would overflow the product and pass.
		return nil, badRequest("only the first %d results can be paged through: narrow the search with words or filters", maxDepth)
	}
	if len(r.clauses) == 0 && !r.filtered() {
		if r.q != "" {
			return nil, badRequest("the query has only filters that exclude, or words too common to be indexed: add a word or a filter")
		}
		return nil, badRequest("type something to search for (q=…), or choose a state, topic or session")
	}
	return r, nil
}

func (r *request) filtered() bool {
	return len(r.states)+len(r.topics)+len(r.sessions)+len(r.and) > 0 ||
		!r.from.IsZero() || !r.to.IsZero()
}

func number(one func(string) (string, error), key string, def int) (int, error) {
	s, err := one(key)
	if err != nil || s == "" {
		return def, err
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		if len(s) > 20 {
			s = s[:20] + "…"
		}
		return 0, badRequest("%s must be a whole number, not %q", key, s)
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
	if len(s) > 20 {
		s = s[:20] + "…"
	}
	return time.Time{}, time.Time{}, badRequest("%s must be a date as YYYY-MM-DD (or YYYY-MM, or YYYY), not %q", key, s)
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

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// key is the request in a canonical form, for the cache: requests that
// differ only in the order of filters or in spacing share one entry.
func (r *request) key() string {
	var b strings.Builder
	w := func(name string, vals []string) {
		vals = slices.Clone(vals)
		slices.Sort(vals)
		b.WriteString(name)
		b.WriteString(strings.Join(vals, "\x00"))
		b.WriteByte('\x01')
	}
	b.WriteString(r.q)
	b.WriteByte('\x01')
	w("s", r.states)
	w("t", r.topics)
	w("e", r.sessions)
	w("S", r.notState)
	w("T", r.notTopic)
	w("E", r.notSess)
	w("K", r.notKinds)
	for _, f := range r.and {
		b.WriteString(f[0] + "=" + f[1] + "\x02")
	}
	b.WriteString(r.from.Format(time.DateOnly) + r.to.Format(time.DateOnly))
	b.WriteString(strconv.FormatBool(r.sortDate))
	b.WriteString(strconv.Itoa(r.page) + "/" + strconv.Itoa(r.size))
	return b.String()
}
