package search

import (
	"container/list"
	"sync"
)

// cache keeps the most recent responses by their canonical request: the
// index never changes under a running endpoint, so a response stays right
// for as long as it is kept, and a repeated query (a shared link, a
// results page reloaded, a facet toggled back) costs nothing.
type cache struct {
	mu    sync.Mutex
	size  int
	order *list.List // front: most recent
	items map[string]*list.Element
}

type entry struct {
	key string
	res *Response
}

func newCache(size int) *cache {
	return &cache{size: size, order: list.New(), items: map[string]*list.Element{}}
}

func (c *cache) get(key string) *Response {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*entry).res
	}
	return nil
}

func (c *cache) put(key string, res *Response) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		e.Value.(*entry).res = res
		return
	}
	c.items[key] = c.order.PushFront(&entry{key, res})
	for c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*entry).key)
	}
}
