package paging

import (
	"fmt"

	"github.com/plenary-archive/plenary/generator"
	"slices"
	"testing"
	"time"
)

// list is a newest-first list of items named by ids, one a day.
type list struct{ ids []string }

func (l list) key(i int) uint64 {
	return (&generator.Report{Slug: l.ids[i]}).Key()
}

func (l list) date(i int) time.Time {
	// Two items a day, so that page names need their suffixes.
	return time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (len(l.ids)-1-i)/2)
}

func newList(n int) list {
	l := list{}
	for i := n - 1; i >= 0; i-- {
		l.ids = append(l.ids, fmt.Sprint("item-", i))
	}
	return l
}

// TestArchivePaging checks that a landing page and archive pages together
// show every item of a list once, in pages of the bounded sizes, with
// unique names in order.
func TestArchivePaging(t *testing.T) {
	for _, tt := range []struct{ items, shown int }{
		{0, 50}, {50, 50}, {51, 50}, {100, 50}, {101, 100}, {250, 100}, {1000, 50}, {10000, 50},
	} {
		l := newList(tt.items)
		pages := Cut(tt.items, tt.shown, l.key, l.date)
		if tt.items <= tt.shown {
			if pages != nil || Landing("/x/", pages) != nil {
				t.Errorf("%d items, %d shown: archive pages %v for a list the landing page shows whole", tt.items, tt.shown, pages)
			}
			continue
		}
		covered := make([]int, tt.items)
		names := map[string]bool{}
		for k, p := range pages {
			for i := p.Lo; i < p.Hi; i++ {
				covered[i]++
			}
			if k+1 < len(pages) && (p.Hi-p.Lo < archiveMin || p.Hi-p.Lo > archiveMax) {
				t.Errorf("%d items: page %d holds %d items, want %d to %d", tt.items, k, p.Hi-p.Lo, archiveMin, archiveMax)
			}
			if k > 0 && (pages[k-1].Lo != p.Hi || pages[k-1].Name >= p.Name) {
				t.Errorf("%d items: page %d (%s) does not follow page %d (%s)", tt.items, k, p.Name, k-1, pages[k-1].Name)
			}
			if names[p.Name] {
				t.Errorf("%d items: two pages named %s", tt.items, p.Name)
			}
			names[p.Name] = true
		}
		for i, n := range covered {
			if n != 1 {
				t.Errorf("%d items: item %d is on %d archive pages", tt.items, i, n)
			}
		}
		if p := Landing("/x/", pages); p == nil || p.Archive != URL("/x/", pages[len(pages)-1].Name) {
			t.Errorf("%d items: landing pager %+v", tt.items, p)
		}
	}
}

// TestArchiveLocality checks what the pages' content-defined ends are for:
// an item added anywhere in a long list changes at most the page it falls
// in and its neighbours, and no other page's name or items.
func TestArchiveLocality(t *testing.T) {
	const n = 5000
	base := newList(n)
	pageSets := func(l list, pages []Page) map[string]string {
		out := map[string]string{}
		for _, p := range pages {
			out[p.Name] = fmt.Sprint(l.ids[p.Lo:p.Hi])
		}
		return out
	}
	before := pageSets(base, Cut(n, 50, base.key, base.date))
	for _, at := range []int{0, 1, 777, 2500, 4000, n - 1} {
		l := list{ids: slices.Insert(slices.Clone(base.ids), at, fmt.Sprint("added-", at))}
		// The added item takes the date of the item it was put before.
		date := func(i int) time.Time {
			if i > at {
				return base.date(i - 1)
			}
			return base.date(i)
		}
		after := pageSets(l, Cut(n+1, 50, l.key, date))
		changed := 0
		for name, items := range after {
			if before[name] != items {
				changed++
			}
		}
		if changed > 3 {
			t.Errorf("an item added at %d changed %d of %d pages", at, changed, len(after))
		}
	}
}
