package said

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"slices"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/render/paging"
)

// SessionKey fingerprints what the page of a state at a session shows
// besides what every page shows: its statements there (their keys hold
// their reports' sources), the topics they are on in the order the page
// lists them, and the sessions before and after (prev, next; nil at the
// ends). An incremental build renders the page again only when it
// changed, not for every statement the state made elsewhere.
func SessionKey(st *generator.State, at *generator.SessionStatements, prev, next *generator.Session) string {
	h := sha256.New()
	write := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
	write("state-session")
	write(st.Code)
	write(at.Session.Key)
	for _, ss := range []*generator.Session{prev, next} {
		if ss != nil {
			write(ss.Key)
		} else {
			write("")
		}
	}
	var b [8]byte
	count := map[*generator.Topic]int{}
	for _, stmt := range at.Statements {
		binary.LittleEndian.PutUint64(b[:], stmt.Key)
		h.Write(b[:])
		for _, t := range stmt.Paragraph.Topics {
			count[t]++
		}
	}
	for _, tc := range st.Topics {
		if n := count[tc.Topic]; n > 0 {
			write(tc.Topic.Key)
			binary.LittleEndian.PutUint64(b[:], uint64(n))
			h.Write(b[:])
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TopicKey fingerprints what the landing page of a state's statements on
// t shows: every statement on the topic (it counts them all and lists the
// newest) and the names of its archive pages, which its pager links.
func TopicKey(st *generator.State, t *generator.Topic, pages []paging.Page) string {
	h := sha256.New()
	write := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
	write("state-topic-landing")
	write(st.Code)
	write(t.Key)
	var b [8]byte
	for _, stmt := range st.Statements {
		if slices.Contains(stmt.Paragraph.Topics, t) {
			binary.LittleEndian.PutUint64(b[:], stmt.Key)
			h.Write(b[:])
		}
	}
	for _, p := range pages {
		write(p.Name)
	}
	return hex.EncodeToString(h.Sum(nil))
}
