package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/plenary-archive/plenary/generator"
)

// Long lists (a state's statements, a topic's reports) show their newest
// items on the landing page and all of them on archive pages. Archive pages
// are numbered from the oldest item, so that a newer report changes only
// the newest archive page and the landing page: every other page keeps its
// address and its bytes, and an incremental build does not render it.
const (
	statementsPerPage = 100
	reportsPerPage    = 100
	// landingStatements is how many statements a state's landing page
	// shows: they repeat the newest archive pages, so a few are enough.
	landingStatements = 50
)

// Pager links the pages of one list.
type Pager struct {
	Page         int    // the archive page shown; 0 on the landing page
	Newer, Older string // neighbouring pages; empty at the ends
	Archive      string // from the landing page: the newest archive page
}

// archivePages is how many archive pages of per items a list needs when
// its landing page shows the first shown: none when that is all of them.
func archivePages(items, shown, per int) int {
	if items <= shown {
		return 0
	}
	return (items + per - 1) / per
}

func archiveURL(base string, k int) string { return base + "page/" + strconv.Itoa(k) + "/" }

// archiveBounds returns archive page k's items as a range of a newest-first
// list: page 1 holds the oldest per items.
func archiveBounds(k, per, items int) (lo, hi int) {
	oldLo, oldHi := (k-1)*per, min(k*per, items)
	return items - oldHi, items - oldLo
}

// landingPager links a landing page showing shown of items to the
// archive, if the landing page does not show them all.
func landingPager(base string, items, shown, per int) *Pager {
	if pages := archivePages(items, shown, per); pages > 0 {
		return &Pager{Archive: archiveURL(base, pages)}
	}
	return nil
}

// archivePager links archive page k of pages; the newest one links back to
// the landing page.
func archivePager(base string, k, pages int) *Pager {
	p := &Pager{Page: k, Newer: base}
	if k < pages {
		p.Newer = archiveURL(base, k+1)
	}
	if k > 1 {
		p.Older = archiveURL(base, k-1)
	}
	return p
}

// pageKey fingerprints what an archive page shows: its number, whether a
// newer page exists, and the sources of its items. Pages with the same key
// have the same bytes as long as nothing site-wide changed.
func pageKey(kind, id string, k, pages int, reports []*generator.Report, paragraphs []int) string {
	// Every build computes the key of every archive page, one entry per
	// statement: the input is built in one buffer and hashed once.
	b := fmt.Appendf(make([]byte, 0, 64+len(reports)*96), "%s\x00%s\x00%d\x00%v\x00", kind, id, k, k < pages)
	for i, r := range reports {
		b = append(b, r.Slug...)
		b = append(b, r.SourceHash[:]...)
		if paragraphs != nil {
			b = append(b, '#')
			b = strconv.AppendInt(b, int64(paragraphs[i]), 10)
		}
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
