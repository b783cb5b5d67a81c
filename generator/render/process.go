package render

import (
	"fmt"
	"io"
	"strconv"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/render/format"
)

// TimelineYear is one year of a process's timeline.
type TimelineYear struct {
	Year     string
	Sessions []*generator.Session
}

// processOutputs are the process pages, one per process, when the theme
// has a template for them (a theme written before processes has none).
// They show the site as a whole (every session's reports), so they have
// no deps and are rendered on every change; there are few of them.
func (r *Renderer) processOutputs() []Output {
	if !r.theme.Has("process") {
		return nil
	}
	var out []Output
	for _, p := range r.site.Processes {
		out = append(out, Output{
			Path:   rel(r.site, p.URL) + "index.html",
			Render: func(w io.Writer) error { return r.process(w, p) },
		})
	}
	return out
}

func (r *Renderer) process(w io.Writer, p *generator.Process) error {
	desc := fmt.Sprintf("%s: %s on a timeline, with their reports and official documents.", p.Title, format.Plural(len(p.Sessions), "session", "sessions"))
	pg := r.base("process", p.Title, desc, p.URL)
	pg.Process = p
	pg.Timeline = timeline(p.Sessions)
	body, err := r.prose(p.Body)
	if err != nil {
		return fmt.Errorf("%s: %w", p.SourcePath, err)
	}
	pg.Body = body
	return r.page(w, "process", pg)
}

// timeline groups sessions, oldest first, by the year they start in.
func timeline(sessions []*generator.Session) []TimelineYear {
	var out []TimelineYear
	for _, ss := range sessions {
		y := strconv.Itoa(ss.Start.Year())
		if n := len(out); n == 0 || out[n-1].Year != y {
			out = append(out, TimelineYear{Year: y})
		}
		out[len(out)-1].Sessions = append(out[len(out)-1].Sessions, ss)
	}
	return out
}
