package gazetteer

import "testing"

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"France", "france"},
		{"Côte d'Ivoire", "cote-divoire"},
		{"Côte d’Ivoire", "cote-divoire"},
		{"Russian Federation", "russian-federation"},
		{"Guinea-Bissau", "guinea-bissau"},
		{"Democratic People's Republic of Korea", "democratic-peoples-republic-of-korea"},
		{"Bolivia (Plurinational State of)", "bolivia-plurinational-state-of"},
		{"São Tomé and Príncipe", "sao-tome-and-principe"},
		{"Türkiye", "turkiye"},
		{"Let’s Talk Cyber", "lets-talk-cyber"},
		{"OEWG 2021–2025: Regular institutional dialogue", "oewg-2021-2025-regular-institutional-dialogue"},
		{"  Hello,  World!  ", "hello-world"},
		{"Straße Œuvre Ærø", "strasse-oeuvre-aero"},
		{"Cafe\u0301", "cafe"},
		{"Ελλάδα", "ελλάδα"},
		{"---", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
