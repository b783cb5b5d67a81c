package dateline

import (
	"fmt"
	"time"
)

// day is a date as written; month and year may be missing at the start
// of a range ("13-17 Dec 2021", "28 Mar - 1 Apr 2022").
type day struct {
	y, m, d int
	text    string
}

// clock is a time of day as written.
type clock struct {
	h, m int
	ok   bool
	text string
}

// parts are the pieces of a line before they are checked and combined.
type parts struct {
	weekday *time.Weekday
	a, b    day
	hasB    bool
	t1, t2  clock
	zones   []*zone
}

type parser struct {
	toks []token
	i    int
	text string
}

func (p *parser) peek() *token {
	if p.i < len(p.toks) {
		return &p.toks[p.i]
	}
	return nil
}

func (p *parser) bad(format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf("%q is not a date and time: ", p.text) + fmt.Sprintf(format, args...), Hint: FormsHint()}
}

// skip passes over commas and filler words.
func (p *parser) skip() {
	for t := p.peek(); t != nil; t = p.peek() {
		if t.kind == tComma || t.kind == tWord && fillers[t.word] {
			p.i++
			continue
		}
		return
	}
}

func (p *parser) parse() (*parts, error) {
	var ps parts
	p.skip()
	if t := p.peek(); t != nil && t.kind == tWord {
		if wd, ok := weekdays[t.word]; ok {
			ps.weekday = &wd
			p.i++
			p.skip()
		}
	}
	a, err := p.day(true)
	if err != nil {
		return nil, err
	}
	ps.a = a
	p.skip()
	if ps.t1, err = p.clock(); err != nil {
		return nil, err
	}
	if err := p.zone(&ps); err != nil {
		return nil, err
	}
	p.skip()
	if t := p.peek(); t != nil && t.kind == tDash {
		p.i++
		p.skip()
		if t := p.peek(); t != nil && (t.kind == tTime || t.kind == tNum && t.digits <= 2 && p.i+1 < len(p.toks) && isMeridiem(p.toks[p.i+1])) {
			if ps.t2, err = p.clock(); err != nil {
				return nil, err
			}
		} else {
			if t := p.peek(); t != nil && t.kind == tWord {
				if _, ok := weekdays[t.word]; ok {
					p.i++
					p.skip()
				}
			}
			if ps.b, err = p.day(false); err != nil {
				return nil, err
			}
			ps.hasB = true
			p.skip()
			if ps.t2, err = p.clock(); err != nil {
				return nil, err
			}
		}
		if err := p.zone(&ps); err != nil {
			return nil, err
		}
	}
	p.skip()
	if err := p.zone(&ps); err != nil {
		return nil, err
	}
	p.skip()
	if t := p.peek(); t != nil {
		if t.kind == tSlashDate {
			return nil, &Error{Msg: fmt.Sprintf("%q is ambiguous: day and month could be either way round", t.text), Hint: `write the month's name, like "13 Dec 2021"`}
		}
		return nil, p.bad("cannot read %q", t.text)
	}
	return &ps, nil
}

func isMeridiem(t token) bool {
	return t.kind == tWord && (t.word == "am" || t.word == "pm" || t.word == "noon")
}

// day reads a date: "16 Dec 2021", "16th of December, 2021", "December
// 16, 2021", "2021-12-16"; with partial, also "13" or "28 Mar" at the
// start of a range.
func (p *parser) day(partial bool) (day, error) {
	t := p.peek()
	if t == nil {
		return day{}, p.bad("the date is missing")
	}
	switch {
	case t.kind == tISO:
		p.i++
		return day{y: t.num, m: t.min, d: t.day, text: t.text}, nil
	case t.kind == tSlashDate:
		return day{}, &Error{Msg: fmt.Sprintf("%q is ambiguous: day and month could be either way round", t.text), Hint: `write the month's name, like "13 Dec 2021"`}
	case t.kind == tNum && t.digits <= 2:
		d := day{d: t.num, text: t.text}
		p.i++
		if n := p.peek(); n != nil && n.kind == tWord && n.word == "of" {
			p.i++
		}
		n := p.peek()
		if n == nil || n.kind != tWord {
			if partial && n != nil && n.kind == tDash {
				return d, nil // "13-17 Dec 2021"
			}
			return day{}, p.bad("a month's name must follow the day %s", t.text)
		}
		m, ok := months[n.word]
		if !ok {
			return day{}, &Error{Msg: fmt.Sprintf("%q is not a month", n.text), Hint: `write the month in English, like "Dec" or "December"`}
		}
		p.i++
		d.m = int(m)
		d.text += " " + n.text
		if c := p.peek(); c != nil && c.kind == tComma && p.i+1 < len(p.toks) && p.toks[p.i+1].kind == tNum && p.toks[p.i+1].digits == 4 {
			p.i++
		}
		if y := p.peek(); y != nil && y.kind == tNum && y.digits == 4 {
			d.y = y.num
			d.text += " " + y.text
			p.i++
		}
		if d.y == 0 && !partial {
			return day{}, p.bad("the date %s has no year", d.text)
		}
		return d, nil
	case t.kind == tWord:
		m, ok := months[t.word]
		if !ok {
			return day{}, p.bad("expected a date, found %q", t.text)
		}
		p.i++
		n := p.peek()
		if n == nil || n.kind != tNum || n.digits > 2 {
			return day{}, p.bad("a day must follow the month %s", t.text)
		}
		p.i++
		d := day{m: int(m), d: n.num, text: t.text + " " + n.text}
		if c := p.peek(); c != nil && c.kind == tComma && p.i+1 < len(p.toks) && p.toks[p.i+1].kind == tNum && p.toks[p.i+1].digits == 4 {
			p.i++
		}
		if y := p.peek(); y != nil && y.kind == tNum && y.digits == 4 {
			d.y = y.num
			d.text += ", " + y.text
			p.i++
		}
		if d.y == 0 && !partial {
			return day{}, p.bad("the date %s has no year", d.text)
		}
		return d, nil
	}
	return day{}, p.bad("expected a date, found %q", t.text)
}

// clock reads an optional time of day: "18:15", "18:15h", "6:15 pm",
// "6 pm", "15h30", "noon".
func (p *parser) clock() (clock, error) {
	t := p.peek()
	if t == nil {
		return clock{}, nil
	}
	var c clock
	switch {
	case t.kind == tTime:
		c = clock{h: t.num, m: t.min, ok: true, text: t.text}
		p.i++
	case t.kind == tNum && t.digits <= 2 && p.i+1 < len(p.toks) && isMeridiem(p.toks[p.i+1]) && p.toks[p.i+1].word != "noon":
		c = clock{h: t.num, ok: true, text: t.text}
		p.i++
	case t.kind == tWord && t.word == "noon":
		p.i++
		return clock{h: 12, ok: true, text: t.text}, nil
	default:
		return clock{}, nil
	}
	if n := p.peek(); n != nil && n.kind == tWord && (n.word == "am" || n.word == "pm") {
		p.i++
		c.text += " " + n.text
		if c.h < 1 || c.h > 12 || c.m > 59 {
			return clock{}, &Error{Msg: fmt.Sprintf("%s is not a time of day", c.text), Hint: `with "am" or "pm" write hours from 1 to 12`}
		}
		switch {
		case n.word == "am" && c.h == 12:
			c.h = 0
		case n.word == "pm" && c.h < 12:
			c.h += 12
		}
	}
	if c.h > 23 || c.m > 59 {
		return clock{}, &Error{
			Msg:  fmt.Sprintf("%s is not a time of day", c.text),
			Hint: `write times from 00:00 to 23:59; a meeting that ends at midnight ends at "00:00"`,
		}
	}
	return c, nil
}

// zone reads an optional zone.
func (p *parser) zone(ps *parts) error {
	if p.i >= len(p.toks) {
		return nil
	}
	z, n, err := zoneAt(p.toks, p.i)
	if err != nil || z == nil {
		return err
	}
	p.i += n
	ps.zones = append(ps.zones, z)
	return nil
}
