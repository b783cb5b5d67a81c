package webpage

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Fetch limits: a page is fetched in at most Timeout, following at most
// MaxRedirects redirects, each to http or https.
const (
	Timeout      = 30 * time.Second
	MaxRedirects = 5
)

// Page is a fetched page.
type Page struct {
	// URL is where the page was found, after redirects: the address the
	// report records as its source.
	URL string
	// HTML tells an HTML page from plain text.
	HTML bool
	Body []byte
}

// Client is an http.Client with Fetch's limits on time and redirects.
func Client() *http.Client {
	return &http.Client{
		Timeout: Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > MaxRedirects {
				return fmt.Errorf("more than %d redirects", MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("a redirect to %s: only http and https are fetched", req.URL.Scheme)
			}
			return nil
		},
	}
}

// IsURL tells whether an argument is an address to fetch rather than a
// file: it starts with a scheme.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.Contains(s, "://") && !strings.HasPrefix(s, "/")
}

// Fetch gets a page at an http or https address with client (Client's
// limits if nil): an HTML page or plain text of at most MaxBytes, answered
// with 200 OK.
func Fetch(ctx context.Context, client *http.Client, raw string) (*Page, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%q is not an address: %v", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%q: only http and https addresses are fetched", raw)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%q has no host", raw)
	}
	if client == nil {
		client = Client()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "text/html, application/xhtml+xml, text/plain;q=0.8")
	req.Header.Set("User-Agent", "plenary-import")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", raw, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetching %s: the server answered %s", raw, resp.Status)
	}
	page := &Page{URL: resp.Request.URL.String()}
	ct, _, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch {
	case err != nil && resp.Header.Get("Content-Type") == "":
		page.HTML = true // no type: read it as HTML, which copes with text
	case ct == "text/html" || ct == "application/xhtml+xml":
		page.HTML = true
	case ct == "text/plain":
	default:
		return nil, fmt.Errorf("fetching %s: a %s document is neither a web page nor plain text", raw, resp.Header.Get("Content-Type"))
	}
	if resp.ContentLength > MaxBytes {
		return nil, fmt.Errorf("fetching %s: the page is %d bytes, more than the %d an import reads", raw, resp.ContentLength, MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", raw, err)
	}
	if len(body) > MaxBytes {
		return nil, fmt.Errorf("fetching %s: the page is more than the %d bytes an import reads", raw, MaxBytes)
	}
	page.Body = body
	return page, nil
}
