package resultspage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// File is where the index folder holds its results page, a Page in JSON.
const File = "plenary-search-page.json"

// Markers stand for the query and the results in the search page the
// build renders for the endpoint. They are plain text, so the template
// escapes them to themselves and the minifier keeps them; NewPage cuts the
// page at them, and they never reach the endpoint.
const (
	QueryMarker   = "PLENARYSEARCHQUERY7D1F"
	ResultsMarker = "PLENARYSEARCHRESULTS7D1F"
)

// What goes into a Page's holes.
const (
	HoleQuery   = "query"   // the query, escaped, in a quoted attribute value or in text
	HoleResults = "results" // the results' markup, inside the theme's results element
)

// Page is the search endpoint's results page: the site's search page cut
// where the query and the results go, and the theme's results partials.
// The endpoint fills it by concatenation only: no text of the page is
// searched for or replaced per request, so nothing a query holds can
// change the page around it.
type Page struct {
	// Parts are the page's markup around its holes: Parts[0], then
	// Holes[0], then Parts[1], and so on; one more part than holes.
	Parts []string `json:"parts"`
	// Holes say what goes between two parts: HoleQuery or HoleResults.
	Holes []string `json:"holes"`
	// Partials are the theme's search partials (partials/search-*.html)
	// by name, template sources as the theme's pages were rendered with
	// them: the endpoint renders the results with them.
	Partials map[string]string `json:"partials,omitempty"`
}

// New cuts html, the search page rendered with QueryMarker where the
// query goes and ResultsMarker where the results go, and keeps the
// partials with it.
func New(html []byte, partials map[string]string) (*Page, error) {
	if n := bytes.Count(html, []byte(ResultsMarker)); n != 1 {
		return nil, fmt.Errorf("the search page shows its results %d times, not once: its template must show .Results once", n)
	}
	if !bytes.Contains(html, []byte(QueryMarker)) {
		return nil, errors.New("the search page does not show the query: its template must show .Query in the search field")
	}
	// The minifier may have unquoted the query's attribute; the endpoint
	// only ever puts escaped text into quoted places.
	html = bytes.ReplaceAll(html, []byte("="+QueryMarker), []byte(`="`+QueryMarker+`"`))
	p := &Page{Partials: partials}
	for {
		q, r := bytes.Index(html, []byte(QueryMarker)), bytes.Index(html, []byte(ResultsMarker))
		switch {
		case q < 0 && r < 0:
			p.Parts = append(p.Parts, string(html))
			return p, nil
		case r < 0 || (q >= 0 && q < r):
			p.Parts, p.Holes = append(p.Parts, string(html[:q])), append(p.Holes, HoleQuery)
			html = html[q+len(QueryMarker):]
		default:
			p.Parts, p.Holes = append(p.Parts, string(html[:r])), append(p.Holes, HoleResults)
			html = html[r+len(ResultsMarker):]
		}
	}
}

// Read reads the results page of the index folder dir, or nil when
// the index was built without one.
func Read(dir string) (*Page, error) {
	data, err := os.ReadFile(filepath.Join(dir, File))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var p Page
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("%s: %s: %v: rebuild it with plenary build", dir, File, err)
	}
	if len(p.Parts) != len(p.Holes)+1 {
		return nil, fmt.Errorf("%s: %s has %d parts for %d holes: rebuild it with plenary build", dir, File, len(p.Parts), len(p.Holes))
	}
	return &p, nil
}

// Encode is the page as File holds it.
func (p *Page) Encode() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // it is markup: escaping < and > would only make it larger
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
