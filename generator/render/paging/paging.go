// Package paging cuts a long list (a state's statements, a topic's
// reports) into archive pages whose ends depend on the items, not on their
// positions, and links them.
package paging

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"
)

// Long lists (a state's statements, a topic's reports) show their newest
// items on the landing page and all of them on archive pages. Where an
// archive page ends depends on the items, not on their positions: a page
// ends after an item whose key is 0 modulo archiveMean (but holds at least
// archiveMin items and at most archiveMax), and is named by the date of
// its oldest item. A report added anywhere in the past then changes the
// one page it falls in (two, when it starts a page), and every other page
// keeps its address and its bytes: an incremental build does not render
// it. Numbered pages would all shift behind the new item.
const (
	archiveMean = 100
	archiveMin  = 25
	archiveMax  = 400
)

// Pager links the pages of one list.
type Pager struct {
	Label        string // the archive page shown ("from 3 March 2021"); empty on the landing page
	Newer, Older string // neighbouring pages; empty at the ends
	Archive      string // from the landing page: the newest archive page
}

// Page is one archive page of a list: its items as a range of the
// newest-first list, and the name of its folder.
type Page struct {
	Lo, Hi int
	Name   string    // the date of its oldest item, with "-2", "-3"… for further pages of that day
	From   time.Time // the date of its oldest item
	items  [32]byte  // SHA-256 of its items' keys, oldest first
}

// Cut cuts a list of n items, newest first, into archive pages, oldest
// page first; key and date give an item's key and date. A list its landing
// page shows whole (n <= shown) has none.
func Cut(n, shown int, key func(i int) uint64, date func(i int) time.Time) []Page {
	if n <= shown {
		return nil
	}
	var pages []Page
	// The keys that decide where pages end also fingerprint each page's
	// items, in the same pass.
	h := sha256.New()
	var b [8]byte
	hi := n // the current page is items[i+1:hi] so far, oldest first from hi-1
	for i := n - 1; i >= 0; i-- {
		k := key(i)
		binary.LittleEndian.PutUint64(b[:], k)
		h.Write(b[:])
		size := hi - i
		if i == 0 || (size >= archiveMin && (k%archiveMean == 0 || size >= archiveMax)) {
			p := Page{Lo: i, Hi: hi, From: date(hi - 1)}
			h.Sum(p.items[:0])
			h.Reset()
			pages = append(pages, p)
			hi = i
		}
	}
	day, seq := "", 0
	for k := range pages {
		d := pages[k].From.Format("2006-01-02")
		if d == day {
			seq++
			pages[k].Name = d + "-" + strconv.Itoa(seq)
			continue
		}
		day, seq = d, 1
		pages[k].Name = d
	}
	return pages
}

// URL is the address of the archive page name of the list at base.
func URL(base, name string) string { return base + "page/" + name + "/" }

// Landing links a landing page to the newest of pages, if any.
func Landing(base string, pages []Page) *Pager {
	if len(pages) == 0 {
		return nil
	}
	return &Pager{Archive: URL(base, pages[len(pages)-1].Name)}
}

// Archive links page k of pages; the newest one links back to the
// landing page.
func Archive(base string, pages []Page, k int) *Pager {
	p := &Pager{Label: "from " + pages[k].From.Format("2 January 2006"), Newer: base}
	if k+1 < len(pages) {
		p.Newer = URL(base, pages[k+1].Name)
	}
	if k > 0 {
		p.Older = URL(base, pages[k-1].Name)
	}
	return p
}

// Key fingerprints what archive page k of pages shows: its name, its
// neighbours' (the pager links them), and its items. Pages with the same
// key have the same bytes as long as nothing site-wide changed.
func Key(kind, id string, pages []Page, k int) string {
	newer, older := "", ""
	if k+1 < len(pages) {
		newer = pages[k+1].Name
	}
	if k > 0 {
		older = pages[k-1].Name
	}
	b := fmt.Appendf(nil, "%s\x00%s\x00%s\x00%s\x00%s\x00", kind, id, pages[k].Name, newer, older)
	b = append(b, pages[k].items[:]...)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
