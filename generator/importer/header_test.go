package importer

import (
	"testing"

	"github.com/plenary-archive/plenary/generator/gazetteer"
)

func TestIsLocation(t *testing.T) {
	gz := gazetteer.Default()
	for text, want := range map[string]bool{
		"New York, USA":                        true,
		"Online":                               true,
		"Geneva":                               true,
		"UN Headquarters, New York and online": true,
		"Conference Room 4, United Nations Headquarters": true,
		"Palais des Nations, Geneva, Switzerland":        true,
		"Brasília, Brazil":                               true,
		"Brazil":                                         false, // a speaker's label
		"Online consultations on the draft":              false,
		"Opening remarks, New York":                      false,
		"New York.":                                      false,
		"Malaysia called for capacity building":          false,
		"":                                               false,
	} {
		if got := isLocation(text, gz); got != want {
			t.Errorf("isLocation(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestKindOf(t *testing.T) {
	for text, want := range map[string]string{
		"Event report": "event-report", "Session report:": "session-report", "Live blog": "live-blog",
		"Transcript": "transcript", "Malaysia called for capacity building.": "", "New York, USA": "",
		"A very long line that ends like a report but says much more than a kind would ever say report": "",
	} {
		got, ok := kindOf(text)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("kindOf(%q) = %q, want %q", text, got, want)
		}
	}
}
