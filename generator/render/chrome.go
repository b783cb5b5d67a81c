package render

// chromeOf gives p its kind's header and footer, rendered once per kind
// and handed to baseof.html ready-made (Page.Header, Page.Footer), when
// the theme's partials read nothing of a page but what every page of the
// kind shares; else baseof.html renders them on every page.
func (r *Renderer) chromeOf(p *Page) error {
	header, footer, ok, err := r.chrome.Of(r.theme, p.Kind, p)
	if ok {
		p.Header, p.Footer = header, footer
	}
	return err
}
