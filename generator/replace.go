package generator

import "os"

// ReplaceDir puts the folder tmp in place of dest with two renames, so
// that dest is never partly written: between them it is briefly absent.
// The site and the search index are both published this way.
func ReplaceDir(dest, tmp string) error {
	old := ""
	if _, err := os.Stat(dest); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dest, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dest); err != nil {
		if old != "" {
			_ = os.Rename(old, dest)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
