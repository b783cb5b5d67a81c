//go:build !linux

package versions

// exchange cannot swap two names in one step here.
func exchange(string, string) error { return errNoExchange }
