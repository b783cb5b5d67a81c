package generator

import "testing"

func TestSaidIn(t *testing.T) {
	long := "The chair opened the meeting and recalled the mandate of the group, which several delegations then discussed at length. " +
		"Brazil proposed that paragraph [15] of the draft be deleted. Others disagreed with the proposal, and the Chair said that it would come back to it after the consultations of the next week, once every delegation had seen the revised text."
	short := "Chile agreed. Brazil proposed a change, e.g. to the text. France objected."
	for _, tc := range []struct {
		name, text, form string
		shown, marked    string
	}{
		{"long paragraph: the sentence", long, "Brazil", "Brazil proposed that paragraph [15] of the draft be deleted.", "Brazil proposed that paragraph [15] of the draft be deleted."},
		{"short paragraph: whole, sentence marked", short, "Brazil", short, "Brazil proposed a change, e.g. to the text."},
		{"first sentence", short, "Chile", short, "Chile agreed."},
		{"last sentence", short, "France", short, "France objected."},
		{"not named: from the start", short, "Peru", short, "Chile agreed."},
		{"quotes end a sentence", "He said ‘no.’ Egypt agreed with him on every point raised.", "Egypt", "He said ‘no.’ Egypt agreed with him on every point raised.", "Egypt agreed with him on every point raised."},
	} {
		at, n := NamedAt(tc.text, []string{tc.form})
		s := SaidIn(tc.text, at, n)
		if got := s.Text(tc.text); got != tc.shown {
			t.Errorf("%s: shows %q, want %q", tc.name, got, tc.shown)
		}
		if got := tc.text[s.Mark:s.MarkEnd]; got != tc.marked {
			t.Errorf("%s: marks %q, want %q", tc.name, got, tc.marked)
		}
		if s.Mark < s.Start || s.MarkEnd > s.End {
			t.Errorf("%s: mark [%d,%d) outside [%d,%d)", tc.name, s.Mark, s.MarkEnd, s.Start, s.End)
		}
	}
}

// FuzzSaidIn checks that what a statement shows is always a well-formed
// part of the text that holds the mark and the name.
func FuzzSaidIn(f *testing.F) {
	f.Add("Chile agreed. Brazil said so. ‘Yes.’ France …", "Brazil")
	f.Add("a", "a")
	f.Fuzz(func(t *testing.T, text, form string) {
		at, n := NamedAt(text, []string{form})
		s := SaidIn(text, at, n)
		if s.Start < 0 || s.Start > s.End || s.End > len(text) || s.Mark < s.Start || s.Mark > s.MarkEnd || s.MarkEnd > s.End {
			t.Fatalf("SaidIn(%q, %d, %d) = %+v", text, at, n, s)
		}
	})
}
