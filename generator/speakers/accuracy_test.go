package speakers

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/plenary-archive/plenary/generator/gazetteer"
)

// labelled is a file of the labelled set (testdata/labelled.toml).
type labelled struct {
	Report []struct {
		Style string
		P     []struct {
			Text     string
			Item     bool
			Quote    bool
			Speakers []string
			Mentions []string
		}
	}
}

// score counts agreements between labels and the analysis.
type score struct{ tp, fp, fn int }

func (s *score) add(gold, got map[string]bool) {
	for k := range got {
		if gold[k] {
			s.tp++
		} else {
			s.fp++
		}
	}
	for k := range gold {
		if !got[k] {
			s.fn++
		}
	}
}

func (s score) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s score) recall() float64    { return ratio(s.tp, s.tp+s.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s score) String() string {
	return fmt.Sprintf("precision %.3f recall %.3f (tp %d, fp %d, fn %d)", s.precision(), s.recall(), s.tp, s.fp, s.fn)
}

// accuracy is the scores of one file.
type accuracy struct {
	paragraphs                     int
	speakers, mentions, onBehalfOf score
	states, statesToday            score
}

func measure(t *testing.T, a *Analyser, path string, show bool) accuracy {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var set labelled
	dec := toml.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&set); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	resolve := func(name string) *gazetteer.Entity {
		e, err := a.lookup(name)
		if err != nil {
			t.Fatalf("%s: label %q: %v", path, name, err)
		}
		return e
	}
	var acc accuracy
	for _, r := range set.Report {
		paras := make([]Paragraph, len(r.P))
		for i, p := range r.P {
			paras[i] = Paragraph{ID: fmt.Sprintf("p-%d", i+1), Text: p.Text, Item: p.Item, Quote: p.Quote}
		}
		got := a.Report(paras)
		for i, p := range r.P {
			acc.paragraphs++
			gs, gm, gf, gStates := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
			for _, s := range p.Speakers {
				handed := strings.HasPrefix(s, "^")
				who, group, _ := cutBehalf(strings.TrimPrefix(s, "^"))
				e := resolve(who)
				gs[e.Code] = true
				if !handed && e.IsState() {
					gStates[e.Code] = true
				}
				if group != "" {
					g := resolve(group)
					gs[g.Code] = true
					gf[e.Code+">"+g.Code] = true
					if g.IsState() {
						gStates[g.Code] = true
					}
				}
			}
			for _, m := range p.Mentions {
				e := resolve(m)
				gm[e.Code] = true
				if e.IsState() {
					gStates[e.Code] = true
				}
			}
			ps, pm, pf, pStates, today := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
			for _, n := range got[i] {
				if n.Role == Speaker {
					ps[n.Entity.Code] = true
				} else {
					pm[n.Entity.Code] = true
				}
				if n.For != nil {
					pf[n.Entity.Code+">"+n.For.Code] = true
				}
				if n.Start >= 0 && n.Entity.IsState() {
					pStates[n.Entity.Code] = true
				}
			}
			for _, m := range gazetteer.Default().Detect(p.Text) {
				if m.Entity.IsState() {
					today[m.Entity.Code] = true
				}
			}
			acc.speakers.add(gs, ps)
			acc.mentions.add(gm, pm)
			acc.onBehalfOf.add(gf, pf)
			acc.states.add(gStates, pStates)
			acc.statesToday.add(gStates, today)
			if show && (fmt.Sprint(gs) != fmt.Sprint(ps) || fmt.Sprint(gm) != fmt.Sprint(pm) || fmt.Sprint(gf) != fmt.Sprint(pf)) {
				t.Logf("%s %q\n  want speakers %v mentions %v for %v\n  got  speakers %v mentions %v for %v",
					r.Style, p.Text, keys(gs), keys(gm), keys(gf), keys(ps), keys(pm), keys(pf))
			}
		}
	}
	return acc
}

func keys(m map[string]bool) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return fmt.Sprint(sortStrings(out))
}

func sortStrings(s []string) []string {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}

func report(t *testing.T, name string, acc accuracy) {
	t.Logf("%s: %d paragraphs", name, acc.paragraphs)
	t.Logf("  speakers      %v", acc.speakers)
	t.Logf("  mentions      %v", acc.mentions)
	t.Logf("  on behalf of  %v", acc.onBehalfOf)
	t.Logf("  states named  %v", acc.states)
	t.Logf("  states today  %v (the gazetteer alone)", acc.statesToday)
}

// TestSpeakerAccuracy measures the rules on the labelled set and holds
// them to the targets: on the development set, speaker precision at least
// 0.95 and recall at least 0.90, state detection precision at least 0.99
// and recall at least 0.98 and no worse than the gazetteer alone; on the
// held-out set, floors that catch a regression without tuning to it.
// SPEAKERS_SHOW=1 logs each disagreement of the development set.
func TestSpeakerAccuracy(t *testing.T) {
	a := testAnalyser(t)
	dev := measure(t, a, "testdata/labelled.toml", os.Getenv("SPEAKERS_SHOW") != "")
	held := measure(t, a, "testdata/holdout.toml", false)
	report(t, "development set", dev)
	report(t, "held-out set", held)
	if dev.paragraphs+held.paragraphs < 150 || held.paragraphs < 50 {
		t.Errorf("%d + %d paragraphs, want at least 150 with 50 held out", dev.paragraphs, held.paragraphs)
	}
	check := func(name string, got, want float64) {
		if got < want {
			t.Errorf("%s %.3f, want at least %.2f", name, got, want)
		}
	}
	check("development speaker precision", dev.speakers.precision(), 0.95)
	check("development speaker recall", dev.speakers.recall(), 0.90)
	check("development state precision", dev.states.precision(), 0.99)
	check("development state recall", dev.states.recall(), 0.98)
	check("held-out speaker precision", held.speakers.precision(), 0.85)
	check("held-out speaker recall", held.speakers.recall(), 0.80)
	check("held-out state precision", held.states.precision(), 0.97)
	check("held-out state recall", held.states.recall(), 0.97)
	for _, acc := range []accuracy{dev, held} {
		check("state precision against today's", acc.states.precision(), acc.statesToday.precision())
		check("state recall against today's", acc.states.recall(), acc.statesToday.recall())
	}
}
