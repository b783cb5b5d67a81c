package engine

import (
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
	// States, Topics and Sessions filter by keys; several values of one
	// are OR-ed.
	States, Topics, Sessions []string
	// The Not lists exclude, from -state: and such.
	NotStates, NotTopics, NotSessions, NotKinds []string
	// And are the query's field terms (state:France): each must hold,
	// unlike several values of one filter.
	And []Filter
	// From and To bound the date; To is exclusive; zero means open.
	From, To time.Time
	ByDate   bool // newest first rather than by relevance
	// Page counts from 1; Size is the hits on a page.
	Page, Size int
}

// Filter is a field term: Field is state, topic, session or kind, Key the
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
		var not *[]string
		switch c.Field {
		case "state":
			not = &r.NotStates
		case "topic":
			not = &r.NotTopics
		case "session":
			not = &r.NotSessions
		case "kind":
			not = &r.NotKinds
		default:
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
			*not = AppendNew(*not, key)
		} else if f := (Filter{c.Field, key}); !slices.Contains(r.And, f) {
			r.And = append(r.And, f)
		}
	}
	return r, nil
}

// Filtered says whether anything but words selects the matches.
func (r *Request) Filtered() bool {
	return len(r.States)+len(r.Topics)+len(r.Sessions)+len(r.And) > 0 ||
		!r.From.IsZero() || !r.To.IsZero()
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
	w("s", r.States)
	w("t", r.Topics)
	w("e", r.Sessions)
	w("S", r.NotStates)
	w("T", r.NotTopics)
	w("E", r.NotSessions)
	w("K", r.NotKinds)
	for _, f := range r.And {
		b.WriteString(f.Field + "=" + f.Key + "\x02")
	}
	b.WriteString(r.From.Format(time.DateOnly) + r.To.Format(time.DateOnly))
	b.WriteString(strconv.FormatBool(r.ByDate))
	b.WriteString(strconv.Itoa(r.Page) + "/" + strconv.Itoa(r.Size))
	return b.String()
}

// pointStates are the states a hit should be pointed at: those the
// request filters by.
func (r *Request) pointStates() []string {
	out := append([]string(nil), r.States...)
	for _, f := range r.And {
		if f.Field == "state" {
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
