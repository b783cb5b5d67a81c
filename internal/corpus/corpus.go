// Package corpus generates synthetic archives of OEWG meeting reports for
// benchmarks and scale tests. The archives have the shape of the shared
// yardstick corpus (the same sessions, topics and states, bodies of 430 to
// 1,500 words with topic headings, statements, lists and quotes), so our
// figures and the peers' are measured on like content. Report i depends
// only on (seed, i): the 1,000-report archive is a prefix of the 10,000 one.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"
)

// Session is a generated session.
type Session struct {
	Key, Process, Title string
	Start, End          time.Time
}

// Topic is a generated topic. Keywords tag reports by their text; the
// yardstick's topics have none, so Files writes them only when asked
// (WithKeywords).
type Topic struct {
	Key, Title, Summary string
	Keywords            []string
}

// Files returns the archive as path → content: config.toml, the sessions,
// the topics and n reports, like the yardstick's (topics without keywords).
func Files(n int, seed uint64) map[string][]byte { return files(n, seed, false) }

// FilesWithKeywords is Files with the topics' keywords written, for tests
// of keyword tagging.
func FilesWithKeywords(n int, seed uint64) map[string][]byte { return files(n, seed, true) }

func files(n int, seed uint64, keywords bool) map[string][]byte {
	out := map[string][]byte{
		"config.toml": []byte("title = \"Generated archive\"\nbaseURL = \"https://example.org/\"\n"),
	}
	for _, s := range Sessions() {
		out["content/sessions/"+s.Key+".md"] = []byte(fmt.Sprintf("+++\ntitle = %q\nprocess = %q\nstart = %s\nend = %s\n+++\n",
			s.Title, s.Process, s.Start.Format("2006-01-02"), s.End.Format("2006-01-02")))
	}
	for _, t := range Topics {
		kw := ""
		if keywords {
			var q []string
			for _, k := range t.Keywords {
				q = append(q, fmt.Sprintf("%q", k))
			}
			kw = "keywords = [" + strings.Join(q, ", ") + "]\n"
		}
		out["content/topics/"+t.Key+".md"] = []byte(fmt.Sprintf("+++\ntitle = %q\nsummary = %q\n%s+++\n", t.Title, t.Summary, kw))
	}
	for i := 0; i < n; i++ {
		path, text := Report(seed, i)
		out[path] = text
	}
	return out
}

// Report returns the path and text of report i.
func Report(seed uint64, i int) (string, []byte) {
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	sessions := Sessions()
	s := sessions[rng.IntN(len(sessions))]
	days := int(s.End.Sub(s.Start).Hours()/24) + 1
	day := s.Start.AddDate(0, 0, rng.IntN(days))
	am := rng.IntN(2) == 0
	hour := 19
	if am {
		hour = 14
	}
	t0 := time.Date(day.Year(), day.Month(), day.Day(), hour, 0, 0, 0, time.UTC)
	t1 := t0.Add(3 * time.Hour)

	ntop := pickWeighted(rng, []float64{5, 4, 2}) + 1
	perm := rng.Perm(len(Topics))[:ntop]
	var topics []Topic
	for _, k := range perm {
		topics = append(topics, Topics[k])
	}
	target := 430 + rng.IntN(971)
	nstates := max(3, min(3+rng.IntN(26), target/40))
	var states []string
	seen := map[string]bool{}
	for len(states) < nstates {
		st := states193[pickWeighted(rng, weights)]
		if !seen[st] {
			seen[st] = true
			states = append(states, st)
		}
	}

	var b strings.Builder
	var titles []string
	for _, t := range topics {
		titles = append(titles, strings.ToLower(t.Title))
	}
	fmt.Fprintf(&b, "%s The %s of the %s continued on %s with a discussion on %s.",
		fill(rng, pick(rng, openers)), strings.ToLower(s.Title), s.Process, day.Format("2 January 2006"), strings.Join(titles, " and "))
	words := countWords(b.String())
	queue := append([]string(nil), states...)
	rng.Shuffle(len(queue), func(i, j int) { queue[i], queue[j] = queue[j], queue[i] })
	next := func() string {
		if len(queue) > 0 {
			st := queue[len(queue)-1]
			queue = queue[:len(queue)-1]
			return st
		}
		return states[rng.IntN(len(states))]
	}
	closer := pick(rng, closers)
	budget := target - countWords(closer)
	for ti := 0; words < budget || len(queue) > 0; ti++ {
		t := topics[ti%len(topics)]
		if rng.Float64() < 0.8 {
			fmt.Fprintf(&b, "\n\n## %s", t.Title)
			words += 1 + countWords(t.Title)
		}
		for k := 2 + rng.IntN(3); k > 0 && (words < budget || len(queue) > 0); k-- {
			var para []string
			for m := 2 + rng.IntN(3); m > 0; m-- {
				para = append(para, sentence(rng, next(), t.Key))
			}
			if rng.Float64() < 0.3 {
				para = append(para, extra(rng))
			}
			p := strings.Join(para, " ")
			b.WriteString("\n\n" + p)
			words += countWords(p)
		}
		if words >= budget-60 {
			continue
		}
		switch r := rng.Float64(); {
		case r < 0.35:
			b.WriteString("\n\nProposals put forward by delegations included:\n")
			for m := 3 + rng.IntN(4); m > 0; m-- {
				item := fmt.Sprintf("%s: %s", next(), fill(rng, pick(rng, nouns[t.Key])))
				b.WriteString("\n- " + item)
				words += countWords(item)
			}
		case r < 0.5:
			q := fmt.Sprintf("The delegate of %s put it this way:\n\n> %s (%s %s)", next(), pick(rng, quotes), pick(rng, first), pick(rng, last))
			b.WriteString("\n\n" + q)
			words += countWords(q)
		}
	}
	b.WriteString("\n\n" + closer + "\n")

	var keys []string
	for _, t := range topics {
		keys = append(keys, fmt.Sprintf("%q", t.Key))
	}
	var quoted []string
	for _, st := range states {
		quoted = append(quoted, fmt.Sprintf("%q", st))
	}
	slug := fmt.Sprintf("%s-%s-%s-%s-%05d", day.Format("2006-01-02"), s.Key, map[bool]string{true: "am", false: "pm"}[am], topics[0].Key, i)
	front := fmt.Sprintf("+++\ntitle = %q\ndate = %s\nend = %s\nsession = %q\nstates = [%s]\ntopics = [%s]\n+++\n\n",
		s.Process+" – "+topics[0].Title, t0.Format(time.RFC3339), t1.Format(time.RFC3339), s.Key,
		strings.Join(quoted, ", "), strings.Join(keys, ", "))
	return fmt.Sprintf("content/reports/%d/%s.md", day.Year(), slug), []byte(front + b.String())
}

func sentence(rng *rand.Rand, state, topic string) string {
	var body string
	if rng.Float64() < 0.72 {
		body = pick(rng, adverbs) + pick(rng, thatVerbs) + " " + fill(rng, pick(rng, clauses[topic]))
	} else {
		body = pick(rng, adverbs) + pick(rng, nounVerbs) + " " + fill(rng, pick(rng, nouns[topic]))
	}
	tail := ""
	switch r := rng.Float64(); {
	case r < 0.2:
		tail = ", referring to " + pick(rng, refs)
	case r < 0.3:
		tail = fmt.Sprintf(", and added that paragraph %d of the draft should be strengthened", 3+rng.IntN(58))
	case r < 0.38:
		tail = ", in line with " + pick(rng, refs)
	}
	return pick(rng, connectors) + state + " " + body + tail + "."
}

func extra(rng *rand.Rand) string {
	r := strings.NewReplacer(
		"{cve}", fmt.Sprintf("CVE-%d-%d", 2019+rng.IntN(7), 1000+rng.IntN(49000)),
		"{ta}", pick(rng, actorAdj)+" "+pick(rng, actorNoun),
		"{name}", pick(rng, first)+" "+pick(rng, last),
		"{doc}", fmt.Sprintf("A/AC.%d/%d/WP.%d", []int{290, 292}[rng.IntN(2)], 2019+rng.IntN(7), 1+rng.IntN(60)))
	return r.Replace(pick(rng, extras))
}

func fill(rng *rand.Rand, s string) string {
	return strings.NewReplacer("{ref}", pick(rng, refs), "{actor}", pick(rng, actors), "{sector}", pick(rng, sectors)).Replace(s)
}

func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }

func pickWeighted(rng *rand.Rand, w []float64) int {
	total := 0.0
	for _, x := range w {
		total += x
	}
	r := rng.Float64() * total
	for i, x := range w {
		if r < x {
			return i
		}
		r -= x
	}
	return len(w) - 1
}

func countWords(s string) int { return len(strings.Fields(s)) }

// FS is Files as an in-memory file system, for tests that build from it.
func FS(n int, seed uint64) fstest.MapFS {
	fsys := fstest.MapFS{}
	for p, data := range Files(n, seed) {
		fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return fsys
}

// Write writes Files into dir and returns how many bytes it wrote.
func Write(dir string, n int, seed uint64) (int64, error) {
	var size int64
	for p, data := range Files(n, seed) {
		path := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return size, err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return size, err
		}
		size += int64(len(data))
	}
	return size, nil
}
