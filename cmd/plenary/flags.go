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
