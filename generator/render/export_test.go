package render

// FastLists says which lists of th are written in Go: the session lists
// and the topic lists.
func FastLists(th *Theme) (session, topic, marks bool) { return th.Lists().Fast() }
