package content

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/config"
)

// Folders of an archive's root, relative to it.
const (
	ConfigFile = "config.toml"
	// SpeakersFile is the archive's additions to the registry of groups
	// and stakeholders, optional.
	SpeakersFile = "speakers.toml"
	ReportsDir   = "content/reports"
	SessionsDir  = "content/sessions"
	TopicsDir    = "content/topics"
)

// validKey tells whether key is lower-case letters and digits in runs
// joined by single "-", "_" or ".": `^[a-z0-9]+(?:[-_.][a-z0-9]+)*$`,
// checked without a regular expression since every report's slug is.
func validKey(key string) bool {
	run := 0
	for i := 0; i < len(key); i++ {
		switch c := key[i]; {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			run++
		case c == '-' || c == '_' || c == '.':
			if run == 0 {
				return false
			}
			run = 0
		default:
			return false
		}
	}
	return run > 0
}

// Load reads the archive rooted at fsys. It returns every problem found, as
// a generator.ErrorList, together with whatever did decode, so that
// `plenary check` can report on a partly broken archive.
func Load(fsys fs.FS) (*Archive, error) { return LoadKnown(fsys, nil) }

// LoadKnown is Load with the report files known tells unchanged left
// unread: their front matter comes from known, their body is read when
// needed (ReadBody).
func LoadKnown(fsys fs.FS, known Known) (*Archive, error) {
	var errs generator.ErrorList
	a := &Archive{Root: fsys, Broken: map[string]bool{}}
	data, err := fs.ReadFile(fsys, ConfigFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		a.Config = config.Default()
	case err != nil:
		return nil, err
	default:
		c, err := config.Parse(ConfigFile, data)
		if err != nil {
			errs = append(errs, generator.AsList(err)...)
			c = config.Default()
		}
		a.Config = c
	}

	switch data, err := fs.ReadFile(fsys, SpeakersFile); {
	case err == nil:
		a.Speakers = data
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}

	processes, err := list(fsys, ProcessesDir, false)
	if err != nil {
		return nil, err
	}
	reports, err := list(fsys, ReportsDir, true)
	if err != nil {
		return nil, err
	}
	sessions, err := list(fsys, SessionsDir, false)
	if err != nil {
		return nil, err
	}
	topics, err := list(fsys, TopicsDir, false)
	if err != nil {
		return nil, err
	}

	// Processes, sessions and topics are always read; reports from the
	// index after them may be known unchanged.
	var paths []string
	for _, group := range [][]string{processes, sessions, topics, reports} {
		paths = append(paths, group...)
	}
	files, ferrs := readAll(fsys, paths, len(processes)+len(sessions)+len(topics), known, a.Config.Build.MaxReportBytes)
	errs = append(errs, ferrs...)
	for i, p := range processes {
		key := strings.TrimSuffix(path.Base(p), ".md")
		var pr *Process
		if f := files[i]; f != nil {
			pr = decodeProcess(f, &errs)
		}
		if pr == nil {
			a.Broken["process:"+key] = true
			continue
		}
		pr.Key = key
		a.Processes = append(a.Processes, pr)
	}
	files = files[len(processes):]
	for i, p := range sessions {
		key := strings.TrimSuffix(path.Base(p), ".md")
		var s *Session
		if f := files[i]; f != nil {
			s = decodeSession(f, a.Config, &errs)
		}
		if s == nil {
			a.Broken["session:"+key] = true
			continue
		}
		s.Key = key
		a.Sessions = append(a.Sessions, s)
	}
	for i, p := range topics {
		key := strings.TrimSuffix(path.Base(p), ".md")
		var t *Topic
		if f := files[len(sessions)+i]; f != nil {
			t = decodeTopic(f, &errs)
		}
		if t == nil {
			a.Broken["topic:"+key] = true
			continue
		}
		t.Key = key
		a.Topics = append(a.Topics, t)
	}
	for _, k := range a.Processes {
		checkKey(k.Path, k.Key, &errs)
	}
	for _, k := range a.Sessions {
		checkKey(k.Path, k.Key, &errs)
	}
	for _, k := range a.Topics {
		checkKey(k.Path, k.Key, &errs)
	}

	// Reports are most of the work: decode them on every core, into slots
	// so the order stays that of the paths.
	base := len(sessions) + len(topics)
	decoded := make([]*Report, len(reports))
	perr := make([]generator.ErrorList, len(reports))
	generator.Parallel(len(reports), func(i int) {
		if f := files[base+i]; f != nil {
			if r := decodeReport(f, a.Config, &perr[i]); r != nil {
				r.Slug = strings.TrimSuffix(path.Base(reports[i]), ".md")
				decoded[i] = r
			}
		}
	})
	for i, r := range decoded {
		errs = append(errs, perr[i]...)
		if r != nil {
			checkKey(r.Path, r.Slug, &errs)
			a.Reports = append(a.Reports, r)
			if r.Unread {
				a.Unread++
			}
		}
	}
	errs.Sort()
	if len(errs) > 0 {
		return a, errs
	}
	return a, nil
}

func checkKey(p, key string, errs *generator.ErrorList) {
	if !validKey(key) {
		errs.Add(generator.Errorf(p, 0, "rename the file with lower-case letters, digits and hyphens only", "%q cannot be used in a URL", key))
	}
}

// list returns the .md files under dir, sorted; a missing dir is empty.
func list(fsys fs.FS, dir string, recursive bool) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == dir {
				return fs.SkipAll
			}
			return err
		}
		if d.IsDir() {
			if p != dir && (!recursive || strings.HasPrefix(d.Name(), ".")) {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".md") && !strings.HasPrefix(d.Name(), ".") && !strings.HasPrefix(d.Name(), "_") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// readAll reads and splits the files on every core; those from index from
// on may be known unchanged, and are then not read. A file larger than
// limit is an error, and is not read whole.
func readAll(fsys fs.FS, paths []string, from int, kn Known, limit int64) ([]*File, generator.ErrorList) {
	files := make([]*File, len(paths))
	errs := make([]error, len(paths))
	generator.Parallel(len(paths), func(i int) {
		// The stamp is taken before reading: a file changed meanwhile is
		// stamped older than its content and read again next time.
		var stamp Stamp
		stamped := false
		if kn != nil {
			if info, err := fs.Stat(fsys, paths[i]); err == nil {
				stamp, stamped = stampOf(info)
			}
		}
		if stamped && stamp.Size > limit {
			errs[i] = tooLarge(paths[i], stamp.Size, limit)
			return
		}
		if stamped && i >= from {
			if f := kn.Known(paths[i], stamp); f != nil {
				files[i] = known(f)
				files[i].Stamp, files[i].HasStamp = stamp, true
				return
			}
		}
		data, err := readLimited(fsys, paths[i], limit)
		if err != nil {
			errs[i] = readError(paths[i], err, limit)
			return
		}
		f, err := Split(paths[i], data)
		if err != nil {
			errs[i] = err
			return
		}
		f.Hash = sha256.Sum256(data)
		f.Stamp, f.HasStamp = stamp, stamped
		files[i] = f
	})
	var list generator.ErrorList
	for _, err := range errs {
		if err != nil {
			list = append(list, generator.AsList(err)...)
		}
	}
	return files, list
}
