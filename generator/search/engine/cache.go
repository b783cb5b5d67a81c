package engine

import (
	"container/list"
	"sync"
)

// Cache keeps the most recent responses by their request's Key: the index
// never changes under a running endpoint, so a response stays right for
// as long as it is kept, and a repeated query (a shared link, a results
// page reloaded, a facet toggled back) costs nothing. A nil *Cache keeps
// nothing. It is safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	size  int
	order *list.List // front: most recent
	items map[string]*list.Element
}

type entry struct {
	key string
	res *Response
}

// NewCache keeps up to size responses.
func NewCache(size int) *Cache {
	return &Cache{size: size, order: list.New(), items: map[string]*list.Element{}}
}

// Get is the response kept for key, or nil. Callers must not change it.
func (c *Cache) Get(key string) *Response {
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

// Put keeps res for key, forgetting the least recent past the size.
func (c *Cache) Put(key string, res *Response) {
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
