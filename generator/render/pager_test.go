package render

import "testing"

// TestArchivePaging checks that a landing page and archive pages together
// show every item of a list, whatever its length.
func TestArchivePaging(t *testing.T) {
	for _, tt := range []struct{ items, shown, per, pages int }{
		{0, 50, 100, 0},
		{50, 50, 100, 0},
		{51, 50, 100, 1}, // more than the landing page shows, fewer than a page
		{100, 50, 100, 1},
		{101, 50, 100, 2},
		{250, 100, 100, 3},
	} {
		pages := archivePages(tt.items, tt.shown, tt.per)
		if pages != tt.pages {
			t.Errorf("archivePages(%d, %d, %d) = %d, want %d", tt.items, tt.shown, tt.per, pages, tt.pages)
		}
		seen := make([]int, tt.items)
		for i := 0; i < min(tt.shown, tt.items); i++ {
			seen[i]++ // the landing page
		}
		if pages == 0 {
			for i, n := range seen {
				if n != 1 {
					t.Errorf("%d items, no archive: item %d shown %d times", tt.items, i, n)
				}
			}
			if landingPager("/x/", tt.items, tt.shown, tt.per) != nil {
				t.Errorf("%d items: a landing page showing all of them links an archive", tt.items)
			}
			continue
		}
		covered := make([]int, tt.items)
		for k := 1; k <= pages; k++ {
			lo, hi := archiveBounds(k, tt.per, tt.items)
			if k < pages && hi-lo != tt.per {
				t.Errorf("%d items: page %d holds %d", tt.items, k, hi-lo)
			}
			for i := lo; i < hi; i++ {
				covered[i]++
			}
		}
		for i, n := range covered {
			if n != 1 {
				t.Errorf("%d items: item %d is on %d archive pages", tt.items, i, n)
			}
		}
		if p := landingPager("/x/", tt.items, tt.shown, tt.per); p == nil || p.Archive != archiveURL("/x/", pages) {
			t.Errorf("%d items: landing pager %+v", tt.items, p)
		}
	}
}
