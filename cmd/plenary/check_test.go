package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// write adds files (path → text) to an archive root.
func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for p, text := range files {
		path := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const good = "+++\ntitle = \"Good\"\ndate = 2022-03-29T10:00:00-04:00\nsession = \"oewg-2021-2025-s2\"\n+++\n\nFrance spoke.\n\nBrazil replied.\n"

func TestCheckRules(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string // one whole line of output
		code  int
	}{
		{"clean archive", nil, "ok: 1 reports, 26 sessions, 2 states, 10 topics; 0 warnings", 0},
		{"front matter does not parse",
			map[string]string{"content/reports/2022/r.md": "+++\ntitle = \"R\ndate = 2022-03-29\n+++\nx\n"},
			"content/reports/2022/r.md:2: toml: basic strings cannot have new lines (fix the TOML syntax on this line)", 1},
		{"unknown field",
			map[string]string{"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s2\"\ntopic = [\"x\"]\n+++\nx\n"},
			`content/reports/2022/r.md:5: unknown field "topic" (did you mean "topics"?)`, 1},
		{"unknown session",
			map[string]string{"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s02\"\n+++\nx\n"},
			`content/reports/2022/r.md:4: unknown session "oewg-2021-2025-s02" (did you mean oewg-2021-2025-s2?)`, 1},
		{"unknown topic",
			map[string]string{"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s2\"\ntopics = [\"international-laws\"]\n+++\nx\n"},
			`content/reports/2022/r.md:5: unknown topic "international-laws" (did you mean international-law?)`, 1},
		{"unknown state",
			map[string]string{"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s2\"\nstates = [\"Frnace\"]\n+++\nx\n"},
			`content/reports/2022/r.md:5: unknown state "Frnace" (did you mean France?)`, 1},
		{"dated outside its session",
			map[string]string{"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-07-26\nsession = \"oewg-2021-2025-s2\"\n+++\nx\n"},
			`content/reports/2022/r.md:3: dated 2022-07-26, outside its session oewg-2021-2025-s2 (2022-03-28 to 2022-04-01) (correct the date or the session; sessions on that day: oewg-2021-2025-s3)`, 1},
		{"two reports with one slug",
			map[string]string{"content/reports/2023/good.md": good},
			`content/reports/2023/good.md: another report has the same file name: content/reports/2022/good.md (rename one of the two files)`, 1},
		{"link to a missing page",
			map[string]string{"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s2\"\n+++\n\nSee [the session](/sessions/oewg-2021-2025-s2/), [France](/states/france/) and\n[the other](/reports/nothing/).\n"},
			`content/reports/2022/r.md:7: link "/reports/nothing/" points to a page that does not exist (link to an existing page, e.g. /sessions/KEY/, /states/SLUG/ or /reports/SLUG/)`, 1},
		{"link to a missing paragraph",
			map[string]string{"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s2\"\n+++\n\nAs said [here](../good/#p-2) and [there](../good/#p-9).\n"},
			`content/reports/2022/r.md:7: link "../good/#p-9" points to paragraph p-9, which /reports/good/ does not have (link to a paragraph the report has)`, 1},
		{"empty report",
			map[string]string{"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s2\"\n+++\n\n"},
			`content/reports/2022/r.md:6: the report has no text (write the report below the front matter)`, 1},
		{"correction of an unknown speaker",
			map[string]string{"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s2\"\n\n[speakers]\n\"p-1\" = [\"Egpyt\"]\n+++\n\nEgypt spoke.\n"},
			`content/reports/2022/r.md:7: speakers: p-1: unknown speaker "Egpyt" (did you mean "Egypt"?) (correct the entry of the front matter's [speakers] table)`, 1},
		{"correction of an unknown paragraph",
			map[string]string{"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s2\"\n\n[speakers]\n\"p-1\" = [\"Egypt\"]\n\"p-7\" = [\"Chile\"]\n+++\n\nEgypt spoke.\n\nChile replied.\n"},
			`content/reports/2022/r.md:8: speakers: the report has no paragraph "p-7" (its last paragraph is p-2) (correct the entry of the front matter's [speakers] table)`, 1},
		{"correction that no longer matches is a warning",
			map[string]string{"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s2\"\n\n[speakers]\n\"p-1\" = [\"Chile\"]\n+++\n\nEgypt spoke.\n\nChile replied.\n"},
			`content/reports/2022/r.md:7: warning: speakers: p-1 names none of Chile (it names Egypt; Chile is named in p-2; has the paragraph moved? correct its number or drop the entry)`, 0},
		{"registry entry named as a state",
			map[string]string{"speakers.toml": "[[speaker]]\nkey = \"chile-net\"\nname = \"Chile Net\"\nkind = \"civil-society\"\naliases = [\"Chile\"]\n"},
			`speakers.toml:1: name "Chile" of chile-net is also "Chile" of the state Chile (CHL) (rename one, or drop the alias) (correct the entry; the fields are key, name, kind, aliases, members (see docs/speakers.md))`, 1},
		{"registry entry named as another",
			map[string]string{"speakers.toml": "[[speaker]]\nkey = \"red-cross\"\nname = \"Red Cross\"\nkind = \"civil-society\"\naliases = [\"ICRC\"]\n"},
			`speakers.toml:1: name "ICRC" of red-cross is also "ICRC" of icrc (registry.toml (built in):402) (rename one, or drop the alias) (correct the entry; the fields are key, name, kind, aliases, members (see docs/speakers.md))`, 1},
		{"misspelling is a warning",
			map[string]string{"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s2\"\n+++\n\nChile agreed.\n\nColumbia agreed too.\n"},
			`content/reports/2022/r.md:9: warning: "Columbia" is a misspelling of Colombia (write Colombia)`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := archive(t)
			write(t, root, map[string]string{"content/reports/2022/good.md": good})
			write(t, root, tt.files)
			code, out, errs := runCmd(t, "check", "--source", root)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, out, errs)
			}
			if !hasLine(out, tt.want) {
				t.Errorf("output lacks the line\n%s\ngot:\n%s", tt.want, out)
			}
		})
	}
}

// TestLinkProblemOnItsFile checks that a broken link is reported on the
// file that holds it by build, check and its annotations, in an archive
// whose reports sort by date in another order than by path.
func TestLinkProblemOnItsFile(t *testing.T) {
	root := archive(t)
	write(t, root, map[string]string{
		"content/reports/2022/a.md": strings.Replace(good, "2022-03-29T10:00:00-04:00", "2022-03-28", 1),
		"content/reports/2022/b.md": strings.Replace(strings.Replace(good, "Brazil replied.", "See [this](/nope/) page.", 1), "2022-03-29T10:00:00-04:00", "2022-04-01", 1),
		"content/reports/2022/c.md": good,
	})
	const want = `content/reports/2022/b.md:9: link "/nope/" points to a page that does not exist`
	if code, out, _ := runCmd(t, "check", "--source", root); code != 1 || !strings.Contains(out, want) {
		t.Errorf("check: exit %d, want %q:\n%s", code, want, out)
	}
	if _, out, _ := runCmd(t, "check", "--source", root, "--format", "github"); !strings.Contains(out, "::error file=content/reports/2022/b.md,line=9::link") {
		t.Errorf("check --format github:\n%s", out)
	}
	if code, _, errs := runCmd(t, "build", "--source", root, "--dest", filepath.Join(t.TempDir(), "site")); code != 1 || !strings.Contains(errs, want) {
		t.Errorf("build: exit %d, want %q:\n%s", code, want, errs)
	}
}

func hasLine(out, line string) bool {
	for _, l := range strings.Split(out, "\n") {
		if l == line {
			return true
		}
	}
	return false
}

func TestCheckGitHubFormat(t *testing.T) {
	root := archive(t)
	write(t, root, map[string]string{
		"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-03-29\nsession = \"s2, or s3\"\n+++\n\nColumbia agreed.\n",
	})
	code, out, _ := runCmd(t, "check", "--source", root, "--format", "github")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(out, "::error file=content/reports/2022/r.md,line=4::unknown session \"s2, or s3\" (known: global-mechanism-dtg-2026-12, ") {
		t.Errorf("no error annotation for the session:\n%s", out)
	}
	for _, want := range []string{
		`::warning file=content/reports/2022/r.md,line=7::"Columbia" is a misspelling of Colombia (write Colombia)`,
	} {
		if !hasLine(out, want) {
			t.Errorf("output lacks\n%s\ngot:\n%s", want, out)
		}
	}
}

// TestCheckEveryProblem checks that check lists every problem of a file:
// an unknown field no longer hides a wrong session in the same file.
func TestCheckEveryProblem(t *testing.T) {
	root := archive(t)
	write(t, root, map[string]string{
		"content/reports/2022/r.md": "+++\ntitle = \"R\"\ndate = 2022-03-29\nsession = \"oewg-2021-2025-s02\"\nTopics = []\n+++\n\nx\n",
		"config.toml":               "baseurl = \"https://example.org/\"\n",
	})
	code, out, _ := runCmd(t, "check", "--source", root)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		`config.toml:1: unknown field "baseurl" (keys are case-sensitive: write "baseURL")`,
		`content/reports/2022/r.md:4: unknown session "oewg-2021-2025-s02" (did you mean oewg-2021-2025-s2?)`,
		`content/reports/2022/r.md:5: unknown field "Topics" (keys are case-sensitive: write "topics")`,
	} {
		if !hasLine(out, want) {
			t.Errorf("output lacks\n%s\ngot:\n%s", want, out)
		}
	}
}

func TestNew(t *testing.T) {
	root := archive(t)
	code, out, errs := runCmd(t, "new", "report", "A \"quoted\" title", "--source", root, "--date", "2022-03-30")
	const rel = "content/reports/2022/2022-03-30-a-quoted-title.md"
	if code != 0 || strings.TrimSpace(out) != "wrote "+rel {
		t.Fatalf("new report: exit %d\n%s%s", code, out, errs)
	}
	text, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`title = 'A "quoted" title'`, "date = 2022-03-30", "session = 'oewg-2021-2025-s2'", "states = []"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the new report lacks %q:\n%s", want, text)
		}
	}
	// It refuses to overwrite.
	if code, _, errs := runCmd(t, "new", "report", "A \"quoted\" title", "--source", root, "--date", "2022-03-30"); code != 1 || !strings.Contains(errs, "exists") {
		t.Errorf("second new: exit %d %q", code, errs)
	}
	// With text, it checks clean.
	write(t, root, map[string]string{rel: string(text) + "France and Brazil discussed the Programme of Action.\n"})
	if code, out, _ := runCmd(t, "check", "--source", root); code != 0 {
		t.Errorf("check after new: exit %d\n%s", code, out)
	}
	// A date no session spans names the nearest and the command that
	// adds a session for it.
	if code, _, errs := runCmd(t, "new", "report", "Later", "--source", root, "--date", "2030-01-01"); code != 1 || !strings.Contains(errs, "plenary new session global-mechanism-2030-01-01") {
		t.Errorf("no session: exit %d %q", code, errs)
	}
	if code, out, _ := runCmd(t, "new", "session", "gm-2027-org", "--source", root, "--start", "2027-03-30", "--end", "2027-03-31", "--process", "global-mechanism"); code != 0 || !strings.Contains(out, "content/sessions/gm-2027-org.md") {
		t.Errorf("new session: exit %d %s", code, out)
	}
	if code, _, errs := runCmd(t, "new", "session", "gm-2028", "--source", root, "--process", "nope"); code != 1 || !strings.Contains(errs, `--process "nope": no such process`) {
		t.Errorf("new session with an unknown process: exit %d %q", code, errs)
	}
	if code, out, _ := runCmd(t, "new", "topic", "ransomware", "--source", root); code != 0 || !strings.Contains(out, "content/topics/ransomware.md") {
		t.Errorf("new topic: exit %d %s", code, out)
	}
	if code, out, _ := runCmd(t, "check", "--source", root); code != 0 || !strings.Contains(out, "27 sessions") || !strings.Contains(out, "11 topics") {
		t.Errorf("check after new session and topic: exit %d\n%s", code, out)
	}
}

// TestCheckSaysHowToTurnSearchOn checks that a site without a search
// endpoint, by config.toml or by the flag the publish workflow passes,
// gets a note on how to turn search on, which is not a problem.
func TestCheckSaysHowToTurnSearchOn(t *testing.T) {
	root := archive(t)
	write(t, root, map[string]string{"content/reports/2022/good.md": good})
	if _, out, _ := runCmd(t, "check", "--source", root); strings.Contains(out, "note:") {
		t.Errorf("a site with search gets a note:\n%s", out)
	}
	code, out, _ := runCmd(t, "check", "--source", root, "--search-endpoint", "")
	if code != 0 || !strings.Contains(out, "note: config.toml: the site is built without search") || !strings.Contains(out, "--search-endpoint URL") || !strings.Contains(out, "; 0 warnings") {
		t.Errorf("--search-endpoint '': exit %d\n%s", code, out)
	}
	cfg, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(cfg), "[search]\n", "[search]\nendpoint = \"\"\n", 1)
	line := 1 + strings.Count(text[:strings.Index(text, "endpoint = \"\"")], "\n")
	write(t, root, map[string]string{"config.toml": text})
	code, out, _ = runCmd(t, "check", "--source", root, "--format", "github")
	if want := fmt.Sprintf("::notice file=config.toml,line=%d::the site is built without search", line); code != 0 || !strings.Contains(out, want) {
		t.Errorf("endpoint = \"\": exit %d, want %q\n%s", code, want, out)
	}
	if _, out, _ := runCmd(t, "check", "--source", root, "--search-endpoint", "https://search.example.org/search"); strings.Contains(out, "note:") {
		t.Errorf("the flag does not turn search on:\n%s", out)
	}
}
