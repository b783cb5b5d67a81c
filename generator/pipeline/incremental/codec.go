package incremental

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"strings"
	"unsafe"

	"github.com/plenary-archive/plenary/generator/markdown"
	"github.com/plenary-archive/plenary/generator/site/detect"
)

// The detections cache is read by every incremental build, and with gob
// decoding its tens of megabytes took a third of a rebuild's CPU. This
// codec writes the few types it holds as length-prefixed fields, and
// decoding makes no copy of the text: strings point into the file's bytes,
// which the caller must never modify.

// Each kind of cache file begins with a line naming the kind and the
// cache's format; files written before the format was in that line (and
// before the checksum) begin with the kind alone.
const (
	codecMagic    = "plenary-detections 7\n"
	sourcesMagic  = "plenary-sources 7\n"
	manifestMagic = "plenary-manifest 7\n"
)

var errDamaged = errors.New("damaged cache file")

// Every cache file ends with a CRC-32C checksum of the bytes before it, so
// that a flipped byte anywhere, which the decoders could not tell from a
// different value, is seen: the build then warns and renders everything,
// and nothing from the file reaches the site. CRC-32C finds every error
// of up to 32 bits in a row, and runs in hardware at gigabytes a second.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// seal appends the checksum of b to b.
func seal(b []byte) []byte {
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// errOtherFormat is the error of a cache file of another format, written by
// another version of Plenary: ignored without a warning.
var errOtherFormat = errors.New("cache file of another format")

// check checks a cache file whose first line is magic: it returns what
// the checksum covers; errOtherFormat when the file is another version's,
// of this kind; errDamaged otherwise.
func check(data []byte, magic string) ([]byte, error) {
	kind, _, _ := strings.Cut(magic, " ")
	body, err := unseal(data)
	switch {
	case err == nil && bytes.HasPrefix(body, []byte(magic)):
		return body, nil
	case err == nil && bytes.HasPrefix(body, []byte(kind+" ")):
		return nil, errOtherFormat
	case bytes.HasPrefix(data, []byte(kind+"\n")):
		// Written before the format line and the checksum.
		return nil, errOtherFormat
	}
	return nil, errDamaged
}

// unseal checks the checksum at the end of a cache file and returns what
// it covers.
func unseal(data []byte) ([]byte, error) {
	if len(data) < 4 {
		return nil, errDamaged
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, errDamaged
	}
	return body, nil
}

type encoder struct{ b []byte }

func (e *encoder) uint(v int)      { e.b = binary.AppendUvarint(e.b, uint64(v)) }
func (e *encoder) uint64(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int64(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) string(s string) { e.uint(len(s)); e.b = append(e.b, s...) }
func (e *encoder) bytes(b []byte)  { e.uint(len(b)); e.b = append(e.b, b...) }
func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}
func (e *encoder) strings(l []string) {
	e.uint(len(l))
	for _, s := range l {
		e.string(s)
	}
}

// appendDetections encodes a shard with the format and context it belongs
// to, appended to b, so that a caller can reuse its buffer.
func appendDetections(b []byte, format int, context string, entries map[[32]byte]*detect.Detection, keys [][32]byte) []byte {
	e := &encoder{b: b}
	e.b = append(e.b, codecMagic...)
	e.uint(format)
	e.string(context)
	e.uint(len(keys))
	for _, k := range keys {
		d := entries[k]
		e.b = append(e.b, k[:]...)
		e.strings(d.TitleStates)
		e.strings(d.TitleTopics)
		e.strings(d.Groups)
		e.uint(len(d.Misspellings))
		for _, m := range d.Misspellings {
			e.uint(m.Line)
			e.string(m.Form)
			e.string(m.Name)
		}
		e.uint(len(d.Links))
		for _, l := range d.Links {
			e.string(l.Dest)
			e.uint(l.Line)
		}
		e.uint(len(d.Problems))
		for _, p := range d.Problems {
			e.uint(p.Line)
			e.string(p.Msg)
			e.bool(p.Stale)
		}
		e.uint(len(d.Paragraphs))
		for _, p := range d.Paragraphs {
			e.uint(p.N)
			e.uint(p.Line)
			e.string(p.Text)
			e.string(p.Heading)
			e.uint(len(p.Names))
			for _, n := range p.Names {
				e.string(n.Code)
				e.bool(n.Speaker)
				e.string(n.For)
			}
			e.strings(p.Topics)
		}
	}
	return e.b
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uint() int {
	v := d.uint64()
	// No count or length in a cache file comes near 2^31: more is damage.
	if v > 1<<31 {
		d.fail()
		return 0
	}
	return int(v)
}

// uint64 and int64 read numbers of any size: file stamps and offsets.
func (d *decoder) uint64() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// int64 undoes binary.AppendVarint's zig-zag encoding.
func (d *decoder) int64() int64 {
	u := d.uint64()
	return int64(u>>1) ^ -int64(u&1)
}

// open starts decoding data, a file that begins with magic.
func open(data []byte, magic string) *decoder {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return &decoder{err: errDamaged}
	}
	return &decoder{b: data[len(magic):]}
}

// end tells whether everything decoded and nothing is left over.
func (d *decoder) end() error {
	if d.err == nil && len(d.b) != 0 {
		d.fail()
	}
	return d.err
}

func (d *decoder) fail() {
	d.err = errDamaged
	d.b = nil
}

func (d *decoder) bytes(n int) []byte {
	if n > len(d.b) {
		d.fail()
		return nil
	}
	out := d.b[:n:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) bool() bool {
	b := d.bytes(1)
	if len(b) == 0 {
		return false
	}
	if b[0] > 1 {
		d.fail()
	}
	return b[0] == 1
}

func (d *decoder) string() string {
	b := d.bytes(d.uint())
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// count reads a count of items that take at least `least` bytes each, so a
// damaged count cannot make a huge allocation.
func (d *decoder) count(least int) int {
	n := d.uint()
	if n*least > len(d.b) {
		d.fail()
		return 0
	}
	return n
}

func (d *decoder) strings() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.string()
	}
	return out
}

// decodeDetections decodes what appendDetections wrote; data must not be
// modified afterwards. Any flaw is an error, never a panic.
func decodeDetections(data []byte) (format int, context string, entries map[[32]byte]*detect.Detection, err error) {
	d := open(data, codecMagic)
	format = d.uint()
	context = d.string()
	n := d.count(32)
	entries = make(map[[32]byte]*detect.Detection, n)
	for i := 0; i < n && d.err == nil; i++ {
		var k [32]byte
		copy(k[:], d.bytes(32))
		det := &detect.Detection{TitleStates: d.strings(), TitleTopics: d.strings(), Groups: d.strings()}
		if m := d.count(3); m > 0 {
			det.Misspellings = make([]detect.Misspelling, m)
			for j := range det.Misspellings {
				det.Misspellings[j] = detect.Misspelling{Line: d.uint(), Form: d.string(), Name: d.string()}
			}
		}
		if m := d.count(2); m > 0 {
			det.Links = make([]markdown.Link, m)
			for j := range det.Links {
				det.Links[j] = markdown.Link{Dest: d.string(), Line: d.uint()}
			}
		}
		if m := d.count(3); m > 0 {
			det.Problems = make([]detect.SpeakerProblem, m)
			for j := range det.Problems {
				det.Problems[j] = detect.SpeakerProblem{Line: d.uint(), Msg: d.string(), Stale: d.bool()}
			}
		}
		if m := d.count(6); m > 0 {
			det.Paragraphs = make([]detect.DetectedParagraph, m)
			var slab []detect.Name // the report's names, cut for each paragraph
			for j := range det.Paragraphs {
				p := &det.Paragraphs[j]
				p.N, p.Line = d.uint(), d.uint()
				p.Text, p.Heading = d.string(), d.string()
				if k := d.count(3); k > 0 {
					if len(slab) < k {
						slab = make([]detect.Name, max(k, 4*(m-j)))
					}
					p.Names, slab = slab[:k:k], slab[k:]
					for x := range p.Names {
						p.Names[x] = detect.Name{Code: d.string(), Speaker: d.bool(), For: d.string()}
					}
				}
				p.Topics = d.strings()
			}
		}
		entries[k] = det
	}
	if err := d.end(); err != nil {
		return 0, "", nil, err
	}
	return format, context, entries, nil
}
