// Command measure prints how search does on the judged query sets of
// testdata/relevance: success@3 and nDCG@10 of the development set and
// of the held-out set, and with -v every query that failed. Run it from
// the repository's root:
//
//	go run ./internal/judged/measure [-v] [-set queries|heldout]
//
// It exits with status 1 when a set is below success@3 0.95.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/plenary-archive/plenary/internal/judged"
	"github.com/plenary-archive/plenary/internal/relevance"
)

func main() {
	dir := flag.String("dir", filepath.Join("testdata", "relevance"), "the folder of the judged sets")
	only := flag.String("set", "", "measure this set alone: "+relevance.Development+" or "+relevance.HeldOut)
	verbose := flag.Bool("v", false, "list the queries that failed, with what they found")
	flag.Parse()
	sets := []string{relevance.Development, relevance.HeldOut}
	if *only != "" {
		sets = []string{*only}
	}
	code := 0
	for _, name := range sets {
		set, err := judged.Open(*dir, name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "measure: %s: %v\n", name, err)
			os.Exit(2)
		}
		res := set.Run()
		_ = set.Close()
		if *verbose {
			for _, f := range res.Failures {
				fmt.Println(f)
			}
		}
		fmt.Printf("%-8s %s\n", name, res.Summary)
		if res.Summary.SuccessAt3 < 0.95 {
			code = 1
		}
	}
	os.Exit(code)
}
