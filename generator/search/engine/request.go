package engine

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/plenary-archive/plenary/generator/search/query"
)

// Request is a validated search, with every filter resolved to the keys
// the index holds.
type Request struct {
	// Query is the query as typed, its spaces normalised: shown back,
	// and part of the cache key.
	Query string
	// Clauses are the query's words and phrases; its field terms are in
	// And and the Not lists.
	Clauses []query.Clause
	// Filters are the values of each filter (Filters names them) as
	// keys the index holds: several values of one are OR-ed, filters are
	// AND-ed. Use Add.
	Filters map[string][]string
	// Not are the values each filter (or "kind") excludes, from -state:
	// and such.
	Not map[string][]string
	// And are the query's field terms (state:France): each must hold,
	// unlike several values of one filter.
	And []Filter
	// From and To bound the date; To is exclusive; zero means open.
	From, To time.Time
	ByDate   bool // newest first rather than by relevance
	// Page counts from 1; Size is the hits on a page.
	Page, Size int
}

// Filter is a field term: Field is state, speaker, topic, session or kind, Key the
// value the index holds.
type Filter struct{ Field, Key string }

// ParseQuery parses q and resolves its field terms: a Request for page 1
// of 10 by relevance, which the caller may narrow further.
func (ix *Index) ParseQuery(q string) (*Request, error) {
	clauses, err := query.Parse(q)
	if err != nil {
		return nil, err
	}
	r := &Request{Query: strings.Join(strings.Fields(q), " "), Page: 1, Size: 10}
	for _, c := range clauses {
		if c.Field == "" || c.Field == "title" {
			r.Clauses = append(r.Clauses, c)
			continue
		}
		key := c.Text
		if c.Field != "kind" {
			if key, err = ix.Resolve(c.Field, c.Text); err != nil {
				return nil, err
			}
		}
		if c.Occur == query.MustNot {
			if r.Not == nil {
				r.Not = map[string][]string{}
			}
			r.Not[c.Field] = AppendNew(r.Not[c.Field], key)
		} else if f := (Filter{c.Field, key}); !slices.Contains(r.And, f) {
			r.And = append(r.And, f)
		}
	}
	return r, nil
}

// Add filters by one more value of a filter, a key the index holds (see
// Index.Resolve).
func (r *Request) Add(filter, key string) {
	if r.Filters == nil {
		r.Filters = map[string][]string{}
	}
	r.Filters[filter] = AppendNew(r.Filters[filter], key)
}

// Filtered says whether anything but words selects the matches.
func (r *Request) Filtered() bool {
	n := len(r.And)
	for _, vals := range r.Filters {
		n += len(vals)
	}
	return n > 0 || !r.From.IsZero() || !r.To.IsZero()
}

// Key is the request in a canonical form, for the cache: requests that
// differ only in the order of filters or in spacing share one entry.
func (r *Request) Key() string {
	var b strings.Builder
	w := func(name string, vals []string) {
		vals = slices.Clone(vals)
		slices.Sort(vals)
		b.WriteString(name)
		b.WriteString(strings.Join(vals, "\x00"))
		b.WriteByte('\x01')
	}
	b.WriteString(r.Query)
	b.WriteByte('\x01')
	for _, m := range []map[string][]string{r.Filters, r.Not} {
		for _, name := range slices.Sorted(maps.Keys(m)) {
			if len(m[name]) > 0 {
				w(name+"=", m[name])
			}
		}
		b.WriteByte('\x03')
	}
	for _, f := range r.And {
		b.WriteString(f.Field + "=" + f.Key + "\x02")
	}
	b.WriteString(r.From.Format(time.DateOnly) + r.To.Format(time.DateOnly))
	b.WriteString(strconv.FormatBool(r.ByDate))
	b.WriteString(strconv.Itoa(r.Page) + "/" + strconv.Itoa(r.Size))
	return b.String()
}

// point are the values of a filter (state or speaker) a hit should be
// pointed at: those the request filters by.
func (r *Request) point(filter string) []string {
	out := slices.Clone(r.Filters[filter])
	for _, f := range r.And {
		if f.Field == filter {
			out = AppendNew(out, f.Key)
		}
	}
	return out
}

// AppendNew appends s to list unless list holds it.
func AppendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
