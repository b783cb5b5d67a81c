package gazetteer

// candidate is one known name, slugified so that the distance ignores
// case, accents and punctuation: an editor who wrote "cote d ivoire"
// made no spelling mistake worth counting.
type candidate struct {
	key    []rune
	entity int
}

func candidates(ents []*Entity) []candidate {
	var out []candidate
	for i, e := range ents {
		seen := make(map[string]bool)
		for _, f := range allForms(e) {
			k := Slugify(f)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, candidate{key: []rune(k), entity: i})
		}
	}
	return out
}

// Suggest returns the name of the entity whose name, official name, alias
// or known misspelling is closest to name, for "did you mean" messages
// when Lookup fails. Transposed letters count as one edit ("Frnace").
// It returns "" when nothing is reasonably close: at most one edit in four
// characters, at most three in all, and none for names of three characters
// or fewer, where every code is one edit from another.
func (g *Gazetteer) Suggest(name string) string {
	q := []rune(Slugify(name))
	limit := min(len(q)/4, 3)
	if len(q) >= 4 {
		limit = max(limit, 1)
	}
	best, bestD := -1, limit+1
	for _, c := range g.suggest {
		if abs(len(c.key)-len(q)) >= bestD {
			continue
		}
		d := osaDistance(q, c.key, bestD)
		// states are listed first, so on a tie they win over groups
		if d < bestD {
			best, bestD = c.entity, d
		}
	}
	if best < 0 {
		return ""
	}
	return g.entities[best].Name
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// osaDistance is the optimal-string-alignment edit distance (Levenshtein
// plus transposition of neighbours). It gives up and returns bound as
// soon as the distance cannot be below bound.
func osaDistance(a, b []rune, bound int) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin >= bound {
			return bound
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], bound)
}
