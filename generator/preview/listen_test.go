package preview

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestAllowHosts checks which Host headers the preview answers: its own
// names with its port, never a name a page elsewhere could point at the
// machine (DNS rebinding).
func TestAllowHosts(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	tests := []struct {
		bind, host string
		want       int
	}{
		{"127.0.0.1", "localhost:1313", 200},
		{"127.0.0.1", "LOCALHOST:1313", 200},
		{"127.0.0.1", "127.0.0.1:1313", 200},
		{"127.0.0.1", "[::1]:1313", 200},
		{"127.0.0.1", "127.0.0.2:1313", 200}, // loopback
		{"127.0.0.1", "rebind.example:1313", 403},
		{"127.0.0.1", "localhost.rebind.example:1313", 403},
		{"127.0.0.1", "localhost:8080", 403},
		{"127.0.0.1", "localhost", 403}, // port 80
		{"127.0.0.1", "", 403},
		{"127.0.0.1", "192.168.1.5:1313", 403},
		{"192.168.1.5", "192.168.1.5:1313", 200},
		{"192.168.1.5", "192.168.1.6:1313", 403},
		{"0.0.0.0", "192.168.1.5:1313", 200},
		{"0.0.0.0", "[fe80::1]:1313", 200},
		{"0.0.0.0", "laptop.rebind.example:1313", 403},
		{"::", "[2001:db8::1]:1313", 200},
		{"laptop.local", "laptop.local:1313", 200},
		{"laptop.local", "Laptop.Local:1313", 200},
		{"laptop.local", "other.local:1313", 403},
	}
	for _, tc := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = tc.host
		w := httptest.NewRecorder()
		allowHosts(ok, tc.bind, 1313).ServeHTTP(w, r)
		if w.Code != tc.want {
			t.Errorf("bound to %s, Host %q: %d, want %d", tc.bind, tc.host, w.Code, tc.want)
		}
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Host = "localhost:80"
	w := httptest.NewRecorder()
	if allowHosts(ok, "127.0.0.1", 80).ServeHTTP(w, r); w.Code != 200 {
		t.Errorf("port 80 named: %d", w.Code)
	}
	r.Host = "localhost"
	w = httptest.NewRecorder()
	if allowHosts(ok, "127.0.0.1", 80).ServeHTTP(w, r); w.Code != 200 {
		t.Errorf("port 80 left out: %d", w.Code)
	}
}
