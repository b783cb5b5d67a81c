package speakers

import (
	"bytes"
	"syscall"
	"testing"
	"time"

	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/internal/corpus"
)

// corpusReports returns the paragraphs of n reports of the generated
// benchmark corpus, as the site's Markdown analysis gives them.
func corpusReports(tb testing.TB, n int) ([][]Paragraph, int) {
	tb.Helper()
	md := markdown.New("")
	var out [][]Paragraph
	total := 0
	for i := range n {
		_, src := corpus.Report(7, i)
		if j := bytes.Index(src[3:], []byte("+++")); j >= 0 {
			src = src[j+6:]
		}
		var paras []Paragraph
		for _, blk := range md.Analyse(src).Blocks {
			paras = append(paras, Paragraph{ID: blk.ID(), Text: blk.Text})
		}
		total += len(paras)
		out = append(out, paras)
	}
	return out, total
}

// BenchmarkGazetteerDetect is what state detection costs per paragraph
// today, to compare with BenchmarkReport.
func BenchmarkGazetteerDetect(b *testing.B) {
	reports, total := corpusReports(b, 200)
	g := gazetteer.Default()
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for _, paras := range reports {
			for _, p := range paras {
				_ = g.Detect(p.Text)
			}
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N*total), "cpu-ns/paragraph")
}

// BenchmarkReport is the whole analysis — detection with the registry and
// demonyms, the rules, handing over — per paragraph of the corpus.
func BenchmarkReport(b *testing.B) {
	reports, total := corpusReports(b, 200)
	a := testAnalyser(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for _, paras := range reports {
			_ = a.Report(paras)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N*total), "cpu-ns/paragraph")
	b.ReportMetric(float64(total)/float64(len(reports)), "paragraphs/report")
}

// cpuTime is the process's user and system time: on a machine shared with
// other work it measures a benchmark where wall time cannot.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestCorpusStates checks on the generated corpus that the analysis
// names exactly the states today's detection names (the registry, the
// demonyms and the extra aliases add and mask nothing there), and, since
// the generator writes states only as the subjects of statements and
// organisations only inside them, that states speak and organisations
// are mentioned.
func TestCorpusStates(t *testing.T) {
	reports, total := corpusReports(t, 300)
	a := testAnalyser(t)
	g := gazetteer.Default()
	var states, stateSpeakers, others, otherSpeakers int
	for _, paras := range reports {
		for i, ns := range a.Report(paras) {
			want := map[string]bool{}
			for _, m := range g.Detect(paras[i].Text) {
				if m.Entity.IsState() {
					want[m.Entity.Code] = true
				}
			}
			got := map[string]bool{}
			for _, n := range ns {
				if !n.Entity.IsState() {
					others++
					if n.Role == Speaker {
						otherSpeakers++
						t.Logf("organisation speaks: %q", paras[i].Text)
					}
					continue
				}
				if n.Start >= 0 {
					got[n.Entity.Code] = true
				}
				states++
				if n.Role == Speaker {
					stateSpeakers++
				} else {
					t.Logf("%s mentioned: %q", n.Entity.Name, paras[i].Text)
				}
			}
			if keys(got) != keys(want) {
				t.Errorf("%q: states %v, today %v", paras[i].Text, keys(got), keys(want))
			}
		}
	}
	t.Logf("%d paragraphs: %d of %d states speak, %d of %d organisations", total, stateSpeakers, states, otherSpeakers, others)
	if r := ratio(stateSpeakers, states); r < 0.99 {
		t.Errorf("%.3f of the states speak, want at least 0.99", r)
	}
	if otherSpeakers > 0 {
		t.Errorf("%d organisations speak, want none", otherSpeakers)
	}
}
