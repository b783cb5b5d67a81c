package dateline

import (
	"fmt"
	"time"
)

// zone is a zone a date line names.
type zone struct {
	name string
	loc  *time.Location
}

// abbreviations are the zone abbreviations reports use, each a fixed
// offset by definition: "CET" is UTC+01:00 even in summer, when Geneva
// keeps CEST.
var abbreviations = map[string]int{
	"utc": 0, "gmt": 0, "wet": 0, "west": 1, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3,
	"msk": 3, "est": -5, "edt": -4, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
	"sgt": 8, "hkt": 8, "jst": 9, "kst": 9, "aest": 10, "aedt": 11, "eat": 3, "cat": 2, "wat": 1,
}

// ambiguous abbreviations stand for more than one zone.
var ambiguous = map[string]string{
	"cst": "US Central or China Standard Time",
	"ist": "India, Irish or Israel Standard Time",
	"ast": "Atlantic or Arabia Standard Time",
}

// places are zones named by a city ("New York time", "Geneva time") or a
// region ("Eastern Time", "ET"), which follow the city's daylight saving.
var places = map[string]string{
	"et": "America/New_York", "eastern": "America/New_York", "new york": "America/New_York",
	"ny": "America/New_York", "nyc": "America/New_York", "geneva": "Europe/Zurich",
	"vienna": "Europe/Vienna", "paris": "Europe/Paris", "brussels": "Europe/Brussels",
	"the hague": "Europe/Amsterdam", "london": "Europe/London", "nairobi": "Africa/Nairobi",
	"bangkok": "Asia/Bangkok", "singapore": "Asia/Singapore", "addis ababa": "Africa/Addis_Ababa",
}

// zoneAt reads a zone starting at token i: an abbreviation, "UTC" or
// "GMT" with an optional offset, a bare offset, or a place followed by
// "time". It returns the zone, how many tokens it took, or an error.
func zoneAt(toks []token, i int) (*zone, int, error) {
	t := toks[i]
	switch t.kind {
	case tOffset:
		return &zone{name: t.text, loc: time.FixedZone(offsetName(t.num), t.num)}, 1, nil
	case tWord:
	default:
		return nil, 0, nil
	}
	if why, ok := ambiguous[t.word]; ok {
		return nil, 0, &Error{Msg: fmt.Sprintf("the zone %q is ambiguous (%s)", t.text, why), Hint: `name it by its offset, like "UTC+08:00", or by a city, like "New York time"`}
	}
	if h, ok := abbreviations[t.word]; ok {
		n := 1
		secs := h * 3600
		name := t.text
		if (t.word == "utc" || t.word == "gmt") && i+1 < len(toks) && toks[i+1].kind == tOffset {
			secs = toks[i+1].num
			name += toks[i+1].text
			n++
		}
		if i+n < len(toks) && toks[i+n].kind == tWord && toks[i+n].word == "time" {
			n++
		}
		return &zone{name: name, loc: time.FixedZone(offsetName(secs), secs)}, n, nil
	}
	// A place: one or two words, then "time" ("ET" alone will do).
	for words := 2; words >= 1; words-- {
		if i+words > len(toks) {
			continue
		}
		name := ""
		ok := true
		for k := 0; k < words; k++ {
			if toks[i+k].kind != tWord {
				ok = false
				break
			}
			if k > 0 {
				name += " "
			}
			name += toks[i+k].word
		}
		iana, known := places[name]
		if !ok || !known {
			continue
		}
		n := words
		if i+n < len(toks) && toks[i+n].kind == tWord && toks[i+n].word == "time" {
			n++
		} else if name != "et" {
			continue // "Geneva" alone is a place, not a zone
		}
		loc, err := time.LoadLocation(iana)
		if err != nil {
			return nil, 0, &Error{Msg: fmt.Sprintf("the zone %s is not known on this machine", iana), Hint: "give the offset instead, like \"UTC+01:00\""}
		}
		return &zone{name: iana, loc: loc}, n, nil
	}
	return nil, 0, nil
}

func offsetName(secs int) string {
	sign := '+'
	if secs < 0 {
		sign, secs = '-', -secs
	}
	return fmt.Sprintf("UTC%c%02d:%02d", sign, secs/3600, secs%3600/60)
}
