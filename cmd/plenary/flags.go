package main

import "flag"

// parseInterspersed parses flags that may come before, between or after
// positional arguments ("new report "Title" --session s2"), which the flag
// package alone stops at, and returns the positional arguments.
func parseInterspersed(fl *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		if fl.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fl.Arg(0))
		args = fl.Args()[1:]
	}
}

// optionalString is a string flag that tells whether it was given, so that
// an empty value can mean something (--search-endpoint "" builds a site
// without search).
type optionalString struct {
	value string
	set   bool
}

func (o *optionalString) String() string { return o.value }

func (o *optionalString) Set(v string) error {
	o.value, o.set = v, true
	return nil
}

// ptr is the value given, or nil when the flag was not.
func (o *optionalString) ptr() *string {
	if !o.set {
		return nil
	}
	return &o.value
}

// searchEndpointUsage is the help of the --search-endpoint flag, which
// build and check share.
const searchEndpointUsage = `where the site's search form is sent, instead of config.toml's [search] endpoint: a URL (an endpoint on another host), a path under the base URL, or "" for a site without search (a static host alone)`
