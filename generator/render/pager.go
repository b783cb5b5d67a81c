package render

import "strconv"

// Long lists are split into pages so that a page's size follows what it
// shows, not the size of the archive: an active state has thousands of
// statements in a large archive.
const (
	statementsPerPage = 100
	reportsPerPage    = 100
)

// Pager links the pages of one list.
type Pager struct {
	Page, Pages int
	Prev, Next  string // URLs; empty at the ends
	Links       []PageLink
}

// PageLink is one numbered link of a pager.
type PageLink struct {
	N       int
	URL     string
	Current bool
}

func pageCount(items, per int) int {
	if items == 0 {
		return 1
	}
	return (items + per - 1) / per
}

// pageURL is the address of page n of the list at base: base itself for
// the first page, base + "page/N/" after it.
func pageURL(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

func pageBounds(n, per, items int) (lo, hi int) {
	lo = min((n-1)*per, items)
	return lo, min(lo+per, items)
}

// newPager returns nil for a single page, so templates show no pager.
func newPager(base string, n, pages int) *Pager {
	if pages <= 1 {
		return nil
	}
	p := &Pager{Page: n, Pages: pages}
	if n > 1 {
		p.Prev = pageURL(base, n-1)
	}
	if n < pages {
		p.Next = pageURL(base, n+1)
	}
	for i := 1; i <= pages; i++ {
		p.Links = append(p.Links, PageLink{N: i, URL: pageURL(base, i), Current: i == n})
	}
	return p
}
